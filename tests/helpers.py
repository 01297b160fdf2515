"""Helpers shared by the tests (importable as `helpers`; tests/ is on the path)."""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
POLNEAR = SHARED / "data" / "polnear"


def make_doc(rows: list[tuple], *, vocab=None) -> Doc:
    """A parsed Doc from rows of (word, space_after, head, dep, pos, lemma, ent_iob_label).

    `head` is the absolute index of the head token; `ent` is "O", "B-PERSON", "I-PERSON", ...
    """
    vocab = vocab or spacy.blank("en").vocab
    words, spaces, heads, deps, pos, lemmas, ents = (list(column) for column in zip(*rows))
    return Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)
