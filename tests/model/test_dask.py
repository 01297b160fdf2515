"""Analysis on a Dask cluster (LocalCluster of 2 worker processes): an ingest through the cluster
stores what a local ingest stores, a Parquet dataset round-trips into the same store, a re-run skips
written parts, a killed worker loses nothing, and a partition that fails is reported."""

import json
import os
import signal
import sqlite3

import pytest
from helpers import ROOT

from voxmap.corpus.cluster import PartitionFailure, open_cluster, run_partitions, write_dataset
from voxmap.corpus.ingest import ingest
from voxmap.corpus.parquet import read_dataset
from voxmap.corpus.report import report
from voxmap.corpus.store import connect
from voxmap.readers import Skip, read_paths
from voxmap.records import make_article

pytestmark = pytest.mark.dask

DEMO = ROOT / "src" / "voxmap" / "samples" / "corpus" / "articles.jsonl"
# What an ingest stores, without the row ids that depend on the order results arrive in.
CONTENT = {
    "articles": "SELECT id, key, title, language, published, source, url, text, content_hash FROM articles",
    "quotes": "SELECT article_id, local_id, kind, text, start, words, cue_text, speaker_name, speaker_type, local_actor, "
    "mention_start, mention_text, round(confidence, 6), round(tone_score, 6), tone_method, how FROM quotes",
    "spans": "SELECT q.article_id, q.local_id, s.start, s.end, s.text FROM quote_spans s JOIN quotes q ON q.id = s.quote_id",
    "article_actors": "SELECT a.article_id, a.local_id, a.name, a.type, c.key FROM article_actors a "
    "LEFT JOIN actors c ON c.id = a.actor_id",
    "mentions": "SELECT article_id, local_actor, start, end, text FROM mentions",
    "roles": "SELECT article_id, local_actor, title, organization, start, end FROM roles",
    "relations": "SELECT article_id, subject_local, predicate, object_local, start, end, title, former, label FROM relations",
    "figures": "SELECT article_id, start, end, value, unit, counts, local_actor FROM figures",
    "dates": "SELECT article_id, start, end, value, granularity FROM dates",
    "inputs": "SELECT key, article_id, status, reason FROM inputs",
}


def content(db) -> dict:
    conn = sqlite3.connect(db)
    data = {name: sorted(map(tuple, conn.execute(sql)), key=repr) for name, sql in CONTENT.items()}
    conn.close()
    data["report"] = json.loads(json.dumps(report(connect(db)), sort_keys=True, default=str))
    return data


@pytest.fixture(scope="module")
def client():
    with open_cluster("local:2") as connected:
        yield connected


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    db = tmp_path_factory.mktemp("plain") / "plain.db"
    ingest([DEMO], db)
    return content(db)


def test_ingest_on_the_cluster_stores_what_a_local_ingest_stores(client, reference, tmp_path):
    db = tmp_path / "dask.db"
    result = ingest([DEMO], db, dask=client.scheduler.address)
    assert (result.ok, result.skipped, result.failed) == (27, 0, 0)
    assert content(db) == reference
    again = ingest([DEMO], db, dask=client.scheduler.address)
    assert (again.ok, again.unchanged) == (0, 27)


def test_a_parquet_dataset_round_trips_into_the_same_store(client, reference, tmp_path):
    folder = tmp_path / "dataset"
    first = write_dataset(client, read_paths([DEMO]), folder, size=5)
    assert (first.parts_written, first.articles, first.failures) == (6, 27, [])
    assert {p.name for p in folder.iterdir()} >= {
        "articles",
        "quotes",
        "actors",
        "relations",
        "figures",
        "dates",
        "inputs",
        "_parts",
    }
    again = write_dataset(client, read_paths([DEMO]), folder, size=5)
    assert (again.parts_written, again.parts_already_done) == (0, 6)  # a re-run skips written parts
    db = tmp_path / "from-parquet.db"
    stored = ingest([], db, from_parquet=folder)
    assert stored.ok == 27 and content(db) == reference


def test_a_killed_worker_loses_nothing(tmp_path):
    """SIGKILL one worker after the first partition: its nanny restarts it, its partitions run again."""
    with open_cluster("local:2") as own:
        victim = next(iter(own.run(os.getpid).values()))
        outcomes = []
        for _, outcome in run_partitions(own, read_paths([DEMO]), size=2):
            if not outcomes:
                os.kill(victim, signal.SIGKILL)
            outcomes.append(outcome)
    assert not [o for o in outcomes if isinstance(o, PartitionFailure)]
    assert sorted(row["article_id"] for o in outcomes for row in o["articles"]) == sorted(
        a.id for a in read_paths([DEMO])
    )


def test_a_partition_that_fails_is_reported_not_dropped(client, tmp_path):
    good = list(read_paths([DEMO]))[:4]
    broken = make_article("A text", id="broken", origin="broken.jsonl:1")
    broken.text = None  # no reader makes this: it stands for a partition the cluster cannot analyse
    report_ = write_dataset(client, good + [broken], tmp_path / "dataset", size=2)
    (failure,) = report_.failures
    assert failure.number == 2 and failure.inputs == ["broken.jsonl:1"] and failure.reason
    assert report_.articles == 4
    stored = list(read_dataset(tmp_path / "dataset"))
    assert len(stored) == 4 and not any(isinstance(s, Skip) for s in stored)
    rerun = write_dataset(client, good + [broken], tmp_path / "dataset", size=2)
    assert rerun.parts_already_done == 2 and len(rerun.failures) == 1  # the next run tries it again


def test_the_command_line_writes_a_dataset_and_stores_it(tmp_path):
    import subprocess
    import sys

    folder, db = tmp_path / "dataset", tmp_path / "x.db"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "voxmap.cli",
            "analyze",
            str(DEMO),
            "--dask",
            "local:1",
            "--format",
            "parquet",
            "-o",
            str(folder),
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert "27 articles in 1 new parts" in run.stderr
    run = subprocess.run(
        [sys.executable, "-m", "voxmap.cli", "ingest", "--from-parquet", str(folder), "--db", str(db), "--quiet"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0 and "27 analysed" in run.stderr, run.stderr
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "voxmap.cli",
            "analyze",
            str(DEMO),
            "--dask",
            "local:many",
            "--format",
            "parquet",
            "-o",
            str(folder),
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2 and run.stderr.startswith("voxmap: [V013]") and "Traceback" not in run.stderr
