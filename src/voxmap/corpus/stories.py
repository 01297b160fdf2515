"""Group articles about the same news event into stories.

A story id given by the input wins. Other articles are clustered in order of publication: an
article (its title, the opening of its text, and the names of its actors, counted twice because
names are what two outlets or two languages share) joins the most similar story that had an article in the previous `window_days` days, when
the cosine similarity of its TF-IDF vector (title and opening of the text) to that story's centroid
reaches `threshold`; otherwise it opens a new story. Both are tunable (`voxmap ingest --story-window`,
`--story-threshold`). Articles without a publication date are compared with every open story.
Scikit-learn's TfidfVectorizer does the weighting: nothing is downloaded.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

OPENING_CHARS = 2000
MAX_FEATURES = 20000


@dataclass(frozen=True)
class StoryOptions:
    window_days: int = 4
    threshold: float = 0.10


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def assign_stories(conn: sqlite3.Connection, options: StoryOptions = StoryOptions()) -> int:
    """Recompute every article's story; return how many stories there are."""
    rows = conn.execute(
        "SELECT a.id, a.title, substr(a.text, 1, ?) AS opening, a.published, a.story_given, "
        "(SELECT group_concat(ac.name, ' | ') FROM article_actors aa JOIN actors ac ON ac.id = aa.actor_id "
        " WHERE aa.article_id = a.id AND ac.type IN ('person', 'organization', 'group')) AS names "
        "FROM articles a ORDER BY a.published IS NULL, a.published, a.key", (OPENING_CHARS,)).fetchall()
    labels: list[tuple[str, str | None, str | None]] = []  # (label, given, first_published) per story
    story_of: dict[str, int] = {}
    given: dict[str, int] = {}
    free = [row for row in rows if not row["story_given"]]
    for row in rows:
        if row["story_given"]:
            if row["story_given"] not in given:
                given[row["story_given"]] = len(labels)
                labels.append((row["title"] or row["story_given"], row["story_given"], row["published"]))
            story_of[row["id"]] = given[row["story_given"]]
    if free:
        for row, story in zip(free, _cluster(free, options, len(labels))):
            if story == len(labels):
                labels.append((row["title"] or row["id"], None, row["published"]))
            story_of[row["id"]] = story
    counts: dict[int, int] = {}
    for story in story_of.values():
        counts[story] = counts.get(story, 0) + 1
    with conn:
        conn.execute("BEGIN")
        conn.execute("DELETE FROM stories")
        ids = [conn.execute("INSERT INTO stories (label, given, first_published, articles) VALUES (?, ?, ?, ?)",
                            (label, given_id, first, counts.get(i, 0))).lastrowid
               for i, (label, given_id, first) in enumerate(labels)]
        conn.executemany("UPDATE articles SET story_id = ? WHERE id = ?",
                         [(ids[story], article_id) for article_id, story in story_of.items()])
    return len(labels)


def _cluster(rows, options: StoryOptions, first_id: int) -> list[int]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    # The names of the actors count twice: they are what two outlets, or two languages, share.
    texts = [f"{row['title'] or ''}\n{row['opening']}\n{row['names'] or ''}\n{row['names'] or ''}" for row in rows]
    vectors = TfidfVectorizer(sublinear_tf=True, min_df=1, max_df=0.5 if len(texts) > 20 else 1.0,
                              max_features=MAX_FEATURES, token_pattern=r"(?u)\b\w\w\w+\b").fit_transform(texts)
    centroids: list[np.ndarray] = []
    last_seen: list[date | None] = []
    active: list[int] = []  # stories still inside the window (articles come in date order)
    assigned = []
    for i, row in enumerate(rows):
        vector = vectors[i].toarray().ravel()
        day = _day(row["published"])
        if day is not None:
            active = [k for k in active if last_seen[k] is None or day - last_seen[k] <= timedelta(days=options.window_days)]
        best, best_score = None, options.threshold
        for story in active:
            centroid = centroids[story]
            norm = np.linalg.norm(centroid)
            score = float(centroid @ vector / norm) if norm else 0.0
            if score >= best_score:
                best, best_score = story, score
        if best is None:
            centroids.append(vector.copy())
            last_seen.append(day)
            active.append(len(centroids) - 1)
            assigned.append(first_id + len(centroids) - 1)
        else:
            centroids[best] += vector
            last_seen[best] = max(filter(None, [last_seen[best], day]), default=None)
            assigned.append(first_id + best)
    return assigned
