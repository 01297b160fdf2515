"""Run an evaluation suite: analyse the gold articles with voxmap and score the result."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..api import analyze_articles
from ..records import Analysis, Article, make_article
from .gold import GoldArticle, read_gold_jsonl, read_polnear
from .scoring import score


def analyses_in_order(articles: list[Article], language: str = "auto") -> tuple[list[Analysis], int]:
    """One analysis per article, in order, and how many failed: a failed article scores as one where
    nothing was found (dropping it would pair every later gold article with the wrong analysis)."""
    analyses, failed = [], 0
    for article, result in zip(articles, analyze_articles(articles, language=language), strict=True):
        if not isinstance(result, Analysis):
            failed += 1
            result = Analysis(article)
        analyses.append(result)
    return analyses, failed


def evaluate(gold_articles: Iterable[GoldArticle], language: str = "auto") -> dict:
    golds = list(gold_articles)
    articles = [
        make_article(g.text, id=g.id, language=g.language, published=g.published, source=g.source) for g in golds
    ]
    analyses, failed = analyses_in_order(articles, language)
    result = score(zip(golds, analyses)).to_dict()
    result["articles"], result["failed"] = len(golds), failed
    return result


def evaluate_polnear(data: Path, split: str = "dev") -> dict:
    result = evaluate(read_polnear(Path(data), split), language="en")
    result["suite"] = f"polnear-{split}"
    return result


def evaluate_gold_file(path: Path, language: str = "auto") -> dict:
    result = evaluate(read_gold_jsonl(Path(path)), language=language)
    result["suite"] = Path(path).stem
    return result
