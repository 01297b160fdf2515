"""The corpus rebuild: the stages that turn the stored analyses into the corpus tables, in their one
order. Ingest, the `resolve` command, review, tests and benchmarks all call `rebuild`.

Every stage redoes only what a change touched (articles added, replaced or removed, voices changed by
a review): actors decide again only the mentions whose merge a change can move (voxmap.corpus.
actor_updates), article voices are set again for the actors they touched, the voices rows of the
articles the store's triggers marked are computed again and the summaries patched by the difference,
and stories, wire copies and echoes keep what they read per article. `rebuild(full=True)` (`voxmap
resolve --full`) recomputes everything from the articles up: the reference the incremental run equals
(tests/corpus/test_incremental.py); a change of the alias file, of a reviewer's correction or of the
knowledge file resolves the actors in full too.

1. actors: names merged across articles (voxmap.corpus.actors, with the alias file), then linked to
   the knowledge file the store holds (voxmap.knowledge.link);
2. article voices: whom each speaker speaks for in each article (needs what 1 decided);
3. stories: articles grouped by story (their actors' names help);
4. syndication: wire copies, near-identical articles grouped, each with its first publication;
5. voices: one row per quote with its speaker's voice (what every measure reads; a wire copy's
   quotes count once, in its first publication, unless the corpus counts every copy);
6. summaries: the aggregates the report and the dashboard read;
7. echoes: phrases a voice coined that others took up;
8. pages: the dashboard's cached overview and network.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..knowledge.base import read_knowledge
from ..knowledge.link import link_actors, store_knowledge
from .actor_updates import update_actors
from .actors import Resolution, rebuild_actors
from .aliases import Aliases, aliases_for
from .article_voices import assign_voices
from .corrections import remember, remembered
from .echoes import rebuild_echoes
from .pages import warm_pages
from .store.db import connect, store_errors
from .stories import StoryOptions, assign_stories
from .summaries import rebuild_summaries
from .syndication import rebuild_syndication, remember_syndicated
from .voices import rebuild_voices


@dataclass
class Rebuilt:
    """What the stages counted (None: that stage did not run)."""

    actors: int | None = None
    stories: int | None = None
    linked: dict | None = None  # actors linked to the knowledge file, and left ambiguous
    resolution: Resolution | None = field(default=None, repr=False)
    summarised: bool = False  # the voices stage patched the summaries by what it changed
    full: bool = False  # every stage recomputes from the articles up, ignoring what it kept (the reference)


def _actors(conn: sqlite3.Connection, aliases: Aliases, rebuilt: Rebuilt) -> None:
    incremental = None if rebuilt.full else update_actors(conn, aliases)
    rebuilt.resolution = incremental or rebuild_actors(conn, aliases, rebuilt.full)
    rebuilt.actors = rebuilt.resolution.actors
    rebuilt.linked = link_actors(conn)


def _article_voices(conn: sqlite3.Connection, aliases: Aliases, rebuilt: Rebuilt) -> None:
    resolution = rebuilt.resolution
    assign_voices(  # a full resolution touched, reread and moved everything: None each
        conn, resolution.voice_overrides, resolution.shown, resolution.touched, resolution.reread, resolution.moved
    )


def _stories(conn: sqlite3.Connection, aliases: Aliases, rebuilt: Rebuilt) -> None:
    rebuilt.stories = assign_stories(conn, story_options(conn), full=rebuilt.full)


def _voices(conn: sqlite3.Connection, aliases: Aliases, rebuilt: Rebuilt) -> None:
    rebuilt.summarised = not rebuild_voices(conn, rebuilt.full)  # patched by the voices they changed


def _summaries(conn: sqlite3.Connection, aliases: Aliases, rebuilt: Rebuilt) -> None:
    if not rebuilt.summarised:
        rebuild_summaries(conn)


STAGES: tuple[tuple[str, Callable[[sqlite3.Connection, Aliases, Rebuilt], None]], ...] = (
    ("actors", _actors),
    ("article_voices", _article_voices),
    ("stories", _stories),
    ("syndication", lambda conn, aliases, rebuilt: rebuild_syndication(conn, rebuilt.full)),
    ("voices", _voices),
    ("summaries", _summaries),
    ("echoes", lambda conn, aliases, rebuilt: rebuild_echoes(conn, rebuilt.full)),
    ("pages", lambda conn, aliases, rebuilt: warm_pages(conn)),
)
STAGE_NAMES = tuple(name for name, _ in STAGES)
# Article voices need what the actors stage decided in the same run: a rebuild cannot start there.
STARTS = tuple(name for name in STAGE_NAMES if name != "article_voices")


def rebuild(
    conn: sqlite3.Connection,
    aliases: str | Path | Aliases | None = None,
    *,
    start: str = STAGE_NAMES[0],
    until: str = STAGE_NAMES[-1],
    full: bool = False,
) -> Rebuilt:
    """Run the stages from `start` to `until` (both included; every stage after `start` depends on
    it, so stopping early leaves the later ones stale: benchmarks and tests of one stage do). `aliases`:
    an alias file (a path, or one loaded), else the one the store remembers; stories are grouped with
    the options the store remembers. Stages that keep what they read per article (stories, wire copies,
    echoes) redo only what changed since their last run; `full` has them recompute everything, the reference
    the incremental run must equal."""
    if start not in STARTS or until not in STAGE_NAMES or STAGE_NAMES.index(until) < STAGE_NAMES.index(start):
        raise ValueError(f"a rebuild runs from one of {', '.join(STARTS)} to a later stage, not {start!r} to {until!r}")
    in_force = aliases_for(conn, aliases) if start == "actors" else Aliases()
    rebuilt = Rebuilt(full=full)
    for _, run in STAGES[STAGE_NAMES.index(start) : STAGE_NAMES.index(until) + 1]:
        run(conn, in_force, rebuilt)
    return rebuilt


def story_options(conn: sqlite3.Connection) -> StoryOptions:
    """The story grouping the corpus was last ingested with (defaults before any)."""
    saved = remembered(conn, "stories")
    if not saved:
        return StoryOptions()
    window_days, threshold = saved.split()
    return StoryOptions(int(window_days), float(threshold))


def remember_story_options(conn: sqlite3.Connection, options: StoryOptions) -> None:
    with conn:
        remember(conn, "stories", f"{options.window_days} {options.threshold!r}")


def rebuild_store(
    db: str | Path,
    aliases: str | Path | None = None,
    beliefs: str | None = None,
    syndicated: str | None = None,
    knowledge: str | Path | None = None,
    full: bool = False,
) -> Rebuilt:
    """`voxmap resolve`: rebuild the corpus tables (after editing the alias file; without one, the alias
    file applied last is applied again); return what the stages counted. `beliefs` ("include" or
    "exclude", remembered): whether thoughts and what documents show count in the measures of who speaks;
    `syndicated` ("once" or "per-outlet", remembered): how wire copies count; `knowledge`: a knowledge
    file whose entries replace those the store holds; `full`: recompute everything (`rebuild`)."""
    conn = connect(db, create=False)
    try:
        with store_errors(db):
            if beliefs is not None:
                with conn:
                    remember(conn, "beliefs", beliefs)
            if syndicated is not None:
                remember_syndicated(conn, syndicated)
            if knowledge is not None:
                store_knowledge(conn, read_knowledge(knowledge))
            return rebuild(conn, aliases, full=full)
    finally:
        conn.close()
