"""Find attributed statements in a parsed Doc: direct, partial, mixed and indirect quotes with their
cue and the head token of their speaker. Pure functions from a Doc to records; nothing is written
onto the Doc here.

- `found`: the records (a raw quote, its typed cue rule) and the confidence table;
- `context`: what every finder shares; `speakers`: who a cue names;
- `mark_cues`, `from_marks`: quotes that start from the quotation marks;
- `clauses`, `reported`: reported speech that starts from speech verbs and source words;
- `transcripts`: a transcript's labelled paragraphs ("TAPPER: …").
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc

from ..language import LanguageRules
from ..marks import find_quoted_segments
from ..syntax import VERB_POS, doc_text, tokens_covering
from .context import Context, token_segments, verb_forms
from .found import BELIEF, DIRECT, EVIDENCE, INDIRECT, MIXED, PARTIAL, Cue, Findings, RawQuote
from .from_marks import quotes_from_marks
from .headlines import headline_quotes
from .inverted import inverted_reports
from .reported import (
    appraisal_quotes,
    indirect_quotes,
    object_quotes,
    relative_source_quotes,
    stance_quotes,
)
from .source_phrases import according_to_quotes, source_clause_quotes
from .transcripts import transcript_quotes

__all__ = ["BELIEF", "DIRECT", "EVIDENCE", "INDIRECT", "MIXED", "PARTIAL", "Cue", "Findings", "RawQuote", "find_quotes"]


def find_quotes(doc: Doc, rules: LanguageRules) -> Findings:
    """Every attributed statement of `doc`."""
    text = doc_text(doc)
    segments = find_quoted_segments(text, rules.marks)
    ctx = Context(doc, text, rules, segments, token_segments(doc, segments), list(doc))
    # A transcript's labelled lines come first: quoted whole ('"WALLACE: …'), a line is the label's,
    # not the quote its marks open.
    labelled = transcript_quotes(ctx)
    found = (
        headline_quotes(ctx)
        + quotes_from_marks(ctx)
        + according_to_quotes(ctx)
        + source_clause_quotes(ctx)
        + relative_source_quotes(ctx)
        + indirect_quotes(ctx)
        + inverted_reports(ctx)
        + stance_quotes(ctx)
        + appraisal_quotes(ctx)
        + object_quotes(ctx)
    )
    found.sort(key=_in_text_order)
    kept: list[RawQuote] = []
    taken = _Taken()
    for quote in labelled + found:
        if any(taken.overlaps(start, end) for start, end in quote.spans) or _in_a_heading(quote, ctx):
            continue
        quote.kind = _typed(quote, ctx)
        kept.append(quote)
        for start, end in quote.spans:
            taken.add(start, end)
    kept.sort(key=_in_text_order)
    return Findings(_joined(kept, ctx), [owner >= 0 for owner in ctx.in_quote])


def _joined(quotes: list[RawQuote], ctx: Context) -> list[RawQuote]:
    """'claiming that fraud is “a big problem” but “nobody has the guts…”': a reported clause and the
    quote after it, of one cue and joined by nothing but a coordinator (rules' quote_joiners) or a comma,
    are one statement (two quoted terms, « X » et « Y », stay two). So are reported words with no verb of
    their own and the quote that completes them: 'a averti qu'en n'écoutant pas le pays, « on joue avec
    le feu »'."""
    marks = {c for mark in ctx.rules.marks.openers.keys() | ctx.rules.marks.closers for c in mark}
    apart = str.maketrans(dict.fromkeys([*marks, ",", ";"], " "))  # the marks and commas between them
    joined: list[RawQuote] = []
    for quote in quotes:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.cue is not None
            and last.cue == quote.cue
            and (last.kind == MIXED or (quote.kind == DIRECT and _unfinished_clause(last, ctx)))
        ):
            between = ctx.text[last.spans[-1][1] : quote.spans[0][0]]
            words = " ".join(between.translate(apart).split()).lower()
            if not words or words in ctx.rules.quote_joiners:  # a comma alone: '"…environ", "début octobre"'
                last.spans[-1] = (last.spans[-1][0], quote.spans[-1][1])
                last.kind = MIXED
                continue
        joined.append(quote)
    return joined


def _unfinished_clause(quote: RawQuote, ctx: Context) -> bool:
    """Whether reported speech holds no finite verb ("qu'en règle générale,"): the verb of what was
    said is in the quote that follows."""
    if quote.kind != INDIRECT or len(quote.spans) != 1:
        return False
    tokens = tokens_covering(ctx.doc, *quote.spans[0])
    return tokens is not None and not any("Fin" in t.morph.get("VerbForm") for t in tokens)


def _in_a_heading(quote: RawQuote, ctx: Context) -> bool:
    """'FELLOW DOCTORS REFUSE TO ASSOCIATE WITH HIM': reported speech written in capitals is a
    subheading of the writer's, not a report (quoted words in capitals stay quotes: “NO!”)."""
    if quote.kind in (DIRECT, PARTIAL):
        return False
    letters = [c for start, end in quote.spans for c in ctx.text[start:end] if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _in_text_order(quote: RawQuote) -> tuple[int, int]:
    return quote.spans[0][0], -quote.spans[-1][1]


class _Taken:
    """The character ranges of the quotes kept so far: disjoint, sorted, each check a bisection (a
    quote-dense window holds thousands of quotes)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        # Disjoint ranges sorted by start also have their ends in order: only the last one that
        # starts before `end` can reach past `start`.
        i = bisect_left(self.starts, end)
        return i > 0 and self.ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def _typed(quote: RawQuote, ctx: Context) -> str:
    """Reported speech that is a thought ("X believes that…": `belief`) or what a document or data show
    ("the report suggests…", "data show…": `evidence`) is typed so: PolNeAR counts them, but a measure
    of who speaks leaves them out by default. Words in quotation marks stay what they are."""
    if quote.kind not in (INDIRECT, MIXED) or quote.cue is None:
        return quote.kind
    cue = tokens_covering(ctx.doc, *quote.cue)
    verb = next((t for t in cue if t.pos_ in VERB_POS), cue[-1]) if cue is not None else None
    if verb is None:
        return quote.kind
    if verb_forms(verb, ctx.rules) & ctx.rules.belief_verbs:
        return BELIEF
    speaker = ctx.doc[quote.speaker] if quote.speaker is not None else None
    if (
        speaker is not None
        and speaker.lemma_.lower() in ctx.rules.evidence_sources
        and not any(c.dep_ in ctx.rules.parser.possessive for c in speaker.children)
        and speaker.ent_type_ == ""
    ):
        return EVIDENCE
    return quote.kind
