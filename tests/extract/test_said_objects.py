"""A date the parser took for a reporting verb's object says when, not what: the noun phrase after it
is what was said. Docs built and parsed by hand, as the French model parses such sentences."""

from __future__ import annotations

import pytest
from spacy.lang.fr import French
from spacy.tokens import Doc

from voxmap.extract.attribution.reported import _said_object
from voxmap.extract.language import load_rules


def _parsed(rows) -> Doc:
    words, pos, deps, heads = (list(column) for column in zip(*rows))
    return Doc(French().vocab, words=words, pos=pos, deps=deps, heads=heads)


# (word, pos, dep, head): the verb is token 1
SENTENCES = {
    # "fin juin" tagged a number and called the object, the phrase after it a second object
    "fin juin": [
        ("Renault", "PROPN", "nsubj", 1),
        ("annonce", "VERB", "ROOT", 1),
        ("fin", "NUM", "obj", 1),
        ("juin", "NOUN", "nmod", 2),
        ("la", "DET", "det", 5),
        ("dissolution", "NOUN", "obj", 1),
    ],
    # the phrase hung on the weekday, right after it
    "vendredi de": [
        ("Renault", "PROPN", "nsubj", 1),
        ("annonce", "VERB", "ROOT", 1),
        ("vendredi", "NOUN", "obj", 1),
        ("de", "ADP", "case", 5),
        ("nouvelles", "ADJ", "amod", 5),
        ("restrictions", "NOUN", "nmod", 2),
    ],
    # negatives: "la fin" of something is what; a verb the parser made of a noun, holding a month far on
    "la fin": [
        ("Renault", "PROPN", "nsubj", 1),
        ("annonce", "VERB", "ROOT", 1),
        ("la", "DET", "det", 3),
        ("fin", "NOUN", "obj", 1),
        ("de", "ADP", "case", 5),
        ("grève", "NOUN", "nmod", 3),
    ],
    "misparsed": [
        ("Élysée", "PROPN", "nsubj", 1),
        ("annonce", "VERB", "ROOT", 1),
        ("plusieurs", "DET", "det", 3),
        ("axes", "NOUN", "nsubj", 4),
        ("directeurs", "VERB", "obj", 1),
        ("de", "ADP", "case", 7),
        ("l'", "DET", "det", 7),
        ("après", "NOUN", "nmod", 4),
        ("mai", "NOUN", "nmod", 7),
    ],
    # a phrase not right after the weekday is no object of it
    "vendredi far": [
        ("Renault", "PROPN", "nsubj", 1),
        ("annonce", "VERB", "ROOT", 1),
        ("vendredi", "NOUN", "obj", 1),
        (",", "PUNCT", "punct", 2),
        ("de", "ADP", "case", 5),
        ("restrictions", "NOUN", "nmod", 2),
    ],
    # a noun at the head of a short object naming a month is what ("bilan de mai")
    "bilan de mai": [
        ("Renault", "PROPN", "nsubj", 1),
        ("annonce", "VERB", "ROOT", 1),
        ("bilan", "NOUN", "obj", 1),
        ("de", "ADP", "case", 4),
        ("mai", "NOUN", "nmod", 2),
    ],
}


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("fin juin", "dissolution"),
        ("vendredi de", "restrictions"),
        ("la fin", "fin"),
        ("misparsed", "directeurs"),
        ("vendredi far", None),
        ("bilan de mai", "bilan"),
    ],
)
def test_a_date_taken_for_the_object_says_when(name, said):
    doc = _parsed(SENTENCES[name])
    found = _said_object(doc[1], load_rules("fr"))
    assert (found.text if found is not None else None) == said
