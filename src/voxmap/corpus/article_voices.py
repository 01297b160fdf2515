"""The voice each speaker speaks with in each article, at the time of that article.

For a person, in order (the rule that decided is stored beside the voice):
1. `alias file`: a `[[voice]]` override of the alias file for that actor, in its date range;
1b. `knowledge`: the voice a fact of the actor's knowledge entry gives at the article's date (an office
   held: President of the United States → White House; else a party or organisation membership); a
   role the article writes that says otherwise loses to it;
2. `role here`: the institution of a current role written in that article ("Secretary of State John
   Kerry" → State Department; "former", "then-", "ancien" never make one; a place is never one);
3. `role nearby`: the institution the speaker's current roles name in the most of their other articles
   within `NEARBY_DAYS` days (one stray role does not outvote a campaign's worth; ties go to the nearest);
4. `speaker`: none of these: the person speaks for themself.
An organisation or a group speaks for itself, under the name its institution is known by ("GOP" →
Republican Party). Anonymous sources share one voice; unknown speakers have none.
"""

from __future__ import annotations

import json
import sqlite3
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from ..extract.language import LANGUAGES
from ..extract.offices import institution_named, institution_names, load_voice_rules, place_no_voice
from ..knowledge.base import Entry
from ..knowledge.link import load_entry
from .corrections import remember, remembered
from .store.db import chunks, marks

NEARBY_DAYS = 30
VOICES_OF_ALL = "article_voices_of_all"  # "1": a full resolution ran since the article voices were set
HOLDERS = "office_holders"  # the holders of places' offices the article voices were last set with


@dataclass(frozen=True)
class VoiceOverride:
    actor: str  # the actor's name as the alias file writes it (normalized when compared)
    voice: str
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None

    def covers(self, published: str | None) -> bool:
        day = (published or "")[:10]
        if not day:
            return self.since is None and self.until is None
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def assign_voices(
    conn: sqlite3.Connection,
    overrides: dict[int, list[VoiceOverride]] | None = None,
    shown: Callable[[str], str] = lambda name: name,
    actors: set[int] | None = None,
    reread: set[int] | None = None,
    moved: set[tuple[str, str]] | None = None,
) -> None:
    """Set article_actors.voice and .voice_rule for every named actor; `overrides` by corpus actor id;
    `shown`: the name an institution has as a corpus actor ("syndicat Unité Santé" is "Unité Santé");
    `actors`: only the mentions of these actors (those the actors stage touched: a voice reads its own
    article and its actor's other articles), unless the holders of a place's office changed; of them,
    when `reread` and `moved` are given, every mention of `reread` and the `moved` mentions only (the
    other touched actors' mentions read nothing that changed)."""
    overrides = overrides or {}
    institutions = institution_names()
    role_rows = conn.execute(
        "SELECT r.article_id, r.local_actor, r.title, r.institution, aa.actor_id, a.published FROM roles r "
        "LEFT JOIN article_actors aa ON aa.article_id = r.article_id AND aa.local_id = r.local_actor "
        "JOIN articles a ON a.id = r.article_id WHERE r.institution IS NOT NULL AND r.former = 0 ORDER BY r.rowid"
    ).fetchall()
    holder = _office_holders(role_rows, {(r["article_id"], r["local_actor"]): r["actor_id"] for r in role_rows})
    held = json.dumps(sorted(holder.items()))
    if remembered(conn, HOLDERS) != held or remembered(conn, VOICES_OF_ALL) == "1":
        actors = None
    elif actors is not None:  # and those an interrupted rebuild left
        left = {row[0] for row in conn.execute("SELECT actor_id FROM article_voices_pending")} - actors
        if reread is not None and moved is not None:
            # Linked to the knowledge file: a link may have moved with the mentions.
            actors = reread | left | _linked(conn, actors)
        else:
            actors, moved = actors | left, None
    query = (
        "SELECT aa.article_id, aa.local_id, aa.actor_id, aa.voice, aa.voice_rule, aa.place, ac.type, ac.name, ac.knowledge_id, "
        "a.published, a.language FROM article_actors aa "
        "JOIN actors ac ON ac.id = aa.actor_id JOIN articles a ON a.id = aa.article_id"
    )
    if actors is None:
        rows = conn.execute(query).fetchall()
    else:
        rows = []
        for chunk in chunks(sorted(actors)):
            rows += conn.execute(f"{query} WHERE aa.actor_id IN ({marks(chunk)})", chunk).fetchall()
        read = {(row["article_id"], row["local_id"]) for row in rows}
        for chunk in chunks(sorted({anchor[0] for anchor in moved or ()})):
            rows += [
                row
                for row in conn.execute(f"{query} WHERE aa.article_id IN ({marks(chunk)})", chunk)
                if (row["article_id"], row["local_id"]) in moved and (row["article_id"], row["local_id"]) not in read
            ]
    # Every current role of the actors read (the nearest-role rule reads all of an actor's roles).
    read_actors = {row["actor_id"] for row in rows}
    roles = [role for role in role_rows if role["actor_id"] in read_actors]
    written = {(role["article_id"], role["local_actor"]): (role["actor_id"], _day(role["published"])) for role in roles}
    known = set(institutions.values())
    here: dict[tuple[str, str], str] = {}
    counted: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for role in roles:
        anchor = (role["article_id"], role["local_actor"])
        if role["institution"] in holder and holder[role["institution"]] != role["actor_id"]:
            continue  # "New York City Mayor Rudy Giuliani" in 2016: the office has another holder
        institution = role["institution"]
        # The rules' name for a known institution ("Republican Party"); else the corpus actor's name.
        counted[anchor][institution if institution in known else shown(institution)] += 1
    for anchor, counter in counted.items():
        here[anchor] = counter.most_common(1)[0][0]
    # Per actor, the days on which a current role was written, in order, for the nearest-article rule.
    people = {row["actor_id"] for row in rows if row["type"] == "person"}
    dated: dict[int, list[tuple[date, str]]] = defaultdict(list)
    for anchor, voice in here.items():
        actor, day = written[anchor]
        if actor in people and day:
            dated[actor].append((day, voice))
    for entries in dated.values():
        entries.sort()
    entries = _entries(conn)
    updates = []
    for row in rows:
        anchor = (row["article_id"], row["local_id"])
        if row["place"] and row["language"] in place_no_voice():
            voice, rule = None, "place"  # "the mayor of Fort Pierce" speaks for her office; "Fort Pierce" for no one
        elif row["type"] in ("organization", "group"):
            voice, rule = institution_named(row["name"], row["language"]) or row["name"], "organization"
        elif row["type"] == "person":
            voice, rule = _person_voice(
                row,
                here.get(anchor),
                dated.get(row["actor_id"], []),
                overrides.get(row["actor_id"], []),
                entries.get(row["knowledge_id"]),
            )
        else:
            voice, rule = None, None
        if (voice, rule) != (
            row["voice"],
            row["voice_rule"],
        ):  # only what changed: the voices stage redoes their articles
            updates.append((voice, rule, *anchor))
    with conn:
        conn.execute("BEGIN")
        conn.execute(
            "UPDATE article_actors SET voice = NULL, voice_rule = NULL WHERE actor_id IS NULL AND voice IS NOT NULL"
        )
        conn.executemany(
            "UPDATE article_actors SET voice = ?, voice_rule = ? WHERE article_id = ? AND local_id = ?", updates
        )
        remember(conn, HOLDERS, held)
        remember(conn, VOICES_OF_ALL, "0")
        conn.execute("DELETE FROM article_voices_pending")


def _office_holders(roles, actor_of: dict[tuple[str, str], int]) -> dict[str, int]:
    """A place's office ("Office of the Mayor of New York City", "mairie de Lyon": voices.toml's
    place offices) and the actor that holds it in the most articles: such an office is held by one
    person at a time, so another given it (a predecessor written without "former") does not speak for it."""
    prefixes = tuple(
        template.split("{place}")[0]
        for language in LANGUAGES
        for template in load_voice_rules(language).place_offices.values()
    )
    articles: dict[str, Counter] = defaultdict(Counter)
    seen: set[tuple[str, str, str]] = set()
    for role in roles:
        actor = actor_of.get((role["article_id"], role["local_actor"]))
        if (
            actor is None
            or not role["institution"].startswith(prefixes)
            or (role["institution"], role["article_id"], str(actor)) in seen
        ):
            continue
        seen.add((role["institution"], role["article_id"], str(actor)))
        articles[role["institution"]][actor] += 1
    return {institution: counter.most_common(1)[0][0] for institution, counter in articles.items() if len(counter) > 1}


def _linked(conn: sqlite3.Connection, actors: set[int]) -> set[int]:
    """Those of these actors linked to a knowledge entry."""
    return {
        row[0]
        for chunk in chunks(sorted(actors))
        for row in conn.execute(
            f"SELECT id FROM actors WHERE knowledge_id IS NOT NULL AND id IN ({marks(chunk)})", chunk
        )
    }


def _entries(conn: sqlite3.Connection) -> dict[str, Entry]:
    """The knowledge entries some actor is linked to."""
    return {
        entry_id: entry
        for (entry_id,) in conn.execute("SELECT DISTINCT knowledge_id FROM actors WHERE knowledge_id IS NOT NULL")
        if (entry := load_entry(conn, entry_id)) is not None
    }


def _person_voice(
    row: sqlite3.Row,
    written_here: str | None,
    dated: list[tuple[date, str]],
    overrides: list[VoiceOverride],
    entry: Entry | None = None,
) -> tuple[str, str]:
    override = next((o for o in overrides if o.covers(row["published"])), None)
    if override is not None:
        return override.voice, "alias file"
    known = entry.voice_on((row["published"] or "")[:10]) if entry else None
    if known is not None:
        voice, fact = known
        rule = (
            f"knowledge ({fact.title or fact.kind}, {fact.start or '…'}–{fact.end or '…'}, {fact.source or entry.id})"
        )
        if written_here and written_here != voice:
            rule += f" over the role written here ({written_here})"  # the actor page shows both
        return voice, rule
    if written_here:
        return written_here, "role here"
    day = _day(row["published"])
    if day is not None and dated:
        near = dated[
            bisect_left(dated, (day - timedelta(days=NEARBY_DAYS), "")) : bisect_right(
                dated, (day + timedelta(days=NEARBY_DAYS), "\uffff")
            )
        ]
        if near:
            counts = Counter(voice for _, voice in near)
            top = max(counts.values())
            nearest = min(
                (entry for entry in near if counts[entry[1]] == top),
                key=lambda entry: (abs((entry[0] - day).days), entry[0]),
            )
            return nearest[1], f"role nearby ({nearest[0].isoformat()}, {top} of {len(near)} articles)"
    return row["name"], "speaker"
