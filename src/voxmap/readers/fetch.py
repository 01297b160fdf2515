"""Fetching news pages, politely: one client for every URL a feed or a list gives.

Each request has a timeout and a size cap, names voxmap in its user agent, is retried with backoff
when the server or the network fails (never on a 4xx), and waits a moment after the previous request
to the same host; different hosts are fetched in parallel. A page that cannot be had is a `Page` with
its reason ("HTTP 404", "timeout after 20 s", "not HTML (application/pdf)"), never an exception. With
a cache (the store's `fetched_pages` table during an ingest), a page fetched before is not fetched
again unless asked (`refetch`)."""

from __future__ import annotations

import sqlite3
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol
from urllib.parse import urlsplit


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("voxmap")
    except PackageNotFoundError:
        return "dev"


USER_AGENT = f"voxmap/{_version()} (who speaks in the news; research use)"
PAGE_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")


@dataclass(frozen=True)
class Page:
    """What a URL gave: its body and content type, or the reason it gave none."""

    url: str
    body: bytes | None = None
    content_type: str = ""
    status: int | None = None
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.reason is None and self.body is not None


class PageCache(Protocol):
    def get(self, url: str) -> Page | None: ...
    def put(self, page: Page) -> None: ...


class StoreCache:
    """Pages kept in the store (`fetched_pages`), on the ingest's own connection: written in its
    transaction, so that reading never waits for the store's write lock."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def get(self, url: str) -> Page | None:
        row = self.conn.execute(
            "SELECT body, content_type, status FROM fetched_pages WHERE url = ? AND body IS NOT NULL", (url,)
        ).fetchone()
        return Page(url, row[0], row[1] or "", row[2]) if row else None

    def put(self, page: Page) -> None:
        if page.ok:  # a failure is retried next time, not remembered
            self.conn.execute(
                "INSERT INTO fetched_pages (url, status, content_type, body, fetched) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (url) DO UPDATE SET status = excluded.status, content_type = excluded.content_type, "
                "body = excluded.body, fetched = excluded.fetched",
                (page.url, page.status, page.content_type, page.body, datetime.now(UTC).isoformat(timespec="seconds")),
            )


@dataclass
class Fetcher:
    """The polite client. `cache` keeps pages between runs; `refetch` ignores what it holds."""

    cache: PageCache | None = None
    refetch: bool = False
    timeout: float = 20.0
    max_bytes: int = 5_000_000
    retries: int = 2
    backoff: float = 1.0
    per_host_delay: float = 1.0
    hosts_in_parallel: int = 4

    def __post_init__(self):
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def fetch(self, url: str) -> Page:
        return next(iter(self.fetch_all([url])))

    def fetch_all(self, urls: Iterable[str]) -> list[Page]:
        """The pages of `urls`, in their order: cached ones first looked up, the others fetched, one
        host at a time per thread, hosts in parallel. Call from the thread that owns the cache."""
        urls = list(urls)
        pages: dict[str, Page] = {}
        if self.cache is not None and not self.refetch:
            for url in dict.fromkeys(urls):
                cached = self.cache.get(url)
                if cached is not None:
                    pages[url] = cached
        by_host: dict[str, list[str]] = defaultdict(list)
        for url in dict.fromkeys(urls):
            if url not in pages:
                by_host[urlsplit(url).netloc].append(url)
        if by_host:
            with ThreadPoolExecutor(max_workers=min(self.hosts_in_parallel, len(by_host))) as pool:
                for fetched in pool.map(lambda host_urls: [self._get(u) for u in host_urls], by_host.values()):
                    for page in fetched:
                        pages[page.url] = page
                        if self.cache is not None:
                            self.cache.put(page)
        return [pages[url] for url in urls]

    def _wait_for(self, host: str) -> None:
        with self._lock:
            wait = self._last.get(host, 0.0) + self.per_host_delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        with self._lock:
            self._last[host] = time.monotonic()

    def _get(self, url: str) -> Page:
        if urlsplit(url).scheme not in ("http", "https"):
            return Page(url, reason="not an http(s) address")
        page = Page(url, reason="not fetched")
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            self._wait_for(urlsplit(url).netloc)
            page, retry = self._once(url)
            if not retry:
                break
        return page

    def _once(self, url: str) -> tuple[Page, bool]:
        """One request: (the page or its reason, whether trying again may help)."""
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html, */*;q=0.5"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read(self.max_bytes + 1)
                kind = response.headers.get_content_type() or ""
                status = response.status
        except urllib.error.HTTPError as error:
            return Page(url, status=error.code, reason=f"HTTP {error.code}"), error.code >= 500 or error.code == 429
        except TimeoutError:
            return Page(url, reason=f"timeout after {self.timeout:g} s"), True
        except urllib.error.URLError as error:
            reason = error.reason
            if isinstance(reason, TimeoutError):
                return Page(url, reason=f"timeout after {self.timeout:g} s"), True
            return Page(url, reason=f"cannot connect: {getattr(reason, 'strerror', None) or reason}"), True
        except (OSError, ValueError) as error:
            return Page(url, reason=f"cannot fetch: {error.__class__.__name__}"), True
        if len(body) > self.max_bytes:
            return Page(url, status=status, reason=f"larger than {self.max_bytes:,} bytes"), False
        return Page(url, body, kind, status), False
