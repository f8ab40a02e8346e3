-- Append-only logs in the published database: never replaced by a publish, so quality over
-- time is a SQL query.

CREATE TABLE IF NOT EXISTS pipeline_runs (
    run_id             VARCHAR PRIMARY KEY,
    flow_run_id        VARCHAR,
    started_at         TIMESTAMPTZ NOT NULL,
    finished_at        TIMESTAMPTZ NOT NULL,
    status             VARCHAR NOT NULL,     -- published | blocked | unchanged
    mode               VARCHAR NOT NULL,     -- full | incremental
    inbox              VARCHAR NOT NULL,
    files_seen         INTEGER NOT NULL,
    files_processed    INTEGER NOT NULL,     -- new or changed files extracted by this run
    files_deleted      INTEGER NOT NULL,     -- published files no longer in the inbox
    articles_published INTEGER NOT NULL,
    not_articles       INTEGER NOT NULL,
    duplicates         INTEGER NOT NULL,
    quarantined        INTEGER NOT NULL,
    failed             INTEGER NOT NULL,
    checks_passed      INTEGER NOT NULL,
    checks_failed      INTEGER NOT NULL,
    reason             VARCHAR,
    stage_seconds      VARCHAR,              -- JSON: wall seconds per stage (ingest, extract, load, ...)
    peak_rss_mb        DOUBLE                -- peak resident memory of the run's process
);

CREATE TABLE IF NOT EXISTS quality_results (
    run_id       VARCHAR NOT NULL,
    suite        VARCHAR NOT NULL,
    expectation  VARCHAR NOT NULL,
    severity     VARCHAR NOT NULL,           -- critical | warning
    success      BOOLEAN NOT NULL,
    observed     VARCHAR,
    details      VARCHAR
);
