"""The corpus store: SQLite (WAL, foreign keys, FTS5), with named migrations recorded in the database."""

from .db import connect
from .migrations import MIGRATIONS, migrate

__all__ = ["connect", "migrate", "MIGRATIONS"]
