"""What each dashboard page shows, as plain data: the web app renders these dicts as HTML or JSON.

Every function reads the store through indexed lookups and the summary tables, so that a page
stays fast on a million quotes (bench/pages_1m.py). Offsets in the dicts are character offsets into
the article text, as everywhere in voxmap.
"""

from __future__ import annotations

import json
import sqlite3

from ..errors import NotFound
from . import measures
from .corrections import QuoteAnchor, list_corrections, quote_correction
from .echoes import echoes, echoes_by_voice
from .summaries import summaries_version
from .syndication import article_copies
from .trends import has_times_of_day
from .voices import ANONYMOUS_VOICE

PAGE_SIZE = 50
# Bumped when what a cached page holds changes shape, so that a store's cached pages are rebuilt.
PAGE_FORMAT = 2


def query_rows(conn: sqlite3.Connection, sql: str, values=()) -> list[dict]:
    return [dict(row) for row in conn.execute(sql, values)]


def _one(conn: sqlite3.Connection, sql: str, values, what: str) -> dict:
    row = conn.execute(sql, values).fetchone()
    if row is None:
        raise NotFound(f"no {what}", "Follow a link from the overview.")
    return dict(row)


def _cached(conn: sqlite3.Connection, name: str, build) -> dict:
    """A page computed from whole-corpus aggregates, kept in the store until the summaries change."""
    version = f"{summaries_version(conn)}.{PAGE_FORMAT}"
    row = conn.execute("SELECT data FROM page_cache WHERE name = ? AND version = ?", (name, version)).fetchone()
    if row:
        return json.loads(row[0])
    data = build(conn)
    waited = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute("PRAGMA busy_timeout = 50")  # an ingest holding the write lock must not stall a page
    try:
        with conn:
            conn.execute(
                "INSERT INTO page_cache (name, version, data) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE "
                "SET version = excluded.version, data = excluded.data",
                (name, version, json.dumps(data)),
            )
    except sqlite3.OperationalError:
        pass  # a read-only or busy database: the page is served, just not kept
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(waited)}")
    return data


def warm_pages(conn: sqlite3.Connection) -> None:
    """Compute the cached pages now (after an ingest or a resolution), so that no visitor waits for them."""
    overview(conn)
    network_page(conn)


def overview(conn: sqlite3.Connection) -> dict:
    """Share of voice by outlet and month, the first voice of the latest stories, anonymity by outlet."""
    return _cached(conn, "overview", _overview)


def _overview(conn: sqlite3.Connection, stories: int = 30) -> dict:
    totals = conn.execute(
        "SELECT sum(quotes), sum(CASE WHEN voice IS NOT NULL THEN quotes ELSE 0 END) "
        "FROM voice_totals WHERE grouping = 'all'"
    ).fetchone()
    first = measures.first_voice(conn)
    overall = measures.share_of_voice(conn, None, limit=15)
    return {
        "counts": {
            "articles": conn.execute("SELECT count(*) FROM articles").fetchone()[0],
            "quotes": totals[0] or 0,
            "quotes_with_voice": totals[1] or 0,
            "actors": conn.execute(
                "SELECT count(*) FROM actors WHERE type IN ('person', 'organization', 'group')"
            ).fetchone()[0],
            "stories": conn.execute("SELECT count(*) FROM stories").fetchone()[0],
            "stories_with_voice": conn.execute("SELECT count(*) FROM story_firsts").fetchone()[0],
        },
        "voices": overall["voices"],
        "actors": overall["actors"],
        "by_outlet": measures.voice_shares(conn, "outlet", limit=8),
        "by_month": measures.voice_shares(conn, "month", limit=8),
        "first_voice": {
            "stories": first["stories"][-stories:][::-1],
            "voices": first["voices"][:15],
            "stories_total": len(first["stories"]),
        },
        "anonymity": measures.anonymity(conn, "outlet"),
    }


def actor_redirect(conn: sqlite3.Connection, actor_id: int) -> int | None:
    """The actor an id merged away into now points to (ids are derived from actor keys), or None."""
    if conn.execute("SELECT 1 FROM actors WHERE id = ?", (actor_id,)).fetchone():
        return None
    row = conn.execute("SELECT actor_id FROM actor_redirects WHERE old_id = ?", (actor_id,)).fetchone()
    return row[0] if row else None


def actor_page(conn: sqlite3.Connection, actor_id: int, page: int = 1) -> dict:
    """An actor: names, roles with evidence, quotes over time and tone, latest quotes, ties."""
    actor = _one(
        conn,
        "SELECT id, name, type, key, organization, gender, knowledge_id FROM actors WHERE id = ?",
        (actor_id,),
        f"actor {actor_id}",
    )
    # Each name the actor goes by, with the rule that merged it in and an article where it is written.
    names = query_rows(
        conn,
        "SELECT name, resolved_by, count(*) AS articles, min(article_id) AS article_id "
        "FROM article_actors WHERE actor_id = ? GROUP BY name, resolved_by "
        "ORDER BY articles DESC, name",
        (actor_id,),
    )
    voices = query_rows(
        conn,
        "SELECT voice, CASE WHEN voice_rule LIKE 'role nearby%' THEN 'role nearby' "
        "ELSE voice_rule END AS rule, count(*) AS articles FROM article_actors "
        "WHERE actor_id = ? AND voice IS NOT NULL GROUP BY 1, 2 ORDER BY articles DESC, voice",
        (actor_id,),
    )
    roles = query_rows(
        conn,
        "SELECT r.title, r.organization, r.former, r.institution, r.article_id, r.start, r.end, "
        "r.text, a.title AS article "
        "FROM article_actors aa JOIN roles r ON r.article_id = aa.article_id AND r.local_actor = aa.local_id "
        "JOIN articles a ON a.id = r.article_id WHERE aa.actor_id = ? "
        "ORDER BY a.published DESC LIMIT 30",
        (actor_id,),
    )
    # Per month and tone method: English (VADER) and French (textblob-fr) scores are never averaged together.
    months = query_rows(
        conn,
        "SELECT month, tone_method, count(*) AS quotes, round(avg(tone_score), 4) AS mean_tone "
        "FROM voices WHERE actor_id = ? GROUP BY month, tone_method ORDER BY month, tone_method",
        (actor_id,),
    )
    offset = (max(page, 1) - 1) * PAGE_SIZE
    quotes = query_rows(
        conn,
        "SELECT v.quote_id, v.article_id, v.published, v.source, v.kind, v.reviewed, q.text, "
        "a.title AS article FROM voices v JOIN quotes q ON q.id = v.quote_id "
        "JOIN articles a ON a.id = v.article_id WHERE v.actor_id = ? "
        "ORDER BY v.published DESC, v.quote_id DESC LIMIT ? OFFSET ?",
        (actor_id, PAGE_SIZE + 1, offset),
    )
    return {
        "actor": actor,
        "names": names,
        "voices": voices,
        "roles": roles,
        "months": months,
        "quotes": quotes[:PAGE_SIZE],
        "page": max(page, 1),
        "more": len(quotes) > PAGE_SIZE,
        "relations": actor_relations(conn, actor_id),
        "co_quoted": co_quoted(conn, actor_id),
        "echoes": echoes(conn, limit=20, actor_id=actor_id, uses=0),
        "stories": query_rows(
            conn,
            "SELECT sa.story_id, s.label, sa.quotes, sa.first_seen, "
            "(f.actor_id = sa.actor_id) AS first FROM story_actors sa "
            "JOIN stories s ON s.id = sa.story_id LEFT JOIN story_firsts f ON f.story_id = sa.story_id "
            "WHERE sa.actor_id = ? ORDER BY sa.first_seen DESC LIMIT 30",
            (actor_id,),
        ),
    }


def actor_relations(
    conn: sqlite3.Connection, actor_id: int, other_id: int | None = None, limit: int = 50
) -> list[dict]:
    """Typed relations with this actor at either end (and `other_id` at the other), each with its sentence."""
    rows = query_rows(
        conn,
        """
        SELECT r.predicate, r.title, r.former, r.label, r.date, r.start, r.end, r.text, r.article_id,
               a.title AS article, a.published, s.actor_id AS subject_id, sa.name AS subject,
               o.actor_id AS object_id, oa.name AS object
        FROM article_actors me JOIN relations r ON r.article_id = me.article_id
             AND (r.subject_local = me.local_id OR r.object_local = me.local_id)
        JOIN articles a ON a.id = r.article_id
        JOIN article_actors s ON s.article_id = r.article_id AND s.local_id = r.subject_local
        JOIN article_actors o ON o.article_id = r.article_id AND o.local_id = r.object_local
        LEFT JOIN actors sa ON sa.id = s.actor_id LEFT JOIN actors oa ON oa.id = o.actor_id
        WHERE me.actor_id = ? AND (? IS NULL OR ? IN (s.actor_id, o.actor_id))
        ORDER BY a.published DESC LIMIT ?""",
        (actor_id, other_id, other_id, limit * 2),
    )
    seen, kept = set(), []
    for row in rows:  # an actor at both ends of a relation finds it twice
        key = (row["article_id"], row["start"], row["predicate"])
        if key not in seen:
            seen.add(key)
            kept.append(row)
    return kept[:limit]


def co_quoted(conn: sqlite3.Connection, actor_id: int, limit: int = 20) -> list[dict]:
    """The actors quoted in the most stories this actor is quoted in."""
    return query_rows(
        conn,
        "SELECT other.actor_id AS id, ac.name, count(*) AS stories, max(other.story_id) AS story_id "
        "FROM story_actors me JOIN story_actors other ON other.story_id = me.story_id "
        "AND other.actor_id != me.actor_id JOIN actors ac ON ac.id = other.actor_id "
        "WHERE me.actor_id = ? GROUP BY other.actor_id ORDER BY stories DESC, ac.name LIMIT ?",
        (actor_id, limit),
    )


def stories_page(conn: sqlite3.Connection, q: str = "", page: int = 1) -> dict:
    """Every story, latest first, with its first voice; `q` keeps those whose label has these words."""
    words = q.split()
    where = " AND ".join(["s.label LIKE ? ESCAPE '\\'"] * len(words)) or "1 = 1"
    values = [f"%{like_literal(word)}%" for word in words]
    offset = (max(page, 1) - 1) * PAGE_SIZE
    found = query_rows(
        conn,
        "SELECT s.id, s.label, s.articles, s.first_published, f.voice, f.actor_id, f.speaker_type, "
        "f.voices, f.tied, ac.name AS actor FROM stories s LEFT JOIN story_firsts f ON f.story_id = s.id "
        f"LEFT JOIN actors ac ON ac.id = f.actor_id WHERE {where} "
        "ORDER BY s.first_published IS NULL, s.first_published DESC, s.id DESC LIMIT ? OFFSET ?",
        [*values, PAGE_SIZE + 1, offset],
    )
    for story in found:  # first-equal voices of one day: no single first voice or speaker is named
        tied = story.pop("tied")
        story["first_voices"] = measures.first_equal(story["voice"], tied)
        story["tie"] = bool(tied)
        if tied:
            story.update(voice=None, actor_id=None, actor=None, speaker_type=None)
    return {"q": q, "stories": found[:PAGE_SIZE], "page": max(page, 1), "more": len(found) > PAGE_SIZE}


def story_page(conn: sqlite3.Connection, story_id: int, limit: int = 300) -> dict:
    """A story: its articles in time, its quotes in the order first voice counts them, and the first voice."""
    story = _one(
        conn,
        "SELECT id, label, given, first_published, articles FROM stories WHERE id = ?",
        (story_id,),
        f"story {story_id}",
    )
    articles = query_rows(
        conn,
        "SELECT a.id, a.title, a.source, a.published, a.language, "
        "(SELECT count(*) FROM voices v WHERE v.article_id = a.id) AS quotes "
        "FROM articles a WHERE a.story_id = ? ORDER BY a.published IS NULL, a.published, a.key",
        (story_id,),
    )
    voices = query_rows(
        conn,
        "SELECT v.quote_id, v.article_id, v.published, v.source, v.voice, v.actor_id, v.speaker_type, "
        "v.speaker_name, v.kind, v.reviewed, q.text, ac.name AS actor FROM voices v "
        "JOIN quotes q ON q.id = v.quote_id LEFT JOIN actors ac ON ac.id = v.actor_id "
        "WHERE v.story_id = ? ORDER BY v.published IS NULL, v.published, v.article_key, v.position "
        "LIMIT ?",
        (story_id, limit),
    )
    total = sum(article["quotes"] for article in articles)
    return {
        "story": story,
        "articles": articles,
        "quotes": voices,
        "quotes_total": total,
        "first_voice": _why_first(conn, measures.story_first_voice(conn, story_id)),
    }


def _why_first(conn: sqlite3.Connection, first: dict | None) -> dict | None:
    """The first voice and the evidence for it: the quote, its cue, the mention, how it was attributed;
    for first-equal voices, the first quote of each."""
    if first is None:
        return None
    if first["tie"]:
        day = (first["published"] or "")[:10]
        firsts = [_first_quote_of(conn, first["story_id"], voice, day) for voice in first["first_voices"]]
        return {**first, "quote": None, "first_quotes": [quote for quote in firsts if quote]}
    return {**first, "quote": _quote_evidence(conn, first["quote_id"]), "first_quotes": []}


def _quote_evidence(conn: sqlite3.Connection, quote_id: int) -> dict | None:
    quote = conn.execute(
        "SELECT q.id AS quote_id, q.article_id, q.text, q.start, q.cue_text, q.mention_text, q.how, q.kind, "
        "q.speaker_name, a.title AS article, a.source, a.published FROM quotes q "
        "JOIN articles a ON a.id = q.article_id WHERE q.id = ?",
        (quote_id,),
    ).fetchone()
    return dict(quote) if quote else None


def _first_quote_of(conn: sqlite3.Connection, story_id: int, voice: str, day: str) -> dict | None:
    """`voice`'s first quote in the story on `day`, with its evidence and speaker."""
    row = conn.execute(
        "SELECT v.quote_id, v.actor_id, v.speaker_type, ac.name AS actor FROM voices v "
        "LEFT JOIN actors ac ON ac.id = v.actor_id WHERE v.story_id = ? AND v.voice = ? "
        "AND substr(v.published, 1, 10) = ? ORDER BY v.published, v.article_key, v.position LIMIT 1",
        (story_id, voice, day),
    ).fetchone()
    if row is None:
        return None
    anonymous = row["speaker_type"] == "anonymous"
    return {
        **(_quote_evidence(conn, row["quote_id"]) or {}),
        "voice": voice,
        "actor_id": None if anonymous else row["actor_id"],
        "actor": ANONYMOUS_VOICE if anonymous else row["actor"],
    }


def article_page(conn: sqlite3.Connection, article_id: str, evidence: tuple[int, int] | None = None) -> dict:
    """An article's text cut into segments, each with the quotes, cues and mentions it belongs to;
    `evidence` (start, end) marks the characters a role or relation on another page points to."""
    article = _one(
        conn,
        "SELECT a.id, a.key, a.title, a.language, a.published, a.source, a.url, a.text, a.story_id, "
        "s.label AS story FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE a.id = ?",
        (article_id,),
        f"article {article_id}",
    )
    copies = article_copies(conn, article_id)
    counted_elsewhere = bool(copies and copies["is_copy"] and copies["counted"] == "once")
    quotes = []
    for row in conn.execute(
        "SELECT q.id, q.local_id, q.kind AS machine_kind, q.text, q.start, q.cue_start, q.cue_end, q.cue_text, "
        "q.speaker_name AS machine_speaker, q.speaker_type AS machine_type, q.mention_start, q.mention_end, "
        "q.mention_text, q.confidence, q.how, q.tone_score, q.tone_method, v.kind, v.speaker_name, v.speaker_type, "
        "v.actor_id, v.voice, v.reviewed, v.quote_id AS voiced, ac.name AS actor FROM quotes q LEFT JOIN voices v ON v.quote_id = q.id "
        "LEFT JOIN actors ac ON ac.id = v.actor_id WHERE q.article_id = ? ORDER BY q.start",
        (article_id,),
    ):
        quote = dict(row)
        # No voices row: a reviewer rejected it, or it is a wire copy's, counted in the first publication.
        quote["rejected"] = row["voiced"] is None and not counted_elsewhere
        quote["spans"] = query_rows(
            conn, "SELECT start, end, text FROM quote_spans WHERE quote_id = ? ORDER BY start", (row["id"],)
        )
        quote["correction"] = quote_correction(conn, QuoteAnchor(article["key"], row["start"], row["text"]))
        quotes.append(quote)
    if evidence is not None and not 0 <= evidence[0] < evidence[1] <= len(article["text"]):
        raise NotFound(
            f"no characters {evidence[0]}–{evidence[1]} in article {article_id}",
            f"The article has {len(article['text'])} characters.",
        )
    return {
        "article": article,
        "syndication": copies,
        "quotes": quotes,
        "segments": segments(article["text"], quotes, evidence),
        "roles": query_rows(
            conn,
            "SELECT r.title, r.organization, r.start, r.end, r.text, aa.name, aa.actor_id "
            "FROM roles r JOIN article_actors aa ON aa.article_id = r.article_id "
            "AND aa.local_id = r.local_actor WHERE r.article_id = ? ORDER BY r.start",
            (article_id,),
        ),
        "relations": query_rows(
            conn, "SELECT predicate, start, end, text FROM relations WHERE article_id = ? ORDER BY start", (article_id,)
        ),
    }


def quote_page(conn: sqlite3.Connection, quote_id: int) -> dict:
    """The article page of a quote, with that quote selected."""
    row = conn.execute("SELECT article_id FROM quotes WHERE id = ?", (quote_id,)).fetchone()
    if row is None:
        raise NotFound(f"no quote {quote_id}", "It may have been re-analysed: open its article again.")
    data = article_page(conn, row[0])
    data["selected"] = next(quote for quote in data["quotes"] if quote["id"] == quote_id)
    return data


def segments(text: str, quotes: list[dict], evidence: tuple[int, int] | None = None) -> list[dict]:
    """Cut `text` at every edge of a quote span, cue, speaker mention and the evidence span; each piece
    says what covers it (`quotes`, `cues`, `mentions`: lists of quote ids; `evidence`: [0] or []), so
    overlapping marks render without loss."""
    marks: list[tuple[int, int, str, int]] = [(evidence[0], evidence[1], "evidence", 0)] if evidence else []
    for quote in quotes:
        marks += [(span["start"], span["end"], "quotes", quote["id"]) for span in quote["spans"]]
        if quote["cue_start"] is not None:
            marks.append((quote["cue_start"], quote["cue_end"], "cues", quote["id"]))
        if quote["mention_start"] is not None:
            marks.append((quote["mention_start"], quote["mention_end"], "mentions", quote["id"]))
    edges = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    pieces = []
    for start, end in zip(edges, edges[1:]):
        covering = {"quotes": [], "cues": [], "mentions": [], "evidence": []}
        for mark_start, mark_end, what, quote_id in marks:
            if mark_start <= start and end <= mark_end and quote_id not in covering[what]:
                covering[what].append(quote_id)
        pieces.append({"start": start, "end": end, "text": text[start:end], **covering})
    return pieces


def network_page(
    conn: sqlite3.Connection, window: measures.Period = measures.Period(), min_weight: int = 1, isolated: bool = False
) -> dict:
    """The actor graph: nodes sized by quotes, co-quotation and relation edges (each with an id the
    edge-evidence lookup takes). `window` keeps the quotes of a period, `min_weight` the stronger
    co-quotation links; actors left without a link are hidden unless `isolated`."""
    if window.empty and min_weight == 1 and not isolated:
        data = _cached(conn, "network", _network)
    else:
        data = _network(conn, window=window, min_weight=min_weight, isolated=isolated)
    return {
        **data,
        "since": window.since,
        "until": window.until,
        "outlet": window.outlet,
        "outlets": group_names(conn, "outlet"),
        "min_weight": min_weight,
        "isolated": isolated,
    }


def _network(
    conn: sqlite3.Connection,
    nodes: int = 150,
    edges: int = 600,
    window: measures.Period = measures.Period(),
    min_weight: int = 1,
    isolated: bool = False,
) -> dict:
    """The `nodes` most quoted actors and the `edges` strongest links among them (a graph a person
    can read; exports hold the whole network)."""
    data = measures.network(conn, window, limit=nodes, min_weight=min_weight, relations_among_nodes=True)
    kept = {node["id"] for node in data["nodes"]}
    links = [
        {"id": f"co-{e['source']}-{e['target']}", "kind": "co_quotation", **e}
        for e in data["co_quotation"]
        if e["source"] in kept and e["target"] in kept
    ]
    links += [  # relations among the nodes only (relations_among_nodes)
        {"id": f"rel-{e['source']}-{e['target']}-{e['predicate']}", "kind": e["predicate"], "weight": e["count"], **e}
        for e in data["relations"]
    ]
    links.sort(key=lambda e: (e["kind"] == "co_quotation", -e["weight"]))  # relations first: they carry evidence
    total, links = len(links), links[:edges]
    linked = {end for e in links for end in (e["source"], e["target"])}
    shown = [node for node in data["nodes"] if isolated or node["id"] in linked]
    return {
        "nodes": shown,
        "edges": links,
        "edges_total": total,
        "hidden_isolated": len(data["nodes"]) - len(shown),
    }


def edge_evidence(conn: sqlite3.Connection, source: int, target: int) -> dict:
    """Why two actors are linked: the relation sentences between them and the stories both are quoted in."""
    names = {row[0]: row[1] for row in conn.execute("SELECT id, name FROM actors WHERE id IN (?, ?)", (source, target))}
    if len(names) < 2 and source != target:
        raise NotFound(f"no actors {source} and {target}", "Reload the network: an actor may have been merged.")
    stories = query_rows(
        conn,
        "SELECT s.id, s.label, a.quotes AS source_quotes, b.quotes AS target_quotes "
        "FROM story_actors a JOIN story_actors b ON b.story_id = a.story_id AND b.actor_id = ? "
        "JOIN stories s ON s.id = a.story_id WHERE a.actor_id = ? ORDER BY s.first_published DESC "
        "LIMIT 30",
        (target, source),
    )
    return {
        "source": {"id": source, "name": names.get(source)},
        "target": {"id": target, "name": names.get(target)},
        "relations": actor_relations(conn, source, other_id=target),
        "stories": stories,
    }


def echoes_page(conn: sqlite3.Connection) -> dict:
    """Phrases a voice coined that others took up (the 100 most adopted, 20 uses each), and the
    measures per voice."""
    return {
        "echoes": echoes(conn, limit=100, uses=20),
        "by_voice": echoes_by_voice(conn, limit=100),
        "timed": has_times_of_day(conn),  # else delays are whole days: dates say nothing of hours
    }


def review_page(conn: sqlite3.Connection) -> dict:
    return list_corrections(conn)


def group_names(conn: sqlite3.Connection, grouping: str) -> list[str]:
    """The outlets (or languages, months…) the corpus's summaries hold, sorted: for filter forms."""
    return [
        row[0]
        for row in conn.execute(
            "SELECT DISTINCT grp FROM voice_totals WHERE grouping = ? AND grp IS NOT NULL ORDER BY grp", (grouping,)
        )
    ]


def like_literal(text: str) -> str:
    """`text` matched literally by LIKE … ESCAPE '\\' (its % and _ are not wildcards)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def actor_choices(conn: sqlite3.Connection, prefix: str, limit: int = 20) -> list[dict]:
    """Actors whose name starts with `prefix` (for the reviewer's speaker and merge fields)."""
    like = like_literal(prefix) + "%"
    return query_rows(
        conn,
        "SELECT id, name, type FROM actors WHERE name LIKE ? ESCAPE '\\' "
        "AND type IN ('person', 'organization', 'group') ORDER BY name LIMIT ?",
        (like, limit),
    )
