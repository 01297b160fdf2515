"""Who the article showed last before a mention: the latest source, outlet, organisation or actor
acting, within a pronoun's reach. What a description or a pronoun takes up when its words match no
one in particular (coref.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Actor
from .media import MEDIA
from .mentions import ANONYMOUS, ORGANIZATION, PERSON, Mention

if TYPE_CHECKING:
    from .coref import Sighting

# How far back (in characters) a pronoun looks for its antecedent before giving up on recency.
PRONOUN_WINDOW = 1500
# How far back a description that writes a body ("le chef de la police de Seattle") takes up a person
# the article gave no role: past it, that person has left the scene and the description is someone new.
DESCRIBED_BODY_WINDOW = 900


def last_source(seen: list[Sighting], mention: Mention) -> Actor | None:
    """ "our interlocutor goes on", "this source adds": the source the article introduced last, named or
    described ("a former adviser at the ministry … our interlocutor goes on"), speaking or acting."""
    sources = [
        s.actor
        for s in seen
        if (s.subject or s.speaker)
        and (s.actor.type == PERSON or (s.actor.type == ANONYMOUS and s.actor.human and not s.actor.plural))
        and (mention.gender is None or s.actor.gender in (None, mention.gender))
    ]
    return sources[-1] if sources else None


def last_outlet(seen: list[Sighting], mention: Mention) -> Actor | None:
    """ "Le Parisien a révélé… selon le quotidien": the news outlet named last, within a pronoun's reach."""
    named = [s.actor for s in seen if s.actor.type == MEDIA and mention.start - s.position < PRONOUN_WINDOW]
    return named[-1] if named else None


def last_named_organization(seen: list[Sighting], mention: Mention) -> Actor | None:
    named = [
        s.actor
        for s in seen
        if s.actor.type == ORGANIZATION and not s.actor.place and mention.start - s.position < PRONOUN_WINDOW
    ]
    return named[-1] if named else None


def last_acting(seen: list[Sighting], mention: Mention, actor_type: str, window: int = PRONOUN_WINDOW) -> Actor | None:
    """The latest actor of `actor_type` seen as a subject or speaker within `window` characters before
    `mention`; a person of a gender the mention allows (an organisation's grammatical gender tells nothing)."""
    agrees = actor_type == PERSON and mention.gender is not None
    candidates = [
        s
        for s in seen
        if s.actor.type == actor_type
        and (s.subject or s.speaker)
        and mention.start - s.position < window
        and (not agrees or s.actor.gender in (None, mention.gender))
    ]
    # "l'intéressée": a woman the article says is one comes before a person whose gender it does not tell
    told = [s for s in candidates if agrees and s.actor.gender == mention.gender]
    return (told or candidates)[-1].actor if candidates else None


def last_person(seen: list[Sighting], mention: Mention) -> Actor | None:
    """The latest person of the mention's gender named shortly before it, acting or not, where the
    parser saw no one act ("Florian Philippot, sanctionné mercredi par…, a annoncé…")."""
    people = [
        s.actor
        for s in seen
        if s.actor.type == PERSON
        and mention.start - s.position < PRONOUN_WINDOW
        and (mention.gender is None or s.actor.gender in (None, mention.gender))
    ]
    return people[-1] if people else None
