"""The warehouse's SQL, kept as files beside this module (one model per file)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

SQL_DIR = Path(__file__).resolve().parent


@cache
def sql(name: str) -> str:
    """The text of `warehouse/<name>.sql`."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
