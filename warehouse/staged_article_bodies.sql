-- Every staged article's path, title and body, in path order (duplicate detection reads it as a stream).
SELECT d.path, a.title, a.body
FROM articles a JOIN documents d USING (document_id)
ORDER BY d.path;
