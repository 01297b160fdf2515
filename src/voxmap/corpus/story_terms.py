"""What stories compare: each article's words, weighted by how rare they were in the corpus up to
its day.

An article's words are those of its title, the opening of its text, and the names of its actors as
it writes them, counted twice (names are what two outlets, or two languages, share). A word weighs
(1 + ln tf) x idf, where idf counts the articles published up to the article's day (the whole day),
so that a word's weight in an article never depends on what was published after it: adding today's
articles leaves every older vector as it was, and grouping again starts at the first day a change
touches (voxmap.corpus.stories). Articles without a date count every article. The words are kept per
article with the content hash they were read from (`story_terms`), and how many articles hold each
word (`story_df`), so that a change is read from the store itself: an article whose hash differs
from its row was added or replaced, a row without its article was removed.
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from ..extract.language import LANGUAGES
from .store.db import chunks, marks

OPENING_CHARS = 2000
TOKEN = re.compile(r"(?u)\b\w\w\w+\b")
# In a corpus of more than MIN_FOR_MAX_DF articles, a word in more than MAX_DF of them tells no story apart.
MAX_DF = 0.5
MIN_FOR_MAX_DF = 20


def day_of(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


@cache
def _stop_words() -> frozenset[str]:
    """Every language's function words (spaCy's lists, no model needed): in a small corpus, "the" and
    "after" would otherwise make two unrelated events of one week look alike. Each list is read from
    its own module: importing `spacy.lang.fr` would load the whole French language (seconds)."""
    words: set[str] = set()
    package = Path(importlib.util.find_spec("spacy").origin).parent
    for language in LANGUAGES:
        spec = importlib.util.spec_from_file_location(
            f"_stop_words_{language}", package / "lang" / language / "stop_words.py"
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        words |= module.STOP_WORDS
    return frozenset(word for word in words if word.isalpha())


def article_terms(title: str | None, opening: str, names: list[str]) -> list[tuple[str, int]]:
    """An article's words and their counts, sorted (names counted twice)."""
    written = "\n".join([title or "", opening, *names, *names]).lower()
    return sorted(Counter(w for w in TOKEN.findall(written) if w not in _stop_words()).items())


@dataclass
class TermChanges:
    """What changed since the last grouping: the days of the articles added, replaced or removed (None
    for an article without a date), the given stories they were or are in, and the stories they were in."""

    days: set[date | None] = field(default_factory=set)
    given: set[str] = field(default_factory=set)
    stories: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.days)


def sync_terms(conn: sqlite3.Connection) -> TermChanges:
    """Bring `story_terms` and `story_df` up to date with the articles (call inside a transaction);
    return what changed."""
    changes = TermChanges()
    stale = conn.execute(
        "SELECT t.article_id, t.published, t.given, t.terms, t.story_id FROM story_terms t "
        "LEFT JOIN articles a ON a.id = t.article_id WHERE a.content_hash IS NOT t.content_hash"
    ).fetchall()
    df: Counter = Counter()
    for article_id, published, given, terms, story in stale:
        changes.days.add(day_of(published))
        if story is not None:
            changes.stories.add(story)
        if given:
            changes.given.add(given)
        df.subtract(term for term, _ in json.loads(terms))
        conn.execute("DELETE FROM story_terms WHERE article_id = ?", (article_id,))
    fresh = conn.execute(
        "SELECT a.id, a.content_hash, a.published, a.story_given, a.title, substr(a.text, 1, ?) FROM articles a "
        "LEFT JOIN story_terms t ON t.article_id = a.id WHERE t.article_id IS NULL",
        (OPENING_CHARS,),
    ).fetchall()
    for article_id, content_hash, published, given, title, opening in fresh:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM article_actors WHERE article_id = ? AND type IN ('person', 'organization', 'group') "
                "ORDER BY rowid",
                (article_id,),
            )
        ]
        terms = article_terms(title, opening, names)
        changes.days.add(day_of(published))
        if given:
            changes.given.add(given)
        df.update(term for term, _ in terms)
        conn.execute(
            "INSERT INTO story_terms (article_id, content_hash, published, given, terms) VALUES (?, ?, ?, ?, ?)",
            (article_id, content_hash, published, given, json.dumps(terms, ensure_ascii=False)),
        )
    conn.executemany(
        "INSERT INTO story_df (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
        [(term, count) for term, count in df.items() if count],
    )
    conn.execute("DELETE FROM story_df WHERE df <= 0")
    return changes


def recount_df(conn: sqlite3.Connection) -> None:
    """`story_df` counted again from every article's words (the full rebuild)."""
    df: Counter = Counter()
    for (terms,) in conn.execute("SELECT terms FROM story_terms"):
        df.update(term for term, _ in json.loads(terms))
    conn.execute("DELETE FROM story_df")
    conn.executemany("INSERT INTO story_df (term, df) VALUES (?, ?)", sorted(df.items()))


def stored_terms(conn: sqlite3.Connection, article_ids: list[str]) -> dict[str, list[tuple[str, int]]]:
    found: dict[str, list[tuple[str, int]]] = {}
    for chunk in chunks(article_ids):
        for article_id, terms in conn.execute(
            f"SELECT article_id, terms FROM story_terms WHERE article_id IN ({marks(chunk)})", chunk
        ):
            found[article_id] = [(term, count) for term, count in json.loads(terms)]
    return found


def corpus_df(conn: sqlite3.Connection, terms: set[str]) -> Counter:
    """How many articles of the whole corpus hold each of these words."""
    df: Counter = Counter()
    for chunk in chunks(sorted(terms)):
        df.update(dict(conn.execute(f"SELECT term, df FROM story_df WHERE term IN ({marks(chunk)})", chunk).fetchall()))
    return df


def weighted(terms: list[tuple[str, int]], df: Counter, articles: int) -> dict[str, float]:
    """The article's vector (l2-normalised) as of a corpus of `articles` holding each word in `df` of
    them: sublinear tf times smooth idf, as scikit-learn's TfidfVectorizer weighs them. A word in more
    than MAX_DF of a large corpus is left out, unless that leaves the article no word at all (a corpus of
    copies)."""
    limit = MAX_DF * articles if articles > MIN_FOR_MAX_DF else articles
    kept = [(term, count) for term, count in terms if df[term] <= limit] or terms
    vector = {term: (1 + math.log(count)) * (math.log((1 + articles) / (1 + df[term])) + 1) for term, count in kept}
    norm = math.sqrt(sum(weight * weight for weight in vector.values()))
    return {term: weight / norm for term, weight in vector.items()} if norm else {}
