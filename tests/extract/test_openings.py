"""Cue-less quotes that take their speaker from the quote after them, on quotes built by hand."""

import spacy

from voxmap.extract.attribution.found import FLOATING
from voxmap.extract.openings import floating_quotes_take_the_cue_after
from voxmap.records import Quote, Span, Speaker

NLP = spacy.blank("en")


def _quote(text, parts, how, speaker=None, kind="direct"):
    spans = [Span(text.index(part), text.index(part) + len(part), part) for part in parts]
    return Quote("q", kind, spans, None, Speaker(speaker, "person" if speaker else "unknown"), 0.5, how=how)


def _run(text, quotes):
    speakers = [object() for _ in quotes]
    floating_quotes_take_the_cue_after(quotes, speakers, NLP(text))
    return [q.speaker.name for q in quotes]


def test_a_cue_less_quote_running_into_a_cued_one_takes_its_speaker():
    text = '"No." "We will not," Ann Roy said.'
    quotes = [_quote(text, ["No."], FLOATING), _quote(text, ["We will not,"], "cue:adjacent", "Ann Roy")]
    assert _run(text, quotes) == ["Ann Roy", "Ann Roy"]


def test_narration_or_a_paragraph_between_keeps_them_apart():
    long = '"No." The hall emptied slowly over the following two hours. "We will not," Ann Roy said.'
    broken = '"No."\n"We will not," Ann Roy said.'
    for text in (long, broken):
        quotes = [_quote(text, ["No."], FLOATING), _quote(text, ["We will not,"], "cue:adjacent", "Ann Roy")]
        assert _run(text, quotes) == [None, "Ann Roy"]


def test_a_quote_whose_words_start_inside_the_one_before_is_no_run_in():
    # A reported clause between the two parts of a quote comes after it in order of first words, before
    # its second part: there is no narration between them to read (it raised on PolNeAR train).
    text = '"It was safe," he asked, saying that the war was wrong. "What about then?"'
    first = _quote(text, ["It was safe,", "What about then?"], FLOATING)
    nested = _quote(text, ["that the war was wrong"], "cue:clause", "Ann Roy")
    assert _run(text, [first, nested]) == [None, "Ann Roy"]


def test_a_report_opening_with_the_writer_s_words_is_a_sentence_of_its_own():
    # '"…m'a sauvée." Aujourd'hui, elle sort un livre "Les Contes", explique Voici': the outlet's cue is
    # its sentence's, not the quote's before; a report that opens on its quoted words still runs in.
    writers = '"Ce tournage m\'a sauvée." Aujourd\'hui, elle sort un livre "Les Contes", explique Voici.'
    quoted = '"Non." "Nous ne céderons pas" sur les salaires, a dit Ann Roy.'
    for text, second, kind, expected in (
        (writers, 'Aujourd\'hui, elle sort un livre "Les Contes"', "mixed", None),
        (writers, "Aujourd'hui, elle sort un livre", "indirect", None),
        (quoted, '"Nous ne céderons pas" sur les salaires', "mixed", "Ann Roy"),
    ):
        first = _quote(text, ["Ce tournage m'a sauvée." if text == writers else "Non."], FLOATING)
        cued = _quote(text, [second], "cue:parenthetical", "Voici" if text == writers else "Ann Roy", kind)
        assert _run(text, [first, cued])[0] == expected
