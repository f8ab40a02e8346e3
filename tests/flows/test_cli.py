import json

from conftest import SAMPLE_GOLD, SAMPLE_INBOX, load_gold

from flows.cli import main
from flows.store import run_lock
from transforms.evaluation import score_corpus

GOLD_KEYS = [
    "file",
    "is_article",
    "title",
    "byline",
    "published",
    "publisher",
    "body",
    "quotes",
    "duplicate_of",
]


def run_extract(capsys, *paths) -> dict[str, dict]:
    assert main(["extract", "--jsonl", *map(str, paths)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return {r["file"]: r for r in records}


def test_extract_prints_gold_shaped_records_for_every_file(capsys):
    got = run_extract(capsys, SAMPLE_INBOX)
    gold = load_gold(SAMPLE_GOLD)
    assert set(got) == set(gold)
    assert all(list(record) == GOLD_KEYS for record in got.values())


def test_extract_on_shared_samples_scores_body_f1(capsys, shared_dir):
    gold = load_gold(shared_dir / "samples" / "gold.jsonl")
    got = run_extract(capsys, shared_dir / "samples" / "raw")
    score = score_corpus({n: g["body"] for n, g in gold.items()}, {n: r["body"] for n, r in got.items()})
    assert score.f1 >= 0.80, score


def test_status_without_warehouse_says_what_to_do(capsys, tmp_path):
    assert main(["status", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "article-etl run" in capsys.readouterr().err


def test_generate_writes_a_deterministic_inbox(capsys, tmp_path):
    for out in ("a", "b"):
        assert main(["generate", "--n", "30", "--out", str(tmp_path / out), "--seed", "3"]) == 0
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert len(files_a) == 30 and files_a == files_b
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files_a)
    assert "30 documents" in capsys.readouterr().out


def test_second_run_while_one_is_writing_stops_at_once_with_one_line(capsys, tmp_path):
    db = tmp_path / "articles.duckdb"
    with run_lock(db):  # what a run holds for its whole length
        assert main(["run", "--inbox", str(SAMPLE_INBOX), "--db", str(db)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "another run is already writing" in err[0]
    assert not db.exists()
