"""The phrase index echoes are computed from (voxmap.corpus.echoes), kept in the store so that a change
costs what it touches, not the corpus.

- `echo_keys`: every appearance, in any article's text, of a phrase key (voxmap.extract.phrases) that
  some voiced quote holds, with the quote it lies in (NULL: narration). Only a speaker's own words
  are theirs: the whole of a direct or partial quote, the words inside the quotation marks of a
  mixed one; a reported statement's words are the writer's, no appearance, nor is a run of words
  straddling such an edge;
- `echo_articles`: the content hash each article was indexed from;
- `echo_spans`: the voiced quotes (those with a `voices` row) as last indexed, with their speaker;
- `echo_key_counts`: in how many articles each key appears;
- `echo_stems`: each indexed article's content words as keys spell them, in a full-text index of their own;
- `echo_stem_counts`: in how many indexed articles each content word is (voxmap.corpus.echo_common);
- `echo_grams`: each indexed article's keys, hashed (`gram`), by its `echo_stems` row.

A change is read from the store itself: an article added, replaced or removed, a quote that gained or
lost its voices row (a review, a wire copy found), a quote whose speaker changed. Such an article is
read again; a key a quote holds for the first time is looked up in the other articles by its hash
in `echo_grams` (a collision only costs reading an article that does not hold it), and only they are
read.
"""

from __future__ import annotations

import bisect
import hashlib
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from ..extract.language import LANGUAGES, load_rules
from ..extract.phrases import SHINGLE, content_words_in, shingle_runs, shingles_of
from .store.db import chunks, marks

INDEX_TABLES = (
    "echo_keys",
    "echo_articles",
    "echo_spans",
    "echo_key_counts",
    "echo_origins",
    "echo_stems",
    "echo_stem_counts",
    "echo_grams",
    "echo_grams_pending",
)


def key_code(key: tuple[str, ...]) -> str:
    """A key as the index stores it: its stems, space-separated (the same in every process)."""
    return " ".join(key)


@dataclass(slots=True)
class _Text:
    id: str
    language: str
    text: str
    spans: list[tuple[int, int, int, str]]  # (start, end, quote id, span text) of its voiced quotes, sorted


def _texts(conn: sqlite3.Connection, article_ids: list[str]) -> Iterator[_Text]:
    for chunk in chunks(article_ids, 200):
        texts = {
            row[0]: _Text(row[0], row[1] or "en", row[2], [])
            for row in conn.execute(f"SELECT id, language, text FROM articles WHERE id IN ({marks(chunk)})", chunk)
        }
        for article_id, start, quote_id, span, kind in conn.execute(
            "SELECT v.article_id, s.start, v.quote_id, s.text, q.kind FROM voices v "
            "JOIN quote_spans s ON s.quote_id = v.quote_id JOIN quotes q ON q.id = v.quote_id "
            f"WHERE v.article_id IN ({marks(chunk)})",
            chunk,
        ):
            texts[article_id].spans.extend(own_words(start, span, quote_id, kind, texts[article_id].language))
        for article_id in chunk:
            if article_id in texts:
                texts[article_id].spans.sort()
                yield texts[article_id]


# The quote id of the words of a quote that are the writer's (a reported statement).
REPORTED = -1
OWN_WORDS_KINDS = frozenset({"direct", "partial"})


@cache
def quotation_marks(language: str) -> tuple[str, ...]:
    """The language's double quotation marks (rules/<lang>/marks.toml), longest first; single marks
    double as apostrophes and cut nothing."""
    rules = load_rules(language if language in LANGUAGES else "en").marks
    found = (set(rules.openers) | rules.closers) - rules.single
    return tuple(sorted(found, key=len, reverse=True))


def own_words(start: int, span: str, quote_id: int, kind: str, language: str) -> list[tuple[int, int, int, str]]:
    """A quote span cut into its speaker's own words (`quote_id`) and the writer's (REPORTED): all of a
    direct or partial quote, the words inside the marks of a mixed one, none of a reported one."""
    if kind in OWN_WORDS_KINDS:
        return [(start, start + len(span), quote_id, span)]
    if kind != "mixed":
        return [(start, start + len(span), REPORTED, span)]
    marks = quotation_marks(language)
    parts, inside, begin, i = [], False, 0, 0
    while i <= len(span):
        mark = next((m for m in marks if span.startswith(m, i)), None) if i < len(span) else ""
        if mark is None:
            i += 1
            continue
        if i > begin:  # a mark, or the span's end, closes the part before it
            parts.append((start + begin, start + i, quote_id if inside else REPORTED, span[begin:i]))
        inside, begin = not inside, i + len(mark)
        i = begin if mark else i + 1
    return parts


def _owner(spans, starts: list[int], start: int, end: int) -> int | None | bool:
    """The quote whose span holds start:end, None for narration, False when it straddles a quote's edge
    or lies in a quote's reported words."""
    k = bisect.bisect_right(starts, start) - 1
    if k >= 0 and spans[k][0] <= start and end <= spans[k][1]:
        return spans[k][2] if spans[k][2] != REPORTED else False
    overlaps = any(s < end and start < e for s, e, _, _ in spans[max(0, k) : k + 2])
    return False if overlaps else None


def _appearances(text: _Text, wanted: set[str] | None = None, words=None) -> list[tuple[str, int, int, int | None]]:
    """(key, start, end, quote id) of every run of content words in the article that is an appearance
    (of a `wanted` key, when given); `words`: its content words, when already read."""
    starts = [span[0] for span in text.spans]
    found = []
    for key, start, end in shingles_of(words if words is not None else content_words_in(text.text, text.language)):
        code = key_code(key)
        if wanted is None or code in wanted:
            owner = _owner(text.spans, starts, start, end)
            if owner is not False:
                found.append((code, start, end, owner))
    return found


def _quoted(conn: sqlite3.Connection, article_ids: list[str]) -> set[str]:
    """The keys of these articles' voiced quotes, in their speakers' own words."""
    keys: set[str] = set()
    for chunk in chunks(article_ids):
        for language, span, kind in conn.execute(
            "SELECT a.language, s.text, q.kind FROM voices v JOIN quote_spans s ON s.quote_id = v.quote_id "
            "JOIN quotes q ON q.id = v.quote_id "
            f"JOIN articles a ON a.id = v.article_id WHERE v.article_id IN ({marks(chunk)})",
            chunk,
        ):
            for _, _, owner, words in own_words(0, span, 0, kind, language or "en"):
                if owner != REPORTED:
                    runs = shingle_runs(words, language or "en")
                    keys.update(key_code(tuple(stem for stem, _, _ in run)) for run in runs)
    return keys


def gram(code: str) -> int:
    """A key's hash as `echo_grams` stores it (64 bits, the same in every process)."""
    return int.from_bytes(hashlib.blake2b(code.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def _grams(stems: str) -> set[int]:
    """The hashed keys of an article's content words as `echo_stems` holds them."""
    words = stems.split()
    return {gram(" ".join(words[i : i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}


def _index_stems(conn: sqlite3.Connection, articles: list[tuple[str, list]], record: bool = True) -> None:
    """Keep these articles' content words in `echo_stems` and their keys in `echo_grams` (each
    (article id, content words) whose echo_articles row exists). All of a batch's full-text rows go in
    first: a statement of several rows between two of them would have the full-text table flush its
    pending rows, one small segment per article. `record`: see `_count_stems`."""
    rowids = []
    for article_id, words in articles:
        stems = " ".join(w for w, _, _ in words)
        rowids.append(
            (conn.execute("INSERT INTO echo_stems (stems) VALUES (?)", (stems,)).lastrowid, article_id, stems)
        )
    conn.executemany("UPDATE echo_articles SET stems_rowid = ? WHERE article_id = ?", [row[:2] for row in rowids])
    conn.executemany(  # in the index's order: neighbouring inserts touch the same pages
        "INSERT INTO echo_grams VALUES (?, ?)", sorted((g, rowid) for rowid, _, stems in rowids for g in _grams(stems))
    )
    _count_stems(conn, [stems for _, _, stems in rowids], 1, record)


def _drop_stems(conn: sqlite3.Connection, rowids: list[int]) -> None:
    for chunk in chunks(rowids):
        dropped = conn.execute(f"SELECT rowid, stems FROM echo_stems WHERE rowid IN ({marks(chunk)})", chunk).fetchall()
        for rowid, stems in dropped:
            conn.executemany(
                "DELETE FROM echo_grams WHERE gram = ? AND stems_rowid = ?", ((g, rowid) for g in _grams(stems))
            )
        _count_stems(conn, [stems for _, stems in dropped], -1)
        conn.execute(f"DELETE FROM echo_stems WHERE rowid IN ({marks(chunk)})", chunk)
        conn.execute(f"DELETE FROM echo_grams_pending WHERE stems_rowid IN ({marks(chunk)})", chunk)


STEM_MOVES = "temp.echo_stem_moves"  # each content word whose count moved in this update, by how much


def _count_stems(conn: sqlite3.Connection, articles_stems: list[str], sign: int, record: bool = True) -> None:
    """Keep `echo_stem_counts` as these articles' content words enter (`sign` 1) or leave (-1) the
    index; `record`: add each word's move to STEM_MOVES, from which the echoes whose words' counts
    moved are found (voxmap.corpus.echo_common; a full update marks every echo anyway)."""
    moved = sorted((stem, sign * n) for stem, n in Counter(w for s in articles_stems for w in set(s.split())).items())
    conn.executemany(
        "INSERT INTO echo_stem_counts (stem, articles) VALUES (?, ?) "
        "ON CONFLICT (stem) DO UPDATE SET articles = articles + excluded.articles",
        moved,
    )
    if sign < 0:
        conn.executemany("DELETE FROM echo_stem_counts WHERE stem = ? AND articles <= 0", [(s,) for s, _ in moved])
    if record:
        conn.executemany(
            f"INSERT INTO {STEM_MOVES} (stem, delta) VALUES (?, ?) "
            "ON CONFLICT (stem) DO UPDATE SET delta = delta + excluded.delta",
            moved,
        )


def _fill_stems(conn: sqlite3.Connection) -> None:
    """Index the content words of articles indexed before `echo_stems` existed, and the keys of those
    indexed before `echo_grams` existed (once, after upgrading)."""
    missing = [row[0] for row in conn.execute("SELECT article_id FROM echo_articles WHERE stems_rowid IS NULL")]
    for chunk in chunks(missing, 200):
        _index_stems(conn, [(text.id, content_words_in(text.text, text.language)) for text in _texts(conn, chunk)])
    pending = [row[0] for row in conn.execute("SELECT stems_rowid FROM echo_grams_pending")]
    for chunk in chunks(pending, 500):
        for rowid, stems in conn.execute(f"SELECT rowid, stems FROM echo_stems WHERE rowid IN ({marks(chunk)})", chunk):
            conn.executemany("INSERT INTO echo_grams VALUES (?, ?)", ((g, rowid) for g in _grams(stems)))
        conn.execute(f"DELETE FROM echo_grams_pending WHERE stems_rowid IN ({marks(chunk)})", chunk)


def _present(conn: sqlite3.Connection, codes: Iterable[str], quoted_only: bool = False) -> set[str]:
    """The keys the index holds (`quoted_only`: those with an appearance inside a quote)."""
    found: set[str] = set()
    extra = " AND quote_id IS NOT NULL" if quoted_only else ""
    for chunk in chunks(codes):
        found.update(
            row[0]
            for row in conn.execute(f"SELECT DISTINCT key FROM echo_keys WHERE key IN ({marks(chunk)}){extra}", chunk)
        )
    return found


_PENDING = "article_id IN (SELECT article_id FROM echo_pending)"  # voices rows computed again (voxmap.corpus.voices)


def _changed(conn: sqlite3.Connection) -> tuple[set[str], set[str]]:
    """The articles to read again (added, replaced, removed, or whose voiced quotes changed), and the
    quotes whose speaker changed."""
    articles: set[str] = set()
    for query in (
        # replaced or removed
        "SELECT e.article_id FROM echo_articles e LEFT JOIN articles a ON a.id = e.article_id "
        "WHERE a.content_hash IS NOT e.content_hash",
        # added
        "SELECT a.id FROM articles a LEFT JOIN echo_articles e ON e.article_id = a.id WHERE e.article_id IS NULL",
        # a quote that is now voiced, or no longer (a review, a wire copy found), among the articles whose
        # voices rows were computed again
        f"SELECT DISTINCT v.article_id FROM voices v LEFT JOIN echo_spans e ON e.quote_id = v.quote_id "
        f"WHERE e.quote_id IS NULL AND v.{_PENDING}",
        f"SELECT DISTINCT e.article_id FROM echo_spans e LEFT JOIN voices v ON v.quote_id = e.quote_id "
        f"WHERE v.quote_id IS NULL AND e.{_PENDING}",
    ):
        articles.update(row[0] for row in conn.execute(query))
    speakers = {
        row[0]
        for row in conn.execute(
            "SELECT v.quote_id FROM voices v JOIN echo_spans e ON e.quote_id = v.quote_id "
            "WHERE (e.actor_id IS NOT v.actor_id OR e.voice IS NOT v.voice OR e.speaker IS NOT v.speaker_name) "
            f"AND v.{_PENDING}"
        )
    }
    return articles, speakers


@dataclass
class IndexChange:
    """What an index update changed: the keys whose appearances or counts changed; of those, the keys
    whose only change is an appearance in articles indexed for the first time (key -> those articles:
    their origin stands unless one of them comes first); the quotes whose speaker changed (their keys'
    counts and origins stand; the echoes they take part in are said by someone else)."""

    touched: set[str] = field(default_factory=set)
    added: dict[str, set[str]] = field(default_factory=dict)
    respoken: set[int] = field(default_factory=set)


def update_index(conn: sqlite3.Connection, full: bool = False) -> IndexChange:
    """Bring the index up to date with the articles and voices (inside the caller's transaction) and say
    what changed. `full`: index every article again."""
    conn.execute(f"CREATE TABLE IF NOT EXISTS {STEM_MOVES} (stem TEXT PRIMARY KEY, delta INTEGER NOT NULL)")
    if full:
        for table in (*INDEX_TABLES, STEM_MOVES):
            conn.execute(f"DELETE FROM {table}")
        conn.execute("DROP INDEX IF EXISTS echo_grams_gram")  # built once after every article's inserts
    redo, speakers = _changed(conn)
    _fill_stems(conn)
    for chunk in chunks(speakers):
        conn.execute(
            "UPDATE echo_spans SET actor_id = v.actor_id, voice = v.voice, speaker = v.speaker_name FROM voices v "
            f"WHERE v.quote_id = echo_spans.quote_id AND echo_spans.quote_id IN ({marks(chunk)})",
            chunk,
        )
    change = _read_again(conn, sorted(redo), full) if redo else IndexChange()
    change.respoken = speakers
    conn.execute("CREATE INDEX IF NOT EXISTS echo_grams_gram ON echo_grams(gram, stems_rowid)")
    _recount(conn, change, full)
    conn.execute("DELETE FROM echo_pending")
    return change


def _read_again(conn: sqlite3.Connection, redo: list[str], full: bool = False) -> IndexChange:
    """Index these articles again (`full`: every article, whose keys all count as changed)."""
    touched: set[str] = set()  # keys changed otherwise than by appearing in a new article
    added: dict[str, set[str]] = defaultdict(set)
    lost: set[str] = set()  # keys that had an appearance inside a quote of these articles
    indexed_before: set[str] = set()
    for chunk in chunks(redo):
        indexed_before.update(
            row[0]
            for row in conn.execute(f"SELECT article_id FROM echo_articles WHERE article_id IN ({marks(chunk)})", chunk)
        )
        for key, quote_id in conn.execute(
            f"SELECT key, quote_id FROM echo_keys WHERE article_id IN ({marks(chunk)})", chunk
        ):
            touched.add(key)
            if quote_id is not None:
                lost.add(key)
        stems = [
            row[0]
            for row in conn.execute(
                f"SELECT stems_rowid FROM echo_articles WHERE article_id IN ({marks(chunk)}) AND stems_rowid IS NOT NULL",
                chunk,
            )
        ]
        _drop_stems(conn, stems)
        for table in ("echo_keys", "echo_articles", "echo_spans"):
            conn.execute(f"DELETE FROM {table} WHERE article_id IN ({marks(chunk)})", chunk)
    others = conn.execute("SELECT count(*) FROM articles").fetchone()[0] - sum(
        conn.execute(f"SELECT count(*) FROM articles WHERE id IN ({marks(chunk)})", chunk).fetchone()[0]
        for chunk in chunks(redo)
    )
    quoted = _quoted(conn, redo)
    # Keys quoted for the first time: the other articles' appearances of them were never indexed.
    new_keys = set(quoted) - _present(conn, quoted) if others else set()
    indexed: list[tuple[str, list]] = []  # their content words, indexed a batch at a time
    for text in _texts(conn, redo):
        words = content_words_in(text.text, text.language)
        found = _appearances(text, words=words)
        elsewhere = _present(conn, {a[0] for a in found if a[0] not in quoted}, quoted_only=True) if others else set()
        kept = [a for a in found if a[0] in quoted or a[0] in elsewhere]
        _insert(conn, text.id, kept)
        for a in kept:
            if full or text.id in indexed_before:
                touched.add(a[0])
            else:
                added[a[0]].add(text.id)
        conn.execute(
            "INSERT INTO echo_articles (article_id, content_hash) SELECT id, content_hash FROM articles WHERE id = ?",
            (text.id,),
        )
        indexed.append((text.id, words))
        if len(indexed) == 200:
            _index_stems(conn, indexed, not full)
            indexed = []
        conn.execute(
            "INSERT INTO echo_spans (quote_id, article_id, actor_id, voice, speaker) "
            "SELECT quote_id, article_id, actor_id, voice, speaker_name FROM voices WHERE article_id = ?",
            (text.id,),
        )
    _index_stems(conn, indexed, not full)
    if new_keys:
        elsewhere = sorted(_candidates(conn, new_keys) - set(redo))
        for text in _texts(conn, elsewhere):
            found = _appearances(text, new_keys)
            _insert(conn, text.id, found)
            touched.update(a[0] for a in found)
    gone = lost - set(quoted) - _present(conn, lost - set(quoted), quoted_only=True)
    for chunk in chunks(gone):  # no quote holds them any more: nobody can have coined them
        conn.execute(f"DELETE FROM echo_keys WHERE key IN ({marks(chunk)})", chunk)
    return IndexChange(touched | set(added), {key: found for key, found in added.items() if key not in touched})


def _insert(conn: sqlite3.Connection, article_id: str, found: list[tuple[str, int, int, int | None]]) -> None:
    conn.executemany(
        "INSERT INTO echo_keys (key, article_id, start, end, quote_id) VALUES (?, ?, ?, ?, ?)",
        [(code, article_id, start, end, quote_id) for code, start, end, quote_id in found],
    )


def _candidates(conn: sqlite3.Connection, codes: set[str]) -> set[str]:
    """The articles whose content words hold one of these keys (or a key of the same hash)."""
    rowids: set[int] = set()
    for chunk in chunks(sorted({gram(code) for code in codes})):
        rowids.update(
            row[0] for row in conn.execute(f"SELECT stems_rowid FROM echo_grams WHERE gram IN ({marks(chunk)})", chunk)
        )
    return {
        row[0]
        for chunk in chunks(sorted(rowids))
        for row in conn.execute(f"SELECT article_id FROM echo_articles WHERE stems_rowid IN ({marks(chunk)})", chunk)
    }


def _recount(conn: sqlite3.Connection, change: IndexChange, full: bool) -> None:
    """`echo_key_counts` for the keys that changed (all, when `full`): a key that only appeared in new
    articles counts them on top of what it counted; any other is counted again."""
    if full:
        conn.execute("DELETE FROM echo_key_counts")
        conn.execute(
            "INSERT INTO echo_key_counts (key, articles) SELECT key, count(DISTINCT article_id) FROM echo_keys GROUP BY key"
        )
        return
    conn.executemany(
        "INSERT INTO echo_key_counts (key, articles) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET articles = articles + excluded.articles",
        sorted((key, len(found)) for key, found in change.added.items()),
    )
    for chunk in chunks(sorted(change.touched - set(change.added))):
        conn.execute(f"DELETE FROM echo_key_counts WHERE key IN ({marks(chunk)})", chunk)
        conn.execute(
            "INSERT INTO echo_key_counts (key, articles) SELECT key, count(DISTINCT article_id) FROM echo_keys "
            f"WHERE key IN ({marks(chunk)}) GROUP BY key",
            chunk,
        )


def origins_with(conn: sqlite3.Connection, quote_ids: Iterable[int]) -> list[tuple[str, int, str, str, int]]:
    """(key, origin article, origin quote, article, quote) for each stored origin of a key these quotes hold."""
    found = []
    for chunk in chunks(sorted(quote_ids)):
        found += conn.execute(
            "SELECT k.key, o.article_id, o.quote_id, k.article_id, k.quote_id FROM echo_keys k "
            f"JOIN echo_origins o ON o.key = k.key WHERE k.quote_id IN ({marks(chunk)})",
            chunk,
        ).fetchall()
    return found


def keys_counted_between(conn: sqlite3.Connection, low: int, high: int) -> set[str]:
    """The keys in more than `low` and at most `high` articles."""
    return {
        row[0]
        for row in conn.execute("SELECT key FROM echo_key_counts WHERE articles > ? AND articles <= ?", (low, high))
    }
