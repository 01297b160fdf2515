"""Datelines and bylines: the shapes a dispatch opens with, read as metadata; sentences that merely
look like them (capitals, a dash) are not. No model: the sentence hints run on blank pipelines."""

import pytest
import spacy

from voxmap.extract.components import SentenceHints
from voxmap.extract.datelines import find_authors, find_dateline


@pytest.mark.parametrize(
    "language, text, place, agency",
    [
        ("en", "MOSCOW (Reuters) — Russia's foreign ministry said on Monday", "MOSCOW", "Reuters"),
        ("en", "MOSCOW - Russia's main satellite network said", "MOSCOW", None),
        ("en", "Clinton rolls out a witness.\n\nDES MOINES — She is the campaign's antidote", "DES MOINES", None),
        ("en", "WASHINGTON, D.C. -- Lawmakers said", "WASHINGTON", None),
        ("en", "SAN JUAN, Puerto Rico (AP) — The governor said", "SAN JUAN", "AP"),
        ("fr", "PARIS, 5 mars 2024 (AFP) - Le syndicat Rempart a dénoncé mardi", "PARIS", "AFP"),
        ("fr", "Par Anne Morel\n\nLyon (AFP) – La préfecture a annoncé lundi", "Lyon", "AFP"),
        ("fr", "SAINT-ÉTIENNE - Les salariés ont voté la grève", "SAINT-ÉTIENNE", None),
        # Not datelines: a sentence in capitals and a dash, a dash inside a sentence, a bracket that is
        # no agency after a place in lower case, a heading with nothing after its dash, a late line.
        ("en", "US - China talks resumed on Monday.", None, None),
        ("en", "The White House - in a statement - said", None, None),
        ("en", "Paris (France) - the city said", None, None),
        ("en", "NEW YORK —\nThe mayor said", None, None),
        ("en", "One.\nTwo.\nThree.\nFour.\nFive.\nMOSCOW — Late in the text", None, None),
        ("fr", "Le syndicat - qui représente 30 % des agents - a dénoncé", None, None),
        ("en", "NATO - the alliance's chief said on Monday - will meet in July.", None, None),
    ],
)
def test_datelines(language, text, place, agency):
    found = find_dateline(text, language)
    if place is None:
        assert found is None
        return
    assert (found.place, found.agency) == (place, agency)
    assert text[found.start : found.end] == found.text and found.text.rstrip()[-1] in "—–-"


@pytest.mark.parametrize(
    "language, text, authors",
    [
        ("en", "By Anne Morel\n\nWASHINGTON — The White House said", ["Anne Morel"]),
        ("en", "Title.\nBy Anne Morel and Tom Roy\nText.", ["Anne Morel", "Tom Roy"]),
        ("fr", "Par Anne Morel et Paul Girard\n\nLe maire a dit", ["Anne Morel", "Paul Girard"]),
        ("en", "By the time he arrived, it was over.", []),  # a sentence, not a byline
        ("en", "By Monday the deal was done.", []),
        ("fr", "Par ailleurs, le maire a dit", []),
    ],
)
def test_bylines(language, text, authors):
    assert find_authors(text, language) == authors


def test_a_dateline_is_its_own_sentence():
    nlp = spacy.blank("en")
    doc = SentenceHints("en")(nlp.make_doc("WASHINGTON, D.C. (AP) — Lawmakers said on Monday."))
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["WASHINGTON", "Lawmakers"]
    assert not any(t.is_sent_start for t in doc[1:] if t.idx < doc.text.index("Lawmakers"))
