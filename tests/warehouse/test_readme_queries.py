"""Every example query of warehouse/README.md runs on a published warehouse and returns rows."""

import re

import pytest
from conftest import REPO, query

QUERIES = re.findall(
    r"```sql\n(.*?)```", (REPO / "warehouse" / "README.md").read_text(encoding="utf-8"), re.S
)


def test_readme_has_at_least_five_questions():
    assert len(QUERIES) >= 5


@pytest.mark.parametrize("sql", QUERIES, ids=[q.split("\n")[0][:40] for q in QUERIES])
def test_example_query_returns_rows(published, sql):
    assert query(published, sql)
