"""Evaluation scores as a person reads them: tables of P/R/F1 and speaker accuracy, or JSON."""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table


def print_scores(result: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result, indent=2))
        return
    table = Table(title=f"{result.get('suite', 'gold')} — {result.get('articles', '?')} articles")
    for column in ("subset", "gold", "predicted", "P", "R", "F1 (J>0.3)", "exact F1", "speaker acc."):
        table.add_column(column, justify="right")
    rows = [(subset, result[subset]) for subset in ("all", "direct")]
    rows += [
        (f"{subset}, per span", result["per_span"][subset]) for subset in ("all", "direct") if "per_span" in result
    ]
    for subset, m in rows:
        table.add_row(
            subset,
            str(m["gold"]),
            str(m["predicted"]),
            f"{m['precision']:.3f}",
            f"{m['recall']:.3f}",
            f"{m['f1']:.3f}",
            f"{m['exact_f1']:.3f}",
            f"{m['speaker_accuracy']:.3f}",
        )
    Console().print(table)


def print_facts(result: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result, indent=2))
        return
    table = Table(title=f"{result['suite']} — {result['articles']} articles")
    for column in ("what", "gold", "predicted", "right", "P", "R", "F1"):
        table.add_column(column, justify="right")
    rows = [("relations", result["relations"])] + [
        (f"  {name}", m) for name, m in result["relations"]["by_type"].items()
    ]
    rows += [("figures", result["figures"]), ("dates", result["dates"])]
    for name, m in rows:
        table.add_row(
            name,
            str(m["gold"]),
            str(m["predicted"]),
            str(m["right"]),
            f"{m['precision']:.3f}",
            f"{m['recall']:.3f}",
            f"{m['f1']:.3f}",
        )
    Console().print(table)
    print(f"date values right: {result['dates']['value_accuracy']:.3f}")


def print_clusters(result: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return
    for name, scores in result.items():
        if isinstance(scores, dict):
            print(
                f"{name}: "
                + ", ".join(
                    f"{key} {value:.3f}" if isinstance(value, float) else f"{key} {value}"
                    for key, value in scores.items()
                    if not isinstance(value, (list, dict))
                )
            )
            for key, value in scores.items():
                if isinstance(value, list) and value:
                    print(
                        f"  {key}: "
                        + "; ".join(
                            ", ".join(f"{v}" for v in item.values()) if isinstance(item, dict) else str(item)
                            for item in value
                        )
                    )
