"""Score relations, figures and dates against gold (the `relations`, `figures` and `dates` fields
of voxmap's gold JSONL, docs/gold-format.md).

- A relation is right when its predicate is the gold one and its subject and object actors' names
  each share a word with the gold names. Reported overall and per relation type.
- A figure is right when its span overlaps the gold span and its value is the gold value.
- A date is found when its span overlaps the gold span; its value is right when it equals the gold
  value (an ISO date, or null where the text gives no anchor).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from ..records import make_article
from .run import analyses_in_order


def _words(name: str | None) -> set[str]:
    return {w.strip(".,’'()").lower() for w in (name or "").split() if len(w.strip(".,’'()")) > 1} - {
        "the",
        "of",
        "la",
        "le",
        "les",
        "de",
        "du",
        "des",
        "d'",
        "l'",
    }


def _prf(right: int, predicted: int, gold: int) -> dict[str, float | int]:
    p = right / predicted if predicted else 0.0
    r = right / gold if gold else 0.0
    return {
        "gold": gold,
        "predicted": predicted,
        "right": right,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
    }


def _overlaps(start: int, end: int, spans) -> bool:
    return any(start < e and s < end for s, e in spans)


def score_facts(pairs) -> dict:
    rel_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # right, predicted, gold
    fig = [0, 0, 0]
    date_found, date_value = [0, 0, 0], [0, 0]
    for gold, analysis in pairs:
        names = {actor.id: actor.name for actor in analysis.actors}
        predicted = [(r.predicate, names.get(r.subject), names.get(r.object)) for r in analysis.relations]
        used: set[int] = set()
        for relation in gold.get("relations", []):
            rel_counts[relation["predicate"]][2] += 1
            for i, (predicate, subject, obj) in enumerate(predicted):
                if (
                    i not in used
                    and predicate == relation["predicate"]
                    and _words(subject) & _words(relation["subject"])
                    and _words(obj) & _words(relation["object"])
                ):
                    used.add(i)
                    rel_counts[predicate][0] += 1
                    break
        for predicate, _, _ in predicted:
            rel_counts[predicate][1] += 1
        fig[1] += len(analysis.figures)
        fig[2] += len(gold.get("figures", []))
        for figure in gold.get("figures", []):
            if any(
                _overlaps(f.start, f.end, figure["spans"]) and abs(f.value - figure["value"]) < 1e-6
                for f in analysis.figures
            ):
                fig[0] += 1
        date_found[1] += len(analysis.dates)
        date_found[2] += len(gold.get("dates", []))
        for expected in gold.get("dates", []):
            found = next((d for d in analysis.dates if _overlaps(d.start, d.end, expected["spans"])), None)
            if found is not None:
                date_found[0] += 1
                date_value[1] += 1
                date_value[0] += (found.value.isoformat() if found.value else None) == expected["value"]
    totals = [sum(c[k] for c in rel_counts.values()) for k in range(3)]
    return {
        "relations": {**_prf(*totals), "by_type": {p: _prf(*c) for p, c in sorted(rel_counts.items())}},
        "figures": _prf(*fig),
        "dates": {
            **_prf(*date_found),
            "value_accuracy": round(date_value[0] / date_value[1], 4) if date_value[1] else 0.0,
        },
    }


def evaluate_facts_file(path: Path) -> dict:
    golds = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [
        make_article(g["text"], id=g.get("id"), language=g.get("language"), published=g.get("published")) for g in golds
    ]
    analyses, failed = analyses_in_order(articles)
    result = score_facts(zip(golds, analyses))
    result["suite"], result["articles"], result["failed"] = Path(path).stem, len(golds), failed
    return result
