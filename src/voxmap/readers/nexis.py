"""Nexis Uni DOCX exports: up to 100 articles in one Word file, each ending with "End of Document".

The layout (as LexisNexisTools, the R package researchers use, documents it): an optional cover page
(user, search terms, the result list); then per article its title, the outlet, the date line
("March 5, 2024 Tuesday 8:41 AM EST"), field lines ("Copyright …", "Section: NEWS; Pg. A1",
"Length: 523 words", "Byline: Anne Morel", "Dateline: PARIS"), the word "Body" alone on its line, the
paragraphs of the text, and the closing fields ("Classification", "Language: ENGLISH",
"Load-Date: March 6, 2024"). An article without "Body" is reported by its number and the others go on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..records import Article, make_article
from .common import Skip, _checked
from .europresse import published_at

END = "End of Document"
BODY = "Body"
# Lines that end the body: the classification block and the load date.
_BODY_ENDS = ("Classification", "Graphic", "Load-Date:", "Notes")
_FIELD = re.compile(r"^(Section|Length|Byline|Dateline|Highlight|Edition|Copyright|Language|Load-Date|Publication-Type)"
                    r"\s*:?\s*(.*)$")  # fmt: skip
_CLOCK = re.compile(r"\b(\d{1,2}):(\d{2})\s*(AM|PM|am|pm)?(?:\s+([A-Z]{2,4}))?\b")
# The zones a Nexis date line writes, as offsets from UTC.
ZONES = {"UTC": "+00:00", "GMT": "+00:00", "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00",
         "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00",
         "BST": "+01:00", "CET": "+01:00", "CEST": "+02:00"}  # fmt: skip


def is_nexis(path: Path) -> bool:
    return path.suffix.lower() == ".docx"


def nexis_published(line: str) -> str | None:
    """'March 5, 2024 Tuesday 8:41 AM EST' -> '2024-03-05T08:41:00-05:00'; a date alone stays a date."""
    date = published_at(line)
    if date is None:
        return None
    date = date[:10]
    clock = _CLOCK.search(line)
    if clock is None:
        return date
    hour, minute, half, zone = int(clock.group(1)), clock.group(2), clock.group(3), clock.group(4)
    if half:
        hour = hour % 12 + (12 if half.lower() == "pm" else 0)
    if hour > 23:
        return date
    return f"{date}T{hour:02d}:{minute}:00{ZONES.get(zone or '', '')}"


def _paragraphs(path: Path) -> list[str]:
    import docx

    document = docx.Document(str(path))
    return [" ".join(paragraph.text.split()) for paragraph in document.paragraphs]


def _split(lines: list[str]) -> list[list[str]]:
    """The articles' lines, cut at each "End of Document" (empty lines dropped)."""
    articles, current = [], []
    for line in lines:
        if line == END:
            articles.append(current)
            current = []
        elif line:
            current.append(line)
    if any(current):
        articles.append(current)
    return articles


def _article(lines: list[str], path: str, number: int) -> Article | Skip:
    if BODY not in lines:
        return Skip(path, f"nexis export: article {number} has no Body", number)
    at = lines.index(BODY)
    header, rest = lines[:at], lines[at + 1 :]
    body = []
    for line in rest:
        if line.startswith(_BODY_ENDS):
            break
        body.append(line)
    if not body:
        return Skip(path, f"nexis export: article {number} has an empty Body", number)
    fields = {m.group(1): m.group(2).strip() for m in map(_FIELD.match, header) if m}
    # The date line is the last header line that is a date and no field; the outlet and the title
    # are the two lines above it (a cover page, on the first article, stays above them).
    dated = [i for i, line in enumerate(header) if not _FIELD.match(line) and published_at(line)]
    if dated:
        at_date = dated[-1]
        title = header[at_date - 2] if at_date >= 2 else None
        outlet = header[at_date - 1] if at_date >= 1 else None
        published = nexis_published(header[at_date])
    else:
        title, outlet, published = (header[0] if header else None), (header[1] if len(header) > 1 else None), None
    article = make_article(
        "\n\n".join(body), title=title, published=published, source=outlet, origin=f"{path}#{number}"
    )
    if fields.get("Byline"):
        article.authors = [name.strip() for name in re.split(r";|\band\b", fields["Byline"]) if name.strip()]
    return _checked(article, path, number)


def parse_nexis_docx(path: Path) -> Iterator[Article | Skip]:
    """Every article of a Nexis Uni export; one that cannot be read is a Skip with its number."""
    try:
        lines = _paragraphs(path)
    except Exception as error:  # python-docx raises zip, XML and key errors alike on a damaged file
        yield Skip(str(path), f"nexis export: not a readable DOCX ({error.__class__.__name__})")
        return
    articles = _split(lines)
    if not articles or not any(BODY in article for article in articles):
        yield Skip(str(path), "nexis export: no article found (no 'Body' line): not a Nexis Uni export?")
        return
    for number, article_lines in enumerate(articles, start=1):
        yield _article(article_lines, str(path), number)
