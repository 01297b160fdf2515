import pytest

from voxmap.cli import build_parser
from voxmap.outcome import exit_code


@pytest.mark.parametrize("ok, failed, code", [(5, 0, 0), (4, 1, 1), (1, 9, 126), (0, 3, 126), (0, 0, 0)])
def test_exit_code_says_how_much_failed(ok, failed, code):
    assert exit_code(ok, failed) == code


def _all_actions(parser):
    for action in parser._actions:
        if action.choices and isinstance(action.choices, dict):
            for name, sub in action.choices.items():
                yield name, sub
                yield from _all_actions(sub)


def test_every_command_and_option_is_documented():
    parser = build_parser()
    for name, sub in _all_actions(parser):
        for action in sub._actions:
            if action.dest in ("help", "handler") or not action.option_strings and action.dest == "suite":
                continue
            assert action.help, f"voxmap {name}: {action.dest} has no help text"


def test_readme_names_every_command():
    from helpers import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, _ in _all_actions(build_parser()):
        assert name in readme, f"README does not mention `{name}`"


COMMANDS = [["serve"], ["report"], ["resolve"], ["export", "--format", "jsonl", "-o", "{out}"]]


def _run(command, db, tmp_path, capsys):
    from voxmap.cli import main

    argv = [part.format(out=tmp_path / "out.jsonl") for part in command] + ["--db", str(db)]
    code = main(argv)
    return code, capsys.readouterr().err


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_refuses_a_missing_database(command, tmp_path, capsys):
    code, err = _run(command, tmp_path / "none.db", tmp_path, capsys)
    assert code == 2 and "no voxmap database at" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "none.db").exists()  # nothing created by mistake
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    "content, said",
    [
        ("words", "is not a voxmap database"),  # a text file
        ("foreign", "is not a voxmap database"),  # another program's SQLite database
    ],
)
def test_every_command_refuses_what_is_not_a_voxmap_database(command, content, said, tmp_path, capsys):
    import sqlite3

    db = tmp_path / "other.db"
    if content == "words":
        db.write_text("not a database, just words " * 100, encoding="utf-8")
    else:
        with sqlite3.connect(db) as other:
            other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    before = db.read_bytes()
    code, err = _run(command, db, tmp_path, capsys)
    assert code == 2 and said in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert db.read_bytes() == before  # left as it was


@pytest.mark.parametrize("value", ["2016-13-01", "yesterday", "2016-02-30", "16-01-01", "2016-1-1"])
@pytest.mark.parametrize("command", ["report", "export"])
def test_dates_are_checked(command, value, capsys):
    extra = ["--format", "csv", "-o", "x.csv"] if command == "export" else []
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args([command, "--db", "x.db", "--since", value, *extra])
    assert stop.value.code == 2 and "expected a date as YYYY-MM-DD" in capsys.readouterr().err


def test_a_good_date_passes():
    assert build_parser().parse_args(["report", "--db", "x.db", "--until", "2016-02-29"]).until == "2016-02-29"


@pytest.mark.parametrize(
    "argv, said",
    [
        (["analyze"], "give at least one PATH"),
        (["analyze", "x.txt", "-o", "out"], "-o is for --format parquet"),
        (["analyze", "x.txt", "--format", "parquet"], "give -o DIR"),
        (["ingest", "--db", "x.db"], "give PATHS to analyse, or --from-parquet DIR"),
        (["ingest", "x.txt", "--db", "x.db", "--from-parquet", "d"], "not both"),
    ],
)
def test_arguments_that_do_not_fit_together_are_usage_errors(argv, said, capsys, tmp_path, monkeypatch):
    from voxmap.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert said in capsys.readouterr().err
    assert not (tmp_path / "x.db").exists()


@pytest.mark.parametrize(
    "message, shown",
    [
        ("alias file a.toml: missing `canonical`", "[V012] alias file a.toml: missing `canonical`. See the README"),
        ("no quote 7.", "[V010] no quote 7. It may"),  # already a sentence: no second stop
        ("is this a database?", "[V011] is this a database?"),
    ],
)
def test_error_messages_are_sentences(message, shown):
    from voxmap.errors import AliasFileError, NotFound, StoreError

    kind = {"V012": AliasFileError, "V010": NotFound, "V011": StoreError}[shown[1:5]]
    error = kind(message, "It may have been re-analysed.") if kind is NotFound else kind(message)
    assert str(error).startswith(shown)


def test_export_to_a_closed_pipe_ends_quietly(tmp_path):
    import subprocess
    import sys

    from helpers import analysis_of, build_corpus

    from voxmap.corpus.store import connect

    conn = connect(tmp_path / "c.db")
    text = "“We will not yield,” said Ann Roy. " * 40
    build_corpus(conn, [analysis_of(text, [(1, 30)], id=f"a{i}") for i in range(300)])
    conn.close()
    command = [sys.executable, "-m", "voxmap.cli", "export", "--db", str(tmp_path / "c.db"), "--format", "jsonl"]
    with subprocess.Popen([*command, "-o", "-"], stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
        run.stdout.close()  # the reader goes away at once, as `| head` does
        err = run.stderr.read().decode()
        code = run.wait()
    assert (code, err) == (141, "")


def test_serve_on_a_busy_port_says_so_before_announcing_anything(tmp_path):
    import socket
    import subprocess
    import sys

    from voxmap.corpus.store import connect

    connect(tmp_path / "s.db").close()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = subprocess.run(
            [sys.executable, "-m", "voxmap.cli", "serve", "--db", str(tmp_path / "s.db"), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert run.returncode == 2
    assert run.stderr.startswith(
        f"voxmap: [V014] cannot listen on 127.0.0.1 port {port}: another server listens there."
    )
    assert "dashboard on" not in run.stderr
