"""Score extracted quotes against gold: content spans (exact and character-Jaccard > 0.3, as the
GenderGapTracker does) and the speaker of every matched quote, for all quotes and direct ones.

Two ways of counting: a quote is the union of its content spans ("A," he said, "B." is one quote),
and `per_span`: each content span is a quote of its own, with the same speaker (GenderGapTracker's
count). Both are reported."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..records import Analysis, Quote
from .gold import QUOTE_MARKS, GoldArticle, GoldQuote

JACCARD_THRESHOLD = 0.3
# The direct-quote subset: content wholly inside quotation marks (a partial quote is a short one).
DIRECT_KINDS = frozenset({"direct", "partial"})
# Apostrophes too: wire copy writes quotation marks as two of them ('' … '').
_EDGE = set(QUOTE_MARKS) | set("' \n\t.,;:!?—–-()\u00a0\u202f")


def _chars(text: str, spans) -> frozenset[int]:
    """Character positions of spans, without quotation marks, punctuation or spaces at their edges."""
    positions: set[int] = set()
    for start, end in spans:
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        positions.update(range(start, end))
    return frozenset(positions)


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _words(text: str) -> set[str]:
    return {w.strip(".,’'s").lower() for w in text.split() if len(w.strip(".,’'s")) > 2}


def speaker_correct(text: str, gold: GoldQuote, quote: Quote) -> bool:
    """Where the gold names the speaker, the predicted name must share a word with that name (so a
    pronoun must be resolved to the right person). Otherwise (PolNeAR gives only the source span) the
    predicted mention must overlap the gold source, or the name share a word with its text."""
    if gold.speaker:
        return bool(quote.speaker.name) and bool(_words(gold.speaker) & _words(quote.speaker.name))
    mention = quote.speaker.mention
    if mention and any(mention.start < e and s < mention.end for s, e in gold.source_spans):
        return True
    gold_words = set()
    for s, e in gold.source_spans:
        gold_words |= _words(text[s:e])
    if gold.speaker:
        gold_words |= _words(gold.speaker)
    return bool(quote.speaker.name) and bool(gold_words & _words(quote.speaker.name))


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact: int = 0
    with_source: int = 0
    speaker_right: int = 0

    def metrics(self) -> dict[str, float | int]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        precision, recall = ratio(self.matched, self.predicted), ratio(self.matched, self.gold)
        exact_p, exact_r = ratio(self.exact, self.predicted), ratio(self.exact, self.gold)
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": precision,
            "recall": recall,
            "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
            "exact_precision": exact_p,
            "exact_recall": exact_r,
            "exact_f1": round(2 * exact_p * exact_r / (exact_p + exact_r), 4) if exact_p + exact_r else 0.0,
            "speaker_accuracy": ratio(self.speaker_right, self.with_source),
            "speaker_scored": self.with_source,
        }


@dataclass
class Scores:
    all: Tally = field(default_factory=Tally)
    direct: Tally = field(default_factory=Tally)
    span_all: Tally = field(default_factory=Tally)
    span_direct: Tally = field(default_factory=Tally)
    by_kind: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "all": self.all.metrics(),
            "direct": self.direct.metrics(),
            "per_span": {"all": self.span_all.metrics(), "direct": self.span_direct.metrics()},
            "predicted_by_kind": self.by_kind,
        }


def _gold_spans(quotes: list[GoldQuote]) -> list[GoldQuote]:
    return [GoldQuote([span], q.source_spans, q.speaker, q.kind) for q in quotes for span in q.spans]


def _spans(quotes: list[Quote]) -> list[Quote]:
    return [replace(q, spans=[span]) for q in quotes for span in q.spans]


def match_quotes(text: str, gold: list[GoldQuote], predicted: list[Quote]) -> list[tuple[GoldQuote, Quote, bool]]:
    """One-to-one matches, best Jaccard first; (gold, quote, exact)."""
    gold_chars = [_chars(text, g.spans) for g in gold]
    pred_chars = [_chars(text, [(s.start, s.end) for s in q.spans]) for q in predicted]
    pairs = sorted(
        ((_jaccard(g, p), i, j) for i, g in enumerate(gold_chars) for j, p in enumerate(pred_chars) if g & p),
        reverse=True,
    )
    used_gold, used_pred, matches = set(), set(), []
    for score, i, j in pairs:
        if score <= JACCARD_THRESHOLD or i in used_gold or j in used_pred:
            continue
        used_gold.add(i)
        used_pred.add(j)
        matches.append((gold[i], predicted[j], _letters(text, gold_chars[i]) == _letters(text, pred_chars[j])))
    return matches


def _letters(text: str, positions: frozenset[int]) -> frozenset[int]:
    """The positions of letters and digits: an exact match is the same words, whether the gold cut a
    quote in two at a sentence end ("…controversy. | I finished it") or the prediction did not."""
    return frozenset(i for i in positions if text[i].isalnum())


def _tally(tally: Tally, text: str, gold: list[GoldQuote], predicted: list[Quote]) -> None:
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    for gold_quote, quote, exact in match_quotes(text, gold, predicted):
        tally.matched += 1
        tally.exact += exact
        if gold_quote.source_spans or gold_quote.speaker:
            tally.with_source += 1
            tally.speaker_right += speaker_correct(text, gold_quote, quote)


def score(pairs: Iterable[tuple[GoldArticle, Analysis]]) -> Scores:
    scores = Scores()
    for gold, analysis in pairs:
        text = gold.text
        _tally(scores.all, text, gold.quotes, analysis.quotes)
        gold_direct = [g for g in gold.quotes if g.kind in DIRECT_KINDS]  # a gold "partial" is in marks too
        direct = [q for q in analysis.quotes if q.kind in DIRECT_KINDS]
        _tally(scores.direct, text, gold_direct, direct)
        _tally(scores.span_all, text, _gold_spans(gold.quotes), _spans(analysis.quotes))
        _tally(scores.span_direct, text, _gold_spans(gold_direct), _spans(direct))
        for quote in analysis.quotes:
            scores.by_kind[quote.kind] = scores.by_kind.get(quote.kind, 0) + 1
    return scores
