"""Europresse exports: one file, many articles, each with its outlet, edition, date and time, title,
authors and text. The fixtures are written from the documented layout; names are invented."""

import pytest

from voxmap.readers import Skip, read_paths
from voxmap.readers.europresse import outlet_and_edition, published_at


def document(outlet, header, title, paragraphs, authors=None, doc_id=None):
    author = f'<div class="docAuthors">{authors}</div>' if authors else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    footer = f'<footer><div class="publiC-lblNodoc">{doc_id}</div></footer>' if doc_id else ""
    return (
        f'<article><header><div class="rdp__DocPublicationName"><span class="DocPublicationName">{outlet}</span>'
        f'</div><span class="DocHeader">{header}</span></header>'
        f'<div class="titreArticle"><p class="titreArticleVisu rdp__articletitle">{title}</p></div>{author}'
        f'<div class="DocText clearfix"><div class="docOcurrContainer">{body}</div></div>{footer}</article>'
    )


def export(*documents, charset="windows-1252"):
    # The declared encoding is often wrong: the file below is UTF-8 whatever it says.
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>Europresse.com</title></head><body>'
        + "".join(documents)
        + "</body></html>"
    )


THREE = export(
    document(
        "Le Courrier du Centre (site web)",
        "Société, mardi 5 mars 2024 - 08:41 UTC +0100 412 mots",
        "Prime des policiers : le syndicat Rempart menace",
        [
            "« Nous irons jusqu'au bout », a déclaré Fabien Delacourt, secrétaire général du syndicat.",
            "Le ministère n'a pas répondu.",
        ],
        authors="Anne Morel",
        doc_id="news·20240305·CC·0001",
    ),
    document(
        "La Gazette du Midi, no. 1234",
        "Politique, mercredi 6 mars 2024 530 mots, p. 4",
        "Le ministre temporise",
        ["Selon le ministère, la prime sera versée avant l'été."],
        doc_id="news·20240306·GM·0002",
    ),
    document(
        "The Northern Chronicle",
        "News, Thursday, March 7, 2024 300 words",
        "Union threatens strike",
        ["“We will not back down,” said Sarah Whitfield, the union's president."],
    ),
)


def test_an_export_of_three_articles_is_three_articles(tmp_path):
    path = tmp_path / "export.html"
    path.write_text(THREE, encoding="utf-8")
    items = list(read_paths([path]))
    assert [type(item).__name__ for item in items] == ["Article"] * 3
    first, second, third = items
    assert (first.source, first.edition, first.published) == (
        "Le Courrier du Centre",
        "site web",
        "2024-03-05T08:41:00+01:00",
    )
    assert (first.title, first.authors, first.id) == (
        "Prime des policiers : le syndicat Rempart menace",
        ["Anne Morel"],
        "news·20240305·CC·0001",
    )
    assert first.text.startswith("« Nous irons jusqu'au bout »") and "\n\nLe ministère" in first.text
    assert (second.source, second.edition, second.published, second.authors) == (
        "La Gazette du Midi",
        None,
        "2024-03-06",
        [],
    )
    assert (third.source, third.published) == ("The Northern Chronicle", "2024-03-07")
    assert first.to_dict()["edition"] == "site web" and "edition" not in second.to_dict()


@pytest.mark.parametrize(
    "content, reason",
    [
        (export(), "europresse export: no <article> found"),
        (
            export(document("Le Courrier du Centre", "lundi 4 mars 2024", "Vide", []), charset="utf-8").replace(
                "<p></p>", ""
            ),
            "europresse export: article 1 has no text",
        ),
    ],
)
def test_what_cannot_be_read_says_why(tmp_path, content, reason):
    # An export without a readable article is never read as one article of the page's words.
    content = content.replace(
        "</body>", '<span class="DocPublicationName"></span><div class="docOcurrContainer"></div></body>'
    )
    path = tmp_path / "broken.html"
    path.write_text(content, encoding="utf-8")
    items = list(read_paths([path]))
    assert any(isinstance(item, Skip) and item.reason.startswith(reason) for item in items)
    assert not any(getattr(item, "title", None) == "Europresse.com" for item in items)


def test_one_broken_article_does_not_stop_the_others(tmp_path):
    empty = document("La Gazette du Midi", "jeudi 7 mars 2024", "Sans texte", [])
    path = tmp_path / "mixed.html"
    path.write_text(THREE.replace("</body>", empty + "</body>"), encoding="utf-8")
    items = list(read_paths([path]))
    assert [type(item).__name__ for item in items] == ["Article", "Article", "Article", "Skip"]
    assert items[-1].reason == "europresse export: article 4 has no text (div.docOcurrContainer)"


@pytest.mark.parametrize(
    "written, expected",
    [
        ("Le Monde (site web)", ("Le Monde", "site web")),
        ("Le Figaro, no. 24567", ("Le Figaro", None)),
        ("Ouest-France", ("Ouest-France", None)),
        ("", (None, None)),
    ],
)
def test_outlet_and_edition(written, expected):
    assert outlet_and_edition(written) == expected


@pytest.mark.parametrize(
    "header, expected",
    [
        ("Société, mardi 5 mars 2024 - 08:41 UTC +0100 412 mots", "2024-03-05T08:41:00+01:00"),
        ("lundi 1er avril 2024 - 17:05 UTC 200 mots", "2024-04-01T17:05:00+00:00"),
        ("Économie, jeudi 7 mars 2024 1022 mots, p. 23", "2024-03-07"),  # the word count is no time
        ("News, Thursday, March 7, 2024 300 words", "2024-03-07"),
        ("Société, 412 mots", None),  # no date: none invented
        ("mardi 35 mars 2024", None),
    ],
)
def test_published_at(header, expected):
    assert published_at(header) == expected


def old_document(outlet, headers, title, author, paragraphs, doc_id):
    spans = "".join(f'<span class="DocHeader">{h}</span>' for h in headers)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    byline = f"<br>{author}<br>" if author else "<br>"
    return (
        f'<tr><td><span class="DocPublicationName">{outlet}</span>{spans}<br>'
        f'<span class="TitreArticleVisu">{title}</span>{byline}{body}'
        f"<p>© 2024 {outlet}. Tous droits réservés.</p>"
        f'<table><tr><td align="center">{doc_id}</td></tr></table></td></tr>'
    )


def test_the_older_table_based_layout(tmp_path):
    """One table cell per document (as tm.plugin.europresse reads it): outlet, header fields, a title
    span, a short author line, the paragraphs, a closing copyright line, the id in a centred cell."""
    rows = [
        old_document("Le Courrier du Centre, no. 21234", ["Société, ", "mardi 5 mars 2024", ", p. 8"],
                     "Prime des policiers : le syndicat menace", "Anne Morel",
                     ["« Nous irons jusqu'au bout », a déclaré Fabien Delacourt.", "Le ministère n'a pas répondu."],
                     "news·20240305·CC·0001"),
        old_document("La Gazette du Midi", ["mercredi 6 mars 2024"], "Le ministère répond", None,
                     ["« La porte est ouverte », a dit le ministre, qui recevra les syndicats la semaine prochaine "
                      "pour discuter de la prime et des effectifs."], "news·20240306·GM·0002"),
    ]  # fmt: skip
    path = tmp_path / "old.html"
    path.write_text(f"<html><body><table><tbody>{''.join(rows)}</tbody></table></body></html>", encoding="utf-8")
    first, second = read_paths([path])
    assert (first.source, first.published, first.title, first.authors) == (
        "Le Courrier du Centre", "2024-03-05", "Prime des policiers : le syndicat menace", ["Anne Morel"],
    )  # fmt: skip
    assert first.text.startswith("« Nous irons") and "©" not in first.text and first.id == "news·20240305·CC·0001"
    assert (second.source, second.authors, second.id) == ("La Gazette du Midi", [], "news·20240306·GM·0002")
    assert second.text.startswith("« La porte est ouverte »")
