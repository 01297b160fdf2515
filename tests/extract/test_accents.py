"""A sentence's first capital written without its accent is read by the model as its word: its norm."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from voxmap.extract.accents import accented, unaccented_capitals


def _norms(words: list[str], spaces: list[bool]) -> list[str]:
    doc = accented(Doc(Vocab(), words=words, spaces=spaces), unaccented_capitals("fr"))
    return [t.norm_ for t in doc]


@pytest.mark.parametrize(
    ("words", "spaces", "read_as_word"),
    [
        # a sentence's first word, after a stop or at the start
        (["Il", "a", "dit", ".", "A", "l'", "issue"], [True, True, False, True, True, False, False], True),
        (["A", "gauche", ",", "X", "a", "dit"], [True, False, True, True, True, False], True),
        # negatives: the verb with its clitic ("A-t-il dit ?"), a capital inside a sentence ("le plan A")
        (["A", "-t-il", "dit"], [False, True, False], False),
        (["le", "plan", "A", "est", "prêt"], [True, True, True, True, False], False),
    ],
)
def test_a_sentence_s_unaccented_capital_is_read_as_its_word(words, spaces, read_as_word):
    assert (_norms(words, spaces)[words.index("A")] == "à") is read_as_word


def test_english_has_no_such_capital():
    assert unaccented_capitals("en") == {}
