-- The bodies of the staged articles of the given document paths (a list parameter), by path:
-- duplicate linking reads again the few bodies its candidate pairs need.
SELECT d.path, a.body
FROM articles a
JOIN documents d USING (document_id)
WHERE d.path IN (SELECT unnest(CAST(? AS VARCHAR[])));
