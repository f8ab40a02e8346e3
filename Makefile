# article-etl: every target installs what it needs first (a fresh machine needs only python3, pip, make).
VENV    := .venv
PYTHON  ?= python3
UV      := $(VENV)/bin/uv
BIN     := $(VENV)/bin
SYNC    := $(UV) sync --frozen --compile-bytecode --inexact --quiet

export PREFECT_HOME := $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export GX_ANALYTICS_ENABLED := false
export UV_PROJECT_ENVIRONMENT := $(CURDIR)/$(VENV)

.PHONY: install install-bench run serve test lint bench bench-scale sql status clean

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv

install: $(UV)  ## runtime + dev tools (pytest, ruff, duckdb CLI)
	$(SYNC)

install-bench: $(UV)  ## + trafilatura, jusText, readability-lxml baselines
	$(SYNC) --all-groups

run: install  ## the pipeline on the bundled sample inbox -> warehouse/articles.duckdb
	$(BIN)/article-etl run

serve: install  ## Prefect UI on 127.0.0.1:4200 + the pipeline as an hourly deployment (Ctrl-C stops)
	$(BIN)/article-etl serve

test: install  ## the whole test suite
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check .

bench: install-bench  ## extraction quality and speed vs baselines
	$(BIN)/python -m bench

bench-scale: install  ## the whole pipeline on 10k and 100k generated documents (BENCH_SIZES=...)
	$(BIN)/python -m bench.pipeline

sql: install  ## the published warehouse, read-only, in the DuckDB shell
	$(BIN)/duckdb -readonly warehouse/articles.duckdb

status: install
	$(BIN)/article-etl status

clean:
	rm -rf $(VENV) .prefect warehouse/*.duckdb warehouse/*.wal warehouse/docs .pytest_cache .ruff_cache
