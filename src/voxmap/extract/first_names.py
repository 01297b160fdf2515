"""First names by gender from a packaged frequency list, beside the rule files' own tables.

English uses the 1990 US Census lists the `names` package ships (public domain data): "NAME  freq
cumulative rank" per line. A name on both lists goes to the gender it is at least `DOMINANCE` times
more frequent in; otherwise it tells nothing ("Leslie", "Jessie").

Past those lists, a name dictionary in Jörg Michael's `nam_dict.txt` format (the one the
`gender-guesser` package ships, GNU FDL data; read, never copied) gives the first names of some fifty
countries' news: "Serge", "Murielle", "Laeticia", "Silvio" are on no US list.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from ..errors import RulesError

DOMINANCE = 2.0


def _frequencies(reference: str) -> dict[str, float]:
    found = {}
    for line in _resource_text(reference).splitlines():
        parts = line.split()
        if len(parts) >= 2:
            found[parts[0].lower()] = float(parts[1])
    return found


# nam_dict.txt's codes: male, mostly male, male if first part of a name; the same for female; "?"
# (either) is left out, as is a name the dictionary writes under both genders ("Andrea").
DICTIONARY_CODES = {
    "M": "masculine",
    "1M": "masculine",
    "?M": "masculine",
    "F": "feminine",
    "1F": "feminine",
    "?F": "feminine",
}


def _resource_text(reference: str) -> str:
    package, _, name = reference.partition(":")
    try:
        return resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as error:
        raise RulesError(f"first-name list {reference!r} is not installed: {error}") from None


@cache  # both languages read the same dictionary
def dictionary_first_names(reference: str) -> dict[str, frozenset[str]]:
    """{gender: names} from a nam_dict.txt file ("package:path"): a line per name and gender, the code
    in the first two columns, the name in the next word ("+" joins a compound: "Jean+Pierre")."""
    genders: dict[str, set[str]] = {}
    for line in _resource_text(reference).splitlines():
        if line[:1] in ("#", "=", ""):
            continue  # comments and "=" lines (one name spelt as another)
        code, _, rest = line.partition(" ")
        words = rest.split()
        if not words:
            continue
        name = words[0].replace("+", "-").lower()
        genders.setdefault(name, set()).add(DICTIONARY_CODES.get(code, "either"))
    names: dict[str, set[str]] = {"masculine": set(), "feminine": set()}
    for name, told in genders.items():
        if len(told) == 1 and "either" not in told:
            names[told.pop()].add(name)
    return {gender: frozenset(found) for gender, found in names.items()}


def listed_first_names(lists: dict[str, str]) -> dict[str, frozenset[str]]:
    """{gender: names} from {gender: "package:file"}; names claimed by two genders without a clear
    majority are left out."""
    frequencies = {gender: _frequencies(reference) for gender, reference in lists.items()}
    names: dict[str, set[str]] = {gender: set() for gender in lists}
    for gender, table in frequencies.items():
        for name, frequency in table.items():
            rivals = [other[name] for g, other in frequencies.items() if g != gender and name in other]
            if all(frequency >= DOMINANCE * rival for rival in rivals):
                names[gender].add(name)
    return {gender: frozenset(found) for gender, found in names.items()}
