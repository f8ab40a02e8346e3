-- Paragraphs as the quality gate reads them: text only where it is short enough to be a chrome
-- line (parameter: that length), its length always; long text stays out of memory. The store
-- appends the WHERE clause that picks one chunk.
SELECT article_id, ordinal, kind, length(text) AS text_length, CASE WHEN length(text) <= ? THEN text END AS text
FROM paragraphs
