"""Europresse HTML exports: many articles in one file, one `<article>` each.

The layout (as exported since about 2019, and as the converters of the French text-analysis
community read it): the outlet in `span.DocPublicationName` ("Le Monde (site web)": the bracket
names the edition, kept apart from the outlet; ", no. 24567" is the issue); `span.DocHeader` holds the
section, the date written out ("mardi 5 mars 2024"), sometimes a time ("- 08:41 UTC +0100"), the word
count and the page; the title in `p.titreArticleVisu`, the authors in `div.docAuthors`, the text in
`div.docOcurrContainer`, a document id ("news·20240305·LM·0123") in the footer. The older table-based
layout (as tm.plugin.europresse, the R package, reads it): one table cell per document, holding
`span.DocPublicationName`, the `span.DocHeader` fields (section, date, page), the title in
`span.TitreArticleVisu`, then the author's line when it is short, the paragraphs, and a closing
"© 2024 …" line; the document id in a centred cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..records import Article, make_article
from .common import Skip, _checked

_DOC_ID = re.compile(r"\b[\w-]+·\d{8}·[\w-]+·[\w-]+")
_EDITION = re.compile(r"\s*\(([^()]*)\)\s*$")
_TIME = re.compile(r"\b(\d{1,2})[:h](\d{2})\b(?:\s*UTC\s*(?:([+-])(\d{2}):?(\d{2}))?)?")


def is_europresse(content: str) -> bool:
    """An export holds these class names (the current layout's or the older one's); a page does not."""
    return "DocPublicationName" in content and ("docOcurrContainer" in content or "TitreArticleVisu" in content)


def _with_class(node, tag: str, name: str) -> list:
    return node.xpath(f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")


def _first_text(node, tag: str, name: str) -> str | None:
    found = _with_class(node, tag, name)
    text = " ".join(found[0].text_content().split()) if found else ""
    return text or None


def _body(node) -> str:
    containers = _with_class(node, "div", "docOcurrContainer")
    if not containers:
        return ""
    paragraphs = [" ".join(p.text_content().split()) for p in containers[0].xpath(".//p")]
    paragraphs = [p for p in paragraphs if p] or [containers[0].text_content().strip()]
    return "\n\n".join(paragraphs)


def outlet_and_edition(written: str | None) -> tuple[str | None, str | None]:
    """'Le Monde (site web)' -> ('Le Monde', 'site web'); 'Le Figaro, no. 24567' -> ('Le Figaro', None)."""
    if not written:
        return None, None
    name = written.split(",", 1)[0].strip()
    edition = _EDITION.search(name)
    if edition:
        name = name[: edition.start()].strip()
    return name or None, edition.group(1).strip() if edition else None


@cache
def _months() -> tuple[dict[str, int], str]:
    """Month names of both languages (their rule files) -> number, and their regex alternation."""
    from ..extract.dates import date_rules

    months = {name: number for language in ("fr", "en") for name, number in date_rules(language).months.items()}
    return months, "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))


def published_at(header: str | None) -> str | None:
    """The date (and time with its zone, where written) of a DocHeader, as ISO 8601."""
    if not header:
        return None
    months, names = _months()
    lowered = header.lower()
    found = re.search(rf"\b(\d{{1,2}})(?:er)?\s+({names})\.?\s+(\d{{4}})\b", lowered)
    if found:
        day, month, year = int(found.group(1)), months[found.group(2)], int(found.group(3))
    else:
        found = re.search(rf"\b({names})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", lowered)
        if not found:
            return None
        day, month, year = int(found.group(2)), months[found.group(1)], int(found.group(3))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    date = f"{year:04d}-{month:02d}-{day:02d}"
    time = _TIME.search(header, found.end())
    if time is None or int(time.group(1)) > 23:
        return date
    zone = ""
    if "UTC" in time.group(0):
        zone = f"{time.group(3)}{time.group(4)}:{time.group(5)}" if time.group(3) else "+00:00"
    return f"{date}T{int(time.group(1)):02d}:{time.group(2)}:00{zone}"


def parse_europresse(content: str, path: str = "") -> Iterator[Article | Skip]:
    """Every article of an export; one that cannot be read is a Skip with its number, the others go on."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(content)
    except (etree.ParserError, ValueError) as error:
        yield Skip(path, f"europresse export: HTML could not be parsed ({error.__class__.__name__})")
        return
    articles = tree.xpath("//article")
    if not articles:
        cells = _document_cells(tree)
        if not cells:
            yield Skip(path, "europresse export: no <article> found (nor an older export's document cells)")
            return
        for number, cell in enumerate(cells, start=1):
            yield _table_article(cell, path, number)
        return
    for number, node in enumerate(articles, start=1):
        text = _body(node)
        if not text:
            yield Skip(path, f"europresse export: article {number} has no text (div.docOcurrContainer)", number)
            continue
        outlet, edition = outlet_and_edition(_first_text(node, "span", "DocPublicationName"))
        doc_id = _DOC_ID.search(node.text_content())
        article = make_article(
            text,
            id=doc_id.group(0) if doc_id else None,
            title=_first_text(node, "p", "titreArticleVisu") or _first_text(node, "div", "titreArticle"),
            published=published_at(_first_text(node, "span", "DocHeader")),
            source=outlet,
            origin=f"{path}#{number}",
        )
        article.edition = edition
        authors = _first_text(node, "div", "docAuthors")
        article.authors = [authors] if authors else []
        yield _checked(article, path, number)


# The older layout's closing line: "© 2024 Le Monde. Tous droits réservés."
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\))\s*\d{4}")
# Above this many words, the line after the title is the text, not its author.
AUTHOR_WORDS = 10


def _document_cells(tree) -> list:
    """The table cells that each hold one document of the older layout (the innermost such cells)."""
    cells = [td for td in tree.xpath("//td") if _with_class(td, "span", "DocPublicationName")]
    return [td for td in cells if not any(inner is not td and td in inner.iterancestors() for inner in cells)]


def _lines_after(cell, title) -> list[str]:
    """The cell's lines after its title: a paragraph, a line break or a block ends a line."""
    from lxml import etree
    from lxml import html as lxml_html

    markup = etree.tostring(cell, encoding="unicode")
    opening = etree.tostring(title, encoding="unicode", with_tail=False)
    rest = markup[markup.find(opening) + len(opening) :] if opening in markup else ""
    rest = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</tr>|</h\d>", "\n", rest)
    text = lxml_html.fromstring(f"<div>{rest}</div>").text_content() if rest.strip() else ""
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _table_article(cell, path: str, number: int) -> Article | Skip:
    titles = _with_class(cell, "span", "TitreArticleVisu")
    if not titles:
        return Skip(path, f"europresse export: document {number} has no title (span.TitreArticleVisu)", number)
    title = " ".join(titles[0].text_content().split())
    lines = _lines_after(cell, titles[0])
    closing = next((i for i in range(len(lines) - 1, -1, -1) if _COPYRIGHT.match(lines[i])), None)
    if closing is not None:
        lines = lines[:closing]
    author = lines[0] if lines and len(lines[0].split()) <= AUTHOR_WORDS and len(lines) > 1 else None
    body = [line for line in (lines[1:] if author else lines) if not _DOC_ID.fullmatch(line)]
    if not body:
        return Skip(path, f"europresse export: document {number} has no text", number)
    outlet, edition = outlet_and_edition(_first_text(cell, "span", "DocPublicationName"))
    headers = " ".join(" ".join(h.text_content().split()) for h in _with_class(cell, "span", "DocHeader"))
    doc_id = _DOC_ID.search(cell.text_content())
    article = make_article(
        "\n\n".join(body),
        id=doc_id.group(0) if doc_id else None,
        title=title,
        published=published_at(headers),
        source=outlet,
        origin=f"{path}#{number}",
    )
    article.edition = edition
    article.authors = [author] if author else []
    return _checked(article, path, number)
