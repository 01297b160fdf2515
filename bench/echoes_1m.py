"""Echoes on the synthetic database of 1M quotes (bench/pages_1m.py builds it once): the time and
peak memory of the echoes stage of the rebuild, how many echoes it keeps, and p50/p95 of the pages that show them.

    .venv/bin/python bench/echoes_1m.py [--quotes 1000000] [--db /tmp/voxmap-pages-1m.db] [--rounds 30]

Its quotes are random words drawn from a Zipf-like vocabulary, so many runs of four words repeat by
chance across articles: a harder case than news, where repeated phrases are rarer. Targets:
minutes, not hours; pages p95 < 200 ms.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages_1m import _timed, build

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from voxmap.corpus.rebuild import rebuild
from voxmap.corpus.store import connect
from voxmap.web import create_app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/voxmap-pages-1m.db"))
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    if not args.db.exists():
        print(f"building {args.db} ({args.quotes} quotes)…", flush=True)
        build(args.db, args.quotes)
    conn = connect(args.db)
    quotes = conn.execute("SELECT count(*) FROM voices").fetchone()[0]
    started = time.perf_counter()
    rebuild(conn, start="echoes", until="echoes")
    kept = conn.execute("SELECT count(*) FROM echoes").fetchone()[0]
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    uses = conn.execute("SELECT count(*) FROM echo_uses").fetchone()[0]
    print(f"echoes stage on {quotes:,} quotes: {seconds:.0f} s, peak RSS {peak:.0f} MB; {kept:,} echoes, {uses:,} uses")
    actor = conn.execute(
        "SELECT origin_actor FROM echoes WHERE origin_actor IS NOT NULL "
        "GROUP BY origin_actor ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    conn.close()
    client = TestClient(create_app(args.db))
    pages = {"/echoes": "/echoes", "/echoes.json": "/echoes.json"}
    if actor:
        pages["actor page (most echoes)"] = f"/actors/{actor[0]}"
    for name, path in pages.items():
        times = sorted(1000 * _timed(client, path) for _ in range(args.rounds))
        print(f"  {name:28} p50 {statistics.median(times):6.0f} ms  p95 {times[int(0.95 * len(times)) - 1]:6.0f} ms")


if __name__ == "__main__":
    main()
