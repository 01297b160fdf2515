"""Score the echoes a corpus lists against echoes judged by hand (a TOML file of `[[echo]]` tables:
`phrase`, `origin`, `verdict` — echo, copy, vocabulary or misattributed — and a `note`).

Precision is the share of the listed echoes judged `echo` among those judged; the listed echoes no
judgment names are counted apart (`unjudged`), so that a change listing new phrases shows it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from ..corpus.echoes import echoes
from ..corpus.store.db import connect, store_errors
from ..errors import GoldFormatError

VERDICTS = ("echo", "copy", "vocabulary", "misattributed")


def read_echo_judgments(path: Path) -> dict[str, str]:
    """phrase -> verdict."""
    try:
        table = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        judged = {}
        for entry in table["echo"]:
            if entry["verdict"] not in VERDICTS:
                raise ValueError(f"{entry['phrase']!r}: verdict {entry['verdict']!r} is none of {', '.join(VERDICTS)}")
            judged[entry["phrase"]] = entry["verdict"]
        return judged
    except (OSError, KeyError, TypeError, ValueError, tomllib.TOMLDecodeError) as error:
        raise GoldFormatError(f"{path}: {error}") from error


def score_echoes(judged: dict[str, str], listed: list[str]) -> dict:
    verdicts = [judged[phrase] for phrase in listed if phrase in judged]
    right = sum(verdict == "echo" for verdict in verdicts)
    return {
        "listed": len(listed),
        "judged": len(verdicts),
        "unjudged": len(listed) - len(verdicts),
        "precision": round(right / len(verdicts), 4) if verdicts else 0.0,
        "by_verdict": {verdict: verdicts.count(verdict) for verdict in VERDICTS},
    }


def evaluate_echo_judgments(path: Path, db: Path) -> dict:
    judged = read_echo_judgments(path)
    with store_errors(db):
        conn = connect(db, create=False)
        listed = [echo["phrase"] for echo in echoes(conn, limit=100_000, uses=0)]
    return {"suite": Path(path).stem, "echoes": score_echoes(judged, listed)}
