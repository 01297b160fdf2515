"""Watching a folder: the way a daily export lands. Every `every` seconds the paths are read again;
new and changed files are analysed and stored (unchanged ones are recognised by their content and
left alone), and the corpus is rebuilt only when something new was stored. Stopping it (Ctrl-C)
between or during rounds leaves a consistent store: what was committed stays, and a run stopped
before its rebuild leaves a mark that makes the next run rebuild."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from .ingest import IngestReport, ingest


def watch(
    paths: list[str | Path],
    db: str | Path,
    every: float = 60.0,
    rounds: int | None = None,
    on_round: Callable[[int, IngestReport], None] | None = None,
    **options,
) -> int:
    """Ingest `paths` into `db` now and then every `every` seconds, `rounds` times (None: until
    stopped); return the number of rounds run. `options` are ingest's."""
    done = 0
    while rounds is None or done < rounds:
        report = ingest(paths, db, rebuild_unchanged=done == 0, **options)
        done += 1
        if on_round is not None:
            on_round(done, report)
        if rounds is not None and done >= rounds:
            break
        time.sleep(every)
    return done
