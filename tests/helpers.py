"""Helpers shared by the tests (importable as `helpers`; tests/ is on the path)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import spacy
from spacy.tokens import Doc

from voxmap.corpus.aliases import Aliases
from voxmap.corpus.pages import network_page, overview
from voxmap.corpus.rebuild import rebuild
from voxmap.corpus.report import report
from voxmap.corpus.store import connect
from voxmap.corpus.store.writer import save_analysis
from voxmap.records import Actor, Analysis, Quote, Role, Span, Speaker, make_article

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
POLNEAR = SHARED / "data" / "polnear"


def make_doc(rows: list[tuple], *, vocab=None) -> Doc:
    """A parsed Doc from rows of (word, space_after, head, dep, pos, lemma, ent_iob_label).

    `head` is the absolute index of the head token; `ent` is "O", "B-PERSON", "I-PERSON", ...
    """
    vocab = vocab or spacy.blank("en").vocab
    words, spaces, heads, deps, pos, lemmas, ents = (list(column) for column in zip(*rows))
    return Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)


def attribute(doc: Doc, rules) -> tuple[list, list]:
    """The actors and quotes voxmap finds in a hand-built Doc with a language's rules."""
    from voxmap.extract import actors, attribution
    from voxmap.extract.coref import RuleResolver
    from voxmap.extract.syntax import entity_index

    findings = attribution.find_quotes(doc, rules)
    return actors.build(doc, rules, findings.quotes, entity_index(doc), RuleResolver(rules), findings.in_quote)


def analysis_of(
    text,
    quotes_at,
    *,
    id=None,
    source="Outlet",
    published="2024-03-01T08:00:00",
    story=None,
    speakers=None,
    tone=None,
    tone_method="vader",
    language="en",
    roles=None,
    kinds=None,
):
    """An analysis with one quote per (start, end) and one actor per speaker name; `roles`: speaker name ->
    (title, institution) of a current role, its evidence the speaker's first quote; `kinds`: quote number
    -> its kind (direct when not given)."""
    article = make_article(text, id=id, source=source, published=published, story=story, language=language)
    actors, quotes = {}, []
    for n, (start, end) in enumerate(quotes_at, start=1):
        name, kind = (speakers or {}).get(n, ("Ann Roy", "person"))
        if kind == "anonymous":
            local = f"a{len(actors) + 1}"
            actors[f"anon{n}"] = Actor(local, name, "anonymous", mentions=[Span.of(text, start, end)])
            actor = actors[f"anon{n}"]
        else:
            actor = actors.setdefault(
                name, Actor(f"a{len(actors) + 1}", name, kind, mentions=[Span.of(text, start, end)])
            )
        quotes.append(
            Quote(
                f"q{n}",
                (kinds or {}).get(n, "direct"),
                [Span.of(text, start, end)],
                None,
                Speaker(name, kind, actor.id, Span.of(text, start, end)),
                0.9,
                {"score": tone, "intensity": abs(tone), "method": tone_method} if tone is not None else None,
            )
        )
    for name, (title, institution) in (roles or {}).items():
        if name in actors:
            evidence = actors[name].mentions[0]
            actors[name].roles.append(Role(title, institution, evidence, institution=institution))
    return Analysis(article=article, quotes=quotes, actors=list(actors.values()))


def build_corpus(conn, analyses):
    """Store analyses, then rebuild the corpus tables, as an ingest does."""
    with conn:
        conn.execute("BEGIN")
        for analysis in analyses:
            save_analysis(conn, analysis)
    rebuild(conn, Aliases())


def serve_in_thread(app):
    """Run `app` with uvicorn on a free loopback port in a daemon thread; return (base URL, server)."""
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the dashboard did not start"
    return f"http://127.0.0.1:{port}", server


def browse(base: str, paths: list[str], clients: int, seconds: float) -> list[tuple[str, int, float]]:
    """`clients` threads request `paths` in turn against `base` (loopback only) for `seconds`;
    every (path, status, milliseconds). Bounded in time and count: it stops by itself."""
    import threading
    import time

    import httpx

    results: list[tuple[str, int, float]] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(offset: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as http:
            turn = offset
            while time.monotonic() < stop and turn < offset + 100_000:
                path = paths[turn % len(paths)]
                started = time.perf_counter()
                status = http.get(path).status_code
                with lock:
                    results.append((path, status, 1000 * (time.perf_counter() - started)))
                turn += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


# Every table a corpus stage writes, with how its rows are read (ids a table numbers itself are
# replaced by what they stand for).
CORPUS_TABLES = {
    "actors": "SELECT * FROM actors",
    "article_actors": "SELECT article_id, local_id, actor_id, resolved_by, voice, voice_rule FROM article_actors",
    "actor_redirects": "SELECT * FROM actor_redirects",
    "stories": "SELECT * FROM stories",
    "article_stories": "SELECT id, story_id FROM articles",
    "syndication": "SELECT * FROM syndication",
    "voices": "SELECT * FROM voices",
    "voice_totals": "SELECT * FROM voice_totals",
    "story_firsts": "SELECT * FROM story_firsts",
    "tone_totals": "SELECT * FROM tone_totals",
    "story_actors": "SELECT * FROM story_actors",
    "voice_presence": "SELECT * FROM voice_presence",
    "echoes": "SELECT phrase, language, origin_article, origin_quote, origin_start, origin_end, origin_actor, "
    "origin_voice, origin_speaker, origin_published, origin_outlet, uses, quote_uses, narration_uses, outlets, "
    "first_adoption_hours, adoptions, stems, articles, common FROM echoes",
    "echo_uses": "SELECT e.origin_article, e.origin_start, u.article_id, u.start, u.end, u.text, u.kind, u.quote_id, "
    "u.actor_id, u.voice, u.speaker, u.published, u.outlet FROM echo_uses u JOIN echoes e ON e.id = u.echo_id",
    "echo_voices": "SELECT * FROM echo_voices",
    "echo_key_counts": "SELECT * FROM echo_key_counts",  # the echo index's counts and origins, not only what they gave
    "echo_origins": "SELECT * FROM echo_origins",
    "echo_stem_counts": "SELECT * FROM echo_stem_counts",
    "echo_words": "SELECT w.stem, w.articles, e.origin_article, e.origin_start FROM echo_words w JOIN echoes e ON e.id = w.echo_id",
    "story_df": "SELECT * FROM story_df",
    "correction_actors": "SELECT article_key, quote_start, actor_id FROM quote_corrections",
}


def corpus_state(conn) -> dict:
    state = {
        table: sorted(tuple(map(repr, row)) for row in conn.execute(query)) for table, query in CORPUS_TABLES.items()
    }
    state["report"] = report(conn)
    state["pages"] = [overview(conn), network_page(conn)]  # as served: a cached page of an older version is not
    return state


def full_rebuild_of(conn, path) -> dict:
    """The state `voxmap resolve --full` gives the same articles, on a copy of the store."""
    copy = sqlite3.connect(path)
    conn.backup(copy)
    copy.close()
    full = connect(path)
    try:
        rebuild(full, full=True)
        return corpus_state(full)
    finally:
        full.close()


def assert_same_corpus(incremental: dict, full: dict) -> None:
    for table in full:
        assert incremental[table] == full[table], table


def french_quotes(text: str) -> list[tuple[str, str, str | None]]:
    """(kind, text, speaker name) of each quote voxmap finds in a French text (the model tier)."""
    import voxmap

    return [(q.kind, q.text, q.speaker.name) for q in voxmap.analyze(text, language="fr").quotes]


def french_quote_spans(text: str) -> list[tuple[str, str | None, list[str]]]:
    """(kind, speaker name, the text of each span) of each quote in a French text (the model tier)."""
    import voxmap

    return [
        (q.kind, q.speaker.name, [span.text for span in q.spans]) for q in voxmap.analyze(text, language="fr").quotes
    ]


def french_speakers(text: str) -> list[str | None]:
    """The speaker name of each quote in a French text (the model tier)."""
    return [name for _, name, _ in french_quote_spans(text)]
