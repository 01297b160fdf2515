"""Throughput of voxmap's analysis vs bare `nlp.pipe` of the same model on the same texts.

Both run in this one process, interleaved over several rounds, and the best round of each is kept,
so the ratio is measured under the same conditions. Peak memory (max RSS) is reported too.

    .venv/bin/python bench/throughput.py --data ../shared/data/polnear --split dev
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from voxmap.api import analyze_articles
from voxmap.extract.pipeline import load_model
from voxmap.records import make_article


def texts_of(data: Path, split: str, limit: int | None) -> list[str]:
    files = sorted((data / split / "text").glob("*.txt"))[:limit]
    return [f.read_text(encoding="utf-8") for f in files]


def bare(nlp, texts: list[str]) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - start


def voxmap_run(texts: list[str], language: str) -> float:
    articles = [make_article(t) for t in texts]
    start = time.perf_counter()
    for _ in analyze_articles(articles, language=language, batch_size=64):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None, help="first N texts only")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--language", default="en")
    args = parser.parse_args()
    texts = texts_of(args.data, args.split, args.limit)
    chars = sum(map(len, texts))
    nlp = load_model(args.language)
    voxmap_run(texts[:5], args.language)  # load and warm voxmap's pipeline
    bare(nlp, texts[:5])
    bare_times, voxmap_times = [], []
    for _ in range(args.rounds):
        bare_times.append(bare(nlp, texts))
        voxmap_times.append(voxmap_run(texts, args.language))
    best_bare, best_voxmap = min(bare_times), min(voxmap_times)
    result = {
        "texts": len(texts),
        "characters": chars,
        "rounds": args.rounds,
        "bare_nlp_pipe_s": round(best_bare, 3),
        "voxmap_s": round(best_voxmap, 3),
        "bare_chars_per_s": round(chars / best_bare),
        "voxmap_chars_per_s": round(chars / best_voxmap),
        "throughput_ratio": round(best_bare / best_voxmap, 3),  # voxmap speed / bare speed; target >= 0.85
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
