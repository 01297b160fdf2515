"""Parses the English model gets wrong on real news, built by hand: who speaks despite them."""

import pytest
import spacy
from helpers import attribute, make_doc

from voxmap.extract.language import load_rules
from voxmap.extract.syntax import subject_of

EN = load_rules("en")
VOCAB = spacy.blank("en").vocab

# "Records were made public ― Trump said that taxes rise." as the model parsed its real counterpart
# (a horizontal bar between two clauses): the bar is a second subject of "said", before the name.
DASH_SUBJECT = [
    ("Records", True, 2, "nsubjpass", "NOUN", "record", "O"),
    ("were", True, 2, "auxpass", "AUX", "be", "O"),
    ("made", True, 2, "ROOT", "VERB", "make", "O"),
    ("public", True, 4, "amod", "ADJ", "public", "O"),
    ("―", True, 6, "nsubj", "NOUN", "―", "O"),
    ("Trump", True, 6, "nsubj", "PROPN", "Trump", "B-PERSON"),
    ("said", True, 2, "ccomp", "VERB", "say", "O"),
    ("that", True, 9, "mark", "SCONJ", "that", "O"),
    ("taxes", True, 9, "nsubj", "NOUN", "tax", "O"),
    ("rise", False, 6, "ccomp", "VERB", "rise", "O"),
    (".", False, 2, "punct", "PUNCT", ".", "O"),
]
# The same with no name: the bar alone is no speaker, so no attribution.
DASH_ONLY = [
    row if i != 5 else ("Trump", True, 4, "appos", "PROPN", "Trump", "O") for i, row in enumerate(DASH_SUBJECT)
]


def _speakers(rows):
    _, quotes = attribute(make_doc(rows, vocab=VOCAB), EN)
    return [(q.text, q.speaker.name) for q in quotes]


@pytest.mark.parametrize(
    "rows, speakers",
    [(DASH_SUBJECT, [("that taxes rise", "Trump")]), (DASH_ONLY, [])],
    ids=["dash-then-name", "dash-alone"],
)
def test_a_dash_is_never_a_subject(rows, speakers):
    assert _speakers(rows) == speakers


def _verb_subject(rows, language="en"):
    doc = make_doc(rows, vocab=spacy.blank(language).vocab)
    verb = next(t for t in doc if t.dep_ == "ROOT")
    found = subject_of(verb, load_rules(language).parser)
    return found.text if found is not None else None


def _rows(words_deps, root):
    """(word, dep) pairs, every head the root: the flat parse a confused model gives such sentences."""
    return [(w, True, root, dep, "PUNCT" if dep == "punct" else "NOUN", w.lower(), "O") for w, dep in words_deps]


@pytest.mark.parametrize(
    "words_deps, root, language, subject",
    [
        # the quote's own subject, parted from the verb by the closing mark
        (
            [
                ("“", "punct"),
                ("Reaction", "nsubj"),
                (",", "punct"),
                ("”", "punct"),
                ("strategist", "nsubj"),
                ("said", "ROOT"),
            ],
            5,
            "en",
            "strategist",
        ),
        # a fronted phrase's noun, parted by a comma
        (
            [
                ("Promises", "nsubj"),
                ("notwithstanding", "advmod"),
                (",", "punct"),
                ("analyses", "nsubj"),
                ("agree", "ROOT"),
            ],
            4,
            "en",
            "analyses",
        ),
        # negatives: both parted (an apposition) or neither (a name the model split): the first
        (
            [("Louis", "nsubj"), (",", "punct"), ("mari", "nsubj"), (",", "punct"), ("confirme", "ROOT")],
            4,
            "fr",
            "Louis",
        ),
        (
            [("élu", "nsubj"), ("des", "case"), ("Alpes", "nmod"), ("Maritimes", "nsubj"), ("assurait", "ROOT")],
            4,
            "fr",
            "élu",
        ),
        # one subject, parted or not, is the subject
        ([("Louis", "nsubj"), (",", "punct"), ("confirme", "ROOT")], 2, "fr", "Louis"),
    ],
    ids=["quoted", "fronted", "apposition", "split-name", "single"],
)
def test_of_two_subjects_the_verb_takes_the_one_nothing_parts_from_it(words_deps, root, language, subject):
    assert _verb_subject(_rows(words_deps, root), language) == subject
