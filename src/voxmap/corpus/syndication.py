"""Wire copies: one dispatch published by several outlets (or twice by one) is a *syndication cluster*.

Each article stays (each outlet did publish it), but its statements are one: by default the measures
count a cluster's quotes once, in its first publication (the earliest; its key breaks a tie), and a
copy's quotes are not voices (`--count-syndicated per-outlet` counts every copy). Near-duplicates are
found by MinHash over five-word shingles (datasketch): articles whose estimated Jaccard similarity
reaches THRESHOLD are joined, and a cluster is what those links connect. Signatures are kept per
article with the store's content hash, with their LSH bands and the links found, so that only new or
changed articles are hashed and compared (to the articles sharing a band), and only the clusters they,
or a removed article, touched are grouped again. A cluster's id derives from its first publication.
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache

import numpy

from .corrections import remember, remembered
from .store.db import chunks, marks, stable_number

SHINGLE_WORDS = 5
NUM_PERM = 128
SCHEME = "affine32"  # datasketch's permutation scheme, named so that stored signatures stay comparable
SIGNATURE_TYPE = numpy.uint32  # the hash values of that scheme
THRESHOLD = 0.8
# Shorter texts (briefs, captions) share too much boilerplate to call copies.
MIN_WORDS = 50
ONCE, PER_OUTLET = "once", "per-outlet"

_WORD = re.compile(r"\w+", re.UNICODE)


def counts_syndicated_once(conn: sqlite3.Connection) -> bool:
    return remembered(conn, "syndicated") != PER_OUTLET


def remember_syndicated(conn: sqlite3.Connection, mode: str) -> None:
    if mode not in (ONCE, PER_OUTLET):
        raise ValueError(f"count syndicated copies {ONCE!r} or {PER_OUTLET!r}, not {mode!r}")
    with conn:
        remember(conn, "syndicated", mode)


def signature(text: str):
    """The MinHash of a text's five-word shingles, or None for a text too short to judge."""
    from datasketch import MinHash

    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch(
        [" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)]
    )
    return minhash


def rebuild_syndication(conn: sqlite3.Connection, full: bool = False) -> int:
    """Bring the syndication clusters up to date (`syndication`: each member, its cluster, the
    cluster's first publication and size); return how many clusters there are. Only new or changed
    articles are hashed and compared, through their LSH bands; only the clusters they or a removed
    article touched are grouped again. `full`: everything again, from the texts."""
    with conn:
        conn.execute("BEGIN IMMEDIATE")  # it reads, then writes: take the write lock first, waiting for it
        if full:
            for table in ("article_minhash", "minhash_bands", "syndication_links", "syndication_dirty", "syndication"):
                conn.execute(f"DELETE FROM {table}")
        changed = _hash_new(conn)
        for article_id, values in changed.items():
            _link(conn, article_id, values)
        dirty = set(changed) | {row[0] for row in conn.execute("SELECT article_id FROM syndication_dirty")}
        _group_again(conn, dirty)
        conn.execute("DELETE FROM syndication_dirty")
    return conn.execute("SELECT count(DISTINCT cluster) FROM syndication").fetchone()[0]


@cache
def _bands() -> tuple[int, int]:
    """How datasketch's LSH cuts a signature at THRESHOLD: (bands, rows per band)."""
    from datasketch import MinHashLSH

    index = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return index.b, index.r


def _hash_new(conn: sqlite3.Connection) -> dict[str, numpy.ndarray | None]:
    """Hash the articles new or changed since the last run (the store's content hash says which), keep
    their signatures and LSH bands; return their hash values (None: too short to judge)."""
    fresh = conn.execute(
        "SELECT a.id, a.content_hash FROM articles a LEFT JOIN article_minhash m ON m.article_id = a.id "
        "WHERE m.content_hash IS NOT a.content_hash"
    ).fetchall()
    if not fresh:
        return {}  # without importing the LSH library (half a second)
    bands, rows = _bands()
    changed: dict[str, numpy.ndarray | None] = {}
    for article_id, digest in fresh:
        text = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
        minhash = signature(text)
        values = None if minhash is None else minhash.hashvalues.astype(SIGNATURE_TYPE)
        conn.execute(
            "INSERT INTO article_minhash (article_id, content_hash, signature) VALUES (?, ?, ?) ON CONFLICT (article_id) "
            "DO UPDATE SET content_hash = excluded.content_hash, signature = excluded.signature",
            (article_id, digest, None if values is None else values.tobytes()),
        )
        conn.execute("DELETE FROM minhash_bands WHERE article_id = ?", (article_id,))
        if values is not None:
            conn.executemany(
                "INSERT INTO minhash_bands (band, bucket, article_id) VALUES (?, ?, ?)",
                [(band, values[band * rows : (band + 1) * rows].tobytes(), article_id) for band in range(bands)],
            )
        changed[article_id] = values
    return changed


def _link(conn: sqlite3.Connection, article_id: str, values: numpy.ndarray | None) -> None:
    """Link an article to every other whose signature shares an LSH band with its own and reaches THRESHOLD."""
    conn.execute("DELETE FROM syndication_links WHERE article_id = ? OR other = ?", (article_id, article_id))
    if values is None:
        return
    bands, rows = _bands()
    candidates: set[str] = set()
    for band in range(bands):
        bucket = values[band * rows : (band + 1) * rows].tobytes()
        candidates.update(
            row[0]
            for row in conn.execute(
                "SELECT article_id FROM minhash_bands WHERE band = ? AND bucket = ?", (band, bucket)
            )
        )
    candidates.discard(article_id)
    for other in sorted(candidates):
        blob = conn.execute("SELECT signature FROM article_minhash WHERE article_id = ?", (other,)).fetchone()[0]
        theirs = numpy.frombuffer(blob, dtype=SIGNATURE_TYPE)
        if numpy.count_nonzero(values == theirs) / NUM_PERM >= THRESHOLD:  # datasketch's Jaccard estimate
            conn.executemany(
                "INSERT OR IGNORE INTO syndication_links (article_id, other) VALUES (?, ?)",
                [(article_id, other), (other, article_id)],
            )


def _group_again(conn: sqlite3.Connection, dirty: set[str]) -> None:
    """The clusters of these articles, and of every article their old clusters held, as the links now
    connect them; a cluster's id derives from its first publication (the earliest; its key breaks a tie)."""
    affected = set(dirty)
    for chunk in chunks(dirty):
        affected.update(
            row[0]
            for row in conn.execute(
                "SELECT s2.article_id FROM syndication s1 JOIN syndication s2 ON s2.cluster = s1.cluster "
                f"WHERE s1.article_id IN ({marks(chunk)})",
                chunk,
            )
        )
    grouped: set[str] = set()
    clusters: list[list[str]] = []
    for start in sorted(affected):
        if start in grouped:
            continue
        members, frontier = {start}, [start]
        while frontier:
            node = frontier.pop()
            for (other,) in conn.execute("SELECT other FROM syndication_links WHERE article_id = ?", (node,)):
                if other not in members:
                    members.add(other)
                    frontier.append(other)
        grouped |= members
        if len(members) > 1:
            clusters.append(sorted(members))
    was: dict[str, int] = {}  # article -> the cluster it was in
    for chunk in chunks(grouped):
        was.update(
            conn.execute(f"SELECT article_id, cluster FROM syndication WHERE article_id IN ({marks(chunk)})", chunk)
        )
        conn.execute(f"DELETE FROM syndication WHERE article_id IN ({marks(chunk)})", chunk)
    now: dict[str, int] = {}
    for ids in clusters:
        order = {
            row[0]: (row[1] is None, row[1] or "", row[2])
            for row in conn.execute(f"SELECT id, published, key FROM articles WHERE id IN ({marks(ids)})", ids)
        }
        first = min(ids, key=order.__getitem__)
        number = stable_number(first)
        now.update(dict.fromkeys(ids, number))
        conn.executemany(
            "INSERT INTO syndication (article_id, cluster, first_article, size) VALUES (?, ?, ?, ?)",
            [(article_id, number, first, len(ids)) for article_id in ids],
        )
    # The echoes of their phrases count copies once (voxmap.corpus.echoes): an article whose cluster
    # changed must have them looked at again.
    conn.executemany(
        "INSERT OR IGNORE INTO echo_copies_changed (article_id) VALUES (?)",
        [(a,) for a in sorted(grouped) if was.get(a) != now.get(a)],
    )


def syndication_summary(conn: sqlite3.Connection) -> dict:
    """How many clusters, how many articles they hold, and how large they are; the counting in force."""
    sizes = [row[0] for row in conn.execute("SELECT size FROM syndication GROUP BY cluster ORDER BY cluster")]
    return {
        "clusters": len(sizes),
        "articles": sum(sizes),
        "copies": sum(sizes) - len(sizes),
        "largest": max(sizes, default=0),
        "sizes": {str(size): sizes.count(size) for size in sorted(set(sizes))},
        "counted": ONCE if counts_syndicated_once(conn) else PER_OUTLET,
    }


def article_copies(conn: sqlite3.Connection, article_id: str) -> dict | None:
    """An article's cluster: its first publication and every copy (outlet, date), or None."""
    row = conn.execute("SELECT cluster, first_article FROM syndication WHERE article_id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    copies = [
        dict(r)
        for r in conn.execute(
            "SELECT a.id, a.title, a.source, a.published FROM syndication s JOIN articles a ON a.id = s.article_id "
            "WHERE s.cluster = ? ORDER BY a.published IS NULL, a.published, a.key",
            (row["cluster"],),
        )
    ]
    return {
        "first_article": row["first_article"],
        "is_copy": row["first_article"] != article_id,
        "counted": ONCE if counts_syndicated_once(conn) else PER_OUTLET,
        "articles": copies,
    }
