"""Turn files into articles: plain text, HTML (through trafilatura) and JSONL.

A file that cannot be read is not an exception for the batch: it becomes a `Skip` with its reason,
and reading goes on with the next file.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .records import Article, make_article

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MAX_CHARS = 1_000_000  # spaCy's default max_length: longer texts are skipped, not truncated
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


def decode(data: bytes) -> str:
    """Text of a file's bytes: UTF-8 (with or without BOM), else a confidently detected encoding."""
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.2:
        raise ValueError("undecodable text (not UTF-8, and no other encoding fits)")
    return str(best)


def _checked(article: Article, path: str, line: int | None = None) -> Article | Skip:
    if not article.text.strip():
        return Skip(path, "empty text", line)
    if len(article.text) > MAX_CHARS:
        return Skip(path, f"text longer than {MAX_CHARS} characters", line)
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
    return _checked(make_article(text, title=data.get("title"), published=data.get("date"),
                                 source=data.get("sitename") or data.get("hostname"), url=data.get("url"),
                                 language=data.get("language"), origin=path), path)


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
        yield _checked(make_article(record["text"], id=str(record["id"]) if record.get("id") is not None else None,
                                    origin=f"{path}:{number}", **metadata), path, number)


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
    try:
        content = decode(path.read_bytes())
    except (OSError, ValueError) as error:
        yield Skip(str(path), str(error))
        return
    kind = _format_of(path, content)
    if kind == "jsonl":
        yield from parse_jsonl(content, str(path))
    elif kind == "html":
        yield parse_html(content, str(path))
    else:
        yield parse_text(content, str(path))


def read_paths(paths: Iterable[str | Path]) -> Iterator[Article | Skip]:
    """Articles from files and folders (recursed, in sorted order), in the order given."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                yield from read_file(child)
        elif path.is_file():
            yield from read_file(path)
        else:
            yield Skip(str(path), "no such file or folder")
