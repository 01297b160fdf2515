"""A headline's attribution: "Sanders: Clinton needs to 'get away from all of this personality stuff'",
"Poll: Clinton and Trump in dead heat". The article's first line, a source, a colon, what the source
said. The source is a name the model found (titles before it allowed: "OK Gov Fallin") or a
document word ("Poll", "Report"); a kicker ("The Latest:", "EXCLUSIVE:", "Wow:") names no one."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..mentions import is_headline_verb
from .clauses import content_kind
from .context import Context, strip_edges
from .found import DIRECT, Cue, RawQuote

HEADLINE = "headline"
# The first line: a source of a few words, a colon (French sets a space before it), the statement.
SOURCE_COLON = re.compile(r"(?P<source>[^:\n]{1,60}?)[ \u00a0\u202f]?:[ \t]+(?=\S)")
# A headline's source is a name of this many words at most, a title before it included.
MAX_SOURCE_TOKENS = 5


def headline_quotes(ctx: Context) -> list[RawQuote]:
    doc, text = ctx.doc, ctx.text
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    m = SOURCE_COLON.match(text, start, end)
    if m is None:
        return []
    source = doc.char_span(m.start("source"), m.end("source"), alignment_mode="expand")
    if source is None or not 0 < len(source) <= MAX_SOURCE_TOKENS or not ctx.outside(source[0]):
        return []
    speaker = _named_at_end(source, ctx) or _document(source, ctx)
    if speaker is None:
        return []
    if text[m.end() : end].rstrip().endswith("?"):
        return []  # "Ted Cruz: Constitutional conservative or career politician?" asks, of its source
    content = content_kind(strip_edges(text, m.end(), end), ctx) or _quoted_whole(m.end(), end, ctx)
    if content is None:
        return []
    kind, span = content
    colon = text.index(":", m.end("source"))
    return [RawQuote(kind, [span], (colon, colon + 1), speaker.i, Cue(HEADLINE))]


def _named_at_end(source: Span, ctx: Context) -> Token | None:
    """The last word of a person or body the model named, ending the source ("Dr. Ben Carson"), or the
    surname of a person the article names (a headline's "Sanders" the model missed); no verb in the
    source ("Carly Fiorina Endorses Ted Cruz")."""
    last = source[-1]
    labels = ctx.rules.parser
    # the name ends with the source: not "[Breitbart News Daily: A World at War]"
    ends_here = last.i + 1 == len(ctx.doc) or ctx.doc[last.i + 1].ent_iob_ != "I"
    named = last.ent_type_ in labels.person_entities | labels.organization_entities and ends_here
    surnames = {ent[-1].text for ent in ctx.doc.ents if ent.label_ in labels.person_entities}
    if not (named or (last.text[:1].isupper() and last.text in surnames)):
        return None
    if any(t.pos_ in ("VERB", "AUX") or is_headline_verb(t.text, ctx.rules) for t in source):
        return None
    return last


def _document(source: Span, ctx: Context) -> Token | None:
    """'Poll', 'Report': one document word, the whole source."""
    word = source[-1]
    return word if len(source) == 1 and word.lemma_.lower() in ctx.rules.evidence_sources else None


def _quoted_whole(start: int, end: int, ctx: Context) -> tuple[str, tuple[int, int]] | None:
    """ "Loretta Lynch: 'Be the voice that people hear.'": the statement is one quote."""
    segments = ctx.segments_touching(start, end)
    if len(segments) != 1:
        return None
    segment = segments[0]
    rest = ctx.text[segment.outer_end : end].strip(" .")
    return (DIRECT, (segment.start, segment.end)) if segment.open_at <= start + 1 and not rest else None
