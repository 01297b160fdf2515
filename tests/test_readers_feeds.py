"""Feeds and addresses, served from a local HTTP server on 127.0.0.1 only: an RSS feed of two items
becomes two articles with their times of day; an Atom feed, a list of URLs, and one page likewise.
Failures (404, a timeout, a PDF, a feed without items) are skips with their reasons, and the batch
goes on; an ingest keeps the pages, so a second run fetches nothing."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from voxmap.readers import Skip, read_paths
from voxmap.readers.feeds import is_feed, is_url_list, item_time
from voxmap.readers.fetch import Fetcher


def page(title, paragraphs, meta=""):
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>"
            f"{body}</article></body></html>")  # fmt: skip


PAGES = {
    "/strike.html": page("Union threatens a strike", [
        '"We will block the ring road on Monday," said Fabien Delacourt, the general secretary of the union Rempart.',
        "The union has called its members to gather in front of the prefecture at dawn, as it did in 2019.",
        '"The door is open," the interior minister answered in a statement released on Tuesday evening.']),
    "/answer.html": page("Ministry answers", [
        '"We are ready to talk," the interior minister said on Wednesday, after a meeting with the unions.',
        "The talks are due to resume next week in Paris, according to people familiar with the schedule.",
        "Nothing has been decided yet about the bonus, which is at the heart of the dispute since March."]),
}  # fmt: skip
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>The Daily Courier</title>
<item><title>Union threatens a strike</title><link>{base}/strike.html</link>
<pubDate>Tue, 05 Mar 2024 08:41:00 +0100</pubDate></item>
<item><title>Ministry answers</title><link>{base}/answer.html</link>
<pubDate>Wed, 06 Mar 2024 17:05:00 GMT</pubDate></item></channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Metro Wire</title>
<entry><title>Ministry answers</title><link href="{base}/answer.html"/><updated>2024-03-06T17:05:00Z</updated></entry>
<entry><title>Gone</title><link href="{base}/missing.html"/><updated>2024-03-07T09:00:00Z</updated></entry>
</feed>"""


class Handler(BaseHTTPRequestHandler):
    hits: dict = {}

    def do_GET(self):
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        base = f"http://127.0.0.1:{self.server.server_port}"
        if self.path == "/slow.html":
            time.sleep(1.5)
        if self.path in PAGES or self.path == "/slow.html":
            body, kind = PAGES.get(self.path, PAGES["/answer.html"]).encode(), "text/html; charset=utf-8"
        elif self.path in ("/feed.rss", "/atom.xml", "/empty.rss"):
            text = {"/feed.rss": RSS, "/atom.xml": ATOM, "/empty.rss": "<rss><channel><title>x</title></channel></rss>"}
            body, kind = text[self.path].format(base=base).encode(), "application/rss+xml"
        elif self.path == "/report.pdf":
            body, kind = b"%PDF-1.4 not a page", "application/pdf"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def base():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def quick(**kwargs):
    return Fetcher(per_host_delay=0.0, backoff=0.0, retries=0, timeout=5, **kwargs)


def test_an_rss_feed_of_two_items_is_two_articles_with_times_of_day(base):
    items = list(read_paths([f"{base}/feed.rss"], fetcher=quick()))
    assert [type(item).__name__ for item in items] == ["Article", "Article"]
    strike, answer = items
    assert (strike.published, answer.published) == ("2024-03-05T08:41:00+01:00", "2024-03-06T17:05:00+00:00")
    assert strike.source == "The Daily Courier" and strike.url == f"{base}/strike.html"
    assert "ring road" in strike.text and strike.title == "Union threatens a strike"


def test_a_feed_file_an_atom_feed_and_a_list_of_addresses(base, tmp_path):
    feed = tmp_path / "courier.rss"
    feed.write_text(RSS.format(base=base), encoding="utf-8")
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# to read\n{base}/strike.html\n{base}/report.pdf\n\n{base}/nowhere.html\n", encoding="utf-8")
    items = list(read_paths([feed, f"{base}/atom.xml", urls], fetcher=quick()))
    kinds = [(type(item).__name__, getattr(item, "reason", None)) for item in items]
    assert kinds == [
        ("Article", None), ("Article", None),  # the feed file
        ("Article", None), ("Skip", "HTTP 404"),  # the Atom feed: its second item is gone
        ("Article", None), ("Skip", "not HTML (application/pdf)"), ("Skip", "HTTP 404"),  # the list
    ]  # fmt: skip
    assert items[2].published == "2024-03-06T17:05:00+00:00" and items[2].source == "Metro Wire"


@pytest.mark.parametrize(
    "path, reason",
    [("/empty.rss", "feed has no items"), ("/nowhere.html", "HTTP 404"), ("/slow.html", "timeout after 0.5 s")],
)
def test_failures_are_skips_with_their_reason(base, path, reason):
    (item,) = read_paths([base + path], fetcher=Fetcher(timeout=0.5, retries=0, per_host_delay=0.0))
    assert isinstance(item, Skip) and item.reason.startswith(reason)


def test_unreachable_hosts_and_other_schemes_are_reasons_too():
    fetcher = Fetcher(timeout=1, retries=0, per_host_delay=0.0)
    assert fetcher.fetch("http://127.0.0.1:9/x").reason.startswith("cannot connect")
    assert fetcher.fetch("ftp://example.org/x").reason == "not an http(s) address"


def test_one_host_is_fetched_politely(base):
    fetcher = Fetcher(per_host_delay=0.3, retries=0)
    started = time.monotonic()
    fetcher.fetch_all([f"{base}/strike.html", f"{base}/answer.html", f"{base}/report.pdf"])
    assert time.monotonic() - started >= 0.6  # three requests to one host, 0.3 s apart


def test_an_ingest_keeps_the_pages_and_does_not_fetch_them_again(base, tmp_path):
    from voxmap.corpus.ingest import ingest

    Handler.hits.clear()
    first = ingest([f"{base}/feed.rss"], tmp_path / "feeds.db", language="en")
    assert first.ok == 2 and Handler.hits.get("/strike.html") == 1
    again = ingest([f"{base}/feed.rss"], tmp_path / "feeds.db", language="en")
    assert again.unchanged == 2 and Handler.hits.get("/strike.html") == 1  # the page came from the store
    ingest([f"{base}/feed.rss"], tmp_path / "feeds.db", language="en", refetch=True)
    assert Handler.hits.get("/strike.html") == 2


@pytest.mark.parametrize(
    "written, iso",
    [
        ("Tue, 05 Mar 2024 08:41:00 +0100", "2024-03-05T08:41:00+01:00"),
        ("Tue, 05 Mar 2024 08:41:00 GMT", "2024-03-05T08:41:00+00:00"),
        ("2024-03-06T17:05:00Z", "2024-03-06T17:05:00+00:00"),
        ("2024-03-06", "2024-03-06T00:00:00"),
        ("yesterday", None),
        (None, None),
    ],
)
def test_item_times(written, iso):
    assert item_time(written) == iso


@pytest.mark.parametrize(
    "content, feed, url_list",
    [
        ('<?xml version="1.0"?>\n<!-- a feed --><rss version="2.0"><channel/></rss>', True, False),
        ('<feed xmlns="http://www.w3.org/2005/Atom"></feed>', True, False),
        ("<html><body>feed me</body></html>", False, False),
        ("https://a.example/1\nhttps://b.example/2\n", False, True),
        ("https://a.example/1\nand some words\n", False, False),  # a text that mentions an address
        ("", False, False),
    ],
)
def test_what_is_a_feed_and_what_is_a_list_of_addresses(content, feed, url_list):
    assert (is_feed(content), is_url_list(content)) == (feed, url_list)


def test_a_media_cloud_csv_has_its_pages_fetched_and_keeps_its_metadata(base, tmp_path):
    table = tmp_path / "mediacloud.csv"
    table.write_text(
        "stories_id,publish_date,title,url,language,media_name\n"
        f"101,2024-03-05 08:41:00,Union threatens a strike,{base}/strike.html,en,The Daily Courier\n"
        f"102,2024-03-06 17:05:00,Gone,{base}/missing.html,en,Metro Wire\n"
        "103,2024-03-07,No address,,en,Metro Wire\n",
        encoding="utf-8",
    )
    strike, gone, nothing = read_paths([table], fetcher=quick())
    assert (strike.id, strike.published, strike.source, strike.title) == (
        "101", "2024-03-05T08:41:00", "The Daily Courier", "Union threatens a strike",
    )  # fmt: skip
    assert "ring road" in strike.text and strike.url == f"{base}/strike.html"
    assert isinstance(gone, Skip) and gone.reason.endswith("HTTP 404") and gone.line == 3
    assert isinstance(nothing, Skip) and "no URL to fetch" in nothing.reason
