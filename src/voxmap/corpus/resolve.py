"""Actors across articles: merge the mentions of one person or organisation, conservatively.

Rules, in order (deterministic: articles by publication date, then key):
1. the alias file (TOML) forces merges and canonical names, and lists names never merged by surname;
2. anonymous sources and unknown speakers are never merged across articles;
3. people merge on their full name (accents, case, honorifics and determiners aside); a surname
   written alone joins the one full name that has it, and stays apart when two people share it;
4. organisations merge on their name, an acronym ("ANP" / "Alliance Police Nationale"), their
   name without its kind ("le syndicat Unité Santé" / "Unité Santé"), or a one-word short form that
   begins exactly one longer name ("Alliance" / "Alliance Police nationale").
Each actor's organisation comes from its current roles; the voice it speaks with in each
article is set by voxmap.corpus.article_voices. `resolve_actors` rebuilds the actors table from
what the articles hold, so running it again after editing the alias file re-applies everything.
"""
from __future__ import annotations

import hashlib
import sqlite3
import tomllib
from bisect import bisect_left, bisect_right
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path

from nameparser import HumanName

from .article_voices import VoiceOverride, assign_voices
from .corrections import (ActorOverrides, actor_overrides, remember, remembered, set_correction_actors,
                          speaker_corrections)
from ..errors import AliasFileError
from ..extract.language import LANGUAGES, load_rules
from ..extract.offices import bare_name, institution_names

_PERSON, _ORGANIZATION = "person", "organization"


def _ascii(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii").lower()


@cache
def _dropped() -> frozenset[str]:
    """Words a name keeps or loses without changing whom it names: every language's definite
    articles and honorifics ("the", "le", "M.", "Mrs")."""
    words: set[str] = set()
    for language in LANGUAGES:
        rules = load_rules(language)
        for word in rules.articles | set().union(*rules.honorifics.values()):
            words.update("".join(c if c.isalnum() else " " for c in _ascii(word)).split())
    return frozenset(words)


@cache
def _linking_words() -> frozenset[str]:
    """Prepositions inside organisation names ("of", "de"), from the rules' organisation prepositions."""
    words: set[str] = set()
    for language in LANGUAGES:
        for word in load_rules(language).organization_prepositions:
            words.update("".join(c if c.isalnum() else " " for c in _ascii(word)).split())
    return frozenset(words)


@lru_cache(maxsize=262144)
def normalize(name: str) -> str:
    """'M. Gérald Darmanin’s' -> 'gerald darmanin'."""
    text = _ascii(name.replace("’s", " ").replace("'s", " ").replace("’", "'"))
    words = "".join(c if c.isalnum() else " " for c in text).split()
    return " ".join(w for w in words if w not in _dropped())


@dataclass
class Aliases:
    canonical: dict[str, str] = field(default_factory=dict)  # normalized alias -> canonical name
    splits: set[str] = field(default_factory=set)  # normalized names never merged by surname or short form
    voices: list[VoiceOverride] = field(default_factory=list)  # whom an actor speaks for, when the roles say wrong

    @classmethod
    def load(cls, path: str | Path | None) -> "Aliases":
        """[[merge]] canonical = "...", aliases = ["...", ...]  /  [[split]] names = ["...", ...]  /
        [[voice]] actor = "...", voice = "...", since = "YYYY-MM-DD", until = "YYYY-MM-DD" (dates optional)"""
        return cls.parse(read_alias_file(path), str(path)) if path is not None else cls()

    @classmethod
    def parse(cls, text: str, origin: str = "alias file") -> "Aliases":
        """The aliases a file's text declares; AliasFileError naming the first thing it does not understand."""
        try:
            table = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise AliasFileError(f"{origin}: invalid TOML ({error})") from None
        _check_aliases(table, origin)
        aliases = cls()
        for merge in table.get("merge", []):
            for name in [merge["canonical"], *merge.get("aliases", [])]:
                aliases.canonical[normalize(name)] = merge["canonical"]
        for split in table.get("split", []):
            aliases.splits.update(normalize(name) for name in split.get("names", []))
        for voice in table.get("voice", []):
            aliases.voices.append(VoiceOverride(voice["actor"], voice["voice"], voice.get("since"), voice.get("until")))
        return aliases


# What an alias file may hold: table -> {key: required}
ALIAS_SCHEMA = {"merge": {"canonical": True, "aliases": False}, "split": {"names": True},
                "voice": {"actor": True, "voice": True, "since": False, "until": False}}
_ONE_NAME = {"canonical", "actor", "voice"}  # keys that take one name; "aliases" and "names" take lists
_DATES = {"since", "until"}


def _check_aliases(table: dict, origin: str) -> None:
    for key, entries in table.items():
        if key not in ALIAS_SCHEMA:
            raise AliasFileError(f"{origin}: unknown table `{key}` (voxmap reads {', '.join(ALIAS_SCHEMA)})")
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise AliasFileError(f"{origin}: `{key}` must be written as [[{key}]] tables")
        for number, entry in enumerate(entries, start=1):
            where = f"{origin}: [[{key}]] number {number}"
            for field_name, value in entry.items():
                if field_name not in ALIAS_SCHEMA[key]:
                    raise AliasFileError(f"{where}: unknown key `{field_name}` "
                                         f"(it takes {', '.join(ALIAS_SCHEMA[key])})")
                if field_name in _DATES:
                    if not _is_date(value):
                        raise AliasFileError(f"{where}: `{field_name}` must be a date written YYYY-MM-DD")
                    continue
                names = [value] if field_name in _ONE_NAME else value
                if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
                    raise AliasFileError(f"{where}: `{field_name}` must be "
                                         + ("a name" if field_name in _ONE_NAME else "a list of names"))
            missing = [f for f, required in ALIAS_SCHEMA[key].items() if required and f not in entry]
            if missing:
                raise AliasFileError(f"{where}: missing `{missing[0]}`")


def _is_date(value) -> bool:
    from datetime import date

    try:
        return isinstance(value, str) and len(value) == 10 and bool(date.fromisoformat(value))
    except ValueError:
        return False


def read_alias_file(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AliasFileError(f"alias file {path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise AliasFileError(f"alias file {path}: unreadable ({error.__class__.__name__})") from None


def aliases_for(conn: sqlite3.Connection, path: str | Path | None) -> Aliases:
    """The alias file given now, remembered in the store; without one, the one applied last, so that
    a later resolution (after a review correction, say) keeps applying it."""
    if path is not None:
        text = read_alias_file(path)
        aliases = Aliases.parse(text, str(path))  # checked before remembering: a broken file replaces nothing
        with conn:
            remember(conn, "aliases", text)
        return aliases
    text = remembered(conn, "aliases")
    return Aliases.parse(text) if text else Aliases()


def _kind(actor_type: str, name: str | None = None) -> str | None:
    if actor_type == "person" and name and bare_name(name) in institution_names():
        return _ORGANIZATION  # "Republicans", "the GOP" taken for a person
    return {"person": _PERSON, "organization": _ORGANIZATION, "group": _ORGANIZATION}.get(actor_type)


def _organization_heads() -> set[str]:
    heads: set[str] = set()
    for language in LANGUAGES:
        heads |= {normalize(word) for word in load_rules(language).organization_heads}
    return heads


# A surname alone goes to the most prominent person of that name within this many days of its article.
PERIOD_DAYS = 60
# ...and over a person the article itself names with that surname only when this many times more prominent.
DOMINANCE = 10


@dataclass(frozen=True)
class Context:
    """Where a name is written: its article's day, the full names of people in that article, and the
    words of the titles written with this name there ("President" in "President Clinton")."""
    day: date | None
    full_names: frozenset[str]
    titles: frozenset[str]


def person_key(name: str) -> str:
    """A person's first and last name, normalized: "Paul D. Ryan" and "Hillary Rodham Clinton" are
    "paul ryan" and "hillary clinton" (nameparser reads the parts); two first names never merge."""
    normalized = normalize(name)
    if len(normalized.split()) < 2:
        return normalized
    parsed = _parsed(name)
    first, last, suffix = normalize(parsed.first), normalize(parsed.last), normalize(parsed.suffix)
    if first and last and len(first.split()) == 1:
        return f"{first} {last} {suffix}".strip()  # "Donald Trump Jr." is not his father
    return normalized


@lru_cache(maxsize=65536)
def _parsed(name: str) -> HumanName:
    """nameparser's reading of a name, once per name (it costs about half a millisecond)."""
    return HumanName(name)


def surnames(name: str) -> set[str]:
    """The ways a person's surname may be written alone: "de Blasio" ("Bill de Blasio"), "Schultz" and
    "Wasserman Schultz" ("Debbie Wasserman Schultz", whose middle word may be part of the surname)."""
    parsed = _parsed(name)
    last = normalize(parsed.last)
    forms = {last, last.split()[-1]} if last else set()
    middle = [w for w in parsed.middle.split() if len(w.strip(".")) > 1]
    if last and middle and normalize(middle[-1]) not in _first_names():  # "GOP Donald Trump" has no surname "Donald Trump"
        forms.add(normalize(f"{middle[-1]} {parsed.last}"))
    return {form for form in forms if form}


@cache
def _first_names() -> frozenset[str]:
    names: set[str] = set()
    for language in LANGUAGES:
        for listed in load_rules(language).first_names.values():
            names |= {normalize_word(n) for n in listed}
    return frozenset(names)


def _honorific_gender(written: str) -> str | None:
    first = normalize_word(written.split()[0]) if written.split() else ""
    for language in LANGUAGES:
        honorifics = load_rules(language).honorifics
        for gender in ("masculine", "feminine"):
            if first and first in {normalize_word(h) for h in honorifics[gender]}:
                return gender
    return None


def _first_name_gender(full_name: str) -> str | None:
    first = full_name.split()[0]
    for language in LANGUAGES:
        for gender, names in load_rules(language).first_names.items():
            if first in {normalize_word(n) for n in names}:
                return gender
    return None


def normalize_word(word: str) -> str:
    return "".join(c for c in _ascii(word) if c.isalnum())


class _Keys:
    """Decides the corpus key of each name."""

    def __init__(self, names: list[tuple[str, str]], aliases: Aliases) -> None:
        self.aliases = aliases
        self.heads = _organization_heads()
        organizations = {normalize(n) for n, k in names if k == _ORGANIZATION}
        self.full_people: set[str] = set()
        self.seen: dict[str, list[date]] = defaultdict(list)  # full name -> the days of its articles, in order
        self.titles: dict[str, set[str]] = defaultdict(set)  # full name -> the words of its roles' titles
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        for written in {n for n, k in names if k == _PERSON}:
            key = person_key(written)
            if len(key.split()) > 1:
                self.full_people.add(key)
                for surname in surnames(written):
                    self.by_surname[surname].add(key)
        # "Wasserman Schultz" and "De Blasio" look like full names but are how a longer one is written short.
        short = {key for key in self.full_people if self.by_surname.get(key, set()) - {key}
                 and key.split()[0] not in _first_names()}
        self.full_people -= short
        for surname in list(self.by_surname):
            self.by_surname[surname] -= short
        self.organizations = {n for n in organizations if n}
        self.by_acronym: dict[str, set[str]] = defaultdict(set)
        self.by_core: dict[str, set[str]] = defaultdict(set)
        self.by_first_word: dict[str, set[str]] = defaultdict(set)
        for name in self.organizations:
            words = name.split()
            if len(words) > 1:
                self.by_acronym["".join(w[0] for w in words)].add(name)
                self.by_first_word[words[0]].add(name)
            core = self.core(name)
            if core:
                self.by_core[core].add(name)

    def core(self, name: str) -> str:
        return " ".join(w for w in name.split() if w not in self.heads and w not in _linking_words())

    def key(self, name: str, kind: str, context: Context | None = None) -> str:
        return self.resolve(name, kind, context)[0]

    def resolve(self, name: str, kind: str, context: Context | None = None) -> tuple[str, str]:
        """(corpus key, the rule that decided it) of a name written in an article (`context`)."""
        normalized = normalize(name)
        if normalized in self.aliases.canonical:
            return f"{kind}:{normalize(self.aliases.canonical[normalized])}", "alias file"
        if normalized in self.aliases.splits:
            return f"{kind}:{normalized}", "kept apart by the alias file"
        if kind == _ORGANIZATION and len(normalized.split()) == 1 and len(self.by_surname.get(normalized, ())) == 1 \
                and bare_name(name) not in institution_names():
            kind = _PERSON  # "Obama" taken for an organisation once: the one person with that surname
        if kind == _PERSON:
            if len(normalized.split()) == 1 or (normalized in self.by_surname and normalized not in self.full_people
                                                and normalize(_parsed(name).first) not in _first_names()):
                return self._surname(normalized, name, context)  # "Obama", "de Blasio", "Wasserman Schultz"
            key = person_key(name)
            return f"person:{key}", "same name" if key == normalized else "same first and last name"
        same_core = self.by_core.get(self.core(normalized))
        if same_core:  # every name with this core is one organisation: key it by the shortest
            shortest = min(same_core, key=lambda n: (len(n), n))
            return f"organization:{shortest}", "same name" if shortest == normalized else "same name without its kind"
        for index, rule in ((self.by_acronym.get(normalized), "acronym"),
                            (self.by_first_word.get(normalized) if len(normalized.split()) == 1 else None, "short form")):
            if index and len(index) == 1:
                return self.key(next(iter(index)), kind), rule
        return f"organization:{normalized}", "same name"

    def _surname(self, surname: str, written: str, context: Context | None) -> tuple[str, str]:
        """A surname alone ("Trump", "Mrs. Clinton", "President Obama"): the person the article names in full
        with it; else the one full name in the corpus with it; else the most prominent of them in the period
        (preferring people whose roles carry the title written here); else left apart."""
        matches = self.by_surname.get(surname, set())
        alone = (f"person:{surname}", "surname left apart: no full name with it" if not matches else
                 "surname left apart: several people have it")
        if context is not None:
            in_article = matches & context.full_names
            if len(in_article) == 1:
                named = next(iter(in_article))
                dominant = self._dominant(matches, context, written)
                if dominant is None or dominant[0] == named:
                    return f"person:{named}", "surname: the one person of that name in the article"
                return f"person:{dominant[0]}", (f"surname: the most prominent of that name within {PERIOD_DAYS} "
                                                 f"days ({dominant[1]} articles), though the article names "
                                                 f"another ({self._articles_near(named, context.day)})")
            if in_article:
                return alone
        if len(matches) == 1:
            return f"person:{next(iter(matches))}", "surname: the one full name with it in the corpus"
        if not matches:
            return alone
        candidates = set(matches)
        titled = {m for m in candidates if context is not None and self.titles[m] & context.titles}
        candidates = titled or candidates
        gender = _honorific_gender(written)
        if gender:
            candidates = {m for m in candidates if _first_name_gender(m) in (gender, None)} or candidates
        day = context.day if context is not None else None
        counted = sorted(((self._articles_near(m, day), m) for m in candidates), reverse=True)
        if counted[0][0] == 0 or (len(counted) > 1 and counted[1][0] == counted[0][0]):
            return alone
        best, runner_up = counted[0], (counted[1][0] if len(counted) > 1 else 0)
        why = "with the title written here, " if titled else ""
        return f"person:{best[1]}", (f"surname: {why}the most prominent of that name within {PERIOD_DAYS} days "
                                     f"({best[0]} articles, next {runner_up})")

    def _dominant(self, matches: set[str], context: Context, written: str) -> tuple[str, int] | None:
        """The person of this surname who dwarfs the others in the period (DOMINANCE times the next), when
        nothing written with the surname ("Mrs.", a title) points elsewhere: "Trump" in an article that
        also names Eric Trump is still, most often, Donald Trump."""
        gender = _honorific_gender(written)
        counted = sorted(((self._articles_near(m, context.day), m) for m in matches), reverse=True)
        best, runner_up = counted[0], counted[1][0] if len(counted) > 1 else 0
        if best[0] < DOMINANCE * max(runner_up, 1) or context.titles or \
                (gender and _first_name_gender(best[1]) not in (gender, None)):
            return None
        return best[1], best[0]

    def _articles_near(self, full_name: str, day: date | None) -> int:
        days = self.seen.get(full_name, [])
        if day is None:
            return len(days)
        return bisect_right(days, day + timedelta(days=PERIOD_DAYS)) - bisect_left(days, day - timedelta(days=PERIOD_DAYS))


def resolve_actors(conn: sqlite3.Connection, aliases: Aliases | None = None) -> int:
    """Rebuild the corpus actors from the articles' actors and the reviewers' corrections (speakers
    named by a reviewer, merges and splits); return how many actors there are."""
    aliases = aliases or Aliases()
    overrides = actor_overrides(conn)
    rows = conn.execute(
        "SELECT aa.article_id, aa.local_id, aa.name, aa.type, aa.actor_id, a.published FROM article_actors aa "
        "JOIN articles a ON a.id = aa.article_id ORDER BY a.published IS NULL, a.published, a.key, aa.rowid").fetchall()
    corrected = speaker_corrections(conn)
    keys = _Keys([(r["name"], _kind(r["type"], r["name"])) for r in rows if _kind(r["type"])]
                 + [(r["speaker_name"], _kind(r["speaker_type"])) for r in corrected], aliases)
    contexts = _contexts(conn, rows, keys)
    assignments: list[tuple[str, str, str]] = []  # (key, article_id, local_id)
    rules: list[str | None] = []
    names: dict[str, Counter] = defaultdict(Counter)
    own_names: dict[str, Counter] = defaultdict(Counter)
    types: dict[str, str] = {}
    for row in rows:
        kind = _kind(row["type"], row["name"])
        rule = None
        if kind:
            unmerged, rule = _split_key(keys, overrides, row["name"], kind, contexts.get(row["article_id"],
                                                                                  {}).get(row["local_id"]))
            key = overrides.merged(unmerged)
            if key == unmerged:
                own_names[key][row["name"]] += 1  # not merged in by a reviewer: the actor's own spelling
            else:
                rule = "merged by a reviewer"
        else:
            key = f"{row['type']}:{row['article_id']}:{row['local_id']}"
        assignments.append((key, row["article_id"], row["local_id"]))
        rules.append(rule)
        names[key][row["name"]] += 1
        types.setdefault(key, "person" if key.startswith("person:") else
                         "organization" if row["type"] == "person" else row["type"])
    speaker_keys = {}
    for row in corrected:
        key = overrides.merged(_split_key(keys, overrides, row["speaker_name"], _kind(row["speaker_type"]))[0])
        speaker_keys[(row["article_key"], row["quote_start"])] = key
        names[key][row["speaker_name"]] += 0  # named, but a correction does not outvote the articles' spelling
        types.setdefault(key, "person" if key.startswith("person:") else row["speaker_type"])
    displays: dict[str, str] = {}
    for key in [key for key, _, _ in assignments] + list(speaker_keys.values()):
        if key not in displays:
            alias = aliases.canonical.get(key.split(":", 1)[1]) if ":" in key else None
            counted = (own_names.get(key) or names[key]).most_common()
            full = key.startswith("person:") and len(key.split()) > 1  # shown by a full name, not "Obama"
            displays[key] = alias or sorted(counted, key=lambda item: (
                -(full and len(normalize(item[0]).split()) > 1), -item[1], -len(item[0]), item[0]))[0][0]
    organizations = _organizations(conn, keys, assignments, displays)
    with conn:
        conn.execute("BEGIN")
        conn.execute("DELETE FROM actors")
        ids: dict[str, int] = {}
        taken: set[int] = set()
        for key in [key for key, _, _ in assignments] + list(speaker_keys.values()):
            if key not in ids:
                ids[key] = stable_id(key, taken)
                taken.add(ids[key])
                conn.execute("INSERT INTO actors (id, name, type, key, organization) VALUES (?, ?, ?, ?, ?)",
                             (ids[key], displays[key], types[key], key, organizations.get(key)))
        conn.executemany("UPDATE article_actors SET actor_id = ?, resolved_by = ? WHERE article_id = ? AND local_id = ?",
                         [(ids[key], rule, article_id, local_id)
                          for (key, article_id, local_id), rule in zip(assignments, rules)])
        _redirect(conn, rows, assignments, ids)
        set_correction_actors(conn, {anchor: ids[key] for anchor, key in speaker_keys.items()})
    assign_voices(conn, _voice_overrides(aliases, keys, ids), lambda name: _shown(name, keys, displays))
    return len(ids)


def _shown(institution: str, keys: _Keys, displays: dict[str, str]) -> str:
    """The name an institution goes by as a corpus actor: under its own name, without its kind when what
    remains is still a name of two words or more ("syndicat Unité Santé" / "Unité Santé", but "Sanders
    campaign" is not "Sanders"), or a one-word short form or acronym ("Alliance", "ANP")."""
    key, rule = keys.resolve(institution, _ORGANIZATION)
    one_word = len(normalize(institution).split()) == 1
    if rule == "same name" or (rule == "same name without its kind" and len(keys.core(normalize(institution)).split()) > 1) \
            or (rule in ("short form", "acronym") and one_word):
        return displays.get(key, institution)
    return institution


def _voice_overrides(aliases: Aliases, keys: _Keys, ids: dict[str, int]) -> dict[int, list[VoiceOverride]]:
    """The alias file's voice overrides by corpus actor id (the actor named as a person, else an organisation)."""
    overrides: dict[int, list[VoiceOverride]] = defaultdict(list)
    for override in aliases.voices:
        for kind in (_PERSON, _ORGANIZATION):
            actor_id = ids.get(keys.key(override.actor, kind))
            if actor_id is not None:
                overrides[actor_id].append(override)
                break
    return overrides


def _split_key(keys: _Keys, overrides: ActorOverrides, name: str, kind: str,
               context: Context | None = None) -> tuple[str, str]:
    """The key of a name, and the rule, after the reviewers' splits (a name split off an actor is an actor
    of its own)."""
    key, rule = keys.resolve(name, kind, context)
    if normalize(name) in {normalize(split) for split in overrides.splits.get(key, ())}:
        key, rule = f"{kind}:{normalize(name)}", "split off by a reviewer"
    return key, rule


def stable_id(key: str, taken: set[int]) -> int:
    """An actor's id, derived from its key so that links to it survive re-resolution: 52 bits of its
    SHA-1 (exact in JavaScript), the next free number in the rare case of a collision."""
    number = int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:13], 16) or 1
    while number in taken:
        number += 1
    return number


def _redirect(conn: sqlite3.Connection, rows, assignments, ids: dict[str, int]) -> None:
    """An actor id that no longer exists (merged into another) points to the actor that now holds most of
    its mentions; redirects to an id that vanished in turn follow it."""
    now = {(article_id, local_id): ids[key] for key, article_id, local_id in assignments}
    live = set(ids.values())
    moved: dict[int, Counter] = defaultdict(Counter)
    for row in rows:
        if row["actor_id"] is not None and row["actor_id"] not in live:
            moved[row["actor_id"]][now[(row["article_id"], row["local_id"])]] += 1
    conn.executemany("INSERT OR REPLACE INTO actor_redirects (old_id, actor_id) VALUES (?, ?)",
                     [(old, counter.most_common(1)[0][0]) for old, counter in moved.items()])
    for old, target in conn.execute("SELECT old_id, actor_id FROM actor_redirects").fetchall():
        if old in live:
            conn.execute("DELETE FROM actor_redirects WHERE old_id = ?", (old,))
        elif target not in live:
            follow = conn.execute("SELECT actor_id FROM actor_redirects WHERE old_id = ?", (target,)).fetchone()
            if follow is not None and follow[0] in live:
                conn.execute("UPDATE actor_redirects SET actor_id = ? WHERE old_id = ?", (follow[0], old))
            else:
                conn.execute("DELETE FROM actor_redirects WHERE old_id = ?", (old,))


def _contexts(conn: sqlite3.Connection, rows, keys: _Keys) -> dict[str, dict[str, Context]]:
    """Each named actor's context in its article, and, on `keys`, the days and titles of full names."""
    titles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for role in conn.execute("SELECT article_id, local_actor, title FROM roles"):
        titles[(role["article_id"], role["local_actor"])].update(
            w for w in normalize(role["title"]).split() if w not in _title_noise() and len(w) > 2)
    full_names: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row["type"] == "person" and len(normalize(row["name"]).split()) > 1:
            name = person_key(row["name"])
            full_names[row["article_id"]].add(name)
            keys.titles[name] |= titles.get((row["article_id"], row["local_id"]), set())
            day = _day_of(row["published"])
            if day is not None:
                keys.seen[name].append(day)
    for days in keys.seen.values():
        days.sort()
    contexts: dict[str, dict[str, Context]] = defaultdict(dict)
    for row in rows:
        contexts[row["article_id"]][row["local_id"]] = Context(
            _day_of(row["published"]), frozenset(full_names.get(row["article_id"], ())),
            frozenset(titles.get((row["article_id"], row["local_id"]), ())))
    return contexts


@cache
def _title_noise() -> frozenset[str]:
    """Words of a title that do not tell two holders apart: "former", "of", "the"."""
    words = set(_linking_words()) | set(_dropped())
    for language in LANGUAGES:
        words |= {normalize_word(w) for w in load_rules(language).former_markers}
    return frozenset(words)


def _day_of(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _organizations(conn: sqlite3.Connection, keys: _Keys, assignments, displays: dict[str, str]) -> dict[str, str]:
    """Each actor's organisation: the institution its current roles name most often (voxmap.extract.offices),
    under the name that organisation has as an actor when it is one ("syndicat Unité Santé" is "Unité Santé")."""
    local_to_key = {(article_id, local_id): key for key, article_id, local_id in assignments}
    counted: dict[str, Counter] = defaultdict(Counter)
    for row in conn.execute("SELECT article_id, local_actor, institution FROM roles "
                            "WHERE institution IS NOT NULL AND former = 0"):
        key = local_to_key.get((row["article_id"], row["local_actor"]))
        if key:
            organization = displays.get(keys.key(row["institution"], _ORGANIZATION), row["institution"])
            counted[key][organization] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in counted.items()}
