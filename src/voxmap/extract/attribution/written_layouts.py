"""The layouts that name a speaker in writing rather than with a speech verb: a document and its
owner ('“Police stations are closing!” can we read in a leaflet Rempart published'), a signature after
a dash ('“…” ― Sonya Herridge')."""

from __future__ import annotations

from spacy.tokens import Token

from ..documents import is_document
from ..marks import QuotedSegment
from ..syntax import VERB_POS, cue_tokens, prepositional_objects, tokens_covering
from .context import Context, after_closing, char_range


def document_cue(segment: QuotedSegment, ctx: Context) -> tuple[tuple[int, int] | None, Token] | None:
    """'“Police stations are closing!” can we read in a leaflet Rempart published in June' /
    '“Close the wards!” read the banner of Unité Santé': words written on a document speak for the
    organisation whose document it is, named after the document in the same sentence."""
    doc, rules = ctx.doc, ctx.rules
    start = after_closing(segment, ctx) if segment.close_at is not None else None
    if start is None or start >= len(doc):
        return None
    sent_end = doc[start].sent.end
    window = doc[start : min(sent_end, start + 12)]
    channel = next((t for t in window if is_document(t, rules)), None)
    if channel is None or any(t.pos_ in ("NOUN", "PROPN") for t in doc[start : channel.i]):
        return None  # "», avertissent six médecins dans une tribune au JDD": the doctors speak
    owners = [
        t
        for t in doc[channel.i + 1 : sent_end]
        if t.ent_iob_ == "B" and t.ent_type_ in rules.parser.organization_entities | rules.parser.person_entities
    ]
    owner = (
        owners[0]
        if owners
        else next((c for c in channel.children if c.dep_ in ctx.rules.parser.possessive), None)
        or next(
            (
                obj
                for preposition, obj in prepositional_objects(channel, rules.parser)
                if preposition in rules.organization_prepositions
            ),
            None,
        )
        or next((t for t in doc[channel.i + 1 : sent_end] if t.pos_ == "PROPN" and (t.is_title or t.is_upper)), None)
    )
    if owner is None:
        return None
    while owner.i + 1 < sent_end and doc[owner.i + 1].ent_iob_ == "I":
        owner = doc[owner.i + 1]
    verbs = [t for t in doc[start : channel.i] if t.pos_ in VERB_POS]
    return (char_range(doc, *cue_tokens(verbs[-1])) if verbs else None), owner


def _name_word(token: Token) -> bool:
    """A word of a written name: a proper noun, or an initial ("A.", "N") the tagger read otherwise."""
    initial = token.text.rstrip(".")
    return token.pos_ == "PROPN" or (len(initial) == 1 and initial.isupper())


def dash_signature(segment: QuotedSegment, ctx: Context) -> tuple[None, Token] | None:
    """'“…” ― Sonya Herridge': a name after a dash that ends the line signs the quote (no cue word)."""
    doc, text = ctx.doc, ctx.text
    after = segment.outer_end
    while after < len(text) and text[after] in " \t\u00a0":
        after += 1
    if after >= len(text) or text[after] not in "―—–-":
        return None
    # The tokenizer may glue the dash to the closing mark ("”―"): find the name by characters.
    dash = tokens_covering(doc, after, after + 1)
    if dash is None or dash[-1].i + 1 >= len(doc):
        return None
    at = dash[-1].i + 1
    while at + 1 < len(doc) and doc[at].is_space and "\n" not in doc[at].text:
        at += 1  # "―\xa0Christina": a no-break space after the dash
    name = first = doc[at]
    # a name's words, its initials among them ("Julie A. Diaz Martinez", "Christina N Luis Olidem")
    while name.i + 1 < len(doc) and _name_word(doc[name.i + 1]) and "\n" not in name.whitespace_:
        name = doc[name.i + 1]
    rest = doc[name.i + 1 : name.i + 2]
    line_ends = not len(rest) or "\n" in name.whitespace_ or rest[0].is_space or rest[0].text in (".", ",")
    return (None, name) if first.pos_ == "PROPN" and line_ends else None
