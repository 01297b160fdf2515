"""JSONL records and CSV/TSV tables of articles, and sidecar tables of metadata by file name."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from ..records import Article, make_article
from .common import METADATA_FIELDS, Skip, _checked, _column
from .feeds import is_address, page_article
from .fetch import Fetcher


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


# Rows whose page must be fetched are fetched this many at a time (politely, hosts in parallel).
FETCH_CHUNK = 50
_SPACED_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)")


def _iso(published: str | None) -> str | None:
    """'2024-03-05 08:41:00' (Media Cloud's publish_date) as ISO 8601 '2024-03-05T08:41:00'."""
    return _SPACED_TIME.sub(r"\1T\2", published.strip()) if published else published


def parse_csv(content: str, path: str = "", fetcher: Fetcher | None = None) -> Iterator[Article | Skip]:
    """A table with a text column (text, body or content) and optional metadata columns. A row with no
    text but a URL (a Media Cloud export: stories_id, publish_date, title, url, media_name…) has its
    page fetched and read, the row's metadata kept."""
    import csv

    dialect = "excel-tab" if path.endswith(".tsv") else "excel"
    pending: list[tuple[int, dict, str]] = []
    try:
        rows = csv.DictReader(content.splitlines(), dialect=dialect)
        for number, row in enumerate(rows, start=2):
            row = {(k or "").strip().lower(): v for k, v in row.items()}
            text = _column(row, "text")
            metadata = {field: _column(row, field) for field in METADATA_FIELDS}
            metadata["published"] = _iso(metadata["published"])
            if text is None and metadata["url"] and is_address(metadata["url"]):
                pending.append((number, row, metadata))
                if len(pending) >= FETCH_CHUNK:
                    yield from _fetched_rows(pending, path, fetcher or Fetcher())
                    pending = []
                continue
            yield from _fetched_rows(pending, path, fetcher or Fetcher())
            pending = []
            if text is None:
                yield Skip(path, "row has no text column (text, body or content) and no URL to fetch", number)
                continue
            yield _checked(
                make_article(text, id=_column(row, "id"), origin=f"{path}:{number}", **metadata), path, number
            )
        yield from _fetched_rows(pending, path, fetcher or Fetcher())
    except csv.Error as error:
        yield Skip(path, f"malformed CSV: {error}")


def _fetched_rows(rows: list[tuple[int, dict, dict]], path: str, fetcher: Fetcher) -> Iterator[Article | Skip]:
    """The rows' pages, fetched together, each read with the row's metadata winning over the page's."""
    if not rows:
        return
    pages = fetcher.fetch_all([metadata["url"] for _, _, metadata in rows])
    for (number, row, metadata), page in zip(rows, pages):
        found = page_article(page, f"{path}:{number}", source=metadata["source"], published=metadata["published"])
        if isinstance(found, Skip):
            yield Skip(path, f"{metadata['url']}: {found.reason}", number)
            continue
        article = make_article(
            found.text,
            id=_column(row, "id"),
            origin=f"{path}:{number}",
            **{field: metadata[field] or getattr(found, field) for field in METADATA_FIELDS if field != "story"},
            story=metadata["story"],
        )
        article.repairs, article.blanked = found.repairs, found.blanked
        yield article


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
