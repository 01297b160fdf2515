"""Review: people accept or reject quotes, fix a speaker or a kind, merge or split actors.

Each action stores a correction (voxmap.corpus.corrections) and updates what depends on it, so every
measure and export shows the corrected corpus at once. A quote's status, kind, or a speaker who is
anonymous, unknown or an actor the corpus already has, changes that quote's voices row and patches
the summaries (milliseconds, whatever the corpus size); a speaker the corpus does not know yet, a
merge or a split re-resolves the actors and rebuilds the voices (seconds to minutes on a million quotes).
Corrections are also a gold set: `reviewed_gold` writes the reviewed articles in the gold format
(docs/gold-format.md) that `voxmap eval gold` scores.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from ..errors import NotFound, ReviewError
from .corrections import (
    KINDS,
    SPEAKER_TYPES,
    STATUSES,
    QuoteAnchor,
    anchor_of,
    clear_quote_correction,
    quote_correction,
    remove_actor_correction,
    save_actor_correction,
    save_quote_correction,
    set_correction_actor,
)
from .names import normalize, person_key
from .rebuild import rebuild
from .voices import refresh_quotes


def _anchor(conn: sqlite3.Connection, quote_id: int) -> QuoteAnchor:
    anchor = anchor_of(conn, quote_id)
    if anchor is None:
        raise NotFound(f"no quote {quote_id}", "It may have been re-analysed: open its article again.")
    return anchor


def _refresh(conn: sqlite3.Connection) -> None:
    """The corpus tables brought up to date with the corrections and the remembered alias file."""
    rebuild(conn)


def _refresh_quote(conn: sqlite3.Connection, quote_id: int) -> None:
    """One quote's voice again, the summaries patched, and the echoes its phrases are in."""
    refresh_quotes(conn, [quote_id])
    rebuild(conn, start="echoes", until="echoes")


def _names_a_speaker(correction: dict | None) -> str | None:
    """The name a correction gave a person or an organisation: a name the actors are resolved with."""
    if correction and correction["speaker_type"] in ("person", "organization"):
        return correction["speaker_name"]
    return None


def _actors_named(conn: sqlite3.Connection, name: str, types=("person", "organization", "group")) -> list[int]:
    return [
        row[0]
        for row in conn.execute(
            f"SELECT id FROM actors WHERE name = ? COLLATE NOCASE AND type IN ({', '.join('?' * len(types))})",
            (name, *types),
        )
    ]


def _known_actor(conn: sqlite3.Connection, name: str, speaker_type: str) -> int | None:
    """The one actor of this kind already named so, if there is one. A surname alone is none: which
    person it stands for is the resolution's decision (the most prominent of that name), not that of
    an actor shown by the bare surname."""
    if speaker_type == "person" and len(person_key(name).split()) < 2:
        return None
    ids = _actors_named(conn, name, ("person",) if speaker_type == "person" else ("organization", "group"))
    return ids[0] if len(ids) == 1 else None


def correct_quote(
    conn: sqlite3.Connection,
    quote_id: int,
    *,
    status: str | None = None,
    kind: str | None = None,
    speaker_name: str | None = None,
    speaker_type: str | None = None,
) -> None:
    """Record a reviewer's verdict on a quote and apply it to the measures."""
    if status is not None and status not in STATUSES:
        raise ReviewError(f"unknown status {status!r}", f"Use one of {', '.join(STATUSES)}.")
    if kind is not None and kind not in KINDS:
        raise ReviewError(f"unknown quote kind {kind!r}", f"Use one of {', '.join(KINDS)}.")
    if speaker_type is not None:
        if speaker_type not in SPEAKER_TYPES:
            raise ReviewError(f"unknown speaker type {speaker_type!r}", f"Use one of {', '.join(SPEAKER_TYPES)}.")
        speaker_name = (speaker_name or "").strip() or None
        if speaker_type in ("person", "organization") and not speaker_name:
            raise ReviewError("a person or an organisation needs a name", "Type the speaker's name.")
        if speaker_type == "unknown":
            speaker_name = None
    if status is None and kind is None and speaker_type is None:
        raise ReviewError("nothing to correct", "Give a status, a kind or a speaker.")
    anchor = _anchor(conn, quote_id)
    before = _names_a_speaker(quote_correction(conn, anchor))
    known = _known_actor(conn, speaker_name, speaker_type) if speaker_type in ("person", "organization") else None
    with conn:
        save_quote_correction(
            conn, anchor, status=status, kind=kind, speaker_name=speaker_name, speaker_type=speaker_type
        )
        if known is not None:
            set_correction_actor(conn, anchor, known)
        after = _names_a_speaker(quote_correction(conn, anchor))
    if (speaker_type in ("person", "organization") and known is None) or (before is not None and before != after):
        # A new name becomes an actor through resolution; a name a correction no longer gives may have
        # merged others ("Roy" into the "Ann Roy" it named): the actors are resolved again.
        _refresh(conn)
    else:
        _refresh_quote(conn, quote_id)


def undo_quote(conn: sqlite3.Connection, quote_id: int) -> bool:
    """Forget every correction of this quote: the machine's reading applies again."""
    anchor = _anchor(conn, quote_id)
    named = _names_a_speaker(quote_correction(conn, anchor))
    with conn:
        removed = clear_quote_correction(conn, anchor)
    if removed and named is not None:
        _refresh(conn)  # the name it gave may have merged others
    elif removed:
        _refresh_quote(conn, quote_id)
    return removed


def _actor_key(conn: sqlite3.Connection, actor_id: int) -> sqlite3.Row:
    row = conn.execute("SELECT key, name, type FROM actors WHERE id = ?", (actor_id,)).fetchone()
    if row is None:
        raise NotFound(f"no actor {actor_id}", "Actors are renumbered when they are resolved again: reload.")
    return row


def actor_named(conn: sqlite3.Connection, name: str) -> int:
    """The actor a reviewer typed: an id, or a name that exactly one actor has."""
    name = name.strip()
    if name.isdigit():
        return int(name)
    ids = _actors_named(conn, name)
    if len(ids) != 1:
        raise ReviewError(f"{len(ids)} actors are named {name!r}", "Type the exact name of one actor, or its id.")
    return ids[0]


def merge_actors(conn: sqlite3.Connection, actor_id: int, into_id: int) -> int:
    """Merge one actor into another; return the id the merged actor has now."""
    if actor_id == into_id:
        raise ReviewError("an actor cannot be merged into itself", "Pick another actor.")
    source, target = _actor_key(conn, actor_id), _actor_key(conn, into_id)
    with conn:
        save_actor_correction(conn, "merge", source["key"], into_key=target["key"])
    _refresh(conn)
    return conn.execute("SELECT id FROM actors WHERE key = ?", (target["key"],)).fetchone()[0]


def split_actor(conn: sqlite3.Connection, actor_id: int, name: str) -> int:
    """Make one of the names merged into an actor an actor of its own; return the new actor's id."""
    actor = _actor_key(conn, actor_id)
    names = {row[0] for row in conn.execute("SELECT DISTINCT name FROM article_actors WHERE actor_id = ?", (actor_id,))}
    if name not in names:
        raise ReviewError(f"{actor['name']} has no name {name!r}", f"Its names: {', '.join(sorted(names))}.")
    if normalize(name) == actor["key"].split(":", 1)[-1]:
        raise ReviewError(f"{name!r} is the name the actor is keyed by", "Split off one of its other names.")
    with conn:
        save_actor_correction(conn, "split", actor["key"], name=name)
    _refresh(conn)
    row = conn.execute(
        "SELECT actor_id FROM article_actors WHERE name = ? AND actor_id != ? LIMIT 1", (name, actor_id)
    ).fetchone()
    return row[0] if row else actor_id


def undo_actor_correction(conn: sqlite3.Connection, correction_id: int) -> bool:
    with conn:
        removed = remove_actor_correction(conn, correction_id)
    if removed:
        _refresh(conn)
    return removed


def reviewed_gold(conn: sqlite3.Connection) -> Iterator[dict]:
    """Every article with at least one reviewed quote, in the gold format: its quotes as reviewed
    (rejected ones left out, corrected speakers and kinds). Quotes a reviewer did not touch in such an
    article are kept as the machine found them, marked `"reviewed": null`."""
    articles = conn.execute(
        "SELECT DISTINCT a.id, a.key, a.language, a.published, a.source, a.title, a.text FROM articles a "
        "JOIN quote_corrections c ON c.article_key = a.key ORDER BY a.published, a.key"
    ).fetchall()
    for article in articles:
        quotes = []
        for row in conn.execute(
            "SELECT q.id, v.kind, v.speaker_name, v.speaker_type, v.reviewed, "
            "(v.speaker_name IS q.speaker_name AND v.speaker_type = q.speaker_type) AS machine_speaker, "
            "q.mention_start, q.mention_end, ac.name AS actor FROM voices v JOIN quotes q ON q.id = v.quote_id "
            "LEFT JOIN actors ac ON ac.id = v.actor_id WHERE v.article_id = ? ORDER BY q.start",
            (article["id"],),
        ):
            spans = [
                [s[0], s[1]]
                for s in conn.execute(
                    "SELECT start, end FROM quote_spans WHERE quote_id = ? ORDER BY start", (row["id"],)
                )
            ]
            quote = {
                "spans": spans,
                "kind": row["kind"],
                "speaker": row["actor"] or row["speaker_name"],
                "speaker_type": row["speaker_type"],
                "reviewed": row["reviewed"],
            }
            if row["machine_speaker"] and row["mention_start"] is not None:
                quote["speaker_spans"] = [[row["mention_start"], row["mention_end"]]]
            quotes.append(quote)
        yield {
            "id": article["id"],
            "language": article["language"],
            "published": article["published"],
            "source": article["source"],
            "title": article["title"],
            "text": article["text"],
            "quotes": quotes,
        }
