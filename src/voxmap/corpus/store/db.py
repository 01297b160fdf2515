"""Opening a voxmap database, and what its failures mean to a person."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ...errors import StoreError
from .migrations import migrate, pending_migrations


def connect(path: str | Path, *, create: bool = True) -> sqlite3.Connection:
    """A connection to the database at `path`, migrated if needed: WAL journal, foreign keys on,
    rows addressable by column name. Transactions are explicit (BEGIN … COMMIT). With `create`
    False, a missing file or another program's database is refused (StoreError), never made."""
    if not create and not Path(path).is_file():
        raise StoreError(f"no voxmap database at {path}", "Make one with `voxmap ingest PATHS --db FILE`.")
    read_only = Path(path).is_file() and not os.access(path, os.W_OK)
    with store_errors(path):
        if read_only:  # readers still work: reports, exports and the dashboard on a file they cannot change
            conn = sqlite3.connect(
                f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, isolation_level=None, timeout=30
            )
        else:
            conn = sqlite3.connect(str(path), isolation_level=None, timeout=30)
        conn.row_factory = sqlite3.Row
        if not create and not _is_voxmap(conn):
            conn.close()
            raise StoreError(f"{path} is not a voxmap database", "Give the file `voxmap ingest --db` wrote.")
        conn.execute("PRAGMA foreign_keys = ON")
        if read_only:
            if pending_migrations(conn):
                conn.close()
                raise StoreError(
                    f"{path} is read-only and was written by an older voxmap",
                    "Give the command a writable copy once, so that it can bring the file up to date.",
                )
            return conn
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn)
    return conn


def _is_voxmap(conn: sqlite3.Connection) -> bool:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return not tables or "migrations" in tables  # an empty file is a database still to be made


def store_error(error: sqlite3.Error, path: str | Path) -> StoreError:
    """One line for a person, from what SQLite said."""
    said = str(error).strip().splitlines()[0] if str(error).strip() else error.__class__.__name__
    if "not a database" in said:
        return StoreError(f"{path} is not a voxmap database (not an SQLite file, or its header is damaged)")
    if "malformed" in said or "corrupt" in said:
        return StoreError(f"{path} is damaged ({said})", "Restore it from a copy, or ingest again into a new file.")
    if "readonly" in said or "read-only" in said:
        return StoreError(
            f"{path} is read-only ({said})",
            "Give the command a copy it can write, or the writing rights on the file and its folder.",
        )
    if "is full" in said:  # SQLITE_FULL: "database or disk is full"
        return StoreError(
            f"the disk holding {path} is full: what was committed before is kept",
            "Free some space and run the same command again; ingest goes on where it stopped.",
        )
    if "unable to open" in said:
        return StoreError(f"cannot open {path} ({said})", "Check that its folder exists and can be written.")
    return StoreError(f"database error on {path}: {said}")


@contextmanager
def store_errors(path: str | Path) -> Iterator[None]:
    """Turn SQLite's exceptions into StoreError with a person's reason (no traceback)."""
    try:
        yield
    except sqlite3.Error as error:
        raise store_error(error, path) from None


CHUNK = 500  # values per IN (...) list, below SQLite's bound on parameters


def chunks(items: Iterable, size: int = CHUNK) -> Iterator[list]:
    """`items` in lists of `size`, for queries that name them in an IN (...) list."""
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def marks(values: list) -> str:
    """The placeholders of an IN (...) list of these values."""
    return ", ".join("?" * len(values))


def stable_number(text: str) -> int:
    """A row's id derived from what identifies it, so that every rebuild gives the same one: 52 bits of
    its SHA-1 (exact in JavaScript), never 0."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:13], 16) or 1
