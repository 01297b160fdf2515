"""`voxmap report` on a synthetic database of 1M quotes: time of each measure and of the whole report.

    .venv/bin/python bench/report_1m.py [--quotes 1000000] [--db /tmp/voxmap-1m.db]

The database is built once (articles, actors, stories, quotes and the voices table, with the
schema and indexes of a real ingest) and reused on later runs. Target: the whole report under 2 s.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from voxmap.corpus import measures
from voxmap.corpus.rebuild import rebuild
from voxmap.corpus.report import report
from voxmap.corpus.store import connect


def build(db: Path, quotes: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    conn = connect(db)
    conn.execute("PRAGMA foreign_keys = OFF")  # the measures read voices; no quote rows are built behind them
    articles, actors, stories = quotes // 20, 5000, quotes // 200
    sources = [f"Outlet {i}" for i in range(20)]
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO stories (id, label, articles) VALUES (?, ?, ?)",
        [(s, f"story {s}", 0) for s in range(1, stories + 1)],
    )
    conn.executemany(
        "INSERT INTO actors (id, name, type, key, organization) VALUES (?, ?, ?, ?, ?)",
        [
            (a, f"Actor {a}", "person" if a % 3 else "organization", f"k{a}", f"Org {a % 300}")
            for a in range(1, actors + 1)
        ],
    )
    rows = []
    for n in range(articles):
        day = rng.randrange(0, 365)
        rows.append(
            (
                f"art{n}",
                f"key{n}",
                f"Title {n}",
                "en",
                f"2024-{1 + day // 31:02d}-{1 + day % 28:02d}T{rng.randrange(24):02d}:00:00",
                rng.choice(sources),
                "x",
                "h",
                rng.randrange(1, stories + 1),
            )
        )
    conn.executemany(
        "INSERT INTO articles (id, key, title, language, published, source, text, content_hash, story_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    voices = []
    for q in range(1, quotes + 1):
        article = rows[rng.randrange(articles)]
        actor = rng.randrange(1, actors + 1) if rng.random() > 0.12 else None
        speaker_type = "person" if actor else rng.choice(["anonymous", "unknown"])
        voice = f"Org {actor % 300}" if actor else ("(anonymous sources)" if speaker_type == "anonymous" else None)
        voices.append(
            (
                q,
                article[0],
                article[8],
                actor,
                voice,
                speaker_type,
                article[5],
                "en",
                article[4],
                article[4][:7],
                article[1],
                rng.randrange(5000),
                rng.randrange(5, 60),
                rng.uniform(-1, 1),
                "vader",
            )
        )
    conn.executemany(
        "INSERT INTO voices (quote_id, article_id, story_id, actor_id, voice, speaker_type, source, language, "
        "published, month, article_key, position, words, tone_score, tone_method) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        voices,
    )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/voxmap-1m.db"))
    args = parser.parse_args()
    if not args.db.exists():
        started = time.perf_counter()
        build(args.db, args.quotes)
        print(f"built {args.db} in {time.perf_counter() - started:.1f} s")
    conn = connect(args.db)
    if conn.execute("SELECT count(*) FROM voice_totals").fetchone()[0] == 0:
        started = time.perf_counter()
        rebuild(conn, start="summaries", until="summaries")  # what an ingest does once, after its last article
        print(f"summaries built in {time.perf_counter() - started:.1f} s (once, at the end of an ingest)")
    timings = {}
    for name, call in [
        ("share_of_voice", lambda: measures.share_of_voice(conn, "outlet")),
        ("first_voice", lambda: measures.first_voice(conn)),
        ("anonymity", lambda: measures.anonymity(conn, "outlet")),
        ("tone", lambda: measures.tone(conn, min_quotes=5)),
        ("network", lambda: measures.network(conn)),
        ("report", lambda: report(conn, "outlet")),
        (
            "report_one_month_window",
            lambda: report(conn, "outlet", measures.Period("2024-03-01", "2024-03-31")),
        ),
    ]:
        started = time.perf_counter()
        call()
        timings[name] = round(time.perf_counter() - started, 3)
    print(
        json.dumps({"quotes": conn.execute("SELECT count(*) FROM voices").fetchone()[0], "seconds": timings}, indent=2)
    )


if __name__ == "__main__":
    main()
