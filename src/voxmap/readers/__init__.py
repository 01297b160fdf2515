"""Turn files into articles: plain text, HTML (through trafilatura) and JSONL.

A file that cannot be read is not an exception for the batch: it becomes a `Skip` with its reason,
and reading goes on with the next file.

One module per format (text, html, europresse and nexis for the press databases' exports, tables
for JSONL and CSV, warc); this module finds each file's format and reads folders.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import Article
from .common import COLUMNS, MAX_CHARS, METADATA_FIELDS, Skip, decode, decode_bytes, max_chars
from .europresse import is_europresse, parse_europresse
from .feeds import is_address, is_feed, is_url_list, parse_feed, read_addresses, url_lines
from .fetch import Fetcher
from .html import parse_html
from .nexis import is_nexis, parse_nexis_docx
from .tables import _with_metadata, parse_csv, parse_jsonl, read_metadata
from .text import parse_text
from .warc import parse_warc

__all__ = [
    "COLUMNS",
    "MAX_CHARS",
    "METADATA_FIELDS",
    "Skip",
    "decode",
    "decode_bytes",
    "max_chars",
    "parse_csv",
    "parse_html",
    "parse_jsonl",
    "parse_nexis_docx",
    "parse_text",
    "parse_warc",
    "read_file",
    "read_metadata",
    "read_paths",
]


TEXT_SUFFIXES = {".txt", ".text", ".md"}


HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


JSONL_SUFFIXES = {".jsonl", ".ndjson"}


CSV_SUFFIXES = {".csv", ".tsv"}


WARC_SUFFIXES = {".warc", ".gz"}  # .warc and .warc.gz


FEED_SUFFIXES = {".rss", ".atom", ".xml"}


def _format_of(path: Path, content: str) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TEXT_SUFFIXES:
        return "text"
    head = content.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    if head.startswith("{"):
        return "jsonl"
    return "text"


def read_file(path: Path, fetcher: Fetcher | None = None) -> Iterator[Article | Skip]:
    if path.name.lower().endswith((".warc", ".warc.gz")):
        yield from parse_warc(path)
        return
    if is_nexis(path):
        yield from parse_nexis_docx(path)
        return
    try:
        if path.stat().st_size > 4 * max_chars():  # never read a file whose text would be past the ceiling
            yield Skip(str(path), f"file larger than {4 * max_chars():,} bytes (VOXMAP_MAX_CHARS sets the ceiling)")
            return
        content, encoding = decode_bytes(path.read_bytes())
    except (OSError, ValueError) as error:
        yield Skip(str(path), _reason(error))
        return
    kind = "csv" if path.suffix.lower() in CSV_SUFFIXES else _format_of(path, content)
    if kind == "text" and (path.suffix.lower() in FEED_SUFFIXES or is_feed(content)):
        yield from parse_feed(content, str(path), fetcher or Fetcher())
        return
    if kind == "text" and is_url_list(content):
        yield from read_addresses(url_lines(content), fetcher or Fetcher())
        return
    if kind == "jsonl":
        items = parse_jsonl(content, str(path))
    elif kind == "csv":
        items = parse_csv(content, str(path), fetcher)
    elif kind == "html" and is_europresse(content):
        items = parse_europresse(content, str(path))
    elif kind == "html":
        items = [parse_html(content, str(path))]
    else:
        items = [parse_text(content, str(path))]
    for item in items:
        if isinstance(item, Article):
            item.encoding = encoding
        yield item


def _reason(error: OSError | ValueError) -> str:
    """One line: an OSError's strerror without the path repeated, a ValueError's message."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error).splitlines()[0] if str(error) else error.__class__.__name__


SIDECARS = ("metadata.tsv", "metadata.csv")


def read_paths(
    paths: Iterable[str | Path], metadata: str | Path | None = None, fetcher: Fetcher | None = None
) -> Iterator[Article | Skip]:
    """Articles from files, folders (recursed, in sorted order) and http(s) addresses (a page or a
    feed), in the order given. Metadata from a sidecar table (`metadata`, or a metadata.tsv/.csv
    inside a folder) completes text files. Pages are fetched by `fetcher` (a polite client without a
    cache unless one is given: an ingest gives the store's)."""
    table = read_metadata(metadata) if metadata else {}
    for given in paths:
        if isinstance(given, str) and is_address(given):
            yield from read_addresses([given.strip()], fetcher or Fetcher())
            continue
        path = Path(given)
        if path.is_dir():
            local = dict(table)
            for name in SIDECARS:
                if (path / name).is_file():
                    local.update(read_metadata(path / name))
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                if child.name in SIDECARS and child.parent == path:
                    continue
                for item in read_file(child, fetcher):
                    yield _with_metadata(item, local, child)
        elif path.is_file():
            for item in read_file(path, fetcher):
                yield _with_metadata(item, table, path)
        else:
            yield Skip(str(path), "no such file or folder")
