"""Parses the French model gets wrong on real dispatches, built by hand: who speaks despite them."""

import pytest
import spacy
from helpers import attribute, make_doc

from voxmap.extract.language import load_rules
from voxmap.extract.syntax import subject_of

FR = load_rules("fr")
VOCAB = spacy.blank("fr").vocab

# "Concernant Paul Morel, Claire Dumont estime que le plan échoue." as the model parsed its real
# counterpart: the topic is the verb's subject, the speaker a conjunct of it.
TOPIC = [
    ("Concernant", True, 6, "advcl", "VERB", "concerner", "O"),
    ("Paul", True, 6, "nsubj", "PROPN", "Paul", "B-PER"),
    ("Morel", False, 1, "flat:name", "PROPN", "Morel", "I-PER"),
    (",", True, 1, "punct", "PUNCT", ",", "O"),
    ("Claire", True, 1, "conj", "PROPN", "Claire", "B-PER"),
    ("Dumont", True, 4, "flat:name", "PROPN", "Dumont", "I-PER"),
    ("estime", True, 6, "ROOT", "VERB", "estimer", "O"),
    ("que", True, 10, "mark", "SCONJ", "que", "O"),
    ("le", True, 9, "det", "DET", "le", "O"),
    ("plan", True, 10, "nsubj", "NOUN", "plan", "O"),
    ("échoue", False, 6, "ccomp", "VERB", "échouer", "O"),
    (".", False, 6, "punct", "PUNCT", ".", "O"),
]
# The same parse opened by a verb that is no topic word ("Rencontrant Paul Morel, …"): the subject speaks.
NO_TOPIC = [("Rencontrant", True, 6, "advcl", "VERB", "rencontrer", "O")] + TOPIC[1:]

# "L'ancienne candidate, ralliée à Paul Morel, demande que le plan échoue.": the noun the root, the
# finite verb a parataxis beside it.
PARATAXIS = [
    ("L'", False, 2, "det", "DET", "le", "O"),
    ("ancienne", True, 2, "amod", "ADJ", "ancien", "O"),
    ("candidate", False, 2, "ROOT", "NOUN", "candidat", "O"),
    (",", True, 2, "punct", "PUNCT", ",", "O"),
    ("ralliée", True, 2, "acl", "VERB", "rallier", "O"),
    ("à", True, 6, "case", "ADP", "à", "O"),
    ("Paul", True, 4, "obl:arg", "PROPN", "Paul", "B-PER"),
    ("Morel", False, 6, "flat:name", "PROPN", "Morel", "I-PER"),
    (",", True, 2, "punct", "PUNCT", ",", "O"),
    ("demande", True, 2, "parataxis", "VERB", "demander", "O"),
    ("que", True, 13, "mark", "SCONJ", "que", "O"),
    ("le", True, 12, "det", "DET", "le", "O"),
    ("plan", True, 13, "nsubj", "NOUN", "plan", "O"),
    ("échoue", False, 9, "ccomp", "VERB", "échouer", "O"),
    (".", False, 2, "punct", "PUNCT", ".", "O"),
]


def _speakers(rows, verb_form=None):
    doc = make_doc(rows, vocab=VOCAB)
    if verb_form:
        doc[9].set_morph(f"VerbForm={verb_form}")
    _, quotes = attribute(doc, FR)
    return [(q.text, q.speaker.name) for q in quotes]


@pytest.mark.parametrize(
    "rows, speaker",
    [(TOPIC, "Claire Dumont"), (NO_TOPIC, "Paul Morel")],
    ids=["topic", "no-topic-word"],
)
def test_a_topic_word_makes_its_name_no_speaker(rows, speaker):
    assert _speakers(rows) == [("que le plan échoue", speaker)]


@pytest.mark.parametrize(("verb_form", "found"), [("Fin", 1), ("Part", 0)])
def test_a_finite_verb_beside_a_root_noun_has_the_noun_for_subject(verb_form, found):
    # a participle ("demandant") would be no verb of the noun's
    assert len(_speakers(PARATAXIS, verb_form)) == found


# "Claire Dumont salue la décision, qualifiant Paul Morel de héros." as the model parsed its real
# counterpart: the participle's object hung on it as its subject.
PARTICIPLE_OBJECT = [
    ("Claire", True, 2, "nsubj", "PROPN", "Claire", "B-PER"),
    ("Dumont", True, 0, "flat:name", "PROPN", "Dumont", "I-PER"),
    ("salue", True, 2, "ROOT", "VERB", "saluer", "O"),
    ("la", True, 4, "det", "DET", "le", "O"),
    ("décision", False, 2, "obj", "NOUN", "décision", "O"),
    (",", True, 6, "punct", "PUNCT", ",", "O"),
    ("qualifiant", True, 2, "advcl", "VERB", "qualifier", "O"),
    ("Paul", True, 6, "nsubj", "PROPN", "Paul", "B-PER"),
    ("Morel", True, 7, "flat:name", "PROPN", "Morel", "I-PER"),
    ("de", True, 10, "mark", "ADP", "de", "O"),
    ("héros", False, 6, "xcomp", "NOUN", "héros", "O"),
    (".", False, 2, "punct", "PUNCT", ".", "O"),
]


@pytest.mark.parametrize(
    ("morph", "subject"),
    [
        ("Tense=Pres|VerbForm=Part", "Claire"),  # a participle has no subject after it: its host's speaks
        ("Mood=Ind|Tense=Pres|VerbForm=Fin", "Paul"),  # a finite verb's inverted subject stays its subject
    ],
)
def test_a_name_after_a_present_participle_is_its_object(morph, subject):
    doc = make_doc(PARTICIPLE_OBJECT, vocab=VOCAB)
    doc[6].set_morph(morph)
    assert subject_of(doc[6], FR.parser).text == subject
