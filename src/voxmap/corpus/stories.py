"""Group articles about the same news event into stories.

A story id given by the input wins. Other articles are clustered in order of publication: an
article (its words, voxmap.corpus.story_terms) joins the most similar story whose first article is
at most `window_days` days older, when the cosine similarity of its vector to that story's centroid
reaches `threshold`; otherwise it opens a new story. The window counts from a story's first day,
not its latest, so a story is a news event of a few days and never chains articles day after day
into a season (`voxmap eval stories` scores it on PolNeAR train+dev). Both are tunable (`voxmap
ingest --story-window`, `--story-threshold`). Articles without a valid date come after the dated
ones and are compared with every story still open.

Incremental: an article's vector depends only on the articles published up to its day, and a story
only takes articles within its window, so a change on day D leaves every grouping before D as it
was. Grouping again starts at D, with the stories still open then (those opened within the window
before D, rebuilt from their members), and runs to the end; articles without a date are always
grouped again (their weights count the whole corpus). A story's id derives from its first article
(or its given id), so that the full grouping and the incremental one give the same ids.
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from .corrections import remember, remembered
from .store.db import chunks, marks, stable_number
from .story_terms import corpus_df, day_of, recount_df, stored_terms, sync_terms, weighted

GROUPED_WITH = "stories_grouped_with"  # the options the stored stories were grouped with


@dataclass(frozen=True)
class StoryOptions:
    window_days: int = 4
    threshold: float = 0.10


@dataclass(frozen=True, slots=True)
class _Row:
    id: str
    key: str
    title: str | None
    published: str | None
    day: date | None
    given: str | None
    story_id: int | None


def assign_stories(conn: sqlite3.Connection, options: StoryOptions = StoryOptions(), *, full: bool = False) -> int:
    """Bring every article's story up to date with the articles stored (`full`: group every article
    again, from its words up); return how many stories there are."""
    grouped_with = f"{options.window_days} {options.threshold!r}"
    with conn:
        conn.execute("BEGIN IMMEDIATE")  # it reads, then writes: take the write lock first, waiting for it
        full = full or remembered(conn, GROUPED_WITH) != grouped_with
        if full:
            conn.execute("DELETE FROM story_terms")
        changes = sync_terms(conn)
        # An article stored again unchanged lost its story with its row: it is grouped again too.
        for published, given, story in conn.execute(
            "SELECT a.published, a.story_given, t.story_id FROM articles a "
            "LEFT JOIN story_terms t ON t.article_id = a.id WHERE a.story_id IS NULL"
        ):
            changes.days.add(day_of(published))
            if given:
                changes.given.add(given)
            if story is not None:
                changes.stories.add(story)
        if full:
            recount_df(conn)
        if full or changes:
            rows = _ordered(conn)
            _group_given(conn, rows, None if full else changes.given)
            # Articles without a date are always grouped again: the stories they were in are counted again.
            left = changes.stories | {row.story_id for row in rows if row.day is None and row.story_id is not None}
            _group_free(conn, rows, options, None if full else changes.days | _opened(conn, left))
            conn.execute(
                "DELETE FROM stories WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = stories.id)"
            )
            remember(conn, GROUPED_WITH, grouped_with)
    return conn.execute("SELECT count(*) FROM stories").fetchone()[0]


def _opened(conn: sqlite3.Connection, stories: set[int]) -> set[date | None]:
    """The days these stories began: a story that lost an article is counted again from there."""
    return {
        day_of(row[0])
        for chunk in chunks(sorted(stories))
        for row in conn.execute(f"SELECT first_published FROM stories WHERE id IN ({marks(chunk)})", chunk)
    }


def story_id(first: str) -> int:
    """A story's id, derived from its first article's id or its given id."""
    return stable_number(first)


def _ordered(conn: sqlite3.Connection) -> list[_Row]:
    """Every article in grouping order: dated ones by publication, then those without a valid date."""
    rows = [
        _Row(r[0], r[1], r[2], r[3], day_of(r[3]), r[4], r[5])
        for r in conn.execute("SELECT id, key, title, published, story_given, story_id FROM articles")
    ]
    rows.sort(key=lambda row: (row.day is None, row.published or "", row.key))
    return rows


def _group_given(conn: sqlite3.Connection, rows: list[_Row], scope: set[str] | None) -> None:
    """The stories the input named (`scope`: only these given ids; None: all)."""
    members: dict[str, list[_Row]] = {}
    for row in rows:
        if row.given and (scope is None or row.given in scope):
            members.setdefault(row.given, []).append(row)
    for given, articles in members.items():
        first = articles[0]
        _write_story(conn, story_id(f"given:{given}"), first.title or given, given, first.published, articles)


def _write_story(conn, number: int, label: str, given: str | None, first_published, articles: list[_Row]) -> None:
    conn.execute(
        "INSERT INTO stories (id, label, given, first_published, articles) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) "
        "DO UPDATE SET label = excluded.label, given = excluded.given, first_published = excluded.first_published, "
        "articles = excluded.articles",  # not REPLACE: deleting the row would unset its articles' story
        (number, label, given, first_published, len(articles)),
    )
    conn.executemany(
        "UPDATE articles SET story_id = ? WHERE id = ?",
        [(number, row.id) for row in articles if row.story_id != number],
    )
    conn.executemany("UPDATE story_terms SET story_id = ? WHERE article_id = ?", [(number, row.id) for row in articles])


def _cut(rows: list[_Row], days: set[date | None] | None) -> int:
    """Where grouping starts again: the first article of the earliest day changed, else the first without
    a date (always grouped again after any change)."""
    dated = sorted(day for day in days or () if day is not None)
    for index, row in enumerate(rows):
        if days is None or row.day is None or (dated and row.day >= dated[0]):
            return index
    return len(rows)


def _group_free(conn: sqlite3.Connection, rows: list[_Row], options: StoryOptions, days: set | None) -> None:
    """Cluster the articles without a given story from the cut on (`days`: the days changed; None: all)."""
    cut = _cut(rows, days)
    reference = next((row.day for row in reversed(rows[: cut + 1]) if row.day is not None), None)
    begin = cut
    if cut and reference is not None:
        # Read from the first story that can change: one still open at the cut, or one that lost an
        # article on a changed day; both began within the window before it.
        earliest = min([day for day in days or () if day is not None] + [reference])
        opened = earliest - timedelta(days=options.window_days)
        begin = next(i for i, row in enumerate(rows) if row.day is not None and row.day >= opened)
    walked = rows[begin:]
    if all(row.given for row in walked):
        return  # nothing to cluster (every story there was given by the input)
    terms = stored_terms(conn, [row.id for row in walked])
    df, articles = Counter(), 0
    if begin:  # the counts as of the day before `begin`: the corpus's, less what comes from `begin` on
        held = [term for found in terms.values() for term, _ in found]
        df = corpus_df(conn, set(held))
        df.subtract(held)
        articles = conn.execute("SELECT count(*) FROM story_terms").fetchone()[0] - len(walked)
    clusters = _Clusters(options, reference)
    position = begin
    for _, same_day in groupby(walked, key=lambda row: row.day):
        same_day = list(same_day)
        for row in same_day:
            df.update(term for term, _ in terms.get(row.id, ()))
        articles += len(same_day)
        for row in same_day:
            if not row.given:
                vector = weighted(terms.get(row.id, []), df, articles)
                (clusters.resume if position < cut else clusters.place)(row, vector)
            position += 1
    for first, members in clusters.stories():
        _write_story(conn, story_id(f"story:{first.id}"), first.title or first.id, None, first.published, members)


class _Clusters:
    """Stories being grouped: each one's first article, members, centroid (up to scale) and its norm."""

    def __init__(self, options: StoryOptions, reference: date | None) -> None:
        self.options = options
        self.reference = reference  # the day of the cut (or the last dated day before it)
        self.firsts: list[_Row] = []
        self.members: list[list[_Row]] = []
        self.sums: list[dict[str, float]] = []
        self.norms: list[float] = []
        self.active: list[int] = []  # articles come in date order: a closed story stays closed
        self.resumed: dict[int, int] = {}  # stored story id -> its index here

    def resume(self, row: _Row, vector: dict[str, float]) -> None:
        """An article placed before the cut, in a story that began where the reading began (its first
        article gave the story its id): the story is counted again, and takes new articles when it is
        still open at the cut."""
        if row.story_id == story_id(f"story:{row.id}"):
            still_open = (self.reference - row.day).days <= self.options.window_days
            self.resumed[row.story_id] = self._open(row, still_open)
        story = self.resumed.get(row.story_id)
        if story is not None:
            self._join(story, row, vector)

    def place(self, row: _Row, vector: dict[str, float]) -> None:
        if row.day is not None:
            window = self.options.window_days
            self.active = [
                k for k in self.active if self.firsts[k].day is None or (row.day - self.firsts[k].day).days <= window
            ]
        best, best_score = None, self.options.threshold
        for story in self.active:
            norm = self.norms[story]
            total = self.sums[story]
            score = sum(total.get(term, 0.0) * weight for term, weight in vector.items()) / norm if norm else 0.0
            if score >= best_score:
                best, best_score = story, score
        self._join(self._open(row) if best is None else best, row, vector)

    def _open(self, first: _Row, active: bool = True) -> int:
        self.firsts.append(first)
        self.members.append([])
        self.sums.append({})
        self.norms.append(0.0)
        if active:
            self.active.append(len(self.firsts) - 1)
        return len(self.firsts) - 1

    def _join(self, story: int, row: _Row, vector: dict[str, float]) -> None:
        self.members[story].append(row)
        total = self.sums[story]
        for term, weight in vector.items():
            total[term] = total.get(term, 0.0) + weight
        self.norms[story] = math.sqrt(sum(weight * weight for weight in total.values()))

    def stories(self):
        return zip(self.firsts, self.members)


def article_stories(conn: sqlite3.Connection) -> dict[str, int | None]:
    """Each article's key and the story it is in."""
    return {row["key"]: row["story_id"] for row in conn.execute("SELECT key, story_id FROM articles")}


def story_shape(conn: sqlite3.Connection) -> dict[str, float | int | None]:
    """How stories sit in the corpus: how many, the largest (articles and share of the corpus), and the
    longest span in days between a story's first and last dated article."""
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    rows = conn.execute(
        "SELECT story_id, count(*) AS size, min(substr(published, 1, 10)) AS first, "
        "max(substr(published, 1, 10)) AS last FROM articles WHERE story_id IS NOT NULL "
        "GROUP BY story_id"
    ).fetchall()
    spans = [
        (day_of(row["last"]) - day_of(row["first"])).days
        for row in rows
        if day_of(row["first"]) and day_of(row["last"])
    ]
    largest = max((row["size"] for row in rows), default=0)
    return {
        "articles": articles,
        "stories": len(rows),
        "largest": largest,
        "largest_share": round(largest / articles, 4) if articles else 0.0,
        "longest_span_days": max(spans, default=None),
    }
