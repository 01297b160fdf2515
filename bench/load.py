"""The dashboard under load while an ingest writes, over loopback: 20 clients browse every page for a
minute while `voxmap ingest` stores PolNeAR train into the same database.

    .venv/bin/python bench/load.py [--data ../shared/data/polnear] [--clients 20] [--seconds 60]

The database starts as PolNeAR dev ingested; the concurrent ingest (a subprocess, as a user runs
it) adds train and ends with its actor resolution, stories and aggregates. Prints p50/p95/max per
page and the count of 5xx answers. Target: no 5xx, p95 under 500 ms.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the load driver the tests use

from helpers import browse, percentile  # noqa: E402

from voxmap.corpus.ingest import ingest  # noqa: E402
from voxmap.corpus.store import connect  # noqa: E402


def serve(db: Path) -> tuple[str, subprocess.Popen]:
    """`voxmap serve` in its own process, as a user runs it (the clients must not share its GIL)."""
    import socket

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "voxmap.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(base + "/stories.json", timeout=2)
            return base, server
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("the dashboard did not start")


def page_of(path: str) -> str:
    """/actors/12 -> /actors/{id}: one row per page kind."""
    parts = path.split("?")[0].split("/")
    if len(parts) <= 2:
        return "/".join(parts)
    return "/".join(parts[:2]) + "/{id}" + (".json" if parts[-1].endswith(".json") else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "polnear"))
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    data = Path(args.data)
    db = Path(tempfile.mkdtemp()) / "load.db"
    ingest([data / "dev" / "text"], db, metadata=data / "metadata.tsv")
    conn = connect(db)
    actors = [
        row[0] for row in conn.execute("SELECT actor_id FROM voices GROUP BY actor_id ORDER BY count(*) DESC LIMIT 5")
    ]
    stories = [row[0] for row in conn.execute("SELECT id FROM stories ORDER BY articles DESC LIMIT 5")]
    articles = [row[0] for row in conn.execute("SELECT id FROM articles LIMIT 5")]
    conn.close()
    paths = [
        "/",
        "/.json",
        "/stories",
        "/stories.json?q=debate",
        "/search?q=Clinton",
        "/search.json?q=%22email%22",
        "/network",
        "/network.json",
    ]
    paths += (
        [f"/actors/{a}" for a in actors if a]
        + [f"/stories/{s}" for s in stories]
        + [f"/articles/{a}" for a in articles]
    )
    base, server = serve(db)
    writer = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "voxmap.cli",
            "ingest",
            str(data / "train" / "text"),
            "--db",
            str(db),
            "--metadata",
            str(data / "metadata.tsv"),
            "--quiet",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    started = time.monotonic()
    results = browse(base, paths, args.clients, args.seconds)
    ingest_running = writer.poll() is None
    writer.terminate()  # the minute is over; an interrupted ingest resumes on its next run
    writer.wait()
    server.terminate()
    server.wait()
    by_page = defaultdict(list)
    for path, _status, ms in results:
        by_page[page_of(path)].append(ms)
    print(
        f"{len(results)} requests by {args.clients} clients in {args.seconds:.0f} s while ingest wrote "
        f"(still writing at the end: {ingest_running}; {time.monotonic() - started:.0f} s)"
    )
    for page, times in sorted(by_page.items()):
        print(
            f"  {page:22} n={len(times):5}  p50 {percentile(times, 0.5):6.0f} ms  p95 {percentile(times, 0.95):6.0f} ms"
            f"  max {max(times):6.0f} ms"
        )
    every = [ms for _, _, ms in results]
    errors = sum(status >= 500 for _, status, _ in results)
    print(
        f"all pages: p50 {percentile(every, 0.5):.0f} ms, p95 {percentile(every, 0.95):.0f} ms; 5xx answers: {errors}"
    )


if __name__ == "__main__":
    main()
