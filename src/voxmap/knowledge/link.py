"""Linking a corpus's actors to a knowledge file, in the store.

`store_knowledge` keeps the entries in the store (`knowledge`, with every name's key in
`knowledge_names`), replacing those given before, so that every later rebuild links with them.
`link_actors` links each corpus actor to the one entry whose names share the actor's key (a person's
first and last name, an organisation's normalized name) and whose type agrees; where several entries
share the key, the one whose facts hold while the actor is quoted wins, and where that does not
decide, the actor stays unlinked and is listed (`knowledge_ambiguous`). A linked person takes the
entry's gender; the voice its facts give at each article's date comes first in article voices."""

from __future__ import annotations

import json
import sqlite3
from functools import lru_cache

from ..corpus.names import normalize, person_key
from .base import Entry, entry_from_dict

MATCHED_TYPES = {"person": ("person",), "organization": ("organization", "group"), "group": ("organization", "group")}


def name_key(name: str, kind: str) -> str:
    return person_key(name) if kind == "person" else normalize(name)


def store_knowledge(conn: sqlite3.Connection, entries: list[Entry]) -> int:
    with conn:
        conn.execute("BEGIN")
        conn.execute("DELETE FROM knowledge_names")
        conn.execute("DELETE FROM knowledge")
        conn.executemany(
            "INSERT INTO knowledge (id, type, gender, data) VALUES (?, ?, ?, ?)",
            [(e.id, e.type, e.gender, json.dumps(e.to_dict(), ensure_ascii=False)) for e in entries],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO knowledge_names (key, id) VALUES (?, ?)",
            [(name_key(name, e.type), e.id) for e in entries for name in e.all_names if name_key(name, e.type)],
        )
    return len(entries)


def has_knowledge(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM knowledge LIMIT 1").fetchone() is not None


def load_entry(conn: sqlite3.Connection, entry_id: str) -> Entry | None:
    row = conn.execute("SELECT data FROM knowledge WHERE id = ?", (entry_id,)).fetchone()
    return entry_from_dict(json.loads(row[0]), entry_id) if row else None


def link_actors(conn: sqlite3.Connection) -> dict[str, int]:
    """Link every corpus actor it can; return how many were linked and how many left ambiguous."""
    with conn:
        conn.execute("BEGIN")
        conn.execute("UPDATE actors SET knowledge_id = NULL")
        conn.execute("DELETE FROM knowledge_ambiguous")
        if not has_knowledge(conn):
            return {"linked": 0, "ambiguous": 0}
        spans = {
            row[0]: (row[1], row[2])
            for row in conn.execute(
                "SELECT aa.actor_id, min(a.published), max(a.published) FROM article_actors aa "
                "JOIN articles a ON a.id = aa.article_id WHERE aa.actor_id IS NOT NULL GROUP BY aa.actor_id"
            )
        }
        names: dict[int, set[str]] = {}
        for actor_id, name in conn.execute(
            "SELECT actor_id, name FROM article_actors WHERE actor_id IS NOT NULL UNION SELECT id, name FROM actors"
        ):
            names.setdefault(actor_id, set()).add(name)
        entries = lru_cache(maxsize=None)(lambda entry_id: load_entry(conn, entry_id))
        links, ambiguous = [], []
        for actor_id, kind in conn.execute("SELECT id, type FROM actors").fetchall():
            if kind not in MATCHED_TYPES:
                continue
            candidates = _candidates(conn, names.get(actor_id, set()), kind, entries)
            chosen = _choose(candidates, spans.get(actor_id, (None, None)))
            if chosen is None:
                if len(candidates) > 1:
                    ambiguous.append((actor_id, json.dumps(sorted(c.id for c in candidates))))
                continue
            links.append((chosen.id, chosen.gender, chosen.gender, actor_id))
        conn.executemany(
            "UPDATE actors SET knowledge_id = ?, gender = COALESCE(?, gender), "
            "gender_source = CASE WHEN ? IS NOT NULL THEN 'knowledge' ELSE gender_source END WHERE id = ?",
            links,
        )
        conn.executemany("INSERT INTO knowledge_ambiguous (actor_id, candidates) VALUES (?, ?)", ambiguous)
    return {"linked": len(links), "ambiguous": len(ambiguous)}


def _candidates(conn: sqlite3.Connection, names: set[str], kind: str, entries) -> list[Entry]:
    """The entries of the actor's type whose names share a key with one of the actor's names."""
    keys = {name_key(name, kind) for name in names} - {""}
    if kind == "person":
        keys = {key for key in keys if len(key.split()) > 1}  # a surname alone names no one for sure
    if not keys:
        return []
    found = conn.execute(
        f"SELECT DISTINCT id FROM knowledge_names WHERE key IN ({', '.join('?' * len(keys))})", list(keys)
    )
    return [
        entry for (entry_id,) in found if (entry := entries(entry_id)) is not None and entry.type in MATCHED_TYPES[kind]
    ]


def _choose(candidates: list[Entry], span: tuple[str | None, str | None]) -> Entry | None:
    """The one candidate, or the one whose facts hold at some time while the actor is quoted; else None."""
    if len(candidates) == 1:
        return candidates[0]
    first, last = ((span[0] or "")[:10], (span[1] or "")[:10])
    active = [c for c in candidates if any(f.overlaps(first, last) for f in c.facts)]
    return active[0] if len(active) == 1 else None
