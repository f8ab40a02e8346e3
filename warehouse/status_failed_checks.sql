-- `article-etl status`: the checks that failed in the last run that ran the gate.
SELECT q.expectation, q.observed
FROM quality_results q
WHERE NOT q.success
  AND q.run_id = (SELECT run_id FROM pipeline_runs WHERE status <> 'unchanged' ORDER BY started_at DESC LIMIT 1);
