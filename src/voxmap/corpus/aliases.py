"""The alias file (TOML) a user edits: forced merges and canonical names, names never merged, and
whom an actor speaks for over a period; its checks, and the copy remembered in the store."""

from __future__ import annotations

import sqlite3
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import AliasFileError
from .article_voices import VoiceOverride
from .corrections import remember, remembered
from .names import normalize


@dataclass
class Aliases:
    canonical: dict[str, str] = field(default_factory=dict)  # normalized alias -> canonical name
    splits: set[str] = field(default_factory=set)  # normalized names never merged by surname or short form
    voices: list[VoiceOverride] = field(default_factory=list)  # whom an actor speaks for, when the roles say wrong
    text: str | None = None  # the file's text, remembered in the store when applied

    @classmethod
    def load(cls, path: str | Path | None) -> Aliases:
        """[[merge]] canonical = "...", aliases = ["...", ...]  /  [[split]] names = ["...", ...]  /
        [[voice]] actor = "...", voice = "...", since = "YYYY-MM-DD", until = "YYYY-MM-DD" (dates optional)"""
        return cls.parse(read_alias_file(path), str(path)) if path is not None else cls()

    @classmethod
    def parse(cls, text: str, origin: str = "alias file") -> Aliases:
        """The aliases a file's text declares; AliasFileError naming the first thing it does not understand."""
        try:
            table = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise AliasFileError(f"{origin}: invalid TOML ({error})") from None
        _check_aliases(table, origin)
        aliases = cls(text=text)
        for merge in table.get("merge", []):
            for name in [merge["canonical"], *merge.get("aliases", [])]:
                aliases.canonical[normalize(name)] = merge["canonical"]
        for split in table.get("split", []):
            aliases.splits.update(normalize(name) for name in split.get("names", []))
        for voice in table.get("voice", []):
            aliases.voices.append(VoiceOverride(voice["actor"], voice["voice"], voice.get("since"), voice.get("until")))
        return aliases


# What an alias file may hold: table -> {key: required}
ALIAS_SCHEMA = {
    "merge": {"canonical": True, "aliases": False},
    "split": {"names": True},
    "voice": {"actor": True, "voice": True, "since": False, "until": False},
}


_ONE_NAME = {"canonical", "actor", "voice"}  # keys that take one name; "aliases" and "names" take lists


_DATES = {"since", "until"}


def _check_aliases(table: dict, origin: str) -> None:
    for key, entries in table.items():
        if key not in ALIAS_SCHEMA:
            raise AliasFileError(f"{origin}: unknown table `{key}` (voxmap reads {', '.join(ALIAS_SCHEMA)})")
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise AliasFileError(f"{origin}: `{key}` must be written as [[{key}]] tables")
        for number, entry in enumerate(entries, start=1):
            where = f"{origin}: [[{key}]] number {number}"
            for field_name, value in entry.items():
                if field_name not in ALIAS_SCHEMA[key]:
                    raise AliasFileError(
                        f"{where}: unknown key `{field_name}` (it takes {', '.join(ALIAS_SCHEMA[key])})"
                    )
                if field_name in _DATES:
                    if not _is_date(value):
                        raise AliasFileError(f"{where}: `{field_name}` must be a date written YYYY-MM-DD")
                    continue
                names = [value] if field_name in _ONE_NAME else value
                if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
                    raise AliasFileError(
                        f"{where}: `{field_name}` must be "
                        + ("a name" if field_name in _ONE_NAME else "a list of names")
                    )
            missing = [f for f, required in ALIAS_SCHEMA[key].items() if required and f not in entry]
            if missing:
                raise AliasFileError(f"{where}: missing `{missing[0]}`")


def _is_date(value) -> bool:
    from datetime import date

    try:
        return isinstance(value, str) and len(value) == 10 and bool(date.fromisoformat(value))
    except ValueError:
        return False


def read_alias_file(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AliasFileError(f"alias file {path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise AliasFileError(f"alias file {path}: unreadable ({error.__class__.__name__})") from None


def aliases_for(conn: sqlite3.Connection, given: str | Path | Aliases | None) -> Aliases:
    """The alias file given now (a path, or one already loaded), remembered in the store; without one,
    the one applied last, so that a later rebuild (after a review correction, say) keeps applying it."""
    if isinstance(given, (str, Path)):
        given = Aliases.load(given)  # checked before remembering: a broken file replaces nothing
    if given is not None:
        if given.text is not None:
            with conn:
                remember(conn, "aliases", given.text)
        return given
    text = remembered(conn, "aliases")
    return Aliases.parse(text) if text else Aliases()
