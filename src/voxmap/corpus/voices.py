"""The `voices` table: one row per quote with its corpus actor, its voice (whom the speaker speaks for
in that article, voxmap.corpus.article_voices; a reviewer's corrected speaker speaks with their
corpus-wide organisation), story, outlet, month and tone. Rebuilt after actors and
stories change; every measure and export reads it. Reviewers' corrections are applied here: a
rejected quote has no row, a corrected speaker or kind replaces the machine's (see voxmap.corpus.corrections);
an organisation a reviewer names speaks with the voice its own articles give it ("Democratic" is the
"Democratic Party" its quotes count for), not a bucket of its own."""

from __future__ import annotations

import sqlite3

from .corrections import remember, remembered
from .summaries import patch_summaries
from .syndication import counts_syndicated_once

ANONYMOUS_VOICE = "(anonymous sources)"


# One voices row per quote that no reviewer rejected; `{restrict}` narrows it to some quotes.
_INSERT = f"""
            INSERT INTO {{table}} (quote_id, article_id, story_id, actor_id, voice, organization, speaker_type, source,
                                language, published, month, article_key, position, words, tone_score, tone_method,
                                kind, speaker_name, reviewed)
            SELECT v.id, v.article_id, v.story_id, v.actor_id,
                   CASE WHEN v.speaker_type = 'anonymous' THEN '{ANONYMOUS_VOICE}'
                        WHEN v.speaker_type IN ('unknown', 'media') OR v.place THEN NULL
                        WHEN v.article_voice IS NOT NULL THEN v.article_voice
                        WHEN v.corrected AND ac.type IN ('organization', 'group') THEN COALESCE(
                            (SELECT aa2.voice FROM article_actors aa2 WHERE aa2.actor_id = v.actor_id
                             AND aa2.voice IS NOT NULL GROUP BY aa2.voice ORDER BY count(*) DESC, aa2.voice LIMIT 1),
                            ac.name)
                        WHEN ac.type IN ('organization', 'group') THEN ac.name
                        ELSE COALESCE(ac.organization, ac.name) END,
                   CASE WHEN ac.type IN ('organization', 'group') THEN ac.name
                        WHEN v.article_voice IS NOT NULL AND v.article_voice != ac.name THEN v.article_voice
                        ELSE ac.organization END,
                   v.speaker_type, v.source, v.language, v.published, substr(v.published, 1, 7), v.key,
                   v.start, v.words, v.tone_score, v.tone_method, v.kind, v.speaker_name, v.reviewed
            FROM (SELECT q.id, q.article_id, a.story_id, a.source, a.language, a.published, a.key, q.start, q.words,
                         q.tone_score, q.tone_method, COALESCE(c.kind, q.kind) AS kind,
                         CASE WHEN c.speaker_type IS NULL THEN aa.actor_id ELSE c.actor_id END AS actor_id,
                         CASE WHEN c.speaker_type IS NULL THEN aa.voice END AS article_voice,
                         CASE WHEN c.speaker_type IS NULL THEN aa.voice_rule = 'place' END AS place,
                         COALESCE(c.speaker_type, q.speaker_type) AS speaker_type,
                         c.speaker_type IS NOT NULL AS corrected,
                         CASE WHEN c.speaker_type IS NULL THEN q.speaker_name ELSE c.speaker_name END AS speaker_name,
                         CASE WHEN c.speaker_type IS NOT NULL OR c.kind IS NOT NULL THEN 'corrected'
                              ELSE c.status END AS reviewed
                  FROM quotes q JOIN articles a ON a.id = q.article_id
                  LEFT JOIN article_actors aa ON aa.article_id = q.article_id AND aa.local_id = q.local_actor
                  LEFT JOIN quote_corrections c ON c.article_key = a.key AND c.quote_start = q.start
                                               AND c.quote_text = q.text
                  WHERE c.status IS NOT 'rejected' AND {{kinds}} AND {{copies}} AND {{restrict}}) v
            LEFT JOIN actors ac ON ac.id = v.actor_id"""


# Thoughts and what documents show are not speech: measures of who speaks leave them out, unless the
# corpus was resolved with `--beliefs include` (remembered in the store).
SPOKEN = "COALESCE(c.kind, q.kind) NOT IN ('belief', 'evidence')"


def counts_beliefs(conn: sqlite3.Connection) -> bool:
    return remembered(conn, "beliefs") == "include"


# A wire copy's quotes are counted once, in the cluster's first publication, unless the corpus counts
# every outlet's copy (voxmap.corpus.syndication).
FIRST_PUBLICATIONS = "q.article_id NOT IN (SELECT article_id FROM syndication WHERE article_id != first_article)"


def _insert(conn: sqlite3.Connection, restrict: str, table: str = "voices") -> str:
    return (
        _INSERT.replace("{table}", table)
        .replace("{kinds}", "1 = 1" if counts_beliefs(conn) else SPOKEN)
        .replace("{copies}", FIRST_PUBLICATIONS if counts_syndicated_once(conn) else "1 = 1")
        .replace("{restrict}", restrict)
    )


def rebuild_voices(conn: sqlite3.Connection, full: bool = False) -> bool:
    """Bring the voices table up to date; return whether it was rebuilt whole (the summaries stage then
    recomputes the summaries; otherwise they were patched here). Only the quotes of the articles the
    store's triggers marked (voices_pending: added, replaced or removed, or a story, a wire copy, a
    speaker's actor or voice changed) and of the articles a reviewer corrected are computed again, and
    marked for the echo index (echo_pending); `full`, counting thoughts or wire copies another way, or
    most of a large store pending, computes every row."""
    counting = f"beliefs {counts_beliefs(conn)}, copies once {counts_syndicated_once(conn)}"
    whole = full or remembered(conn, VOICES_COUNTED) != counting or _most_pending(conn)
    with conn:
        conn.execute("BEGIN")
        if whole:
            conn.execute("DELETE FROM voices")
            conn.execute(_insert(conn, "1 = 1"))
            conn.execute("INSERT OR IGNORE INTO echo_pending SELECT id FROM articles")
        else:
            _refresh_pending(conn)
            conn.execute("INSERT OR IGNORE INTO echo_pending SELECT article_id FROM voices_pending")
        conn.execute("DELETE FROM voices_pending")
        conn.execute("DELETE FROM voices_gone")
        remember(conn, VOICES_COUNTED, counting)
    return whole


def _most_pending(conn: sqlite3.Connection) -> bool:
    """Are most of a large store's articles pending? Rebuilding the table then costs less than patching."""
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    pending = conn.execute("SELECT count(*) FROM voices_pending").fetchone()[0]
    return articles > 1000 and pending > 0.3 * articles


VOICES_COUNTED = "voices_counted"  # how the voices table counted thoughts and wire copies when last built


def _refresh_pending(conn: sqlite3.Connection) -> None:
    """Compute again the voices rows of the pending articles and patch the summaries by the difference
    (inside the caller's transaction). A corrected quote's row reads other articles (an organisation
    a reviewer names speaks with its articles' voice): corrected articles are always pending. The rows
    are computed aside and only those that differ are written: most come back as they were (a day's
    articles re-home a surname in thousands of articles, for a few of their quotes)."""
    conn.execute(
        "INSERT OR IGNORE INTO voices_pending SELECT a.id FROM quote_corrections c JOIN articles a ON a.key = c.article_key"
    )
    pending = "article_id IN (SELECT article_id FROM voices_pending)"
    changed = conn.execute("SELECT 1 FROM voices_pending LIMIT 1").fetchone() is not None
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS voices_again AS SELECT * FROM main.voices WHERE 0")
    conn.execute("DELETE FROM temp.voices_again")
    conn.execute(_insert(conn, f"q.{pending}", "temp.voices_again"))
    before = [dict(row) for row in conn.execute("SELECT * FROM voices_gone")]
    before += [
        dict(row)
        for row in conn.execute(f"SELECT * FROM main.voices WHERE {pending} EXCEPT SELECT * FROM temp.voices_again")
    ]
    after = [
        dict(row)
        for row in conn.execute(f"SELECT * FROM temp.voices_again EXCEPT SELECT * FROM main.voices WHERE {pending}")
    ]
    conn.executemany("DELETE FROM main.voices WHERE quote_id = ?", [(row["quote_id"],) for row in before])
    conn.execute(
        "INSERT INTO main.voices SELECT * FROM temp.voices_again WHERE quote_id IN "
        f"(SELECT quote_id FROM temp.voices_again EXCEPT SELECT quote_id FROM main.voices WHERE {pending})"
    )
    conn.execute("DELETE FROM temp.voices_again")
    if changed:  # else the summaries, and the pages cached from them, stay as they are
        patch_summaries(conn, before, after)


def refresh_quotes(conn: sqlite3.Connection, quote_ids: list[int]) -> None:
    """Recompute the voices of a few quotes (after a review correction) and patch the summaries by
    the difference, instead of rebuilding a million rows: the result equals a full rebuild."""
    marks = ", ".join("?" * len(quote_ids))
    with conn:
        conn.execute("BEGIN")
        before = [dict(row) for row in conn.execute(f"SELECT * FROM voices WHERE quote_id IN ({marks})", quote_ids)]
        conn.execute(f"DELETE FROM voices WHERE quote_id IN ({marks})", quote_ids)
        conn.execute(_insert(conn, f"q.id IN ({marks})"), quote_ids)
        after = [dict(row) for row in conn.execute(f"SELECT * FROM voices WHERE quote_id IN ({marks})", quote_ids)]
        patch_summaries(conn, before, after)
        conn.executemany(
            "INSERT OR IGNORE INTO echo_pending VALUES (?)", [(row["article_id"],) for row in before + after]
        )
    # The cached overview and network are recomputed by the next visit to them, not here: a
    # reviewer's click stays instant (on a million quotes that visit takes about a second, once).


def quote_speakers(conn: sqlite3.Connection, top: int) -> tuple[list[dict], list[dict]]:
    """Each named quote with its speaker as its article names them, its corpus actor and its voice; and the
    `top` actors by quotes (name, quotes), for the corpus evaluation."""
    quotes = [
        dict(row)
        for row in conn.execute(
            "SELECT v.quote_id, COALESCE(aa.name, v.speaker_name) AS name, v.actor_id, v.voice, ac.gender FROM voices v "
            "JOIN quotes q ON q.id = v.quote_id LEFT JOIN actors ac ON ac.id = v.actor_id "
            "LEFT JOIN article_actors aa ON aa.article_id = q.article_id "
            "AND aa.local_id = q.local_actor WHERE v.speaker_type NOT IN ('anonymous', 'unknown', 'media')"
        )
    ]
    top_actors = [
        dict(row)
        for row in conn.execute(
            "SELECT ac.name, count(*) AS quotes FROM voices v JOIN actors ac ON ac.id = v.actor_id "
            "WHERE v.speaker_type NOT IN ('anonymous', 'unknown', 'media') GROUP BY v.actor_id ORDER BY quotes DESC, ac.name "
            "LIMIT ?",
            (top,),
        )
    ]
    return quotes, top_actors
