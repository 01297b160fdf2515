"""The quality gate: measured figures must not fall below the floors pinned in a baseline file.

`quality/baseline.json` lists suites and their floors. A floor may be raised by `--update`; lowering
one needs `--allow-lower` as well, so extraction cannot silently get worse.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from ..errors import QualityGateError
from .corpus_gold import evaluate_corpus
from .echo_judgments import evaluate_echo_judgments
from .facts import evaluate_facts_file
from .polnear_corpus import polnear_db
from .press_gold import evaluate_press_gold
from .run import evaluate_gold_file, evaluate_polnear
from .stories import evaluate_stories

BASELINE = Path("quality/baseline.json")


def _measure(suite: dict, polnear: Path) -> dict:
    if suite["kind"] == "polnear":
        return evaluate_polnear(polnear, suite.get("split", "dev"))
    if suite["kind"] == "gold":
        return evaluate_gold_file(Path(suite["path"]), suite.get("language", "auto"))
    if suite["kind"] == "facts":
        return evaluate_facts_file(Path(suite["path"]))
    if suite["kind"] == "stories":
        return evaluate_stories(Path(suite["path"]), polnear_db(polnear))
    if suite["kind"] == "corpus":
        return evaluate_corpus(Path(suite["path"]), polnear_db(polnear))
    if suite["kind"] == "echoes":  # echoes judged by hand on PolNeAR train+dev
        return evaluate_echo_judgments(Path(suite["path"]), polnear_db(polnear))
    if suite["kind"] == "press-gold":  # real news by reference, read from the shared data beside PolNeAR
        return evaluate_press_gold(Path(suite["path"]), Path(polnear).parent)
    raise QualityGateError(f"unknown suite kind {suite['kind']!r} in {BASELINE}")


def _metric(result: dict, dotted: str) -> float:
    """A figure by its dotted path: "all.f1", "per_span.all.f1", "voices.accuracy"."""
    value = result
    for part in dotted.split("."):
        value = value[part]
    return float(value)


def check(polnear: Path, *, baseline: Path = BASELINE, update: bool = False, allow_lower: bool = False) -> dict:
    """Measure every suite; compare with its floors (minus the tolerance); optionally move the floors."""
    if not baseline.exists():
        raise QualityGateError(f"no baseline file at {baseline}", "Run voxmap from the project's root.")
    config = json.loads(baseline.read_text(encoding="utf-8"))
    tolerance = float(config.get("tolerance", 0.01))
    rows, passed, lowered = [], True, []
    for name, suite in config["suites"].items():
        result = _measure(suite, polnear)
        for metric, floor in suite["floors"].items():
            value = _metric(result, metric)
            ok = value >= floor - tolerance
            passed &= ok
            rows.append({"suite": name, "metric": metric, "floor": floor, "value": value, "ok": ok})
            if update:
                new_floor = math.floor(value * 1000) / 1000
                if new_floor < floor and not allow_lower:
                    lowered.append(f"{name} {metric}: {floor} -> {new_floor}")
                else:
                    suite["floors"][metric] = new_floor
    if update:
        if lowered:
            raise QualityGateError(
                "refusing to lower floors: " + "; ".join(lowered),
                "Pass --allow-lower with --update if the drop is intended, and say why in the commit.",
            )
        baseline.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return {"passed": passed, "tolerance": tolerance, "rows": rows, "updated": update}


def format_outcome(outcome: dict) -> str:
    lines = [f"{'suite':<14} {'metric':<26} {'floor':>7} {'value':>7}  status"]
    for row in outcome["rows"]:
        lines.append(
            f"{row['suite']:<14} {row['metric']:<26} {row['floor']:>7.3f} {row['value']:>7.3f}  "
            f"{'ok' if row['ok'] else 'BELOW FLOOR'}"
        )
    lines.append(
        ("passed" if outcome["passed"] else "FAILED")
        + f" (tolerance {outcome['tolerance']})"
        + (" — floors updated" if outcome["updated"] else "")
    )
    return "\n".join(lines)
