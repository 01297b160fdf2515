"""What the dashboard's filtered pages show, as plain data: trends over time, first voices with lead
times and head-to-head, and the indexes of actors and voices. Every function takes the same
`Filters` (dates, outlet, language, quote kinds), which the pages keep in their addresses."""

from __future__ import annotations

import sqlite3

from ..errors import InvalidFilter
from . import trends
from .corrections import KINDS
from .gender import gender_over_time
from .measures import first_voice
from .pages import PAGE_SIZE, group_names, like_literal, query_rows
from .trends import Filters

SORTS = {
    "quotes": "quotes DESC, name",
    "name": "name COLLATE NOCASE, quotes DESC",
    "first_seen": "first_seen, name",
    "last_seen": "last_seen DESC, name",
}


def _sort(sort: str) -> str:
    if sort not in SORTS:
        raise InvalidFilter(f"unknown sort {sort!r}", f"Sort by one of {', '.join(SORTS)}.")
    return SORTS[sort]


def choices(conn: sqlite3.Connection) -> dict:
    """The outlets, languages and voices the filter forms offer."""
    return {
        "outlets": group_names(conn, "outlet"),
        "languages": group_names(conn, "language"),
        "voices": trends.voice_choices(conn),
        "kinds": list(KINDS),
    }


def trends_page(
    conn: sqlite3.Connection,
    filters: Filters = Filters(),
    period: str | None = None,
    voices: tuple[str, ...] = (),
    top: int = 8,
    change_voice: str = "",
    change_at: str = "",
) -> dict:
    """Share of voice and tone over time for the top voices and those picked, and, when a voice and a
    date are given, the test of its tone's change at that date."""
    over = trends.voice_over_time(conn, filters, period, top, voices)
    tone = trends.tone_over_time(conn, filters, over["period"], top, voices)
    change = trends.tone_change(conn, change_voice, change_at, filters) if change_voice and change_at else None
    return {
        "filters": filters.as_query(),
        "period": over["period"],
        "period_asked": period or "auto",
        "picked": list(voices),
        "top": top,
        "voice_over_time": over,
        "tone_over_time": tone,
        "tone_change": change,
        "gender": gender_over_time(conn, filters, over["period"]),
        "change": {"voice": change_voice, "at": change_at},
        "choices": choices(conn),
    }


def first_page(conn: sqlite3.Connection, filters: Filters = Filters(), a: str = "", b: str = "") -> dict:
    """Who spoke first on each story, the lead-time spread per voice, and voice `a` against voice `b`."""
    firsts = first_voice(conn, filters.period)
    return {
        "filters": filters.as_query(),
        "stories": firsts["stories"][::-1],
        "voices": firsts["voices"],
        "lead_times": trends.lead_times(conn, filters),
        "head_to_head": trends.head_to_head(conn, a, b, filters) if a and b else None,
        "a": a,
        "b": b,
        "choices": choices(conn),
    }


def actors_index(
    conn: sqlite3.Connection,
    filters: Filters = Filters(),
    q: str = "",
    kind: str = "",
    sort: str = "quotes",
    page: int = 1,
) -> dict:
    """Every quoted actor with its quotes, words, voice, gender and first and last quote, sortable;
    `q` keeps names containing these characters, `kind` one type (person, organization, group)."""
    where, values = filters.where()
    clauses, more = [], []
    if q:
        clauses.append("ac.name LIKE ? ESCAPE '\\'")
        more.append(f"%{like_literal(q)}%")
    if kind:
        clauses.append("ac.type = ?")
        more.append(kind)
    having = " AND ".join(clauses) or "1 = 1"
    offset = (max(page, 1) - 1) * PAGE_SIZE
    rows = query_rows(
        conn,
        "SELECT ac.id, ac.name, ac.type, ac.gender, ac.organization, count(*) AS quotes, sum(v.words) AS words, "
        "min(v.published) AS first_seen, max(v.published) AS last_seen, "
        "(SELECT w.voice FROM voices w WHERE w.actor_id = ac.id AND w.voice IS NOT NULL GROUP BY w.voice "
        " ORDER BY count(*) DESC, w.voice LIMIT 1) AS voice "
        "FROM voices v JOIN actors ac ON ac.id = v.actor_id "
        f"WHERE v.speaker_type NOT IN ('anonymous', 'unknown') AND {where} AND {having} "
        f"GROUP BY ac.id ORDER BY {_sort(sort)} LIMIT ? OFFSET ?",
        [*values, *more, PAGE_SIZE + 1, offset],
    )
    return {
        "filters": filters.as_query(),
        "q": q,
        "kind": kind,
        "sort": sort,
        "sorts": list(SORTS),
        "actors": rows[:PAGE_SIZE],
        "page": max(page, 1),
        "more": len(rows) > PAGE_SIZE,
        "choices": choices(conn),
    }


def voices_index(conn: sqlite3.Connection, filters: Filters = Filters(), sort: str = "quotes") -> dict:
    """Every voice with its quotes, words and share, its actors, and the stories it spoke on, first on
    and first-equal on (first voices over the filters' dates, across outlets)."""
    where, values = filters.where()
    rows = query_rows(
        conn,
        "SELECT v.voice AS name, count(*) AS quotes, sum(v.words) AS words, count(DISTINCT v.actor_id) AS actors, "
        "min(v.published) AS first_seen, max(v.published) AS last_seen FROM voices v "
        f"WHERE v.voice IS NOT NULL AND {where} GROUP BY v.voice ORDER BY {_sort(sort)}",
        values,
    )
    total = sum(row["quotes"] for row in rows) or 1
    firsts = {row["voice"]: row for row in first_voice(conn, filters.period)["voices"]}
    for row in rows:
        first = firsts.get(row["name"], {})
        row["share_quotes"] = round(row["quotes"] / total, 4)
        row["stories_present"] = first.get("stories_present", 0)
        row["stories_first"] = first.get("stories_first", 0)
        row["stories_tied_first"] = first.get("stories_tied_first", 0)
    return {"filters": filters.as_query(), "sort": sort, "sorts": list(SORTS), "voices": rows, "choices": choices(conn)}
