"""Readers: every format, and bad input as a recorded skip rather than a crash."""

import codecs
import json

import pytest

from voxmap.readers import Skip, parse_text, read_paths
from voxmap.records import Article


def read(paths):
    return list(read_paths(paths))


def test_plain_text_title_line_then_body():
    article = parse_text("A title\n\nThe body, “quoted”.\n")
    assert article.title == "A title" and article.text.startswith("A title\n\nThe body")


def test_plain_text_without_title():
    assert parse_text("Just one paragraph of body text.").title is None


def test_jsonl_keeps_text_as_given_and_metadata(tmp_path):
    path = tmp_path / "a.jsonl"
    lines = [
        {
            "id": "x1",
            "text": "  Body with spaces  ",
            "title": "T",
            "source": "Le Monde",
            "published": "2024-05-01",
            "language": "fr",
            "url": "http://example.org/a",
        },
        {"text": "Second."},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    first, second = read([path])
    assert (first.id, first.text, first.source, first.language) == ("x1", "  Body with spaces  ", "Le Monde", "fr")
    assert second.id and second.title is None


def test_jsonl_bad_lines_are_skips_and_the_batch_goes_on(tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text('{"text": "ok"}\nnot json\n{"no_text": 1}\n{"text": ""}\n{"text": "ok too"}\n', encoding="utf-8")
    results = read([path])
    assert [type(r).__name__ for r in results] == ["Article", "Skip", "Skip", "Skip", "Article"]
    assert [r.line for r in results if isinstance(r, Skip)] == [2, 3, 4]


def test_html_through_trafilatura(tmp_path):
    body = " ".join(["The minister said the reform was necessary and would pass before summer."] * 5)
    html = (
        f"<html><head><title>Reform ahead</title><meta property='og:site_name' content='Daily Test'></head>"
        f"<body><article><h1>Reform ahead</h1><p>{body}</p><p>{body}</p></article></body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    (article,) = read([tmp_path / "page.html"])
    assert isinstance(article, Article) and "minister said the reform" in article.text
    assert article.title == "Reform ahead"


def test_bad_files_are_skips_with_reasons(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes(
        "Le ministre a déclaré que la réforme était « nécessaire ».".encode("latin-1")
    )
    (tmp_path / "broken.html").write_text("<html><body><div><p>unclosed", encoding="utf-8")
    results = read([tmp_path])
    assert len(results) == 4  # one result per file: malformed HTML neither crashes nor stops the batch
    binary, broken, empty, latin1 = results  # sorted by file name
    assert isinstance(binary, Skip) and "binary" in binary.reason
    assert isinstance(empty, Skip) and "empty" in empty.reason
    assert isinstance(latin1, Article) and "déclaré" in latin1.text and "« nécessaire »" in latin1.text


def test_missing_path_is_a_skip(tmp_path):
    (skip,) = read([tmp_path / "nope.txt"])
    assert isinstance(skip, Skip) and "no such file" in skip.reason


def test_folders_are_recursed_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second article.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("First article.", encoding="utf-8")
    assert [a.text for a in read([tmp_path])] == ["First article.", "Second article."]


FRENCH = "Le ministre a déclaré que la réforme était « nécessaire ». L’été sera long."


@pytest.mark.parametrize(
    "name, data, encoding",
    [
        ("utf8.txt", FRENCH.encode("utf-8"), "utf-8"),
        ("utf8-bom.txt", codecs.BOM_UTF8 + FRENCH.encode("utf-8"), "utf-8-sig"),
        ("utf16le.txt", codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le"), "utf-16"),  # as Windows tools write it
        ("utf16be.txt", codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be"), "utf-16"),
        ("utf32le.txt", codecs.BOM_UTF32_LE + FRENCH.encode("utf-32-le"), "utf-32"),
        ("cp1252.txt", FRENCH.encode("cp1252"), "cp1252"),
    ],
)
def test_decoding_by_bom_then_utf8_then_detection(tmp_path, name, data, encoding):
    (tmp_path / name).write_bytes(data)
    (article,) = read([tmp_path / name])
    assert isinstance(article, Article) and article.text == FRENCH
    assert article.encoding == encoding


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"\x00\x01\x02PNG\x00", "binary file (NUL bytes)"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "invalid UTF-16 text after its byte-order mark"),  # a lone surrogate
        (bytes(range(128, 256)) * 40, "undecodable text"),
    ],
)
def test_unreadable_bytes_give_one_line_reasons(tmp_path, data, reason):
    (tmp_path / "bad.txt").write_bytes(data)
    (skip,) = read([tmp_path / "bad.txt"])
    assert isinstance(skip, Skip) and skip.reason.startswith(reason) and "\n" not in skip.reason


def test_the_ceiling_is_configurable(tmp_path, monkeypatch):
    (tmp_path / "long.txt").write_text("word " * 26, encoding="utf-8")
    assert isinstance(read([tmp_path / "long.txt"])[0], Article)
    monkeypatch.setenv("VOXMAP_MAX_CHARS", "120")
    (skip,) = read([tmp_path / "long.txt"])
    assert isinstance(skip, Skip) and "longer than 120 characters" in skip.reason
    (tmp_path / "huge.txt").write_text("word " * 200, encoding="utf-8")  # not even read into memory
    (skip,) = read([tmp_path / "huge.txt"])
    assert isinstance(skip, Skip) and skip.reason.startswith("file larger than 480 bytes")


def _warc(path, pages: int) -> bytes:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.suffix == ".gz")
        for number in range(pages):
            body = "<p>" + "The minister said the reform would pass before the summer break. " * 20 + "</p>"
            html = f"<html><head><title>T{number}</title></head><body><article>{body}</article></body></html>"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
            writer.write_record(
                writer.create_warc_record(
                    f"http://example.org/{number}", "response", payload=BytesIO(html.encode()), http_headers=headers
                )
            )
    return path.read_bytes()


@pytest.mark.parametrize(
    "name, cut, articles, reason",
    [
        ("whole.warc.gz", 0, 3, None),
        ("cut.warc.gz", 100, 2, "unreadable WARC: truncated (the archive ends inside a record); 2 record(s) read"),
        ("cut.warc", 500, 2, "unreadable WARC: truncated (the archive ends inside a record); 2 record(s) read"),
    ],
)
def test_damaged_warc_keeps_what_it_can_and_says_why(tmp_path, name, cut, articles, reason, capfd):
    data = _warc(tmp_path / name, 3)
    if cut:
        (tmp_path / name).write_bytes(data[:-cut])
    results = read([tmp_path / name])
    assert sum(isinstance(r, Article) for r in results) == articles
    skips = [r.reason for r in results if isinstance(r, Skip)]
    assert len(skips) == (reason is not None) and all(skip.startswith(reason) for skip in skips)
    assert capfd.readouterr().err == ""  # no raw bytes on the terminal


def test_a_file_that_is_no_warc(tmp_path, capfd):
    (tmp_path / "junk.warc").write_bytes(b"this is not a warc file at all\n" * 10)
    (skip,) = read([tmp_path / "junk.warc"])
    assert skip.reason == "unreadable WARC: not a WARC record at record 1; 0 record(s) read before it"
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize(
    "head, date, expected",
    [
        (
            '<meta property="article:published_time" content="2024-03-05T07:45:00+01:00">',
            "2024-03-05",
            "2024-03-05T07:45:00+01:00",
        ),
        (
            '<meta content="2024-03-05T07:45:00Z" property="article:published_time" />',
            None,
            "2024-03-05T07:45:00+00:00",
        ),
        (
            '<script type="application/ld+json">{"datePublished": "2024-03-05T07:45:00"}</script>',
            "2024-03-05",
            "2024-03-05T07:45:00",
        ),
        # Negatives: a time that disagrees with the page's date, a date without a time, no metadata.
        (
            '<script type="application/ld+json">{"datePublished": "2024-03-05T07:45:00+01:00"}</script>',
            "2024-03-06",
            None,
        ),
        ('<meta property="article:published_time" content="2024-03-05">', "2024-03-05", None),
        ('<meta property="og:title" content="2024-03-05T07:45:00">', None, None),
    ],
)
def test_an_html_page_keeps_its_time_of_day(head, date, expected):
    from voxmap.readers.html import published_time

    assert published_time(f"<html><head>{head}</head></html>", date) == expected
