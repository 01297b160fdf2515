"""Names as the corpus compares them: folded to ASCII without articles and honorifics, a person's
first-and-last key, the ways a surname is written alone, and the gender a first name or an honorific
tells."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from nameparser import HumanName

from ..extract.language import LANGUAGES, load_rules
from ..extract.offices import BRANCH_NUMBER


def ascii_fold(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii").lower()


@cache
def dropped_words() -> frozenset[str]:
    """Words a name keeps or loses without changing whom it names: every language's definite
    articles and honorifics ("the", "le", "M.", "Mrs")."""
    words: set[str] = set()
    for language in LANGUAGES:
        rules = load_rules(language)
        for word in rules.articles | set().union(*rules.honorifics.values()):
            words.update("".join(c if c.isalnum() else " " for c in ascii_fold(word)).split())
    return frozenset(words)


@cache
def linking_words() -> frozenset[str]:
    """Prepositions inside organisation names ("of", "de"), from the rules' organisation prepositions."""
    words: set[str] = set()
    for language in LANGUAGES:
        for word in load_rules(language).organization_prepositions:
            words.update("".join(c if c.isalnum() else " " for c in ascii_fold(word)).split())
    return frozenset(words)


@lru_cache(maxsize=262144)
def normalize(name: str) -> str:
    """'M. Gérald Marsac’s' -> 'gerald marsac'."""
    text = ascii_fold(name.replace("’s", " ").replace("'s", " ").replace("’", "'"))
    words = "".join(c if c.isalnum() else " " for c in text).split()
    return " ".join(w for w in words if w not in dropped_words())


@cache
def _body_suffixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(suffixes any organisation's name may end with, affiliations a name may end with after a hyphen),
    normalized, longest first: every language's `body_suffixes` and `affiliation_suffixes`."""
    suffixes: set[str] = set()
    affiliations: set[str] = set()
    for language in LANGUAGES:
        rules = load_rules(language)
        suffixes |= {normalize(w) for w in rules.body_suffixes}
        affiliations |= {normalize(w) for w in rules.affiliation_suffixes}
    by_length = lambda words: tuple(sorted(words - {""}, key=len, reverse=True))
    return by_length(suffixes), by_length(affiliations)


@cache
def _affiliation_ending() -> re.Pattern:
    """An affiliation after a hyphen at the end of a folded name; the leftmost match is the longest."""
    affiliations = _body_suffixes()[1]
    if not affiliations:
        return re.compile(r"(?!)")
    return re.compile(rf"\S-(?:{'|'.join(re.escape(a) for a in affiliations)})$")


@lru_cache(maxsize=65536)
def body_name(name: str) -> str:
    """An organisation's name without what varies between its writings, normalized: a branch's
    number ("Alliance 93"), a suffix of its kind ("Alliance police nationale", "Alliance PN") and an
    affiliation after a hyphen ("Unité SGP Police-FO"). Never the whole name."""
    written = BRANCH_NUMBER.sub("", name.strip())  # "Alliance 93", "Alliance (93)"
    suffixes, _ = _body_suffixes()
    match = _affiliation_ending().search(ascii_fold(written))
    if match:
        written = written[: match.start() + 1]
    normalized = normalize(written)
    for suffix in suffixes:
        if normalized.endswith(" " + suffix):
            normalized = normalized[: -len(suffix) - 1]
            break
    return normalized or normalize(name)


def normalize_word(word: str) -> str:
    return "".join(c for c in ascii_fold(word) if c.isalnum())


@lru_cache(maxsize=262144)
def person_key(name: str) -> str:
    """A person's first and last name, normalized: "Paul D. Ryan" and "Hillary Rodham Clinton" are
    "paul ryan" and "hillary clinton" (nameparser reads the parts); two first names never merge."""
    normalized = normalize(name)
    if len(normalized.split()) < 2:
        return normalized
    parsed = parsed_name(name)
    first, last, suffix = normalize(parsed.first), normalize(parsed.last), normalize(parsed.suffix)
    if first and last and len(first.split()) == 1:
        return f"{first} {last} {suffix}".strip()  # "Donald Trump Jr." is not his father
    return normalized


@dataclass(frozen=True, slots=True)
class NameParts:
    """The parts of a person's name, as nameparser reads them."""

    first: str
    middle: str
    last: str
    suffix: str


_PARTS: dict[str, NameParts] = {}  # nameparser costs about half a millisecond a name: once per name


def parsed_name(name: str) -> NameParts:
    parts = _PARTS.get(name)
    if parts is None:
        human = HumanName(name)
        parts = _PARTS[name] = NameParts(human.first, human.middle, human.last, human.suffix)
    return parts


def known_parts(parts: dict[str, NameParts]) -> None:
    """Names read before (the store keeps them: voxmap.corpus.actors), so that they are not parsed again."""
    _PARTS.update(parts)


def parsed_names() -> dict[str, NameParts]:
    """Every name parsed in this process so far."""
    return dict(_PARTS)


def surnames(name: str) -> set[str]:
    """The ways a person's surname may be written alone: "de Blasio" ("Bill de Blasio"), "Schultz" and
    "Wasserman Schultz" ("Debbie Wasserman Schultz", whose middle word may be part of the surname)."""
    parsed = parsed_name(name)
    last = normalize(parsed.last)
    forms = {last, last.split()[-1]} if last else set()
    middle = [w for w in parsed.middle.split() if len(w.strip(".")) > 1]
    if (
        last and middle and normalize(middle[-1]) not in first_names()
    ):  # "GOP Donald Trump" has no surname "Donald Trump"
        forms.add(normalize(f"{middle[-1]} {parsed.last}"))
    return {form for form in forms if form}


@cache
def first_names() -> frozenset[str]:
    names: set[str] = set()
    for language in LANGUAGES:
        for listed in load_rules(language).first_names.values():
            names |= {normalize_word(n) for n in listed}
    return frozenset(names)


def honorific_gender(written: str) -> str | None:
    first = normalize_word(written.split()[0]) if written.split() else ""
    for language in LANGUAGES:
        honorifics = load_rules(language).honorifics
        for gender in ("masculine", "feminine"):
            if first and first in {normalize_word(h) for h in honorifics[gender]}:
                return gender
    return None


def first_name_gender(full_name: str) -> str | None:
    """The gender the first word of a normalized name tells as a first name, or None."""
    words = full_name.split()
    return _first_name_genders().get(words[0]) if words else None


@cache
def _first_name_genders() -> dict[str, str]:
    genders: dict[str, str] = {}
    for language in LANGUAGES:
        for gender, names in load_rules(language).first_names.items():
            for name in names:
                genders.setdefault(normalize_word(name), gender)  # the first language's list wins
    return genders
