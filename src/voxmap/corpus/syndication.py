"""Wire copies: one dispatch published by several outlets (or twice by one) is a *syndication cluster*.

Each article stays (each outlet did publish it), but its statements are one: by default the measures
count a cluster's quotes once, in its first publication (the earliest; its key breaks a tie), and a
copy's quotes are not voices (`--count-syndicated per-outlet` counts every copy). Near-duplicates are
found by MinHash over five-word shingles (datasketch): articles whose estimated Jaccard similarity
reaches THRESHOLD are joined, and a cluster is what those links connect. Signatures are kept per
article with the store's content hash, so that only new or changed articles are read and hashed again.
"""

from __future__ import annotations

import re
import sqlite3

import numpy

from .corrections import remember, remembered

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


def _signatures(conn: sqlite3.Connection) -> dict[str, object]:
    """Every article's signature, hashing only the articles new or changed since the last run."""
    from datasketch import MinHash

    kept = {
        row[0]: (row[1], row[2])
        for row in conn.execute("SELECT article_id, content_hash, signature FROM article_minhash")
    }
    signatures, fresh = {}, []
    # The store's content hash says which articles changed: only their texts are read and hashed again.
    for article_id, digest in conn.execute("SELECT id, content_hash FROM articles").fetchall():
        if article_id in kept and kept[article_id][0] == digest:
            blob = kept[article_id][1]
            if blob is not None:
                values = numpy.frombuffer(blob, dtype=SIGNATURE_TYPE).copy()
                signatures[article_id] = MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME)
            continue
        text = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
        minhash = signature(text)
        if minhash is not None:
            signatures[article_id] = minhash
        fresh.append(
            (article_id, digest, None if minhash is None else minhash.hashvalues.astype(SIGNATURE_TYPE).tobytes())
        )
    conn.executemany(
        "INSERT INTO article_minhash (article_id, content_hash, signature) VALUES (?, ?, ?) ON CONFLICT (article_id) "
        "DO UPDATE SET content_hash = excluded.content_hash, signature = excluded.signature",
        fresh,
    )
    return signatures


def rebuild_syndication(conn: sqlite3.Connection, full: bool = False) -> int:
    """Find the syndication clusters and store them (`syndication`: each member, its cluster, the
    cluster's first publication and size); return how many clusters there are. `full`: hash every
    article again instead of reading the signatures kept."""
    from datasketch import MinHashLSH

    with conn:
        conn.execute("BEGIN IMMEDIATE")  # it reads, then writes: take the write lock first, waiting for it
        if full:
            conn.execute("DELETE FROM article_minhash")
        signatures = _signatures(conn)
        index = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        for article_id, minhash in signatures.items():
            index.insert(article_id, minhash)
        parent = {article_id: article_id for article_id in signatures}

        def root(node: str) -> str:
            while parent[node] != node:
                parent[node] = parent[parent[node]]
                node = parent[node]
            return node

        for article_id, minhash in sorted(signatures.items()):
            for other in index.query(minhash):
                if other != article_id and minhash.jaccard(signatures[other]) >= THRESHOLD:
                    parent[root(other)] = root(article_id)
        members: dict[str, list[str]] = {}
        for article_id in signatures:
            members.setdefault(root(article_id), []).append(article_id)
        clusters = [ids for ids in members.values() if len(ids) > 1]
        order = {
            row[0]: (row[1] is None, row[1] or "", row[2])
            for row in conn.execute("SELECT id, published, key FROM articles")
        }
        conn.execute("DELETE FROM syndication")
        for number, ids in enumerate(sorted(clusters, key=lambda ids: min(order[i] for i in ids)), start=1):
            first = min(ids, key=order.__getitem__)
            conn.executemany(
                "INSERT INTO syndication (article_id, cluster, first_article, size) VALUES (?, ?, ?, ?)",
                [(article_id, number, first, len(ids)) for article_id in ids],
            )
    return len(clusters)


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
