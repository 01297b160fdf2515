"""Run an evaluation suite: analyse the gold articles with voxmap and score the result."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..api import analyze_articles
from ..records import Analysis, make_article
from .gold import GoldArticle, read_gold_jsonl, read_polnear
from .scoring import score


def evaluate(gold_articles: Iterable[GoldArticle], language: str = "auto") -> dict:
    golds = list(gold_articles)
    articles = [
        make_article(g.text, id=g.id, language=g.language, published=g.published, source=g.source) for g in golds
    ]
    analyses = [a for a in analyze_articles(articles, language=language) if isinstance(a, Analysis)]
    result = score(zip(golds, analyses)).to_dict()
    result["articles"] = len(golds)
    return result


def evaluate_polnear(data: Path, split: str = "dev") -> dict:
    result = evaluate(read_polnear(Path(data), split), language="en")
    result["suite"] = f"polnear-{split}"
    return result


def evaluate_gold_file(path: Path, language: str = "auto") -> dict:
    result = evaluate(read_gold_jsonl(Path(path)), language=language)
    result["suite"] = Path(path).stem
    return result
