"""Sentence hints: line breaks end sentences, quotation marks never stand alone, and no sentence runs
past MAX_SENTENCE_TOKENS (a hostile text with no full stop must stay linear to analyse)."""

import pytest
import spacy

from voxmap.extract.components import MAX_SENTENCE_TOKENS, SentenceHints


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def starts(nlp, text):
    doc = SentenceHints("en")(nlp.make_doc(text))
    return [t.i for t in doc if t.is_sent_start], doc


@pytest.mark.parametrize(
    "words, expected",
    [
        (MAX_SENTENCE_TOKENS * 2 + 5, [0, MAX_SENTENCE_TOKENS, 2 * MAX_SENTENCE_TOKENS]),
        (MAX_SENTENCE_TOKENS - 1, [0]),  # shorter runs are the parser's to split
    ],
)
def test_endless_runs_are_cut(nlp, words, expected):
    found, _ = starts(nlp, " ".join(["word"] * words))
    assert found == expected


def test_line_breaks_start_sentences_and_reset_the_count(nlp):
    text = " ".join(["word"] * (MAX_SENTENCE_TOKENS - 10)) + "\nnext " + " ".join(["word"] * 20)
    found, doc = starts(nlp, text)
    assert found == [0, next(t.i for t in doc if t.text == "next")]


def test_marks_stay_with_their_words():
    nlp = spacy.blank("fr")
    doc = SentenceHints("fr")(nlp.make_doc("Il a dit « nous gagnerons » hier."))
    opener = next(t for t in doc if t.text == "«")
    closer = next(t for t in doc if t.text == "»")
    assert doc[opener.i + 1].is_sent_start is False and closer.is_sent_start is False


@pytest.mark.parametrize(
    "text",
    [
        "Les pluies cessent. Météo-France précise que",  # one word the tokenizer cuts: Météo | - | France
        "la ministre Agnès Pannier-Runacher a dit",
    ],
)
def test_a_word_written_against_a_word_never_starts_a_sentence(text):
    nlp = spacy.blank("fr")
    doc = SentenceHints("fr")(nlp.make_doc(text))
    hyphen = next(t for t in doc if t.text == "-")
    assert hyphen.is_sent_start is False and doc[hyphen.i + 1].is_sent_start is not True


def test_a_word_after_a_space_or_a_stop_may_start_a_sentence():
    nlp = spacy.blank("fr")
    doc = SentenceHints("fr")(nlp.make_doc("Il part. -Le ministre reste."))
    dash = next(t for t in doc if t.text.startswith("-"))
    assert dash.is_sent_start is not False


@pytest.mark.parametrize(
    "language, text, opens",
    [
        # a mark set apart after a stop, against a capital: the next sentence, its word going on with it
        ("fr", 'sans citer la 5G. "On se désole", dit Grégoire Fraty.', True),
        ("fr", "Il l'a dit. « Nous gagnerons », a-t-il ajouté.", True),
        ("en", 'He left. "We are done," she said.', True),
        # an initial or an abbreviation ends no sentence; a mark against a lower-case word opens none
        ("en", 'Rep. Robert C. "Bobby" Scott threw open his yard.', False),
        ("fr", 'selon M. "Jo" Dupont.', False),
        ("fr", 'Il a dit. "nous verrons", a-t-il dit.', False),
        ("fr", 'la vie est "belle". Elle part.', False),
    ],
)
def test_a_mark_after_a_stop_opens_a_sentence(language, text, opens):
    doc = SentenceHints(language)(spacy.blank(language).make_doc(text))
    mark = next(t for t in doc[1:] if t.text in ('"', "«") and doc[t.i - 1].whitespace_)
    assert (mark.is_sent_start is True) is opens
    if opens:
        assert doc[mark.i + 1].is_sent_start is False
