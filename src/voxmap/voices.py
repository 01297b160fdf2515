"""The `voices` table: one row per quote with its corpus actor, its voice (the organisation the
speaker speaks for, or the speaker), story, outlet, month and tone. Rebuilt after actors and
stories change; every measure reads it."""
from __future__ import annotations

import sqlite3

from .summaries import rebuild_summaries

ANONYMOUS_VOICE = "(anonymous sources)"


def rebuild_voices(conn: sqlite3.Connection) -> int:
    with conn:
        conn.execute("BEGIN")
        conn.execute("DELETE FROM voices")
        conn.execute(f"""
            INSERT INTO voices (quote_id, article_id, story_id, actor_id, voice, organization, speaker_type, source,
                                language, published, month, article_key, position, words, tone_score, tone_method)
            SELECT q.id, q.article_id, a.story_id, aa.actor_id,
                   CASE WHEN q.speaker_type = 'anonymous' THEN '{ANONYMOUS_VOICE}'
                        WHEN q.speaker_type = 'unknown' THEN NULL
                        WHEN ac.type IN ('organization', 'group') THEN ac.name
                        ELSE COALESCE(ac.organization, ac.name) END,
                   CASE WHEN ac.type IN ('organization', 'group') THEN ac.name ELSE ac.organization END,
                   q.speaker_type, a.source, a.language, a.published, substr(a.published, 1, 7), a.key,
                   q.start, q.words, q.tone_score, q.tone_method
            FROM quotes q JOIN articles a ON a.id = q.article_id
            LEFT JOIN article_actors aa ON aa.article_id = q.article_id AND aa.local_id = q.local_actor
            LEFT JOIN actors ac ON ac.id = aa.actor_id""")
    rebuild_summaries(conn)
    return conn.execute("SELECT count(*) FROM voices").fetchone()[0]
