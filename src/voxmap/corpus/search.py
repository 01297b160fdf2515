"""Full-text search over quotes (SQLite FTS5), with the dashboard's filters."""

from __future__ import annotations

import re
import sqlite3

from ..errors import InvalidFilter
from .measures import Period
from .pages import PAGE_SIZE, group_names, query_rows
from .trends import PERIOD_KEY, Filters, period_of_span

# Ranking (bm25) costs about 1.5 ms per thousand matching quotes: past this many matches a search
# lists the most recently stored matches first, and says so, instead of making the reader wait.
RANK_LIMIT = 50_000

_WORD = re.compile(r"\w+", re.UNICODE)
# A term: an optional minus before a "quoted phrase" or a run of non-space characters.
_TERM = re.compile(r'(?:(?<=\s)|^)(-?)(?:"([^"]*)"?|(\S+))')


def fts_query(text: str) -> str | None:
    """A user's words as a safe FTS5 query: every word must appear, "quoted phrases" stay phrases, and a
    word or phrase after a minus ("-Mexico", -"border wall") must not appear. Everything else is a
    word to find (OR, AND and NOT are words, not operators). A query that only excludes is refused:
    it would list every other quote."""
    wanted, unwanted = [], []
    for minus, phrase, word in _TERM.findall(text):
        words = _WORD.findall(phrase or word)
        if words:
            (unwanted if minus else wanted).append(f'"{" ".join(words)}"')
    if unwanted and not wanted:
        raise InvalidFilter(
            f"the search {text.strip()!r} only excludes words",
            "Add a word to find: -word excludes quotes that have it.",
        )
    if not wanted:
        return None
    return " ".join(wanted) + "".join(f" NOT {term}" for term in unwanted)


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
    words that also pass the filters."""
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
    checked = Filters(since or None, until or None)  # a date that does not exist is refused, not ignored
    window_where, window_values = Period(checked.since, checked.until).where("v")
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
        matches = conn.execute(
            f"SELECT count(*) FROM quotes_fts f JOIN voices v ON v.quote_id = f.rowid {joins} "
            f"WHERE quotes_fts MATCH ? AND {where}",
            [match, *values],
        ).fetchone()[0]
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
        "attention": attention(conn, match, joins, where, values) if match else None,
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
        "outlets": group_names(conn, "outlet"),
        "languages": group_names(conn, "language"),
    }


def attention(conn: sqlite3.Connection, match: str, joins: str, where: str, values: list) -> dict:
    """How much the matching quotes, and the articles that hold them, fill each period and outlet: the
    attention a subject gets over time (by day, week or month, chosen by the span of the matches)."""
    span = conn.execute(
        f"SELECT min(v.published), max(v.published) FROM quotes_fts f JOIN voices v ON v.quote_id = f.rowid {joins} "
        f"WHERE quotes_fts MATCH ? AND v.published IS NOT NULL AND {where}",
        [match, *values],
    ).fetchone()
    period = period_of_span(span[0], span[1])
    key = PERIOD_KEY[period].format(p="v.published")
    rows = [
        dict(row)
        for row in conn.execute(
            f"SELECT {key} AS period, v.source AS outlet, count(*) AS quotes, count(DISTINCT v.article_id) AS articles "
            f"FROM quotes_fts f JOIN voices v ON v.quote_id = f.rowid {joins} "
            f"WHERE quotes_fts MATCH ? AND v.published IS NOT NULL AND {where} GROUP BY 1, 2 ORDER BY 1, 2",
            [match, *values],
        )
    ]
    return {"period": period, "rows": rows}
