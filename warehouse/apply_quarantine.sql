-- Hold back the articles the quality gate quarantined (the `quarantined` frame: document_id,
-- reason) with everything that hangs off them; their documents say why.

INSERT INTO quarantine_articles
SELECT a.article_id, a.document_id, a.title, a.word_count, a.published_date, q.reason
FROM articles a JOIN quarantined q USING (document_id);

DELETE FROM paragraphs WHERE article_id IN (SELECT document_id FROM quarantined);
DELETE FROM article_authors WHERE article_id IN (SELECT document_id FROM quarantined);
DELETE FROM quotes WHERE article_id IN (SELECT document_id FROM quarantined);
DELETE FROM duplicates
WHERE article_id IN (SELECT document_id FROM quarantined) OR duplicate_of IN (SELECT document_id FROM quarantined);
DELETE FROM articles WHERE document_id IN (SELECT document_id FROM quarantined);

UPDATE documents SET status = 'quarantined', reason = q.reason
FROM quarantined q WHERE documents.document_id = q.document_id;
