-- One Parquet shard written by an extraction worker, rows in the order they were written.
SELECT * FROM read_parquet(?)
