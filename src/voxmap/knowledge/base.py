"""The knowledge file: one JSON object a line, an actor each.

    {"id": "Q76", "type": "person", "names": {"en": ["Barack Obama", "Barack Hussein Obama"]},
     "gender": "masculine",
     "facts": [{"kind": "position", "title": "President of the United States", "institution": "White House",
                "voice": "White House", "start": "2009-01-20", "end": "2017-01-20",
                "source": "congress-legislators executive.yaml"},
               {"kind": "party", "institution": "Democratic Party", "voice": "Democratic Party", ...}]}

`kind` is position, party or member; `voice` is what the holder speaks for while the fact holds (a
seat in a parliament speaks for nobody: its `voice` is empty, the party's is not); `start` and `end`
are ISO dates, either may be missing (still true, or since always).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import VoxmapError

KINDS = ("position", "party", "member")
GENDERS = ("feminine", "masculine")


class KnowledgeError(VoxmapError):
    code = "V016"
    hint = "See docs/knowledge.md for the knowledge file's format and its importers."


@dataclass(frozen=True)
class Fact:
    kind: str
    institution: str | None = None
    title: str | None = None
    voice: str | None = None
    start: str | None = None
    end: str | None = None
    institution_id: str | None = None
    source: str | None = None

    def holds_on(self, day: str | None) -> bool:
        """Whether the fact is true on `day` (YYYY-MM-DD); a missing end means it still holds."""
        if not day:
            return False
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def overlaps(self, first: str | None, last: str | None) -> bool:
        """Whether the fact holds on some day from `first` to `last` (YYYY-MM-DD, both included)."""
        if not first or not last:
            return False
        return (self.start is None or self.start <= last) and (self.end is None or first < self.end)


@dataclass
class Entry:
    id: str
    type: str
    names: dict[str, list[str]]
    gender: str | None = None
    facts: list[Fact] = field(default_factory=list)
    source: str | None = None

    @property
    def all_names(self) -> list[str]:
        return list(dict.fromkeys(name for names in self.names.values() for name in names))

    @property
    def wikidata(self) -> str | None:
        return self.id if self.id[:1] == "Q" and self.id[1:].isdigit() else None

    def voice_on(self, day: str | None) -> tuple[str, Fact] | None:
        """The voice this actor's facts give on `day`: an office that speaks for its institution first,
        then a party or organisation membership; None when no fact that holds gives one."""
        holding = [fact for fact in self.facts if fact.voice and fact.holds_on(day)]
        for kind in KINDS:
            chosen = [fact for fact in holding if fact.kind == kind]
            if chosen:
                fact = max(chosen, key=lambda f: f.start or "")  # the most recent start
                return fact.voice, fact
        return None

    def to_dict(self) -> dict:
        data = asdict(self)
        data["facts"] = [{k: v for k, v in asdict(f).items() if v is not None} for f in self.facts]
        return {k: v for k, v in data.items() if v not in (None, [], {})}


def entry_from_dict(data: dict, where: str = "") -> Entry:
    try:
        names = data["names"]
        if isinstance(names, list):
            names = {"und": names}
        facts = [Fact(**fact) for fact in data.get("facts", [])]
        entry = Entry(str(data["id"]), data.get("type", "person"), names, data.get("gender"), facts, data.get("source"))
    except (KeyError, TypeError) as error:
        raise KnowledgeError(f"{where}: not a knowledge entry ({error})") from None
    if entry.gender not in (None, *GENDERS):
        raise KnowledgeError(f"{where}: gender {entry.gender!r} is none of {', '.join(GENDERS)} (or absent)")
    bad = next((fact.kind for fact in entry.facts if fact.kind not in KINDS), None)
    if bad:
        raise KnowledgeError(f"{where}: fact kind {bad!r} is none of {', '.join(KINDS)}")
    return entry


def read_knowledge(path: str | Path) -> list[Entry]:
    """Every entry of a knowledge file; a line that is no entry stops the read with its number."""
    path = Path(path)
    entries = []
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    try:
                        data = json.loads(line)
                    except json.JSONDecodeError as error:
                        raise KnowledgeError(f"{path}:{number}: invalid JSON ({error.msg})") from None
                    entries.append(entry_from_dict(data, f"{path}:{number}"))
    except OSError as error:
        raise KnowledgeError(f"cannot read {path}: {error.strerror or error}") from None
    return entries


def write_knowledge(entries: list[Entry], path: str | Path) -> int:
    with Path(path).open("w", encoding="utf-8") as handle:
        for entry in entries:
            handle.write(json.dumps(entry.to_dict(), ensure_ascii=False) + "\n")
    return len(entries)
