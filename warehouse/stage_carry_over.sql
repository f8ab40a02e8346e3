-- Incremental runs: copy the published rows of documents whose bytes did not change into the
-- staging file, so staging always holds the whole warehouse-to-be. Needs the published file
-- attached as `published` and the `kept_paths` frame (path).

CREATE TEMP TABLE kept AS
SELECT d.document_id FROM published.documents d JOIN kept_paths k USING (path);

INSERT INTO documents SELECT * FROM published.documents WHERE document_id IN (SELECT document_id FROM kept);
INSERT INTO articles SELECT * FROM published.articles WHERE document_id IN (SELECT document_id FROM kept);
INSERT INTO paragraphs SELECT * FROM published.paragraphs WHERE article_id IN (SELECT document_id FROM kept);
INSERT INTO article_authors SELECT * FROM published.article_authors WHERE article_id IN (SELECT document_id FROM kept);
INSERT INTO quotes SELECT * FROM published.quotes WHERE article_id IN (SELECT document_id FROM kept);
INSERT INTO removed_lines SELECT * FROM published.removed_lines WHERE document_id IN (SELECT document_id FROM kept);
-- Entities are shared between articles: carry them all; `stage_prune.sql` drops the orphans.
INSERT INTO publishers SELECT * FROM published.publishers;
INSERT INTO authors SELECT * FROM published.authors;
INSERT INTO people SELECT * FROM published.people;
INSERT INTO quarantine_articles
SELECT * FROM published.quarantine_articles WHERE document_id IN (SELECT document_id FROM kept);
-- Duplicate links are recomputed over the whole staged corpus.
UPDATE documents SET status = 'published', reason = NULL WHERE status = 'duplicate';
