-- Link the copies found in this run (the `duplicate_links` frame: path, original, kind,
-- similarity) to their originals in the staging tables, and mark the copies' documents.

DELETE FROM duplicates;

INSERT INTO duplicates
SELECT copy.document_id, original.document_id, l.kind, l.similarity
FROM duplicate_links l
JOIN documents copy ON copy.path = l.path
JOIN documents original ON original.path = l.original;

UPDATE documents
SET status = 'duplicate',
    reason = 'duplicate (' || l.kind || ', similarity ' || round(l.similarity, 3) || ') of ' || l.original
FROM duplicate_links l
WHERE documents.path = l.path;
