"""An infinitive with no preposition after an aside ("L'homme explique, par exemple, avoir été suivi")
is what a speech verb's subject said, where the language reads it so; a wish's infinitive is none.
Docs built and parsed by hand, as the French model parses such sentences."""

from __future__ import annotations

import pytest
from spacy.lang.fr import French
from spacy.tokens import Doc

from voxmap.extract.attribution.context import Context
from voxmap.extract.attribution.reported import stance_quotes
from voxmap.extract.language import load_rules

# (word, lemma, pos, dep, head, morph)
EXPLAINS = [
    ("L'", "le", "DET", "det", 1, ""),
    ("homme", "homme", "NOUN", "nsubj", 2, ""),
    ("explique", "expliquer", "VERB", "ROOT", 2, "VerbForm=Fin"),
    (",", ",", "PUNCT", "punct", 2, ""),
    ("par", "par", "ADP", "case", 5, ""),
    ("exemple", "exemple", "NOUN", "obl:mod", 2, ""),
    (",", ",", "PUNCT", "punct", 2, ""),
    ("avoir", "avoir", "AUX", "aux:tense", 9, "VerbForm=Inf"),
    ("été", "être", "AUX", "aux:pass", 9, "VerbForm=Part"),
    ("suivi", "suivre", "VERB", "advcl", 2, "VerbForm=Part"),
    ("par", "par", "ADP", "case", 12, ""),
    ("les", "le", "DET", "det", 12, ""),
    ("vigiles", "vigile", "NOUN", "obl:agent", 9, ""),
    (".", ".", "PUNCT", "punct", 2, ""),
]


def _parsed(rows, replaced=None) -> Doc:
    rows = [replaced.get(i, row) for i, row in enumerate(rows)] if replaced else rows
    words, lemmas, pos, deps, heads, morphs = (list(column) for column in zip(*rows))
    return Doc(French().vocab, words=words, lemmas=lemmas, pos=pos, deps=deps, heads=heads, morphs=morphs)


def _stated(doc: Doc, language: str = "fr") -> list[str]:
    ctx = Context(doc, doc.text, load_rules(language), [], [-1] * len(doc), list(doc))
    return [doc.text[q.spans[0][0] : q.spans[0][1]] for q in stance_quotes(ctx)]


@pytest.mark.parametrize(
    ("replaced", "stated"),
    [
        ({}, ["avoir été suivi par les vigiles"]),
        # negatives: a wish's infinitive, a preposition of its own ("pour"), no comma before it
        ({2: ("voulait", "vouloir", "VERB", "ROOT", 2, "VerbForm=Fin")}, []),
        (
            {
                7: ("pour", "pour", "ADP", "mark", 9, ""),
                8: ("avoir", "avoir", "AUX", "aux:tense", 9, "VerbForm=Inf"),
            },
            [],
        ),
        ({6: ("ainsi", "ainsi", "ADV", "advmod", 2, "")}, []),
        # a finite clause with a subject of its own ("il le suivait") is the writer's
        (
            {
                7: ("il", "il", "PRON", "nsubj", 9, ""),
                8: ("le", "le", "PRON", "obj", 9, ""),
                9: ("suivait", "suivre", "VERB", "advcl", 2, "VerbForm=Fin"),
            },
            [],
        ),
    ],
)
def test_an_infinitive_after_an_aside_states_what_was_said(replaced, stated):
    assert _stated(_parsed(EXPLAINS, replaced)) == stated
