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


def test_serve_refuses_a_missing_database(tmp_path, capsys):
    from voxmap.cli import main

    assert main(["serve", "--db", str(tmp_path / "none.db")]) != 0
    assert "no database" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()  # nothing created by mistake
    (tmp_path / "notes.db").write_text("not a database, just words " * 100, encoding="utf-8")
    assert main(["serve", "--db", str(tmp_path / "notes.db")]) != 0
    assert "not a voxmap database" in capsys.readouterr().err
