"""Turn files into articles: plain text, HTML (through trafilatura) and JSONL.

A file that cannot be read is not an exception for the batch: it becomes a `Skip` with its reason,
and reading goes on with the next file.
"""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .records import Article, make_article

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
WARC_SUFFIXES = {".warc", ".gz"}  # .warc and .warc.gz
# Column names a metadata table or CSV may use for each field.
COLUMNS = {
    "text": ("text", "body", "content"),
    "id": ("id", "article_id"),
    "title": ("title", "headline"),
    "published": ("published", "publication_date", "date", "pubdate"),
    "source": ("source", "publisher", "outlet", "sitename"),
    "url": ("url", "link"),
    "language": ("language", "lang"),
    "story": ("story", "story_id"),
    "filename": ("filename", "file", "path"),
}
MAX_CHARS = 50_000_000  # longer texts are skipped, not truncated; long ones are analysed in windows
METADATA_FIELDS = ("title", "published", "source", "url", "language", "story")


@dataclass(frozen=True, slots=True)
class Skip:
    """An input that produced no analysis, and why: `skipped` when it could not be read as an
    article, `failed` when the analysis of a readable article broke."""

    path: str
    reason: str
    line: int | None = None
    status: str = "skipped"

    @property
    def origin(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


# Byte-order marks, longest first (UTF-32 LE begins with UTF-16 LE's mark).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a file's bytes: by its byte-order mark (UTF-8/16/32), else UTF-8, else
    Windows-1252 when it reads clean, else a confidently detected legacy encoding (charset-normalizer). ValueError, with a one-line reason,
    when none fits."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise ValueError(
                    f"invalid {encoding.upper()} text after its byte-order mark (byte {error.start})"
                ) from None
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    # English and French legacy text is Windows-1252 far more often than not; statistical detection
    # on a short article prefers look-alikes (cp775, mac_latin2), so 1252 goes first when it reads clean.
    try:
        text = data.decode("cp1252")
        if mess_ratio(text[:20_000]) < 0.2:
            return text, "cp1252"
    except UnicodeDecodeError:
        pass

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.2:
        raise ValueError("undecodable text (not UTF-8, and no other encoding fits)")
    return str(best), best.encoding


def decode(data: bytes) -> str:
    return decode_bytes(data)[0]


def max_chars() -> int:
    """The longest text analysed (longer ones are skipped): VOXMAP_MAX_CHARS, else 50 million."""
    value = os.environ.get("VOXMAP_MAX_CHARS", "")
    return int(value) if value.isdigit() else MAX_CHARS


def _checked(article: Article, path: str, line: int | None = None) -> Article | Skip:
    if not article.text.strip():
        return Skip(path, "empty text", line)
    if len(article.text) > max_chars():
        return Skip(path, f"text longer than {max_chars():,} characters (VOXMAP_MAX_CHARS sets the ceiling)", line)
    return article


def parse_text(content: str, path: str = "") -> Article | Skip:
    """Plain text: an optional title line followed by a blank line, then the body."""
    text = content.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    title = None
    if len(lines) > 2 and lines[0].strip() and not lines[1].strip() and len(lines[0]) < 300:
        title = lines[0].strip()
    return _checked(make_article(text, title=title, origin=path), path)


def parse_html(content: str, path: str = "") -> Article | Skip:
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(content, with_metadata=True, include_comments=False)
    except Exception as error:  # trafilatura raises many kinds on malformed markup
        return Skip(path, f"HTML could not be parsed: {error.__class__.__name__}")
    if not extracted:
        return Skip(path, "no article text found in HTML")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = data.get("text") or ""
    return _checked(
        make_article(
            text,
            title=data.get("title"),
            published=data.get("date"),
            source=data.get("sitename") or data.get("hostname"),
            url=data.get("url"),
            language=data.get("language"),
            origin=path,
        ),
        path,
    )


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


def _column(row: dict, field: str) -> str | None:
    for name in COLUMNS[field]:
        value = row.get(name)
        if value not in (None, "", "None"):
            return str(value)
    return None


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


def _gzip_damage(path: Path) -> str | None:
    """Why a gzip file cannot be read to its end, or None when it can (streamed, memory flat)."""
    import gzip
    import zlib

    try:
        with gzip.open(path, "rb") as stream:
            while stream.read(1 << 20):
                pass
    except EOFError:
        return "truncated (the archive ends inside a record)"
    except (gzip.BadGzipFile, zlib.error) as error:
        return f"corrupt gzip data ({str(error).splitlines()[0]})"
    return None


def parse_warc(path: Path) -> Iterator[Article | Skip]:
    """HTML responses of a WARC file (warcio), each through trafilatura. A damaged archive gives the
    records it could read, then one Skip that says why the rest is lost."""
    import contextlib
    import io

    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    damage = _gzip_damage(path) if path.name.lower().endswith(".gz") else None
    complaints = io.StringIO()  # warcio writes its warnings, raw bytes and all, to stderr
    number = read = 0
    try:
        with path.open("rb") as stream, contextlib.redirect_stderr(complaints):
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if not record.rec_headers.get_header("WARC-Type"):
                    damage = damage or f"not a WARC record at record {number}"
                    break
                read = number
                if record.rec_type != "response" or "html" not in (
                    record.http_headers.get_header("Content-Type") or "" if record.http_headers else ""
                ):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                try:
                    html = decode(record.content_stream().read())
                except ValueError as error:
                    yield Skip(str(path), f"{url}: {error}", number)
                    continue
                if getattr(record.raw_stream, "limit", 0):  # fewer bytes than its Content-Length
                    damage, read = damage or "truncated (the archive ends inside a record)", number - 1
                    break
                result = parse_html(html, f"{path}#{number}")
                if isinstance(result, Article):
                    result.url = result.url or url
                    result.origin = f"{path}#{number}"
                    result.key = f"url:{result.url}" if result.url else f"origin:{result.origin}"
                yield result
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as error:
        damage = damage or (str(error).strip().splitlines() or [error.__class__.__name__])[0][:120]
    if damage is None and "not followed by newline" in complaints.getvalue():
        damage = "a record's length does not match its content (truncated or edited archive)"
    if damage:
        yield Skip(str(path), f"unreadable WARC: {damage}; {read} record(s) read before it")


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


def read_file(path: Path) -> Iterator[Article | Skip]:
    if path.name.lower().endswith((".warc", ".warc.gz")):
        yield from parse_warc(path)
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
    if kind == "jsonl":
        items = parse_jsonl(content, str(path))
    elif kind == "csv":
        items = parse_csv(content, str(path))
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


def read_paths(paths: Iterable[str | Path], metadata: str | Path | None = None) -> Iterator[Article | Skip]:
    """Articles from files and folders (recursed, in sorted order), in the order given. Metadata
    from a sidecar table (`metadata`, or a metadata.tsv/.csv inside a folder) completes text files."""
    table = read_metadata(metadata) if metadata else {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            local = dict(table)
            for name in SIDECARS:
                if (path / name).is_file():
                    local.update(read_metadata(path / name))
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                if child.name in SIDECARS and child.parent == path:
                    continue
                for item in read_file(child):
                    yield _with_metadata(item, local, child)
        elif path.is_file():
            for item in read_file(path):
                yield _with_metadata(item, table, path)
        else:
            yield Skip(str(path), "no such file or folder")
