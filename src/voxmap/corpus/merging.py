"""The merge decision: which corpus key each name written in an article takes (rules in
voxmap.corpus.actors' docstring); the alias file and the name's context decide."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

from ..extract.language import LANGUAGES, load_rules
from ..extract.media import is_outlet_name
from ..extract.offices import bare_name, institution_names
from .aliases import Aliases
from .names import (
    body_name,
    dropped_words,
    first_name_gender,
    first_names,
    honorific_gender,
    linking_words,
    normalize,
    normalize_word,
    parsed_name,
    person_key,
    surnames,
)

PERSON, ORGANIZATION = "person", "organization"


@lru_cache(maxsize=65536)
def merge_kind(actor_type: str, name: str | None = None) -> str | None:
    if actor_type == "person" and name and bare_name(name) in institution_names():
        return ORGANIZATION  # "Republicans", "the GOP" taken for a person
    return {"person": PERSON, "organization": ORGANIZATION, "group": ORGANIZATION, "media": ORGANIZATION}.get(
        actor_type
    )


@cache
def organization_heads() -> frozenset[str]:
    heads: set[str] = set()
    for language in LANGUAGES:
        rules = load_rules(language)
        # "la région Île-de-France" is a body of its own, not the place its name holds
        heads |= {normalize(word) for word in rules.organization_heads - rules.place_body_heads}
    return frozenset(heads)


def described(name: str) -> bool:
    """ "le secrétaire général du syndicat Rempart": an office holder the text did not name, whose last
    word is no surname for a short name to join."""
    words = name.split()
    first = words[0] if words else ""
    article = normalize_word(first.replace("’", "'").split("'")[0]) in dropped_words() | {"l"}
    # "Le patron de l'OMS" opening a sentence: a capital article, then a word in lower case
    elided = "'" in first.replace("’", "'")[:-1] and first.replace("’", "'").split("'", 1)[1][:1].islower()
    second_lower = len(words) > 1 and words[1][:1].islower()
    return article and (first[:1].islower() or second_lower or elided)


# A surname alone goes to the most prominent person of that name within this many days of its article.
PERIOD_DAYS = 60


# ...and over a person the article itself names with that surname only when this many times more prominent.
DOMINANCE = 10


@dataclass(frozen=True)
class NameContext:
    """Where a name is written: its article's day, the full names of people in that article, and the
    words of the titles written with this name there ("President" in "President Clinton")."""

    day: date | None
    full_names: frozenset[str]
    titles: frozenset[str]


def bare_core(name: str, heads: frozenset[str]) -> str:
    """`NameKeys.core` before its surname rule."""
    words = name.split()
    linked = next((i for i, w in enumerate(words) if w in linking_words()), len(words))
    if all(w in heads for w in words[:linked]):
        return ""  # every word of its own is a complement's
    return " ".join(w for w in words if w not in heads and w not in linking_words())


def mostly_places(counts: Iterable[tuple[str, int, int]]) -> frozenset[str]:
    """The names (normalised) read as a place in more than half of their mentions, from (name, mentions
    read as a place, mentions): one misread mention of a union does not make it a place."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name, places, mentions in counts:
        tally[normalize(name)][0] += places
        tally[normalize(name)][1] += mentions
    return frozenset(name for name, (places, mentions) in tally.items() if 2 * places > mentions)


class NameKeys:
    """Decides the corpus key of each name; `places`: the names (normalised) read as places, which no
    body named after them joins nor stands for ("New York University" is not New York, nor the NYPD)."""

    def __init__(self, names: list[tuple[str, str]], aliases: Aliases, places: frozenset[str] = frozenset()) -> None:
        self.aliases = aliases
        self.places = places
        self.heads = organization_heads()
        self.full_people: set[str] = set()
        # surnames written alone as a person somewhere ("Obama said"): only these may be a person typed
        # an organisation once, never "BFMTV", "ONU" or "Marseille" that a glued or misread name ends with
        self.alone_as_person = {
            normalized
            for n, k in names
            if k == PERSON and not described(n) and len((normalized := normalize(n)).split()) == 1
        }
        self.seen: dict[str, list[date]] = defaultdict(list)  # full name -> the days of its articles, in order
        self.titles: dict[str, set[str]] = defaultdict(set)  # full name -> the words of its roles' titles
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        for written in {n for n, k in names if k == PERSON and not described(n)}:
            key = person_key(written)
            if len(key.split()) > 1:
                self.full_people.add(key)
                for surname in surnames(written):
                    self.by_surname[surname].add(key)
        # "Wasserman Schultz" and "De Blasio" look like full names but are how a longer one is written short.
        short = {
            key
            for key in self.full_people
            if self.by_surname.get(key, set()) - {key} and key.split()[0] not in first_names()
        }
        self.full_people -= short
        for surname in list(self.by_surname):
            self.by_surname[surname] -= short
        self.organizations = {n for n in (self.body(n) for n, k in names if k == ORGANIZATION) if n}
        self.by_acronym: dict[str, set[str]] = defaultdict(set)
        self.by_core: dict[str, set[str]] = defaultdict(set)
        self.by_first_word: dict[str, set[str]] = defaultdict(set)
        # "Kremlin-Bicêtre": a word joined by a hyphen is no short form of the name ("Kremlin"); an
        # acronym is, of its branch ("CFDT-Cheminots")
        hyphenated = set()
        for written in {n for n, k in names if k == ORGANIZATION}:  # "RPN": Rempart Police nationale, whole
            words = normalize(written).split()
            first = written.split()[0] if written.split() else ""
            if len(normalize(first).split()) > 1 and not first.split("-")[0].isupper():
                hyphenated.add(self.body(written))
            if len(words) > 1:
                self.by_acronym["".join(w[0] for w in words)].add(self.body(written))
                # "OMS": Organisation mondiale de la santé, without its linking words
                content = [w for w in words if w not in linking_words()]
                if 1 < len(content) < len(words):
                    self.by_acronym["".join(w[0] for w in content)].add(self.body(written))
        for name in self.organizations:
            words = name.split()
            if len(words) > 1:
                self.by_acronym["".join(w[0] for w in words)].add(name)
                if name not in hyphenated:
                    self.by_first_word[words[0]].add(name)
            core = self.core(name)
            if core:
                self.by_core[core].add(name)

    def body(self, name: str) -> str:
        """`names.body_name`, unless what it leaves is a person's surname: a body named after a person
        ("Trump campaign", "Trump University", "Clinton Foundation") is neither the person nor another
        body of theirs, so it keeps its whole name."""
        body = body_name(name)
        if self.a_surname(body):
            return normalize(name) or body
        return body

    def a_surname(self, words: str) -> bool:
        """Whether these words are one word, the surname of a person the corpus names in full."""
        return len(words.split()) == 1 and bool(self.by_surname.get(words))

    def core(self, name: str) -> str:
        """A body's name without the words of its kind ("syndicat alliance" → "alliance"). A name whose
        words before any linking word are all of its kind has none: "préfecture de police de Paris"
        never becomes "Paris"; one whose core is a person's surname is its whole name."""
        core = bare_core(name, self.heads)
        return name if self.a_surname(core) else core

    def key(self, name: str, kind: str, context: NameContext | None = None) -> str:
        return self.resolve(name, kind, context)[0]

    def resolve(self, name: str, kind: str, context: NameContext | None = None, followed: int = 0) -> tuple[str, str]:
        """(corpus key, the rule that decided it) of a name written in an article (`context`);
        `followed`: how many short forms led here (two names may each be the other's acronym)."""
        normalized = normalize(name)
        if normalized in self.aliases.canonical:
            return f"{kind}:{normalize(self.aliases.canonical[normalized])}", "alias file"
        if normalized in self.aliases.splits:
            return f"{kind}:{normalized}", "kept apart by the alias file"
        if (
            kind == ORGANIZATION
            and len(normalized.split()) == 1
            and len(self.by_surname.get(normalized, ())) == 1
            and normalized in self.alone_as_person
            and not is_outlet_name(name)  # "Le Parisien", though the model once read "Parisien" as a person
            and normalized not in _institution_keys()  # "Elysée" unaccented is still the Élysée
        ):
            kind = PERSON  # "Obama" taken for an organisation once: the one person with that surname
        if kind == PERSON:
            if len(normalized.split()) == 1 or (
                normalized in self.by_surname
                and normalized not in self.full_people
                and normalize(parsed_name(name).first) not in first_names()
            ):
                return self._surname(normalized, name, context)  # "Obama", "de Blasio", "Wasserman Schultz"
            key = person_key(name)
            return f"person:{key}", "same name" if key == normalized else "same first and last name"
        body = self.body(name)  # "Alliance police nationale", "Alliance 93": Alliance
        core = self.core(body)
        same_core = self.by_core.get(core) if core not in self.places else None
        if same_core and same_core != {body}:  # every name with this core is one organisation: key it by the shortest
            shortest = min(same_core, key=lambda n: (len(n), n))
            return f"organization:{shortest}", "same name" if shortest == normalized else "same name without its kind"
        for index, rule in (
            (self.by_acronym.get(body), "acronym"),
            (
                self.by_first_word.get(body) if len(body.split()) == 1 and body not in self.places else None,
                "short form",
            ),
        ):
            if index and len(index) == 1 and followed < 2:
                return self.resolve(next(iter(index)), kind, None, followed + 1)[0], rule
        return f"organization:{body}", "same name" if body == normalized else "same name without its kind"

    def _surname(self, surname: str, written: str, context: NameContext | None) -> tuple[str, str]:
        """A surname alone ("Trump", "Mrs. Clinton", "President Obama"): the person the article names in full
        with it; else the one full name in the corpus with it; else the most prominent of them in the period
        (preferring people whose roles carry the title written here); else left apart."""
        matches = self.by_surname.get(surname, set())
        alone = (
            f"person:{surname}",
            "surname left apart: no full name with it" if not matches else "surname left apart: several people have it",
        )
        if context is not None:
            in_article = matches & context.full_names
            if len(in_article) == 1:
                named = next(iter(in_article))
                dominant = self._dominant(matches, context, written)
                if dominant is None or dominant[0] == named:
                    return f"person:{named}", "surname: the one person of that name in the article"
                return f"person:{dominant[0]}", (
                    f"surname: the most prominent of that name within {PERIOD_DAYS} "
                    f"days ({dominant[1]} articles), though the article names "
                    f"another ({self._articles_near(named, context.day)})"
                )
            if in_article:
                return alone
        if len(matches) == 1:
            return f"person:{next(iter(matches))}", "surname: the one full name with it in the corpus"
        if not matches:
            return alone
        candidates = set(matches)
        titled = {m for m in candidates if context is not None and self.titles[m] & context.titles}
        candidates = titled or candidates
        gender = honorific_gender(written)
        if gender:
            candidates = {m for m in candidates if first_name_gender(m) in (gender, None)} or candidates
        day = context.day if context is not None else None
        counted = sorted(((self._articles_near(m, day), m) for m in candidates), reverse=True)
        if counted[0][0] == 0 or (len(counted) > 1 and counted[1][0] == counted[0][0]):
            return alone
        best, runner_up = counted[0], (counted[1][0] if len(counted) > 1 else 0)
        why = "with the title written here, " if titled else ""
        return f"person:{best[1]}", (
            f"surname: {why}the most prominent of that name within {PERIOD_DAYS} days "
            f"({best[0]} articles, next {runner_up})"
        )

    def _dominant(self, matches: set[str], context: NameContext, written: str) -> tuple[str, int] | None:
        """The person of this surname who dwarfs the others in the period (DOMINANCE times the next), when
        nothing written with the surname ("Mrs.", a title) points elsewhere: "Trump" in an article that
        also names Eric Trump is still, most often, Donald Trump."""
        gender = honorific_gender(written)
        counted = sorted(((self._articles_near(m, context.day), m) for m in matches), reverse=True)
        best, runner_up = counted[0], counted[1][0] if len(counted) > 1 else 0
        if (
            best[0] < DOMINANCE * max(runner_up, 1)
            or context.titles
            or (gender and first_name_gender(best[1]) not in (gender, None))
        ):
            return None
        return best[1], best[0]

    def _articles_near(self, full_name: str, day: date | None) -> int:
        days = self.seen.get(full_name, [])
        if day is None:
            return len(days)
        return bisect_right(days, day + timedelta(days=PERIOD_DAYS)) - bisect_left(
            days, day - timedelta(days=PERIOD_DAYS)
        )


@cache
def _institution_keys() -> frozenset[str]:
    """The known institutions' names as name keys (accents and case aside)."""
    return frozenset(normalize(name) for name in institution_names())
