"""News feeds and lists of addresses: RSS 2.0 and Atom feeds (a file or an http(s) address, read by
feedparser), a text file of URLs one a line, and a single page's address. Every page is fetched by
one polite client (`readers.fetch`) and read like any HTML page. A feed item's date, with its time and
zone, is the publication time; the feed's title names the outlet when the page names none."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime

from ..records import Article
from .common import Skip, decode_bytes
from .fetch import FEED_TYPES, PAGE_TYPES, Fetcher, Page
from .html import parse_html

_URL = re.compile(r"^https?://\S+$")


def is_address(text: str) -> bool:
    return bool(_URL.match(text.strip()))


def is_feed(content: str) -> bool:
    """An RSS, RDF or Atom document (its root element, after any XML declaration and comments)."""
    head = re.sub(r"<\?xml[^>]*>|<!--.*?-->|<!DOCTYPE[^>]*>", "", content[:2000], flags=re.DOTALL).lstrip().lower()
    return head.startswith(("<rss", "<feed", "<rdf:rdf", "<rdf"))


def url_lines(content: str) -> list[str]:
    """The non-empty lines of a list of addresses, `#` comments left out."""
    return [line.strip() for line in content.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def is_url_list(content: str) -> bool:
    """A text whose every non-empty line is one http(s) address."""
    lines = url_lines(content)
    return bool(lines) and all(is_address(line) for line in lines)


def item_time(written: str | None) -> str | None:
    """An item's pubDate (RFC 822) or updated (RFC 3339) as ISO 8601, keeping its time and zone."""
    if not written:
        return None
    try:
        return parsedate_to_datetime(written).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(written.strip().replace("Z", "+00:00")).isoformat()
    except ValueError:
        return None


def page_article(page: Page, origin: str, *, source: str | None = None, published: str | None = None) -> Article | Skip:
    """A fetched page's article, or the reason there is none."""
    if not page.ok:
        return Skip(origin, page.reason or "not fetched")
    content, _ = decode_bytes(page.body)
    looks_html = content.lstrip()[:200].lower().startswith(("<!doctype html", "<html"))
    if page.content_type not in PAGE_TYPES and not looks_html:
        return Skip(origin, f"not HTML ({page.content_type or 'no content type'})")
    return parse_html(content, origin, url=page.url, source=source, published=published)


def parse_feed(content: str, origin: str, fetcher: Fetcher) -> Iterator[Article | Skip]:
    """Every item of a feed, each item's page fetched; a feed with no items says so."""
    import feedparser

    feed = feedparser.parse(content)
    entries = [entry for entry in feed.entries if entry.get("link")]
    if not entries:
        yield Skip(origin, "feed has no items with a link" if not feed.get("bozo") else "feed could not be read")
        return
    outlet = (feed.feed.get("title") or "").strip() or None
    pages = fetcher.fetch_all([entry["link"] for entry in entries])
    for entry, page in zip(entries, pages):
        published = item_time(entry.get("published") or entry.get("updated"))
        yield page_article(page, entry["link"], source=outlet, published=published)


def read_addresses(urls: list[str], fetcher: Fetcher) -> Iterator[Article | Skip]:
    """Pages, or feeds, at these addresses (a feed's items are each read in turn)."""
    for url, page in zip(urls, fetcher.fetch_all(urls)):
        if not page.ok:
            yield Skip(url, page.reason or "not fetched")
            continue
        content, _ = decode_bytes(page.body)
        if page.content_type in FEED_TYPES or is_feed(content):
            yield from parse_feed(content, url, fetcher)
        else:
            yield page_article(page, url)
