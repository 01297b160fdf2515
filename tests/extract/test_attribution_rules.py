"""Attribution rules on hand-built Docs: no trained model, the parse is given."""

import pytest
from helpers import attribute, make_doc

from voxmap.extract.language import load_rules

EN = load_rules("en")

SAID_ANN_ROY = [  # “We will win,” said Ann Roy.
    ("“", False, 3, "punct", "PUNCT", "“", "O"),
    ("We", True, 3, "nsubj", "PRON", "we", "O"),
    ("will", True, 3, "aux", "AUX", "will", "O"),
    ("win", False, 6, "ccomp", "VERB", "win", "O"),
    (",", False, 6, "punct", "PUNCT", ",", "O"),
    ("”", True, 6, "punct", "PUNCT", "”", "O"),
    ("said", True, 6, "ROOT", "VERB", "say", "O"),
    ("Ann", True, 8, "compound", "PROPN", "Ann", "B-PERSON"),
    ("Roy", False, 6, "nsubj", "PROPN", "Roy", "I-PERSON"),
    (".", False, 6, "punct", "PUNCT", ".", "O"),
]
RUSHES_ANN_ROY = [
    (w if w != "said" else "rewinds", s, h, d, p, lemma if lemma != "say" else "rewind", e)
    for w, s, h, d, p, lemma, e in SAID_ANN_ROY
]
CUTIES = [  # Cats are “cuties”.
    ("Cats", True, 1, "nsubj", "NOUN", "cat", "O"),
    ("are", True, 1, "ROOT", "AUX", "be", "O"),
    ("“", False, 3, "punct", "PUNCT", "“", "O"),
    ("cuties", False, 1, "attr", "NOUN", "cutie", "O"),
    ("”", False, 3, "punct", "PUNCT", "”", "O"),
    (".", False, 1, "punct", "PUNCT", ".", "O"),
]
UNION_SAID_THAT = [  # The union said that talks had failed.
    ("The", True, 1, "det", "DET", "the", "O"),
    ("union", True, 2, "nsubj", "NOUN", "union", "O"),
    ("said", True, 2, "ROOT", "VERB", "say", "O"),
    ("that", True, 6, "mark", "SCONJ", "that", "O"),
    ("talks", True, 6, "nsubj", "NOUN", "talk", "O"),
    ("had", True, 6, "aux", "AUX", "have", "O"),
    ("failed", False, 2, "ccomp", "VERB", "fail", "O"),
    (".", False, 2, "punct", "PUNCT", ".", "O"),
]
ACCORDING_TO_SOURCE = [  # According to a source, the deal is dead.
    ("According", True, 7, "prep", "VERB", "accord", "O"),
    ("to", True, 0, "prep", "ADP", "to", "O"),
    ("a", True, 3, "det", "DET", "a", "O"),
    ("source", False, 1, "pobj", "NOUN", "source", "O"),
    (",", True, 7, "punct", "PUNCT", ",", "O"),
    ("the", True, 6, "det", "DET", "the", "O"),
    ("deal", True, 7, "nsubj", "NOUN", "deal", "O"),
    ("is", True, 7, "ROOT", "AUX", "be", "O"),
    ("dead", False, 7, "acomp", "ADJ", "dead", "O"),
    (".", False, 7, "punct", "PUNCT", ".", "O"),
]
IT_IS_SAID = [  # It is said that talks failed. (no source: not an attribution)
    ("It", True, 2, "nsubjpass", "PRON", "it", "O"),
    ("is", True, 2, "auxpass", "AUX", "be", "O"),
    ("said", True, 2, "ROOT", "VERB", "say", "O"),
    ("that", True, 5, "mark", "SCONJ", "that", "O"),
    ("talks", True, 5, "nsubj", "NOUN", "talk", "O"),
    ("failed", False, 2, "ccomp", "VERB", "fail", "O"),
    (".", False, 2, "punct", "PUNCT", ".", "O"),
]


def analyse(rows):
    doc = make_doc(rows)
    found_actors, quotes = attribute(doc, EN)
    return doc, quotes, found_actors


@pytest.mark.parametrize(
    "rows, kind, text, speaker, speaker_type",
    [
        (SAID_ANN_ROY, "direct", "We will win,", "Ann Roy", "person"),
        (RUSHES_ANN_ROY, "direct", "We will win,", "Ann Roy", "person"),  # structure is a cue whatever the verb
        # no union named in the article: "the union" is a description, not a body with a voice
        (UNION_SAID_THAT, "indirect", "that talks had failed", "The union", "anonymous"),
        (ACCORDING_TO_SOURCE, "indirect", "the deal is dead", "a source", "anonymous"),
    ],
)
def test_one_quote(rows, kind, text, speaker, speaker_type):
    doc, quotes, _ = analyse(rows)
    assert [(q.kind, q.text, q.speaker.name, q.speaker.type) for q in quotes] == [(kind, text, speaker, speaker_type)]


@pytest.mark.parametrize("rows", [CUTIES, IT_IS_SAID], ids=["scare-quote", "no-source"])
def test_negatives(rows):
    _, quotes, _ = analyse(rows)
    assert quotes == []


def test_cue_and_mention_point_at_their_characters():
    doc, quotes, found_actors = analyse(SAID_ANN_ROY)
    quote = quotes[0]
    assert quote.cue.text == "said" and doc.text[quote.cue.start : quote.cue.end] == "said"
    assert quote.speaker.mention.text == "Ann Roy"
    assert quote.speaker.actor == found_actors[0].id and found_actors[0].name == "Ann Roy"


def test_pronoun_resolves_to_the_person_named_before():
    rows = [  # Ann Roy spoke. “We will win,” she said.
        ("Ann", True, 1, "compound", "PROPN", "Ann", "B-PERSON"),
        ("Roy", True, 2, "nsubj", "PROPN", "Roy", "I-PERSON"),
        ("spoke", False, 2, "ROOT", "VERB", "speak", "O"),
        (".", True, 2, "punct", "PUNCT", ".", "O"),
        ("“", False, 7, "punct", "PUNCT", "“", "O"),
        ("We", True, 7, "nsubj", "PRON", "we", "O"),
        ("will", True, 7, "aux", "AUX", "will", "O"),
        ("win", False, 11, "ccomp", "VERB", "win", "O"),
        (",", False, 11, "punct", "PUNCT", ",", "O"),
        ("”", True, 11, "punct", "PUNCT", "”", "O"),
        ("she", True, 11, "nsubj", "PRON", "she", "O"),
        ("said", False, 11, "ROOT", "VERB", "say", "O"),
        (".", False, 11, "punct", "PUNCT", ".", "O"),
    ]
    _, quotes, _ = analyse(rows)
    assert [(q.speaker.name, q.speaker.mention.text) for q in quotes] == [("Ann Roy", "she")]
