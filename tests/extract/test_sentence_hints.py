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
