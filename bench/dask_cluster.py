"""Analysis on a Dask cluster, as ratios measured in one run, and the store's ceiling (not named dask.py:
run as a script, that name would hide the dask package).

    .venv/bin/python bench/dask_cluster.py --data ../shared/data/polnear [--texts 160] [--quotes 1000000]

- LocalCluster 2 workers vs 1 (articles per second through `write_dataset`; target >= 1.8x);
- LocalCluster 2 workers vs the local `--workers 2` path (ingest without a store, same texts; >= 0.9x);
- model-load cost per worker: seconds from a worker's start until its pipelines are loaded;
- the store's ceiling: articles per second the single SQLite writer absorbs from precomputed records
  (`ingest --from-parquet`, its analysis already done), and the end-of-ingest phase (actors,
  stories, voices, summaries) apart;
- a report computed with DuckDB straight over the Parquet dataset, on a synthetic dataset of
  `--quotes` quotes (the plan past one SQLite store: docs/scaling.md).
Texts are PolNeAR's under fresh ids (English), so nothing is skipped as unchanged.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from ingest import polnear_texts, write_corpus  # noqa: E402


def dataset_rate(address: str, corpus: Path, folder: Path) -> tuple[float, float]:
    """(articles per second through the cluster, seconds to start it with its models loaded)."""
    from voxmap.corpus.cluster import open_cluster, write_dataset
    from voxmap.readers import read_paths

    started = time.perf_counter()
    with open_cluster(address, languages=("en",)) as client:
        client.submit(len, "warm").result()  # workers up, plugin (model load) done
        ready = time.perf_counter() - started
        began = time.perf_counter()
        report = write_dataset(client, read_paths([corpus]), folder, language="en", size=8)
        return report.articles / (time.perf_counter() - began), ready


def local_rate(corpus: Path, workers: int) -> float:
    from voxmap.api import analyze_articles
    from voxmap.readers import read_paths

    analyze_articles([], language="en")  # nothing: the fork shares what the parent loaded
    from voxmap.extract.pipeline import get_pipeline

    get_pipeline("en")
    began = time.perf_counter()
    count = sum(1 for _ in analyze_articles(read_paths([corpus]), language="en", n_process=workers))
    return count / (time.perf_counter() - began)


def model_load_seconds() -> float:
    import subprocess

    code = (
        "import time; t = time.perf_counter(); from voxmap.extract.pipeline import get_pipeline; "
        "get_pipeline('en'); get_pipeline('fr'); print(time.perf_counter() - t)"
    )
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def store_ceiling(dataset: Path, folder: Path, copies: int) -> tuple[float, float, int]:
    """(articles per second the writer stores, seconds of the end-of-ingest phase, articles)."""
    import voxmap.corpus.ingest as ingest_module
    from voxmap.corpus.parquet import read_dataset
    from voxmap.corpus.store import connect
    from voxmap.corpus.store.writer import save_analysis

    analyses = [a for a in read_dataset(dataset) if hasattr(a, "quotes")]
    conn = connect(folder / "ceiling.db")
    began = time.perf_counter()
    stored = 0
    for copy in range(copies):
        conn.execute("BEGIN")
        for analysis in analyses:
            analysis.article.id = f"{copy}-{analysis.article.id[:30]}"
            analysis.article.key = f"id:{analysis.article.id}"
            save_analysis(conn, analysis)
            stored += 1
            if stored % ingest_module.COMMIT_EVERY == 0:
                conn.execute("COMMIT")
                conn.execute("BEGIN")
        conn.execute("COMMIT")
    rate = stored / (time.perf_counter() - began)
    from voxmap.corpus.rebuild import rebuild

    began = time.perf_counter()
    rebuild(conn)
    return rate, time.perf_counter() - began, stored


def duckdb_report(dataset: Path, folder: Path, quotes: int) -> tuple[float, float, int]:
    """(seconds to build a synthetic quotes dataset of `quotes` rows, seconds of a share-of-voice
    report with DuckDB over it, rows)."""
    import duckdb
    import pyarrow as pa
    import pyarrow.parquet as pq

    base = pq.read_table(dataset / "quotes").select(
        ["article_id", "speaker_name", "speaker_type", "text", "tone_score", "kind"]
    )
    copies = max(1, quotes // max(1, base.num_rows))
    target = folder / "synthetic-quotes"
    target.mkdir()
    began = time.perf_counter()
    for copy in range(copies):
        ids = pa.array([f"{copy}-{a}" for a in base.column("article_id").to_pylist()])
        pq.write_table(base.set_column(0, "article_id", ids), target / f"part-{copy:05}.parquet")
    built = time.perf_counter() - began
    began = time.perf_counter()
    rows = duckdb.sql(
        f"SELECT speaker_name, speaker_type, count(*) AS quotes, sum(length(text)) AS characters, avg(tone_score) "
        f"FROM read_parquet('{target}/*.parquet') WHERE kind IN ('direct', 'indirect', 'mixed', 'partial') "
        f"GROUP BY 1, 2 ORDER BY quotes DESC LIMIT 50"
    ).fetchall()
    report = time.perf_counter() - began
    return built, report, copies * base.num_rows if rows else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "polnear"))
    parser.add_argument("--texts", type=int, default=160)
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--copies", type=int, default=10, help="the dataset stored this many times (store ceiling)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="voxmap-dask-"))
    corpus = write_corpus(polnear_texts(Path(args.data)), args.texts, work / "corpus.jsonl")
    one, ready_one = dataset_rate("local:1", corpus, work / "one")
    two, ready_two = dataset_rate("local:2", corpus, work / "two")
    local_two = local_rate(corpus, 2)
    load = model_load_seconds()
    print(
        f"{args.texts} texts: LocalCluster 1 worker {one:.2f} articles/s, 2 workers {two:.2f} articles/s: "
        f"{two / one:.2f}x (target >= 1.8)"
    )
    print(
        f"LocalCluster 2 workers vs local --workers 2 ({local_two:.2f} articles/s): {two / local_two:.2f}x "
        f"(target >= 0.9)"
    )
    print(
        f"cluster ready with models: {ready_one:.1f} s (1 worker), {ready_two:.1f} s (2 workers); "
        f"model load in a fresh process (en + fr): {load:.1f} s"
    )
    rate, end_phase, stored = store_ceiling(work / "two", work, args.copies)
    print(
        f"store ceiling: {rate:.0f} articles/s written by one SQLite writer ({stored} precomputed articles), "
        f"so one store feeds about {rate / (two / 2):.0f} analysing cores; end-of-ingest phase {end_phase:.1f} s"
    )
    built, seconds, rows = duckdb_report(work / "two", work, args.quotes)
    print(f"DuckDB share of voice over {rows:,} quotes in Parquet: {seconds:.2f} s (dataset written in {built:.1f} s)")


if __name__ == "__main__":
    main()
