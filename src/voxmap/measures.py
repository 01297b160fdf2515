"""Corpus measures, as rows: share of voice, first voice, anonymity, tone over time, networks.

Every measure reads the `voices` table (one row per quote). A quote's *voice* is the organisation
its speaker speaks for (from the speaker's roles), the organisation itself when it speaks, or the
person when no organisation is known; anonymous sources share one voice, "(anonymous sources)";
quotes whose speaker was not found have no voice and count only in the anonymity figures.

First voice (see docs/first-voice.md): in each story, quotes are ordered by the publication time
of their article, then by article, then by position in the article; the first quote with a voice
is the story's first voice. An organisation's first-voice share is the number of stories it spoke
first on divided by the number of stories it spoke on at all; its lead time in a story is the time
from its first quote to the first quote of any other voice (hours, by publication times), and the
median is taken over the stories it led where another voice followed.
"""
from __future__ import annotations

import sqlite3
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from .voices import ANONYMOUS_VOICE

GROUPINGS = {"outlet": "source", "month": "month", "story": "story_id", "language": "language"}


@dataclass(frozen=True)
class Window:
    """Which articles count: published on or after `since` and before or on `until` (ISO dates)."""

    since: str | None = None
    until: str | None = None

    def where(self, alias: str = "") -> tuple[str, list]:
        prefix = f"{alias}." if alias else ""
        clauses, values = ["1 = 1"], []
        if self.since:
            clauses.append(f"{prefix}published >= ?")
            values.append(self.since)
        if self.until:
            clauses.append(f"substr({prefix}published, 1, 10) <= ?")
            values.append(self.until)
        return " AND ".join(clauses), values


def _group(by: str | None) -> str:
    if by is None:
        return "'all'"
    if by not in GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}: one of {', '.join(GROUPINGS)}")
    return GROUPINGS[by]


def share_of_voice(conn: sqlite3.Connection, by: str | None = None, window: Window = Window(),
                   limit: int = 50) -> dict[str, list[dict]]:
    """Quotes and quoted words per actor and per voice (organisation), with their shares of the group."""
    group = _group(by)
    where, values = window.where()
    totals = {row[0]: (row[1], row[2]) for row in conn.execute(
        f"SELECT {group}, count(*), sum(words) FROM voices WHERE voice IS NOT NULL AND {where} GROUP BY 1", values)}

    def rows(select: str, key: str) -> list[dict]:
        out = []
        for row in conn.execute(
                f"SELECT {group} AS grp, {select}, count(*) AS quotes, sum(words) AS words FROM voices "
                f"WHERE voice IS NOT NULL AND {where} GROUP BY grp, {key} ORDER BY grp, quotes DESC, words DESC",
                values):
            total_quotes, total_words = totals.get(row["grp"], (0, 0))
            item = dict(row)
            item["group"] = item.pop("grp")
            item["share_quotes"] = round(row["quotes"] / total_quotes, 4) if total_quotes else 0.0
            item["share_words"] = round(row["words"] / total_words, 4) if total_words else 0.0
            out.append(item)
        return _top_per_group(out, limit)

    actors = rows("CASE WHEN speaker_type = 'anonymous' THEN NULL ELSE actor_id END AS actor_id, "
                  f"CASE WHEN speaker_type = 'anonymous' THEN '{ANONYMOUS_VOICE}' ELSE "
                  "(SELECT name FROM actors WHERE id = voices.actor_id) END AS actor, voice",
                  "CASE WHEN speaker_type = 'anonymous' THEN NULL ELSE actor_id END")
    voices = rows("voice", "voice")
    return {"actors": actors, "voices": voices}


def _top_per_group(rows: list[dict], limit: int) -> list[dict]:
    kept, seen = [], defaultdict(int)
    for row in rows:
        seen[row["group"]] += 1
        if seen[row["group"]] <= limit:
            kept.append(row)
    return kept


def _hours(later: str | None, earlier: str | None) -> float | None:
    try:
        return round((datetime.fromisoformat(later) - datetime.fromisoformat(earlier)).total_seconds() / 3600, 2)
    except (TypeError, ValueError):
        return None


def first_voice(conn: sqlite3.Connection, window: Window = Window()) -> dict[str, list[dict]]:
    """Who spoke first on each story, and per voice: stories led, share of stories led, median lead."""
    where, values = window.where()
    stories: dict[int, list[sqlite3.Row]] = defaultdict(list)
    for row in conn.execute(
            "SELECT v.story_id, v.voice, v.actor_id, v.quote_id, v.article_id, v.published, v.source, v.speaker_type "
            f"FROM voices v WHERE v.voice IS NOT NULL AND v.story_id IS NOT NULL AND {where} "
            "ORDER BY v.story_id, v.published IS NULL, v.published, v.article_key, v.position", values):
        stories[row["story_id"]].append(row)
    labels = {row[0]: row[1] for row in conn.execute("SELECT id, label FROM stories")}
    names = {row[0]: row[1] for row in conn.execute("SELECT id, name FROM actors")}
    per_story, led, present, leads = [], defaultdict(int), defaultdict(int), defaultdict(list)
    for story_id, quotes in stories.items():
        first = quotes[0]
        follower = next((q for q in quotes if q["voice"] != first["voice"]), None)
        lead = _hours(follower["published"], first["published"]) if follower else None
        per_story.append({
            "story_id": story_id, "story": labels.get(story_id), "voice": first["voice"],
            "actor_id": first["actor_id"] if first["speaker_type"] != "anonymous" else None,
            "actor": names.get(first["actor_id"]) if first["speaker_type"] != "anonymous" else ANONYMOUS_VOICE,
            "quote_id": first["quote_id"], "article_id": first["article_id"], "published": first["published"],
            "source": first["source"], "next_voice": follower["voice"] if follower else None, "lead_hours": lead,
            "voices": len({q["voice"] for q in quotes})})
        led[first["voice"]] += 1
        if lead is not None:
            leads[first["voice"]].append(lead)
        for voice in {q["voice"] for q in quotes}:
            present[voice] += 1
    per_voice = sorted(({
        "voice": voice, "stories_first": led.get(voice, 0), "stories_present": count,
        "share_first": round(led.get(voice, 0) / count, 4),
        "median_lead_hours": statistics.median(leads[voice]) if leads.get(voice) else None}
        for voice, count in present.items()), key=lambda r: (-r["stories_first"], -r["share_first"], r["voice"]))
    per_story.sort(key=lambda r: (r["published"] or "", r["story_id"]))
    return {"stories": per_story, "voices": per_voice}


def anonymity(conn: sqlite3.Connection, by: str | None = "outlet", window: Window = Window()) -> list[dict]:
    """Share of quotes from anonymous sources, among quotes whose speaker was found, per group."""
    group = _group(by)
    where, values = window.where()
    out = []
    for row in conn.execute(
            f"SELECT {group} AS grp, count(*) AS quotes, sum(speaker_type = 'anonymous') AS anonymous, "
            f"sum(speaker_type = 'unknown') AS unknown FROM voices WHERE {where} GROUP BY grp ORDER BY grp", values):
        attributed = row["quotes"] - row["unknown"]
        out.append({"group": row["grp"], "quotes": row["quotes"], "anonymous": row["anonymous"], "unknown": row["unknown"],
                    "anonymity_rate": round(row["anonymous"] / attributed, 4) if attributed else 0.0})
    return out


def tone(conn: sqlite3.Connection, window: Window = Window(), min_quotes: int = 1) -> list[dict]:
    """Mean tone per actor and month, per scoring method (scores are not comparable across methods)."""
    where, values = window.where("v")
    return [dict(row) for row in conn.execute(
        "SELECT v.actor_id, ac.name AS actor, v.month, v.tone_method AS method, count(*) AS quotes, "
        "round(avg(v.tone_score), 4) AS mean_tone FROM voices v JOIN actors ac ON ac.id = v.actor_id "
        f"WHERE v.tone_score IS NOT NULL AND v.speaker_type NOT IN ('anonymous', 'unknown') AND {where} "
        "GROUP BY v.actor_id, v.month, v.tone_method HAVING count(*) >= ? ORDER BY ac.name, v.month",
        [*values, min_quotes])]


def network(conn: sqlite3.Connection, window: Window = Window(), limit: int = 200) -> dict[str, list[dict]]:
    """Actors (sized by voice), co-quotation edges (quoted in the same story) and typed relations."""
    where, values = window.where("v")
    nodes = [dict(row) for row in conn.execute(
        "SELECT v.actor_id AS id, ac.name, ac.type, ac.organization, count(*) AS quotes, min(v.published) AS first_seen "
        "FROM voices v JOIN actors ac ON ac.id = v.actor_id WHERE v.speaker_type NOT IN ('anonymous', 'unknown') "
        f"AND {where} GROUP BY v.actor_id ORDER BY quotes DESC LIMIT ?", [*values, limit])]
    kept = {node["id"] for node in nodes}
    pairs: dict[tuple[int, int], dict] = {}
    by_story: dict[int, set[int]] = defaultdict(set)
    first_seen: dict[tuple[int, int], str] = {}
    for row in conn.execute(f"SELECT v.story_id, v.actor_id, v.published FROM voices v WHERE v.story_id IS NOT NULL "
                            f"AND v.actor_id IS NOT NULL AND v.speaker_type NOT IN ('anonymous', 'unknown') AND {where}",
                            values):
        if row["actor_id"] in kept:
            by_story[row["story_id"]].add(row["actor_id"])
            key = (row["story_id"], row["actor_id"])
            first_seen[key] = min(filter(None, [first_seen.get(key), row["published"]]), default=None)
    for story, actors in by_story.items():
        ordered = sorted(actors)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                edge = pairs.setdefault((a, b), {"source": a, "target": b, "stories": 0, "first_seen": None})
                edge["stories"] += 1
                seen = max(filter(None, [first_seen.get((story, a)), first_seen.get((story, b))]), default=None)
                edge["first_seen"] = min(filter(None, [edge["first_seen"], seen]), default=None)
    where_a, values_a = window.where("a")
    relations = [dict(row) for row in conn.execute(
        "SELECT s.actor_id AS source, o.actor_id AS target, r.predicate, count(*) AS count, min(a.published) AS first_seen, "
        "min(r.text) AS evidence, min(r.article_id) AS article_id FROM relations r "
        "JOIN articles a ON a.id = r.article_id "
        "JOIN article_actors s ON s.article_id = r.article_id AND s.local_id = r.subject_local "
        "JOIN article_actors o ON o.article_id = r.article_id AND o.local_id = r.object_local "
        f"WHERE s.actor_id IS NOT NULL AND o.actor_id IS NOT NULL AND {where_a} "
        "GROUP BY s.actor_id, o.actor_id, r.predicate ORDER BY count DESC", values_a)]
    return {"nodes": nodes, "co_quotation": sorted(pairs.values(), key=lambda e: -e["stories"]), "relations": relations}


def report(conn: sqlite3.Connection, by: str | None = None, window: Window = Window()) -> dict:
    """Everything `voxmap report` prints: the JSON keys share_of_voice, first_voice, anonymity, tone, network."""
    return {
        "share_of_voice": share_of_voice(conn, by, window),
        "first_voice": first_voice(conn, window),
        "anonymity": anonymity(conn, by or "outlet", window),
        "tone": tone(conn, window),
        "network": network(conn, window),
    }
