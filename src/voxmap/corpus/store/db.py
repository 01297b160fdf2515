"""Opening a voxmap database."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from .schema import migrate


def connect(path: str | Path) -> sqlite3.Connection:
    """A connection to the database at `path` (created and migrated if needed): WAL journal,
    foreign keys on, rows addressable by column name. Transactions are explicit (BEGIN … COMMIT)."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=30)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    migrate(conn)
    return conn
