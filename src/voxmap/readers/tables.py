"""JSONL records and CSV/TSV tables of articles, and sidecar tables of metadata by file name."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..records import Article, make_article
from .common import METADATA_FIELDS, Skip, _checked, _column


def parse_jsonl(content: str, path: str = "") -> Iterator[Article | Skip]:
    """One JSON object per line: `text` (analysed as given) and optional id, title, published, source, url, language."""
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Skip(path, f"invalid JSON: {error.msg}", number)
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Skip(path, "record has no string field 'text'", number)
            continue
        metadata = {key: str(record[key]) for key in METADATA_FIELDS if record.get(key) is not None}
        yield _checked(
            make_article(
                record["text"],
                id=str(record["id"]) if record.get("id") is not None else None,
                origin=f"{path}:{number}",
                **metadata,
            ),
            path,
            number,
        )


def parse_csv(content: str, path: str = "") -> Iterator[Article | Skip]:
    """A table with a text column (text, body or content) and optional metadata columns."""
    import csv

    dialect = "excel-tab" if path.endswith(".tsv") else "excel"
    try:
        rows = csv.DictReader(content.splitlines(), dialect=dialect)
        for number, row in enumerate(rows, start=2):
            row = {(k or "").strip().lower(): v for k, v in row.items()}
            text = _column(row, "text")
            if text is None:
                yield Skip(path, "row has no text column (text, body or content)", number)
                continue
            metadata = {
                field: _column(row, field) for field in ("title", "published", "source", "url", "language", "story")
            }
            yield _checked(
                make_article(text, id=_column(row, "id"), origin=f"{path}:{number}", **metadata), path, number
            )
    except csv.Error as error:
        yield Skip(path, f"malformed CSV: {error}")


def read_metadata(path: str | Path) -> dict[str, dict[str, str]]:
    """A sidecar table (CSV or TSV) of metadata by file name: filename, title, source/publisher,
    published/publication_date, url. PolNeAR's metadata.tsv is one such table."""
    import csv

    path = Path(path)
    dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
    table = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, dialect=dialect):
            row = {(k or "").strip().lower(): v for k, v in row.items()}
            name = _column(row, "filename")
            if name:
                table[Path(name).stem] = {
                    field: _column(row, field) for field in ("title", "published", "source", "url", "language", "story")
                }
    return table


def _with_metadata(item: Article | Skip, metadata: dict[str, dict[str, str]], path: Path) -> Article | Skip:
    extra = metadata.get(path.stem)
    if isinstance(item, Article) and extra:
        for field, value in extra.items():
            if value and getattr(item, field) in (None, ""):
                setattr(item, field, value)
    return item
