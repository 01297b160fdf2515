"""The package tree shows the architecture, and imports point one way: extraction → nothing above it,
the corpus → extraction and the shared top, the web → the corpus. Checked on the source text (ast),
so a lazy import inside a function counts too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "voxmap"

# importer package -> packages it must never import
FORBIDDEN = {
    "voxmap.extract": ("voxmap.corpus", "voxmap.web", "voxmap.evaluation", "voxmap.cli", "voxmap.api", "voxmap.render"),
    "voxmap.corpus": ("voxmap.web", "voxmap.evaluation", "voxmap.cli", "voxmap.render"),
    "voxmap.evaluation": ("voxmap.web", "voxmap.cli"),
    "voxmap.web": ("voxmap.cli", "voxmap.extract"),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, module: str, is_package: bool) -> set[str]:
    """Every voxmap module a source imports, relative imports resolved against `module`."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)  # `from . import pages`
    return {name for name in found if name == "voxmap" or name.startswith("voxmap.")}


def violations(importer: str, imported: set[str]) -> list[str]:
    for package, banned in FORBIDDEN.items():
        if importer == package or importer.startswith(package + "."):
            return sorted(
                {
                    f"{importer} imports {b}"
                    for name in imported
                    for b in banned
                    if name == b or name.startswith(b + ".")
                }
            )
    return []


@pytest.mark.parametrize(
    "importer, source, expected",
    [
        (
            "voxmap.extract.attribution",
            "from ..corpus.store import connect",
            ["voxmap.extract.attribution imports voxmap.corpus"],
        ),
        (
            "voxmap.extract.attribution",
            "def f():\n    from voxmap.web import app",
            ["voxmap.extract.attribution imports voxmap.web"],
        ),
        ("voxmap.corpus.ingest", "from .. import web", ["voxmap.corpus.ingest imports voxmap.web"]),
        ("voxmap.extract.attribution", "from ..records import Quote\nfrom .marks import find", []),
        ("voxmap.corpus.ingest", "from ..api import analyze_articles\nfrom ..extract.language import LANGUAGES", []),
        ("voxmap.web.app", "from ..corpus import pages", []),
    ],
)
def test_the_checker_sees_a_wrong_way_import(importer, source, expected):
    assert violations(importer, imported_modules(source, importer, False)) == expected


def test_imports_point_one_way():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        found += violations(
            module, imported_modules(path.read_text(encoding="utf-8"), module, path.name == "__init__.py")
        )
    assert found == []


def test_the_top_of_the_package_stays_small():
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(top) <= 12, top
    for package in ("extract", "corpus", "web", "evaluation"):
        assert (PACKAGE / package / "__init__.py").is_file()


def test_no_module_is_longer_than_600_lines():
    # One job per module: a module past this length holds several, and a newcomer cannot name its job.
    long = {
        str(path.relative_to(SRC)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 600
    }
    assert long == {}


# The corpus stages: only voxmap.corpus.rebuild calls them (in its one order), besides their own modules.
STAGE_FUNCTIONS = {
    "rebuild_actors",
    "update_actors",
    "assign_voices",
    "assign_stories",
    "rebuild_voices",
    "rebuild_summaries",
    "rebuild_echoes",
    "warm_pages",
}


def test_the_stage_order_is_written_once():
    callers = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name in STAGE_FUNCTIONS:
                    callers.add(module_name(path))
    assert callers == {"voxmap.corpus.rebuild"}
