"""Dated events: a sentence with a date and an actor doing something — what, when, who, evidence."""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import Actor, Event, Span
from .language import LanguageRules
from .relations import OBJECT_DEPS, actor_index
from .syntax import VERB_POS, doc_text, subject_of, tokens_covering


def find_events(
    doc: Doc, rules: LanguageRules, actors: list[Actor], dates: list, actor_at: list[Actor | None] | None = None
) -> list[Event]:
    """One event per dated sentence whose main verb has an actor as its subject."""
    if not dates:
        return []
    actor_at = actor_at if actor_at is not None else actor_index(doc, actors)
    text = doc_text(doc)
    events = []
    for mention in dates:
        span = tokens_covering(doc, mention.start, mention.end)
        if span is None:
            continue
        sent = span.sent
        verb = sent.root
        if verb.pos_ not in VERB_POS:
            continue
        subject = subject_of(verb, rules.parser)
        who = actor_at[subject.i] if subject is not None else None
        if who is None:
            continue
        obj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS), None)
        start, end = verb.i, verb.i + 1
        if obj is not None and obj.i > verb.i:
            end = min(obj.right_edge.i + 1, obj.i + 6)
        events.append(
            Event(
                doc[start:end].text,
                mention.value.isoformat() if mention.value else None,
                mention.text,
                [who.id],
                Span.of(text, sent.start_char, sent.end_char),
            )
        )
    return events
