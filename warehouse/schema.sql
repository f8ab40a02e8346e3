-- Tables of one batch. Created empty in the staging database; `publish.sql` copies them into
-- the published database in one transaction. Column docs: warehouse/README.md.

CREATE TABLE IF NOT EXISTS documents (
    document_id   VARCHAR PRIMARY KEY,   -- sha256(relative path)[:16], stable across runs
    path          VARCHAR NOT NULL,      -- path relative to the inbox
    file_name     VARCHAR NOT NULL,
    sha256        VARCHAR,               -- of the file's bytes (NULL when unreadable)
    size_bytes    BIGINT,
    format        VARCHAR NOT NULL,      -- text | html | binary | empty | unreadable
    encoding      VARCHAR,
    status        VARCHAR NOT NULL,      -- published | not_article | duplicate | quarantined | failed
    reason        VARCHAR,
    site_key      VARCHAR
);

CREATE TABLE IF NOT EXISTS publishers (
    publisher_id  VARCHAR PRIMARY KEY,   -- sha256(normalised name)[:16]
    name          VARCHAR NOT NULL,
    site_key      VARCHAR,
    domain        VARCHAR
);

CREATE TABLE IF NOT EXISTS articles (
    article_id        VARCHAR PRIMARY KEY,   -- = document_id of the file it came from
    document_id       VARCHAR NOT NULL,
    publisher_id      VARCHAR,
    title             VARCHAR,
    standfirst        VARCHAR,
    published_date    DATE,
    word_count        INTEGER NOT NULL,
    language          VARCHAR,
    canonical_url     VARCHAR,
    extraction_method VARCHAR NOT NULL,
    confidence        DOUBLE NOT NULL,
    body              VARCHAR USING COMPRESSION zstd NOT NULL,
    content_hash      VARCHAR NOT NULL       -- sha256 of the body
);

-- Paragraphs and quotes (millions of rows at 100k articles) carry no primary-key index, like
-- removed_lines: an index has to be held in memory while a publish builds it, and the quality
-- gate checks their keys are unique before anything is published.
CREATE TABLE IF NOT EXISTS paragraphs (
    article_id  VARCHAR NOT NULL,        -- key: (article_id, ordinal)
    ordinal     INTEGER NOT NULL,
    kind        VARCHAR NOT NULL,
    text        VARCHAR USING COMPRESSION zstd NOT NULL
);

CREATE TABLE IF NOT EXISTS authors (
    author_id        VARCHAR PRIMARY KEY,    -- sha256(normalised name)[:16]
    name             VARCHAR NOT NULL,
    normalised_name  VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS article_authors (
    article_id  VARCHAR NOT NULL,
    author_id   VARCHAR NOT NULL,
    ordinal     INTEGER NOT NULL,
    role        VARCHAR NOT NULL,            -- author
    PRIMARY KEY (article_id, ordinal)
);

CREATE TABLE IF NOT EXISTS people (
    person_id     VARCHAR PRIMARY KEY,       -- sha256(name | role | organisation)[:16]
    name          VARCHAR NOT NULL,
    role          VARCHAR,
    organisation  VARCHAR
);

CREATE TABLE IF NOT EXISTS quotes (
    quote_id          VARCHAR NOT NULL,      -- key; sha256(article_id | paragraph | start)[:16]
    article_id        VARCHAR NOT NULL,
    paragraph_ordinal INTEGER NOT NULL,
    start_char        INTEGER NOT NULL,
    end_char          INTEGER NOT NULL,
    text              VARCHAR NOT NULL,
    person_id         VARCHAR,
    resolution        VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS duplicates (
    article_id    VARCHAR PRIMARY KEY,
    duplicate_of  VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,          -- exact | near
    similarity    DOUBLE NOT NULL
);

-- The audit of every cut line: millions of rows, so no index; the quality gate checks that
-- (document_id, position) is unique.
CREATE TABLE IF NOT EXISTS removed_lines (
    document_id  VARCHAR NOT NULL,
    position     INTEGER NOT NULL,
    text         VARCHAR USING COMPRESSION zstd NOT NULL,
    reason       VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS site_chrome (
    site_key   VARCHAR NOT NULL,
    line       VARCHAR NOT NULL,
    documents  INTEGER NOT NULL,
    PRIMARY KEY (site_key, line)
);
