"""A transcript's speaker labels: "TAPPER: Do you think Donald Trump has campaigned as a racial healer?"
Each labelled paragraph is the label's direct quote. A label is a speaker's only where the article
names that person ("Jake Tapper") or where a dialogue shows it (labels taking turns, one at least
twice, in three or more labelled paragraphs); a kicker ("UPDATE:", "EXCLUSIVE:") names nobody and is left alone.
An interview's "Q:" is the interviewer's question, no source's statement; its "A:" is the person the
article interviews, the one it names most before the first label ("Q&A with Vice President Joe Biden")."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Span

from .context import Context
from .found import DIRECT, Cue, RawQuote

TRANSCRIPT = "transcript"
INTERVIEW = "interview"  # an answer label ("A:"): the interviewee, named in the article's opening, speaks
# A paragraph opening with an upper-case label and a colon: "TAPPER: ", "JAKE TAPPER: ".
# French sets a space before the colon ("FALLIN : "). A transcript quoted whole opens each paragraph
# with a quotation mark ('"WALLACE: Let's start…'): one of the language's opening marks.
LABEL = re.compile(
    r"(?m)^(?P<mark>[^\w\s]?)(?P<label>[A-ZÀ-Ý][A-ZÀ-Ý'’.-]*(?: [A-ZÀ-Ý][A-ZÀ-Ý'’.-]*){0,3})[ \u00a0\u202f]?:[ \t]+(?=\S)"
)
# A dialogue: this many labelled paragraphs, one label at least twice.
MIN_DIALOGUE = 3


def transcript_quotes(ctx: Context) -> list[RawQuote]:
    doc, text = ctx.doc, ctx.text
    openers = ctx.rules.marks.openers
    labelled = [
        m
        for m in LABEL.finditer(text)
        if any(c.isalpha() for c in m["label"]) and (not m["mark"] or m["mark"] in openers)
    ]
    if len(labelled) < 2:
        return []
    people = {ent.text.split()[-1].lower() for ent in doc.ents if ent.label_ in ctx.rules.parser.person_entities}
    counts = Counter(m["label"].lower() for m in labelled)
    # a dialogue: labels that take turns, one of them at least twice
    dialogue = len(labelled) >= MIN_DIALOGUE and len(counts) >= 2 and max(counts.values()) >= 2
    interviewee = _interviewee(ctx, labelled[0].start())
    quotes = []
    for m, following in zip(labelled, [*labelled[1:], None]):
        label = m["label"]
        key = label.lower()
        answer = key in ctx.rules.answer_labels
        if key in ctx.rules.question_labels or (answer and interviewee is None):
            continue
        # answers alone ("A: …" after questions set in bold) are an interview too
        interview = answer and counts[key] >= 2
        if label.split()[-1].lower() not in people and not dialogue and not interview:
            continue
        end = _line_end(text, m.end())
        speaker = doc.char_span(m.start("label"), m.end("label"), alignment_mode="expand")
        if speaker is None or end <= m.end() or not (m["mark"] or ctx.outside(speaker[0])):
            continue
        closer = openers.get(m["mark"], "")
        spans = [(m.end(), _without_closing(text, end, closer))]
        if m["mark"] and following is not None:
            spans += _continued(text, end, following.start(), m["mark"], closer)
        cue = (m.start("label"), text.index(":", m.end("label")) + 1)
        if answer:
            extent = (interviewee.start, interviewee.end)
            quotes.append(RawQuote(DIRECT, spans, cue, interviewee.end - 1, Cue(INTERVIEW), speaker_extent=extent))
        else:
            quotes.append(RawQuote(DIRECT, spans, cue, speaker[-1].i, Cue(TRANSCRIPT)))
    return quotes


def _interviewee(ctx: Context, first_label: int) -> Span | None:
    """The person named most often before the first label (by surname; the first named on a tie):
    the interviewee, where the interviewers are named once ("…he spoke with POLITICO senior writer
    Michael Grunwald")."""
    named = [
        ent
        for ent in ctx.doc.ents
        if ent.label_ in ctx.rules.parser.person_entities and ent.end_char <= first_label and len(ent.text) > 1
    ]
    counts = Counter(ent.text.split()[-1].lower() for ent in named)
    if not counts:
        return None
    most = max(counts.values())
    return next(ent for ent in named if counts[ent.text.split()[-1].lower()] == most)


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text.rstrip()) if end < 0 else len(text[:end].rstrip())


def _without_closing(text: str, end: int, closer: str) -> int:
    """A quoted transcript's line without its closing mark."""
    return end - len(closer) if closer and text.endswith(closer, 0, end) else end


def _continued(text: str, end: int, next_label: int, mark: str, closer: str) -> list[tuple[int, int]]:
    """'"PENCE: Well, look…¶"But the truth is…¶"WALLACE: …': the paragraphs a quoted transcript
    reopens before the next label are the same speaker's, up to a stage direction ('"(CROSSTALK.)')."""
    spans = []
    start = text.find("\n", end)
    while 0 <= start < next_label:
        start += 1
        if not text[start:].strip():
            break
        start += len(text[start:]) - len(text[start:].lstrip())
        if (
            start >= next_label
            or not text.startswith(mark, start)
            or text[start + len(mark) : start + len(mark) + 1] == "("
        ):
            break
        line_end = _line_end(text, start)
        spans.append((start + len(mark), _without_closing(text, line_end, closer)))
        start = text.find("\n", line_end)
    return spans
