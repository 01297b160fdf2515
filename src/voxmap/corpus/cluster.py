"""Analysis on a Dask cluster: articles travel to workers in partitions, each worker loads the
pipelines once (a worker plugin) and sends back flat tables (`parquet.flatten`).

The client reads the inputs and sends the texts, not paths: workers then need no view of the
client's disk (a Kubernetes pod or a SLURM node seldom shares it), and the client, which already
reads every input to know its key and its duplicates, pays only the bandwidth (kilobytes per
article, against a fifth of a core-second to analyse it). A partition whose task fails is retried
(`retries`); one that still fails is reported with its reason, never dropped. At most `in_flight`
partitions are out at once, so the client's memory stays flat however large the corpus.

ADDRESS is `tcp://host:8786` (a running `dask scheduler`) or `local:N` (a LocalCluster of N worker
processes, one thread each: spaCy is not thread-parallel).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..api import analyze_articles, chunks
from ..errors import VoxmapError
from ..extract.language import LANGUAGES
from ..readers import Skip
from ..records import Analysis, Article
from .parquet import Tables, flatten, part_done, rebuild, write_part

PARTITION_SIZE = 32  # articles per task: a few seconds of work, small enough to balance across workers
RETRIES = 2


class ClusterError(VoxmapError):
    code = "V013"
    hint = "Give --dask tcp://HOST:8786 (a running `dask scheduler`) or local:N."


def analyze_partition(items: list, language: str) -> Tables:
    """On a worker: one partition's analyses as flat tables (models load once per worker process)."""
    return flatten(analyze_articles(items, language=language))


def _preload(languages: tuple[str, ...]):
    from distributed.diagnostics.plugin import WorkerPlugin

    class LoadModels(WorkerPlugin):
        """Load the pipelines when a worker starts (or restarts), before its first partition."""

        name = "voxmap-models"

        def setup(self, worker) -> None:
            from ..extract.pipeline import get_pipeline

            for language in languages:
                get_pipeline(language)

    return LoadModels()


@contextmanager
def open_cluster(address: str, languages: tuple[str, ...] = LANGUAGES):
    """A connected dask Client for ADDRESS, closed (with its LocalCluster) on exit."""
    from distributed import Client, LocalCluster

    if address.startswith("local:"):
        count = address.removeprefix("local:")
        if not count.isdigit() or int(count) < 1:
            raise ClusterError(f"--dask {address}: local:N wants a number of workers")
        import dask

        # Workers' statistical profiler samples every thread's stack each 10 ms, holding the GIL the
        # analysis needs; a remote cluster's operator can set DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED.
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            cluster = LocalCluster(n_workers=int(count), threads_per_worker=1, processes=True, dashboard_address=":0")
        client = Client(cluster)
    else:
        cluster = None
        try:
            client = Client(address, timeout="20s")
        except (OSError, TimeoutError, ValueError) as error:
            raise ClusterError(f"cannot reach the dask scheduler at {address} ({error.__class__.__name__})") from None
    try:
        client.register_plugin(_preload(languages))
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@dataclass
class PartitionFailure:
    number: int
    reason: str
    inputs: list[str] = field(default_factory=list)  # the origins of the inputs it held


def run_partitions(
    client,
    items: Iterable[Article | Skip],
    *,
    language: str = "auto",
    size: int = PARTITION_SIZE,
    in_flight: int | None = None,
    done: Callable[[int], bool] = lambda number: False,
) -> Iterator[tuple[int, Tables | PartitionFailure]]:
    """(partition number, its tables or its failure), as partitions complete. Partitions that
    `done` says are complete are not sent again (a re-run resumes)."""
    from distributed import as_completed

    in_flight = in_flight or 2 * max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))
    completed = as_completed()
    pending: dict = {}

    def finished(future) -> tuple[int, Tables | PartitionFailure]:
        number, origins = pending.pop(future)
        if future.status == "error":
            error = future.exception()
            reason = f"{error.__class__.__name__}: {str(error).splitlines()[0] if str(error) else ''}".rstrip(": ")
            return number, PartitionFailure(number, reason, origins)
        tables = future.result()
        future.release()
        return number, tables

    for number, part in enumerate(chunks(items, size)):
        if done(number):
            continue
        future = client.submit(
            analyze_partition, part, language, retries=RETRIES, pure=False, key=f"voxmap-partition-{number}-{id(part)}"
        )
        pending[future] = (number, [getattr(item, "origin", None) or getattr(item, "key", "") for item in part])
        completed.add(future)
        while len(pending) >= in_flight:
            yield finished(next(completed))
    for future in completed:
        yield finished(future)


def analyses_on_cluster(
    client, items: Iterable[Article | Skip], *, language: str = "auto", size: int = PARTITION_SIZE
) -> Iterator[Analysis | Skip]:
    """What `analyze_articles` yields, computed on the cluster, as partitions complete; each input
    of a partition that failed comes back as a failed Skip with the partition's reason."""
    for _, outcome in run_partitions(client, items, language=language, size=size):
        if isinstance(outcome, PartitionFailure):
            for origin in outcome.inputs:
                yield Skip(origin, f"partition failed on the cluster ({outcome.reason})", status="failed")
        else:
            yield from rebuild(outcome)


@dataclass
class DatasetReport:
    parts_written: int = 0
    parts_already_done: int = 0
    articles: int = 0
    skipped: int = 0
    failures: list[PartitionFailure] = field(default_factory=list)


def write_dataset(
    client,
    items: Iterable[Article | Skip],
    folder: str | Path,
    *,
    language: str = "auto",
    size: int = PARTITION_SIZE,
    progress: Callable[[DatasetReport], None] | None = None,
) -> DatasetReport:
    """Analyse on the cluster into a Parquet dataset (see `dataset`). Re-running skips the parts
    already written; a part that failed is written by the next run."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    report = DatasetReport()

    def done(number: int) -> bool:
        if part_done(folder, number):
            report.parts_already_done += 1
            return True
        return False

    for number, outcome in run_partitions(client, items, language=language, size=size, done=done):
        if isinstance(outcome, PartitionFailure):
            report.failures.append(outcome)
        else:
            write_part(folder, number, outcome)
            report.parts_written += 1
            report.articles += len(outcome["articles"])
            report.skipped += sum(row["status"] != "ok" for row in outcome["inputs"])
        if progress:
            progress(report)
    return report
