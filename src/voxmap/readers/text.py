"""Plain text files: an optional title line, a blank line, then the body."""

from __future__ import annotations

from ..records import Article, make_article
from .common import Skip, _checked


def parse_text(content: str, path: str = "") -> Article | Skip:
    """Plain text: an optional title line followed by a blank line, then the body."""
    text = content.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    title = None
    if len(lines) > 2 and lines[0].strip() and not lines[1].strip() and len(lines[0]) < 300:
        title = lines[0].strip()
    return _checked(make_article(text, title=title, origin=path), path)
