"""What a pronoun takes up ("he", "elle", "-t-il", "they"): the latest person or body acting that agrees
with it, a French "il"/"elle" for a body written in its gender, a person named just after an article's
opening pronoun (coref.py resolves descriptions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Actor
from .language import LanguageRules
from .mentions import ANONYMOUS, GROUP, ORGANIZATION, PERSON, Mention
from .recent import PRONOUN_WINDOW

if TYPE_CHECKING:
    from .coref import History, Sighting

# How far after an article's opening pronoun its person may be named ("Elle dénonce… La députée X").
CATAPHORA_WINDOW = 300
# How far back a French "il"/"elle" looks for the body that spoke, where no person fits it.
BODY_PRONOUN_WINDOW = 400


def pronoun_antecedent(mention: Mention, seen: list[Sighting], history: History, rules: LanguageRules) -> Actor | None:
    """The actor a pronoun at `mention` takes up, given who the article showed before it (`seen`)."""
    return (
        _body_in_focus(mention, seen, rules)
        or _latest_agreeing(mention, seen)
        or _cataphora(mention, history)
        or _body_pronoun(mention, seen, rules)
    )


def _latest_agreeing(mention: Mention, seen: list[Sighting]) -> Actor | None:
    """The latest person (a group or body for "they", a body for "it") of the pronoun's gender."""
    if mention.plural:
        wanted = {GROUP, ORGANIZATION, ANONYMOUS}
    elif mention.gender is None:  # "it"
        wanted = {ORGANIZATION}
    else:
        wanted = {PERSON, ANONYMOUS}  # "a doctor … he said": an unnamed person is a person too
    candidates = [
        s
        for s in seen
        if s.actor.type in wanted
        and mention.start - s.position < PRONOUN_WINDOW
        and (mention.gender is None or s.actor.gender in (None, mention.gender))
        and (s.actor.type != ANONYMOUS or s.actor.plural == mention.plural)
        and not (mention.plural and s.actor.place)  # "ils" are never Bordeaux
    ]
    # The latest subject or speaker wins; failing that, the latest mention. Someone comes before a
    # source described by a word that names no one ("un texte transmis par le Vatican … a-t-il
    # plaidé" is the pope), which is taken up only when nobody else is there.
    acting = [s for s in candidates if s.subject or s.speaker]
    for pool in (acting, candidates):
        people = [s for s in pool if s.actor.human or mention.plural]  # "they": critics, proponents…
        if pool is candidates and mention.gender is not None:
            # nobody acting: someone the article says is of the pronoun's gender before a name of
            # unknown gender ("Valérie Braham, veuve d'un client tué par Coulibaly, … explique-t-elle")
            people = [s for s in people if s.actor.gender == mention.gender] or people
        if people or pool:
            found = (people or pool)[-1]
            return (_told_since(found, candidates, mention) or found).actor
    return None


def _body_in_focus(mention: Mention, seen: list[Sighting], rules: LanguageRules) -> Actor | None:
    """ "Le groupe centriste souligne que… Il déplore…": a French "il" or "elle" takes up the body that
    spoke or was the main subject last, written in its gender, before any person named earlier."""
    if mention.gender is None or mention.plural or not rules.gendered_organization_pronouns:
        return None
    last = next((s for s in reversed(seen) if s.topic or s.speaker), None)
    if (
        last is not None
        and last.actor.type == ORGANIZATION
        and last.actor.name[:1].isupper()  # a body named, not "un communiqué transmis"
        and not last.actor.place
        and mention.gender in (last.gender, last.actor.gender)
        and mention.start - last.position < BODY_PRONOUN_WINDOW
    ):
        return last.actor
    return None


def _body_pronoun(mention: Mention, seen: list[Sighting], rules: LanguageRules) -> Actor | None:
    """ "…, a indiqué le ministère japonais, mais il a précisé…": where no person fits a French "il"
    or "elle", the body that spoke last, if nobody spoke after it."""
    if mention.gender is None or mention.plural or not rules.gendered_organization_pronouns:
        return None
    speakers = [s for s in seen if s.speaker and mention.start - s.position < BODY_PRONOUN_WINDOW]
    last = speakers[-1].actor if speakers else None
    if last is not None and last.type == ORGANIZATION and last.gender in (None, mention.gender) and not last.place:
        return last
    return None


def _told_since(found: Sighting, candidates: list[Sighting], mention: Mention) -> Sighting | None:
    """ "The aide's account matches the experience of one member, Lisa Ferrante… She said": where the
    source acting last is an unnamed one of no known gender, a person named after it whom the article
    says is of the pronoun's gender (a named person of unknown gender keeps it: "Aparna Mathur said
    Ivanka Trump's statement… she said")."""
    if mention.gender is None or found.actor.gender is not None or found.actor.type != ANONYMOUS:
        return None
    told = [s for s in candidates if s.position > found.position and s.actor.gender == mention.gender]
    return told[-1] if told else None


def _cataphora(mention: Mention, history: History) -> Actor | None:
    """'Elle dénonce un acte qui « franchit toutes les limites ». La députée du Nord, Anne Catelin,
    s'est insurgée…': a pronoun with nobody before it, as an article opens, is the person named right
    after it, of the gender it tells."""
    if mention.plural or mention.gender is None:
        return None
    if any(s.actor.type in (PERSON, ANONYMOUS) for s in history.before(mention.start)):
        return None
    after = (
        s
        for s in history.sightings
        if s.position > mention.end
        and s.position - mention.end < CATAPHORA_WINDOW
        and s.actor.type == PERSON
        and s.actor.gender in (None, mention.gender)
    )
    found = next(after, None)
    return found.actor if found is not None else None
