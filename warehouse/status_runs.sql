-- `article-etl status`: the last runs (parameter: how many).
SELECT started_at, status, mode, files_seen, files_processed, articles_published, checks_failed, reason
FROM pipeline_runs
ORDER BY started_at DESC
LIMIT ?;
