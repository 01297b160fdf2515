"""Where a source clause ("comme le raconte X", "as X reported") may stand to vouch for its sentence:
opening it (a connective before it) or closing it, never as an aside inside it. Docs built by hand."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from spacy.lang.fr import French
from spacy.tokens import Doc

from voxmap.extract.attribution.source_phrases import _set_off


def _doc(sentence: str) -> Doc:
    words = sentence.split()
    return Doc(French().vocab, words=words, sent_starts=[True] + [False] * (len(words) - 1))


@pytest.mark.parametrize(
    ("sentence", "set_off"),
    [
        ("Comme le raconte Libé , la favorite est arrivée en tête .", True),
        ("Mais , comme le raconte Libé , la favorite est arrivée en tête .", True),
        ("La favorite est arrivée en tête , comme le raconte Libé .", True),
        ("La favorite est arrivée en tête , comme le raconte Libé", True),
        # negatives: an aside inside the sentence, a clause with no comma before it
        ("La maladie touche les cultures , comme le disent des associations , en raison des surfaces .", False),
        ("Il a agi comme le raconte Libé .", False),
        ("Selon lui et , comme le raconte Libé , la favorite est arrivée .", False),
    ],
)
def test_a_source_clause_opens_or_closes_its_sentence(sentence, set_off):
    doc = _doc(sentence)
    mark = next(t for t in doc if t.lower_ == "comme")
    last = next(t.i for t in doc if t.text == "Libé" or t.text == "associations")
    assert _set_off(mark, last, SimpleNamespace(doc=doc)) is set_off
