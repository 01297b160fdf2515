"""Echoes: a voice's phrase taken up by others — another speaker, or a journalist in narration.

A phrase is keyed by its runs of four content words (`extract.phrases`). A key that appears in more
than one article, first inside a quote, is an echo candidate: its **origin** is that first quote
(speaker, voice, article, publication time), its **uses** every later appearance in another
article, each of one kind — `quote` (another speaker says it), `same-speaker` (the origin's speaker
again, usually another outlet reporting the same words) or `narration` (outside every quotation:
the outlet adopted it without attribution). Keys found together in the origin quote are one phrase.
An echo needs at least one use that is not `same-speaker`, within ECHO_WINDOW_DAYS of its origin (a
phrase met again months later is shared vocabulary, not an echo), and in an article that is no wire
copy of the origin's (voxmap.corpus.syndication). A phrase is a speaker's only in their own words: the
words of a direct or partial quote, those inside the marks of a mixed one (echo_index.own_words); a
reported statement's words are the writer's. A phrase whose words are all common in the corpus
(voxmap.corpus.echo_common) is kept but marked `common`: shared vocabulary, neither listed nor counted. Keys in more than MAX_SHARE of the
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
import re
import sqlite3
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from ..extract.phrases import content_words_in, describes_a_person, is_name_like, is_stock_phrase
from .corrections import remember, remembered
from .echo_common import Vocabulary, mark_common, store_echo_words
from .echo_index import REPORTED, keys_counted_between, origins_with, own_words, update_index
from .store.db import chunks, marks, stable_number
from .store.lookup import StoreLookup

MAX_SHARE = 0.05  # a key in more articles than this share (and more than MIN_COMMON) is boilerplate
ECHO_WINDOW_DAYS = 30  # a use later than this after its origin is shared vocabulary, not an adoption
MIN_COMMON = 4
# Two quotes sharing this share of the shorter one's words (of MIN_STATEMENT_WORDS or more) are one statement.
SAME_STATEMENT_SHARE = 0.6
MIN_STATEMENT_WORDS = 4
QUOTE, SAME_SPEAKER, NARRATION = "quote", "same-speaker", "narration"
_WORD = re.compile(r"\w+")
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
    copies: int | None  # its wire-copy cluster (voxmap.corpus.syndication), if it has copies


_ARTICLES = (
    "SELECT a.id, a.key, a.language, a.published, a.source, s.cluster FROM articles a "
    "LEFT JOIN syndication s ON s.article_id = a.id"
)


def _article_rows(rows) -> list[tuple[str, _Article]]:
    return [
        (row[0], _Article((row[3] is not None, row[3] or "", row[1]), row[3] or "", row[4], row[2] or "en", row[5]))
        for row in rows
    ]


def _articles(conn: sqlite3.Connection, every: bool = False) -> StoreLookup:
    """The stored articles the echoes read, by id, each read when first asked for: an update reads the
    articles its changes reach, not the corpus (`every`: all of them now, for a full update)."""
    articles = StoreLookup(
        lambda chunk: _article_rows(conn.execute(f"{_ARTICLES} WHERE a.id IN ({marks(chunk)})", chunk))
    )
    if every:
        articles.update(_article_rows(conn.execute(_ARTICLES)))
    return articles


def _copies(articles: StoreLookup, one: str, other: str) -> bool:
    """Whether two articles are copies of one dispatch: a phrase met in both was met once."""
    cluster = articles[one].copies
    return cluster is not None and articles[other].copies == cluster


def _copies_changed(conn: sqlite3.Connection, full: bool) -> set[str]:
    """The keys of the articles whose wire-copy cluster the syndication stage set again since the last
    update (a copy of an origin's article no longer counts as a use, or counts again)."""
    changed = [row[0] for row in conn.execute("SELECT article_id FROM echo_copies_changed")]
    conn.execute("DELETE FROM echo_copies_changed")
    keys: set[str] = set()
    for chunk in chunks(changed) if not full else ():
        keys.update(
            row[0]
            for row in conn.execute(f"SELECT DISTINCT key FROM echo_keys WHERE article_id IN ({marks(chunk)})", chunk)
        )
    return keys


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
        change = update_index(conn, full)
        touched, added = change.touched, change.added
        whole = _copies_changed(conn, full)  # keys whose every origin and echo is recomputed
        articles = _articles(conn, every=full)
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        limit = _limit(stored)
        if not full and _limit(int(counted)) != limit:
            low, high = sorted((_limit(int(counted)), limit))
            whole |= keys_counted_between(conn, low, high)
        touched |= whole
        added = {key: found for key, found in added.items() if key not in whole}
        remember(conn, COUNTED, str(stored))
        # Before the origins change below; a key only new articles hold may keep its origin and echoes.
        origins = _origins_respoken(conn, change.respoken, touched - set(added), articles)
        for chunk in chunks(sorted(touched)):
            origins |= _origins_again(conn, chunk, articles, limit, added)
        vocabulary, voices = Vocabulary(conn), set()  # the voices whose echoes changed
        for chunk in chunks(sorted(origins), 200):
            voices |= _echoes_again(conn, chunk, articles, vocabulary)
        voices |= mark_common(conn, vocabulary, full)
        _store_voices(conn, None if full else voices)
    return conn.execute("SELECT count(*) FROM echoes WHERE NOT common").fetchone()[0]


def _origins_respoken(
    conn: sqlite3.Connection, quote_ids: set[int], touched: set[str], articles: StoreLookup
) -> set[tuple[str, int]]:
    """The origins whose echoes a change of these quotes' speakers can move: a quote's own, when it is
    an origin, and the origins of its keys whose echoes it is a use of (in another article, within the
    window, no wire copy: what `_a_use` allows; a quote said after the window closed is no use of the
    phrase, whoever says it). Keys in `touched` are recomputed whole."""
    origins = set()
    found = origins_with(conn, quote_ids)
    articles.read(row[i] for row in found for i in (1, 3))
    for key, origin_article, origin_quote, article, quote in found:
        if key in touched:
            continue
        if (origin_article, origin_quote) == (article, quote) or _a_use(articles, origin_article, article):
            origins.add((origin_article, origin_quote))
    return origins


def _occurrences(conn: sqlite3.Connection, codes: list[str], articles: StoreLookup) -> dict[str, list]:
    """Every indexed appearance of these keys, each key's in publication order."""
    found: dict[str, list[Occurrence]] = defaultdict(list)
    for chunk in chunks(codes):
        for code, article_id, start, end, quote_id in conn.execute(
            f"SELECT key, article_id, start, end, quote_id FROM echo_keys WHERE key IN ({marks(chunk)})", chunk
        ):
            found[code].append(Occurrence(article_id, start, end, quote_id))
    articles.read(o.article for occurrences in found.values() for o in occurrences)
    for occurrences in found.values():
        occurrences.sort(key=lambda o: (articles[o.article].order, o.start))
    return found


def _origins_again(
    conn: sqlite3.Connection, codes: list[str], articles: StoreLookup, limit: int, added: dict[str, set[str]]
) -> set:
    """Recompute these keys' origins: the first appearance of a key in two articles or more (and no more
    than `limit`), when it lies inside a quote (a journalist's phrase before anyone said it: no voice
    coined it). Return the origins whose echoes must be made again: those the keys had and have. A key
    that only appeared in new articles (`added`: key -> those articles), all published after its
    origin, keeps it, and its echoes change only when one of them can be a use of it."""
    had = {
        row[0]: (row[1], row[2])
        for row in conn.execute(
            f"SELECT key, article_id, quote_id FROM echo_origins WHERE key IN ({marks(codes)})", codes
        )
    }
    counts = dict(conn.execute(f"SELECT key, articles FROM echo_key_counts WHERE key IN ({marks(codes)})", codes))
    moved: set[tuple[str, int]] = set()
    again = []
    for code in codes:
        origin, new_in = had.get(code), added.get(code)
        if new_in is None or (origin is not None and origin[0] not in articles):
            again.append(code)
        elif not 2 <= counts.get(code, 0) <= limit:  # no origin, or none any more
            if origin is not None:
                conn.execute("DELETE FROM echo_origins WHERE key = ?", (code,))
                moved.add(origin)
        elif origin is not None and all(articles[a].order > articles[origin[0]].order for a in new_in):
            if any(_a_use(articles, origin[0], a) for a in new_in):
                moved.add(origin)
        else:
            again.append(code)
    if not again:
        return moved
    conn.execute(f"DELETE FROM echo_origins WHERE key IN ({marks(again)})", again)
    rows = []
    for code, found in _occurrences(conn, again, articles).items():
        in_articles = len({o.article for o in found})
        if 2 <= in_articles <= limit and found[0].quote_id is not None:
            rows.append((code, found[0].article, found[0].quote_id))
    conn.executemany("INSERT INTO echo_origins (key, article_id, quote_id) VALUES (?, ?, ?)", rows)
    return moved | {had[code] for code in again if code in had} | {(a, q) for _, a, q in rows}


def _echoes_again(
    conn: sqlite3.Connection, origins: list[tuple[str, int]], articles: StoreLookup, vocabulary: Vocabulary
) -> set[str | None]:
    """The echoes of these origin quotes: each one's keys as runs of overlapping spans, each run one
    phrase (read for a chunk of origins at once: a day's articles can move tens of thousands). Return
    the voices of the echoes they had and have."""
    # One look-up per origin: a list of (article, quote) pairs would scan the whole table.
    voices = {
        row[0]
        for origin in origins
        for row in conn.execute("SELECT origin_voice FROM echoes WHERE origin_article = ? AND origin_quote = ?", origin)
    }
    conn.executemany("DELETE FROM echoes WHERE origin_article = ? AND origin_quote = ?", origins)
    codes: dict[tuple[str, int], list[str]] = {
        origin: [
            row[0] for row in conn.execute("SELECT key FROM echo_origins WHERE article_id = ? AND quote_id = ?", origin)
        ]
        for origin in origins
    }
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
                    voices.add(echo["voice"])
                    _store(conn, articles, vocabulary, echo)
                run = []
            if occurrences is not None:
                run.append(occurrences)
    return voices


def _speakers(conn: sqlite3.Connection, quote_ids: set[int]) -> dict[int, tuple]:
    """Each quote's (actor, voice, speaker name, text, start in its article, the words of its speaker's
    own words: echo_index.own_words)."""
    speakers = {}
    for chunk in chunks(sorted(quote_ids)):
        for quote_id, actor_id, voice, name, text, start, kind, language in conn.execute(
            "SELECT v.quote_id, v.actor_id, v.voice, v.speaker_name, q.text, q.start, q.kind, a.language "
            "FROM voices v JOIN quotes q ON q.id = v.quote_id JOIN articles a ON a.id = q.article_id "
            f"WHERE v.quote_id IN ({marks(chunk)})",
            chunk,
        ):
            own = " ".join(
                part for *_, owner, part in own_words(0, text, 0, kind, language or "en") if owner != REPORTED
            )
            speakers[quote_id] = (actor_id, voice, name, text, start, _statement_words(own))
    return speakers


def _statement_words(text: str) -> frozenset[str]:
    return frozenset(word for word in _WORD.findall(text.lower()) if len(word) > 3)


def _one_statement(origin: frozenset[str], other: frozenset[str], phrase: frozenset[str]) -> bool:
    """Whether two quotes are one statement reported twice, whoever the second article says spoke it:
    both are the phrase and hardly a word more (a whole remark repeated), or, beside the phrase, most
    of the shorter one's words are the other's. One quote that adds its own words to the phrase is
    someone taking it up: what an echo is."""
    origin, other = origin - phrase, other - phrase
    if len(origin) <= 1 and len(other) <= 1:
        return True
    shorter = min(len(origin), len(other))
    return shorter >= MIN_STATEMENT_WORDS and len(origin & other) >= SAME_STATEMENT_SHARE * shorter


def _echo(articles: StoreLookup, speakers: dict, run: list[list[Occurrence]]) -> dict | None:
    origin = run[0][0]
    origin_end = max(found[0].end for found in run)
    actor, voice, name, said, said_at, said_words = speakers.get(
        origin.quote_id, (None, None, None, "", 0, frozenset())
    )
    if voice is None:
        return None  # its first quote has no speaker with a voice: nobody coined it
    spans: dict[str, list[Occurrence]] = defaultdict(list)  # article -> its occurrences of this phrase
    for found in run:
        for occurrence in found[1:]:
            if _a_use(articles, origin.article, occurrence.article):
                spans[occurrence.article].append(occurrence)
    uses = []
    phrase_words = _statement_words(said[origin.start - said_at : origin_end - said_at])
    for article_id, found in spans.items():
        found.sort(key=lambda o: o.start)
        merged: list[list] = []
        for o in found:  # overlapping keys in one article are one use
            if merged and o.start <= merged[-1][1] and o.quote_id == merged[-1][2]:
                merged[-1][1] = max(merged[-1][1], o.end)
            else:
                merged.append([o.start, o.end, o.quote_id])
        for start, end, quote_id in merged:
            use_actor, use_voice, use_name, _, _, use_said = speakers.get(
                quote_id, (None, None, None, "", 0, frozenset())
            )
            if quote_id is not None and use_voice is None and not use_name:
                continue  # a quote nobody was found to say shows no one taking the phrase up
            # the same speaker again, or the same statement reported again under another name
            same = quote_id is not None and (
                (actor is not None and use_actor == actor)
                or (actor is None and use_name == name)
                or _one_statement(said_words, use_said, phrase_words)
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


def _a_use(articles: StoreLookup, origin: str, other: str) -> bool:
    """Whether an appearance in `other` can be a use of a phrase first said in `origin`: another
    article, no wire copy of it, within the echo window."""
    return other != origin and not _copies(articles, origin, other) and _within_window(articles, origin, other)


def _within_window(articles: StoreLookup, origin: str, later: str) -> bool:
    hours = _hours(articles[later].published, articles[origin].published)
    return hours is None or hours <= ECHO_WINDOW_DAYS * 24


def _echo_id(echo: dict) -> int:
    """An echo's id, derived from its origin: the same in any rebuild."""
    return stable_number(f"{echo['article']}:{echo['quote_id']}:{echo['start']}")


def _store(conn: sqlite3.Connection, articles: StoreLookup, vocabulary: Vocabulary, echo: dict) -> None:
    """Store one echo and its uses, unless its phrase is stock, a name or a description of a person;
    marked common when its words are."""
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
    stems = sorted({stem for stem, _, _ in content_words_in(phrase, origin.language)})
    own = 1 + len({u["article"] for u in echo["uses"]})
    conn.execute(
        "INSERT INTO echoes (id, phrase, language, origin_article, origin_quote, origin_start, origin_end, "
        "origin_actor, origin_voice, origin_speaker, origin_published, origin_outlet, uses, quote_uses, "
        "narration_uses, outlets, first_adoption_hours, adoptions, stems, articles, common) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            " ".join(stems),
            own,
            int(vocabulary.common(stems, own)),
        ),
    )
    store_echo_words(conn, echo_id, stems, own)
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


def _store_voices(conn: sqlite3.Connection, voices: set[str | None] | None) -> None:
    """Per voice (of these `voices`, every voice when None): echoes started, uses by other voices, uses
    in narration, outlets reached (by adoptions), median delay to the first adoption."""
    scope = ""
    if voices is None:
        conn.execute("DELETE FROM echo_voices")
    else:
        conn.execute("CREATE TABLE IF NOT EXISTS temp.echo_voices_again (voice TEXT PRIMARY KEY)")
        conn.execute("DELETE FROM temp.echo_voices_again")
        conn.executemany("INSERT INTO temp.echo_voices_again VALUES (?)", [(v,) for v in sorted(voices - {None})])
        conn.execute("DELETE FROM echo_voices WHERE voice IN (SELECT voice FROM temp.echo_voices_again)")
        scope = "AND e.origin_voice IN (SELECT voice FROM temp.echo_voices_again) "
    delays: dict[str, list[float]] = defaultdict(list)
    for voice, hours in conn.execute(
        "SELECT origin_voice, first_adoption_hours FROM echoes e "
        f"WHERE origin_voice IS NOT NULL AND first_adoption_hours IS NOT NULL AND NOT common {scope}"
    ):
        delays[voice].append(hours)
    rows = conn.execute(
        "SELECT e.origin_voice, count(DISTINCT e.id), "
        "coalesce(sum(u.kind = 'quote' AND u.voice IS NOT e.origin_voice), 0), coalesce(sum(u.kind = 'narration'), 0), "
        "count(DISTINCT CASE WHEN u.kind != 'same-speaker' THEN u.outlet END) "
        "FROM echoes e JOIN echo_uses u ON u.echo_id = e.id WHERE e.origin_voice IS NOT NULL AND NOT e.common "
        f"{scope}GROUP BY e.origin_voice"
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
    clauses, values = ["NOT e.common"], []
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
