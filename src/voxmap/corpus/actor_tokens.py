"""Tokens of the merge index (voxmap.corpus.merging): what each name feeds into it and what its key decision
reads from it, so that an incremental resolution (voxmap.corpus.actor_updates) finds by token the names
a change can move, instead of deciding every name again.

A token names one entry of the index: `s:` the full names with a surname, `k:` whether a full name
is one, `p:` whether a surname is written alone as a person, `c:` the organisations with a core name, `a:` an acronym, `f:` a first word, `o:` an
organisation's name; these change only when a name enters or leaves the store. `d:` a full name's days
and role titles, which every mention of it changes, read only by the surnames written alone that may
stand for it (and then only within the period a surname looks at: voxmap.corpus.actor_updates). A
decision reads a superset of what `NameKeys.resolve` reads: if none of its tokens changed, neither can it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable

from .aliases import Aliases
from .corrections import remember, remembered
from .merging import ORGANIZATION, PERSON, NameKeys, bare_core, described, merge_kind
from .names import body_name, linking_words, normalize, person_key, surnames
from .store.db import chunks, marks

RESOLVED = "actors_resolved"  # the fingerprint of what the stored resolution was decided with
PLACES = "actor_places"  # the names it read as places (NameKeys.places)


def contributed(keys: NameKeys, name: str, actor_type: str) -> set[str]:
    """The index entries a mention named `name` feeds."""
    tokens: set[str] = set()
    kind = merge_kind(actor_type, name)
    if kind == PERSON and not described(name):
        key = person_key(name)
        if len(key.split()) > 1:
            tokens.add("k:" + key)
            tokens |= {"s:" + surname for surname in surnames(name)}
        elif len(normalize(name).split()) == 1:
            tokens.add("p:" + normalize(name))
    if kind == ORGANIZATION:
        # Both bodies a name may have (named after a person or not: NameKeys.body), whichever it has now.
        for body in _bodies(name):
            tokens |= {"o:" + body, "c:" + body, "c:" + bare_core(body, keys.heads)} - {"c:"}
            for words in (normalize(name).split(), body.split()):
                if len(words) > 1:
                    tokens.add("a:" + "".join(w[0] for w in words))
                    content = [w for w in words if w not in linking_words()]
                    tokens.add("a:" + "".join(w[0] for w in content))
            if len(body.split()) > 1:
                tokens.add("f:" + body.split()[0])
    return tokens


def _bodies(name: str) -> set[str]:
    return {body_name(name), normalize(name)} - {""}


def consulted(keys: NameKeys, name: str, followed: int = 0) -> set[str]:
    """The index entries the key decision of `name` may read, whatever its kind and its article."""
    normalized = normalize(name)
    tokens = {"s:" + normalized, "k:" + normalized, "p:" + normalized}
    for full_name in keys.by_surname.get(normalized, ()):
        tokens |= {"k:" + full_name, "s:" + full_name, "d:" + full_name}
    for body in _bodies(name):
        # a body named after a person keeps its whole name (NameKeys.body, NameKeys.core)
        tokens |= {"s:" + body, "s:" + bare_core(body, keys.heads)}
        tokens |= {"c:" + keys.core(body), "c:" + body, "a:" + body, "f:" + body, "o:" + body} - {"c:"}
        if followed < 2:  # a short form or an acronym is decided as the name it stands for
            for target in keys.by_acronym.get(body, set()) | keys.by_first_word.get(body, set()):
                tokens |= consulted(keys, target, followed + 1)
    return tokens


def fingerprint(conn: sqlite3.Connection, aliases: Aliases) -> str:
    """What a resolution is decided with besides the mentions: the alias file, the reviewers' merges,
    splits and named speakers, and the knowledge file. When it changes, everything is decided again."""
    parts = [repr((sorted(aliases.canonical.items()), sorted(aliases.splits), aliases.voices))]
    for query in (
        "SELECT action, actor_key, into_key, name FROM actor_corrections ORDER BY id",
        "SELECT article_key, quote_start, speaker_name, speaker_type FROM quote_corrections "
        "ORDER BY article_key, quote_start",
        "SELECT count(*), total(length(data)) FROM knowledge",
    ):
        parts.append(repr([tuple(row) for row in conn.execute(query)]))
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()


def store_tokens(conn: sqlite3.Connection, keys: NameKeys, names: Iterable[str]) -> None:
    """Keep what the decisions of these names read (inside a transaction)."""
    names = sorted(set(names))
    for chunk in chunks(names):
        conn.execute(f"DELETE FROM actor_name_tokens WHERE name IN ({marks(chunk)})", chunk)
    conn.executemany(
        "INSERT OR IGNORE INTO actor_name_tokens (token, name) VALUES (?, ?)",
        [(token, name) for name in names for token in consulted(keys, name)],
    )


def names_reading(conn: sqlite3.Connection, tokens: set[str]) -> set[str]:
    """The names whose stored decision read one of these tokens."""
    found: set[str] = set()
    for chunk in chunks(sorted(tokens)):
        found.update(
            row[0] for row in conn.execute(f"SELECT name FROM actor_name_tokens WHERE token IN ({marks(chunk)})", chunk)
        )
    return found


def resolved_with(conn: sqlite3.Connection, aliases: Aliases) -> bool:
    return remembered(conn, RESOLVED) == fingerprint(conn, aliases)


def remember_resolved(conn: sqlite3.Connection, aliases: Aliases, places: frozenset[str]) -> None:
    """After a resolution (inside its transaction): what it was decided with, the names it read as
    places; deleted mentions are seen."""
    remember(conn, RESOLVED, fingerprint(conn, aliases))
    remember(conn, PLACES, json.dumps(sorted(places)))
    conn.execute("DELETE FROM actors_gone")


def resolved_places(conn: sqlite3.Connection) -> frozenset[str]:
    """The names the stored resolution read as places."""
    return frozenset(json.loads(remembered(conn, PLACES) or "[]"))
