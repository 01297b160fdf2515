"""Actors across articles: merge the mentions of one person or organisation, conservatively.

Rules, in order (deterministic: articles by publication date, then key):
1. the alias file (TOML) forces merges and canonical names, and lists names never merged by surname;
2. anonymous sources and unknown speakers are never merged across articles;
3. people merge on their full name (accents, case, honorifics and determiners aside); a surname
   written alone joins the one full name that has it, and stays apart when two people share it;
4. organisations merge on their name, an acronym ("ANP" / "Alliance Police Nationale"), their
   name without its kind ("le syndicat Unité Santé" / "Unité Santé"), or a one-word short form that
   begins exactly one longer name ("Alliance" / "Alliance Police nationale").
Each actor's organisation comes from its roles. `resolve_actors` rebuilds the actors table from
what the articles hold, so running it again after editing the alias file re-applies everything.
"""
from __future__ import annotations

import sqlite3
import tomllib
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .corrections import (ActorOverrides, actor_overrides, remember, remembered, set_correction_actors,
                          speaker_corrections)
from ..errors import AliasFileError
from ..extract.language import LANGUAGES, load_rules

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


def normalize(name: str) -> str:
    """'M. Gérald Darmanin’s' -> 'gerald darmanin'."""
    text = _ascii(name.replace("’s", " ").replace("'s", " ").replace("’", "'"))
    words = "".join(c if c.isalnum() else " " for c in text).split()
    return " ".join(w for w in words if w not in _dropped())


@dataclass
class Aliases:
    canonical: dict[str, str] = field(default_factory=dict)  # normalized alias -> canonical name
    splits: set[str] = field(default_factory=set)  # normalized names never merged by surname or short form

    @classmethod
    def load(cls, path: str | Path | None) -> "Aliases":
        """[[merge]] canonical = "...", aliases = ["...", ...]  /  [[split]] names = ["...", ...]"""
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
        return aliases


# What an alias file may hold: table -> {key: required}
ALIAS_SCHEMA = {"merge": {"canonical": True, "aliases": False}, "split": {"names": True}}


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
                names = [value] if field_name == "canonical" else value
                if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
                    raise AliasFileError(f"{where}: `{field_name}` must be "
                                         + ("a name" if field_name == "canonical" else "a list of names"))
            missing = [f for f, required in ALIAS_SCHEMA[key].items() if required and f not in entry]
            if missing:
                raise AliasFileError(f"{where}: missing `{missing[0]}`")


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


def _kind(actor_type: str) -> str | None:
    return {"person": _PERSON, "organization": _ORGANIZATION, "group": _ORGANIZATION}.get(actor_type)


def _organization_heads() -> set[str]:
    heads: set[str] = set()
    for language in LANGUAGES:
        heads |= {normalize(word) for word in load_rules(language).organization_heads}
    return heads


class _Keys:
    """Decides the corpus key of each name."""

    def __init__(self, names: list[tuple[str, str]], aliases: Aliases) -> None:
        self.aliases = aliases
        self.heads = _organization_heads()
        people = {normalize(n) for n, k in names if k == _PERSON}
        organizations = {normalize(n) for n, k in names if k == _ORGANIZATION}
        self.full_people = {n for n in people if len(n.split()) > 1}
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        for name in self.full_people:
            words = name.split()
            self.by_surname[words[-1]].add(name)
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

    def key(self, name: str, kind: str) -> str:
        normalized = normalize(name)
        if normalized in self.aliases.canonical:
            return f"{kind}:{normalize(self.aliases.canonical[normalized])}"
        if normalized in self.aliases.splits:
            return f"{kind}:{normalized}"
        if kind == _ORGANIZATION and len(normalized.split()) == 1 and len(self.by_surname.get(normalized, ())) == 1:
            kind = _PERSON  # "Obama" taken for an organisation once: the one person with that surname
        if kind == _PERSON:
            if len(normalized.split()) == 1:
                matches = self.by_surname.get(normalized, set())
                if len(matches) == 1:
                    return f"person:{next(iter(matches))}"
            return f"person:{normalized}"
        same_core = self.by_core.get(self.core(normalized))
        if same_core:  # every name with this core is one organisation: key it by the shortest
            return f"organization:{min(same_core, key=lambda n: (len(n), n))}"
        for index in (self.by_acronym.get(normalized),
                      self.by_first_word.get(normalized) if len(normalized.split()) == 1 else None):
            if index and len(index) == 1:
                return self.key(next(iter(index)), kind)
        return f"organization:{normalized}"


def resolve_actors(conn: sqlite3.Connection, aliases: Aliases | None = None) -> int:
    """Rebuild the corpus actors from the articles' actors and the reviewers' corrections (speakers
    named by a reviewer, merges and splits); return how many actors there are."""
    aliases = aliases or Aliases()
    overrides = actor_overrides(conn)
    rows = conn.execute(
        "SELECT aa.article_id, aa.local_id, aa.name, aa.type FROM article_actors aa "
        "JOIN articles a ON a.id = aa.article_id ORDER BY a.published IS NULL, a.published, a.key, aa.rowid").fetchall()
    corrected = speaker_corrections(conn)
    keys = _Keys([(r["name"], _kind(r["type"])) for r in rows if _kind(r["type"])]
                 + [(r["speaker_name"], _kind(r["speaker_type"])) for r in corrected], aliases)
    assignments: list[tuple[str, str, str]] = []  # (key, article_id, local_id)
    names: dict[str, Counter] = defaultdict(Counter)
    own_names: dict[str, Counter] = defaultdict(Counter)
    types: dict[str, str] = {}
    for row in rows:
        kind = _kind(row["type"])
        if kind:
            unmerged = _split_key(keys, overrides, row["name"], kind)
            key = overrides.merged(unmerged)
            if key == unmerged:
                own_names[key][row["name"]] += 1  # not merged in by a reviewer: the actor's own spelling
        else:
            key = f"{row['type']}:{row['article_id']}:{row['local_id']}"
        assignments.append((key, row["article_id"], row["local_id"]))
        names[key][row["name"]] += 1
        types.setdefault(key, "person" if key.startswith("person:") else row["type"])
    speaker_keys = {}
    for row in corrected:
        key = overrides.merged(_split_key(keys, overrides, row["speaker_name"], _kind(row["speaker_type"])))
        speaker_keys[(row["article_key"], row["quote_start"])] = key
        names[key][row["speaker_name"]] += 0  # named, but a correction does not outvote the articles' spelling
        types.setdefault(key, "person" if key.startswith("person:") else row["speaker_type"])
    displays: dict[str, str] = {}
    for key in [key for key, _, _ in assignments] + list(speaker_keys.values()):
        if key not in displays:
            alias = aliases.canonical.get(key.split(":", 1)[1]) if ":" in key else None
            counted = (own_names.get(key) or names[key]).most_common()
            displays[key] = alias or sorted(counted, key=lambda item: (-item[1], -len(item[0]), item[0]))[0][0]
    organizations = _organizations(conn, keys, assignments, displays)
    with conn:
        conn.execute("BEGIN")
        conn.execute("DELETE FROM actors")
        ids: dict[str, int] = {}
        for key in [key for key, _, _ in assignments] + list(speaker_keys.values()):
            if key not in ids:
                ids[key] = conn.execute("INSERT INTO actors (name, type, key, organization) VALUES (?, ?, ?, ?)",
                                        (displays[key], types[key], key, organizations.get(key))).lastrowid
        conn.executemany("UPDATE article_actors SET actor_id = ? WHERE article_id = ? AND local_id = ?",
                         [(ids[key], article_id, local_id) for key, article_id, local_id in assignments])
        set_correction_actors(conn, {anchor: ids[key] for anchor, key in speaker_keys.items()})
    return len(ids)


def _split_key(keys: _Keys, overrides: ActorOverrides, name: str, kind: str) -> str:
    """The key of a name after the reviewers' splits (a name split off an actor is an actor of its own)."""
    key = keys.key(name, kind)
    if normalize(name) in {normalize(split) for split in overrides.splits.get(key, ())}:
        key = f"{kind}:{normalize(name)}"
    return key


def _organizations(conn: sqlite3.Connection, keys: _Keys, assignments, displays: dict[str, str]) -> dict[str, str]:
    """Each actor's organisation: the one its roles name most often, under the name that
    organisation has as an actor when it is one ("syndicat Unité Santé" is "Unité Santé")."""
    local_to_key = {(article_id, local_id): key for key, article_id, local_id in assignments}
    counted: dict[str, Counter] = defaultdict(Counter)
    for row in conn.execute("SELECT article_id, local_actor, organization FROM roles WHERE organization IS NOT NULL"):
        key = local_to_key.get((row["article_id"], row["local_actor"]))
        if key:
            organization = displays.get(keys.key(row["organization"], _ORGANIZATION), row["organization"])
            counted[key][organization] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in counted.items()}
