"""Write analyses into the store. Each article is replaced whole inside the caller's transaction,
so a re-ingested article never leaves old rows behind and an interrupted ingest leaves no half article."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import UTC, datetime

from ...records import Analysis, Article


def content_hash(article: Article) -> str:
    """What decides that an article changed: its text and the metadata its input gave (the detected
    language is derived from them)."""
    fields = [article.text, article.title, article.published, article.source, article.url, article.story]
    return hashlib.sha1(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


def stored_hash(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT content_hash FROM articles WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def stored_key(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The input key an article id is stored under."""
    row = conn.execute("SELECT key FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def start_run(conn: sqlite3.Connection, paths: list[str]) -> int:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with conn:
        return conn.execute(
            "INSERT INTO ingest_runs (started, paths) VALUES (?, ?)", (now, json.dumps([str(p) for p in paths]))
        ).lastrowid


def finish_run(conn: sqlite3.Connection, run_id: int, ok: int, skipped: int, failed: int) -> None:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with conn:
        conn.execute(
            "UPDATE ingest_runs SET finished = ?, ok = ?, skipped = ?, failed = ? WHERE id = ?",
            (now, ok, skipped, failed, run_id),
        )


def record_input(
    conn: sqlite3.Connection,
    key: str,
    status: str,
    reason: str | None,
    run_id: int | None,
    article_id: str | None = None,
    encoding: str | None = None,
    repairs: dict[str, list] | None = None,
) -> None:
    conn.execute(
        "INSERT INTO inputs (key, article_id, status, reason, run_id, encoding, repairs) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(key) DO UPDATE SET article_id = excluded.article_id, status = excluded.status, "
        "reason = excluded.reason, run_id = excluded.run_id, encoding = excluded.encoding, repairs = excluded.repairs",
        (key, article_id, status, reason, run_id, encoding, json.dumps(repairs) if repairs else None),
    )


def save_analysis(conn: sqlite3.Connection, analysis: Analysis, run_id: int | None = None) -> None:
    """Replace the stored article with the same key by this analysis (call inside a transaction)."""
    article = analysis.article
    key = article.key or f"id:{article.id}"
    conn.execute("DELETE FROM articles WHERE key = ? OR id = ?", (key, article.id))
    conn.execute(
        "INSERT INTO articles (id, key, title, language, published, source, url, text, content_hash, story_given) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.id,
            key,
            article.title,
            article.language,
            article.published,
            article.source,
            article.url,
            article.text,
            content_hash(article),
            article.story,
        ),
    )
    aid = article.id
    conn.executemany(
        "INSERT INTO article_actors (article_id, local_id, name, type, gender, place) VALUES (?, ?, ?, ?, ?, ?)",
        [(aid, a.id, a.name, a.type, a.gender, int(a.place)) for a in analysis.actors],
    )
    conn.executemany(
        "INSERT INTO mentions (article_id, local_actor, start, end, text) VALUES (?, ?, ?, ?, ?)",
        [(aid, a.id, m.start, m.end, m.text) for a in analysis.actors for m in a.mentions],
    )
    conn.executemany(
        "INSERT INTO roles (article_id, local_actor, title, organization, start, end, text, former, institution) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                aid,
                a.id,
                r.title,
                r.organization,
                r.evidence.start,
                r.evidence.end,
                r.evidence.text,
                int(r.former),
                r.institution,
            )
            for a in analysis.actors
            for r in a.roles
        ],
    )
    for quote in analysis.quotes:
        speaker, tone = quote.speaker, quote.tone or {}
        quote_id = conn.execute(
            "INSERT INTO quotes (article_id, local_id, kind, text, start, words, cue_start, cue_end, cue_text, "
            "speaker_name, speaker_type, local_actor, mention_start, mention_end, mention_text, confidence, "
            "tone_score, tone_intensity, tone_method, how) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                aid,
                quote.id,
                quote.kind,
                quote.text,
                quote.start,
                len(quote.text.split()),
                quote.cue.start if quote.cue else None,
                quote.cue.end if quote.cue else None,
                quote.cue.text if quote.cue else None,
                speaker.name,
                speaker.type,
                speaker.actor,
                speaker.mention.start if speaker.mention else None,
                speaker.mention.end if speaker.mention else None,
                speaker.mention.text if speaker.mention else None,
                quote.confidence,
                tone.get("score"),
                tone.get("intensity"),
                tone.get("method"),
                quote.how,
            ),
        ).lastrowid
        conn.executemany(
            "INSERT INTO quote_spans (quote_id, start, end, text) VALUES (?, ?, ?, ?)",
            [(quote_id, s.start, s.end, s.text) for s in quote.spans],
        )
    conn.executemany(
        "INSERT INTO relations (article_id, subject_local, predicate, object_local, start, end, text, confidence, "
        "title, former, label, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                aid,
                r.subject,
                r.predicate,
                r.object,
                r.evidence.start,
                r.evidence.end,
                r.evidence.text,
                r.confidence,
                r.title,
                int(r.former),
                r.label,
                r.date,
            )
            for r in analysis.relations
        ],
    )
    conn.executemany(
        "INSERT INTO figures (article_id, start, end, text, value, unit, counts, qualifier, local_actor) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (aid, f.start, f.end, f.text, f.value, f.unit, f.counts, f.qualifier, f.attributed_to)
            for f in analysis.figures
        ],
    )
    conn.executemany(
        "INSERT INTO dates (article_id, start, end, text, value, granularity) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (aid, d.start, d.end, d.text, d.value.isoformat() if d.value else None, d.granularity)
            for d in analysis.dates
        ],
    )
    record_input(conn, article.origin or key, "ok", None, run_id, aid, article.encoding, article.repairs_record())
