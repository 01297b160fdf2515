"""What every reader shares: the `Skip` record of an input that gave no article, decoding bytes by
their content, the length ceiling, and the column names a table may use."""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass

from ..records import Article
from .repairs import blank_debris, repair_mojibake, split_glued_sentences

# Column names a metadata table or CSV may use for each field.
COLUMNS = {
    "text": ("text", "body", "content"),
    "id": ("id", "article_id", "stories_id"),  # stories_id: Media Cloud
    "title": ("title", "headline"),
    "published": ("published", "publication_date", "date", "pubdate", "publish_date"),
    "source": ("source", "publisher", "outlet", "sitename", "media_name"),
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
    """The article a reader made, repaired (`readers.repairs`), or the Skip saying why there is none."""
    if not article.text.strip():
        return Skip(path, "empty text", line)
    if len(article.text) > max_chars():
        return Skip(path, f"text longer than {max_chars():,} characters (VOXMAP_MAX_CHARS sets the ceiling)", line)
    article.text, article.mojibake_lines = repair_mojibake(article.text)
    if article.title:
        article.title = repair_mojibake(article.title)[0]
    article.text, article.repairs = split_glued_sentences(article.text)
    article.text, article.blanked = blank_debris(article.text)
    return article


def _column(row: dict, field: str) -> str | None:
    for name in COLUMNS[field]:
        value = row.get(name)
        if value not in (None, "", "None"):
            return str(value)
    return None
