"""Which place a name holds in its clause, on hand-built parses: the subject it stands beside, the
person a copula presents."""

import pytest
from helpers import make_doc

from voxmap.extract.language import load_rules
from voxmap.extract.syntax import presented, stands_for

RULES = load_rules("en")


def _doc(rows):
    """rows of (word, head, dep, pos, lemma)."""
    return make_doc([(w, True, h, d, p, lemma, "O") for w, h, d, p, lemma in rows])


# "The successor as leader , Fiona Beckett , was elected ."
SUCCESSOR = [
    ("The", 1, "det", "DET", "the"),
    ("successor", 9, "nsubjpass", "NOUN", "successor"),
    ("as", 1, "prep", "ADP", "as"),
    ("leader", 2, "pobj", "NOUN", "leader"),
    (",", 3, "punct", "PUNCT", ","),
    ("Fiona", 6, "compound", "PROPN", "Fiona"),
    ("Beckett", 3, "appos", "PROPN", "Beckett"),
    (",", 1, "punct", "PUNCT", ","),
    ("was", 9, "auxpass", "AUX", "be"),
    ("elected", 9, "ROOT", "VERB", "elect"),
    (".", 9, "punct", "PUNCT", "."),
]
# "After her child , Arabella , was born , she left ."
SUBORDINATE = [
    ("After", 6, "mark", "SCONJ", "after"),
    ("her", 2, "poss", "PRON", "her"),
    ("child", 6, "nsubjpass", "NOUN", "child"),
    (",", 2, "punct", "PUNCT", ","),
    ("Arabella", 2, "appos", "PROPN", "Arabella"),
    (",", 2, "punct", "PUNCT", ","),
    ("was", 6, "auxpass", "AUX", "be"),
    ("born", 9, "advcl", "VERB", "bear"),
    (",", 9, "punct", "PUNCT", ","),
    ("she", 9, "nsubj", "PRON", "she"),
    ("left", 9, "ROOT", "VERB", "leave"),
    (".", 9, "punct", "PUNCT", "."),
]
# "The sponsor was Karen Whitlock ."
SPONSOR = [
    ("The", 1, "det", "DET", "the"),
    ("sponsor", 2, "nsubj", "NOUN", "sponsor"),
    ("was", 2, "ROOT", "AUX", "be"),
    ("Karen", 4, "compound", "PROPN", "Karen"),
    ("Whitlock", 2, "attr", "PROPN", "Whitlock"),
    (".", 2, "punct", "PUNCT", "."),
]
# "She met Karen Whitlock ."
OBJECT = [
    ("She", 1, "nsubj", "PRON", "she"),
    ("met", 1, "ROOT", "VERB", "meet"),
    ("Karen", 3, "compound", "PROPN", "Karen"),
    ("Whitlock", 1, "dobj", "PROPN", "Whitlock"),
    (".", 1, "punct", "PUNCT", "."),
]


@pytest.mark.parametrize(
    "rows, name, expected",
    [
        # the subject a name set apart by commas stands beside, up through its prepositional phrase
        (SUCCESSOR, (5, 7), "successor"),
        # not in a subordinate clause; the name itself there
        (SUBORDINATE, (4, 5), "Arabella"),
        (OBJECT, (2, 4), "Whitlock"),
    ],
)
def test_the_noun_a_name_stands_for(rows, name, expected):
    doc = _doc(rows)
    assert stands_for(doc[slice(*name)], RULES.parser).text == expected


@pytest.mark.parametrize("rows, name, expected", [(SPONSOR, (3, 5), True), (OBJECT, (2, 4), False)])
def test_a_copula_presents_a_name(rows, name, expected):
    doc = _doc(rows)
    assert presented(doc[slice(*name)], RULES.parser, RULES.copulas) is expected
