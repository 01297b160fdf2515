"""The stored actors as the incremental actors stage (voxmap.corpus.actor_updates) asks for them: one
look-up per actor it reaches instead of reading the whole table each time. A store holds an actor per
anonymous source: 100,000 rows for a million quotes, where a day's articles reach a few thousand."""

from __future__ import annotations

import sqlite3

from ..extract.offices import place_no_voice
from .store.db import marks
from .store.lookup import StoreLookup


def stored_lookup(conn: sqlite3.Connection, by: str, value: str) -> StoreLookup:
    """One column of the actors table by another (`by` -> `value`: key -> id, id -> key), each entry
    read when first asked for: what the table held when asked."""
    return StoreLookup(
        lambda chunk: conn.execute(f"SELECT {by}, {value} FROM actors WHERE {by} IN ({marks(chunk)})", chunk).fetchall()
    )


def stored_places(conn: sqlite3.Connection) -> list[tuple[str, int, int]]:
    """(name, mentions read as a place, mentions) of each name some article reads as a place, counted in
    the articles of the languages whose model reads places well (voices.toml places_speak false): the
    French model calls many a union a place ("Rempart 93")."""
    languages = place_no_voice()
    return conn.execute(
        "SELECT aa.name, total(aa.place), count(*) FROM article_actors aa JOIN articles a ON a.id = aa.article_id "
        f"WHERE a.language IN ({marks(languages)}) "
        "AND aa.name IN (SELECT name FROM article_actors WHERE place = 1) GROUP BY aa.name",
        languages,
    ).fetchall()


class StoredIds:
    """The actor ids the table holds now (read at each question: the stage writes between them), and
    those `add`ed since: what a new actor's id must not collide with."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._added: set[int] = set()

    def add(self, actor_id: int) -> None:
        self._added.add(actor_id)

    def __contains__(self, actor_id: object) -> bool:
        if actor_id in self._added:
            return True
        return self.conn.execute("SELECT 1 FROM actors WHERE id = ?", (actor_id,)).fetchone() is not None
