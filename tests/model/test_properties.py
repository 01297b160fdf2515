"""Properties that hold for any text: analysis never raises, every span slices back to its text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import voxmap

QUOTEY = st.sampled_from(["“", "”", '"', "«", "»", "‘", "’", "''", "„", "—", ":", ",", ".", "\n", "\n\n", " "])
WORDS = st.sampled_from(
    [
        "said",
        "he",
        "she",
        "Ann Roy",
        "the union",
        "according to",
        "a source",
        "that",
        "we",
        "will",
        "win",
        "warned",
        "a déclaré",
        "selon",
        "il",
        "Marie",
        "x",
        "1",
        "é",
    ]
)
TEXTS = st.lists(st.one_of(QUOTEY, WORDS, st.text(max_size=6)), max_size=60).map(" ".join)


def spans_of(analysis):
    for quote in analysis.quotes:
        yield from quote.spans
        if quote.cue:
            yield quote.cue
        if quote.speaker.mention:
            yield quote.speaker.mention
    for actor in analysis.actors:
        yield from actor.mentions
        for role in actor.roles:
            yield role.evidence


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_never_raises_and_offsets_are_truth(text):
    analysis = voxmap.analyze(text, language="en")
    for span in spans_of(analysis):
        assert analysis.article.text[span.start : span.end] == span.text
    data = analysis.to_dict()
    assert data["schema"] == "voxmap.analysis/1" and data["article"]["text"] == text


def test_offsets_on_the_sample_article():
    from voxmap.cli import sample_paths

    for path in sample_paths():
        text = path.read_text(encoding="utf-8")
        analysis = voxmap.analyze(text)
        assert analysis.quotes
        for span in spans_of(analysis):
            assert text[span.start : span.end] == span.text
