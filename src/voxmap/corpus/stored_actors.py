"""The stored actors as the incremental actors stage (voxmap.corpus.actor_updates) asks for them: one
look-up per actor it reaches instead of reading the whole table each time. A store holds an actor per
anonymous source: 100,000 rows for a million quotes, where a day's articles reach a few thousand."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from .store.db import chunks, marks


class StoredLookup(dict):
    """One column of the actors table by another (`by` -> `value`: key -> id, id -> key), each entry read
    when first asked for (`read` fetches many at once) and kept: what the table held when asked."""

    def __init__(self, conn: sqlite3.Connection, by: str, value: str):
        super().__init__()
        self.conn, self.by, self.value = conn, by, value
        self._absent: set = set()

    def read(self, wanted: Iterable) -> None:
        missing = sorted({k for k in wanted if k is not None and not dict.__contains__(self, k)} - self._absent)
        for chunk in chunks(missing):
            self.update(
                self.conn.execute(
                    f"SELECT {self.by}, {self.value} FROM actors WHERE {self.by} IN ({marks(chunk)})", chunk
                ).fetchall()
            )
        self._absent.update(k for k in missing if not dict.__contains__(self, k))

    def __missing__(self, wanted):
        self.read([wanted])
        return dict.__getitem__(self, wanted)  # KeyError: no such actor

    def __contains__(self, wanted: object) -> bool:
        self.read([wanted])
        return dict.__contains__(self, wanted)

    def get(self, wanted, default=None):
        # dict.get reads neither __contains__ nor __missing__: it would answer from what was read so far
        return self[wanted] if wanted in self else default  # noqa: SIM401


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
