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
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

from .actor_tokens import (
    consulted,
    contributed,
    names_reading,
    remember_resolved,
    resolved_places,
    resolved_with,
    store_tokens,
)
from .actors import (
    Resolution,
    _contexts,
    _day_of,
    _shown,
    _store_name_parts,
    _stored_name_parts,
    _title_words,
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
from .merging import ORGANIZATION, PERIOD_DAYS, NameKeys, merge_kind, mostly_places
from .names import normalize, person_key
from .store.db import chunks, marks
from .store.lookup import StoreLookup
from .stored_actors import StoredIds, stored_lookup, stored_places
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
        return _resolution(conn, aliases, lambda: _index(conn, _distinct(conn), corrected, aliases), set())
    distinct = _distinct(conn)
    keys = _index(conn, distinct, corrected, aliases)
    held, key_of = stored_lookup(conn, "key", "id"), stored_lookup(conn, "id", "key")
    changed = set().union(*(contributed(keys, name, kind) for name, kind in _entering_or_leaving(conn, new, gone)))
    # a name now mostly read as a place, or no longer: the bodies named after it are decided again
    changed |= set().union(*(contributed(keys, name, ORGANIZATION) for name in keys.places ^ resolved_places(conn)))
    affected = names_reading(conn, changed)
    redo = {(row["article_id"], row["local_id"]): row for row in _mentions(conn, "name", affected)}
    deciding = affected | {row["name"] for row in new} | _surnames_alone(conn, new, gone)
    deciding |= {row["speaker_name"] for row in corrected}  # decided again every time: what they read is learnt
    wanted = {token[2:] for name in deciding for token in consulted(keys, name)}
    wanted |= {name for row in [*new, *gone] if (name := _full_name(row))}
    changed_days = _learn_full_names(conn, keys, wanted, distinct, new, gone)
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
    corrected_ids = [row[0] for row in conn.execute("SELECT actor_id FROM quote_corrections")]
    key_of.read([row["actor_id"] for row in [*redo.values(), *gone]] + corrected_ids)
    touched |= {key_of[row["actor_id"]] for row in [*redo.values(), *gone] if row["actor_id"] in key_of}
    touched |= {key_of[actor_id] for actor_id in corrected_ids if actor_id in key_of}
    holders = _holders_of(conn, key_of, affected)
    touched |= holders
    actors = _count(conn, keys, aliases, touched, redo, decided, held, speaker_keys, corrected)
    # An organisation shown by another name changes the organisation of whoever holds an office in it.
    renamed = {key for key, row in actors.items() if row and key in held and _name(conn, held[key]) != row[1]}
    more = _holders_of(conn, key_of, {i for i in institutions(conn) if keys.key(i, ORGANIZATION) in renamed})
    if more - touched:
        touched |= more
        actors = _count(conn, keys, aliases, touched, redo, decided, held, speaker_keys, corrected)
    shown_as = {  # the name and type of each recounted actor before this run (its mentions' voices read them)
        row[0]: tuple(row[1:])
        for chunk in chunks(sorted(held[key] for key in actors if key in held))
        for row in conn.execute(f"SELECT id, name, type FROM actors WHERE id IN ({marks(chunk)})", chunk)
    }
    before = {key: held[key] for key in touched if key in held}  # the ids the touched actors had
    with conn:
        conn.execute("BEGIN")
        _store_name_parts(conn, stored)
        for chunk in chunks(sorted(before[key] for key, row in actors.items() if row is None and key in before)):
            conn.execute(f"DELETE FROM actors WHERE id IN ({marks(chunk)})", chunk)
        _write_actors(conn, [row for row in actors.values() if row is not None], replace_all=False)
        ids = {**before, **{key: row[0] for key, row in actors.items() if row is not None}}
        conn.executemany(
            "UPDATE article_actors SET actor_id = ?, resolved_by = ? WHERE article_id = ? AND local_id = ?",
            [
                (ids[key], rule, *anchor)
                for anchor, (key, rule, _) in decided.items()
                if (redo[anchor]["actor_id"], redo[anchor]["resolved_by"]) != (ids[key], rule)
            ],
        )
        live = StoredIds(conn)
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
        remember_resolved(conn, aliases, keys.places)
        touched_ids = set(before.values()) | {ids[key] for key in touched if key in ids}
        moved = {
            anchor: (redo[anchor]["actor_id"], ids[key])
            for anchor, (key, _, _) in decided.items()
            if redo[anchor]["actor_id"] != ids[key]
        }
        reread = _rereading(conn, moved)
        reread |= {row["actor_id"] for row in gone}  # what they took is not kept: every mention reads again
        reread |= {before[key] for key in holders | more if key in before}
        reread |= {row[0] for row in actors.values() if row is not None and shown_as.get(row[0]) != row[1:3]}
        # Kept until the article voices stage has set them: an interrupted rebuild resumes there.
        conn.executemany("INSERT OR IGNORE INTO article_voices_pending VALUES (?)", [(i,) for i in touched_ids])
        if touched_ids:
            bump_version(conn)  # the pages cached from the summaries name these actors
    resolution = _resolution(conn, aliases, lambda: keys, touched_ids)
    return replace(resolution, reread=reread & touched_ids, moved=set(moved))


def _rereading(conn: sqlite3.Connection, moved: dict[tuple[str, str], tuple]) -> set[int]:
    """The actors a moved mention with a current role left or joined (anchor -> (old actor, new
    actor)): the nearest-role rule of every one of their mentions reads it."""
    found: set[int] = set()
    for chunk in chunks(sorted({anchor[0] for anchor in moved})):
        for anchor in conn.execute(
            "SELECT DISTINCT article_id, local_actor FROM roles WHERE institution IS NOT NULL AND former = 0 "
            f"AND article_id IN ({marks(chunk)})",
            chunk,
        ):
            found.update(moved.get(tuple(anchor), ()))
    return found - {None}


def _index(conn: sqlite3.Connection, distinct, corrected, aliases: Aliases) -> NameKeys:
    """The merge index of every name the store holds and the reviewers named."""
    return NameKeys(
        [(name, merge_kind(kind, name)) for name, kind in distinct if merge_kind(kind)]
        + [(row["speaker_name"], merge_kind(row["speaker_type"])) for row in corrected],
        aliases,
        mostly_places(stored_places(conn)),
    )


def _distinct(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT DISTINCT name, type FROM article_actors").fetchall()


def _resolution(conn: sqlite3.Connection, aliases: Aliases, index, touched: set[int]) -> Resolution:
    """What the article voices stage reads, the merge index (`index()`) built only when it is read."""
    keys = cache(index)
    displays: dict[str, str] = {}

    def shown(name: str) -> str:
        if not displays:
            displays.update(conn.execute("SELECT key, name FROM actors").fetchall())
        return _shown(name, keys(), displays)

    overrides = _voice_overrides(aliases, keys(), stored_lookup(conn, "key", "id")) if aliases.voices else {}
    return Resolution(conn.execute("SELECT count(*) FROM actors").fetchone()[0], overrides, shown, touched=touched)


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


def _learn_full_names(conn, keys: NameKeys, wanted: set[str], distinct, new, gone) -> dict[str, set | None]:
    """Set on `keys` the days and role titles of the `wanted` full names; return, for each full name
    whose days or titles the changes moved, the days they moved on (None: any day may read differently).
    Summed by SQL: the full names a day's articles make the surnames read are most of a store's."""
    spellings = sorted(
        name
        for name, kind in distinct
        if kind == "person" and len(normalize(name).split()) > 1 and person_key(name) in wanted
    )
    earlier: dict[str, set[str]] = defaultdict(set)  # the title words each full name had before the changes
    for chunk in chunks(spellings):
        mentions = f"aa.type = 'person' AND aa.name IN ({marks(chunk)})"
        for name, day, count in conn.execute(
            "SELECT aa.name, substr(a.published, 1, 10), count(*) FROM article_actors aa JOIN articles a "
            f"ON a.id = aa.article_id WHERE {mentions} GROUP BY aa.name, substr(a.published, 1, 10)",
            chunk,
        ):
            if (day := _day_of(day)) is not None:
                keys.seen[person_key(name)].extend([day] * count)
        for name, title, unset in conn.execute(
            "SELECT DISTINCT aa.name, r.title, aa.actor_id IS NULL FROM roles r JOIN article_actors aa "
            f"ON aa.article_id = r.article_id AND aa.local_id = r.local_actor WHERE {mentions}",
            chunk,
        ):
            words = _title_words(title)
            keys.titles[person_key(name)] |= words
            if not unset:
                earlier[person_key(name)] |= words
    for days in keys.seen.values():
        days.sort()
    moved: dict[str, set | None] = {}
    for row in new:  # (those not fetched above, whose names are not wanted, move nothing read)
        name = _full_name(row)
        if name is None or name not in wanted:
            continue
        if keys.titles[name] - earlier[name]:
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
    anywhen = {name for name, read in readers.items() if any(moved[full] is None for full in read)}
    days = [day for name, read in readers.items() if name not in anywhen for full in read for day in moved[full]]
    rows = _mentions(conn, "name", anywhen)
    if days:
        rows += _mentions_between(conn, set(readers) - anywhen, min(days), max(days))
    found = []
    for row in rows:
        day = _day_of(row["published"])
        for full_name in readers[row["name"]]:
            days = moved[full_name]
            if days is None or day is None or any(abs((day - moved_on).days) <= PERIOD_DAYS for moved_on in days):
                found.append(row)
                break
    return found


def _mentions_between(conn: sqlite3.Connection, names: set[str], first: date, last: date) -> list[sqlite3.Row]:
    """The mentions of these names published within PERIOD_DAYS of first..last, and those whose day
    cannot be read (every mention the day check keeps; it still decides)."""
    low, high = (first - timedelta(days=PERIOD_DAYS)).isoformat(), (last + timedelta(days=PERIOD_DAYS)).isoformat()
    day = "substr(a.published, 1, 10)"
    found = []
    for chunk in chunks(sorted(names)):
        found += conn.execute(
            f"{_MENTION} WHERE aa.name IN ({marks(chunk)}) AND ({day} BETWEEN ? AND ? OR a.published IS NULL "
            f"OR date({day}) IS NOT {day})",
            [*chunk, low, high],
        ).fetchall()
    return found


def _holders_of(conn: sqlite3.Connection, key_of: StoreLookup, names: set[str]) -> set[str]:
    """The actors holding a current role in one of these institutions (their organisation may change)."""
    holders = [
        row[0]
        for chunk in chunks(sorted(names))
        for row in conn.execute(
            "SELECT DISTINCT aa.actor_id FROM roles r JOIN article_actors aa ON aa.article_id = r.article_id "
            f"AND aa.local_id = r.local_actor WHERE r.former = 0 AND r.institution IN ({marks(chunk)})",
            chunk,
        )
    ]
    key_of.read(holders)
    return {key_of[actor_id] for actor_id in holders if actor_id in key_of}


@dataclass
class _Tally:
    """What an actor's row is made of, over its mentions: the spellings (all, and those not merged by
    a reviewer), the first mention in the full resolution's order, the genders told, and the
    institutions of its current roles with the position of their first role (ties go to the first)."""

    names: Counter = field(default_factory=Counter)
    own: Counter = field(default_factory=Counter)
    first: tuple | None = None  # (order, mention type)
    genders: Counter = field(default_factory=Counter)
    institutions: dict[str, list[int]] = field(default_factory=dict)  # institution -> [count, first rowid]

    def mention(self, order: tuple, name: str, kind: str, own: bool, gender: str | None) -> None:
        self.names[name] += 1
        self.own[name] += own
        if self.first is None or order < self.first[0]:
            self.first = (order, kind)
        if gender:
            self.genders[gender] += 1

    def institution(self, name: str, count: int, position: int) -> None:
        _add_held(self.institutions, name, count, position)


def _add_held(held: dict[str, list[int]], name: str, count: int, position: int) -> None:
    """Count `name` in `held` (name -> [count, first position])."""
    found = held.setdefault(name, [0, position])
    found[0] += count
    found[1] = min(found[1], position)


_OUTSIDE_REDO = "NOT EXISTS (SELECT 1 FROM temp.redo r WHERE r.article_id = aa.article_id AND r.local_id = aa.local_id)"


def _stored_tallies(conn: sqlite3.Connection, key_of: dict[int, str], redo) -> dict[str, _Tally]:
    """The tallies of these actors' stored mentions, but those decided again, summed by SQL: an actor
    a day's articles touch may hold a tenth of the store, and its rows are never read one by one."""
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS redo (article_id TEXT, local_id TEXT, PRIMARY KEY (article_id, local_id))"
    )
    conn.execute("DELETE FROM temp.redo")
    conn.executemany("INSERT INTO temp.redo VALUES (?, ?)", list(redo))
    for chunk in chunks(sorted(key_of)):
        where = f"aa.actor_id IN ({marks(chunk)}) AND {_OUTSIDE_REDO}"
        for actor_id, name, gender, count, merged in conn.execute(
            "SELECT aa.actor_id, aa.name, aa.gender, count(*), "
            "sum(aa.resolved_by IS 'merged by a reviewer') FROM article_actors aa "
            f"WHERE {where} GROUP BY aa.actor_id, aa.name, aa.gender",
            chunk,
        ):
            tally = tallies[key_of[actor_id]]
            tally.names[name] += count
            tally.own[name] += count - merged
            if gender:
                tally.genders[gender] += count
        for actor_id, institution, count, position in conn.execute(
            "SELECT aa.actor_id, r.institution, count(*), min(r.rowid) FROM roles r JOIN article_actors aa "
            "ON aa.article_id = r.article_id AND aa.local_id = r.local_actor WHERE r.institution IS NOT NULL "
            f"AND r.former = 0 AND {where} GROUP BY aa.actor_id, r.institution",
            chunk,
        ):
            tallies[key_of[actor_id]].institution(institution, count, position)
    for actor_id, key in key_of.items():
        if key.startswith("person:"):
            continue  # a person's type is the key's, whatever its first mention says
        row = conn.execute(
            f"{_MENTION} WHERE aa.actor_id = ? AND {_OUTSIDE_REDO} "
            "ORDER BY a.published IS NULL, coalesce(a.published, ''), a.key, aa.rowid LIMIT 1",
            (actor_id,),
        ).fetchone()
        if row is not None:
            tallies[key].first = (_order(row), row["type"])
    conn.execute("DELETE FROM temp.redo")
    return tallies


def _count(conn, keys: NameKeys, aliases: Aliases, touched: set[str], redo, decided, held, speaker_keys, corrected):
    """Each touched actor's row as the full resolution writes it (None: it has no mention left)."""
    held.read(touched)
    tallies = _stored_tallies(conn, {held[key]: key for key in touched if key in held}, redo)
    for anchor, (key, _, own) in decided.items():
        if key in touched:
            row = redo[anchor]
            tallies[key].mention(_order(row), row["name"], row["type"], own, row["gender"])
    for position, key, institution in _role_rows(
        conn, {anchor: key for anchor, (key, _, _) in decided.items() if key in touched}
    ):
        tallies[key].institution(institution, 1, position)
    named = defaultdict(list)
    for row in corrected:
        named[speaker_keys[(row["article_key"], row["quote_start"])]].append(row)
    shown: dict[str, str] = {}
    for key in touched:
        tally = tallies.get(key, _Tally())
        names = Counter(tally.names)
        for row in named[key]:
            names.setdefault(row["speaker_name"], 0)
        if names:
            shown[key] = display(key, aliases, +tally.own or names)
    stored = stored_lookup(conn, "key", "name")
    taken = StoredIds(conn)
    rows: dict[str, tuple | None] = {}
    for key in sorted(touched):
        if key not in shown:
            rows[key] = None
            continue
        tally = tallies.get(key, _Tally())
        kind = (
            actor_type(key, tally.first[1])
            if tally.first
            else ("person" if key.startswith("person:") else named[key][0]["speaker_type"])
        )
        counted: dict[str, list[int]] = {}  # shown institution -> [count, first rowid]
        for institution, (count, position) in tally.institutions.items():
            body = keys.key(institution, ORGANIZATION)
            _add_held(
                counted, (shown.get(body) if body in touched else stored.get(body)) or institution, count, position
            )
        gender, source = actor_gender(tally.genders, shown[key]) if kind == "person" else (None, None)
        actor_id = held.get(key)
        if actor_id is None:
            actor_id = stable_id(key, taken)
            taken.add(actor_id)
        organization = min(counted, key=lambda name: (-counted[name][0], counted[name][1])) if counted else None
        rows[key] = (actor_id, shown[key], kind, key, organization, gender, source)
    return rows


def _role_rows(conn: sqlite3.Connection, anchors: dict[tuple[str, str], str]) -> list[tuple[int, str, str]]:
    """(position, actor key, institution) of the current roles of these mentions."""
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
    return held
