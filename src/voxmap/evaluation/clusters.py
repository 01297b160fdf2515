"""B-cubed precision and recall of a clustering against gold clusters (Bagga & Baldwin, 1998).

Only items the gold places are scored: for each, precision is the share of its predicted cluster
(among gold items) that shares its gold cluster, recall the share of its gold cluster that shares its
predicted cluster; both are averaged over the items. An item the system left out is a cluster of one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping


def bcubed(gold: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]) -> dict[str, float | int]:
    """gold and predicted map each item to its cluster label."""
    items = list(gold)
    if not items:
        return {"items": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    alone = object()
    labels = {item: predicted.get(item, (alone, item)) for item in items}
    gold_sizes = Counter(gold[item] for item in items)
    predicted_sizes = Counter(labels.values())
    both = Counter((gold[item], labels[item]) for item in items)
    precision = sum(both[gold[i], labels[i]] / predicted_sizes[labels[i]] for i in items) / len(items)
    recall = sum(both[gold[i], labels[i]] / gold_sizes[gold[i]] for i in items) / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"items": len(items), "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}
