-- Rows the quality gate held back from the last publish, with the reason.
CREATE TABLE IF NOT EXISTS quarantine_articles (
    article_id         VARCHAR NOT NULL,
    document_id        VARCHAR NOT NULL,
    title              VARCHAR,
    word_count         INTEGER,
    published_date     DATE,
    quarantine_reason  VARCHAR NOT NULL
);
