"""HTML pages, through trafilatura: the article's text, title, date, outlet and URL."""

from __future__ import annotations

from ..records import Article, make_article
from .common import Skip, _checked


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
