"""HTML pages, through trafilatura: the article's text, title, date, outlet and URL; the time of day
of publication too, where the page's metadata gives it (trafilatura keeps the date alone)."""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlsplit

from ..records import Article, make_article
from .common import Skip, _checked

# <meta property="article:published_time" content="…">, in either attribute order, and JSON-LD.
_META = re.compile(
    r"<meta\b[^>]*\b(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|og:published_time|"
    r"datePublished|pubdate)[\"'][^>]*>",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"\bcontent\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_JSON_LD = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


def published_time(content: str, date: str | None) -> str | None:
    """The publication time (ISO 8601, with its zone when the page gives one) from the page's
    metadata, when it agrees with the date trafilatura found (or none was found); else None."""
    written = [_CONTENT.search(tag.group(0)) for tag in _META.finditer(content)]
    values = [found.group(1) for found in written if found] + _JSON_LD.findall(content)
    for value in values:
        try:
            moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            continue
        if "T" in value and (date is None or moment.date().isoformat() == date[:10]):
            return moment.isoformat()
    return None


def _named_site(data: dict, url: str | None) -> str | None:
    """The outlet the page names (og:site_name and the like); not the host name trafilatura puts
    there when the page names none."""
    named = (data.get("sitename") or "").strip()
    if not named:
        return None
    hosts = {data.get("hostname")}
    if url:
        hosts |= {urlsplit(url).netloc, urlsplit(url).hostname}
    return None if named in hosts else named


def parse_html(
    content: str, path: str = "", *, url: str | None = None, source: str | None = None, published: str | None = None
) -> Article | Skip:
    """The article of a page. For a fetched page, `url` is where it was fetched (the page's own
    canonical address wins), `source` the outlet to name when the page names none (a feed's title,
    before the bare host name), and `published` a time that wins over the page's (a feed item's)."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(content, url=url, with_metadata=True, include_comments=False)
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
            published=published or published_time(content, data.get("date")) or data.get("date"),
            source=_named_site(data, url) or source or data.get("hostname"),
            url=data.get("url") or url,
            language=data.get("language"),
            origin=path,
        ),
        path,
    )
