"""Ingest with the real models: the bundled demo corpus, idempotence, exit codes, exports, and a
kill -9 in the middle of an ingest followed by a re-run."""

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ROOT

from voxmap.corpus.exports import export
from voxmap.corpus.ingest import ingest
from voxmap.corpus.report import report
from voxmap.corpus.store import connect

DEMO = ROOT / "src" / "voxmap" / "samples" / "corpus" / "articles.jsonl"
STABLE_TABLES = [
    "articles",
    "article_actors",
    "mentions",
    "roles",
    "quotes",
    "quote_spans",
    "relations",
    "figures",
    "dates",
    "actors",
    "stories",
    "voices",
]


def dump(db: Path) -> dict:
    conn = sqlite3.connect(db)
    data = {table: sorted(tuple(row) for row in conn.execute(f"SELECT * FROM {table}")) for table in STABLE_TABLES}
    data["inputs"] = sorted(tuple(row) for row in conn.execute("SELECT key, article_id, status, reason FROM inputs"))
    conn.close()
    return data


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    report_ = ingest([DEMO], db)
    assert (report_.ok, report_.skipped, report_.failed, report_.exit_code) == (27, 0, 0, 0)
    return db


def test_demo_corpus_measures_are_non_trivial(demo_db):
    data = report(connect(demo_db), by="outlet")
    assert set(data) == {
        "share_of_voice",
        "first_voice",
        "anonymity",
        "media_cited",
        "tone",
        "network",
        "echoes",
        "echoes_by_voice",
        "voice_over_time",
        "tone_over_time",
        "lead_times",
        "gender",
        "syndication",
    }
    for key, rows in (("voice_over_time", "voices"), ("tone_over_time", "rows"), ("lead_times", "voices"),
                      ("gender", "rows")):  # fmt: skip
        assert data[key][rows], f"{key} is empty on the demo corpus"
    assert data["voice_over_time"]["period"] == "day"  # 17 days of articles
    assert data["syndication"]["clusters"] == 0  # the demo's 27 articles are each their own text
    (echo,) = data["echoes"]  # the demo's one echo: Rempart's phrase, then the minister, then an editorial
    assert echo["origin"]["voice"] == "Rempart"  # the union under the name its articles write most
    assert sorted(use["kind"] for use in echo["uses"]) == ["narration", "quote"]
    assert len(data["first_voice"]["stories"]) == 4
    first = {row["story"]: row["actor"] for row in data["first_voice"]["stories"]}
    assert "Fabien Delacourt" in first.values() and "Fabienne Morel" in first.values()
    rates = [row["anonymity_rate"] for row in data["anonymity"]]
    assert min(rates) < max(rates)  # outlets differ


def test_ingest_twice_is_ingest_once(demo_db, tmp_path):
    before = dump(demo_db)
    again = ingest([DEMO], demo_db)
    assert (again.ok, again.unchanged) == (0, 27)
    assert dump(demo_db) == before


def test_every_stored_span_slices_back(demo_db):
    conn = connect(demo_db)
    texts = {row[0]: row[1] for row in conn.execute("SELECT id, text FROM articles")}
    for table, article in (
        ("mentions", "article_id"),
        ("roles", "article_id"),
        ("relations", "article_id"),
        ("figures", "article_id"),
        ("dates", "article_id"),
    ):
        for row in conn.execute(f"SELECT {article}, start, end, text FROM {table}"):
            assert texts[row[0]][row[1] : row[2]] == row[3], table
    for row in conn.execute(
        "SELECT q.article_id, s.start, s.end, s.text FROM quote_spans s JOIN quotes q ON q.id = s.quote_id"
    ):
        assert texts[row[0]][row[1] : row[2]] == row[3]


def test_bad_inputs_are_recorded_and_the_exit_code_says_so(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Title\n\n“We will win,” said Ann Roy.", encoding="utf-8")
    (folder / "bad.bin").write_bytes(b"\x00\x01binary")
    run = subprocess.run(
        [sys.executable, "-m", "voxmap.cli", "ingest", str(folder), "--db", str(tmp_path / "x.db"), "--quiet"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1, run.stderr
    conn = connect(tmp_path / "x.db")
    statuses = dict(conn.execute("SELECT status, count(*) FROM inputs GROUP BY status").fetchall())
    assert statuses == {"ok": 1, "skipped": 1}


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "gexf", "graphml"])
def test_exports(demo_db, tmp_path, fmt):
    output = tmp_path / f"out.{fmt}"
    count = export(connect(demo_db), fmt, output)
    assert count > 0 and output.stat().st_size > 0
    if fmt == "jsonl":
        rows = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
        assert {"text", "speaker", "actor", "voice", "evidence", "start", "end"} <= set(rows[0])
    if fmt == "gexf":  # a mixed graph (Gephi reads it; networkx's reader refuses mixed edge types)
        import xml.etree.ElementTree as ET

        elements = list(ET.parse(output).iter())
        nodes = [e for e in elements if e.tag.endswith("}node")]
        kinds = {e.get("type") for e in elements if e.tag.endswith("}edge")}
        assert nodes and kinds == {"directed", "undirected"} and 'mode="dynamic"' in output.read_text(encoding="utf-8")
    if fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(output).num_rows == count


def test_kill_9_then_rerun_ends_identical(tmp_path):
    # 54 articles: the demo corpus twice, the second time under other ids and a week later.
    corpus = tmp_path / "corpus.jsonl"
    lines = DEMO.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    for record in list(records):
        copy = dict(record, id=record["id"] + "-b", published=record["published"].replace("2024-03-", "2024-04-"))
        records.append(copy)
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    reference = tmp_path / "reference.db"
    ingest([corpus], reference)

    interrupted = tmp_path / "interrupted.db"
    command = [sys.executable, "-m", "voxmap.cli", "ingest", str(corpus), "--db", str(interrupted), "--quiet"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        try:
            check = sqlite3.connect(interrupted, timeout=1)
            stored = check.execute("SELECT count(*) FROM articles").fetchone()[0]
            check.close()
        except sqlite3.OperationalError:
            continue
        if stored >= 25:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 0 < stored < len(records), "the ingest should have been killed half-way"
    rerun = subprocess.run(command, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert dump(interrupted) == dump(reference)


def test_two_workers_store_what_one_worker_stores(demo_db, tmp_path):
    parallel = tmp_path / "parallel.db"
    result = ingest([DEMO], parallel, workers=2)
    assert (result.ok, result.failed) == (27, 0)
    assert dump(parallel) == dump(demo_db)


def test_reviewed_corpus_exports_a_gold_set_that_scores_the_extractor(demo_db, tmp_path):
    """Reject one quote and fix another's speaker: the exported gold disagrees with the machine
    exactly there, and re-ingesting the corpus keeps both corrections."""
    import shutil

    from voxmap.corpus import review
    from voxmap.corpus.exports import export
    from voxmap.corpus.store import connect
    from voxmap.evaluation.run import evaluate_gold_file

    db = tmp_path / "reviewed.db"
    shutil.copyfile(demo_db, db)
    conn = connect(db)
    article = conn.execute(
        "SELECT article_id FROM quotes GROUP BY article_id HAVING count(*) >= 3 ORDER BY article_id LIMIT 1"
    ).fetchone()[0]
    first, second, *_ = [
        row[0] for row in conn.execute("SELECT id FROM quotes WHERE article_id = ? ORDER BY start", (article,))
    ]
    review.correct_quote(conn, first, status="rejected")
    review.correct_quote(conn, second, speaker_name="Quelqu'un d'autre", speaker_type="person")
    assert export(conn, "gold", tmp_path / "gold.jsonl") == 1
    conn.close()
    scores = evaluate_gold_file(tmp_path / "gold.jsonl")["all"]
    assert scores["recall"] == 1.0 and scores["precision"] < 1.0  # the rejected quote is a false positive
    assert scores["speaker_accuracy"] < 1.0  # the machine's speaker of the second quote is wrong now
    ingest([DEMO], db)  # unchanged articles: nothing re-analysed, corrections untouched
    conn = connect(db)
    assert conn.execute("SELECT count(*) FROM voices WHERE reviewed IS NOT NULL").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM quote_corrections").fetchone()[0] == 2
    conn.close()


def test_followthemoney_export_links_memberships_to_people_and_articles(demo_db, tmp_path):
    """The optional extra (make test installs it): entities Aleph can load, every reference resolved."""
    import os

    try:
        from followthemoney import model
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("followthemoney is not installed (make test installs the [ftm] extra)")
    output = tmp_path / "entities.ftm.json"
    count = export(connect(demo_db), "ftm", output)
    entities = [model.get_proxy(json.loads(line)) for line in output.read_text(encoding="utf-8").splitlines()]
    assert count == len(entities) > 0
    ids = {entity.id: entity.schema.name for entity in entities}
    memberships = [e for e in entities if e.schema.name == "Membership"]
    assert memberships, "the demo corpus has members of unions and ministries"
    for membership in memberships:
        assert ids[membership.first("member")] == "Person"
        assert ids[membership.first("organization")] == "Organization"
        assert ids[membership.first("proof")] == "Article"
