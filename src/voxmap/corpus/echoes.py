"""Echoes: a voice's phrase taken up by others — another speaker, or a journalist in narration.

A phrase is keyed by its runs of four content words (`extract.phrases`). A key that appears in more
than one article, first inside a quote, is an echo candidate: its **origin** is that first quote
(speaker, voice, article, publication time), its **uses** every later appearance in another
article, each of one kind — `quote` (another speaker says it), `same-speaker` (the origin's speaker
again, usually another outlet reporting the same words) or `narration` (outside every quotation:
the outlet adopted it without attribution). Keys found together in the origin quote are one phrase.
An echo needs at least one use that is not `same-speaker`, within ECHO_WINDOW_DAYS of its origin (a
phrase met again months later is shared vocabulary, not an echo). Keys in more than MAX_SHARE of the
corpus's articles are boilerplate; stock phrases (rules/<lang>/phrases.toml), names or titles (mostly
capitalised words: "Russian President Vladimir Putin") and descriptors of a person (a first name or a
possessive name in the phrase: "front-runner Hillary Clinton", "Clinton's private email server") are never
echoes; nor is a phrase whose first quote has no speaker with a voice (unfound, or a news medium
cited): nobody coined it.

Everything is rebuilt with the voices (end of ingest, resolve, review merges): two passes over the
corpus, quotes then article texts, and two tables, `echoes` and `echo_uses`.
"""

from __future__ import annotations

import bisect
import sqlite3
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from ..extract.phrases import describes_a_person, is_name_like, is_stock_phrase, shingles

MAX_SHARE = 0.05  # a key in more articles than this share (and more than MIN_COMMON) is boilerplate
ECHO_WINDOW_DAYS = 30  # a use later than this after its origin is shared vocabulary, not an adoption
MIN_COMMON = 4
QUOTE, SAME_SPEAKER, NARRATION = "quote", "same-speaker", "narration"


@dataclass(frozen=True, slots=True)
class Occurrence:
    article: int  # index into the articles list
    start: int
    end: int
    quote_id: int | None  # None: narration


@dataclass(slots=True)
class _Article:
    id: str
    key: str
    language: str
    published: str
    source: str | None
    spans: list[tuple[int, int, int]]  # (start, end, quote id) of its quotes' spans, sorted


def _articles(conn: sqlite3.Connection) -> list[_Article]:
    articles = {
        row[0]: _Article(row[0], row[1], row[2] or "en", row[3] or "", row[4], [])
        for row in conn.execute("SELECT id, key, language, published, source FROM articles ORDER BY published, key")
    }
    for article_id, start, end, quote_id in conn.execute(
        "SELECT v.article_id, s.start, s.end, v.quote_id FROM voices v JOIN quote_spans s ON s.quote_id = v.quote_id"
    ):
        articles[article_id].spans.append((start, end, quote_id))
    for article in articles.values():
        article.spans.sort()
    return list(articles.values())


def _owner(spans: list[tuple[int, int, int]], starts: list[int], start: int, end: int) -> int | None | bool:
    """The quote whose span holds start:end, None for narration, False when it straddles a quote's edge."""
    k = bisect.bisect_right(starts, start) - 1
    if k >= 0 and spans[k][0] <= start and end <= spans[k][1]:
        return spans[k][2]
    overlaps = any(s < end and start < e for s, e, _ in spans[max(0, k) : k + 2])
    return False if overlaps else None


def find_occurrences(conn: sqlite3.Connection, articles: list[_Article]) -> dict[int, list[Occurrence]]:
    """Every appearance, in any article, of a key that some quote holds (keys as their hash)."""
    index = {article.id: n for n, article in enumerate(articles)}
    quoted: set[int] = set()
    for article_id, _start, text in conn.execute(
        "SELECT v.article_id, s.start, s.text FROM voices v JOIN quote_spans s ON s.quote_id = v.quote_id"
    ):
        language = articles[index[article_id]].language
        quoted.update(hash(key) for key, _, _ in shingles(text, language))
    found: dict[int, list[Occurrence]] = defaultdict(list)
    for n, article in enumerate(articles):
        text = conn.execute("SELECT text FROM articles WHERE id = ?", (article.id,)).fetchone()[0]
        starts = [s for s, _, _ in article.spans]
        for key, start, end in shingles(text, article.language):
            code = hash(key)
            if code not in quoted:
                continue
            owner = _owner(article.spans, starts, start, end)
            if owner is not False:
                found[code].append(Occurrence(n, start, end, owner))
    return found


def _hours(later: str, earlier: str) -> float | None:
    try:
        return (datetime.fromisoformat(later[:19]) - datetime.fromisoformat(earlier[:19])).total_seconds() / 3600
    except ValueError:
        return None


def rebuild_echoes(conn: sqlite3.Connection) -> int:
    """Recompute the echoes tables from the stored articles, quotes and voices; return their number."""
    articles = _articles(conn)
    occurrences = find_occurrences(conn, articles)
    limit = max(MIN_COMMON, MAX_SHARE * len(articles))
    speakers = {
        row[0]: (row[1], row[2], row[3])
        for row in conn.execute("SELECT quote_id, actor_id, voice, speaker_name FROM voices")
    }
    # Keys grouped under the origin quote they come from, as runs of overlapping origin spans.
    by_origin: dict[tuple[int, int], list[list[Occurrence]]] = defaultdict(list)
    for found in occurrences.values():
        in_articles = {o.article for o in found}
        if len(in_articles) < 2 or len(in_articles) > limit:
            continue
        found.sort(key=lambda o: (o.article, o.start))  # articles are in publication order
        origin = found[0]
        if origin.quote_id is None:
            continue  # a journalist's phrase before anyone said it: no voice coined it
        by_origin[(origin.article, origin.quote_id)].append(found)
    echoes = []
    for (_article_index, _quote_id), keys in by_origin.items():
        keys.sort(key=lambda found: found[0].start)
        run: list[list[Occurrence]] = []
        for found in keys + [None]:
            if run and (found is None or found[0].start >= max(k[0].end for k in run)):
                echoes.append(_echo(articles, speakers, run))
                run = []
            if found is not None:
                run.append(found)
    return _store(conn, articles, [e for e in echoes if e is not None])


def _echo(articles: list[_Article], speakers: dict, run: list[list[Occurrence]]) -> dict | None:
    origin = run[0][0]
    origin_end = max(found[0].end for found in run)
    actor, voice, name = speakers.get(origin.quote_id, (None, None, None))
    if voice is None:
        return None  # its first quote has no speaker with a voice: nobody coined it
    spans: dict[int, list[Occurrence]] = defaultdict(list)  # article -> its occurrences of this phrase
    for found in run:
        for occurrence in found[1:]:
            if occurrence.article != origin.article and _within_window(articles, origin.article, occurrence.article):
                spans[occurrence.article].append(occurrence)
    uses = []
    for n, found in spans.items():
        found.sort(key=lambda o: o.start)
        merged: list[list] = []
        for o in found:  # overlapping keys in one article are one use
            if merged and o.start <= merged[-1][1] and o.quote_id == merged[-1][2]:
                merged[-1][1] = max(merged[-1][1], o.end)
            else:
                merged.append([o.start, o.end, o.quote_id])
        for start, end, quote_id in merged:
            use_actor, use_voice, use_name = speakers.get(quote_id, (None, None, None))
            same = quote_id is not None and (
                (actor is not None and use_actor == actor) or (actor is None and use_name == name)
            )
            kind = NARRATION if quote_id is None else SAME_SPEAKER if same else QUOTE
            uses.append(
                {
                    "article": n,
                    "start": start,
                    "end": end,
                    "kind": kind,
                    "quote_id": quote_id,
                    "actor_id": use_actor,
                    "voice": use_voice,
                    "speaker": use_name,
                }
            )
    if not any(use["kind"] != SAME_SPEAKER for use in uses):
        return None
    return {
        "article": origin.article,
        "quote_id": origin.quote_id,
        "start": origin.start,
        "end": origin_end,
        "actor_id": actor,
        "voice": voice,
        "speaker": name,
        "uses": uses,
    }


def _within_window(articles: list[_Article], origin: int, later: int) -> bool:
    hours = _hours(articles[later].published, articles[origin].published)
    return hours is None or hours <= ECHO_WINDOW_DAYS * 24


def _store(conn: sqlite3.Connection, articles: list[_Article], echoes: list[dict]) -> int:
    kept = 0
    with conn:
        conn.execute("BEGIN")
        conn.execute("DELETE FROM echo_uses")
        conn.execute("DELETE FROM echoes")
        texts: dict[int, str] = {}

        def text_of(n: int) -> str:
            if n not in texts:
                texts[n] = conn.execute("SELECT text FROM articles WHERE id = ?", (articles[n].id,)).fetchone()[0]
            return texts[n]

        for echo in echoes:
            origin = articles[echo["article"]]
            phrase = text_of(echo["article"])[echo["start"] : echo["end"]]
            if (
                is_stock_phrase(phrase, origin.language)
                or is_name_like(phrase, origin.language)
                or describes_a_person(phrase, origin.language)
            ):
                continue
            adoptions = [u for u in echo["uses"] if u["kind"] != SAME_SPEAKER]
            first = min(articles[u["article"]].published for u in adoptions)
            echo_id = conn.execute(
                "INSERT INTO echoes (phrase, language, origin_article, origin_quote, origin_start, origin_end, "
                "origin_actor, origin_voice, origin_speaker, origin_published, origin_outlet, uses, quote_uses, "
                "narration_uses, outlets, first_adoption_hours, adoptions) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    phrase,
                    origin.language,
                    origin.id,
                    echo["quote_id"],
                    echo["start"],
                    echo["end"],
                    echo["actor_id"],
                    echo["voice"],
                    echo["speaker"],
                    origin.published,
                    origin.source,
                    len(echo["uses"]),
                    sum(u["kind"] == QUOTE for u in echo["uses"]),
                    sum(u["kind"] == NARRATION for u in echo["uses"]),
                    len({articles[u["article"]].source for u in echo["uses"]} - {None}),
                    _hours(first, origin.published),
                    len(adoptions),
                ),
            ).lastrowid
            conn.executemany(
                "INSERT INTO echo_uses (echo_id, article_id, start, end, text, kind, quote_id, actor_id, voice, "
                "speaker, published, outlet) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        echo_id,
                        articles[u["article"]].id,
                        u["start"],
                        u["end"],
                        text_of(u["article"])[u["start"] : u["end"]],
                        u["kind"],
                        u["quote_id"],
                        u["actor_id"],
                        u["voice"],
                        u["speaker"],
                        articles[u["article"]].published,
                        articles[u["article"]].source,
                    )
                    for u in sorted(echo["uses"], key=lambda u: (articles[u["article"]].published, u["start"]))
                ],
            )
            kept += 1
        _store_voices(conn)
    return kept


def _store_voices(conn: sqlite3.Connection) -> None:
    """Per voice: echoes started, uses by other voices, uses in narration, outlets reached (by
    adoptions), median delay to the first adoption."""
    conn.execute("DELETE FROM echo_voices")
    delays: dict[str, list[float]] = defaultdict(list)
    for voice, hours in conn.execute(
        "SELECT origin_voice, first_adoption_hours FROM echoes "
        "WHERE origin_voice IS NOT NULL AND first_adoption_hours IS NOT NULL"
    ):
        delays[voice].append(hours)
    rows = conn.execute(
        "SELECT e.origin_voice, count(DISTINCT e.id), "
        "coalesce(sum(u.kind = 'quote' AND u.voice IS NOT e.origin_voice), 0), coalesce(sum(u.kind = 'narration'), 0), "
        "count(DISTINCT CASE WHEN u.kind != 'same-speaker' THEN u.outlet END) "
        "FROM echoes e JOIN echo_uses u ON u.echo_id = e.id WHERE e.origin_voice IS NOT NULL "
        "GROUP BY e.origin_voice"
    ).fetchall()
    conn.executemany(
        "INSERT INTO echo_voices VALUES (?, ?, ?, ?, ?, ?)",
        [(*row, statistics.median(delays[row[0]]) if delays[row[0]] else None) for row in rows],
    )


# --- what the report and the dashboard read ---------------------------------------------------------


def echoes(
    conn: sqlite3.Connection,
    limit: int = 200,
    actor_id: int | None = None,
    since: str | None = None,
    until: str | None = None,
    uses: int | None = None,
) -> list[dict]:
    """The echoes, most adopted first: phrase, origin and uses (each with its exact characters);
    only those an actor started, or whose origin falls between `since` and `until`, when given;
    at most `uses` uses each (all when None)."""
    clauses, values = ["1 = 1"], []
    for clause, value in (
        ("e.origin_actor = ?", actor_id),
        ("e.origin_published >= ?", since),
        ("e.origin_published < date(?, '+1 day')", until),
    ):
        if value is not None:
            clauses.append(clause)
            values.append(value)
    rows = conn.execute(
        "SELECT e.*, ac.name AS origin_actor_name FROM echoes e LEFT JOIN actors ac ON ac.id = e.origin_actor "
        f"WHERE {' AND '.join(clauses)} ORDER BY e.adoptions DESC, e.outlets DESC, e.origin_published LIMIT ?",
        [*values, limit],
    ).fetchall()
    found = []
    for row in rows:
        listed = [
            {
                "article": u["article_id"],
                "published": u["published"],
                "outlet": u["outlet"],
                "kind": u["kind"],
                "speaker": u["speaker"],
                "actor_id": u["actor_id"],
                "voice": u["voice"],
                "start": u["start"],
                "end": u["end"],
                "text": u["text"],
            }
            for u in conn.execute(
                "SELECT * FROM echo_uses WHERE echo_id = ? ORDER BY published, start LIMIT ?",
                (row["id"], -1 if uses is None else uses),
            )
        ]
        found.append(
            {
                "id": row["id"],
                "phrase": row["phrase"],
                "language": row["language"],
                "origin": {
                    "actor": row["origin_actor_name"] or row["origin_speaker"],
                    "actor_id": row["origin_actor"],
                    "voice": row["origin_voice"],
                    "article": row["origin_article"],
                    "published": row["origin_published"],
                    "outlet": row["origin_outlet"],
                    "quote_id": row["origin_quote"],
                    "start": row["origin_start"],
                    "end": row["origin_end"],
                },
                "uses": listed,
                "all_uses": row["uses"],
                "quote_uses": row["quote_uses"],
                "narration_uses": row["narration_uses"],
                "outlets": row["outlets"],
                "first_adoption_hours": row["first_adoption_hours"],
            }
        )
    return found


def echoes_by_voice(conn: sqlite3.Connection, limit: int = 200) -> list[dict]:
    """Per voice: echoes originated, uses by other voices, uses in narration, outlets reached, and the
    median delay from origin to first adoption (hours); the voices whose phrases travel most first."""
    return [
        dict(row)
        for row in conn.execute(
            "SELECT * FROM echo_voices ORDER BY uses_by_other_voices + uses_in_narration DESC, voice LIMIT ?", (limit,)
        )
    ]
