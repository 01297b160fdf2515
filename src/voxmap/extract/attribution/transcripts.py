"""A transcript's speaker labels: "TAPPER: Do you think Donald Trump has campaigned as a racial healer?"
Each labelled paragraph is the label's direct quote. A label is a speaker's only where the article
names that person ("Jake Tapper") or where a dialogue shows it (labels taking turns, one at least
twice, in three or more labelled paragraphs); a kicker ("UPDATE:", "EXCLUSIVE:") names nobody and is left alone."""

from __future__ import annotations

import re
from collections import Counter

from .context import Context
from .found import DIRECT, Cue, RawQuote

TRANSCRIPT = "transcript"
# A paragraph opening with an upper-case label and a colon: "TAPPER: ", "JAKE TAPPER: ".
# French sets a space before the colon ("FALLIN : ").
LABEL = re.compile(r"(?m)^(?P<label>[A-ZÀ-Ý][A-ZÀ-Ý'’.-]*(?: [A-ZÀ-Ý][A-ZÀ-Ý'’.-]*){0,3})[ \u00a0\u202f]?:[ \t]+(?=\S)")
# A dialogue: this many labelled paragraphs, one label at least twice.
MIN_DIALOGUE = 3


def transcript_quotes(ctx: Context) -> list[RawQuote]:
    doc, text = ctx.doc, ctx.text
    labelled = [m for m in LABEL.finditer(text) if any(c.isalpha() for c in m["label"])]
    if len(labelled) < 2:
        return []
    people = {ent.text.split()[-1].lower() for ent in doc.ents if ent.label_ in ctx.rules.parser.person_entities}
    counts = Counter(m["label"].lower() for m in labelled)
    # a dialogue: labels that take turns, one of them at least twice
    dialogue = len(labelled) >= MIN_DIALOGUE and len(counts) >= 2 and max(counts.values()) >= 2
    quotes = []
    for m in labelled:
        label = m["label"]
        if label.split()[-1].lower() not in people and not dialogue:
            continue
        end = text.find("\n", m.end())
        end = len(text.rstrip()) if end < 0 else len(text[:end].rstrip())
        speaker = doc.char_span(m.start(), m.start() + len(label), alignment_mode="expand")
        if speaker is None or end <= m.end() or not ctx.outside(speaker[0]):
            continue
        quotes.append(
            RawQuote(
                DIRECT,
                [(m.end(), end)],
                (m.start(), text.index(":", m.end("label")) + 1),
                speaker[-1].i,
                Cue(TRANSCRIPT),
            )
        )
    return quotes
