"""Everything `voxmap report` gives, as one dict: the measures of voxmap.corpus.measures over the whole
period, and those of voxmap.corpus.trends over time."""

from __future__ import annotations

import sqlite3

from . import trends
from .echoes import echoes, echoes_by_voice
from .gender import gender_over_time
from .measures import (
    Period,
    anonymity,
    first_voice,
    media_cited,
    network,
    share_of_voice,
    tone,
    windowed_summaries,
)
from .syndication import syndication_summary


def report(conn: sqlite3.Connection, by: str | None = None, window: Period = Period(), limit: int = 50) -> dict:
    """The JSON keys share_of_voice (the top `limit` per group), first_voice, anonymity, media_cited (news
    media cited as sources, kept apart from who speaks), tone, network, echoes (phrases a voice coined
    that others took up), echoes_by_voice, and over time: voice_over_time, tone_over_time, lead_times
    and gender (quotes of women and men per outlet and period); syndication: the wire copies found and
    how they count."""
    filters = trends.Filters(window.since, window.until)
    with windowed_summaries(conn, window):
        # Inside one window the TEMP summaries are built once and shared by every measure.
        inner = Period()
        data = {
            "share_of_voice": share_of_voice(conn, by, inner, limit=limit),
            "first_voice": first_voice(conn, inner),
            "anonymity": anonymity(conn, by or "outlet", inner),
            "media_cited": media_cited(conn, window),
            "tone": tone(conn, inner),
            "network": _network_in(conn, window),
            "echoes": echoes(conn, since=window.since, until=window.until),
            "echoes_by_voice": echoes_by_voice(conn),
            "lead_times": trends.lead_times(conn, trends.Filters()),
        }
    period = trends.choose_period(conn, filters)
    data["voice_over_time"] = trends.voice_over_time(conn, filters, period)
    data["tone_over_time"] = trends.tone_over_time(conn, filters, period)
    data["gender"] = gender_over_time(conn, filters, period)
    data["syndication"] = syndication_summary(conn)
    return data


def _network_in(conn: sqlite3.Connection, window: Period) -> dict:
    """The network over the summaries already in place; relations still filtered by the window."""
    data = network(conn, Period())
    if not window.empty:
        where, values = window.where("a")
        data["relations"] = [r for r in data["relations"] if _published_in(conn, r["article_id"], where, values)]
    return data


def _published_in(conn: sqlite3.Connection, article_id: str, where: str, values: list) -> bool:
    return (
        conn.execute(f"SELECT 1 FROM articles a WHERE a.id = ? AND {where}", [article_id, *values]).fetchone()
        is not None
    )
