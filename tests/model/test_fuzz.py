"""Fuzz tier: news-like texts built from names, speech verbs, every quotation mark, dashes, colons and
paragraph breaks, and token soups (the words and marks of both languages shuffled, 1 to 100 tokens,
glued or spaced), in English, French and `auto`, go through `voxmap.analyze`: it never raises and
every span it returns slices back to its text. `make test` runs a few thousand examples; `make fuzz` runs many
more (FUZZ_EXAMPLES). Inputs it found are kept below as regression cases."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import voxmap

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "1200"))

MARKS = [
    "“",
    "”",
    '"',
    "«",
    "»",
    "‘",
    "’",
    "''",
    "„",
    "‹",
    "›",
    "'",
    "—",
    "–",
    "-",
    ":",
    ",",
    ".",
    ";",
    "?",
    "!",
    "(",
    ")",
    "…",
    "\n",
    "\n\n",
    " ",
    "\u00a0",
    "\u202f",
    "\t",
]
ENGLISH = [
    "he",
    "she",
    "they",
    "we",
    "the minister",
    "police",
    "the union",
    "said",
    "says",
    "told",
    "warned",
    "added",
    "that",
    "the",
    "a source close to the talks",
    "according to",
    "Paul Marchand",
    "Ann Roy",
    "Mr. Roy",
    "We will",
    "not",
    "1",
    "42 percent",
    "a former DGSI officer",
    "who called him",
    "the number 1",
    "rewinds",
    "assures",
    "on Monday",
    "March 3",
    "spokesman",
    "of",
    "Rempart",
    "is",
    "was",
    "in a statement",
]
FRENCH = [
    "il",
    "elle",
    "selon",
    "le ministre",
    "le syndicat",
    "a déclaré",
    "estime",
    "que",
    "qu'",
    "une source proche du dossier",
    "Jean Dupont",
    "nous",
    "ne",
    "pas",
    "l'",
    "ancien",
    "patron",
    "lundi",
    "3 mars",
    "a-t-il ajouté",
    "dénonce",
    "porte-parole",
    "de",
    "la CSMT",
    "près de 40 %",
    "confie",
]


def news(words: list[str]):
    piece = st.one_of(
        st.sampled_from(MARKS),
        st.sampled_from(MARKS),
        st.sampled_from(words),
        st.sampled_from(words),
        st.text(max_size=4),
    )
    return st.lists(piece, max_size=80).flatmap(
        lambda pieces: st.lists(st.sampled_from(["", " ", " ", "\n"]), min_size=len(pieces), max_size=len(pieces)).map(
            lambda gaps: "".join(g + p for g, p in zip(gaps, pieces))
        )
    )


# Token soups: not sentences, just the vocabulary of news and every mark, shuffled.
SOUP_WORDS = sorted({word for phrase in ENGLISH + FRENCH for word in phrase.split()} | set(ENGLISH + FRENCH))
SOUP_MARKS = [mark for mark in MARKS if mark.strip()] + ["«", "»", "“", "”", '"', "‘", "’", "„", "\n", "\n\n"]


def token_soup():
    token = st.one_of(st.sampled_from(SOUP_WORDS), st.sampled_from(SOUP_MARKS))
    joined = st.tuples(st.sampled_from(["", " ", " ", "\n"]), token).map("".join)
    return st.lists(joined, min_size=1, max_size=100).map("".join)


def spans_of(analysis):
    """Every (start, end, text) the analysis claims comes from the article."""
    for quote in analysis.quotes:
        yield from quote.spans
        for part in (quote.cue, quote.speaker.mention):
            if part:
                yield part
    for actor in analysis.actors:
        yield from actor.mentions
        yield from (role.evidence for role in actor.roles)
    yield from (relation.evidence for relation in analysis.relations)
    yield from (event.evidence for event in analysis.events)
    yield from analysis.figures
    yield from analysis.dates


def check(text: str, language: str) -> None:
    analysis = voxmap.analyze(text, language=language)
    for span in spans_of(analysis):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
    assert analysis.to_dict()["article"]["text"] == text


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(news(ENGLISH))
def test_english_news_like_texts(text):
    check(text, "en")


@FUZZ
@given(news(ENGLISH + FRENCH))
def test_french_news_like_texts(text):
    check(text, "fr")


@FUZZ
@given(token_soup(), st.sampled_from(["en", "fr", "auto"]))
def test_token_soups_in_every_pipeline(text, language):
    check(text, language)


# Inputs the fuzzers found, each once a crash.
@pytest.mark.parametrize(
    "language, text",
    [
        (
            "en",
            'he minister ” that » that minister . that that ” police — that the \n\n ’ union She police ‘ — said " he “ : '
            "that he",
        ),  # marks around nothing but an incise: a quote without spans
        ("fr", "— \n\n › they she"),  # a dialogue dash alone on its line: a segment of white space
        ("fr", "“““““the number 1 "),  # a figure followed by white space alone: an empty span after it
        (
            "fr",
            "Roy ’ rewinds une le source says We \n\n — \n\n selon „ 1 ’ source estime warned ? a a former « officer",
        ),
        ("en", "› said › ‹"),
        (
            "en",
            ' who called himselon" près de 40 %',
        ),  # a relative clause hung on white space: no speaker  # a reported clause of punctuation alone, at the Doc's end: an empty range
        # An incise whose last token is the Doc's last token (token soups, 4 in 1,000 English ones).
        (
            "en",
            " they patron ‘ministre\n in,‘neis rewinds“porte-paroleMarchandhim– according Roy assures » lundi Marchand says",
        ),
        (
            "en",
            " ! source . ne RoyCSMT\nCSMT a source close to the talks elle le … union Mr. “ the minister\n; “ talks – patron the : elle -patron",
        ),
    ],
)
def test_found_inputs(language, text):
    check(text, language)


def test_a_hostile_run_of_quotes_stays_linear():
    """Thousands of quotes in one endless sentence: 4,000 cost about 4 times 1,000, not 16."""
    import time

    timings = []
    for count in (1000, 4000):
        started = time.perf_counter()
        check("“a” b " * count, "en")
        timings.append(time.perf_counter() - started)
    assert timings[1] / timings[0] < 8, timings
