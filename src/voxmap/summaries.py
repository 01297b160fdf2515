"""Aggregates of the voices table that every measure reads.

`rebuild_summaries` refreshes the stored tables after an ingest or a re-resolution. A report over
a time window builds the same tables as TEMP tables from the voices of that window: they shadow
the stored ones for the connection, so each measure has one code path either way.
"""
from __future__ import annotations

import sqlite3

SUMMARY_TABLES = ("voice_totals", "story_firsts", "tone_totals", "story_actors", "voice_presence")
GROUPINGS = {"all": "'all'", "outlet": "source", "month": "month", "story": "story_id", "language": "language"}


def _fill(conn: sqlite3.Connection, where: str, values: list) -> None:
    for grouping, column in GROUPINGS.items():
        conn.execute(
            f"INSERT INTO voice_totals SELECT ?, {column}, CASE WHEN speaker_type = 'anonymous' THEN NULL ELSE actor_id END, "
            f"voice, speaker_type, count(*), sum(words) FROM voices WHERE {where} GROUP BY 2, 3, 4, 5", [grouping, *values])
    conn.execute(f"""
        INSERT INTO story_firsts (story_id, voice, actor_id, quote_id, article_id, published, source, speaker_type)
        SELECT story_id, voice, actor_id, quote_id, article_id, published, source, speaker_type FROM (
            SELECT *, row_number() OVER (PARTITION BY story_id
                                         ORDER BY published IS NULL, published, article_key, position) AS rank
            FROM voices WHERE voice IS NOT NULL AND story_id IS NOT NULL AND {where}) WHERE rank = 1""", values)
    conn.execute(f"""
        UPDATE story_firsts SET (next_voice, next_published) = (
            SELECT v.voice, v.published FROM voices v
            WHERE v.story_id = story_firsts.story_id AND v.voice IS NOT NULL AND v.voice != story_firsts.voice
                  AND {where.replace('published', 'v.published')}
            ORDER BY v.published IS NULL, v.published, v.article_key, v.position LIMIT 1)""", values)
    conn.execute(f"""
        UPDATE story_firsts SET voices = (
            SELECT count(DISTINCT v.voice) FROM voices v WHERE v.story_id = story_firsts.story_id
            AND v.voice IS NOT NULL AND {where.replace('published', 'v.published')})""", values)
    conn.execute(f"INSERT INTO voice_presence SELECT voice, count(DISTINCT story_id) FROM voices "
                 f"WHERE voice IS NOT NULL AND story_id IS NOT NULL AND {where} GROUP BY voice", values)
    conn.execute(f"INSERT INTO tone_totals SELECT actor_id, month, tone_method, count(*), sum(tone_score) FROM voices "
                 f"WHERE tone_score IS NOT NULL AND actor_id IS NOT NULL AND speaker_type NOT IN ('anonymous', 'unknown') "
                 f"AND {where} GROUP BY 1, 2, 3", values)
    conn.execute(f"INSERT INTO story_actors SELECT story_id, actor_id, count(*), min(published) FROM voices "
                 f"WHERE story_id IS NOT NULL AND actor_id IS NOT NULL AND speaker_type NOT IN ('anonymous', 'unknown') "
                 f"AND {where} GROUP BY 1, 2", values)


def rebuild_summaries(conn: sqlite3.Connection) -> None:
    """Refresh the stored summaries and bump `summaries_version`, which what is cached from them follows."""
    with conn:
        conn.execute("BEGIN")
        for table in SUMMARY_TABLES:
            conn.execute(f"DELETE FROM main.{table}")
        _fill(conn, "1 = 1", [])
        conn.execute("INSERT INTO settings (name, value) VALUES ('summaries_version', '1') ON CONFLICT (name) "
                     "DO UPDATE SET value = CAST(value AS INTEGER) + 1")


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
