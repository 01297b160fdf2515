"""People the model's recogniser left untagged, found by a known first name and a capitalised surname,
read from Docs built by hand (words, parts of speech and entities as the model gave them)."""

import pytest
import spacy
from spacy.tokens import Doc

from voxmap.extract.entity_names import names_the_model_missed
from voxmap.extract.language import load_rules

RULES = load_rules("en")
VOCAB = spacy.blank("en").vocab


def _missed(tagged: str) -> list[str]:
    """`tagged`: words as WORD/POS or WORD/POS/ENTITY-LABEL (the model's entity)."""
    parts = [word.split("/") for word in tagged.split()]
    ents, previous = [], None
    for part in parts:
        label = part[2] if len(part) > 2 else None
        ents.append("O" if label is None else ("I-" if label == previous else "B-") + label)
        previous = label
    doc = Doc(VOCAB, words=[p[0] for p in parts], pos=[p[1] for p in parts], ents=ents)
    return [span.text for span in names_the_model_missed(doc, RULES)]


@pytest.mark.parametrize(
    "tagged, names",
    [
        # a first name of the rule files (either language's) and a capitalised surname, untagged
        ("Pascale/PROPN Irigoyen/PROPN ,/PUNCT a/DET lecturer/NOUN", ["Pascale Irigoyen"]),
        ("Olivier/PROPN Castagnet/PROPN ,/PUNCT who/PRON leads/VERB", ["Olivier Castagnet"]),
        ("Dr./PROPN Nadia/PROPN Berrada/PROPN remembers/VERB", ["Nadia Berrada"]),
        ("Jean/PROPN Pierre/PROPN Morel/PROPN said/VERB", ["Jean Pierre Morel"]),
        # negatives: tagged already, a first name alone, a body's word, a longer run of capitals,
        # a first name inside a run, a surname the tagger did not take for a name
        ("Pascale/PROPN/PERSON Irigoyen/PROPN/PERSON said/VERB", []),
        ("Pascale/PROPN said/VERB", []),
        ("Paul/PROPN Sabatier/PROPN University/PROPN said/VERB", []),
        ("Paul/PROPN University/PROPN said/VERB", []),
        ("Rue/PROPN Olivier/PROPN Castagnet/PROPN is/AUX", []),
        ("Olivier/PROPN said/VERB", []),
        ("Olivier/PROPN left/VERB", []),
    ],
)
def test_a_known_first_name_and_a_surname_make_a_person(tagged, names):
    assert _missed(tagged) == names


FRENCH = load_rules("fr")
FRENCH_VOCAB = spacy.blank("fr").vocab


@pytest.mark.parametrize(
    "words, names",
    [
        # one capitalised word, an age set off after it (roles.toml's age_units): a person
        ("Redouane , 27 ans , a rejoint Madrid", ["Redouane"]),
        ("Selon elle , Yanis , 19 ans .", ["Yanis"]),
        # negatives: a day, an age that is a span of time, a word inside a sentence, no age unit
        ("Lundi , 27 ans , après les faits", []),
        ("Redouane , 27 ans après les faits", []),
        ("le Redouane , 27 ans , a rejoint", []),
        ("Redouane , 27 euros , a rejoint", []),
    ],
)
def test_a_name_an_age_follows_is_a_person(words, names):
    tokens = words.split()
    pos = ["PROPN" if word[0].isupper() and word.isalpha() else "X" for word in tokens]
    doc = Doc(FRENCH_VOCAB, words=tokens, pos=pos)
    assert [span.text for span in names_the_model_missed(doc, FRENCH)] == names
