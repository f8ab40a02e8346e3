"""The one settings object: environment variables (prefix ARTICLE_ETL_) or a `.env` file.

Every default is documented here and in README.md; nothing else in the project invents a path.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ARTICLE_ETL_", env_file=".env", extra="ignore")

    inbox: Path = Field(PROJECT_ROOT / "samples" / "inbox", description="Folder of raw dumps to process.")
    db_path: Path = Field(
        PROJECT_ROOT / "warehouse" / "articles.duckdb", description="The published DuckDB warehouse."
    )
    staging_path: Path | None = Field(
        None, description="Staging DuckDB file; default: `<db_path stem>.staging.duckdb` beside db_path."
    )
    data_docs_dir: Path | None = Field(
        None, description="Great Expectations Data Docs folder; default: `docs/` beside db_path."
    )
    batch_size: int = Field(2000, ge=1, description="Documents per extraction task.")
    workers: int = Field(
        max(1, os.cpu_count() or 1),
        ge=1,
        description="Processes that extract a batch (default: one per core).",
    )
    parallel_min_documents: int = Field(
        500,
        ge=0,
        description="Runs extracting fewer documents than this stay in one process (no start-up cost).",
    )
    executor: Literal["processes", "dask"] = Field(
        "processes",
        description="Where a batch's chunks are extracted: local worker processes, or Dask (prefect-dask).",
    )
    dask_address: str | None = Field(
        None,
        description="Scheduler of a running Dask cluster (tcp://host:8786); default: a LocalCluster "
        "of `workers` processes.",
    )
    shard_dir: Path | None = Field(
        None,
        description="Where Dask workers write Parquet shards (shared storage for a multi-node cluster); "
        "one warehouse's own: a run first deletes the run folders a killed run left there; "
        "default: `<db_path stem>.shards/` beside db_path.",
    )
    trust_file_stats: bool = Field(
        True,
        description="Take a file listed with the path, size and mtime it was published with as unchanged "
        "without reading it (like make and rsync); false reads and hashes every published file.",
    )
    max_file_bytes: int = Field(20_000_000, ge=1, description="Files larger than this are marked failed.")
    max_failed_share: float = Field(
        0.5,
        ge=0,
        le=1,
        description="Block the publish when more documents than this share fail or are not articles.",
    )
    min_words: int = Field(30, ge=0, description="Articles shorter than this are quarantined.")
    max_words: int = Field(50_000, ge=1, description="Articles longer than this are quarantined.")
    schedule_cron: str = Field("0 * * * *", description="Cron schedule of the served deployment.")
    timezone: str = Field("UTC", description="Time zone of the cron schedule.")

    @field_validator("inbox", "db_path", "staging_path", "data_docs_dir", "shard_dir")
    @classmethod
    def _absolute(cls, path: Path | None) -> Path | None:
        """Relative paths are taken from the working directory, once, so every tool sees the same file."""
        return path.expanduser().resolve() if path is not None else None

    @property
    def staging_file(self) -> Path:
        return self.staging_path or self.db_path.with_name(f"{self.db_path.stem}.staging.duckdb")

    @property
    def data_docs_folder(self) -> Path:
        return self.data_docs_dir or self.db_path.with_name("docs")

    @property
    def shard_folder(self) -> Path:
        return self.shard_dir or self.db_path.with_name(f"{self.db_path.stem}.shards")
