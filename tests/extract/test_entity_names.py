"""What a name the model found names, from hand-built Docs: words the model ran into a name go."""

import pytest
import spacy
from helpers import attribute, make_doc
from spacy.tokens import Span

from voxmap.extract.entity_names import entity_kind, entity_name, is_place_name, people_apart_from_bodies
from voxmap.extract.language import load_rules
from voxmap.extract.mentions import GROUP, ORGANIZATION, PERSON
from voxmap.extract.syntax import entity_index

EN = load_rules("en")
FR = load_rules("fr")


def _name(words, language="en"):
    """The cleaned name of a sentence-opening PERSON entity over all of `words`."""
    rows = [
        (w, True, 0, "ROOT" if i == 0 else "dep", "PROPN", w.lower(), ("B-" if i == 0 else "I-") + "PERSON")
        for i, w in enumerate(words)
    ]
    doc = make_doc(rows, vocab=spacy.blank(language).vocab)
    return entity_name(doc.ents[0], PERSON, EN if language == "en" else FR).text


@pytest.mark.parametrize(
    "words, language, name",
    [
        (["Injecting", "Clinton"], "en", "Clinton"),  # a sentence's participle the model ran into a name
        (["Irving", "Kristol"], "en", "Irving Kristol"),  # a first name with that ending stays
        (["Clinton"], "en", "Clinton"),  # a name of one word keeps it
        (["Constant", "Vautrin"], "fr", "Constant Vautrin"),  # French sets no such ending
    ],
)
def test_a_participle_opening_a_sentence_is_no_part_of_a_name(words, language, name):
    assert _name(words, language) == name


# "Donald Trump spoke. A shirt read ''Fascist Trump'' there. ''We win,'' Trump said." by hand.
SHIRT = [
    ("Donald", True, 1, "compound", "PROPN", "Donald", "B-PERSON"),
    ("Trump", True, 2, "nsubj", "PROPN", "Trump", "I-PERSON"),
    ("spoke", False, 2, "ROOT", "VERB", "speak", "O"),
    (".", True, 2, "punct", "PUNCT", ".", "O"),
    ("A", True, 5, "det", "DET", "a", "O"),
    ("shirt", True, 6, "nsubj", "NOUN", "shirt", "O"),
    ("read", True, 6, "ROOT", "VERB", "read", "O"),
    ("''", False, 6, "punct", "PUNCT", "''", "O"),
    ("Fascist", True, 9, "compound", "PROPN", "Fascist", "B-PERSON"),
    ("Trump", False, 6, "dobj", "PROPN", "Trump", "I-PERSON"),
    ("''", True, 6, "punct", "PUNCT", "''", "O"),
    ("there", False, 6, "advmod", "ADV", "there", "O"),
    (".", True, 6, "punct", "PUNCT", ".", "O"),
    ("''", False, 15, "punct", "PUNCT", "''", "O"),
    ("We", True, 15, "nsubj", "PRON", "we", "O"),
    ("win", False, 19, "ccomp", "VERB", "win", "O"),
    (",", False, 15, "punct", "PUNCT", ",", "O"),
    ("''", True, 19, "punct", "PUNCT", "''", "O"),
    ("Trump", True, 19, "nsubj", "PROPN", "Trump", "B-PERSON"),
    ("said", False, 19, "ROOT", "VERB", "say", "O"),
    (".", False, 19, "punct", "PUNCT", ".", "O"),
]


def _actor_names(rows):
    found, quotes = attribute(make_doc(rows, vocab=spacy.blank("en").vocab), EN)
    return sorted(a.name for a in found), [q.speaker.name for q in quotes]


def test_a_name_that_is_all_a_quote_holds_is_words_shown_not_someone():
    names, speakers = _actor_names(SHIRT)
    assert names == ["Donald Trump"] and speakers == ["Donald Trump"]


def test_a_name_quoted_with_other_words_is_someone_mentioned():
    # "A shirt read ''Fascist Trump now'' there": the quote holds more than the name
    rows = SHIRT[:10] + [("now", False, 6, "advmod", "ADV", "now", "O")] + SHIRT[10:]
    rows = [(w, sp, h + 1 if h >= 10 else h, *rest) for w, sp, h, *rest in rows]
    names, _ = _actor_names(rows)
    assert "Fascist Trump" in names


def _kind_of_name(words, name_at, language):
    """The actor kind of the PERSON entity over words[name_at[0]:name_at[1]]."""
    start, end = name_at
    label = "PERSON" if language == "en" else "PER"
    rows = [
        (
            w,
            True,
            0,
            "dep",
            "PROPN" if start <= i < end else "NOUN",
            w.lower(),
            ("B-" if i == start else "I-") + label if start <= i < end else "O",
        )
        for i, w in enumerate(words)
    ]
    doc = make_doc(rows, vocab=spacy.blank(language).vocab)
    return entity_kind(doc.ents[0], EN if language == "en" else FR)


@pytest.mark.parametrize(
    "words, name_at, language, kind",
    [
        (["le", "cours", "Georges-Clemenceau"], (2, 3), "fr", None),  # a street
        (["la", "gare", "Saint-Jean"], (2, 3), "fr", None),
        (["Martin", "Luther", "King", "Boulevard"], (0, 3), "en", None),
        # negatives: a title's complement before the holder's name; a name with no place word
        (["le", "président", "du", "parc", "Didier", "Réault"], (4, 6), "fr", PERSON),
        (["Martin", "Luther", "King", "spoke"], (0, 3), "en", PERSON),
    ],
)
def test_a_name_a_place_word_makes_a_street_is_no_one(words, name_at, language, kind):
    assert _kind_of_name(words, name_at, language) == kind


@pytest.mark.parametrize(
    ("text", "entity", "split"),
    [
        # an outlet or a known institution, then a person's name: two entities
        (
            "a expliqué à Ouest-France Cyrille Berrod, patron",
            (3, 6),
            [("Ouest-France", "ORG"), ("Cyrille Berrod", "PER")],
        ),
        ("le porte-parole de la Chancellerie Youssef Badr", (4, 7), [("Chancellerie", "ORG"), ("Youssef Badr", "PER")]),
        ("sur sa page Facebook M. Borissov qui", (3, 6), [("Facebook", "ORG"), ("M. Borissov", "PER")]),
        # negatives: no known body first; a body's own longer name; one word after the body
        ("a dit Jean Pierre Martin au journal", (2, 5), [("Jean Pierre Martin", "ORG")]),
        ("selon Ouest-France Bretagne", (1, 3), [("Ouest-France Bretagne", "ORG")]),
        ("à la Chancellerie Lundi", (2, 4), [("Chancellerie Lundi", "ORG")]),
        ("à la Chancellerie Refugee Center", (2, 5), [("Chancellerie Refugee Center", "ORG")]),  # no first name
    ],
)
def test_a_person_run_into_the_body_before_is_split_off(text, entity, split):
    doc = spacy.blank("fr")(text)
    doc.ents = [doc.char_span(doc[entity[0]].idx, doc[entity[1] - 1].idx + len(doc[entity[1] - 1]), label="ORG")]
    fixed = people_apart_from_bodies(entity_index(doc), "fr")
    found = {id(e): e for e in fixed if e is not None}.values()
    assert [(e.text, e.label_) for e in sorted(found, key=lambda e: e.start)] == split


@pytest.mark.parametrize(
    ("text", "entity", "name"),
    [
        ("a écrit Twitter Jack Dorsey hier", (2, 5), "Jack Dorsey"),  # the body before the person's name
        ("a dit Jean Pierre Martin hier", (2, 5), "Jean Pierre Martin"),  # no body: the whole name
    ],
)
def test_a_body_written_before_a_person_s_name_is_no_part_of_it(text, entity, name):
    doc = spacy.blank("fr")(text)
    ent = doc[entity[0] : entity[1]]
    assert entity_name(ent, PERSON, load_rules("fr")).text == name


@pytest.mark.parametrize(
    "words, language, place",
    [
        (["Marseille"], "fr", True),
        (["Fort", "Pierce"], "en", True),  # a town of two capitalised words
        (["New", "Hampshire"], "en", True),
        # negatives: a small word or a body's kind inside makes an institution the model mislabelled
        (["Forges", "de", "Vierzon"], "fr", False),
        (["Clinique", "des", "Pins"], "fr", False),
        (["Washington", "University"], "en", False),
        (["New", "York", "Times"], "en", False),  # an outlet
    ],
)
def test_which_names_the_model_calls_places_are_places(words, language, place):
    assert is_place_name(" ".join(words), EN if language == "en" else FR) is place


@pytest.mark.parametrize(
    "label, surnames, kind",
    [
        # a surname the model took for a place or a nationality is the person the article names in full
        ("GPE", frozenset({"Husted"}), PERSON),
        ("NORP", frozenset({"Husted"}), PERSON),
        # negatives: with nobody of that name, a place is a body and a nationality a group
        ("GPE", frozenset(), ORGANIZATION),
        ("NORP", frozenset(), GROUP),
    ],
)
def test_a_surname_the_model_took_for_a_place_or_a_nationality_is_the_person(label, surnames, kind):
    doc = spacy.blank("en").make_doc("Husted said so.")
    doc.ents = [Span(doc, 0, 1, label=label)]
    assert entity_kind(doc.ents[0], EN, surnames) == kind
