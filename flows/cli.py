"""`article-etl`: run the pipeline, extract files without a database, show warehouse status."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

from flows.inbox import InboxFile, current_digests, load_document, plan_changes, scan_inbox
from flows.settings import Settings
from flows.store import WarehouseError, connect, read_published_state, run_lock
from transforms.extract import extract_documents, gold_record, link_duplicates
from warehouse import sql

EXAMPLE_QUERY = "SELECT title, publisher, published_date, word_count FROM article_overview LIMIT 10;"


def _input_files(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")))
        else:
            files.append(path)
    return files


def cmd_extract(args: argparse.Namespace) -> int:
    """Extract the given files as one batch and print one JSON object per file."""
    settings = Settings()
    docs = [
        load_document(InboxFile(path, path.name), settings.max_file_bytes)[1]
        for path in _input_files(args.paths)
    ]
    extractions = extract_documents(docs).extractions
    links = link_duplicates(extractions)
    indent = None if args.jsonl else 2
    for extraction in extractions:
        link = links.get(extraction.name)
        record = gold_record(extraction, link.duplicate_of if link else None)
        print(json.dumps(record, ensure_ascii=False, indent=indent))
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    settings = Settings(**{k: v for k, v in {"inbox": args.inbox, "db_path": args.db}.items() if v})
    if not settings.inbox.is_dir():
        print(f"article-etl: inbox {settings.inbox} is not a folder", file=sys.stderr)
        return 2
    # Fail fast, before a Prefect server is started for nothing: another run, or a warehouse
    # that is locked by another process or is not a DuckDB file.
    with run_lock(settings.db_path):
        read_published_state(settings.db_path)
    from flows.pipeline import run_pipeline  # Prefect is imported only for commands that need it

    state = run_pipeline(inbox=args.inbox, db_path=args.db, full_refresh=args.full_refresh, return_state=True)
    summary = state.result(raise_on_failure=False)
    if isinstance(summary, BaseException):
        print(f"article-etl: run failed: {summary}", file=sys.stderr)
        return 1
    print(
        f"\nFiles seen: {summary.files_seen} ({summary.mode} run: {summary.files_processed} extracted, "
        f"{summary.files_deleted} deleted)"
    )
    for status, count in sorted(summary.statuses.items()):
        print(f"  {status:<12} {count}")
    if summary.skipped:
        print("Not published, by reason:")
        for reason, count in sorted(summary.skipped.items(), key=lambda kv: -kv[1]):
            print(f"  {count:>4}  {reason}")
    print(f"Checks: {summary.checks_passed} passed, {summary.checks_failed} failed")
    if summary.status == "unchanged":
        print("Inbox unchanged since the last publish: nothing to do.")
    elif summary.status != "published":
        print(f"NOT PUBLISHED: {summary.reason}")
        return 1
    print(f"Warehouse: {summary.db_path}")
    print(f'Try: .venv/bin/duckdb -readonly {summary.db_path} "{EXAMPLE_QUERY}"')
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    """The last runs, what each published, failed checks, and what the inbox holds that is not published."""
    settings = Settings(**{k: v for k, v in {"inbox": args.inbox, "db_path": args.db}.items() if v})
    db = settings.db_path
    if not db.exists():
        raise WarehouseError(f"no warehouse at {db} yet: run `article-etl run` first")
    with closing(connect(db, read_only=True)) as con:
        runs = con.execute(sql("status_runs"), [args.last]).fetchall()
        failed = con.execute(sql("status_failed_checks")).fetchall()
    print(f"Warehouse: {db}")
    print("Last runs:")
    for started, status, mode, seen, processed, published, failed_checks, reason in runs:
        print(
            f"  {started:%Y-%m-%d %H:%M:%S}  {status:<9} {mode:<11} files {seen:>6} (extracted {processed})"
            f"  articles {published:>6}  failed checks {failed_checks}" + (f"  ({reason})" if reason else "")
        )
    if failed:
        print("Checks that failed in the last run that checked:")
        for expectation, observed in failed:
            print(f"  {expectation}: {observed}")
    previous = read_published_state(db)
    if settings.inbox.is_dir() and previous is not None:
        files = scan_inbox(settings.inbox)
        stats = previous.file_stats if settings.trust_file_stats else {}
        hashes, _ = current_digests(files, previous.fingerprints, stats, settings.max_file_bytes)
        plan = plan_changes(files, hashes, previous.fingerprints)
        print(
            f"Inbox {settings.inbox}: {len(files)} files, {len(plan.to_extract)} new or changed, "
            f"{len(plan.deleted)} deleted since the last publish"
        )
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from transforms.synthetic import generate_corpus

    count = 0
    for relative, data in generate_corpus(args.n, seed=args.seed, html_share=args.html_share):
        target = args.out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        count += 1
    print(f"Wrote {count} documents under {args.out}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from flows.serve import serve

    serve(Settings())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="article-etl", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run the pipeline flow on an inbox into the warehouse")
    run.add_argument("--inbox", type=Path, help="folder of raw dumps (default: the bundled sample)")
    run.add_argument("--db", type=Path, help="warehouse file (default: warehouse/articles.duckdb)")
    run.add_argument(
        "--full-refresh", action="store_true", help="re-extract every file, not only new/changed"
    )
    run.set_defaults(handler=cmd_run)
    extract = sub.add_parser(
        "extract", help="extract files as one batch, print JSON (no database, no Prefect)"
    )
    extract.add_argument("--jsonl", action="store_true", help="one JSON object per line")
    extract.add_argument("paths", nargs="+", type=Path, help="files or folders")
    extract.set_defaults(handler=cmd_extract)
    status = sub.add_parser("status", help="the last runs of the warehouse")
    status.add_argument("--db", type=Path, help="warehouse file (default: from settings)")
    status.add_argument(
        "--inbox", type=Path, help="inbox to compare with the warehouse (default: from settings)"
    )
    status.add_argument("--last", type=int, default=10, help="how many runs")
    status.set_defaults(handler=cmd_status)
    generate = sub.add_parser("generate", help="write a deterministic synthetic inbox of N documents")
    generate.add_argument("--n", type=int, required=True, help="number of documents")
    generate.add_argument("--out", type=Path, required=True, help="folder to write into")
    generate.add_argument("--seed", type=int, default=0)
    generate.add_argument("--html-share", type=float, default=0.2, help="share of HTML pages (0..1)")
    generate.set_defaults(handler=cmd_generate)
    serve = sub.add_parser(
        "serve", help="local Prefect server + the pipeline on its cron schedule (Ctrl-C stops)"
    )
    serve.set_defaults(handler=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except WarehouseError as exc:
        print(f"article-etl: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
