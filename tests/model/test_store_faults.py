"""Faults of the store and of the inputs, as a user meets them: two copies of one file, a full disk
in the middle of an ingest, a damaged database file. One-line errors, nothing committed lost."""

import shutil
import sqlite3
import subprocess
import sys

import pytest

from voxmap.corpus import ingest as ingest_module
from voxmap.corpus.ingest import ingest
from voxmap.corpus.store.db import connect
from voxmap.errors import StoreError

ARTICLE = "Title {n}\n\n“We will not give in on pay {n},” said Ann Roy{n}, head of the Union{n}. The minister refused."


def folder_of(tmp_path, count: int, copies: int = 0):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(count):
        (folder / f"a{n:02}.txt").write_text(ARTICLE.format(n=n), encoding="utf-8")
    for n in range(copies):
        shutil.copy(folder / f"a{n:02}.txt", folder / f"z-copy{n:02}.txt")
    return folder


def stored(db, sql="SELECT count(*) FROM articles"):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_two_copies_of_one_file_are_one_article_and_reruns_change_nothing(tmp_path):
    folder, db = folder_of(tmp_path, 3, copies=1), tmp_path / "x.db"
    first = ingest([folder], db)
    assert (first.ok, first.duplicates, first.exit_code) == (3, 1, 0)
    assert "duplicate" in first.problems[0] and "a00.txt" in first.problems[0]
    before = stored(db, "SELECT key, published, content_hash FROM articles ORDER BY key")
    for _ in range(2):
        again = ingest([folder], db)
        assert (again.ok, again.unchanged, again.duplicates) == (0, 3, 1)
        assert stored(db, "SELECT key, published, content_hash FROM articles ORDER BY key") == before
    assert stored(db, "SELECT status, reason FROM inputs WHERE key LIKE '%copy%'")[0][1].startswith("duplicate of")


def test_a_full_disk_mid_ingest_keeps_what_was_committed_and_a_rerun_finishes(tmp_path, monkeypatch):
    folder, db = folder_of(tmp_path, 60), tmp_path / "x.db"
    real_connect = ingest_module.connect

    def small_disk(path, **options):
        conn = real_connect(path, **options)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 12}")  # SQLite's own SQLITE_FULL, as on ENOSPC
        return conn

    monkeypatch.setattr(ingest_module, "connect", small_disk)
    monkeypatch.setattr(ingest_module, "COMMIT_EVERY", 5)
    with pytest.raises(StoreError, match="is full: what was committed before is kept"):
        ingest([folder], db)
    kept = stored(db)[0][0]
    assert 0 < kept < 60
    monkeypatch.setattr(ingest_module, "connect", real_connect)
    rerun = ingest([folder], db)
    assert (rerun.unchanged, rerun.ok) == (kept, 60 - kept) and stored(db)[0][0] == 60


def test_the_cli_says_a_full_disk_in_one_line(tmp_path):
    """The same fault through the command line: exit 2, one line, no traceback."""
    folder, db = folder_of(tmp_path, 40), tmp_path / "x.db"
    script = (
        "import sqlite3, sys; from voxmap.corpus import ingest as m; real = m.connect\n"
        "def full(path, **o):\n    c = real(path, **o); c.execute('PRAGMA max_page_count = ' + "
        "str(c.execute('PRAGMA page_count').fetchone()[0])); return c\n"
        "m.connect = full\nfrom voxmap.cli import main\nsys.exit(main(sys.argv[1:]))"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, "ingest", str(folder), "--db", str(db), "--quiet"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr.strip().splitlines()[-1].startswith("voxmap: [V011] the disk holding")


@pytest.mark.parametrize("damage", ["truncated", "header"])
def test_a_damaged_database_is_named_not_a_traceback(tmp_path, damage):
    folder, db = folder_of(tmp_path, 6), tmp_path / "x.db"
    ingest([folder], db)
    connect(db).execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 2]
    else:
        data[:100] = b"\xff" * 100  # SQLite's header: the file no longer says what it is
    db.write_bytes(bytes(data))
    for command in (["report"], ["export", "--format", "jsonl", "-o", str(tmp_path / "q.jsonl")]):
        run = subprocess.run(
            [sys.executable, "-m", "voxmap.cli", *command, "--db", str(db)], capture_output=True, text=True
        )
        assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
        assert run.stderr.startswith("voxmap: [V011]") and len(run.stderr.strip().splitlines()) == 1
        assert not (tmp_path / "q.jsonl").exists()


def test_a_read_only_database_can_be_read_not_written(tmp_path, monkeypatch):
    """As for a user without write rights on the file (simulated: the tests run as root, whom file
    modes do not stop): reports and exports work, an ingest says why it cannot, nothing changes."""
    import os

    from voxmap.corpus.exports import export
    from voxmap.corpus.report import report

    folder, db = folder_of(tmp_path, 4), tmp_path / "x.db"
    ingest([folder], db)
    before = stored(db, "SELECT key, content_hash FROM articles ORDER BY key")
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode, **k: False if str(p) == str(db) and mode == os.W_OK else real_access(p, mode, **k)
    )
    assert report(connect(db, create=False))["share_of_voice"]
    assert export(connect(db, create=False), "jsonl", tmp_path / "q.jsonl") > 0
    (tmp_path / "in" / "new.txt").write_text(ARTICLE.format(n=99), encoding="utf-8")
    with pytest.raises(StoreError, match="is read-only"):
        ingest([folder], db)
    assert stored(db, "SELECT key, content_hash FROM articles ORDER BY key") == before
