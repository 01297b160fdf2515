"""Web archives (WARC, plain or gzipped): each HTML response through the HTML reader."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..records import Article
from .common import Skip, decode
from .html import parse_html


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
