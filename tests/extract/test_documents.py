"""Who speaks through a document, on hand-built parses."""

import pytest
from helpers import make_doc

from voxmap.extract.documents import document_author
from voxmap.extract.language import load_rules

RULES = load_rules("en")


def _doc(rows):
    """rows of (word, head, dep, pos); lemmas are the lower-cased words."""
    return make_doc([(w, True, h, d, p, w.lower(), "O") for w, h, d, p in rows])


# "In a letter , Vane described it . The letter added"
LETTER = [
    ("In", 5, "prep", "ADP"),
    ("a", 2, "det", "DET"),
    ("letter", 0, "pobj", "NOUN"),
    (",", 4, "punct", "PUNCT"),
    ("Vane", 5, "nsubj", "PROPN"),
    ("described", 5, "ROOT", "VERB"),
    ("it", 5, "dobj", "PRON"),
    (".", 5, "punct", "PUNCT"),
    ("The", 9, "det", "DET"),
    ("letter", 10, "nsubj", "NOUN"),
    ("added", 10, "ROOT", "VERB"),
]
# "In a note , the director , Morand , listed . The note concluded"
NOTE = [
    ("In", 9, "prep", "ADP"),
    ("a", 2, "det", "DET"),
    ("note", 0, "pobj", "NOUN"),
    (",", 9, "punct", "PUNCT"),
    ("the", 5, "det", "DET"),
    ("director", 9, "nsubj", "NOUN"),
    (",", 5, "punct", "PUNCT"),
    ("Morand", 5, "appos", "PROPN"),
    (",", 5, "punct", "PUNCT"),
    ("listed", 9, "ROOT", "VERB"),
    (".", 9, "punct", "PUNCT"),
    ("The", 12, "det", "DET"),
    ("note", 13, "nsubj", "NOUN"),
    ("concluded", 13, "ROOT", "VERB"),
]
# "The chamber 's report is severe . The report concludes"
REPORT = [
    ("The", 1, "det", "DET"),
    ("chamber", 3, "poss", "NOUN"),
    ("'s", 1, "case", "PART"),
    ("report", 4, "nsubj", "NOUN"),
    ("is", 4, "ROOT", "AUX"),
    ("severe", 4, "acomp", "ADJ"),
    (".", 4, "punct", "PUNCT"),
    ("The", 8, "det", "DET"),
    ("report", 9, "nsubj", "NOUN"),
    ("concludes", 9, "ROOT", "VERB"),
]
# "A memo sets out it . The memo reads"
MEMO = [
    ("A", 1, "det", "DET"),
    ("memo", 2, "nsubj", "NOUN"),
    ("sets", 2, "ROOT", "VERB"),
    ("out", 2, "prt", "ADP"),
    ("it", 2, "dobj", "PRON"),
    (".", 2, "punct", "PUNCT"),
    ("The", 7, "det", "DET"),
    ("memo", 8, "nsubj", "NOUN"),
    ("reads", 8, "ROOT", "VERB"),
]


# "Selon le rapport , les prix ont augmenté . Le rapport conclut" / "Dans le rapport , ..."
def _french(preposition):
    return [
        (preposition, 2, "case", "ADP"),
        ("le", 2, "det", "DET"),
        ("rapport", 7, "obl:mod", "NOUN"),
        (",", 7, "punct", "PUNCT"),
        ("les", 5, "det", "DET"),
        ("prix", 7, "nsubj", "NOUN"),
        ("ont", 7, "aux:tense", "AUX"),
        ("augmenté", 7, "ROOT", "VERB"),
        (".", 7, "punct", "PUNCT"),
        ("Le", 10, "det", "DET"),
        ("rapport", 11, "nsubj", "NOUN"),
        ("conclut", 11, "ROOT", "VERB"),
    ]


# "Vane described it . A letter added" (no definite document)
INDEFINITE = [
    ("Vane", 1, "nsubj", "PROPN"),
    ("described", 1, "ROOT", "VERB"),
    ("it", 1, "dobj", "PRON"),
    (".", 1, "punct", "PUNCT"),
    ("A", 5, "det", "DET"),
    ("letter", 6, "nsubj", "NOUN"),
    ("added", 6, "ROOT", "VERB"),
]


@pytest.mark.parametrize(
    "rows, expected",
    [
        # the subject of the clause the letter set the scene of
        (LETTER, "Vane"),
        # the name set beside that subject's title
        (NOTE, "Morand"),
        # the possessor the article wrote
        (REPORT, "chamber"),
        # negatives: a document first written as the subject names no author; an indefinite one is new
        (MEMO, None),
        (INDEFINITE, None),
    ],
)
def test_a_document_taken_up_speaks_for_the_author_the_article_gave_it(rows, expected):
    doc = _doc(rows)
    found = document_author(doc[len(doc) - 2], RULES)
    assert (found.text if found else None) == expected


@pytest.mark.parametrize(
    "preposition, expected",
    [
        ("Dans", "prix"),  # the document set the scene of its clause: that clause's subject wrote it
        ("Selon", None),  # a source of its own ("selon le rapport") sets no one's scene
    ],
)
def test_a_french_document_sets_the_scene_only_by_its_preposition(preposition, expected):
    doc = _doc(_french(preposition))
    found = document_author(doc[len(doc) - 2], load_rules("fr"))
    assert (found.text if found else None) == expected
