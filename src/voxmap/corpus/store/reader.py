"""Read stored articles and analyses back."""

from __future__ import annotations

import sqlite3

from ...records import Actor, Analysis, Article, Quote, Role, Span, Speaker


def load_article(conn: sqlite3.Connection, article_id: str) -> Article | None:
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    return Article(
        text=row["text"],
        id=row["id"],
        title=row["title"],
        language=row["language"],
        published=row["published"],
        source=row["source"],
        url=row["url"],
        story=row["story_given"],
        key=row["key"],
    )


def load_analysis(conn: sqlite3.Connection, article_id: str) -> Analysis | None:
    """The stored article with its quotes and actors (relations, figures and dates stay as rows)."""
    article = load_article(conn, article_id)
    if article is None:
        return None
    actors = {
        row["local_id"]: Actor(row["local_id"], row["name"], row["type"], gender=row["gender"])
        for row in conn.execute(
            "SELECT local_id, name, type, gender FROM article_actors WHERE article_id = ? ORDER BY rowid", (article_id,)
        )
    }
    for row in conn.execute("SELECT * FROM mentions WHERE article_id = ? ORDER BY rowid", (article_id,)):
        actors[row["local_actor"]].mentions.append(Span(row["start"], row["end"], row["text"]))
    for row in conn.execute("SELECT * FROM roles WHERE article_id = ? ORDER BY rowid", (article_id,)):
        actors[row["local_actor"]].roles.append(
            Role(
                row["title"],
                row["organization"],
                Span(row["start"], row["end"], row["text"]),
                bool(row["former"]),
                row["institution"],
            )
        )
    quotes = []
    for row in conn.execute("SELECT * FROM quotes WHERE article_id = ? ORDER BY id", (article_id,)):
        spans = [
            Span(s["start"], s["end"], s["text"])
            for s in conn.execute(
                "SELECT start, end, text FROM quote_spans WHERE quote_id = ? ORDER BY rowid", (row["id"],)
            )
        ]
        mention = (
            Span(row["mention_start"], row["mention_end"], row["mention_text"])
            if row["mention_start"] is not None
            else None
        )
        cue = Span(row["cue_start"], row["cue_end"], row["cue_text"]) if row["cue_start"] is not None else None
        tone = (
            {"score": row["tone_score"], "intensity": row["tone_intensity"], "method": row["tone_method"]}
            if row["tone_method"]
            else None
        )
        quotes.append(
            Quote(
                row["local_id"],
                row["kind"],
                spans,
                cue,
                Speaker(row["speaker_name"], row["speaker_type"], row["local_actor"], mention),
                row["confidence"],
                tone,
                row["how"] or "",
            )
        )
    return Analysis(article=article, quotes=quotes, actors=list(actors.values()))
