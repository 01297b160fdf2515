"""The evaluation harness on small synthetic gold, so its arithmetic is checked."""

import json

import pytest

from voxmap.errors import GoldFormatError, QualityGateError
from voxmap.evaluation import gate
from voxmap.evaluation.gold import GoldArticle, GoldQuote, is_direct, read_brat, read_gold_jsonl
from voxmap.evaluation.scoring import score
from voxmap.records import Analysis, Quote, Span, Speaker, make_article

TEXT = "“We will win,” said Ann Roy. The union said that talks had failed."


def quote(start, end, speaker_start=None, speaker_end=None, name=None, kind="direct"):
    mention = Span.of(TEXT, speaker_start, speaker_end) if speaker_start is not None else None
    return Quote("q", kind, [Span.of(TEXT, start, end)], None, Speaker(name, "person", None, mention), 0.9)


GOLD = GoldArticle("a", TEXT, [GoldQuote([(1, 12)], [(20, 27)], kind="direct"), GoldQuote([(44, 66)], [(28, 37)])])


def scored(quotes):
    return score([(GOLD, Analysis(make_article(TEXT), quotes))]).to_dict()


def test_perfect_prediction():
    result = scored([quote(1, 12, 20, 27, "Ann Roy"), quote(44, 66, 28, 37, "The union", "indirect")])
    assert result["all"]["f1"] == 1.0 and result["all"]["exact_f1"] == 1.0
    assert result["all"]["speaker_accuracy"] == 1.0
    assert result["direct"]["gold"] == 1 and result["direct"]["recall"] == 1.0


def test_partial_overlap_counts_above_jaccard_threshold_only():
    result = scored([quote(1, 8, 20, 27, "Ann Roy"), quote(63, 66, 28, 37, "union")])  # "We will" / "led"
    assert result["all"]["matched"] == 1
    assert result["all"]["exact_f1"] == 0.0


@pytest.mark.parametrize("gold_kind, in_subset", [("direct", True), ("partial", True), ("mixed", False), (None, False)])
def test_the_direct_subset_is_the_same_kinds_on_both_sides(gold_kind, in_subset):
    """A predicted partial quote counts in the direct subset, so a gold one does too."""
    gold = GoldArticle("c", TEXT, [GoldQuote([(1, 12)], [(20, 27)], kind=gold_kind)])
    predicted = [quote(1, 12, 20, 27, "Ann Roy", "partial")]
    result = score([(gold, Analysis(make_article(TEXT), predicted))]).to_dict()["direct"]
    assert (result["gold"], result["matched"]) == ((1, 1) if in_subset else (0, 0))


def test_wrong_speaker_is_counted():
    result = scored([quote(1, 12, 28, 37, "The union")])
    assert result["all"]["speaker_accuracy"] == 0.0 and result["all"]["precision"] == 1.0


def test_resolved_name_matches_a_pronoun_source_by_name():
    gold = GoldArticle("b", "She said it.", [GoldQuote([(9, 11)], [(0, 3)], speaker="Ann Roy")])
    analysis = Analysis(
        make_article(gold.text),
        [Quote("q", "indirect", [Span.of(gold.text, 9, 11)], None, Speaker("Ann Roy", "person"), 0.5)],
    )
    assert score([(gold, analysis)]).to_dict()["all"]["speaker_accuracy"] == 1.0


@pytest.mark.parametrize(
    "text, spans, direct",
    [
        ("He said “we win” now", [(9, 15)], True),
        ("He said “we win” now", [(8, 16)], True),
        ("He said we win now", [(8, 14)], False),
        ("He said ''we win'' now", [(8, 18)], True),  # wire copy's two apostrophes are marks
        ("He said ''we win'' now", [(10, 16)], True),
        ("He said ''we win'' now", [(9, 17)], True),  # an annotator's edges inside the two apostrophes
        ("He said 'we win' now", [(9, 15)], False),  # one apostrophe is no mark
        ("We win now, he said", [(0, 10)], False),  # the text's start is no opening mark
        ("He said we win", [(8, 14)], False),  # nor its end a closing one
        ("the Smiths' day", [(4, 11)], False),
    ],
)
def test_gold_direct_subset(text, spans, direct):
    assert is_direct(text, spans) == direct


def test_exact_match_ignores_wire_apostrophe_marks():
    text = "''We will win,'' said Ann Roy."
    gold = GoldArticle("w", text, [GoldQuote([(0, 16)], [(22, 29)], kind="direct")])
    prediction = Quote(
        "q", "direct", [Span.of(text, 2, 14)], None, Speaker("Ann Roy", "person", None, Span.of(text, 22, 29)), 0.9
    )
    result = score([(gold, Analysis(make_article(text), [prediction]))]).to_dict()
    assert result["direct"]["exact_f1"] == 1.0


@pytest.mark.parametrize(
    "predicted, exact",
    [
        ([(1, 27)], True),  # the same words in one span where the gold cut them in two
        ([(1, 21)], False),  # a word short
        ([(1, 13)], False),  # one of the two sentences
    ],
)
def test_an_exact_match_is_the_same_words_however_the_spans_are_cut(predicted, exact):
    text = "“We will win. I finished it,” said Ann Roy."
    gold = GoldArticle("c", text, [GoldQuote([(0, 13), (14, 29)], [(35, 42)], kind="direct")])
    prediction = Quote(
        "q", "direct", [Span.of(text, s, e) for s, e in predicted], None, Speaker("Ann Roy", "person"), 0.9
    )
    result = score([(gold, Analysis(make_article(text), [prediction]))]).to_dict()
    assert result["direct"]["matched"] == 1 and (result["direct"]["exact_f1"] == 1.0) == exact


def test_read_brat_ties_source_cue_and_discontinuous_content(tmp_path):
    ann = tmp_path / "x.ann"
    ann.write_text(
        "T1\tSource 20 27\tAnn Roy\nT2\tCue 15 19\tsaid\nT3\tContent 1 12;30 35\tWe will win\n"
        "T4\tAttribution 15 19\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
        encoding="utf-8",
    )
    (gold,) = read_brat(ann, TEXT)
    assert gold.spans == [(1, 12), (30, 35)] and gold.source_spans == [(20, 27)]


def test_gold_jsonl_rejects_spans_outside_the_text(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "1", "text": "short", "quotes": [{"spans": [[0, 99]]}]}) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError):
        list(read_gold_jsonl(path))


def test_gate_refuses_to_lower_a_floor_without_the_flag(tmp_path, monkeypatch):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(
        json.dumps({"tolerance": 0.01, "suites": {"s": {"kind": "gold", "path": "x", "floors": {"all.f1": 0.8}}}})
    )
    monkeypatch.setattr(gate, "_measure", lambda suite, polnear: {"all": {"f1": 0.75}})
    outcome = gate.check(tmp_path, baseline=baseline)
    assert not outcome["passed"]
    with pytest.raises(QualityGateError):
        gate.check(tmp_path, baseline=baseline, update=True)
    assert json.loads(baseline.read_text())["suites"]["s"]["floors"]["all.f1"] == 0.8
    gate.check(tmp_path, baseline=baseline, update=True, allow_lower=True)
    assert json.loads(baseline.read_text())["suites"]["s"]["floors"]["all.f1"] == 0.75


def test_gate_tolerates_noise_below_the_floor(tmp_path, monkeypatch):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(
        json.dumps({"tolerance": 0.01, "suites": {"s": {"kind": "gold", "path": "x", "floors": {"all.f1": 0.8}}}})
    )
    monkeypatch.setattr(gate, "_measure", lambda suite, polnear: {"all": {"f1": 0.795}})
    assert gate.check(tmp_path, baseline=baseline)["passed"]


SPLIT = "“We will win,” said Ann Roy, “and then we rest.” The end."


@pytest.mark.parametrize(
    "predicted_spans, union_f1, span_f1, span_gold, span_predicted",
    [
        ([(1, 13), (29, 47)], 1.0, 1.0, 2, 2),  # both segments, as one quote: right either way
        ([(1, 13)], 1.0, 0.6667, 2, 1),  # one segment: the union still overlaps enough, the spans count a miss
        ([(29, 47)], 1.0, 0.6667, 2, 1),
    ],
)
def test_per_span_counts_each_segment(predicted_spans, union_f1, span_f1, span_gold, span_predicted):
    gold = GoldArticle("s", SPLIT, [GoldQuote([(1, 13), (29, 47)], [(19, 26)], kind="direct")])
    prediction = Quote(
        "q",
        "direct",
        [Span.of(SPLIT, s, e) for s, e in predicted_spans],
        None,
        Speaker("Ann Roy", "person", None, Span.of(SPLIT, 19, 26)),
        0.9,
    )
    result = score([(gold, Analysis(make_article(SPLIT), [prediction]))]).to_dict()
    assert result["all"]["f1"] == union_f1
    span = result["per_span"]["all"]
    assert (span["f1"], span["gold"], span["predicted"]) == (span_f1, span_gold, span_predicted)
    assert span["speaker_accuracy"] == 1.0
