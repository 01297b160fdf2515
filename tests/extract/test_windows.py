"""Long texts in windows: cut at paragraph ends no quotation crosses, each window led in by the
paragraphs before it, and the windows' analyses merged with offsets into the whole text."""

import pytest

from voxmap.extract.language import load_rules
from voxmap.extract.windows import Window, merge_windows, plan_windows, window_article
from voxmap.records import Actor, Analysis, Quote, Span, Speaker, make_article

MARKS = load_rules("en").marks


def covers(windows, text):
    return (
        windows[0].start == 0
        and windows[-1].end == len(text)
        and all(a.end == b.start for a, b in zip(windows, windows[1:]))
    )


def test_a_short_text_is_one_window():
    assert plan_windows("Short.\n\nText.", MARKS, size=100) == [Window(0, 0, 13)]


def test_cuts_fall_at_paragraph_starts_and_cover_the_text():
    text = "".join(f"Paragraph {i} says little.\n" for i in range(40))
    windows = plan_windows(text, MARKS, size=200, lead=60)
    assert covers(windows, text) and len(windows) > 3
    for window in windows[1:]:
        assert text[window.start - 1] == "\n" and window.lead < window.start and text[window.lead - 1] == "\n"
        assert window.end - window.start <= 200


@pytest.mark.parametrize(
    "quote",
    [
        "“A quote that runs over\nseveral lines\nbefore it closes.”",  # a newline inside marks is no place to cut
        "“First paragraph of a speech,\n“second paragraph of it,\n“and the last.”",  # reopened paragraph after paragraph
    ],
)
def test_no_cut_inside_a_quotation(quote):
    text = "Intro line.\n" * 8 + quote + "\n" + "Outro line.\n" * 8
    windows = plan_windows(text, MARKS, size=110, lead=20)
    start, end = text.index("“"), text.rindex("”") + 1
    assert covers(windows, text)
    assert not any(start < window.start < end for window in windows)


def test_one_endless_paragraph_is_cut_at_sentence_ends():
    text = "A sentence of some words. " * 50
    windows = plan_windows(text, MARKS, size=100, lead=20)
    assert covers(windows, text) and all(text[w.start - 2 : w.start] == ". " for w in windows[1:])


def _span(text, word, after=0):
    start = text.index(word, after)
    return Span.of(text, start, start + len(word))


def test_merge_shifts_offsets_drops_the_lead_in_and_joins_actors():
    text = "Ann Roy spoke.\nShe said “yes”.\nAnn Roy left.\nShe said “no”.\n"
    article = make_article(text)
    second = text.index("Ann Roy left")
    windows = [Window(0, 0, second), Window(text.index("She said “yes”"), second, len(text))]
    parts = []
    for window in windows:
        local = window_article(article, window).text
        ann = Actor("a1", "Ann Roy", "person", mentions=[_span(local, "Ann Roy")])
        quotes = []
        for word in ("yes", "no"):
            if word in local:
                quotes.append(
                    Quote(
                        f"q{len(quotes) + 1}",
                        "direct",
                        [_span(local, word)],
                        _span(local, "said", local.index(word) - 10),
                        Speaker("Ann Roy", "person", "a1", None),
                        0.9,
                    )
                )
        parts.append((window, Analysis(window_article(article, window), quotes=quotes, actors=[ann])))
    merged = merge_windows(article, parts)
    assert [q.text for q in merged.quotes] == ["yes", "no"]  # the lead-in's "yes" is not counted twice
    assert [q.id for q in merged.quotes] == ["q1", "q2"]
    for quote in merged.quotes:
        for span in quote.spans + [quote.cue]:
            assert text[span.start : span.end] == span.text
    (actor,) = merged.actors  # one Ann Roy across both windows, her mentions in order
    assert [m.start for m in actor.mentions] == [0, second]
    assert {q.speaker.actor for q in merged.quotes} == {actor.id}
