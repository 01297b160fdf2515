"""Full-text search over quotes (SQLite FTS5), with the dashboard's filters."""

from __future__ import annotations

import re
import sqlite3

from .measures import Period
from .pages import PAGE_SIZE, query_rows

# Ranking (bm25) costs about 1.5 ms per thousand matching quotes: past this many matches a search
# lists the most recently stored matches first, and says so, instead of making the reader wait.
RANK_LIMIT = 50_000

_WORD = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]+)"')


def fts_query(text: str) -> str | None:
    """A user's words as a safe FTS5 query: "quoted phrases" stay phrases, every other word must appear."""
    phrases = [" ".join(_WORD.findall(p)) for p in _PHRASE.findall(text)]
    words = _WORD.findall(_PHRASE.sub(" ", text))
    terms = [f'"{p}"' for p in phrases if p] + [f'"{w}"' for w in words]
    return " ".join(terms) or None


def search_quotes(
    conn: sqlite3.Connection,
    q: str = "",
    *,
    actor: str = "",
    organization: str = "",
    outlet: str = "",
    language: str = "",
    since: str = "",
    until: str = "",
    page: int = 1,
) -> dict:
    """Quotes matching words (FTS5: best first, or most recently stored first past RANK_LIMIT
    matches) and filters (actor or organisation name, outlet, language, publication dates); without
    words, the latest published quotes that pass the filters. `matches` counts the quotes with the
    words, before filters."""
    clauses, values = [], []
    for column, value in (
        ("ac.name", actor),
        ("v.organization", organization),
        ("v.source", outlet),
        ("v.language", language),
    ):
        if value:
            clauses.append(f"{column} = ? COLLATE NOCASE")
            values.append(value)
    window_where, window_values = Period(since or None, until or None).where("v")
    clauses.append(window_where)
    values += window_values
    match = fts_query(q)
    offset = (max(page, 1) - 1) * PAGE_SIZE
    select = (
        "SELECT v.quote_id, v.article_id, v.published, v.source, v.language, v.voice, v.actor_id, v.speaker_type, "
        "v.speaker_name, v.kind, q.text, ac.name AS actor, a.title AS article"
    )
    joins = (
        "JOIN quotes q ON q.id = v.quote_id JOIN articles a ON a.id = v.article_id "
        "LEFT JOIN actors ac ON ac.id = v.actor_id"
    )
    where = " AND ".join(clauses)
    matches, ranked = None, False
    if match:
        matches = conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?", (match,)).fetchone()[0]
        ranked = matches <= RANK_LIMIT
        rows = query_rows(
            conn,
            f"{select} FROM quotes_fts f JOIN voices v ON v.quote_id = f.rowid {joins} "
            f"WHERE quotes_fts MATCH ? AND {where} ORDER BY {'f.rank' if ranked else 'f.rowid DESC'} "
            "LIMIT ? OFFSET ?",
            [match, *values, PAGE_SIZE + 1, offset],
        )
    else:
        rows = query_rows(
            conn,
            f"{select} FROM voices v {joins} WHERE {where} ORDER BY v.published DESC, v.quote_id DESC LIMIT ? OFFSET ?",
            [*values, PAGE_SIZE + 1, offset],
        )
    return {
        "q": q,
        "query": match,
        "matches": matches,
        "ranked": ranked,
        "filters": {
            "actor": actor,
            "organization": organization,
            "outlet": outlet,
            "language": language,
            "since": since,
            "until": until,
        },
        "results": rows[:PAGE_SIZE],
        "page": max(page, 1),
        "more": len(rows) > PAGE_SIZE,
        "outlets": [
            row[0]
            for row in conn.execute(
                "SELECT DISTINCT grp FROM voice_totals WHERE grouping = 'outlet' AND grp IS NOT NULL ORDER BY grp"
            )
        ],
        "languages": [
            row[0]
            for row in conn.execute(
                "SELECT DISTINCT grp FROM voice_totals WHERE grouping = 'language' AND grp IS NOT NULL ORDER BY grp"
            )
        ],
    }
