"""What adding one article costs, by the size of the store it is added to, measured in one run.

    .venv/bin/python bench/incremental.py --data ../shared/data/polnear [--work /tmp/voxmap-incremental]

Two stores are built once (kept under --work): PolNeAR dev and PolNeAR train+dev, each without one
held-out dev article (the latest published, as a day's new article is). Then, best of 2 each, the
held-out article is added to a copy of each store with `voxmap ingest` in a fresh process (model load,
analysis and the corpus stages included), and the corpus stages are timed one by one on the larger
store, beside the full rebuild (`voxmap resolve --full`). Target: adding to train+dev costs at most 1.3x
adding to dev.

    .venv/bin/python bench/incremental.py --synthetic 1000000

adds instead to copies of the synthetic store of bench/pages_1m.py (built once, echoes included;
articles already analysed, so this times the store and the corpus stages, in a fresh process, with its
peak RSS): a day's 1,000 articles, dated the day after the store's last (a daily ingest), then 1, then
1,000 articles dated across the year (a back-filled archive: every period's surnames read again),
and prints the full rebuild of the store beside them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VOXMAP = str(Path(sys.executable).parent / "voxmap")


def held_out(data: Path) -> Path:
    """The dev article published last (PolNeAR file names begin with outlet_YYYY-MM-DD)."""
    return max((data / "dev" / "text").glob("*.txt"), key=lambda path: (path.name.split("_")[1], path.name))


def build_store(db: Path, files: list[Path], metadata: Path) -> None:
    """Ingest `files` into `db`, or bring a store an earlier version built up to date (its one-time
    fills done here, untimed)."""
    from voxmap.corpus.ingest import ingest
    from voxmap.corpus.rebuild import rebuild
    from voxmap.corpus.store import connect

    if not db.exists():
        print(f"building {db.name} ({len(files)} articles)…", flush=True)
        ingest(files, db, workers=2, language="en", metadata=metadata)
    conn = connect(db)
    rebuild(conn)
    conn.close()


def add_one(store: Path, article: Path, metadata: Path, scratch: Path) -> float:
    """Seconds `voxmap ingest` takes to add `article` to a copy of `store`, in a fresh process."""
    copy = scratch / f"add-{store.name}"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    _durable_copy(store, copy)
    started = time.perf_counter()
    subprocess.run(
        [VOXMAP, "ingest", str(article), "--db", str(copy), "--language", "en", "--metadata", str(metadata)],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def stage_times(store: Path, article: Path, metadata: Path, scratch: Path) -> tuple[dict, float]:
    """Each corpus stage's seconds when `article` is added to a copy of `store`, and the full rebuild's."""
    from voxmap.api import analyze_articles
    from voxmap.corpus.aliases import aliases_for
    from voxmap.corpus.rebuild import STAGES, Rebuilt, rebuild
    from voxmap.corpus.store import connect
    from voxmap.corpus.store.writer import save_analysis
    from voxmap.readers import read_paths

    copy = scratch / f"stages-{store.name}"
    shutil.copy(store, copy)
    conn = connect(copy)
    with conn:
        conn.execute("BEGIN")
        for analysis in analyze_articles(read_paths([article], metadata), language="en"):
            save_analysis(conn, analysis)
    rebuilt, aliases, seconds = Rebuilt(), aliases_for(conn, None), {}
    for name, run in STAGES:
        started = time.perf_counter()
        run(conn, aliases, rebuilt)
        seconds[name] = time.perf_counter() - started
    started = time.perf_counter()
    rebuild(conn, full=True)
    full = time.perf_counter() - started
    conn.close()
    return seconds, full


def synthetic(quotes: int, work: Path) -> None:
    """Add 1,000 synthetic articles, then 1, to copies of a synthetic store of `quotes` quotes."""
    sys.path.insert(0, str(ROOT / "bench"))
    from pages_1m import build

    from voxmap.corpus.rebuild import rebuild
    from voxmap.corpus.store import connect

    base = work / f"synthetic-{quotes}.db"
    if not base.exists():
        print(f"building {base.name}…", flush=True)
        started = time.perf_counter()
        build(base, quotes)
        conn = connect(base)
        rebuild(conn, start="echoes")
        conn.close()
        print(f"built in {time.perf_counter() - started:.0f} s (full rebuild included)", flush=True)
    conn = connect(base)  # a store built by an earlier version: upgraded, and its one-time fills done, untimed
    rebuild(conn)
    conn.close()
    copy = work / "synthetic-copy.db"
    for count, when in ((1000, "day"), (1, "day"), (1000, "year")):
        _durable_copy(base, copy)
        result = subprocess.run(
            [sys.executable, __file__, "--add-synthetic", str(copy), "--count", str(count), "--when", when],
            check=True,
            capture_output=True,
            text=True,
        )
        print(result.stdout.strip(), flush=True)
    conn = connect(copy)
    started = time.perf_counter()
    rebuild(conn, full=True)
    print(f"full rebuild (resolve --full) of that store: {time.perf_counter() - started:.1f} s", flush=True)
    conn.close()
    copy.unlink()


def _durable_copy(source: Path, target: Path) -> None:
    """Copy a store and write it to disk before the timed add: a fresh copy's dirty pages would
    otherwise be written by the add's first commit (its fsync), a cost no daily store has."""
    shutil.copy(source, target)
    with open(target, "rb") as copied:
        os.fsync(copied.fileno())


def add_synthetic(db: Path, count: int, when: str) -> None:
    """(In its own process.) Store `count` new synthetic articles and bring the corpus up to date:
    dated the day after the store's last article (`when` "day"), or across the year ("year")."""
    from dataclasses import replace
    from datetime import date, timedelta

    sys.path.insert(0, str(ROOT / "bench"))
    import random

    from pages_1m import _article, _vocabulary

    from voxmap.corpus.rebuild import rebuild
    from voxmap.corpus.store import connect
    from voxmap.corpus.store.writer import save_analysis

    rng = random.Random(97)
    words = _vocabulary(random.Random(11))
    weights = [1 / (rank + 1) for rank in range(len(words))]
    outlets = [f"Outlet {i}" for i in range(20)]
    conn = connect(db)
    first = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    last = conn.execute("SELECT max(substr(published, 1, 10)) FROM articles").fetchone()[0]
    day = (date.fromisoformat(last) + timedelta(days=1)).isoformat()
    started = time.perf_counter()
    with conn:
        conn.execute("BEGIN")
        for n in range(first, first + count):
            analysis = _article(n, rng, words, weights, people=5000, outlets=outlets)
            if when == "day":
                published = f"{day}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00"
                analysis = replace(analysis, article=replace(analysis.article, published=published))
            save_analysis(conn, analysis)
    stored = time.perf_counter() - started
    rebuild(conn)
    seconds = time.perf_counter() - started
    peak = _peak_rss_mb()
    dated = f"dated {day}" if when == "day" else "dated across the year"
    print(
        f"add {count} articles ({dated}) to {first} (stored in {stored:.1f} s): {seconds:.1f} s, peak RSS {peak:.0f} MB"
    )


def _peak_rss_mb() -> float:
    """This process's own peak resident memory. getrusage's ru_maxrss is not: on Linux a child started by
    fork and exec inherits its parent's peak (the parent that built the store reported its 2.8 GB)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--work", type=Path, default=Path("/tmp/voxmap-incremental"))
    parser.add_argument("--synthetic", type=int, metavar="QUOTES", help="a synthetic store of this many quotes instead")
    parser.add_argument("--add-synthetic", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--when", choices=("day", "year"), default="day", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.add_synthetic:
        return add_synthetic(args.add_synthetic, args.count, args.when)
    if args.synthetic:
        return synthetic(args.synthetic, args.work)
    metadata = args.data / "metadata.tsv"
    article = held_out(args.data)
    dev = [p for p in sorted((args.data / "dev" / "text").glob("*.txt")) if p != article]
    train = sorted((args.data / "train" / "text").glob("*.txt"))
    small, large = args.work / "dev.db", args.work / "train-dev.db"
    build_store(small, dev, metadata)
    build_store(large, train + dev, metadata)
    print(f"held-out article: {article.name}")
    best = {}
    for store in (small, large):
        best[store] = min(add_one(store, article, metadata, args.work) for _ in range(2))
        print(f"add 1 article to {store.name}: {best[store]:.2f} s (best of 2, model load included)", flush=True)
    print(f"ratio train+dev / dev: {best[large] / best[small]:.2f} (target <= 1.3)")
    seconds, full = stage_times(large, article, metadata, args.work)
    print("corpus stages after adding it to train+dev: " + ", ".join(f"{k} {v:.2f} s" for k, v in seconds.items()))
    print(f"incremental stages {sum(seconds.values()):.2f} s; full rebuild (resolve --full) {full:.2f} s")


if __name__ == "__main__":
    main()
