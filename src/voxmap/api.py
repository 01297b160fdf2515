"""The library's entry points: analyse one text, or stream many articles through `nlp.pipe`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path

from .errors import AnalysisFailed, UnsupportedLanguage
from .extract.components import doc_quotes
from .extract.datelines import find_authors, find_dateline
from .extract.detect import detect_language
from .extract.language import LANGUAGES, load_rules
from .extract.pipeline import get_pipeline
from .extract.windows import Window, merge_windows, plan_windows, window_article
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


# With several processes, articles travel in chunks of this many per process, cut into parts of
# PART_SIZE that the pool hands to whichever worker is free (articles differ in length); a few chunks
# are in flight at once, so memory stays bounded however long the corpus.
CHUNK_PER_PROCESS = 32
PART_SIZE = 8
CHUNKS_IN_FLIGHT = 3


def analyze_articles(
    articles: Iterable[Article | Skip], *, language: str = "auto", batch_size: int = 64, n_process: int = 1
) -> Iterator[Analysis | Skip]:
    """Analyse articles in input order, streaming them through `nlp.pipe`. Skips (inputs a reader
    could not turn into an article) pass through in their place; an article whose analysis breaks
    comes out as a Skip with status `failed`, and the batch goes on. With `n_process` > 1, worker
    processes (forked, so the models load once) analyse chunks of articles in parallel."""

    def tagged():
        for item in articles:
            if isinstance(item, Article):
                item.language = _language_of(item, language)
            yield item

    if n_process > 1:
        yield from _parallel(tagged(), batch_size, n_process)
        return
    # Consecutive articles of one language share a pipe; order is kept because groups are in order.
    for lang, group in groupby(tagged(), key=lambda a: a.language if isinstance(a, Article) else None):
        if lang is None:
            yield from group
        else:
            yield from _pipe(lang, group, batch_size)


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """Lists of `size` consecutive items (the last one shorter), read lazily."""
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _analyze_part(part: list, batch_size: int) -> list:
    """In a worker: the analyses of one part of a chunk (languages are already set)."""
    return list(analyze_articles(part, language="auto", batch_size=batch_size, n_process=1))


def _parallel(items: Iterable[Article | Skip], batch_size: int, n_process: int) -> Iterator[Analysis | Skip]:
    import multiprocessing
    from collections import deque

    context = multiprocessing.get_context("fork")
    with context.Pool(n_process) as pool:
        in_flight: deque = deque()
        for chunk in chunks(items, CHUNK_PER_PROCESS * n_process):
            in_flight.append(
                [
                    pool.apply_async(_analyze_part, (chunk[i : i + PART_SIZE], batch_size))
                    for i in range(0, len(chunk), PART_SIZE)
                ]
            )
            if len(in_flight) >= CHUNKS_IN_FLIGHT:
                for part in in_flight.popleft():
                    yield from part.get()
        while in_flight:
            for part in in_flight.popleft():
                yield from part.get()


# Short articles go through `nlp.pipe` in batches of at most this many characters (and `batch_size`
# articles): the parser's memory grows with the characters of a batch, not with their count.
BATCH_CHARS = 200_000


def _pipe(lang: str, articles: Iterable[Article], batch_size: int) -> Iterator[Analysis | Skip]:
    """One process's `nlp.pipe`. (spaCy's own n_process would send Docs through msgpack, which
    cannot carry voxmap's records: parallelism is `_parallel`'s.) A long article goes through alone,
    window by window, each window's Doc released as soon as its records are made; the windows'
    analyses are merged back into one."""
    nlp = get_pipeline(lang)
    marks = load_rules(lang).marks
    for group, windows in _batches(articles, marks, batch_size):
        if windows:
            (article,) = group
            parts = [
                (window, _result(nlp(_prepared(nlp, window_article(article, window))), article)) for window in windows
            ]
            failed = next((r for _, r in parts if isinstance(r, Skip)), None)
            yield failed or _with_front_matter(merge_windows(article, parts), lang)
            continue
        docs = ((_prepared(nlp, article), article) for article in group)
        for doc, article in nlp.pipe(docs, as_tuples=True, batch_size=len(group)):
            yield _with_front_matter(_result(doc, article), lang)


def _batches(articles: Iterable[Article], marks, batch_size: int) -> Iterator[tuple[list[Article], list[Window]]]:
    """Consecutive articles, in order: lists of at most `batch_size` articles and BATCH_CHARS
    characters (with no windows), or one article longer than a window (with its windows)."""
    batch: list[Article] = []
    chars = 0
    for article in articles:
        windows = plan_windows(article.text, marks)
        if batch and (len(windows) > 1 or chars + len(article.text) > BATCH_CHARS or len(batch) >= batch_size):
            yield batch, []
            batch, chars = [], 0
        if len(windows) > 1:
            yield [article], windows
            continue
        batch.append(article)
        chars += len(article.text)
    if batch:
        yield batch, []


def _with_front_matter(result: Analysis | Skip, language: str) -> Analysis | Skip:
    """The dateline and byline authors the text opens with, as the article's metadata (authors an
    input gave are kept)."""
    if isinstance(result, Analysis):
        article = result.article
        article.dateline = find_dateline(article.text, language)
        if not article.authors:
            article.authors = find_authors(article.text, language)
    return result


def _result(doc, article: Article) -> Analysis | Skip:
    if doc._.voxmap_error:
        return Skip(article.origin or article.id, f"analysis failed: {doc._.voxmap_error}", status="failed")
    quotes, actors = doc_quotes(doc)
    return Analysis(
        article=article,
        quotes=quotes,
        actors=actors,
        dates=doc._.voxmap_dates or [],
        figures=doc._.voxmap_figures or [],
        relations=doc._.voxmap_relations or [],
        events=doc._.voxmap_events or [],
    )


def _prepared(nlp, article: Article):
    """A tokenised Doc carrying the article metadata the components need (publication date, headline)."""
    doc = nlp.make_doc(article.text)
    doc._.voxmap_published = article.published
    doc._.voxmap_headline = article.title
    return doc


def analyze_paths(
    paths: Iterable[str | Path], *, language: str = "auto", n_process: int = 1
) -> Iterator[Analysis | Skip]:
    """Read files and folders and analyse every article in them, in input order."""
    return analyze_articles(read_paths(paths), language=language, n_process=n_process)
