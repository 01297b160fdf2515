"""Ingest throughput and memory, as ratios measured in one run.

    .venv/bin/python bench/ingest.py --data ../shared/data/polnear [--texts 300] [--rss 500 3000]

- ingest (store included, 1 worker) vs bare `nlp.pipe` of the same model on the same texts;
- ingest with 2 workers vs 1;
- peak RSS of an ingest of N1 articles vs N2 articles (each in its own process), on a synthetic
  corpus made of PolNeAR texts under fresh ids, so that no article is skipped as unchanged.
Targets: ratio >= 0.85, 2 workers >= 1.8x, RSS at N2 within 10% of N1.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def polnear_texts(data: Path) -> list[str]:
    files = sorted((data / "train" / "text").glob("*.txt")) + sorted((data / "dev" / "text").glob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files]


def write_corpus(texts: list[str], count: int, path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            record = {
                "id": f"synthetic-{n}",
                "text": texts[n % len(texts)],
                "language": "en",
                "published": f"2016-{1 + n % 12:02d}-{1 + n % 28:02d}",
                "source": f"outlet-{n % 7}",
            }
            handle.write(json.dumps(record) + "\n")
    return path


def timed_ingest(corpus: Path, workers: int, folder: Path) -> float:
    from voxmap.corpus.ingest import ingest

    db = folder / f"bench-{workers}-{time.monotonic_ns()}.db"
    started = time.perf_counter()
    ingest([corpus], db, workers=workers, language="en")
    return time.perf_counter() - started


def bare_pipe(texts: list[str]) -> float:
    from voxmap.extract.pipeline import load_model

    nlp = load_model("en")
    nlp("warm up")
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - started


RSS_CHILD = """
import resource, sys
from voxmap.corpus.ingest import ingest
ingest([sys.argv[1]], sys.argv[2], language="en")
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def peak_rss(corpus: Path, db: Path) -> float:
    run = subprocess.run(
        [sys.executable, "-c", RSS_CHILD, str(corpus), str(db)], capture_output=True, text=True, check=True
    )
    return float(run.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--texts", type=int, default=300, help="texts for the throughput ratios")
    parser.add_argument(
        "--rss",
        type=int,
        nargs=2,
        default=None,
        metavar=("N1", "N2"),
        help="also compare peak RSS after N1 and N2 articles (e.g. 500 3000)",
    )
    args = parser.parse_args()
    texts = polnear_texts(args.data)
    result: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sample = texts[: args.texts]
        corpus = write_corpus(sample, len(sample), folder / "corpus.jsonl")
        from voxmap.extract.pipeline import get_pipeline

        get_pipeline("en")  # load once, outside the timings
        bare = bare_pipe(sample)
        one = timed_ingest(corpus, 1, folder)
        two = timed_ingest(corpus, 2, folder)
        result.update(
            {
                "texts": len(sample),
                "bare_nlp_pipe_s": round(bare, 2),
                "ingest_1_worker_s": round(one, 2),
                "ingest_2_workers_s": round(two, 2),
                "ingest_vs_bare_ratio": round(bare / one, 3),
                "two_workers_speedup": round(one / two, 3),
            }
        )
        if args.rss:
            small, large = args.rss
            rss_small = peak_rss(write_corpus(texts, small, folder / "small.jsonl"), folder / "small.db")
            rss_large = peak_rss(write_corpus(texts, large, folder / "large.jsonl"), folder / "large.db")
            result.update(
                {
                    f"peak_rss_mb_{small}": round(rss_small, 1),
                    f"peak_rss_mb_{large}": round(rss_large, 1),
                    "rss_growth": round(rss_large / rss_small - 1, 3),
                }
            )
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
