"""Nexis Uni DOCX exports: one Word file, many articles, each with its outlet, date and time, title,
byline and text. The fixtures are built with python-docx from the documented layout (LexisNexisTools
describes it); names are invented."""

import pytest

from voxmap.readers import Skip, read_paths
from voxmap.readers.nexis import nexis_published

COVER = ["User Name: = ", "Date and Time: Tuesday, March 12, 2024 10:02:00 AM EST", "Job Number: 2187",
         "Documents (3)", "1. Police union threatens to block the ring road", "Client/Matter: -none-",
         "Search Terms: police union", "Search Type: Terms and Connectors"]  # fmt: skip


def nexis_article(title, outlet, dated, body, byline=None, fields=("Section: NEWS; Pg. A4", "Length: 412 words")):
    lines = [title, outlet, dated, "Copyright 2024 The Daily Courier", *fields]
    if byline:
        lines.append(f"Byline: {byline}")
    lines += ["", "Body", "", *body, "", "Classification", "Language: ENGLISH", "Load-Date: March 6, 2024", "",
              "End of Document"]  # fmt: skip
    return lines


def write_docx(path, lines):
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


THREE = (
    COVER
    + nexis_article(
        "Police union threatens to block the ring road",
        "The Daily Courier",
        "March 5, 2024 Tuesday 8:41 AM EST",
        [
            '"We will go all the way," said Fabien Delacourt, the union\'s general secretary.',
            "The ministry did not answer.",
        ],  # fmt: skip
        byline="Anne Morel and Tom Roy",
    )
    + nexis_article(
        "Ministry answers the union",
        "Metro Wire",
        "March 6, 2024 Wednesday",
        ['"The door is open," the interior minister said on Wednesday.'],
    )
    + nexis_article("Strike called off", "Northern Chronicle", "March 7, 2024", ["The strike was called off."])
)


def test_an_export_of_three_articles_is_three_articles(tmp_path):
    items = list(read_paths([write_docx(tmp_path / "export.docx", THREE)]))
    assert [type(item).__name__ for item in items] == ["Article"] * 3
    first, second, third = items
    assert (first.title, first.source, first.published) == (
        "Police union threatens to block the ring road",
        "The Daily Courier",
        "2024-03-05T08:41:00-05:00",
    )
    assert first.authors == ["Anne Morel", "Tom Roy"]
    assert first.text.startswith('"We will go all the way,"') and "Classification" not in first.text
    assert "Search Terms" not in first.text and first.title != COVER[-1]  # the cover page stays out
    assert (second.source, second.published) == ("Metro Wire", "2024-03-06")
    assert (third.title, third.published, third.text) == (
        "Strike called off",
        "2024-03-07",
        "The strike was called off.",
    )
    assert len({item.id for item in items}) == 3


def test_an_article_without_body_is_reported_and_the_others_go_on(tmp_path):
    broken = [line for line in nexis_article("No body", "Outlet", "March 8, 2024", ["Lost."]) if line != "Body"]
    lines = THREE[: len(COVER)] + broken + THREE[len(COVER) :]
    items = list(read_paths([write_docx(tmp_path / "export.docx", lines)]))
    assert isinstance(items[0], Skip) and "article 1 has no Body" in items[0].reason
    assert [type(item).__name__ for item in items[1:]] == ["Article"] * 3


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"PK\x03\x04 not really a zip", "not a readable DOCX"),
        (None, "no article found"),  # a Word file that is no Nexis export
    ],
)
def test_what_is_not_a_nexis_export_says_so(tmp_path, content, reason):
    path = tmp_path / "file.docx"
    if content is None:
        write_docx(path, ["Minutes of the meeting", "Nothing else."])
    else:
        path.write_bytes(content)
    (item,) = read_paths([path])
    assert isinstance(item, Skip) and reason in item.reason


@pytest.mark.parametrize(
    "line, published",
    [
        ("March 5, 2024 Tuesday 8:41 AM EST", "2024-03-05T08:41:00-05:00"),
        ("March 5, 2024 Tuesday 12:05 PM", "2024-03-05T12:05:00"),
        ("July 4, 2016 Monday 12:30 AM EDT", "2016-07-04T00:30:00-04:00"),
        ("March 5, 2024", "2024-03-05"),
        ("Copyright 2024 The Daily Courier", None),
    ],
)
def test_nexis_date_lines(line, published):
    assert nexis_published(line) == published
