"""Removing articles from a store: a user who retracts an outlet, a date range or some articles.

The articles go with everything analysed from them (quotes, actors, roles, relations, their text in
the search index), their inputs say they were removed, and the corpus is brought up to date with what
remains (incrementally, voxmap.corpus.rebuild), so that every measure, page and export is as if they
had never been ingested. Ingesting them again brings them back."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from ..errors import VoxmapError
from .rebuild import rebuild


class RemoveError(VoxmapError):
    code = "V017"
    hint = "Name article ids, or give --source and/or --before."


def selected(
    conn: sqlite3.Connection, ids: tuple[str, ...] = (), source: str | None = None, before: str | None = None
) -> list[str]:
    """The ids of the articles named (by id or input key), and of those from `source` published before
    `before` (each condition given applies)."""
    if not ids and source is None and before is None:
        raise RemoveError("nothing to remove was named")
    chosen: set[str] = set()
    if ids:
        marks = ", ".join("?" * len(ids))
        chosen |= {
            row[0]
            for row in conn.execute(f"SELECT id FROM articles WHERE id IN ({marks}) OR key IN ({marks})", [*ids, *ids])
        }
    if source is not None or before is not None:
        clauses, values = [], []
        if source is not None:
            clauses.append("source = ?")
            values.append(source)
        if before is not None:
            clauses.append("published < ?")
            values.append(before)
        chosen |= {row[0] for row in conn.execute(f"SELECT id FROM articles WHERE {' AND '.join(clauses)}", values)}
    return sorted(chosen)


def remove_articles(conn: sqlite3.Connection, article_ids: list[str]) -> int:
    """Remove these articles and bring the corpus up to date; return how many were removed."""
    if not article_ids:
        return 0
    stamp = datetime.now(UTC).date().isoformat()
    with conn:
        conn.execute("BEGIN")
        for start in range(0, len(article_ids), 500):
            chunk = article_ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            conn.execute(
                f"UPDATE inputs SET status = 'skipped', reason = ? WHERE article_id IN ({marks})",
                [f"removed by voxmap remove on {stamp}", *chunk],
            )
            conn.execute(f"DELETE FROM articles WHERE id IN ({marks})", chunk)
    rebuild(conn)
    return len(article_ids)
