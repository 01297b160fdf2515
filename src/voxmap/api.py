"""The library's entry points: analyse one text, or stream many articles through `nlp.pipe`."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path

from .components import doc_quotes
from .detect import detect_language
from .errors import AnalysisFailed, UnsupportedLanguage
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
    if isinstance(result, Skip):
        raise AnalysisFailed(result.reason)
    return result


# With several processes, articles go through in chunks: each chunk's languages get one pipe each.
CHUNK_PER_PROCESS = 500


def analyze_articles(articles: Iterable[Article | Skip], *, language: str = "auto", batch_size: int = 64,
                     n_process: int = 1) -> Iterator[Analysis | Skip]:
    """Analyse articles in input order, streaming them through `nlp.pipe`. Skips (inputs a reader
    could not turn into an article) pass through in their place; an article whose analysis breaks
    comes out as a Skip with status `failed`, and the batch goes on."""
    def tagged():
        for item in articles:
            if isinstance(item, Article):
                item.language = _language_of(item, language)
            yield item

    if n_process > 1:
        for chunk in _chunks(tagged(), CHUNK_PER_PROCESS * n_process):
            yield from _analyze_chunk(chunk, batch_size, n_process)
        return
    # Consecutive articles of one language share a pipe; order is kept because groups are in order.
    for lang, group in groupby(tagged(), key=lambda a: a.language if isinstance(a, Article) else None):
        if lang is None:
            yield from group
        else:
            yield from _pipe(lang, group, batch_size, 1)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _analyze_chunk(chunk: list, batch_size: int, n_process: int) -> Iterator[Analysis | Skip]:
    results: dict[int, Analysis | Skip] = {i: item for i, item in enumerate(chunk) if not isinstance(item, Article)}
    languages = sorted({item.language for item in chunk if isinstance(item, Article)})
    for lang in languages:
        positions = [i for i, item in enumerate(chunk) if isinstance(item, Article) and item.language == lang]
        for i, result in zip(positions, _pipe(lang, (chunk[i] for i in positions), batch_size, n_process)):
            results[i] = result
    for i in range(len(chunk)):
        yield results[i]


def _pipe(lang: str, articles: Iterable[Article], batch_size: int, n_process: int) -> Iterator[Analysis | Skip]:
    nlp = get_pipeline(lang)
    pairs = nlp.pipe(((_prepared(nlp, a), a) for a in articles), as_tuples=True, batch_size=batch_size,
                     n_process=n_process)
    for doc, article in pairs:
        if doc._.voxmap_error:
            yield Skip(article.origin or article.id, f"analysis failed: {doc._.voxmap_error}", status="failed")
            continue
        quotes, actors = doc_quotes(doc)
        analysis = Analysis(article=article, quotes=quotes, actors=actors, dates=doc._.voxmap_dates or [],
                            figures=doc._.voxmap_figures or [], relations=doc._.voxmap_relations or [],
                            events=doc._.voxmap_events or [])
        yield analysis


def _prepared(nlp, article: Article):
    """A tokenised Doc carrying the article metadata the components need (publication date)."""
    doc = nlp.make_doc(article.text)
    doc._.voxmap_published = article.published
    return doc


def analyze_paths(paths: Iterable[str | Path], *, language: str = "auto", n_process: int = 1) -> Iterator[Analysis | Skip]:
    """Read files and folders and analyse every article in them, in input order."""
    return analyze_articles(read_paths(paths), language=language, n_process=n_process)
