"""Ingest a corpus into the store: read, analyse, store, then rebuild the corpus tables.

Streams: articles go through `nlp.pipe` as they are read and are committed in small transactions,
so memory does not grow with the corpus. Idempotent: an article whose key and content are already
stored is not analysed again; a changed one replaces its rows. Resumable: a run killed at any moment
keeps every committed article, and the next run does the rest, ending with the same database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..api import analyze_articles
from ..knowledge.base import read_knowledge
from ..knowledge.link import store_knowledge
from ..outcome import exit_code
from ..readers import Skip, read_paths
from ..readers.fetch import Fetcher, StoreCache
from ..records import Analysis, Article
from .aliases import Aliases
from .corrections import remember, remembered
from .parquet import read_dataset
from .rebuild import rebuild, remember_story_options
from .store.db import connect, store_errors
from .store.writer import content_hash, finish_run, record_input, save_analysis, start_run, stored_hash, stored_key
from .stories import StoryOptions

COMMIT_EVERY = 25  # articles per transaction
STALE = "corpus_stale"  # set when articles are stored, cleared when the corpus was rebuilt after them


@dataclass
class IngestReport:
    run_id: int
    ok: int = 0
    unchanged: int = 0
    duplicates: int = 0  # inputs holding an article another input already gave (reported, not stored twice)
    skipped: int = 0
    failed: int = 0
    actors: int = 0
    stories: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when every input was stored, 1 when some were skipped or failed, 126 when nearly all (90%+)."""
        return exit_code(self.ok + self.unchanged, self.skipped + self.failed)


def ingest(
    paths: Iterable[str | Path],
    db: str | Path,
    *,
    workers: int = 1,
    language: str = "auto",
    metadata: str | Path | None = None,
    aliases: str | Path | None = None,
    stories: StoryOptions = StoryOptions(),
    dask: str | None = None,
    from_parquet: str | Path | None = None,
    progress: Callable[[IngestReport], None] | None = None,
    refetch: bool = False,
    knowledge: str | Path | None = None,
    rebuild_unchanged: bool = True,
) -> IngestReport:
    """Read, analyse and store every article under `paths`; return what happened. The analysis
        runs here (`workers` processes), on a Dask cluster (`dask`: tcp://HOST:PORT or local:N), or was
        done before: `from_parquet` names a dataset `voxmap analyze --format parquet` wrote, and `paths`
        is then empty. Pages of feeds and addresses are kept in the store and not fetched again unless
        `refetch`. A `knowledge` file replaces the entries the store links actors to. Without
    `rebuild_unchanged`, a run that stored nothing new skips the corpus rebuild (unless an earlier run
    was stopped before its own). Database failures (a full disk, a damaged or read-only file) raise StoreError
        with a person's reason; every article committed before stays."""
    paths = list(paths)
    loaded = Aliases.load(aliases) if aliases is not None else None  # a broken file stops the run before any work
    entries = read_knowledge(knowledge) if knowledge is not None else None
    conn = connect(db)
    if entries is not None:
        store_knowledge(conn, entries)
    try:
        fetcher = Fetcher(cache=StoreCache(conn), refetch=refetch)
        with (
            store_errors(db),
            _analysis_source(paths, workers, language, metadata, dask, from_parquet, fetcher) as analyses,
        ):
            rebuild_needed = rebuild_unchanged or loaded is not None or entries is not None
            return _ingest(conn, paths or [str(from_parquet)], analyses, loaded, stories, progress, rebuild_needed)
    finally:
        conn.close()


@contextmanager
def _analysis_source(paths, workers, language, metadata, dask, from_parquet, fetcher):
    """The analyses and skips of the inputs, as a function of the filter that keeps the fresh ones."""
    if from_parquet is not None:
        yield lambda fresh: fresh(read_dataset(from_parquet))
    elif dask:
        from .cluster import analyses_on_cluster, open_cluster

        with open_cluster(dask) as client:
            yield lambda fresh: analyses_on_cluster(
                client, fresh(read_paths(paths, metadata, fetcher)), language=language
            )
    else:
        yield lambda fresh: analyze_articles(
            fresh(read_paths(paths, metadata, fetcher)), language=language, n_process=workers
        )


def _ingest(conn, paths, analyses, aliases, stories, progress, rebuild_needed: bool = True) -> IngestReport:
    report = IngestReport(run_id=start_run(conn, [str(p) for p in paths]))
    given: dict[str, str] = {}  # article id -> the input key that gave it in this run

    def fresh(items: Iterable[Article | Analysis | Skip]) -> Iterator[Article | Analysis | Skip]:
        """Only what needs analysis (or storing) goes on: unchanged articles are counted and left
        alone, and an article another input already gave (two copies of one file) is reported once
        as a duplicate."""
        for item in items:
            article = item.article if isinstance(item, Analysis) else item
            if isinstance(article, Article):
                first = given.setdefault(article.id, article.key)
                if first == article.key:
                    first = stored_key(conn, article.id) or article.key
                if first != article.key:
                    report.duplicates += 1
                    report.problems.append(f"duplicate {article.origin or article.key}: the same article as {first}")
                    record_input(conn, article.origin or article.key, "skipped", f"duplicate of {first}", report.run_id)
                    continue
                if stored_hash(conn, article.key) == content_hash(article):
                    report.unchanged += 1
                    if progress:
                        progress(report)
                    continue
            yield item

    pending = 0
    conn.execute("BEGIN")
    try:
        for result in analyses(fresh):
            if isinstance(result, Analysis):
                save_analysis(conn, result, report.run_id)
                if not report.ok:
                    remember(conn, STALE, "1")  # committed with the article: a stopped run leaves it set
                report.ok += 1
            else:
                record_input(conn, result.origin, result.status, result.reason, report.run_id)
                report.problems.append(f"{result.status} {result}")
                if result.status == "failed":
                    report.failed += 1
                else:
                    report.skipped += 1
            pending += 1
            if pending >= COMMIT_EVERY:
                conn.execute("COMMIT")
                conn.execute("BEGIN")
                pending = 0
            if progress:
                progress(report)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")  # only the open transaction: every committed article stays
        raise
    if rebuild_needed or report.ok or remembered(conn, STALE) == "1":
        remember_story_options(conn, stories)
        rebuilt = rebuild(conn, aliases)
        report.actors, report.stories = rebuilt.actors, rebuilt.stories
        with conn:
            remember(conn, STALE, "0")
    else:  # nothing new: the corpus tables are already those of these articles
        report.actors = conn.execute("SELECT count(*) FROM actors").fetchone()[0]
        report.stories = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
    finish_run(conn, report.run_id, report.ok + report.unchanged, report.skipped, report.failed)
    return report
