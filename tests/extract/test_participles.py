"""A speech verb's participle the model did not know ("a tweeté") is read as the verb, its auxiliary as one."""

from __future__ import annotations

import pytest
from spacy.lang.fr import French
from spacy.tokens import Doc

from voxmap.extract.participles import participle_rules, participles_read


def _tagged(words: list[str], pos: list[str]) -> Doc:
    return Doc(French().vocab, words=words, pos=pos)  # the language's word attributes: is_lower, is_alpha


@pytest.mark.parametrize(
    ("words", "pos", "at", "verb"),
    [
        # the model's reading of '», a tweeté Marine Le Pen': X, X, then the name
        (["»", ",", "a", "tweeté", "Marine"], ["PUNCT", "PUNCT", "X", "X", "PROPN"], 3, "tweeter"),
        (
            ["Jean", "Dupont", "a", "twitté", "son", "soutien"],
            ["PROPN", "PROPN", "X", "PROPN", "DET", "NOUN"],
            3,
            "twitter",
        ),
        (["elles", "ont", "tweetées"], ["PRON", "AUX", "NOUN"], 2, "tweeter"),
        # negatives: no auxiliary before it, a participle of no speech verb, a name, a verb already read
        (["le", "tweeté", "du", "jour"], ["DET", "X", "ADP", "NOUN"], 1, None),
        (["il", "a", "pataugé"], ["PRON", "X", "X"], 2, None),
        (["il", "a", "Tweeté"], ["PRON", "X", "PROPN"], 2, None),
    ],
)
def test_a_speech_verb_s_unknown_participle_after_an_auxiliary_is_read_as_the_verb(words, pos, at, verb):
    doc = participles_read(_tagged(words, pos), participle_rules("fr"))
    participle, auxiliary = doc[at], doc[at - 1]
    if verb is None:
        assert (participle.pos_, auxiliary.pos_) == (pos[at], pos[at - 1])
    else:
        assert (participle.pos_, participle.lemma_) == ("VERB", verb)
        assert auxiliary.pos_ == "AUX"


def test_english_reads_its_participles_already():
    rules = participle_rules("en")
    assert rules.endings == () and rules.auxiliaries == {}
