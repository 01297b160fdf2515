"""Watching a folder: a file added between rounds is ingested in the next; a round with nothing new
does not rebuild the corpus; a run stopped after storing articles but before its rebuild leaves a
mark that makes the next run rebuild. No model: a file of JSONL records through a stub analysis."""

import json

import pytest
from helpers import analysis_of

from voxmap.corpus import ingest as ingest_module
from voxmap.corpus.store import connect
from voxmap.corpus.watch import watch

TEXT = "“We strike,” said X."


def write(folder, name, ids):
    lines = [json.dumps({"id": i, "text": TEXT, "source": "Daily", "published": "2024-03-01"}) for i in ids]
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def stub_analysis(monkeypatch):
    """Analyses without a model: each article quoted by the union."""

    def analyze(articles, **_):
        for article in articles:
            if hasattr(article, "text"):
                yield analysis_of(article.text, [(1, 10)], id=article.id, source=article.source,
                                  published=article.published, speakers={1: ("Rempart", "organization")})  # fmt: skip
            else:
                yield article

    monkeypatch.setattr(ingest_module, "analyze_articles", analyze)
    rebuilds = []
    real = ingest_module.rebuild
    monkeypatch.setattr(ingest_module, "rebuild", lambda conn, aliases=None: rebuilds.append(1) or real(conn, aliases))
    return rebuilds


def test_new_files_are_ingested_and_idle_rounds_do_not_rebuild(tmp_path, stub_analysis):
    folder = tmp_path / "exports"
    folder.mkdir()
    write(folder, "monday.jsonl", ["a1", "a2"])
    seen = []

    def between(round_number, report):
        seen.append((report.ok, report.unchanged))
        if round_number == 2:
            write(folder, "tuesday.jsonl", ["a3"])

    assert watch([folder], tmp_path / "w.db", every=0, rounds=4, on_round=between) == 4
    assert seen == [(2, 0), (0, 2), (1, 2), (0, 3)]
    assert len(stub_analysis) == 2  # the first round and the one that stored a3; idle rounds rebuild nothing
    conn = connect(tmp_path / "w.db")
    assert conn.execute("SELECT count(*) FROM voices").fetchone()[0] == 3


def test_a_run_stopped_before_its_rebuild_makes_the_next_one_rebuild(tmp_path, stub_analysis):
    folder = tmp_path / "exports"
    folder.mkdir()
    write(folder, "monday.jsonl", ["a1"])
    db = tmp_path / "s.db"
    ingest_module.ingest([folder], db)
    assert len(stub_analysis) == 1
    conn = connect(db)
    conn.execute("UPDATE settings SET value = '1' WHERE name = 'corpus_stale'")  # as a run stopped mid-way
    conn.commit()
    ingest_module.ingest([folder], db, rebuild_unchanged=False)  # nothing new, but the mark says rebuild
    assert len(stub_analysis) == 2
    ingest_module.ingest([folder], db, rebuild_unchanged=False)  # nothing new, nothing stale: no rebuild
    assert len(stub_analysis) == 2
    assert conn.execute("SELECT value FROM settings WHERE name = 'corpus_stale'").fetchone()[0] == "0"
