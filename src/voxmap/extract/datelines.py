"""Datelines and bylines: the front matter a dispatch opens with. "MOSCOW (Reuters) —" names where
and through whom a story was filed; "By Anne Morel" who wrote it. Neither says anything, so neither
may be read as a speaker: the sentence hints end a sentence after a dateline, and the analysis
records both as metadata (`Article.dateline`, `Article.authors`). The words are each language's
`datelines.toml`; the shapes (capitals, brackets, a dash) are the same in English and French."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..records import Dateline
from .language import _read_tables

# Only the opening of a text holds front matter: its first lines, in its first characters.
FRONT_LINES = 4
FRONT_CHARS = 600

_CAPS_WORD = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\-]*[A-ZÀ-ÖØ-Þ.]"
_TITLE_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.\-]+"
# ", D.C.", ", Calif.", ", 5 mars 2024", ", March 5": what may follow the place before the agency or dash.
_QUALIFIER = r"(?:,[ ][^,()\n—–]{1,30}?){0,2}"
_DASH = r"[ ]?(?:—|–|--|-)[ ]"


@dataclass(frozen=True)
class FrontRules:
    byline: re.Pattern
    between_names: re.Pattern  # what separates two authors: a comma, the language's "and"
    capitals: re.Pattern  # PLACE [qualifier] [(anything)] dash
    titled: re.Pattern  # Place [qualifier] (known agency) dash


@cache
def front_rules(language: str) -> FrontRules:
    table = _read_tables(language).get("datelines", {})
    prefixes = "|".join(re.escape(p) for p in table.get("byline_prefixes", []))
    joiners = "|".join(re.escape(j) for j in table.get("byline_joiners", []))
    name = r"[A-ZÀ-ÖØ-Þ][\w'’.\-]+(?:[ ][A-ZÀ-ÖØ-Þ][\w'’.\-]+){1,3}"
    names = rf"{name}(?:(?:,[ ]|[ ](?:{joiners})[ ]|,[ ](?:{joiners})[ ]){name})*" if joiners else name
    agencies = table.get("agencies", [])
    known = "|".join(re.escape(a) for a in sorted(agencies, key=len, reverse=True))
    return FrontRules(
        byline=re.compile(rf"(?:{prefixes})[ ](?P<names>{names})[ ]*$" if prefixes else r"(?!)"),
        between_names=re.compile(rf",[ ](?:(?:{joiners})[ ])?|[ ](?:{joiners})[ ]" if joiners else r",[ ]"),
        capitals=re.compile(
            rf"(?P<place>{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,3}}){_QUALIFIER}(?:[ ]\((?P<agency>[^()\n]{{2,30}})\))?{_DASH}"
        ),
        titled=re.compile(
            rf"(?P<place>{_TITLE_WORD}(?:[ -]{_TITLE_WORD}){{0,3}}){_QUALIFIER}[ ]\((?P<agency>(?i:{known}))\){_DASH}"
            if known
            else r"(?!)"
        ),
    )


def _front_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) of the first non-empty lines of the text's opening."""
    lines, offset = [], 0
    for line in text[:FRONT_CHARS].split("\n"):
        if line.strip():
            lines.append((offset, line))
            if len(lines) == FRONT_LINES:
                break
        offset += len(line) + 1
    return lines


def find_dateline(text: str, language: str) -> Dateline | None:
    """The dateline opening one of the first lines of `text`, or None. A place in capitals needs at
    least three letters ("US - China talks" is a sentence, not a dateline), and the dispatch's first
    sentence must follow it."""
    rules = front_rules(language)
    for offset, line in _front_lines(text):
        lead = len(line) - len(line.lstrip())
        for pattern in (rules.capitals, rules.titled):
            found = pattern.match(line, lead)
            if not found or len(re.sub(r"\W", "", found["place"])) < 3:
                continue
            after = line[found.end() :].lstrip()
            # A dispatch's first sentence follows: nothing after the dash is a heading, and a lower-case
            # word an aside ("NATO - the alliance's chief said - will meet").
            if not after or after[0].islower():
                continue
            start, end = offset + found.start(), offset + found.end()
            return Dateline(start, end, text[start:end], found["place"], found["agency"])
    return None


def find_authors(text: str, language: str) -> list[str]:
    """The authors a byline among the first lines names ("By Anne Morel and Tom Roy"), or []."""
    rules = front_rules(language)
    for _, line in _front_lines(text):
        found = rules.byline.match(line.strip())
        if found:
            return [name.strip() for name in rules.between_names.split(found["names"]) if name.strip()]
    return []
