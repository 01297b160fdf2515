"""Typed records of an analysis; `to_dict()` gives the `voxmap.analysis/1` JSON contract."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

SCHEMA = "voxmap.analysis/1"


@dataclass(frozen=True, slots=True)
class Span:
    """Characters `start:end` of the article text; `text` is always `article.text[start:end]`."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Dateline:
    """A dateline's characters in the text (its dash included), the place it names and the agency
    ("MOSCOW (Reuters) — ": place MOSCOW, agency Reuters)."""

    start: int
    end: int
    text: str
    place: str
    agency: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "place": self.place, "agency": self.agency}


@dataclass(slots=True)
class Article:
    text: str
    id: str
    title: str | None = None
    language: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    story: str | None = None  # a story id given by the input; it wins over clustering
    # Where the article came from ("file.jsonl:3"), and the key a corpus knows it by: the id the
    # input gave, else its URL, else its origin. Not part of the JSON contract.
    origin: str | None = None
    key: str | None = None
    encoding: str | None = None  # how the file's bytes were decoded ("utf-8", "utf-16", "cp1252", …)
    # Beyond the contract, given when the input says them (a press database's export does).
    edition: str | None = None  # "site web": the outlet's edition, kept apart from its name
    authors: list[str] = field(default_factory=list)
    dateline: Dateline | None = None  # found in the text when it opens with one (extract/datelines.py)
    # Where the reader put back a space between two glued sentences (offsets in `text`).
    repairs: list[int] = field(default_factory=list)
    # Where the reader blanked what a scraper left (a script, an agency's signature; offsets in `text`).
    blanked: list[tuple[int, int]] = field(default_factory=list)
    # How many lines of the text the reader read back from mojibake ("FranÃ§ois" -> "François").
    mojibake_lines: int = 0

    def to_dict(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "title": self.title,
            "language": self.language,
            "published": self.published,
            "source": self.source,
            "url": self.url,
            "text": self.text,
        }
        if self.edition:
            data["edition"] = self.edition
        if self.authors:
            data["authors"] = list(self.authors)
        if self.dateline:
            data["dateline"] = self.dateline.to_dict()
        if self.repairs or self.blanked or self.mojibake_lines:
            data["repairs"] = self.repairs_record()
        return data

    def repairs_record(self) -> dict[str, list | int]:
        """What the reader repaired, as the analysis and the store's input record keep it."""
        record: dict[str, list | int] = {}
        if self.mojibake_lines:
            record["mojibake_lines_repaired"] = self.mojibake_lines
        if self.repairs:
            record["glued_sentences_split_at"] = list(self.repairs)
        if self.blanked:
            record["blanked"] = [list(span) for span in self.blanked]
        return record


def article_id(text: str, source: str | None = None) -> str:
    """Stable id of an article without one: sha1 of its source and text."""
    return hashlib.sha1(((source or "") + "\n" + text).encode("utf-8")).hexdigest()


def make_article(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    language: str | None = None,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    story: str | None = None,
    origin: str | None = None,
) -> Article:
    key = f"id:{id}" if id else f"url:{url}" if url else f"origin:{origin}" if origin else None
    article = Article(
        text=text,
        id=id or article_id(text, source),
        title=title,
        language=language,
        published=published,
        source=source,
        url=url,
        story=story,
        origin=origin,
    )
    article.key = key or f"id:{article.id}"
    return article


@dataclass(slots=True)
class Speaker:
    name: str | None
    type: str  # person | organization | anonymous | group | unknown
    actor: str | None = None
    mention: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "actor": self.actor,
            "mention": self.mention.to_dict() if self.mention else None,
        }


@dataclass(slots=True)
class Quote:
    id: str
    kind: str  # direct | indirect | mixed | partial
    spans: list[Span]
    cue: Span | None
    speaker: Speaker
    confidence: float
    tone: dict[str, Any] | None = None
    # How the speaker was found (cue rule, resolution step): shown by review tools, not in the contract.
    how: str = ""

    @property
    def text(self) -> str:
        return "\n".join(span.text for span in self.spans)

    @property
    def start(self) -> int:
        return self.spans[0].start

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "spans": [span.to_dict() for span in self.spans],
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict(),
            "confidence": round(self.confidence, 3),
            "tone": self.tone,
            "how": self.how,
        }


@dataclass(slots=True)
class Role:
    title: str
    organization: str | None
    evidence: Span
    former: bool = False  # "former Secretary of State", "then-", "ancien": held before, not now
    institution: str | None = None  # whom a current holder speaks for (voxmap.extract.offices)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "organization": self.organization,
            "evidence": self.evidence.to_dict(),
            "former": self.former,
            "institution": self.institution,
        }


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    type: str  # person | organization | anonymous | group
    roles: list[Role] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    # Grammatical facts used to resolve pronouns; not part of the JSON contract.
    gender: str | None = None
    plural: bool = False
    place: bool = False  # named as a place ("Marseille"): a setting more often than a party to a tie
    human: bool = True  # False for a source described by a word that names no one ("une étude", "un texte")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "roles": [role.to_dict() for role in self.roles],
            "mentions": [mention.to_dict() for mention in self.mentions],
        }


@dataclass(slots=True)
class Relation:
    subject: str
    predicate: str
    object: str
    evidence: Span
    confidence: float
    title: str | None = None
    former: bool = False
    label: str | None = None  # the verb of an `interacts_with`
    date: str | None = None  # a date written in the same sentence ("elected in November 2018")

    def to_dict(self) -> dict[str, Any]:
        data = {
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 3),
        }
        for key in ("title", "label", "date"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        if self.former:
            data["former"] = True
        return data


@dataclass(slots=True)
class Figure:
    start: int
    end: int
    text: str
    value: float
    unit: str | None  # "%", "EUR", … or the thing counted ("members")
    counts: str | None  # what the number counts: "members", "voters", "policiers"
    qualifier: str | None  # "more than", "près de"
    attributed_to: str | None = None  # actor id of whoever claims it

    def to_dict(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {
            "text": self.text,
            "value": value,
            "unit": self.unit,
            "counts": self.counts,
            "qualifier": self.qualifier,
            "start": self.start,
            "end": self.end,
            "attributed_to": self.attributed_to,
        }


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: date | None
    granularity: str  # day | month | year
    last_day: date | None = None  # "April 24 and 25": the range's end

    def to_dict(self) -> dict[str, Any]:
        data = {
            "text": self.text,
            "value": self.value.isoformat() if self.value else None,
            "start": self.start,
            "end": self.end,
            "granularity": self.granularity,
        }
        if self.last_day:
            data["last_day"] = self.last_day.isoformat()
        return data


@dataclass(slots=True)
class Event:
    what: str  # the verb and its object as written: "raised the bonus"
    when: str | None  # ISO date, or None when the date could not be anchored
    date_text: str
    who: list[str]  # actor ids
    evidence: Span

    def to_dict(self) -> dict[str, Any]:
        return {
            "what": self.what,
            "when": self.when,
            "date_text": self.date_text,
            "who": self.who,
            "evidence": self.evidence.to_dict(),
        }


@dataclass(slots=True)
class Analysis:
    """One article and everything voxmap found in it."""

    article: Article
    quotes: list[Quote] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "article": self.article.to_dict(),
            "quotes": [quote.to_dict() for quote in self.quotes],
            "actors": [actor.to_dict() for actor in self.actors],
            "relations": [relation.to_dict() for relation in self.relations],
            "figures": [figure.to_dict() for figure in self.figures],
            "dates": [mention.to_dict() for mention in self.dates],
            "events": [event.to_dict() for event in self.events],
        }
