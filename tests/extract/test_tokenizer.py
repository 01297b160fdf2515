"""The tokenizer wrapper: linear on long runs without white space, and the Doc's text is the input."""

import time

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from voxmap.extract.tokenizer import LONG_RUN, BoundedTokenizer, cut_points

TOKENIZER = BoundedTokenizer(spacy.blank("en").tokenizer)


def test_a_text_without_long_runs_is_tokenized_as_the_model_does():
    text = "“We will not yield,” said Ann Roy. " * 50
    assert [t.text for t in TOKENIZER(text)] == [t.text for t in TOKENIZER.tokenizer(text)]
    assert cut_points(text) == []


def test_cuts_fall_between_two_marks_never_inside_a_word():
    text = "x" * (LONG_RUN + 10) + "“" * (LONG_RUN * 2) + "word" * 300
    cuts = cut_points(text)
    assert cuts and all(not text[at - 1].isalnum() and not text[at].isalnum() for at in cuts)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(["“", "”", '"', "«", "»", "'", "—", "-", ".", "…", " ", "\n"]), st.text(max_size=3)),
        min_size=LONG_RUN // 2,
        max_size=3 * LONG_RUN,
    ).map("".join)
)
def test_the_doc_is_the_text_character_for_character(text):
    doc = TOKENIZER(text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)


def test_a_run_of_marks_costs_linear_time():
    # Before the wrapper, 8 times the marks cost about 60 times the time (spaCy strips one prefix at a time).
    # Best of three for each size: a busy machine must not make one slow run read as quadratic.
    timings = []
    for count in (4000, 32000):
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            TOKENIZER("“" * count)
            runs.append(time.perf_counter() - started)
        timings.append(min(runs))
    assert timings[1] / max(timings[0], 1e-4) < 20, timings
