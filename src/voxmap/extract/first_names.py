"""First names by gender from a packaged frequency list, beside the rule files' own tables.

English uses the 1990 US Census lists the `names` package ships (public domain data): "NAME  freq
cumulative rank" per line. A name on both lists goes to the gender it is at least `DOMINANCE` times
more frequent in; otherwise it tells nothing ("Leslie", "Jessie").
"""

from __future__ import annotations

from importlib import resources

from ..errors import RulesError

DOMINANCE = 2.0


def _frequencies(reference: str) -> dict[str, float]:
    package, _, name = reference.partition(":")
    try:
        text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as error:
        raise RulesError(f"first-name list {reference!r} is not installed: {error}") from None
    found = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            found[parts[0].lower()] = float(parts[1])
    return found


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
