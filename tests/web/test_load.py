"""The dashboard under load while an ingest writes: 20 clients browse every page over loopback for a
few seconds while a writer stores articles and rebuilds the aggregates as an ingest does. No 5xx;
p95 within bounds (bench/load.py measures the full minute on a real corpus)."""

import threading

from helpers import analysis_of, browse, build_corpus, percentile, serve_in_thread

from voxmap.corpus.aliases import Aliases
from voxmap.corpus.rebuild import rebuild
from voxmap.corpus.store import connect
from voxmap.corpus.store.writer import save_analysis
from voxmap.web import create_app

TEXT = "“We will strike on Monday,” said X. “No strike,” said Y. “Maybe later,” said a source."
SPANS = [(TEXT.index(q), TEXT.index(q) + len(q)) for q in ("We will strike on Monday", "No strike", "Maybe later")]
SPEAKERS = {1: ("Rempart", "organization"), 2: ("Interior Ministry", "organization"), 3: ("a source", "anonymous")}


def write_like_an_ingest(db, stop: threading.Event, written: list) -> None:
    conn = connect(db)
    number = 0
    while not stop.is_set() and number < 2000:
        with conn:
            conn.execute("BEGIN")
            for _ in range(5):
                number += 1
                save_analysis(
                    conn,
                    analysis_of(
                        TEXT,
                        SPANS,
                        id=f"new{number}",
                        story=f"s{number % 7}",
                        published=f"2024-03-{1 + number % 28:02}T08:00:00",
                        speakers=SPEAKERS,
                    ),
                )
        if number % 20 == 0:  # the end of an ingest: actors, stories and aggregates rebuilt
            rebuild(conn, Aliases())
        written.append(number)
    conn.close()


def test_twenty_clients_while_an_ingest_writes(tmp_path):
    db = tmp_path / "load.db"
    conn = connect(db)
    build_corpus(
        conn,
        [
            analysis_of(
                TEXT, SPANS, id=f"a{n}", story=f"s{n % 3}", speakers=SPEAKERS, published=f"2024-02-{1 + n:02}T08:00:00"
            )
            for n in range(20)
        ],
    )
    actor = conn.execute("SELECT id FROM actors ORDER BY id LIMIT 1").fetchone()[0]
    story = conn.execute("SELECT id FROM stories ORDER BY id LIMIT 1").fetchone()[0]
    conn.close()
    base, server = serve_in_thread(create_app(db))
    paths = [
        "/",
        "/.json",
        "/stories",
        "/stories.json",
        f"/stories/{story}",
        f"/actors/{actor}",
        "/articles/a1",
        f"/actors/{actor}.json",
        "/search?q=strike",
        "/search.json?q=strike%20monday",
        "/network",
        "/network.json",
        "/stories/999999.json",
    ]
    stop, written = threading.Event(), []
    writer = threading.Thread(target=write_like_an_ingest, args=(db, stop, written))
    writer.start()
    try:
        results = browse(base, paths, clients=20, seconds=6)
    finally:
        stop.set()
        writer.join()
        server.should_exit = True
    assert written and written[-1] >= 20, "the writer must have written while the clients browsed"
    errors = [(path, status) for path, status, _ in results if status >= 500]
    assert errors == [] and len(results) > 200
    assert {status for path, status, _ in results if path.endswith("999999.json")} == {404}
    # 20 clients on 2 cores, with a writer beside them: the bound leaves room for a slow machine.
    assert percentile([ms for _, _, ms in results], 0.95) < 1500
