"""The library's entry points: analyse one text, or stream many articles through `nlp.pipe`."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path

from .components import doc_quotes
from .detect import detect_language
from .errors import UnsupportedLanguage
from .language import LANGUAGES
from .pipeline import get_pipeline
from .readers import Skip, read_paths
from .records import Analysis, Article, make_article


def _language_of(article: Article, language: str) -> str:
    if language == "auto":
        return detect_language(article.text, article.language)
    if language not in LANGUAGES:
        raise UnsupportedLanguage(f"language {language!r} is not supported.")
    return language


def analyze(text: str, *, language: str = "auto", **metadata) -> Analysis:
    """Analyse one article text. `metadata`: id, title, published, source, url (all optional)."""
    result = next(analyze_articles([make_article(text, **metadata)], language=language))
    assert isinstance(result, Analysis)
    return result


def analyze_articles(articles: Iterable[Article | Skip], *, language: str = "auto", batch_size: int = 64,
                     n_process: int = 1) -> Iterator[Analysis | Skip]:
    """Analyse articles in input order, streaming each language's run through `nlp.pipe`.
    Skips (inputs a reader could not turn into an article) pass through in their place."""
    def tagged():
        for item in articles:
            if isinstance(item, Article):
                item.language = _language_of(item, language)
            yield item

    # Consecutive articles of one language share a pipe; order is kept because groups are in order.
    for lang, group in groupby(tagged(), key=lambda a: a.language if isinstance(a, Article) else None):
        if lang is None:
            yield from group
            continue
        nlp = get_pipeline(lang)
        batch = list(group) if n_process > 1 else group
        pairs = nlp.pipe(((_prepared(nlp, a), a) for a in batch), as_tuples=True, batch_size=batch_size,
                         n_process=n_process)
        for doc, article in pairs:
            quotes, actors = doc_quotes(doc)
            yield Analysis(article=article, quotes=quotes, actors=actors, dates=doc._.voxmap_dates or [],
                           figures=doc._.voxmap_figures or [], relations=doc._.voxmap_relations or [],
                           events=doc._.voxmap_events or [])


def _prepared(nlp, article: Article):
    """A tokenised Doc carrying the article metadata the components need (publication date)."""
    doc = nlp.make_doc(article.text)
    doc._.voxmap_published = article.published
    return doc


def analyze_paths(paths: Iterable[str | Path], *, language: str = "auto", n_process: int = 1) -> Iterator[Analysis | Skip]:
    """Read files and folders and analyse every article in them, in input order."""
    return analyze_articles(read_paths(paths), language=language, n_process=n_process)
