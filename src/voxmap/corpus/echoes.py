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

Incremental: the appearances of quoted keys are indexed in the store (voxmap.corpus.echo_index), and
a change recomputes only the keys it touched (their appearances, their speakers, or their count
crossing the boilerplate limit as the corpus grows), then the echoes of every origin quote those keys
had or have. An echo's id derives from its origin, so the full rebuild gives the same ids.
"""

from __future__ import annotations

import math
import sqlite3
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from ..extract.phrases import describes_a_person, is_name_like, is_stock_phrase
from .corrections import remember, remembered
from .echo_index import keys_counted_between, origins_of, update_index
from .store.db import chunks, marks, stable_number

MAX_SHARE = 0.05  # a key in more articles than this share (and more than MIN_COMMON) is boilerplate
ECHO_WINDOW_DAYS = 30  # a use later than this after its origin is shared vocabulary, not an adoption
MIN_COMMON = 4
QUOTE, SAME_SPEAKER, NARRATION = "quote", "same-speaker", "narration"
COUNTED = "echo_articles_counted"  # the corpus size the boilerplate limit was last applied with


@dataclass(frozen=True, slots=True)
class Occurrence:
    article: str
    start: int
    end: int
    quote_id: int | None  # None: narration


@dataclass(frozen=True, slots=True)
class _Article:
    order: tuple  # publication order, as ORDER BY published, key (no date first)
    published: str
    source: str | None
    language: str


def _articles(conn: sqlite3.Connection) -> dict[str, _Article]:
    return {
        row[0]: _Article((row[3] is not None, row[3] or "", row[1]), row[3] or "", row[4], row[2] or "en")
        for row in conn.execute("SELECT id, key, language, published, source FROM articles")
    }


def _limit(articles: int) -> int:
    """The most articles a key may appear in and still be an echo (more: boilerplate)."""
    return math.floor(max(MIN_COMMON, MAX_SHARE * articles))


def _hours(later: str, earlier: str) -> float | None:
    try:
        return (datetime.fromisoformat(later[:19]) - datetime.fromisoformat(earlier[:19])).total_seconds() / 3600
    except ValueError:
        return None


def rebuild_echoes(conn: sqlite3.Connection, full: bool = False) -> int:
    """Bring the echoes tables up to date with the stored articles, quotes and voices (`full`: index
    and compute everything again); return their number."""
    with conn:
        conn.execute("BEGIN IMMEDIATE")  # it reads, then writes: take the write lock first, waiting for it
        counted = remembered(conn, COUNTED)
        full = full or counted is None  # never indexed: what echoes hold came from no index
        if full:
            conn.execute("DELETE FROM echo_uses")
            conn.execute("DELETE FROM echoes")
        touched, respoken = update_index(conn, full)
        articles = _articles(conn)
        limit = _limit(len(articles))
        if not full and _limit(int(counted)) != limit:
            low, high = sorted((_limit(int(counted)), limit))
            touched |= keys_counted_between(conn, low, high)
        remember(conn, COUNTED, str(len(articles)))
        origins = origins_of(conn, respoken - touched)  # computed before the origins change below
        for chunk in chunks(sorted(touched)):
            origins |= _origins_again(conn, chunk, articles, limit)
        for chunk in chunks(sorted(origins), 200):
            _echoes_again(conn, chunk, articles)
        _store_voices(conn)
    return conn.execute("SELECT count(*) FROM echoes").fetchone()[0]


def _occurrences(conn: sqlite3.Connection, codes: list[str], articles: dict[str, _Article]) -> dict[str, list]:
    """Every indexed appearance of these keys, each key's in publication order."""
    found: dict[str, list[Occurrence]] = defaultdict(list)
    for chunk in chunks(codes):
        for code, article_id, start, end, quote_id in conn.execute(
            f"SELECT key, article_id, start, end, quote_id FROM echo_keys WHERE key IN ({marks(chunk)})", chunk
        ):
            found[code].append(Occurrence(article_id, start, end, quote_id))
    for occurrences in found.values():
        occurrences.sort(key=lambda o: (articles[o.article].order, o.start))
    return found


def _origins_again(conn: sqlite3.Connection, codes: list[str], articles: dict[str, _Article], limit: int) -> set:
    """Recompute these keys' origins: the first appearance of a key in two articles or more (and no more
    than `limit`), when it lies inside a quote (a journalist's phrase before anyone said it: no voice
    coined it). Return the origins they had and have."""
    had = conn.execute(f"SELECT article_id, quote_id FROM echo_origins WHERE key IN ({marks(codes)})", codes).fetchall()
    conn.execute(f"DELETE FROM echo_origins WHERE key IN ({marks(codes)})", codes)
    rows = []
    for code, found in _occurrences(conn, codes, articles).items():
        in_articles = len({o.article for o in found})
        if 2 <= in_articles <= limit and found[0].quote_id is not None:
            rows.append((code, found[0].article, found[0].quote_id))
    conn.executemany("INSERT INTO echo_origins (key, article_id, quote_id) VALUES (?, ?, ?)", rows)
    return {(article_id, quote_id) for article_id, quote_id in had} | {(a, q) for _, a, q in rows}


def _echoes_again(conn: sqlite3.Connection, origins: list[tuple[str, int]], articles: dict[str, _Article]) -> None:
    """The echoes of these origin quotes: each one's keys as runs of overlapping spans, each run one
    phrase (read for a chunk of origins at once: a day's articles can move tens of thousands)."""
    pairs = ", ".join("(?, ?)" for _ in origins)
    values = [value for origin in origins for value in origin]
    conn.execute(f"DELETE FROM echoes WHERE (origin_article, origin_quote) IN (VALUES {pairs})", values)
    codes: dict[tuple[str, int], list[str]] = defaultdict(list)
    for code, article_id, quote_id in conn.execute(
        f"SELECT key, article_id, quote_id FROM echo_origins WHERE (article_id, quote_id) IN (VALUES {pairs})", values
    ):
        codes[(article_id, quote_id)].append(code)
    found = _occurrences(conn, sorted({code for held in codes.values() for code in held}), articles)
    speakers = _speakers(
        conn, {o.quote_id for held in codes.values() for code in held for o in found[code] if o.quote_id is not None}
    )
    for origin in origins:
        keys = sorted((found[c] for c in codes[origin] if found.get(c)), key=lambda occurrences: occurrences[0].start)
        run: list[list[Occurrence]] = []
        for occurrences in keys + [None]:
            if run and (occurrences is None or occurrences[0].start >= max(k[0].end for k in run)):
                echo = _echo(articles, speakers, run)
                if echo is not None:
                    _store(conn, articles, echo)
                run = []
            if occurrences is not None:
                run.append(occurrences)


def _speakers(conn: sqlite3.Connection, quote_ids: set[int]) -> dict[int, tuple]:
    speakers = {}
    for chunk in chunks(sorted(quote_ids)):
        for quote_id, actor_id, voice, name in conn.execute(
            f"SELECT quote_id, actor_id, voice, speaker_name FROM voices WHERE quote_id IN ({marks(chunk)})", chunk
        ):
            speakers[quote_id] = (actor_id, voice, name)
    return speakers


def _echo(articles: dict[str, _Article], speakers: dict, run: list[list[Occurrence]]) -> dict | None:
    origin = run[0][0]
    origin_end = max(found[0].end for found in run)
    actor, voice, name = speakers.get(origin.quote_id, (None, None, None))
    if voice is None:
        return None  # its first quote has no speaker with a voice: nobody coined it
    spans: dict[str, list[Occurrence]] = defaultdict(list)  # article -> its occurrences of this phrase
    for found in run:
        for occurrence in found[1:]:
            if occurrence.article != origin.article and _within_window(articles, origin.article, occurrence.article):
                spans[occurrence.article].append(occurrence)
    uses = []
    for article_id, found in spans.items():
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
                    "article": article_id,
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


def _within_window(articles: dict[str, _Article], origin: str, later: str) -> bool:
    hours = _hours(articles[later].published, articles[origin].published)
    return hours is None or hours <= ECHO_WINDOW_DAYS * 24


def _echo_id(echo: dict) -> int:
    """An echo's id, derived from its origin: the same in any rebuild."""
    return stable_number(f"{echo['article']}:{echo['quote_id']}:{echo['start']}")


def _store(conn: sqlite3.Connection, articles: dict[str, _Article], echo: dict) -> None:
    """Store one echo and its uses, unless its phrase is stock, a name or a description of a person."""
    texts: dict[str, str] = {}

    def text_of(article_id: str) -> str:
        if article_id not in texts:
            texts[article_id] = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
        return texts[article_id]

    origin = articles[echo["article"]]
    phrase = text_of(echo["article"])[echo["start"] : echo["end"]]
    if (
        is_stock_phrase(phrase, origin.language)
        or is_name_like(phrase, origin.language)
        or describes_a_person(phrase, origin.language)
    ):
        return
    adoptions = [u for u in echo["uses"] if u["kind"] != SAME_SPEAKER]
    first = min(articles[u["article"]].published for u in adoptions)
    echo_id = _echo_id(echo)
    conn.execute(
        "INSERT INTO echoes (id, phrase, language, origin_article, origin_quote, origin_start, origin_end, "
        "origin_actor, origin_voice, origin_speaker, origin_published, origin_outlet, uses, quote_uses, "
        "narration_uses, outlets, first_adoption_hours, adoptions) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            echo_id,
            phrase,
            origin.language,
            echo["article"],
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
    )
    conn.executemany(
        "INSERT INTO echo_uses (echo_id, article_id, start, end, text, kind, quote_id, actor_id, voice, "
        "speaker, published, outlet) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                echo_id,
                u["article"],
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
        f"WHERE {' AND '.join(clauses)} ORDER BY e.adoptions DESC, e.outlets DESC, e.origin_published, e.id LIMIT ?",
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
