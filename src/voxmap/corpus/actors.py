"""Actors across articles: merge the mentions of one person or organisation, conservatively.

Rules, in order (deterministic: articles by publication date, then key):
1. the alias file (TOML) forces merges and canonical names, and lists names never merged by surname;
2. anonymous sources and unknown speakers are never merged across articles;
3. people merge on their full name (accents, case, honorifics and determiners aside); a surname
   written alone joins the one full name that has it, and stays apart when two people share it;
4. organisations merge on their name, an acronym ("RNP" / "Rempart Police Nationale"), their
   name without its kind ("le syndicat Unité Santé" / "Unité Santé"), or a one-word short form that
   begins exactly one longer name ("Rempart" / "Rempart Police nationale").
Each actor's organisation comes from its current roles; the voice it speaks with in each
article is set by voxmap.corpus.article_voices. `rebuild_actors` rebuilds the actors table from
what the articles hold, so running it again after editing the alias file re-applies everything.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from ..extract.language import LANGUAGES, load_rules
from .actor_tokens import remember_resolved, store_tokens
from .aliases import Aliases
from .article_voices import VOICES_OF_ALL, VoiceOverride
from .corrections import ActorOverrides, actor_overrides, remember, set_correction_actors, speaker_corrections
from .merging import (
    ORGANIZATION,
    PERSON,
    NameContext,
    NameKeys,
    described,
    merge_kind,
    mostly_places,
    organization_heads,
)
from .names import (
    NameParts,
    dropped_words,
    first_name_gender,
    known_parts,
    linking_words,
    normalize,
    normalize_word,
    parsed_names,
    person_key,
)
from .store.db import chunks, marks, stable_number
from .stored_actors import stored_places
from .summaries import bump_version


@dataclass(frozen=True)
class Resolution:
    """What the actors stage decided, for the article-voices stage: how many actors there are, the
    alias file's voice overrides by actor id, and the name an institution goes by as a corpus actor."""

    actors: int
    voice_overrides: dict[int, list[VoiceOverride]]
    shown: Callable[[str], str]
    touched: set[int] | None = None  # the actors whose mentions or row may have changed (None: any)
    # Of the touched, those every mention of which may speak with another voice (their name, type or
    # role-bearing mentions changed); the others' voices change only at `moved`, the mentions that
    # changed actor (None: read every mention of the touched).
    reread: set[int] | None = None
    moved: set[tuple[str, str]] | None = None


def rebuild_actors(conn: sqlite3.Connection, aliases: Aliases | None = None, full: bool = False) -> Resolution:
    """Rebuild the corpus actors from the articles' actors and the reviewers' corrections (speakers
    named by a reviewer, merges and splits). Names parsed before are read from the store (`full`:
    parsed again)."""
    aliases = aliases or Aliases()
    stored = _stored_name_parts(conn, full)
    overrides = actor_overrides(conn)
    rows = conn.execute(
        "SELECT aa.article_id, aa.local_id, aa.name, aa.type, aa.actor_id, aa.resolved_by, aa.gender, a.published "
        "FROM article_actors aa "
        "JOIN articles a ON a.id = aa.article_id ORDER BY a.published IS NULL, a.published, a.key, aa.rowid"
    ).fetchall()
    corrected = speaker_corrections(conn)
    keys = NameKeys(
        [(r["name"], merge_kind(r["type"], r["name"])) for r in rows if merge_kind(r["type"])]
        + [(r["speaker_name"], merge_kind(r["speaker_type"])) for r in corrected],
        aliases,
        mostly_places(stored_places(conn)),
    )
    contexts = _contexts(conn, rows, keys)
    assignments: list[tuple[str, str, str]] = []  # (key, article_id, local_id)
    rules: list[str | None] = []
    names: dict[str, Counter] = defaultdict(Counter)
    own_names: dict[str, Counter] = defaultdict(Counter)
    genders: dict[str, Counter] = defaultdict(Counter)
    types: dict[str, str] = {}
    for row in rows:
        key, rule, own = decide(keys, overrides, row, contexts.get(row["article_id"], {}).get(row["local_id"]))
        if own:
            own_names[key][row["name"]] += 1  # not merged in by a reviewer: the actor's own spelling
        assignments.append((key, row["article_id"], row["local_id"]))
        rules.append(rule)
        names[key][row["name"]] += 1
        if row["gender"]:
            genders[key][row["gender"]] += 1
        types.setdefault(key, actor_type(key, row["type"]))
    speaker_keys = {}
    for row in corrected:
        key = correction_key(keys, overrides, row)
        speaker_keys[(row["article_key"], row["quote_start"])] = key
        names[key][row["speaker_name"]] += 0  # named, but a correction does not outvote the articles' spelling
        types.setdefault(key, "person" if key.startswith("person:") else row["speaker_type"])
    displays: dict[str, str] = {}
    for key in [key for key, _, _ in assignments] + list(speaker_keys.values()):
        if key not in displays:
            displays[key] = display(key, aliases, own_names.get(key) or names[key])
    organizations = _organizations(conn, keys, assignments, displays)
    with conn:
        conn.execute("BEGIN")
        _store_name_parts(conn, stored)
        if full:
            conn.execute("DELETE FROM actors")
        ids: dict[str, int] = {}
        taken: set[int] = set()
        inserted = []
        for key in [key for key, _, _ in assignments] + list(speaker_keys.values()):
            if key not in ids:
                ids[key] = stable_id(key, taken)
                taken.add(ids[key])
                gender, source = actor_gender(genders[key], displays[key]) if types[key] == "person" else (None, None)
                inserted.append((ids[key], displays[key], types[key], key, organizations.get(key), gender, source))
        _write_actors(conn, inserted)
        conn.executemany(  # only the mentions whose actor or rule changed
            "UPDATE article_actors SET actor_id = ?, resolved_by = ? WHERE article_id = ? AND local_id = ?",
            [
                (ids[key], rule, article_id, local_id)
                for (key, article_id, local_id), rule, row in zip(assignments, rules, rows)
                if full or (row["actor_id"], row["resolved_by"]) != (ids[key], rule)  # full: the DELETE unset them
            ],
        )
        _redirect(conn, rows, assignments, ids)
        set_correction_actors(conn, {anchor: ids[key] for anchor, key in speaker_keys.items()})
        conn.execute("DELETE FROM actor_name_tokens")
        store_tokens(
            conn, keys, {row["name"] for row in rows} | {row["speaker_name"] for row in corrected} | institutions(conn)
        )
        remember_resolved(conn, aliases, keys.places)
        remember(conn, VOICES_OF_ALL, "1")  # every article voice is set again, even after an interruption
        bump_version(conn)  # the pages cached from the summaries name actors
    return Resolution(len(ids), _voice_overrides(aliases, keys, ids), lambda name: _shown(name, keys, displays))


def institutions(conn: sqlite3.Connection) -> set[str]:
    """The institutions current roles name (each actor's organisation is one of them)."""
    return {
        row[0]
        for row in conn.execute("SELECT DISTINCT institution FROM roles WHERE institution IS NOT NULL AND former = 0")
    }


def decide(keys: NameKeys, overrides: ActorOverrides, row, context: NameContext | None) -> tuple[str, str | None, bool]:
    """A mention's corpus key, the rule that decided it, and whether the spelling is the actor's own
    (not merged in by a reviewer). Anonymous sources, unknown speakers and people the article only
    describes ("le Premier ministre", "l'ancien président": someone else in another article) are actors
    of their own."""
    kind = merge_kind(row["type"], row["name"])
    if not kind or (kind == PERSON and described(row["name"])):
        return f"{row['type']}:{row['article_id']}:{row['local_id']}", None, False
    unmerged, rule = _split_key(keys, overrides, row["name"], kind, context)
    key = overrides.merged(unmerged)
    return (key, rule, True) if key == unmerged else (key, "merged by a reviewer", False)


def correction_key(keys: NameKeys, overrides: ActorOverrides, row) -> str:
    """The corpus key of a speaker a reviewer named."""
    return overrides.merged(_split_key(keys, overrides, row["speaker_name"], merge_kind(row["speaker_type"]))[0])


def actor_type(key: str, mention_type: str) -> str:
    return "person" if key.startswith("person:") else "organization" if mention_type == "person" else mention_type


def display(key: str, aliases: Aliases, counted: Counter) -> str:
    """The name an actor is shown by: the alias file's, else the spelling its mentions use most."""
    alias = aliases.canonical.get(key.split(":", 1)[1]) if ":" in key else None
    counted = counted.most_common()
    full = key.startswith("person:") and len(key.split()) > 1  # shown by a full name, not "Obama"
    body = key.split(":", 1)[1] if key.startswith("organization:") else None
    chosen = (
        alias
        or (
            sorted(
                counted,
                key=lambda item: (
                    -(full and len(normalize(item[0]).split()) > 1),
                    body is not None and _first_word_of(item[0], body),
                    _article_added(item[0], counted),  # "ministère de la Transition…", not "Le ministère…"
                    -item[1],
                    -len(item[0]),
                    item[0],
                ),
            )[0][0]
        )
    )
    if not key.startswith("organization:") or alias:
        return chosen
    return plain_body_name(_without_kind(_without_phrase_article(chosen)))


def _without_kind(name: str) -> str:
    """A body written with its kind in lower case before its name ("syndicat Alliance", "collectif
    FLBP"): the name. A kind written with a capital is part of the name ("Institut Pasteur")."""
    first, _, rest = name.partition(" ")
    if first[:1].islower() and rest[:1].isupper() and normalize(first) in organization_heads():
        return rest
    return name


def _first_word_of(written: str, body: str) -> bool:
    """Whether a spelling is the first word alone of the longer body it was merged into as a short form
    ("Dallas" of "Dallas Mavericks": the city's name, shown for the team); an acronym is not ("OMS")."""
    words = normalize(written).split()
    return len(words) == 1 and body.startswith(words[0] + " ") and not written.isupper()


# A possessive inside a body's name ("Trump's campaign"), not one ending it ("McDonald's").
INNER_POSSESSIVE = re.compile(r"(\w)['’]s (?=\w)")


@cache
def _possessor_honorific() -> re.Pattern:
    """A short honorific before a possessor's name ("Mr. Sanders's campaign"), in any language."""
    short = {
        word.rstrip(".")
        for language in LANGUAGES
        for words in load_rules(language).honorifics.values()
        for word in words
    }
    alternatives = "|".join(sorted((re.escape(w) for w in short if len(w) <= 3), key=len, reverse=True))
    return re.compile(rf"^(?:{alternatives})\.?\s+(?=\S+['’]s\s)", re.IGNORECASE)


def plain_body_name(name: str) -> str:
    """A body's name as a voice is shown: "Mr. Sanders's campaign" and "Clinton's campaign" are the
    Sanders campaign and the Clinton campaign, whatever each article wrote."""
    return INNER_POSSESSIVE.sub(r"\1 ", _possessor_honorific().sub("", name))


def _without_phrase_article(name: str) -> str:
    """A body's name without the article of the sentence that wrote it: "le parquet de Paris", "La mairie
    de Bordeaux", "l'association des naturistes" (a common noun follows it); an article that is part of a
    name stays ("Les Républicains", "La France insoumise", "L'Oréal": a capital follows)."""
    first, _, rest = name.partition(" ")
    elided = next((len(a) for a in _elided_articles() if first.lower().startswith(a) and len(first) > len(a)), 0)
    if elided and name[elided : elided + 1].islower():
        return name[elided:]
    if rest[:1].islower() and normalize_word(first) in dropped_words():
        return rest
    return name


@cache
def _elided_articles() -> tuple[str, ...]:
    """Every language's articles written against their word ("l'", "l’"), from the rule files."""
    return tuple(a for language in LANGUAGES for a in load_rules(language).articles if a[-1:] in "'’")


def _write_actors(conn: sqlite3.Connection, actors: list[tuple], replace_all: bool = True) -> None:
    """Make the actors table these rows (`replace_all`: and no other), writing only what differs from
    what it holds (deleting an actor unsets every mention of it: most of a rebuild's writes)."""
    wanted = {row[0]: row for row in actors}
    columns = "SELECT id, name, type, key, organization, gender, gender_source FROM actors"
    held = {}
    if replace_all:
        held = {row[0]: tuple(row) for row in conn.execute(columns)}
        for chunk in chunks(sorted(set(held) - set(wanted))):
            conn.execute(f"DELETE FROM actors WHERE id IN ({marks(chunk)})", chunk)
    for chunk in chunks(sorted(wanted) if not replace_all else []):
        held.update({row[0]: tuple(row) for row in conn.execute(f"{columns} WHERE id IN ({marks(chunk)})", chunk)})
    conn.executemany(
        "INSERT INTO actors (id, name, type, key, organization, gender, gender_source) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, key = excluded.key, "
        "organization = excluded.organization, gender = excluded.gender, gender_source = excluded.gender_source",
        [row for actor_id, row in wanted.items() if held.get(actor_id) != row],
    )


def _stored_name_parts(conn: sqlite3.Connection, full: bool) -> set[str]:
    """Let the names the store has parsed be known as parsed; return them."""
    if full:
        return set()
    parts = {
        row[0]: NameParts(*row[1:]) for row in conn.execute("SELECT name, first, middle, last, suffix FROM name_parts")
    }
    known_parts(parts)
    return set(parts)


def _store_name_parts(conn: sqlite3.Connection, stored: set[str]) -> None:
    """Keep the names parsed in this process that the store did not hold (inside a transaction)."""
    if not stored:
        conn.execute("DELETE FROM name_parts")
    conn.executemany(
        "INSERT OR REPLACE INTO name_parts (name, first, middle, last, suffix) VALUES (?, ?, ?, ?, ?)",
        [(name, p.first, p.middle, p.last, p.suffix) for name, p in parsed_names().items() if name not in stored],
    )


def actor_gender(told: Counter, name: str) -> tuple[str | None, str | None]:
    """A person's gender and how it was found. As the articles tell it ("text": an honorific, a first
    name, a description's agreement such as "la ministre"; a pronoun alone never sets it): the one told
    at least twice as often as the other. Else the first name of the actor's name ("first name").
    Else unknown: (None, None). A knowledge entry, when linked, overrides both ("knowledge")."""
    feminine, masculine = told["feminine"], told["masculine"]
    if feminine >= 2 * masculine and feminine:
        return "feminine", "text"
    if masculine >= 2 * feminine and masculine:
        return "masculine", "text"
    if feminine or masculine:
        return None, None  # the articles disagree
    guessed = first_name_gender(normalize(name))
    return (guessed, "first name") if guessed else (None, None)


def _article_added(name: str, counted: list[tuple[str, int]]) -> bool:
    """ "Le ministère de la Transition écologique" where the corpus also writes it without "Le"."""
    first, _, rest = name.partition(" ")
    return bool(rest) and normalize_word(first) in dropped_words() and rest.lower() in {n.lower() for n, _ in counted}


def _shown(institution: str, keys: NameKeys, displays: dict[str, str]) -> str:
    """The name an institution goes by as a corpus actor: under its own name, without its kind when what
    remains is still a name of two words or more ("syndicat Unité Santé" / "Unité Santé", but "Sanders
    campaign" is not "Sanders"), or a one-word short form or acronym ("Rempart", "RNP")."""
    key, rule = keys.resolve(institution, ORGANIZATION)
    one_word = len(normalize(institution).split()) == 1
    written = plain_body_name(institution)  # "Clinton's campaign" and "Clinton campaign": one voice
    if (
        rule == "same name"
        or (rule == "same name without its kind" and len(keys.core(normalize(institution)).split()) > 1)
        or (rule in ("short form", "acronym") and one_word)
    ):
        return displays.get(key, written)
    return written


def _voice_overrides(aliases: Aliases, keys: NameKeys, ids: dict[str, int]) -> dict[int, list[VoiceOverride]]:
    """The alias file's voice overrides by corpus actor id (the actor named as a person, else an organisation)."""
    overrides: dict[int, list[VoiceOverride]] = defaultdict(list)
    for override in aliases.voices:
        for kind in (PERSON, ORGANIZATION):
            actor_id = ids.get(keys.key(override.actor, kind))
            if actor_id is not None:
                overrides[actor_id].append(override)
                break
    return overrides


def _split_key(
    keys: NameKeys, overrides: ActorOverrides, name: str, kind: str, context: NameContext | None = None
) -> tuple[str, str]:
    """The key of a name, and the rule, after the reviewers' splits (a name split off an actor is an actor
    of its own)."""
    key, rule = keys.resolve(name, kind, context)
    if normalize(name) in {normalize(split) for split in overrides.splits.get(key, ())}:
        key, rule = f"{kind}:{normalize(name)}", "split off by a reviewer"
    return key, rule


def stable_id(key: str, taken: set[int]) -> int:
    """An actor's id, derived from its key so that links to it survive re-resolution: 52 bits of its
    SHA-1 (exact in JavaScript), the next free number in the rare case of a collision."""
    number = stable_number(key)
    while number in taken:
        number += 1
    return number


def _redirect(conn: sqlite3.Connection, rows, assignments, ids: dict[str, int]) -> None:
    now = {(article_id, local_id): ids[key] for key, article_id, local_id in assignments}
    redirect(conn, [(row["actor_id"], now[(row["article_id"], row["local_id"])]) for row in rows], set(ids.values()))


def redirect(conn: sqlite3.Connection, moves: list[tuple[int | None, int]], live: set[int]) -> None:
    """An actor id that no longer exists (merged into another) points to the actor that now holds most of
    its mentions (`moves`: each mention's (former, present) actor); redirects to an id that vanished in
    turn follow it."""
    moved: dict[int, Counter] = defaultdict(Counter)
    for old, present in moves:
        if old is not None and old not in live:
            moved[old][present] += 1
    conn.executemany(
        "INSERT OR REPLACE INTO actor_redirects (old_id, actor_id) VALUES (?, ?)",
        [(old, counter.most_common(1)[0][0]) for old, counter in moved.items()],
    )
    for old, target in conn.execute("SELECT old_id, actor_id FROM actor_redirects").fetchall():
        if old in live:
            conn.execute("DELETE FROM actor_redirects WHERE old_id = ?", (old,))
        elif target not in live:
            follow = conn.execute("SELECT actor_id FROM actor_redirects WHERE old_id = ?", (target,)).fetchone()
            if follow is not None and follow[0] in live:
                conn.execute("UPDATE actor_redirects SET actor_id = ? WHERE old_id = ?", (follow[0], old))
            else:
                conn.execute("DELETE FROM actor_redirects WHERE old_id = ?", (old,))


def _contexts(conn: sqlite3.Connection, rows, keys: NameKeys, some: bool = False) -> dict[str, dict[str, NameContext]]:
    """Each named actor's context in its article, and, on `keys`, the days and titles of full names
    (`some`: `rows` are the mentions of some articles, whose roles only are read)."""
    titles: dict[tuple[str, str], set[str]] = defaultdict(set)
    query = "SELECT article_id, local_actor, title FROM roles"
    for chunk in chunks(sorted({row["article_id"] for row in rows})) if some else [None]:
        for role in (
            conn.execute(f"{query} WHERE article_id IN ({marks(chunk)})", chunk) if some else conn.execute(query)
        ):
            titles[(role["article_id"], role["local_actor"])].update(_title_words(role["title"]))
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
    contexts: dict[str, dict[str, NameContext]] = defaultdict(dict)
    articles: dict[str, tuple] = {}  # each article's day and full names, made once
    for row in rows:
        article_id = row["article_id"]
        if article_id not in articles:
            articles[article_id] = (_day_of(row["published"]), frozenset(full_names.get(article_id, ())))
        day, named = articles[article_id]
        contexts[article_id][row["local_id"]] = NameContext(
            day, named, frozenset(titles.get((article_id, row["local_id"]), ()))
        )
    return contexts


@lru_cache(maxsize=65536)
def _title_words(title: str) -> frozenset[str]:
    """The words of a title that tell two holders apart."""
    return frozenset(w for w in normalize(title).split() if w not in _title_noise() and len(w) > 2)


@cache
def _title_noise() -> frozenset[str]:
    """Words of a title that do not tell two holders apart: "former", "of", "the"."""
    words = set(linking_words()) | set(dropped_words())
    for language in LANGUAGES:
        words |= {normalize_word(w) for w in load_rules(language).former_markers}
    return frozenset(words)


def _day_of(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _organizations(conn: sqlite3.Connection, keys: NameKeys, assignments, displays: dict[str, str]) -> dict[str, str]:
    """Each actor's organisation: the institution its current roles name most often (voxmap.extract.offices),
    under the name that organisation has as an actor when it is one ("syndicat Unité Santé" is "Unité Santé")."""
    local_to_key = {(article_id, local_id): key for key, article_id, local_id in assignments}
    counted: dict[str, Counter] = defaultdict(Counter)
    for row in conn.execute(
        "SELECT article_id, local_actor, institution FROM roles WHERE institution IS NOT NULL AND former = 0"
    ):
        key = local_to_key.get((row["article_id"], row["local_actor"]))
        if key:
            organization = displays.get(keys.key(row["institution"], ORGANIZATION), row["institution"])
            counted[key][organization] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in counted.items()}
