"""Knowledge from the sources users have: the congress-legislators YAML (public domain: US presidents,
vice presidents and members of Congress with dated terms, party and gender), Wikidata entity JSON
(the dump's one-entity-a-line format, plain or bz2: P39 positions with P580/P582, P102 parties, P21
gender, labels and aliases in English and French), and a CSV a person writes by hand
(`name,aliases,gender,title,institution,since,until`, plus an optional `wikidata` column)."""

from __future__ import annotations

import bz2
import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..extract.offices import institution_names
from .base import Entry, Fact, KnowledgeError

CONGRESS_FILES = ("executive.yaml", "legislators-current.yaml", "legislators-historical.yaml")
# What an executive term's holder speaks for (a seat in Congress speaks for the holder's party).
EXECUTIVE = {
    "prez": ("President of the United States", "White House"),
    "viceprez": ("Vice President of the United States", "White House"),
}
SEATS = {"sen": ("United States Senator", "United States Senate"), "rep": ("United States Representative",
         "House of Representatives")}  # fmt: skip
GENDER_CODES = {"F": "feminine", "M": "masculine", "Q6581072": "feminine", "Q6581097": "masculine",
                "female": "feminine", "male": "masculine", "f": "feminine", "m": "masculine",
                "feminine": "feminine", "masculine": "masculine", "femme": "feminine", "homme": "masculine"}  # fmt: skip


def party_voice(party: str | None) -> str | None:
    """'Democrat' → 'Democratic Party', 'Republican' → 'Republican Party'; independents speak for no party."""
    if not party or party.lower() in ("independent", "no party", "none"):
        return None
    names = institution_names()
    for written in (party, f"{party} party", party.replace("Democrat", "Democratic") + " party"):
        shown = names.get(written.lower())
        if shown:
            return shown
    return party if party.lower().endswith("party") else f"{party} Party"


def from_congress(folder: str | Path) -> list[Entry]:
    """Entries from a congress-legislators folder (or one of its YAML files)."""
    import yaml

    folder = Path(folder)
    files = [folder] if folder.is_file() else [folder / name for name in CONGRESS_FILES if (folder / name).is_file()]
    if not files:
        raise KnowledgeError(
            f"no congress-legislators YAML in {folder}", f"Expected one of {', '.join(CONGRESS_FILES)}."
        )
    entries: dict[str, Entry] = {}
    for path in files:
        for person in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            entry = _congress_entry(person, path.name)
            if entry.id in entries:  # a president who sat in Congress: one entry, every fact
                entries[entry.id].facts += [f for f in entry.facts if f not in entries[entry.id].facts]
            else:
                entries[entry.id] = entry
    return list(entries.values())


def _congress_entry(person: dict, source: str) -> Entry:
    ids, name, bio = person.get("id", {}), person.get("name", {}), person.get("bio", {})
    entry_id = ids.get("wikidata") or f"bioguide:{ids.get('bioguide') or ids.get('govtrack')}"
    first, last, suffix = name.get("first", ""), name.get("last", ""), name.get("suffix")
    names = [
        name.get("official_full"),
        f"{first} {last}".strip(),
        f"{name.get('nickname')} {last}" if name.get("nickname") else None,
        # "Joseph R. Biden Jr.": the press writes the suffix, which tells a son from his father
        f"{first} {last} {suffix}" if suffix else None,
    ]
    facts = []
    for term in person.get("terms", []):
        start, end = term.get("start"), term.get("end")
        if term.get("type") in EXECUTIVE:
            title, institution = EXECUTIVE[term["type"]]
            facts.append(Fact("position", institution, title, institution, start, end, None, source))
        elif term.get("type") in SEATS:
            title, institution = SEATS[term["type"]]
            facts.append(Fact("position", institution, f"{title} from {term.get('state', '')}".strip(), None, start, end,
                              None, source))  # fmt: skip
        party = party_voice(term.get("party"))
        if party:
            facts.append(Fact("party", party, None, party, start, end, None, source))
    return Entry(
        entry_id,
        "person",
        {"en": [n for n in dict.fromkeys(filter(None, names))]},
        GENDER_CODES.get(bio.get("gender", "")),
        _merged_spans(facts),
        source,
    )


# Terms a few days apart (a Congress ends on January 3, the next sits on the 5th) are one span.
TERM_GAP_DAYS = 31


def _days_between(earlier: str, later: str) -> int:
    from datetime import date

    try:
        return (date.fromisoformat(later[:10]) - date.fromisoformat(earlier[:10])).days
    except ValueError:
        return TERM_GAP_DAYS + 1


def _merged_spans(facts: list[Fact]) -> list[Fact]:
    """Consecutive terms of one fact (a senator re-elected, a party kept) as one span."""
    merged: list[Fact] = []
    for fact in sorted(facts, key=lambda f: (f.kind, f.institution or "", f.title or "", f.start or "")):
        last = merged[-1] if merged else None
        if (
            last
            and (last.kind, last.institution, last.title, last.voice)
            == (fact.kind, fact.institution, fact.title, fact.voice)
            and last.end is not None
            and fact.start is not None
            and _days_between(last.end, fact.start) <= TERM_GAP_DAYS
        ):
            merged[-1] = Fact(last.kind, last.institution, last.title, last.voice, last.start, max(last.end, fact.end or ""),
                              last.institution_id, last.source)  # fmt: skip
        else:
            merged.append(fact)
    return merged


def _wikidata_lines(path: Path) -> Iterator[dict]:
    opener = bz2.open if path.suffix == ".bz2" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            line = line.strip().rstrip(",")
            if line in ("", "[", "]"):
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                continue  # a dump's damaged line costs that entity only


def _value_id(snak: dict) -> str | None:
    value = snak.get("datavalue", {}).get("value")
    return value.get("id") if isinstance(value, dict) else None


def _time(snaks: list[dict]) -> str | None:
    for snak in snaks:
        value = snak.get("datavalue", {}).get("value")
        if isinstance(value, dict) and value.get("time"):
            day = value["time"].lstrip("+")[:10]
            return day.replace("-00", "-01")  # a year or a month alone: its first day
    return None


def from_wikidata(path: str | Path, languages: tuple[str, ...] = ("en", "fr")) -> list[Entry]:
    """Entries for the humans (P31 = Q5) and organisations of a Wikidata entity dump: labels and aliases,
    gender (P21), positions held (P39, with P580 start, P582 end, P642 "of") and parties (P102)."""
    entities = list(_wikidata_lines(Path(path)))
    labels = {
        entity.get("id"): next(
            (entity["labels"][lang]["value"] for lang in languages if lang in entity.get("labels", {})), None
        )
        for entity in entities
    }
    entries = []
    for entity in entities:
        claims = entity.get("claims", {})
        kinds = {_value_id(claim["mainsnak"]) for claim in claims.get("P31", [])}
        if "Q5" not in kinds:
            continue
        own = entity.get("labels", {})
        names = {
            lang: ([own[lang]["value"]] if lang in own else [])
            + [alias["value"] for alias in entity.get("aliases", {}).get(lang, [])]
            for lang in languages
        }
        gender = next((GENDER_CODES.get(_value_id(c["mainsnak"]) or "") for c in claims.get("P21", [])), None)
        facts = []
        for prop, kind in (("P39", "position"), ("P102", "party")):
            for claim in claims.get(prop, []):
                target = _value_id(claim["mainsnak"])
                qualifiers = claim.get("qualifiers", {})
                of = next(filter(None, (_value_id(s) for s in qualifiers.get("P642", []))), None)
                title = labels.get(target) or target
                institution = labels.get(of) if of else (title if kind == "party" else None)
                voice = institution if kind == "party" else None
                facts.append(Fact(kind, institution, title if kind == "position" else None, voice,
                                  _time(qualifiers.get("P580", [])), _time(qualifiers.get("P582", [])),
                                  of or target, "wikidata"))  # fmt: skip
        entries.append(Entry(entity["id"], "person", {k: v for k, v in names.items() if v}, gender, facts, "wikidata"))
    return entries


CSV_COLUMNS = ("name", "aliases", "gender", "title", "institution", "since", "until")


def from_csv(path: str | Path) -> list[Entry]:
    """Entries from a hand-written CSV: one row per fact (a person's rows share the name; `aliases`
    separated by `|`; `institution` is what the holder speaks for while `since`–`until` holds)."""
    path = Path(path)
    entries: dict[str, Entry] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.DictReader(handle)
        missing = [c for c in ("name",) if c not in (rows.fieldnames or [])]
        if missing:
            raise KnowledgeError(f"{path}: no column {missing[0]!r}", f"Columns: {', '.join(CSV_COLUMNS)}, wikidata.")
        for number, row in enumerate(rows, start=2):
            name = (row.get("name") or "").strip()
            if not name:
                raise KnowledgeError(f"{path}:{number}: a row without a name")
            key = (row.get("wikidata") or "").strip() or f"local:{name}"
            entry = entries.setdefault(
                key, Entry(key, (row.get("type") or "person").strip(), {"und": [name]}, None, [], path.name)
            )
            for alias in (row.get("aliases") or "").split("|"):
                if alias.strip() and alias.strip() not in entry.names["und"]:
                    entry.names["und"].append(alias.strip())
            gender = (row.get("gender") or "").strip()
            if gender:
                if gender not in GENDER_CODES:
                    raise KnowledgeError(
                        f"{path}:{number}: gender {gender!r}", "Write female/male, F/M, or leave it empty."
                    )
                entry.gender = GENDER_CODES[gender]
            institution = (row.get("institution") or "").strip() or None
            if institution or (row.get("title") or "").strip():
                entry.facts.append(Fact("position", institution, (row.get("title") or "").strip() or None, institution,
                                        (row.get("since") or "").strip() or None, (row.get("until") or "").strip() or None,
                                        None, path.name))  # fmt: skip
    return list(entries.values())


def import_sources(sources: Iterable[str | Path]) -> list[Entry]:
    """Entries from every source, each read by its kind: a folder or .yaml (congress-legislators), .csv,
    or Wikidata entity JSON (.json, .jsonl, .bz2). An id two sources share keeps both's facts."""
    merged: dict[str, Entry] = {}
    for source in sources:
        path = Path(source)
        name = path.name.lower()
        if path.is_dir() or name.endswith((".yaml", ".yml")):
            found = from_congress(path)
        elif name.endswith(".csv"):
            found = from_csv(path)
        elif name.endswith((".json", ".jsonl", ".bz2", ".ndjson")):
            found = from_wikidata(path)
        else:
            raise KnowledgeError(
                f"cannot tell what {path} holds", "Give a congress-legislators folder, a .csv or Wikidata JSON."
            )
        for entry in found:
            if entry.id in merged:
                known = merged[entry.id]
                known.facts += [fact for fact in entry.facts if fact not in known.facts]
                known.gender = known.gender or entry.gender
                for lang, names in entry.names.items():
                    known.names.setdefault(lang, [])
                    known.names[lang] += [n for n in names if n not in known.names[lang]]
            else:
                merged[entry.id] = entry
    return list(merged.values())
