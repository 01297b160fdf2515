"""Readers: every format, and bad input as a recorded skip rather than a crash."""
import json

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
    lines = [{"id": "x1", "text": "  Body with spaces  ", "title": "T", "source": "Le Monde", "published": "2024-05-01",
              "language": "fr", "url": "http://example.org/a"},
             {"text": "Second."}]
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
    html = (f"<html><head><title>Reform ahead</title><meta property='og:site_name' content='Daily Test'></head>"
            f"<body><article><h1>Reform ahead</h1><p>{body}</p><p>{body}</p></article></body></html>")
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    (article,) = read([tmp_path / "page.html"])
    assert isinstance(article, Article) and "minister said the reform" in article.text
    assert article.title == "Reform ahead"


def test_bad_files_are_skips_with_reasons(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Le ministre a déclaré que la réforme était « nécessaire ».".encode("latin-1"))
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
