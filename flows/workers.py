"""What a worker process runs: extraction and row building for one chunk of a batch.

Kept apart from flows/pipeline.py so spawned workers import only the transforms (not Prefect or
Great Expectations), and return compact Arrow tables rather than thousands of small objects.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa

from transforms.extract import PreparedDocument, extract_prepared
from transforms.normalise import SourceFile, normalise_batch


def extract_rows(chunk: Sequence[tuple[SourceFile, PreparedDocument]]) -> dict[str, pa.Table]:
    """Extract a chunk of prepared documents; their rows for every table, as Arrow tables."""
    extractions = extract_prepared([prepared for _, prepared in chunk])
    rows = normalise_batch(
        (source, prepared.doc.format, prepared.doc.encoding, extraction)
        for (source, prepared), extraction in zip(chunk, extractions, strict=True)
    )
    return {name: pa.Table.from_pylist(table) for name, table in rows.tables.items() if table}
