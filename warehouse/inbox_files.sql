-- Bookkeeping beside the published tables: the size and mtime each published file had when the
-- run that published it listed the inbox. A file found again with the same path, size and mtime
-- is taken to hold the same bytes and is not read (like make and rsync); see flows/inbox.py.
-- Not a table the quality gate checks; replaced with every publish.

CREATE TABLE IF NOT EXISTS inbox_files (
    path        VARCHAR NOT NULL,    -- = documents.path
    size_bytes  BIGINT NOT NULL,
    mtime_ns    BIGINT NOT NULL
);
