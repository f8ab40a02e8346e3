-- Views for ad hoc SQL over the published tables.

CREATE OR REPLACE VIEW article_overview AS
SELECT
    a.article_id,
    a.title,
    a.published_date,
    p.name AS publisher,
    (SELECT string_agg(au.name, ', ' ORDER BY aa.ordinal)
       FROM article_authors aa JOIN authors au USING (author_id)
      WHERE aa.article_id = a.article_id) AS authors,
    a.word_count,
    (SELECT count(*) FROM quotes q WHERE q.article_id = a.article_id) AS quotes,
    d.duplicate_of,
    doc.path,
    a.extraction_method
FROM articles a
JOIN documents doc USING (document_id)
LEFT JOIN publishers p USING (publisher_id)
LEFT JOIN duplicates d USING (article_id);

CREATE OR REPLACE VIEW who_said_what AS
SELECT
    pe.name AS speaker,
    pe.role,
    pe.organisation,
    q.text AS quote,
    q.resolution,
    a.title,
    a.published_date,
    pu.name AS publisher,
    q.article_id
FROM quotes q
JOIN articles a USING (article_id)
LEFT JOIN people pe USING (person_id)
LEFT JOIN publishers pu USING (publisher_id);
