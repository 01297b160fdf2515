"""Long texts (reports, transcripts, live blogs) analysed in windows.

A text longer than WINDOW_CHARS is cut at paragraph boundaries that no quotation crosses (at a
sentence end, then a space, only when one paragraph or one quote is itself longer than a window).
Each window is analysed with a lead-in: the paragraphs just before it, so that "he said" at the top
of a window can still find the person named above. What the lead-in yields belongs to the previous
window and is dropped; the windows' analyses are then merged into one, every offset relative to the
whole text, and the actors of one name joined across windows.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass

from ..records import Actor, Analysis, Article, Quote, Role, Span, Speaker
from .language import MarkRules
from .marks import find_quoted_segments
from .markup import merged_regions

WINDOW_CHARS = 100_000  # well under spaCy's max_length; the parser's memory grows with the Doc
LEAD_CHARS = 2_000


@dataclass(frozen=True, slots=True)
class Window:
    lead: int  # first character analysed: the lead-in starts here
    start: int  # first character this window owns
    end: int


def _blocked(text: str, marks: MarkRules) -> list[tuple[int, int]]:
    """Character ranges inside a quotation (multi-paragraph ones whole), sorted and merged."""
    segments = find_quoted_segments(text, marks)
    ranges, index = [], 0
    while index < len(segments):
        start = segments[index].open_at
        while segments[index].continues and index + 1 < len(segments):  # reopened paragraph after paragraph
            index += 1
        ranges.append((start, segments[index].outer_end))
        index += 1
    return merged_regions(ranges)


def _inside(position: int, blocked: list[tuple[int, int]], starts: list[int]) -> int | None:
    """The start of the blocked range holding `position`, None when it is free."""
    k = bisect.bisect_right(starts, position) - 1
    if k >= 0 and blocked[k][0] < position < blocked[k][1]:
        return blocked[k][0]
    return None


def _cut(text: str, start: int, limit: int, blocked, starts) -> int:
    """The last good place to end a window that begins at `start` and may run to `limit`."""
    position = limit
    while True:  # a line start outside every quote
        newline = text.rfind("\n", start, position)
        if newline <= start:
            break
        held = _inside(newline + 1, blocked, starts)
        if held is None:
            return newline + 1
        position = held
    for boundary in (". ", " "):  # one paragraph, or one quote, longer than a window
        found = text.rfind(boundary, start, limit)
        if found > start:
            return found + len(boundary)
    return limit


def plan_windows(text: str, marks: MarkRules, size: int | None = None, lead: int = LEAD_CHARS) -> list[Window]:
    size = size or WINDOW_CHARS
    if len(text) <= size:
        return [Window(0, 0, len(text))]
    blocked = _blocked(text, marks)
    starts = [start for start, _ in blocked]
    windows, start = [], 0
    while start < len(text):
        end = len(text) if len(text) - start <= size else _cut(text, start, start + size, blocked, starts)
        lead_start = start
        if start:
            paragraph = text.find("\n", max(0, start - lead), start)
            lead_start = paragraph + 1 if paragraph >= 0 else start
        windows.append(Window(lead_start, start, end))
        start = end
    return windows


def window_article(article: Article, window: Window) -> Article:
    return dataclasses.replace(article, text=article.text[window.lead : window.end])


def _shifted(span: Span, shift: int, text: str) -> Span:
    return Span.of(text, span.start + shift, span.end + shift)


def merge_windows(article: Article, parts: list[tuple[Window, Analysis]]) -> Analysis:
    """One analysis of the whole article from its windows' analyses."""
    text = article.text
    merged = Analysis(article=article)
    actors: dict[tuple, Actor] = {}
    seen: dict[tuple, set[Span]] = {}  # the mentions each merged actor already has
    for number, (window, part) in enumerate(parts):
        shift = window.lead

        def own(local_start: int, shift: int = shift, start: int = window.start) -> bool:
            return local_start + shift >= start

        kept_quotes = [q for q in part.quotes if own(q.spans[0].start)]
        kept_relations = [r for r in part.relations if own(r.evidence.start)]
        kept_events = [e for e in part.events if own(e.evidence.start)]
        kept_figures = [f for f in part.figures if own(f.start)]
        referenced = (
            {q.speaker.actor for q in kept_quotes}
            | {r.subject for r in kept_relations}
            | {r.object for r in kept_relations}
            | {a for e in kept_events for a in e.who}
            | {f.attributed_to for f in kept_figures}
        )
        ids: dict[str, str] = {}
        for actor in part.actors:
            mentions = [_shifted(m, shift, text) for m in actor.mentions if own(m.start)]
            roles = [
                Role(r.title, r.organization, _shifted(r.evidence, shift, text), r.former, r.institution)
                for r in actor.roles
                if own(r.evidence.start)
            ]
            if not mentions and not roles and actor.id not in referenced:
                continue  # named in the lead-in alone: the previous window has it
            key = (number, actor.id) if actor.type == "anonymous" else (actor.type, actor.name.casefold())
            target = actors.get(key)
            if target is None:
                target = actors[key] = Actor(
                    f"a{len(actors) + 1}",
                    actor.name,
                    actor.type,
                    gender=actor.gender,
                    plural=actor.plural,
                    place=actor.place,
                )
            # A name met in every window has thousands of mentions: look them up in a set, not the list.
            known = seen.setdefault(key, set(target.mentions))
            fresh = [m for m in mentions if m not in known]
            known.update(fresh)
            target.mentions += fresh
            target.roles += roles
            ids[actor.id] = target.id
        for quote in kept_quotes:
            speaker = quote.speaker
            mention = _shifted(speaker.mention, shift, text) if speaker.mention else None
            merged.quotes.append(
                Quote(
                    f"q{len(merged.quotes) + 1}",
                    quote.kind,
                    [_shifted(s, shift, text) for s in quote.spans],
                    _shifted(quote.cue, shift, text) if quote.cue else None,
                    Speaker(speaker.name, speaker.type, ids.get(speaker.actor), mention),
                    quote.confidence,
                    quote.tone,
                    quote.how,
                )
            )
        merged.relations += [
            dataclasses.replace(
                r,
                subject=ids.get(r.subject, r.subject),
                object=ids.get(r.object, r.object),
                evidence=_shifted(r.evidence, shift, text),
            )
            for r in kept_relations
        ]
        merged.events += [
            dataclasses.replace(e, who=[ids.get(a, a) for a in e.who], evidence=_shifted(e.evidence, shift, text))
            for e in kept_events
        ]
        merged.figures += [
            dataclasses.replace(f, start=f.start + shift, end=f.end + shift, attributed_to=ids.get(f.attributed_to))
            for f in kept_figures
        ]
        merged.dates += [
            dataclasses.replace(d, start=d.start + shift, end=d.end + shift) for d in part.dates if own(d.start)
        ]
    for actor in actors.values():
        actor.mentions.sort(key=lambda m: m.start)
    merged.actors = list(actors.values())
    return merged
