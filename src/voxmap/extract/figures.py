"""Figures: counts, percentages, money and durations, with what they count and who claims them.

"more than 30,000 members", "44% of voters", "an exceptional bonus of 300 euros", "in less than
48 hours", "60 % des policiers". Numbers, separators, scales and units come from
`rules/<lang>/figures.toml`. Years (1900–2099 written alone) and numbers inside date expressions
are not figures.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc

from ..records import Figure
from .syntax import doc_text


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class FigureRules:
    pattern: re.Pattern
    thousands: frozenset[str]
    decimal: frozenset[str]
    scales: dict[str, float]
    units_after: dict[str, str]
    units_before: dict[str, str]
    skip_words: frozenset[str]
    share_preposition: str
    number_words: dict[str, float]


@cache
def figure_rules(language: str) -> FigureRules:
    path = resources.files("voxmap.extract.rules") / language / "figures.toml"
    table = tomllib.loads(path.read_text(encoding="utf-8"))["figures"]
    thousands = "".join(re.escape(s) for s in table["thousands_separators"])
    decimal = "".join(re.escape(s) for s in table["decimal_separators"])
    words = {k.lower(): float(v) for k, v in table.get("number_words", {}).items()}
    number = rf"\d{{1,3}}(?:[{thousands}]\d{{3}})+(?:[{decimal}]\d+)?|\d+(?:[{decimal}]\d+)?|{_alternation(words)}"
    scales = {k.lower(): float(v) for k, v in table["scales"].items()}
    after = {k.lower(): v for k, v in table["units_after"].items()}
    before = {k.lower(): v for k, v in table["units_before"].items()}
    pattern = re.compile(
        rf"(?<![\w.,])(?:(?P<qualifier>{_alternation(table['qualifiers'])})\s+)?"
        rf"(?:(?P<before>{_alternation(before)})\s?)?(?P<number>{number})"
        rf"(?:\s?(?P<scale>{_alternation(scales)})\b)?"
        rf"(?:\s?(?P<after>{_alternation(after)})(?!\w))?",
        re.IGNORECASE,
    )
    return FigureRules(
        pattern,
        frozenset(table["thousands_separators"]),
        frozenset(table["decimal_separators"]),
        scales,
        after,
        before,
        frozenset(w.lower() for w in table["skip_words"]),
        table["share_preposition"].lower(),
        words,
    )


def _number(text: str, rules: FigureRules) -> float:
    if text.lower() in rules.number_words:
        return rules.number_words[text.lower()]
    for separator in rules.thousands:
        text = text.replace(separator, "")
    for separator in rules.decimal:
        text = text.replace(separator, ".")
    return float(text)


def _counted(doc: Doc, end_char: int, rules: FigureRules, percent: bool, length: int):
    """The noun token a figure counts: the next noun ("30,000 members"), or after "of" for a share.
    `length` is len(doc.text), which spaCy would rebuild on every access."""
    span = doc.char_span(end_char, min(length, end_char + 1), alignment_mode="expand")
    if span is None or span.start >= len(doc):  # nothing but white space follows the figure
        return None
    i = span.start if doc[span.start].idx >= end_char else span.start + 1
    words = 0
    while i < len(doc) and words < 4:
        token = doc[i]
        if token.is_punct:
            return None
        if percent and words == 0 and token.lower_ != rules.share_preposition:
            return None
        if token.pos_ == "NOUN" and token.lower_ not in rules.skip_words:
            return token
        if token.pos_ not in ("ADJ", "DET", "ADP", "NUM") and token.lower_ not in rules.skip_words:
            return None
        i += 1
        words += 1
    return None


def find_figures(doc: Doc, language: str, taken: list[tuple[int, int]]) -> list[Figure]:
    """Figures of a parsed Doc, skipping the character ranges in `taken` (dates)."""
    rules = figure_rules(language)
    text = doc_text(doc)
    figures = []
    for match in rules.pattern.finditer(text):
        start, end = match.span()
        number = match.group("number")
        if any(s < end and start < e for s, e in taken):
            continue
        unit = rules.units_before.get((match.group("before") or "").lower()) or rules.units_after.get(
            (match.group("after") or "").lower()
        )
        if unit is None and re.fullmatch(r"(?:19|20)\d\d", number):
            continue  # a year written alone
        value = _number(number, rules) * rules.scales.get((match.group("scale") or "").lower(), 1.0)
        counted = _counted(doc, end, rules, percent=unit == "%", length=len(text))
        if unit is None and counted is None:
            continue  # a bare number: an address, a score, a list item
        if number.lower() in rules.number_words and (counted is None or unit is not None):
            continue  # "one of them", "two euros"? a number word counts only what follows it
        counts = counted.text if counted is not None else None
        if counted is not None and unit != "%":
            end = counted.idx + len(counted)  # "30,000 members": the thing counted is part of the figure
            unit = unit or rules.units_after.get(counted.lower_, counts)
        qualifier = match.group("qualifier")
        figures.append(
            Figure(start, end, text[start:end], value, unit, counts, qualifier.lower() if qualifier else None)
        )
    return figures
