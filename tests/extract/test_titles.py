"""The title written right before a name, from hand-built French Docs: the words decide, whatever the
parser made of them (every head below points at the sentence's verb, as a confused parse would)."""

from __future__ import annotations

import pytest
from helpers import make_doc

from voxmap.extract.language import load_rules
from voxmap.extract.roles import body_written, person_titled, title_before, without_office_word

RULES = load_rules("fr")


def _doc(words: str, ents: dict[int, str], pos: dict[int, str]):
    tokens = words.split()
    labels = []
    for i in range(len(tokens)):
        label = ents.get(i)
        begins = label is not None and ents.get(i - 1) != label
        labels.append("O" if label is None else ("B-" if begins else "I-") + label)
    rows = [
        (w, True, 0, "dep", pos.get(i, "NOUN" if w.islower() else "PROPN"), w.lower(), labels[i])
        for i, w in enumerate(tokens)
    ]
    doc = make_doc(rows)
    by_token = [None] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            by_token[i] = ent
    return doc, by_token


DET, ADP, ADJ, VERB = "DET", "ADP", "ADJ", "VERB"


@pytest.mark.parametrize(
    "words, ents, pos, title",
    [
        # determiner, role word, complement naming a body, then the name
        (
            "reconnaît le secrétaire général de Force ouvrière Yann Delorme",
            {7: "PER", 8: "PER"},
            {0: VERB, 1: DET, 3: ADJ, 4: ADP},
            "secrétaire général de Force ouvrière",
        ),
        # a comma between title and name
        ("Le patron du Medef , Arnaud Ferrière", {5: "PER", 6: "PER"}, {0: DET, 2: ADP}, "patron du Medef"),
        # the same when the model took the name for an organisation
        ("Le patron du Medef , Tedros Ghebreyesus", {5: "ORG", 6: "ORG"}, {0: DET, 2: ADP}, "patron du Medef"),
        # adjectives before the role word, and a complement's own determiner after a preposition
        (
            "en présence de la ministre allemande de la Défense , Anke Brandt",
            {10: "PER", 11: "PER"},
            {0: ADP, 2: ADP, 3: DET, 5: ADJ, 6: ADP, 7: DET},
            "ministre allemande de la Défense",
        ),
    ],
)
def test_a_title_before_a_name(words, ents, pos, title):
    doc, by_token = _doc(words, ents, pos)
    name = next(e for e in doc.ents)
    found = title_before(name, RULES, by_token)
    assert found is not None and found.text == title
    assert person_titled(found[0], RULES, by_token) == name


@pytest.mark.parametrize(
    "words, ents, pos",
    [
        ("le projet de Marie Dufresne", {3: "PER", 4: "PER"}, {0: DET, 2: ADP}),  # after a preposition
        ("la réforme Castelain", {2: "PER"}, {0: DET}),  # "réforme" is no role
        ("un ministre Paul Roche", {2: "PER", 3: "PER"}, {0: DET}),  # indefinite: someone new
        (
            "le secrétaire général de Force ouvrière Yann Delorme",
            {4: "ORG", 5: "ORG", 6: "ORG", 7: "ORG"},
            {0: DET, 2: ADJ, 3: ADP},
        ),  # not a person
        ("le patron du groupe , Renault", {5: "ORG"}, {0: DET, 2: ADP}),  # one word after the comma: a body
        (
            "le maire a dit que Paul Roche",
            {5: "PER", 6: "PER"},
            {0: DET, 2: "AUX", 3: VERB, 4: "SCONJ"},
        ),  # a verb between
    ],
)
def test_no_title_where_none_is_written(words, ents, pos):
    doc, by_token = _doc(words, ents, pos)
    name = next(e for e in doc.ents)
    assert title_before(name, RULES, by_token) is None


def test_the_office_word_the_model_took_into_a_name_goes_back_to_the_title():
    # "le ministre de l'[Éducation Paul Castelain]" (the model's one name), "Paul Castelain" elsewhere
    words = "le ministre de l' Éducation Paul Castelain a dit . Paul Castelain viendra"
    doc, by_token = _doc(
        words,
        {4: "ORG", 5: "ORG", 6: "ORG", 10: "PER", 11: "PER"},
        {0: DET, 2: ADP, 3: DET, 7: "AUX", 8: VERB, 9: "PUNCT", 12: VERB},
    )
    glued = doc.ents[0]
    assert without_office_word(glued, RULES, by_token).text == "Paul Castelain"
    assert title_before(glued, RULES, by_token).text == "ministre de l' Éducation"
    # without the person named elsewhere, an organisation's name stays whole
    alone = "le président de l' Association Foot Paris a dit"
    doc, by_token = _doc(alone, {4: "ORG", 5: "ORG", 6: "ORG"}, {0: DET, 2: ADP, 3: DET, 7: "AUX", 8: VERB})
    assert without_office_word(doc.ents[0], RULES, by_token).text == "Association Foot Paris"


def test_a_title_the_model_read_as_a_name_names_no_one():
    # "le directeur [général de la Santé]": the model's person is the title's own end
    words = "a assuré le directeur général de la Santé ,"
    ents = {4: "PER", 5: "PER", 6: "PER", 7: "PER"}
    doc, by_token = _doc(words, ents, {0: "AUX", 1: VERB, 2: DET, 4: ADJ, 5: ADP, 6: DET})
    assert doc.ents[0].text == "général de la Santé"
    assert person_titled(doc[3], RULES, by_token) is None


@pytest.mark.parametrize(
    "description, body",
    [
        ("le leader de la France insoumise", "France insoumise"),
        ("le président du parti les Républicains", "parti les Républicains"),
        # an elided article or preposition written as one word with the name
        ("le ministre de l'Économie", "Économie"),
        ("le directeur d'Air France", "Air France"),
        ("la directrice de l'Agence de l'eau", "Agence de l'eau"),
        # negatives: no body named
        ("le ministre de tutelle", None),
        ("chargé d'affaires", None),
        ("le ministre", None),
    ],
)
def test_the_body_a_description_names(description, body):
    assert body_written(description, RULES) == body
