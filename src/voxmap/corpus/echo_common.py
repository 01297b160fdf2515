"""Echoes whose words are all common in the corpus: shared vocabulary of the news ("declared the winner
in New Hampshire", "running to be president of the United States"), not a voice's phrase. They are
kept, marked `common`, neither listed nor counted (voxmap.corpus.echoes).

An echo is common when each of its content words is in more indexed articles than the echo's own, by
more than the slack: RARE_SHARE of the indexed articles, and RARE_MIN. An echo is marked when it is
stored. After that only two things can turn it common or back: the count of one of its words moves
(an article added, replaced or removed: echo_index.STEM_MOVES), or the whole slack does (the corpus
grew or shrank past a multiple of 1/RARE_SHARE articles). Both are read from `echo_words` (each
echo's words, by word and by the echo's own article count), so an update marks the echoes those moves
reach instead of reading every echo.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable

from .corrections import remember, remembered
from .echo_index import STEM_MOVES
from .store.db import chunks, marks

RARE_SHARE = 0.05
RARE_MIN = 3
SLACK = "echo_common_slack"  # the whole slack the stored echoes were last marked with


class Vocabulary:
    """In how many indexed articles each content word is (echo_stem_counts, each read once), as the
    index now stands, and the slack an echo's words must exceed its own article count by."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.slack = max(RARE_MIN, RARE_SHARE * conn.execute("SELECT count(*) FROM echo_stems").fetchone()[0])
        self._counts: dict[str, int] = {}

    def _read(self, stems: Iterable[str]) -> None:
        missing = sorted({stem for stem in stems if stem not in self._counts})
        for chunk in chunks(missing):
            self._counts.update({stem: 0 for stem in chunk})
            self._counts.update(
                self.conn.execute(
                    f"SELECT stem, articles FROM echo_stem_counts WHERE stem IN ({marks(chunk)})", chunk
                ).fetchall()
            )

    def common(self, stems: list[str], own: int) -> bool:
        """Whether an echo of these words, in `own` articles, is shared vocabulary (an echo of no
        content word is: nothing in it is a voice's)."""
        self._read(stems)
        return not any(self._counts[stem] <= own + self.slack for stem in stems)


def store_echo_words(conn: sqlite3.Connection, echo_id: int, stems: list[str], own: int) -> None:
    """Keep a stored echo's words (deleted with it), by word and its own article count."""
    conn.executemany(
        "INSERT INTO echo_words (stem, articles, echo_id) VALUES (?, ?, ?)", [(stem, own, echo_id) for stem in stems]
    )


def mark_common(conn: sqlite3.Connection, vocabulary: Vocabulary, full: bool) -> set[str | None]:
    """Mark again the echoes whose state the moves of word counts and of the slack since the last
    update can change (`full`: every echo was stored, and marked, in this update); return the voices
    of those that changed."""
    before, now = remembered(conn, SLACK), math.floor(vocabulary.slack)
    if full:
        found = set()
    elif before is None:  # never marked incrementally: every echo
        found = {row[0] for row in conn.execute("SELECT id FROM echoes")}
    else:
        found = _reached(conn, int(before), now)
    changed, voices = [], set()
    for chunk in chunks(sorted(found)):
        for echo_id, stems, common, own, voice in conn.execute(
            f"SELECT id, stems, common, articles, origin_voice FROM echoes WHERE id IN ({marks(chunk)})", chunk
        ):
            if (state := vocabulary.common(stems.split(), own)) != bool(common):
                changed.append((int(state), echo_id))
                voices.add(voice)
    conn.executemany("UPDATE echoes SET common = ? WHERE id = ?", changed)
    remember(conn, SLACK, str(now))
    conn.execute(f"DELETE FROM {STEM_MOVES}")
    return voices


def _reached(conn: sqlite3.Connection, before: int, now: int) -> set[int]:
    """The echoes one of whose words changed side: a word keeps an echo from being common while the
    echo's own count is at least the word's count less the whole slack. With the word's count moved
    from `o` to `n` and the slack from `before` to `now`, that bound moved from o - before to n - now,
    and the echoes whose own count lies between the two are the ones it reaches."""
    found: set[int] = set()
    for stem, delta, count in conn.execute(
        f"SELECT m.stem, m.delta, coalesce(c.articles, 0) FROM {STEM_MOVES} m "
        "LEFT JOIN echo_stem_counts c ON c.stem = m.stem WHERE m.delta != 0"
    ).fetchall():
        low, high = sorted((count - delta - before, count - now))
        found.update(
            row[0]
            for row in conn.execute(
                "SELECT echo_id FROM echo_words WHERE stem = ? AND articles >= ? AND articles < ?", (stem, low, high)
            )
        )
    if now != before:  # every word's bound moved by the slack's move
        found.update(
            row[0]
            for row in conn.execute(
                "SELECT w.echo_id FROM echo_stem_counts c JOIN echo_words w ON w.stem = c.stem "
                "AND w.articles >= c.articles - ? AND w.articles < c.articles - ?",
                (max(before, now), min(before, now)),
            )
        )
    return found
