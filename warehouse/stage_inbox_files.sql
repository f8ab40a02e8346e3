-- The listing's stats of the staged documents that were read whole (the `listed` frame: path,
-- size_bytes, mtime_ns). A file whose size changed between the listing and the read is left out,
-- so the next run reads it again.

DELETE FROM inbox_files;

INSERT INTO inbox_files
SELECT l.path, l.size_bytes, l.mtime_ns
FROM listed l JOIN documents d USING (path)
WHERE d.sha256 IS NOT NULL AND d.size_bytes = l.size_bytes;
