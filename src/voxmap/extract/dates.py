"""Date expressions and their value, anchored on the publication date.

Absolute ("April 24, 2016", "le 12 mars"), relative to publication ("yesterday", "mardi dernier",
"en mars dernier", "three weeks ago") and relative to the date written before ("four days later").
The words come from `rules/<lang>/dates.toml`. Choices a reader should know:
- a weekday or month written without a marker ("on Tuesday", "in March") is the latest one on or
  before the publication date: news reports what happened;
- a day and month without a year take the publication's year, or the year before when that would
  put the date more than a month after publication;
- with no publication date, only expressions that carry their own year get a value; others are null.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

from ..records import DateMention


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class DateRules:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    past: frozenset[str]
    future: frozenset[str]
    later: frozenset[str]
    ago: frozenset[str]
    units: dict[str, int]
    numbers: dict[str, int]
    patterns: tuple[tuple[str, re.Pattern], ...]


@cache
def date_rules(language: str) -> DateRules:
    table = tomllib.loads(
        (resources.files("voxmap.extract.rules") / language / "dates.toml").read_text(encoding="utf-8")
    )["dates"]
    low = lambda d: {k.lower(): v for k, v in d.items()}
    months, weekdays, units, numbers = (
        low(table["months"]),
        low(table["weekdays"]),
        low(table["units"]),
        low(table["numbers"]),
    )
    past, future = [w.lower() for w in table["past_markers"]], [w.lower() for w in table["future_markers"]]
    M, W, U = _alternation(months), _alternation(weekdays), _alternation(units)
    N = _alternation(numbers) + r"|\d{1,3}"
    MARK = _alternation(past + future)
    J = _alternation(table["day_joiners"])
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er)?"
    day2 = rf"(?:\s*(?:{J})\s*(?P<day2>\d{{1,2}}))?"
    year = r"(?P<year>(?:1[89]|20)\d\d)"
    if table.get("order", "month_day") == "month_day":
        full = rf"(?P<month>{M})\.?\s+{day}{day2}(?:,?\s+{year})?"
    else:
        full = rf"{day}{day2}\s+(?P<month>{M})(?:\s+{year})?"
    later, ago = [w.lower() for w in table["later_words"]], [w.lower() for w in table["ago_words"]]
    patterns = (
        ("iso", r"(?P<year>\d{4})-(?P<mnum>\d\d)-(?P<day>\d\d)"),
        ("full", full),
        ("month_year", rf"(?:(?:in|en)\s+)?(?P<month>{M})\s+{year}"),
        ("month_marker", rf"(?:(?:in|en)\s+)?(?:(?P<pre>{MARK})\s+(?P<month>{M})|(?P<month_>{M})\s+(?P<post>{MARK}))"),
        ("relative_day", rf"(?P<phrase>{_alternation(low(table['relative_days']))})"),
        ("weekday", rf"(?:(?P<pre>{MARK})\s+)?(?P<weekday>{W})(?:\s+(?P<post>{MARK}))?"),
        ("span_later", rf"(?P<n>{N})\s+(?P<unit>{U})\s+(?P<dir>{_alternation(later)})"),
        (
            "span_ago",
            rf"(?P<dir>{_alternation(ago)})\s+(?P<n>{N})\s+(?P<unit>{U})|(?P<n_>{N})\s+(?P<unit_>{U})\s+(?P<dir_>{_alternation(ago)})",
        ),
        ("in_month", rf"(?:in|en)\s+(?P<month>{M})\b"),
        ("year", rf"(?:{_alternation(table.get('year_prepositions', []))})\s+{year}"),
    )
    compiled = tuple(
        (name, re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)) for name, pattern in patterns
    )
    return DateRules(
        months,
        weekdays,
        low(table["relative_days"]),
        frozenset(past),
        frozenset(future),
        frozenset(later),
        frozenset(ago),
        units,
        numbers,
        compiled,
    )


def _latest_weekday(base: date, weekday: int, strictly_before: bool) -> date:
    delta = (base.weekday() - weekday) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return base - timedelta(days=delta)


def _year_for(base: date, month: int, day: int) -> int:
    try:
        candidate = date(base.year, month, day)
    except ValueError:
        return base.year
    return base.year - 1 if candidate > base + timedelta(days=31) else base.year


def _latest_month(base: date, month: int, strictly_before: bool) -> date:
    year = base.year if (month < base.month or (month == base.month and not strictly_before)) else base.year - 1
    return date(year, month, 1)


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve(kind: str, g: dict, rules: DateRules, base: date | None, previous: date | None):
    """(value, granularity, last_day) of one match."""
    lower = {k: (v.lower() if isinstance(v, str) else v) for k, v in g.items()}
    if kind == "iso":
        return _safe(int(g["year"]), int(g["mnum"]), int(g["day"])), "day", None
    if kind == "full":
        month, day = rules.months[lower["month"]], int(g["day"])
        year = int(g["year"]) if g.get("year") else (_year_for(base, month, day) if base else None)
        if year is None:
            return None, "day", None
        last = _safe(year, month, int(g["day2"])) if g.get("day2") else None
        return _safe(year, month, day), "day", last
    if kind == "month_year":
        return _safe(int(g["year"]), rules.months[lower["month"]], 1), "month", None
    if kind == "month_marker":
        marker = lower["pre"] or lower["post"]
        month = rules.months[lower["month"] or lower["month_"]]
        if base is None:
            return None, "month", None
        if marker in rules.past:
            return _latest_month(base, month, strictly_before=True), "month", None
        year = base.year if month > base.month else base.year + 1
        return date(year, month, 1), "month", None
    if kind == "year":
        return date(int(g["year"]), 1, 1), "year", None
    if kind == "in_month":
        return (_latest_month(base, rules.months[lower["month"]], False) if base else None), "month", None
    if kind == "relative_day":
        return (base + timedelta(days=rules.relative_days[lower["phrase"]]) if base else None), "day", None
    if kind == "weekday":
        if base is None:
            return None, "day", None
        weekday, marker = rules.weekdays[lower["weekday"]], lower["pre"] or lower["post"]
        if marker in rules.future:
            return base + timedelta(days=((weekday - base.weekday()) % 7) or 7), "day", None
        return _latest_weekday(base, weekday, strictly_before=marker in rules.past), "day", None
    n = lower.get("n") or lower.get("n_")
    unit = lower.get("unit") or lower.get("unit_")
    count = rules.numbers.get(n) if n in rules.numbers else int(n)
    days = count * rules.units[unit]
    if kind == "span_later":
        return (previous + timedelta(days=days) if previous else None), "day", None
    return (base - timedelta(days=days) if base else None), "day", None


def find_dates(text: str, language: str, published: str | None) -> list[DateMention]:
    """Every date expression of `text`, in order, with its value or None."""
    rules = date_rules(language)
    base = None
    if published:
        try:
            base = date.fromisoformat(published[:10])
        except ValueError:
            base = None
    matches: list[tuple[int, int, str, dict]] = []
    for kind, pattern in rules.patterns:
        for match in pattern.finditer(text):
            matches.append((match.start(), match.end(), kind, match.groupdict()))
    matches.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    mentions: list[DateMention] = []
    previous: date | None = None
    taken_until = -1
    for start, end, kind, groups in matches:
        if start < taken_until:
            continue  # inside a longer expression already read
        value, granularity, last = _resolve(kind, groups, rules, base, previous)
        mentions.append(DateMention(start, end, text[start:end], value, granularity, last))
        previous = value or previous
        taken_until = end
    return mentions
