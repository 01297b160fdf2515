"""Aggregates of the voices table that every measure reads.

`rebuild_summaries` refreshes the stored tables after an ingest or a re-resolution. A report over
a time window builds the same tables as TEMP tables from the voices of that window: they shadow
the stored ones for the connection, so each measure has one code path either way.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict

from .store.db import chunks

SUMMARY_TABLES = ("voice_totals", "story_firsts", "tone_totals", "story_actors", "voice_presence")
GROUPINGS = {"all": "'all'", "outlet": "source", "month": "month", "story": "story_id", "language": "language"}


_TONED = "tone_score IS NOT NULL AND actor_id IS NOT NULL AND speaker_type NOT IN ('anonymous', 'unknown', 'media')"


def _fill(conn: sqlite3.Connection, where: str, values: list) -> None:
    for grouping, column in GROUPINGS.items():
        conn.execute(
            f"INSERT INTO voice_totals SELECT ?, {column}, CASE WHEN speaker_type = 'anonymous' THEN NULL ELSE actor_id END, "
            f"voice, speaker_type, count(*), sum(words) FROM voices WHERE {where} GROUP BY 2, 3, 4, 5",
            [grouping, *values],
        )
    _fill_stories(conn, where, values)
    conn.execute(
        f"INSERT INTO voice_presence SELECT voice, count(DISTINCT story_id) FROM voices "
        f"WHERE voice IS NOT NULL AND story_id IS NOT NULL AND {where} GROUP BY voice",
        values,
    )
    conn.execute(
        f"INSERT INTO tone_totals SELECT actor_id, month, tone_method, count(*), sum(tone_score) FROM voices "
        f"WHERE {_TONED} AND {where} GROUP BY 1, 2, 3",
        values,
    )


def _fill_stories(
    conn: sqlite3.Connection,
    where: str,
    values: list,
    stories: str = "1 = 1",
    story_values: tuple = (),
    actors: bool = True,
) -> None:
    """story_firsts and (`actors`) story_actors from the voices matching `where`, for the stories
    matching `stories`."""
    conn.execute(
        f"""
        INSERT INTO story_firsts (story_id, voice, actor_id, quote_id, article_id, published, source, speaker_type)
        SELECT story_id, voice, actor_id, quote_id, article_id, published, source, speaker_type FROM (
            SELECT *, row_number() OVER (PARTITION BY story_id
                                         ORDER BY published IS NULL, published, article_key, position) AS rank
            FROM voices WHERE voice IS NOT NULL AND story_id IS NOT NULL AND {where} AND {stories}) WHERE rank = 1""",
        [*values, *story_values],
    )
    conn.execute(
        f"""
        UPDATE story_firsts SET (next_voice, next_published) = (
            SELECT v.voice, v.published FROM voices v
            WHERE v.story_id = story_firsts.story_id AND v.voice IS NOT NULL AND v.voice != story_firsts.voice
                  AND {where.replace("published", "v.published")}
            ORDER BY v.published IS NULL, v.published, v.article_key, v.position LIMIT 1) WHERE {stories}""",
        [*values, *story_values],
    )
    # Without a time of day, another article's first voice on the same day is a tie, not a 0-hour lead.
    conn.execute(
        f"""
        UPDATE story_firsts SET tied = (
            SELECT group_concat(voice, ' | ') FROM (
                SELECT DISTINCT v.voice FROM voices v
                WHERE v.story_id = story_firsts.story_id AND v.voice IS NOT NULL AND v.voice != story_firsts.voice
                      AND v.article_id != story_firsts.article_id AND length(story_firsts.published) <= 10
                      AND substr(v.published, 1, 10) = story_firsts.published
                      AND v.position = (SELECT min(w.position) FROM voices w WHERE w.article_id = v.article_id
                                        AND w.voice IS NOT NULL)
                      AND {where.replace("published", "v.published")} ORDER BY v.voice)) WHERE {stories}""",
        [*values, *story_values],
    )
    conn.execute(
        f"""
        UPDATE story_firsts SET voices = (
            SELECT count(DISTINCT v.voice) FROM voices v WHERE v.story_id = story_firsts.story_id
            AND v.voice IS NOT NULL AND {where.replace("published", "v.published")}) WHERE {stories}""",
        [*values, *story_values],
    )
    if actors:
        conn.execute(
            f"INSERT INTO story_actors SELECT story_id, actor_id, count(*), min(published) FROM voices "
            f"WHERE {_STORY_ACTOR} AND {where} AND {stories} GROUP BY 1, 2",
            [*values, *story_values],
        )


_STORY_ACTOR = "story_id IS NOT NULL AND actor_id IS NOT NULL AND speaker_type NOT IN ('anonymous', 'unknown', 'media')"


def _story_actor(row: dict) -> tuple[int, int] | None:
    """The story_actors row a voices row counts in, if any (as _STORY_ACTOR selects them)."""
    if row["story_id"] is None or row["actor_id"] is None or row["speaker_type"] in ("anonymous", "unknown", "media"):
        return None
    return row["story_id"], row["actor_id"]


def _patch_story_actors(conn: sqlite3.Connection, before: list[dict], after: list[dict]) -> None:
    """story_actors as if the voices rows `before` had been replaced by `after`: each pair's quotes by
    difference and its first day by the earlier of the kept one and those added, unless a removed row
    was on that first day and others remain (then the pair is counted again)."""
    removed: dict[tuple, list] = defaultdict(list)
    added: dict[tuple, list] = defaultdict(list)
    for rows, side in ((before, removed), (after, added)):
        for row in rows:
            if (pair := _story_actor(row)) is not None:
                side[pair].append(row["published"])
    for pair in sorted(set(removed) | set(added)):
        stored = conn.execute(
            "SELECT quotes, first_seen FROM story_actors WHERE story_id = ? AND actor_id = ?", pair
        ).fetchone()
        quotes, first = (stored[0], stored[1]) if stored else (0, None)
        kept = quotes - len(removed[pair])
        if not kept:  # none of its rows is left: the added ones are all it has
            first = None
        elif first is not None and first in removed[pair]:
            conn.execute("DELETE FROM story_actors WHERE story_id = ? AND actor_id = ?", pair)
            conn.execute(
                "INSERT INTO story_actors SELECT story_id, actor_id, count(*), min(published) FROM voices "
                f"WHERE story_id = ? AND actor_id = ? AND {_STORY_ACTOR} GROUP BY 1, 2",
                pair,
            )
            continue
        quotes = kept + len(added[pair])
        first = min((day for day in [first, *added[pair]] if day is not None), default=None)
        if quotes <= 0:
            conn.execute("DELETE FROM story_actors WHERE story_id = ? AND actor_id = ?", pair)
        else:
            conn.execute(
                "INSERT INTO story_actors VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE "
                "SET quotes = excluded.quotes, first_seen = excluded.first_seen",
                (*pair, quotes, first),
            )


def bump_version(conn: sqlite3.Connection) -> None:
    """Mark what is cached from the summaries (and from the actors they name) stale."""
    conn.execute(
        "INSERT INTO settings (name, value) VALUES ('summaries_version', '1') ON CONFLICT (name) "
        "DO UPDATE SET value = CAST(value AS INTEGER) + 1"
    )


def patch_summaries(conn: sqlite3.Connection, before: list[dict], after: list[dict]) -> None:
    """Change the stored summaries as if the voices rows `before` had been replaced by `after` (call
    inside the transaction that replaced them): totals by difference, stories and voices touched by
    either side recounted. Equal to a full rebuild, at the cost of a few indexed statements a group."""
    totals: Counter = Counter()  # (grouping, group, actor, voice, speaker type) -> [quotes, words] difference
    for rows, sign in ((before, -1), (after, 1)):
        for row in rows:
            actor = None if row["speaker_type"] == "anonymous" else row["actor_id"]
            for grouping, column in GROUPINGS.items():
                group = "all" if grouping == "all" else row[column]
                group = None if group is None else str(group)  # grp has TEXT affinity: story ids are stored as text
                totals[(grouping, group, actor, row["voice"], row["speaker_type"], "quotes")] += sign
                totals[(grouping, group, actor, row["voice"], row["speaker_type"], "words")] += sign * row["words"]
    _add_totals(conn, totals)
    # Tone sums are summed again, not patched: a float sum taken in another order differs in its last digits.
    toned = sorted({row["actor_id"] for row in before + after if row["actor_id"] is not None})
    for chunk in chunks(toned):
        marks = ", ".join("?" * len(chunk))
        conn.execute(f"DELETE FROM tone_totals WHERE actor_id IN ({marks})", chunk)
        conn.execute(
            f"INSERT INTO tone_totals SELECT actor_id, month, tone_method, count(*), sum(tone_score) FROM voices "
            f"WHERE {_TONED} AND actor_id IN ({marks}) GROUP BY 1, 2, 3",
            chunk,
        )
    stories = sorted({row["story_id"] for row in before + after if row["story_id"] is not None})
    for chunk in chunks(stories):
        marks = ", ".join("?" * len(chunk))
        conn.execute(f"DELETE FROM story_firsts WHERE story_id IN ({marks})", chunk)
        _fill_stories(conn, "1 = 1", [], f"story_id IN ({marks})", tuple(chunk), actors=False)
    _patch_story_actors(conn, before, after)
    for voice in sorted({row["voice"] for row in before + after if row["voice"] is not None}):
        conn.execute("DELETE FROM voice_presence WHERE voice = ?", (voice,))
        conn.execute(
            "INSERT INTO voice_presence SELECT voice, count(DISTINCT story_id) FROM voices "
            "WHERE voice = ? AND story_id IS NOT NULL GROUP BY voice",
            (voice,),
        )
    bump_version(conn)


def _add_totals(conn: sqlite3.Connection, totals: Counter) -> None:
    for key in sorted({key[:5] for key in totals}, key=repr):
        quotes, words = totals[(*key, "quotes")], totals[(*key, "words")]
        if not quotes and not words:
            continue
        changed = conn.execute(
            "UPDATE voice_totals SET quotes = quotes + ?, words = words + ? WHERE grouping = ? AND grp IS ? "
            "AND actor_id IS ? AND voice IS ? AND speaker_type = ?",
            (quotes, words, *key),
        ).rowcount
        if not changed and quotes > 0:
            conn.execute("INSERT INTO voice_totals VALUES (?, ?, ?, ?, ?, ?, ?)", (*key, quotes, words))
        elif quotes < 0:
            conn.execute(
                "DELETE FROM voice_totals WHERE grouping = ? AND grp IS ? AND actor_id IS ? AND voice IS ? "
                "AND speaker_type = ? AND quotes <= 0",
                key,
            )


def rebuild_summaries(conn: sqlite3.Connection) -> None:
    """Refresh the stored summaries and bump `summaries_version`, which what is cached from them follows."""
    with conn:
        conn.execute("BEGIN")
        for table in SUMMARY_TABLES:
            conn.execute(f"DELETE FROM main.{table}")
        _fill(conn, "1 = 1", [])
        bump_version(conn)


def summaries_version(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM settings WHERE name = 'summaries_version'").fetchone()
    return row[0] if row else "0"


def windowed(conn: sqlite3.Connection, where: str, values: list) -> None:
    """TEMP summaries of the voices matching `where`, shadowing the stored ones until `drop_windowed`."""
    for table in SUMMARY_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
        conn.execute(f"CREATE TEMP TABLE {table} AS SELECT * FROM main.{table} WHERE 0")
    _fill(conn, where, values)


def drop_windowed(conn: sqlite3.Connection) -> None:
    for table in SUMMARY_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
