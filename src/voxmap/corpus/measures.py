"""Corpus measures, as rows: share of voice, first voice, anonymity, tone over time, networks.

Every measure reads the `voices` table (one row per quote). A quote's *voice* is the organisation
its speaker speaks for (from the speaker's roles), the organisation itself when it speaks, or the
person when no organisation is known; anonymous sources share one voice, "(anonymous sources)";
quotes whose speaker was not found have no voice and count only in the anonymity figures.

First voice (see docs/first-voice.md): in each story, quotes are ordered by the publication time
of their article, then by article, then by position in the article; the first quote with a voice
is the story's first voice. An organisation's first-voice share is the number of stories it spoke
first on divided by the number of stories it spoke on at all; its lead time in a story is the time
from its first quote to the first quote of any other voice (hours, by publication times; whole days
when an outlet gives dates only), and the median is taken over the stories it led where another voice
followed. Without a time of day, voices whose first quotes came out the same day in other articles are
tied for first: such a story counts as tied for each of them, not as led with a 0-hour lead.
"""

from __future__ import annotations

import sqlite3
import statistics
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

from .summaries import GROUPINGS, drop_windowed, windowed
from .voices import ANONYMOUS_VOICE


@dataclass(frozen=True)
class Period:
    """Which articles count: published on or after `since` and before or on `until` (ISO dates), and
    from `outlet` when one is given."""

    since: str | None = None
    until: str | None = None
    outlet: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.since or self.until or self.outlet)

    def where(self, alias: str = "") -> tuple[str, list]:
        prefix = f"{alias}." if alias else ""
        clauses, values = ["1 = 1"], []
        if self.since:
            clauses.append(f"{prefix}published >= ?")
            values.append(self.since)
        if self.until:  # the whole `until` day counts; written so that the index on published serves
            clauses.append(f"{prefix}published < date(?, '+1 day')")
            values.append(self.until[:10])
        if self.outlet:
            clauses.append(f"{prefix}source = ?")
            values.append(self.outlet)
        return " AND ".join(clauses), values


@contextmanager
def windowed_summaries(conn: sqlite3.Connection, window: Period):
    """The stored summaries, or for a time window TEMP ones built from that window's voices."""
    if window.empty:
        yield
        return
    where, values = window.where()
    windowed(conn, where, values)
    try:
        yield
    finally:
        drop_windowed(conn)


def _grouping(by: str | None) -> str:
    if by is None:
        return "all"
    if by not in GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}: one of {', '.join(g for g in GROUPINGS if g != 'all')}")
    return by


def _shares(rows: list[dict], totals: dict, limit: int) -> list[dict]:
    kept, seen = [], defaultdict(int)
    for row in rows:
        quotes, words = totals.get(row["group"], (0, 0))
        row["share_quotes"] = round(row["quotes"] / quotes, 4) if quotes else 0.0
        row["share_words"] = round(row["words"] / words, 4) if words else 0.0
        seen[row["group"]] += 1
        if seen[row["group"]] <= limit:
            kept.append(row)
    return kept


def share_of_voice(
    conn: sqlite3.Connection, by: str | None = None, window: Period = Period(), limit: int = 50
) -> dict[str, list[dict]]:
    """Quotes and quoted words per actor and per voice (organisation), with their shares of the group."""
    grouping = _grouping(by)
    with windowed_summaries(conn, window):
        totals = _group_totals(conn, grouping)
        # The top `limit` of each group, ranked in SQL: only those rows come back.
        actors = [
            dict(row)
            for row in conn.execute(
                'SELECT "group", actor_id, CASE WHEN anonymous THEN ? ELSE (SELECT name FROM actors WHERE id = actor_id) END '
                "AS actor, voice, quotes, words FROM (SELECT grp AS \"group\", actor_id, voice, max(speaker_type = 'anonymous') "
                "AS anonymous, sum(quotes) AS quotes, sum(words) AS words, row_number() OVER (PARTITION BY grp ORDER BY "
                "sum(quotes) DESC, sum(words) DESC, actor_id) AS rank FROM voice_totals WHERE grouping = ? AND voice IS NOT NULL "
                'GROUP BY grp, actor_id, voice) WHERE rank <= ? ORDER BY "group", rank',
                (ANONYMOUS_VOICE, grouping, limit),
            )
        ]
        voices = _voice_rows(conn, grouping, limit)
    return {"actors": _shares(actors, totals, limit), "voices": _shares(voices, totals, limit)}


def voice_shares(conn: sqlite3.Connection, by: str | None = None, limit: int = 50) -> list[dict]:
    """The voices of `share_of_voice` alone (the actors' ranking costs as much again)."""
    grouping = _grouping(by)
    return _shares(_voice_rows(conn, grouping, limit), _group_totals(conn, grouping), limit)


def _group_totals(conn: sqlite3.Connection, grouping: str) -> dict[str | None, tuple[int, int]]:
    return {
        row[0]: (row[1], row[2])
        for row in conn.execute(
            "SELECT grp, sum(quotes), sum(words) FROM voice_totals WHERE grouping = ? AND voice IS NOT NULL GROUP BY grp",
            (grouping,),
        )
    }


def _voice_rows(conn: sqlite3.Connection, grouping: str, limit: int) -> list[dict]:
    return [
        dict(row)
        for row in conn.execute(
            'SELECT "group", voice, quotes, words FROM (SELECT grp AS "group", voice, sum(quotes) AS quotes, '
            "sum(words) AS words, row_number() OVER (PARTITION BY grp ORDER BY sum(quotes) DESC, sum(words) DESC, voice) "
            "AS rank FROM voice_totals WHERE grouping = ? AND voice IS NOT NULL GROUP BY grp, voice) WHERE rank <= ? "
            'ORDER BY "group", rank',
            (grouping, limit),
        )
    ]


def hours_between(later: str | None, earlier: str | None) -> float | None:
    try:
        return round((datetime.fromisoformat(later) - datetime.fromisoformat(earlier)).total_seconds() / 3600, 2)
    except (TypeError, ValueError):
        return None


_FIRSTS = (
    "SELECT f.*, s.label AS story, ac.name AS actor_name FROM story_firsts f "
    "LEFT JOIN stories s ON s.id = f.story_id LEFT JOIN actors ac ON ac.id = f.actor_id"
)


def days_between(later: str | None, earlier: str | None) -> int | None:
    try:
        return (date.fromisoformat(later[:10]) - date.fromisoformat(earlier[:10])).days
    except (TypeError, ValueError):
        return None


def timed(published: str | None) -> bool:
    """Whether a publication date carries a time of day."""
    return bool(published) and len(published) > 10


def _lead(row: sqlite3.Row) -> tuple[float | None, int | None, str | None]:
    """(hours, days, words) from the first voice to the next: hours when both articles have a time of day,
    else whole days ("same day", "1 day"); None when no other voice followed."""
    if not row["next_voice"]:
        return None, None, None
    if timed(row["published"]) and timed(row["next_published"]):
        hours = hours_between(row["next_published"], row["published"])
        return hours, None, f"{hours} h" if hours is not None else None
    days = days_between(row["next_published"], row["published"])
    if days is None:
        return None, None, None
    return None, days, "same day" if days == 0 else f"{days} day{'s' if days != 1 else ''}"


def first_equal(voice: str, tied: str | None) -> list[str]:
    """The first voices of a story: its first voice, and those `tied` with it (story_firsts.tied,
    voices joined with " | "), sorted by name."""
    return sorted({voice, *tied.split(" | ")}) if tied else [voice]


def _first(row: sqlite3.Row) -> dict:
    """One story's first voice as the measures report it (anonymous sources share one voice). Voices
    first in different articles of the same day, with no time of day, are first-equal: `tie` is set,
    `first_voices` lists them all, and no single `voice`, actor, next voice or lead is named (which
    article sorts first is no evidence of who spoke first)."""
    anonymous = row["speaker_type"] == "anonymous"
    tied = bool(row["tied"])
    hours, days, lead = (None, None, None) if tied else _lead(row)
    return {
        "story_id": row["story_id"],
        "story": row["story"],
        "voice": None if tied else row["voice"],
        "first_voices": first_equal(row["voice"], row["tied"]),
        "tie": tied,
        "actor_id": None if anonymous or tied else row["actor_id"],
        "actor": None if tied else ANONYMOUS_VOICE if anonymous else row["actor_name"],
        "quote_id": row["quote_id"],
        "article_id": row["article_id"],
        "published": row["published"],
        "source": None if tied else row["source"],
        "next_voice": None if tied else row["next_voice"],
        "next_published": None if tied else row["next_published"],
        "lead_hours": hours,
        "lead_days": days,
        "lead": "tie (same day)" if tied else lead,
        "voices": row["voices"],
    }


def story_first_voice(conn: sqlite3.Connection, story_id: int) -> dict | None:
    """The first voice of one story (stored summaries), or None when no quote in it has a voice."""
    row = conn.execute(f"{_FIRSTS} WHERE f.story_id = ?", (story_id,)).fetchone()
    return _first(row) if row else None


def first_voice(conn: sqlite3.Connection, window: Period = Period()) -> dict[str, list[dict]]:
    """Who spoke first on each story, and per voice: stories led, share of stories led, median lead."""
    with windowed_summaries(conn, window):
        firsts = conn.execute(_FIRSTS).fetchall()
        present = {row[0]: row[1] for row in conn.execute("SELECT voice, stories FROM voice_presence")}
    per_story, led, tied = [_first(row) for row in firsts], defaultdict(int), defaultdict(int)
    leads, lead_days = defaultdict(list), defaultdict(list)
    for first in per_story:
        if first["tie"]:  # the same day, no time of day: a tie, counted apart from stories led
            for voice in first["first_voices"]:
                tied[voice] += 1
            continue
        led[first["voice"]] += 1
        if first["lead_hours"] is not None:
            leads[first["voice"]].append(first["lead_hours"])
        if first["lead_days"] is not None:
            lead_days[first["voice"]].append(first["lead_days"])
    per_voice = sorted(
        (
            {
                "voice": voice,
                "stories_first": led.get(voice, 0),
                "stories_tied_first": tied.get(voice, 0),
                "stories_present": count,
                "share_first": round(led.get(voice, 0) / count, 4),
                "median_lead_hours": statistics.median(leads[voice]) if leads.get(voice) else None,
                "median_lead_days": statistics.median(lead_days[voice]) if lead_days.get(voice) else None,
            }
            for voice, count in present.items()
        ),
        key=lambda r: (-r["stories_first"], -r["share_first"], r["voice"]),
    )
    per_story.sort(key=lambda r: (r["published"] or "", r["story_id"]))
    return {"stories": per_story, "voices": per_voice}


def anonymity(conn: sqlite3.Connection, by: str | None = "outlet", window: Period = Period()) -> list[dict]:
    """Share of quotes from anonymous sources, among quotes whose speaker was found, per group."""
    with windowed_summaries(conn, window):
        rows = conn.execute(
            "SELECT grp, sum(quotes) AS quotes, sum(CASE WHEN speaker_type = 'anonymous' THEN quotes ELSE 0 END) AS anonymous, "
            "sum(CASE WHEN speaker_type = 'unknown' THEN quotes ELSE 0 END) AS unknown FROM voice_totals "
            "WHERE grouping = ? GROUP BY grp ORDER BY grp",
            (_grouping(by),),
        ).fetchall()
    out = []
    for row in rows:
        attributed = row["quotes"] - row["unknown"]
        out.append(
            {
                "group": row["grp"],
                "quotes": row["quotes"],
                "anonymous": row["anonymous"],
                "unknown": row["unknown"],
                "anonymity_rate": round(row["anonymous"] / attributed, 4) if attributed else 0.0,
            }
        )
    return out


def media_cited(conn: sqlite3.Connection, window: Period = Period()) -> list[dict]:
    """Which outlets cite which news media as the source of what they report ("selon Le Parisien"),
    with the quotes so attributed: kept apart from who speaks."""
    where, values = window.where("v")
    return [
        dict(row)
        for row in conn.execute(
            "SELECT v.source AS outlet, COALESCE(ac.name, v.speaker_name) AS cited, count(*) AS quotes FROM voices v "
            f"LEFT JOIN actors ac ON ac.id = v.actor_id WHERE v.speaker_type = 'media' AND {where} "
            "GROUP BY 1, 2 ORDER BY quotes DESC, outlet, cited",
            values,
        )
    ]


def tone(conn: sqlite3.Connection, window: Period = Period(), min_quotes: int = 1) -> list[dict]:
    """Mean tone per actor and month, per scoring method (scores are not comparable across methods)."""
    with windowed_summaries(conn, window):
        return [
            dict(row)
            for row in conn.execute(
                "SELECT t.actor_id, ac.name AS actor, t.month, t.method, sum(t.quotes) AS quotes, "
                "round(sum(t.tone_sum) / sum(t.quotes), 4) AS mean_tone FROM tone_totals t JOIN actors ac ON ac.id = t.actor_id "
                "GROUP BY t.actor_id, t.month, t.method HAVING sum(t.quotes) >= ? ORDER BY ac.name, t.month",
                (min_quotes,),
            )
        ]


def network(
    conn: sqlite3.Connection,
    window: Period = Period(),
    limit: int = 200,
    *,
    top_edges: int | None = None,
    min_weight: int = 1,
    relations_among_nodes: bool = False,
) -> dict[str, list[dict]]:
    """Actors (sized by voice), co-quotation edges and typed relations. A co-quotation edge joins two actors
    quoted in the same story; its weight counts the stories they share plus the articles that quote both
    (quoted side by side in one article is the stronger tie). `min_weight` drops weaker edges, `top_edges`
    keeps each actor's strongest ones (an edge stays when it is among the top of either end), so the
    network of a real corpus stays small enough to draw; `relations_among_nodes` keeps only the typed
    relations between two of the nodes (what a drawing of them can show)."""
    with windowed_summaries(conn, window):
        nodes = [
            dict(row)
            for row in conn.execute(
                "SELECT *, (SELECT min(first_seen) FROM story_actors sa WHERE sa.actor_id = top.id) AS first_seen "
                "FROM (SELECT t.actor_id AS id, ac.name, ac.type, ac.organization, sum(t.quotes) AS quotes "
                "FROM voice_totals t JOIN actors ac ON ac.id = t.actor_id WHERE t.grouping = 'all' "
                "AND t.speaker_type NOT IN ('anonymous', 'unknown', 'media') GROUP BY t.actor_id "
                "ORDER BY quotes DESC, ac.name LIMIT ?) top ORDER BY quotes DESC, name",
                (limit,),
            )
        ]
        kept = sorted(node["id"] for node in nodes)
        marks = ", ".join("?" * len(kept))
        # Pairs counted in SQL: the most quoted actors share hundreds of thousands of stories.
        pairs = {
            (row[0], row[1]): {
                "source": row[0],
                "target": row[1],
                "stories": row[2],
                "articles": 0,
                "first_seen": row[3],
            }
            for row in conn.execute(
                f"WITH sa AS (SELECT story_id, actor_id, first_seen FROM story_actors WHERE actor_id IN ({marks})) "
                "SELECT a.actor_id, b.actor_id, count(*), "
                "min(coalesce(max(a.first_seen, b.first_seen), a.first_seen, b.first_seen)) FROM sa a "
                "JOIN sa b ON b.story_id = a.story_id AND b.actor_id > a.actor_id GROUP BY a.actor_id, b.actor_id",
                kept,
            )
        }
        where_v, values_v = window.where("v")
        for source, target, articles in conn.execute(
            f"WITH va AS (SELECT DISTINCT article_id, actor_id FROM voices v WHERE actor_id IN ({marks}) AND {where_v}) "
            "SELECT a.actor_id, b.actor_id, count(*) FROM va a "
            "JOIN va b ON b.article_id = a.article_id AND b.actor_id > a.actor_id GROUP BY a.actor_id, b.actor_id",
            [*kept, *values_v],
        ):
            if (source, target) in pairs:  # quoted side by side in a story's article: a stronger tie
                pairs[(source, target)]["articles"] = articles
    edges = [dict(edge, weight=edge["stories"] + edge["articles"]) for edge in pairs.values()]
    edges = strongest(edges, top_edges, min_weight)
    where_a, values_a = window.where("a")
    if relations_among_nodes:
        where_a += f" AND s.actor_id IN ({marks}) AND o.actor_id IN ({marks})"
        values_a = [*values_a, *kept, *kept]
    relations = [
        dict(row)
        for row in conn.execute(
            "SELECT s.actor_id AS source, o.actor_id AS target, r.predicate, count(*) AS count, min(a.published) AS first_seen, "
            "min(r.text) AS evidence, min(r.article_id) AS article_id FROM relations r "
            "JOIN articles a ON a.id = r.article_id "
            "JOIN article_actors s ON s.article_id = r.article_id AND s.local_id = r.subject_local "
            "JOIN article_actors o ON o.article_id = r.article_id AND o.local_id = r.object_local "
            f"WHERE s.actor_id IS NOT NULL AND o.actor_id IS NOT NULL AND {where_a} "
            "GROUP BY s.actor_id, o.actor_id, r.predicate ORDER BY count DESC",
            values_a,
        )
    ]
    return {
        "nodes": nodes,
        "co_quotation": sorted(edges, key=lambda e: (-e["weight"], e["source"], e["target"])),
        "relations": relations,
    }


def strongest(edges: list[dict], top: int | None, min_weight: int = 1) -> list[dict]:
    """The edges of at least `min_weight`, and of those, each node's `top` heaviest (an edge stays when
    either of its ends keeps it); ties broken by the other end's id, so the result is deterministic."""
    edges = [e for e in edges if e["weight"] >= min_weight]
    if top is None:
        return edges
    by_node: dict[int, list[dict]] = defaultdict(list)
    for edge in edges:
        by_node[edge["source"]].append(edge)
        by_node[edge["target"]].append(edge)
    kept: set[tuple[int, int]] = set()
    for node, mine in by_node.items():
        mine.sort(key=lambda e: (-e["weight"], e["target"] if e["source"] == node else e["source"]))
        kept.update((e["source"], e["target"]) for e in mine[:top])
    return [e for e in edges if (e["source"], e["target"]) in kept]
