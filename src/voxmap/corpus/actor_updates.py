"""Actors resolved incrementally: after articles are added, replaced or removed, only the mentions whose
merge decision a change can move are decided again, and only the actors they leave or join are counted
again; the rest of the store keeps what the last resolution decided.

Which mentions: those of the changed articles, and those named by a name whose last decision read an
index entry (voxmap.corpus.actor_tokens) that a changed mention feeds: a new "Ann Roy" re-decides
every bare "Roy", not the corpus. Each actor a moved mention leaves or joins is counted again from all
its mentions (name shown, type, gender, organisation), found through the actor index; so are the
people whose organisation is named by an institution whose decision or shown name changed. What is
decided with more than the mentions (the alias file, reviewers' corrections, the knowledge file) is
fingerprinted: when it changes, `update_actors` returns None and the full resolution runs
(voxmap.corpus.actors, the reference this equals: tests/corpus/test_incremental.py).
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from functools import cache

from .actor_tokens import consulted, contributed, names_reading, remember_resolved, resolved_with, store_tokens
from .actors import (
    Resolution,
    _contexts,
    _day_of,
    _shown,
    _store_name_parts,
    _stored_name_parts,
    _voice_overrides,
    _write_actors,
    actor_gender,
    actor_type,
    correction_key,
    decide,
    display,
    institutions,
    redirect,
    stable_id,
)
from .aliases import Aliases
from .corrections import actor_overrides, set_correction_actors, speaker_corrections
from .merging import ORGANIZATION, PERIOD_DAYS, NameKeys, merge_kind
from .names import normalize, person_key
from .store.db import chunks, marks
from .summaries import bump_version

# Past this share of a store's mentions to decide or count again, the full resolution runs instead
# (in a store of more than SMALL mentions: a small one is resolved either way in a blink).
MOST, SMALL = 0.3, 5000

_MENTION = (
    "SELECT aa.article_id, aa.local_id, aa.name, aa.type, aa.actor_id, aa.resolved_by, aa.gender, a.published, "
    "a.key AS article_key, aa.rowid AS position FROM article_actors aa JOIN articles a ON a.id = aa.article_id"
)


def _order(row) -> tuple:
    """A mention's place in the full resolution's order (publication, article key, insertion)."""
    return (row["published"] is None, row["published"] or "", row["article_key"], row["position"])


def _mentions(conn: sqlite3.Connection, column: str, values) -> list[sqlite3.Row]:
    found = []
    for chunk in chunks(sorted(set(values))):
        found += conn.execute(f"{_MENTION} WHERE aa.{column} IN ({marks(chunk)})", chunk).fetchall()
    return found


def update_actors(conn: sqlite3.Connection, aliases: Aliases) -> Resolution | None:
    """Bring the actors up to date with the mentions added or deleted since the last resolution; None
    when the full resolution must run instead (never resolved, or decided with other aliases,
    corrections or knowledge)."""
    if not resolved_with(conn, aliases):
        return None
    stored = _stored_name_parts(conn, False)
    new = conn.execute(f"{_MENTION} WHERE aa.actor_id IS NULL").fetchall()
    gone = conn.execute("SELECT name, type, actor_id FROM actors_gone").fetchall()
    overrides = actor_overrides(conn)
    corrected = speaker_corrections(conn)
    named = {(row["article_key"], row["quote_start"]) for row in corrected}
    unset = {
        tuple(row)
        for row in conn.execute("SELECT article_key, quote_start FROM quote_corrections WHERE actor_id IS NULL")
    }
    if not new and not gone and not named & unset:  # nothing to decide: no merge index unless article voices ask
        return _resolution(conn, aliases, lambda: _index(_distinct(conn), corrected, aliases), set())
    distinct = _distinct(conn)
    keys = _index(distinct, corrected, aliases)
    held = {row[1]: row[0] for row in conn.execute("SELECT id, key FROM actors")}  # key -> id
    key_of = {actor_id: key for key, actor_id in held.items()}
    changed = set().union(*(contributed(keys, name, kind) for name, kind in _entering_or_leaving(conn, new, gone)))
    affected = names_reading(conn, changed)
    redo = {(row["article_id"], row["local_id"]): row for row in _mentions(conn, "name", affected)}
    new_anchors = {(row["article_id"], row["local_id"]) for row in new}
    deciding = affected | {row["name"] for row in new} | _surnames_alone(conn, new, gone)
    deciding |= {row["speaker_name"] for row in corrected}  # decided again every time: what they read is learnt
    wanted = {token[2:] for name in deciding for token in consulted(keys, name)}
    wanted |= {name for row in [*new, *gone] if (name := _full_name(row))}
    changed_days = _learn_full_names(conn, keys, wanted, distinct, new_anchors, gone)
    for row in _surnames_near(conn, changed_days):
        redo.setdefault((row["article_id"], row["local_id"]), row)
    redo.update({(row["article_id"], row["local_id"]): row for row in new})
    mentions = conn.execute("SELECT count(*) FROM article_actors").fetchone()[0]
    if mentions > SMALL and len(redo) > MOST * mentions:
        return None  # deciding most of the store again costs more than deciding all of it
    articles = _mentions(conn, "article_id", {anchor[0] for anchor in redo})
    contexts = _contexts(conn, articles, NameKeys([], aliases), some=True)
    decided = {
        anchor: decide(keys, overrides, row, contexts.get(anchor[0], {}).get(anchor[1])) for anchor, row in redo.items()
    }
    speaker_keys = {(row["article_key"], row["quote_start"]): correction_key(keys, overrides, row) for row in corrected}
    touched = {key for (key, _, _) in decided.values()} | set(speaker_keys.values())
    touched |= {key_of[row["actor_id"]] for row in [*redo.values(), *gone] if row["actor_id"] in key_of}
    touched |= {key_of[row[0]] for row in conn.execute("SELECT actor_id FROM quote_corrections") if row[0] in key_of}
    touched |= _holders_of(conn, key_of, affected)
    counted = [held[key] for key in touched if key in held]
    if mentions > SMALL and len(redo) + _mentions_of(conn, counted) > MOST * mentions:
        return None
    actors = _count(conn, keys, aliases, touched, redo, decided, held, speaker_keys, corrected)
    # An organisation shown by another name changes the organisation of whoever holds an office in it.
    renamed = {key for key, row in actors.items() if row and key in held and _name(conn, held[key]) != row[1]}
    more = _holders_of(conn, key_of, {i for i in institutions(conn) if keys.key(i, ORGANIZATION) in renamed})
    if more - touched:
        touched |= more
        actors = _count(conn, keys, aliases, touched, redo, decided, held, speaker_keys, corrected)
    with conn:
        conn.execute("BEGIN")
        _store_name_parts(conn, stored)
        for chunk in chunks(sorted(held[key] for key, row in actors.items() if row is None and key in held)):
            conn.execute(f"DELETE FROM actors WHERE id IN ({marks(chunk)})", chunk)
        _write_actors(conn, [row for row in actors.values() if row is not None], replace_all=False)
        ids = {**held, **{key: row[0] for key, row in actors.items() if row is not None}}
        conn.executemany(
            "UPDATE article_actors SET actor_id = ?, resolved_by = ? WHERE article_id = ? AND local_id = ?",
            [
                (ids[key], rule, *anchor)
                for anchor, (key, rule, _) in decided.items()
                if (redo[anchor]["actor_id"], redo[anchor]["resolved_by"]) != (ids[key], rule)
            ],
        )
        live = {row[0] for row in conn.execute("SELECT id FROM actors")}
        redirect(conn, [(redo[anchor]["actor_id"], ids[key]) for anchor, (key, _, _) in decided.items()], live)
        set_correction_actors(conn, {anchor: ids[key] for anchor, key in speaker_keys.items()})
        new_institutions = {
            row[0]
            for row in conn.execute(
                "SELECT DISTINCT r.institution FROM roles r JOIN article_actors aa ON aa.article_id = r.article_id "
                "AND aa.local_id = r.local_actor WHERE r.institution IS NOT NULL AND r.former = 0 "
                "AND r.institution NOT IN (SELECT name FROM actor_name_tokens)"
            )
        }
        decided_names = affected | {row["name"] for row in new} | {row["speaker_name"] for row in corrected}
        store_tokens(conn, keys, decided_names | new_institutions)
        remember_resolved(conn, aliases)
        touched_ids = {held[key] for key in touched if key in held} | {ids[key] for key in touched if key in ids}
        # Kept until the article voices stage has set them: an interrupted rebuild resumes there.
        conn.executemany("INSERT OR IGNORE INTO article_voices_pending VALUES (?)", [(i,) for i in touched_ids])
        if touched_ids:
            bump_version(conn)  # the pages cached from the summaries name these actors
    return _resolution(conn, aliases, lambda: keys, touched_ids)


def _index(distinct, corrected, aliases: Aliases) -> NameKeys:
    """The merge index of every name the store holds and the reviewers named."""
    return NameKeys(
        [(name, merge_kind(kind, name)) for name, kind in distinct if merge_kind(kind)]
        + [(row["speaker_name"], merge_kind(row["speaker_type"])) for row in corrected],
        aliases,
    )


def _mentions_of(conn: sqlite3.Connection, actor_ids: list[int]) -> int:
    return sum(
        conn.execute(f"SELECT count(*) FROM article_actors WHERE actor_id IN ({marks(chunk)})", chunk).fetchone()[0]
        for chunk in chunks(sorted(actor_ids))
    )


def _distinct(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT DISTINCT name, type FROM article_actors").fetchall()


def _ids(conn: sqlite3.Connection) -> dict[str, int]:
    return {key: actor_id for actor_id, key in conn.execute("SELECT id, key FROM actors")}


def _resolution(conn: sqlite3.Connection, aliases: Aliases, index, touched: set[int]) -> Resolution:
    """What the article voices stage reads, the merge index (`index()`) built only when it is read."""
    keys = cache(index)
    ids = _ids(conn)
    displays: dict[str, str] = {}

    def shown(name: str) -> str:
        if not displays:
            displays.update(conn.execute("SELECT key, name FROM actors").fetchall())
        return _shown(name, keys(), displays)

    overrides = _voice_overrides(aliases, keys(), ids) if aliases.voices else {}
    return Resolution(len(ids), overrides, shown, touched=touched)


def _name(conn: sqlite3.Connection, actor_id: int) -> str | None:
    row = conn.execute("SELECT name FROM actors WHERE id = ?", (actor_id,)).fetchone()
    return row[0] if row else None


def _entering_or_leaving(conn: sqlite3.Connection, new, gone) -> set[tuple[str, str]]:
    """The (name, type) of the mentions added that no earlier mention had, and of those deleted that no
    mention has any more: only they change the index (it is made of the names, not of their mentions)."""
    entering = {
        (row["name"], row["type"])
        for row in new
        if conn.execute(
            "SELECT 1 FROM article_actors WHERE name = ? AND type = ? AND actor_id IS NOT NULL LIMIT 1",
            (row["name"], row["type"]),
        ).fetchone()
        is None
    }
    leaving = {
        (row["name"], row["type"])
        for row in gone
        if conn.execute(
            "SELECT 1 FROM article_actors WHERE name = ? AND type = ? LIMIT 1", (row["name"], row["type"])
        ).fetchone()
        is None
    }
    return entering | leaving


def _full_name(row) -> str | None:
    """The full name whose days and titles a person's mention counts in, if any."""
    if row["type"] == "person" and len(normalize(row["name"]).split()) > 1:
        return person_key(row["name"])
    return None


def _surnames_alone(conn: sqlite3.Connection, new, gone) -> set[str]:
    """The names whose decisions read the days or titles of the full names the changed mentions have."""
    full_names = {name for row in [*new, *gone] if (name := _full_name(row))}
    return names_reading(conn, {"d:" + name for name in full_names})


def _learn_full_names(conn, keys: NameKeys, wanted: set[str], distinct, new_anchors, gone) -> dict[str, set | None]:
    """Set on `keys` the days and role titles of the `wanted` full names; return, for each full name
    whose days or titles the changes moved, the days they moved on (None: any day may read differently)."""
    spellings = [name for name, kind in distinct if kind == "person" and len(normalize(name).split()) > 1]
    rows = _mentions(conn, "name", [name for name in spellings if person_key(name) in wanted])
    _contexts(conn, rows, keys, some=True)
    old = NameKeys([], keys.aliases)
    _contexts(conn, [row for row in rows if (row["article_id"], row["local_id"]) not in new_anchors], old, some=True)
    moved: dict[str, set | None] = {}
    for row in rows:
        name = _full_name(row)
        if (row["article_id"], row["local_id"]) in new_anchors and name:
            if keys.titles[name] != old.titles.get(name, set()):
                moved[name] = None  # a title it never had: every surname of it may read differently
            elif moved.get(name, set()) is not None and _day_of(row["published"]) is not None:
                moved.setdefault(name, set()).add(_day_of(row["published"]))
    for row in gone:
        if name := _full_name(row):
            moved[name] = None  # what it took (its day, its titles) is not kept: read every surname again
    return moved


def _surnames_near(conn: sqlite3.Connection, moved: dict[str, set | None]) -> list:
    """The mentions of a surname written alone that read a moved full name within the period it looks at."""
    tokens = {"d:" + name: name for name in moved}
    readers: dict[str, set[str]] = defaultdict(set)  # a surname's spelling -> the moved full names it reads
    for chunk in chunks(sorted(tokens)):
        for token, name in conn.execute(
            f"SELECT token, name FROM actor_name_tokens WHERE token IN ({marks(chunk)})", chunk
        ):
            readers[name].add(tokens[token])
    found = []
    for row in _mentions(conn, "name", readers):
        day = _day_of(row["published"])
        for full_name in readers[row["name"]]:
            days = moved[full_name]
            if days is None or day is None or any(abs((day - moved_on).days) <= PERIOD_DAYS for moved_on in days):
                found.append(row)
                break
    return found


def _holders_of(conn: sqlite3.Connection, key_of: dict[int, str], names: set[str]) -> set[str]:
    """The actors holding a current role in one of these institutions (their organisation may change)."""
    found: set[str] = set()
    for chunk in chunks(sorted(names)):
        found |= {
            key_of[row[0]]
            for row in conn.execute(
                "SELECT DISTINCT aa.actor_id FROM roles r JOIN article_actors aa ON aa.article_id = r.article_id "
                f"AND aa.local_id = r.local_actor WHERE r.former = 0 AND r.institution IN ({marks(chunk)})",
                chunk,
            )
            if row[0] in key_of
        }
    return found


def _count(conn, keys: NameKeys, aliases: Aliases, touched: set[str], redo, decided, held, speaker_keys, corrected):
    """Each touched actor's row as the full resolution writes it (None: it has no mention left)."""
    key_of = {actor_id: key for key, actor_id in held.items()}
    mentions: dict[str, list] = defaultdict(list)  # key -> (order, row, own) of its mentions
    for row in _mentions(conn, "actor_id", [held[key] for key in touched if key in held]):
        if (row["article_id"], row["local_id"]) not in redo:
            own = row["resolved_by"] != "merged by a reviewer"
            mentions[key_of[row["actor_id"]]].append((_order(row), row, own))
    for anchor, (key, _, own) in decided.items():
        if key in touched:
            mentions[key].append((_order(redo[anchor]), redo[anchor], own))
    named = defaultdict(list)
    for row in corrected:
        named[speaker_keys[(row["article_key"], row["quote_start"])]].append(row)
    shown: dict[str, str] = {}
    for key in touched:
        names, own_names = Counter(), Counter()
        for _, row, own in mentions[key]:
            names[row["name"]] += 1
            own_names[row["name"]] += own
        for row in named[key]:
            names[row["speaker_name"]] += 0
        if names:
            shown[key] = display(key, aliases, +own_names or names)
    stored = {key: name for key, name in conn.execute("SELECT key, name FROM actors")}
    roles = _roles(conn, {(row["article_id"], row["local_id"]): key for key in touched for _, row, _ in mentions[key]})
    taken = set(held.values())
    rows: dict[str, tuple | None] = {}
    for key in sorted(touched):
        if key not in shown:
            rows[key] = None
            continue
        found = sorted(mentions[key], key=lambda item: item[0])
        kind = (
            actor_type(key, found[0][1]["type"])
            if found
            else ("person" if key.startswith("person:") else named[key][0]["speaker_type"])
        )
        counted = Counter()
        for institution in roles.get(key, []):
            body = keys.key(institution, ORGANIZATION)
            counted[(shown.get(body) if body in touched else stored.get(body)) or institution] += 1
        genders = Counter(row["gender"] for _, row, _ in found if row["gender"])
        gender, source = actor_gender(genders, shown[key]) if kind == "person" else (None, None)
        actor_id = held.get(key)
        if actor_id is None:
            actor_id = stable_id(key, taken)
            taken.add(actor_id)
        organization = counted.most_common(1)[0][0] if counted else None
        rows[key] = (actor_id, shown[key], kind, key, organization, gender, source)
    return rows


def _roles(conn: sqlite3.Connection, anchors: dict[tuple[str, str], str]) -> dict[str, list[str]]:
    """The institutions of the current roles of these mentions, by their actor's key, in stored order."""
    held: list[tuple[int, str, str]] = []
    for chunk in chunks(sorted({article_id for article_id, _ in anchors})):
        for position, article_id, local_actor, institution in conn.execute(
            "SELECT rowid, article_id, local_actor, institution FROM roles WHERE institution IS NOT NULL "
            f"AND former = 0 AND article_id IN ({marks(chunk)})",
            chunk,
        ):
            key = anchors.get((article_id, local_actor))
            if key is not None:
                held.append((position, key, institution))
    found: dict[str, list[str]] = defaultdict(list)
    for _, key, institution in sorted(held):
        found[key].append(institution)
    return found
