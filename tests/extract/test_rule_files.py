"""The rule files hold no duplicate entries, and every key they write is one the code reads: a typo in
a TOML key ("speach_verbs") must fail here, not silently teach voxmap nothing."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from voxmap.extract.accents import unaccented_capitals
from voxmap.extract.datelines import front_rules
from voxmap.extract.dates import date_rules
from voxmap.extract.figures import figure_rules
from voxmap.extract.language import LANGUAGES, load_rules
from voxmap.extract.media import outlet_kinds, outlets
from voxmap.extract.offices import load_voice_rules
from voxmap.extract.participles import participle_rules
from voxmap.extract.phrases import phrase_rules
from voxmap.extract.relations import relation_rules
from voxmap.readers.repairs import glued_openers, one_letter_openers

LOADERS = (load_rules, load_voice_rules, date_rules, figure_rules, phrase_rules, relation_rules, glued_openers, one_letter_openers, outlets,
           outlet_kinds, front_rules, unaccented_capitals, participle_rules)  # fmt: skip
WHOLE = "*"  # a table iterated as data (months, units): every key it holds is read


def rule_files(language: str) -> list:
    folder = resources.files("voxmap.extract.rules") / language
    return sorted((entry for entry in folder.iterdir() if entry.name.endswith(".toml")), key=lambda e: e.name)


class Tracked(dict):
    """A TOML table that records which of its keys the code asks for."""

    def __init__(self, data: dict, path: tuple, seen: set) -> None:
        super().__init__({key: _tracked(value, path + (key,), seen) for key, value in data.items()})
        self.path, self.seen = path, seen

    def _read(self, key) -> None:
        self.seen.add(self.path + (key,))

    def __getitem__(self, key):
        self._read(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self._read(key)
        return super().get(key, default)

    def __contains__(self, key) -> bool:
        self._read(key)
        return super().__contains__(key)

    def _whole(self):
        self.seen.add(self.path + (WHOLE,))

    def keys(self):
        self._whole()
        return super().keys()

    def items(self):
        self._whole()
        return super().items()

    def values(self):
        self._whole()
        return super().values()

    def __iter__(self):
        self._whole()
        return super().__iter__()


def _tracked(value, path: tuple, seen: set):
    if isinstance(value, dict):
        return Tracked(value, path, seen)
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return [Tracked(v, path + ("[]",), seen) for v in value]  # an array of tables: [[relation]]
    return value


def written_keys(table: dict, path: tuple = ()) -> set[tuple]:
    """(table, …, key) for every key below the top level (the top level names tables)."""
    keys = set()
    for key, value in table.items():
        if path:
            keys.add(path + (key,))
        if isinstance(value, dict):
            keys |= written_keys(value, path + (key,))
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for entry in value:
                keys |= written_keys(entry, path + (key, "[]"))
    return keys


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_key_a_rule_file_writes_is_read(language, monkeypatch):
    seen: set[tuple] = set()
    real_loads = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda text: Tracked(real_loads(text), (text,), seen))
    for loader in LOADERS:
        loader.__wrapped__(language)  # past the cache: every file is read again, tracked
    monkeypatch.undo()
    unread = []
    for entry in rule_files(language):
        text = entry.read_text(encoding="utf-8")
        for path in written_keys(tomllib.loads(text)):
            read = any((text,) + path[:depth] + (WHOLE,) in seen for depth in range(1, len(path)))
            if not read and (text,) + path not in seen:
                unread.append(f"{entry.name}: {'.'.join(path)}")
    assert unread == []


def _duplicates(value) -> list:
    if not isinstance(value, list):
        return []
    items = [tuple(v) if isinstance(v, list) else v for v in value if not isinstance(v, dict)]
    folded = [item.lower() if isinstance(item, str) else item for item in items]
    return sorted({str(item) for item in folded if folded.count(item) > 1})


def _lists(table: dict, path: str = ""):
    for key, value in table.items():
        where = f"{path}.{key}" if path else key
        if isinstance(value, dict):
            yield from _lists(value, where)
        elif isinstance(value, list):
            yield where, value
            for number, entry in enumerate(v for v in value if isinstance(v, dict)):
                yield from _lists(entry, f"{where}[{number}]")


@pytest.mark.parametrize("language", LANGUAGES)
def test_rule_files_hold_no_duplicate_entries(language):
    found = {}
    for entry in rule_files(language):
        for where, value in _lists(tomllib.loads(entry.read_text(encoding="utf-8"))):
            if _duplicates(value):
                found[f"{entry.name}: {where}"] = _duplicates(value)
    assert found == {}


def test_the_key_check_catches_a_typo(monkeypatch):
    # The check itself must be able to fail: a misspelt key is reported.
    seen: set[tuple] = set()
    table = Tracked({"cues": {"speech_verbs": ["say"], "speach_verbs": ["tell"]}}, ("t",), seen)
    table["cues"].get("speech_verbs")
    unread = [
        path for path in written_keys({"cues": {"speech_verbs": [], "speach_verbs": []}}) if ("t",) + path not in seen
    ]
    assert unread == [("cues", "speach_verbs")]
    assert _duplicates(["say", "Tell", "say"]) == ["say"]
