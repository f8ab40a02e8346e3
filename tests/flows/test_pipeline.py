"""The real flow, on a real DuckDB file, under a real (temporary) Prefect server."""

from __future__ import annotations

import os
import shutil
from contextlib import closing
from pathlib import Path

import duckdb
from conftest import SAMPLE_GOLD, SAMPLE_INBOX, load_gold, query

from flows.pipeline import run_pipeline
from flows.settings import Settings
from flows.store import PUBLISHED_TABLES
from transforms.evaluation import score_corpus


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every published table's rows, sorted."""
    with closing(duckdb.connect(str(db), read_only=True)) as con:
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in PUBLISHED_TABLES}


def test_every_input_file_has_one_documents_row(published):
    files = sorted(p.relative_to(SAMPLE_INBOX).as_posix() for p in SAMPLE_INBOX.rglob("*") if p.is_file())
    assert [r[0] for r in query(published, "SELECT path FROM documents ORDER BY path")] == files
    unexplained = query(
        published, "SELECT path FROM documents WHERE status <> 'published' AND reason IS NULL"
    )
    assert unexplained == []
    statuses = {s for (s,) in query(published, "SELECT DISTINCT status FROM documents")}
    assert statuses <= {"published", "not_article", "duplicate", "quarantined", "failed"}


def test_published_rows_match_the_bundled_gold(published):
    gold = load_gold(SAMPLE_GOLD)
    docs = {
        name: (status, title, body)
        for name, status, title, body in query(
            published,
            "SELECT d.file_name, d.status, a.title, a.body "
            "FROM documents d LEFT JOIN articles a USING (document_id)",
        )
    }
    assert set(docs) == set(gold)
    articles = {n for n, (status, _, _) in docs.items() if status in ("published", "duplicate")}
    assert articles == {n for n, g in gold.items() if g["is_article"]}
    score = score_corpus({n: gold[n]["body"] for n in articles}, {n: docs[n][2] for n in articles})
    assert score.f1 >= 0.9, score
    titles_right = sum(docs[n][1] == gold[n]["title"] for n in articles)
    assert titles_right >= 0.8 * len(articles)


def test_duplicates_are_linked_to_their_originals(published):
    gold = load_gold(SAMPLE_GOLD)
    links = query(
        published,
        "SELECT c.file_name, o.file_name FROM duplicates x JOIN documents c ON c.document_id = x.article_id "
        "JOIN documents o ON o.document_id = x.duplicate_of",
    )
    assert sorted(links) == sorted((n, g["duplicate_of"]) for n, g in gold.items() if g["duplicate_of"])


def test_run_is_logged_with_quality_results(published):
    [(status, seen, failed_checks)] = query(
        published, "SELECT status, files_seen, checks_failed FROM pipeline_runs"
    )
    assert status == "published" and seen == len(load_gold(SAMPLE_GOLD))
    [(results,)] = query(published, "SELECT count(*) FROM quality_results")
    assert results > 10
    assert query(published, "SELECT count(*) FROM article_overview")[0][0] > 0


def test_rerun_and_full_refresh_leave_every_published_table_identical(prefect_harness, tmp_path):
    db = tmp_path / "articles.duckdb"
    assert run_pipeline(inbox=SAMPLE_INBOX, db_path=db, return_state=True).is_completed()
    first = snapshot(db)
    assert run_pipeline(inbox=SAMPLE_INBOX, db_path=db, return_state=True).is_completed()
    assert snapshot(db) == first
    assert run_pipeline(inbox=SAMPLE_INBOX, db_path=db, full_refresh=True, return_state=True).is_completed()
    assert snapshot(db) == first
    runs = query(db, "SELECT status, mode, files_processed FROM pipeline_runs ORDER BY started_at")
    files = len(load_gold(SAMPLE_GOLD))
    assert runs == [
        ("published", "full", files),
        ("unchanged", "incremental", 0),
        ("published", "full", files),
    ]


def test_incremental_run_extracts_only_changed_files_and_drops_deleted(prefect_harness, tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "articles.duckdb"
    shutil.copytree(SAMPLE_INBOX, inbox)
    assert run_pipeline(inbox=inbox, db_path=db, return_state=True).is_completed()
    before = {
        p: b
        for p, b in query(db, "SELECT d.path, a.body FROM documents d JOIN articles a USING (document_id)")
    }
    changed, deleted = [p for p in sorted(before) if p.endswith(".txt")][:2]
    first_paragraph = before[changed].split("\n\n")[0]
    text = (inbox / changed).read_text(encoding="utf-8")
    addition = " The council will publish its final decision on the scheme in the spring."
    (inbox / changed).write_text(text.replace(first_paragraph, first_paragraph + addition), encoding="utf-8")
    (inbox / deleted).unlink()
    assert run_pipeline(inbox=inbox, db_path=db, return_state=True).is_completed()
    after = {
        p: b
        for p, b in query(db, "SELECT d.path, a.body FROM documents d JOIN articles a USING (document_id)")
    }
    assert deleted not in after
    assert "final decision on the scheme" in after[changed]
    assert {p: b for p, b in after.items() if p != changed} == {
        p: b for p, b in before.items() if p not in (changed, deleted)
    }
    [(mode, processed, removed)] = query(
        db, "SELECT mode, files_processed, files_deleted FROM pipeline_runs ORDER BY started_at DESC LIMIT 1"
    )
    assert (mode, processed, removed) == ("incremental", 1, 1)


def test_blocked_batch_publishes_nothing_and_keeps_previous_tables(prefect_harness, tmp_path):
    db = tmp_path / "articles.duckdb"
    staging = Settings(db_path=db).staging_file
    assert run_pipeline(inbox=SAMPLE_INBOX, db_path=db, return_state=True).is_completed()
    assert not staging.exists()  # a published batch's staging copy is deleted
    before = snapshot(db)
    junk = tmp_path / "junk"
    junk.mkdir()
    for i in range(5):
        (junk / f"scan-{i}.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    shutil.copy(next(SAMPLE_INBOX.glob("*.txt")), junk / "one-article.txt")
    state = run_pipeline(inbox=junk, db_path=db, return_state=True)
    assert state.is_failed()
    assert "blocked" in state.message.lower()
    assert snapshot(db) == before
    assert query(db, "SELECT status FROM pipeline_runs ORDER BY started_at") == [("published",), ("blocked",)]
    assert query(staging, "SELECT count(*) FROM documents") == [(6,)]  # kept, to see what was blocked
    assert run_pipeline(inbox=SAMPLE_INBOX, db_path=db, return_state=True).is_completed()
    assert snapshot(db) == before  # the blocked batch left nothing behind for the next run either


def test_unchanged_files_go_unread_and_a_touched_file_is_read_once(prefect_harness, tmp_path, monkeypatch):
    inbox, db = tmp_path / "inbox", tmp_path / "articles.duckdb"
    shutil.copytree(SAMPLE_INBOX, inbox)
    files = sorted(p for p in inbox.rglob("*") if p.is_file())
    for path in files:
        os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))

    def run():
        state = run_pipeline(inbox=inbox, db_path=db, return_state=True)
        assert state.is_completed(), state.message
        return state.result()

    assert run().status == "published"
    first = snapshot(db)
    unchanged = run()
    assert (unchanged.status, unchanged.files_read_to_compare) == ("unchanged", 0)
    os.utime(files[0], ns=(1_600_000_100_000_000_000, 1_600_000_100_000_000_000))  # same bytes
    touched = run()
    assert (touched.status, touched.files_read_to_compare) == ("unchanged", 1)
    assert run().files_read_to_compare == 0  # its new mtime was recorded
    assert snapshot(db) == first

    # Same size and mtime with other bytes passes for unchanged (make's and rsync's trade-off)...
    article = next(p for p in files if p.suffix == ".txt")
    text = article.read_bytes()
    stat = article.stat()
    article.write_bytes(text.replace(b"a", b"e"))
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert run().status == "unchanged"
    # ...unless the stats are not trusted.
    monkeypatch.setenv("ARTICLE_ETL_TRUST_FILE_STATS", "false")
    hashed = run()
    assert (hashed.status, hashed.files_processed) == ("published", 1)
    assert hashed.files_read_to_compare == len(files)
