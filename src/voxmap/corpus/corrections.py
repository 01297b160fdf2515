"""What reviewers corrected, read and written apart from machine output.

A quote correction is keyed by the quote's article key and start and carries the quote's text: when
re-ingest changes the article so that the text at that place differs, the correction is *stale* and
no longer applies (the review page lists it). Actor corrections are keyed by corpus actor keys, which
re-resolution recomputes the same way. Nothing here rebuilds anything: see `voxmap.corpus.review`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime

STATUSES = ("accepted", "rejected")
KINDS = ("direct", "indirect", "mixed", "partial")
SPEAKER_TYPES = ("person", "organization", "anonymous", "unknown")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class QuoteAnchor:
    """Where a quote is, in words that survive re-analysis of its article."""

    article_key: str
    start: int
    text: str


def anchor_of(conn: sqlite3.Connection, quote_id: int) -> QuoteAnchor | None:
    row = conn.execute(
        "SELECT a.key, q.start, q.text FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id = ?", (quote_id,)
    ).fetchone()
    return QuoteAnchor(row[0], row[1], row[2]) if row else None


def save_quote_correction(
    conn: sqlite3.Connection,
    anchor: QuoteAnchor,
    *,
    status: str | None = None,
    kind: str | None = None,
    speaker_name: str | None = None,
    speaker_type: str | None = None,
) -> None:
    """Merge these fields into the quote's correction (fields left None keep their corrected value)."""
    conn.execute(
        "INSERT INTO quote_corrections (article_key, quote_start, quote_text, status, kind, speaker_name, speaker_type, "
        "updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (article_key, quote_start) DO UPDATE SET "
        "quote_text = excluded.quote_text, status = coalesce(excluded.status, status), "
        "kind = coalesce(excluded.kind, kind), speaker_name = CASE WHEN excluded.speaker_type IS NULL THEN speaker_name "
        "ELSE excluded.speaker_name END, speaker_type = coalesce(excluded.speaker_type, speaker_type), "
        "actor_id = CASE WHEN excluded.speaker_type IS NULL THEN actor_id END, "  # a new speaker: resolved anew
        "updated = excluded.updated",
        (anchor.article_key, anchor.start, anchor.text, status, kind, speaker_name, speaker_type, _now()),
    )


def clear_quote_correction(conn: sqlite3.Connection, anchor: QuoteAnchor) -> bool:
    removed = (
        conn.execute(
            "DELETE FROM quote_corrections WHERE article_key = ? AND quote_start = ?",
            (anchor.article_key, anchor.start),
        ).rowcount
        > 0
    )
    if removed:
        # The article is no longer among the corrected ones the voices stage reads again: its voices
        # are to be set again all the same (the machine's reading applies).
        conn.execute(
            "INSERT INTO voices_pending SELECT id FROM articles WHERE key = ? "
            "AND id NOT IN (SELECT article_id FROM voices_pending)",
            (anchor.article_key,),
        )
    return removed


def quote_correction(conn: sqlite3.Connection, anchor: QuoteAnchor) -> dict | None:
    row = conn.execute(
        "SELECT * FROM quote_corrections WHERE article_key = ? AND quote_start = ? AND quote_text = ?",
        (anchor.article_key, anchor.start, anchor.text),
    ).fetchone()
    return dict(row) if row else None


def speaker_corrections(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Corrected speakers that name someone (people and organisations): resolution turns them into actors."""
    return conn.execute(
        "SELECT article_key, quote_start, speaker_name, speaker_type FROM quote_corrections "
        "WHERE speaker_type IN ('person', 'organization') AND speaker_name IS NOT NULL "
        "ORDER BY article_key, quote_start"
    ).fetchall()


def set_correction_actors(conn: sqlite3.Connection, actors: dict[tuple[str, int], int]) -> None:
    """Record which actor each corrected speaker resolved to (derived; rewritten by every resolution)."""
    conn.execute("UPDATE quote_corrections SET actor_id = NULL")
    conn.executemany(
        "UPDATE quote_corrections SET actor_id = ? WHERE article_key = ? AND quote_start = ?",
        [(actor_id, key, start) for (key, start), actor_id in actors.items()],
    )


def set_correction_actor(conn: sqlite3.Connection, anchor: QuoteAnchor, actor_id: int) -> None:
    """The actor a corrected speaker names, when it is already known (no resolution needed)."""
    conn.execute(
        "UPDATE quote_corrections SET actor_id = ? WHERE article_key = ? AND quote_start = ?",
        (actor_id, anchor.article_key, anchor.start),
    )


def save_actor_correction(
    conn: sqlite3.Connection, action: str, actor_key: str, *, into_key: str | None = None, name: str | None = None
) -> None:
    conn.execute(
        "INSERT INTO actor_corrections (action, actor_key, into_key, name, updated) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (action, actor_key, name) DO UPDATE SET into_key = excluded.into_key, "
        "updated = excluded.updated",
        (action, actor_key, into_key, name or "", _now()),
    )


@dataclass
class ActorOverrides:
    merges: dict[str, str] = field(default_factory=dict)  # actor key -> the key it was merged into
    splits: dict[str, set[str]] = field(default_factory=dict)  # actor key -> names split off it (as written)

    def merged(self, key: str) -> str:
        """Follow merges to their end (a cycle stops where it would repeat)."""
        seen = {key}
        while key in self.merges and self.merges[key] not in seen:
            key = self.merges[key]
            seen.add(key)
        return key


def actor_overrides(conn: sqlite3.Connection) -> ActorOverrides:
    overrides = ActorOverrides()
    for row in conn.execute("SELECT action, actor_key, into_key, name FROM actor_corrections ORDER BY id"):
        if row["action"] == "merge":
            overrides.merges[row["actor_key"]] = row["into_key"]
        else:
            overrides.splits.setdefault(row["actor_key"], set()).add(row["name"])
    return overrides


def remove_actor_correction(conn: sqlite3.Connection, correction_id: int) -> bool:
    return conn.execute("DELETE FROM actor_corrections WHERE id = ?", (correction_id,)).rowcount > 0


def list_corrections(conn: sqlite3.Connection) -> dict[str, list[dict]]:
    """Every correction, each quote correction with the quote it applies to now (None when stale)."""
    quotes = [
        dict(row)
        for row in conn.execute(
            "SELECT c.*, (SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.key = c.article_key "
            "AND q.start = c.quote_start AND q.text = c.quote_text) AS quote_id FROM quote_corrections c "
            "ORDER BY c.updated DESC, c.article_key, c.quote_start"
        )
    ]
    for row in quotes:
        row["stale"] = row["quote_id"] is None
        article = conn.execute("SELECT id, title FROM articles WHERE key = ?", (row["article_key"],)).fetchone()
        row["article_id"], row["article"] = (article[0], article[1] or article[0]) if article else (None, None)
    actors = [dict(row) for row in conn.execute("SELECT * FROM actor_corrections ORDER BY updated DESC, id")]
    for row in actors:  # people read names: an actor's key is how the store finds it
        row["actor"] = _actor_named(conn, row["actor_key"])
        row["into"] = _actor_named(conn, row["into_key"]) if row["into_key"] else row["name"]
    return {"quotes": quotes, "actors": actors}


def _actor_named(conn: sqlite3.Connection, key: str) -> str:
    """The name of the actor with this key, or the name written in the key when it has merged away."""
    row = conn.execute("SELECT name FROM actors WHERE key = ?", (key,)).fetchone()
    return row[0] if row else key.split(":", 1)[-1]


def remembered(conn: sqlite3.Connection, name: str) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
    return row[0] if row else None


def remember(conn: sqlite3.Connection, name: str, value: str) -> None:
    conn.execute(
        "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        (name, value),
    )
