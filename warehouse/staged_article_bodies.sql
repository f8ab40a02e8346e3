-- Every staged article's document, title and body, in insertion order (path order on a full run):
-- a plain scan, so no sort of 100k bodies has to fit in memory. Paths come from `documents`.
SELECT document_id, title, body
FROM articles;
