"""What an article writes beside a name, read from Docs built by hand (no model)."""

import pytest
import spacy
from spacy.tokens import Doc

from voxmap.extract.descriptions import Described, description_score, descriptions_of
from voxmap.extract.language import load_rules

RULES = load_rules("en")
VOCAB = spacy.blank("en").vocab  # the language's lexical attributes (is_alpha), no model


def _doc(rows):
    """rows: (word, pos, dep, head index, lemma)."""
    words, pos, deps, heads, lemmas = zip(*rows)
    return Doc(
        VOCAB,
        words=list(words),
        pos=list(pos),
        deps=list(deps),
        heads=list(heads),
        lemmas=list(lemmas),
        sent_starts=[True] + [False] * (len(rows) - 1),
    )


def _described(doc, start, end):
    return [(set(d.core), set(d.words)) for d in descriptions_of(doc[start:end], RULES)]


def test_an_apposition_and_its_chain_describe_the_name():
    # "Hervé Lantier, its president, a cereal grower from the Marne, signed it"
    doc = _doc(
        [
            ("Hervé", "PROPN", "compound", 1, "Hervé"),
            ("Lantier", "PROPN", "nsubj", 13, "Lantier"),
            (",", "PUNCT", "punct", 1, ","),
            ("its", "PRON", "poss", 4, "its"),
            ("president", "NOUN", "appos", 1, "president"),
            (",", "PUNCT", "punct", 4, ","),
            ("a", "DET", "det", 8, "a"),
            ("cereal", "NOUN", "compound", 8, "cereal"),
            ("grower", "NOUN", "appos", 4, "grower"),
            ("from", "ADP", "prep", 8, "from"),
            ("the", "DET", "det", 11, "the"),
            ("Marne", "PROPN", "pobj", 9, "Marne"),
            (",", "PUNCT", "punct", 1, ","),
            ("signed", "VERB", "ROOT", 13, "sign"),
            ("it", "PRON", "dobj", 13, "it"),
        ]
    )
    found = _described(doc, 0, 2)
    assert ({"president"}, {"president"}) in found
    assert ({"cereal", "grower"}, {"cereal", "grower", "marne"}) in found


# "It was signed by Hervé Lantier, its president since 2019, a cereal grower from the Marne." as the model
# parsed it: "since 2019" hangs on the verb and "grower" is an apposition of "It".
STACKED = [
    ("It", "PRON", "nsubjpass", 2, "it"),
    ("was", "AUX", "auxpass", 2, "be"),
    ("signed", "VERB", "ROOT", 2, "sign"),
    ("by", "ADP", "agent", 2, "by"),
    ("Hervé", "PROPN", "compound", 5, "Hervé"),
    ("Lantier", "PROPN", "pobj", 3, "Lantier"),
    (",", "PUNCT", "punct", 5, ","),
    ("its", "PRON", "poss", 8, "its"),
    ("president", "NOUN", "appos", 5, "president"),
    ("since", "SCONJ", "prep", 2, "since"),
    ("2019", "NUM", "pobj", 9, "2019"),
    (",", "PUNCT", "punct", 2, ","),
    ("a", "DET", "det", 14, "a"),
    ("cereal", "NOUN", "compound", 14, "cereal"),
    ("grower", "NOUN", "appos", 0, "grower"),
    ("from", "ADP", "prep", 14, "from"),
    ("the", "DET", "det", 17, "the"),
    ("Marne", "PROPN", "pobj", 15, "Marne"),
    (".", "PUNCT", "punct", 2, "."),
]


def test_an_apposition_the_parser_hung_elsewhere_after_a_comma_still_describes_the_name():
    found = _described(_doc(STACKED), 4, 6)
    assert ({"president"}, {"president"}) in found
    assert ({"cereal", "grower"}, {"cereal", "grower", "marne"}) in found


def test_a_verb_before_the_comma_ends_the_stack():
    # "…, its president, said on Monday, a cereal grower…": narration stands between, no apposition
    rows = [*STACKED[:9], ("said", "VERB", "conj", 2, "say"), *STACKED[10:]]
    found = _described(_doc(rows), 4, 6)
    assert all("grower" not in core for core, _ in found)


def test_a_copula_describes_its_subject_but_another_verb_does_not():
    # "Castagnet is a chartered accountant" / "Castagnet hired a chartered accountant"
    rows = lambda verb, lemma, dep: [
        ("Castagnet", "PROPN", "nsubj", 1, "Castagnet"),
        (verb, "AUX" if lemma == "be" else "VERB", "ROOT", 1, lemma),
        ("a", "DET", "det", 4, "a"),
        ("chartered", "ADJ", "amod", 4, "chartered"),
        ("accountant", "NOUN", dep, 1, "accountant"),
    ]
    assert _described(_doc(rows("is", "be", "attr")), 0, 1) == [
        ({"chartered", "accountant"}, {"chartered", "accountant"})
    ]
    assert _described(_doc(rows("hired", "hire", "dobj")), 0, 1) == []


@pytest.mark.parametrize(
    "head, words, core, said, score",
    [
        ("accountant", {"accountant"}, {"accountant"}, set(), 2),
        ("retiree", {"retiree"}, {"retired", "plumber"}, set(), 2),  # a word of its kind
        ("democrat", {"toledo", "democrat"}, {"democrat"}, {"toledo"}, 3),
        ("executive", {"aqualis", "executive"}, {"engineer"}, {"aqualis"}, 0),  # one shared word is not enough
        ("lawyer", {"lawyer"}, {"plumber"}, {"law"}, 0),
    ],
)
def test_how_well_a_description_fits(head, words, core, said, score):
    described = Described(frozenset(core), frozenset(core | said))
    assert description_score(head, frozenset(words), described, RULES) == score


@pytest.mark.parametrize(
    ("language", "text", "name", "title"),
    [
        ("fr", "Me Berna a parlé", (1, 2), "avocat"),  # the honorific before the name
        ("fr", "Dr Péchier a parlé", (0, 2), "médecin"),  # or opening it
        ("en", "Dr. Smith spoke", (1, 2), "doctor"),
        ("fr", "M. Berna a parlé", (1, 2), None),  # an honorific that tells no title
        ("fr", "Berna a parlé", (0, 1), None),
    ],
)
def test_an_honorific_tells_a_title(language, text, name, title):
    doc = spacy.blank(language)(text)
    found = descriptions_of(doc[name[0] : name[1]], load_rules(language))
    assert found == ([Described(frozenset({title}), frozenset({title}))] if title else [])
