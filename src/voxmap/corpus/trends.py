"""Measures over time: share of voice and tone per period, and who spoke first, voice against voice.

Each function reads the `voices` table (one row per quote) through `Filters` and returns plain rows;
the report, the CSV and the dashboard's /trends and /first pages render them. Periods are calendar
days, ISO weeks (named by their Monday) or months, chosen by the span of what the filters keep
(`choose_period`) unless asked. Tone is never averaged across scoring methods: VADER (English) and
textblob-fr (French) scores are on different scales, so every tone row carries its method.
"""

from __future__ import annotations

import math
import sqlite3
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from ..errors import InvalidFilter
from .corrections import KINDS
from .measures import Period, days_between, first_voice, hours_between, timed

PERIODS = ("day", "week", "month")
# The query parameters a filtered page takes, kept by the navigation from page to page.
FILTER_NAMES = ("since", "until", "outlet", "language", "kinds")
# The kinds a reviewer can set, and thoughts and what documents show (counted with --beliefs include).
QUOTE_KINDS = (*KINDS, "belief", "evidence")
OTHER_VOICES = "(other voices)"
ALL_OUTLETS = "(all outlets)"
# Fewer toned quotes than this in a period: the mean is shown, flagged as resting on too few.
MIN_TONE_QUOTES = 5

PERIOD_KEY = {
    "day": "substr({p}, 1, 10)",
    "week": "date(substr({p}, 1, 10), '-6 days', 'weekday 1')",  # the Monday that starts its ISO week
    "month": "substr({p}, 1, 7)",
}


def checked_date(value: str | None, name: str) -> str | None:
    """A calendar date written YYYY-MM-DD, normalized, or None when empty; anything else is refused."""
    if not value:
        return None
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise InvalidFilter(f"{name} {value!r} is not a date", "Write it YYYY-MM-DD, e.g. 2016-10-09.") from None


@dataclass(frozen=True)
class Filters:
    """Which quotes count: published in [since, until] (whole days), from one outlet, in one language,
    of some kinds (empty: all). Dates are checked: a date that does not exist is refused, not ignored."""

    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    language: str | None = None
    kinds: tuple[str, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "since", checked_date(self.since, "since"))
        object.__setattr__(self, "until", checked_date(self.until, "until"))
        object.__setattr__(self, "outlet", self.outlet or None)
        object.__setattr__(self, "language", self.language or None)
        unknown = [kind for kind in self.kinds if kind not in QUOTE_KINDS]
        if unknown:
            raise InvalidFilter(f"unknown quote kind {unknown[0]!r}", f"Use one of {', '.join(QUOTE_KINDS)}.")
        if self.since and self.until and self.since > self.until:
            raise InvalidFilter(f"since {self.since} is after until {self.until}", "Swap the two dates.")

    @property
    def period(self) -> Period:
        """The dates alone (a story's first voice is taken across outlets)."""
        return Period(self.since, self.until)

    @property
    def window(self) -> Period:
        """The dates and the outlet, for the measures that read the summaries (the network)."""
        return Period(self.since, self.until, self.outlet)

    def where(self, alias: str = "v") -> tuple[str, list]:
        clauses, values = self.window.where(alias)
        clauses, values = [clauses], list(values)
        if self.language:
            clauses.append(f"{alias}.language = ?")
            values.append(self.language)
        if self.kinds:
            clauses.append(f"{alias}.kind IN ({', '.join('?' * len(self.kinds))})")
            values += list(self.kinds)
        return " AND ".join(clauses), values

    def as_query(self) -> dict[str, str]:
        """The filters as URL parameters (what is unset is left out)."""
        query = {"since": self.since, "until": self.until, "outlet": self.outlet, "language": self.language}
        query = {name: value for name, value in query.items() if value}
        if self.kinds:
            query["kinds"] = ",".join(self.kinds)
        return query

    @classmethod
    def from_query(cls, since="", until="", outlet="", language="", kinds="") -> Filters:
        return cls(since, until, outlet, language, tuple(k for k in kinds.replace(" ", "").split(",") if k))


def choose_period(conn: sqlite3.Connection, filters: Filters = Filters()) -> str:
    """Days for a span of up to 45 days, weeks up to a year, months beyond."""
    where, values = filters.where()
    first, last = conn.execute(
        f"SELECT min(published), max(published) FROM voices v WHERE published IS NOT NULL AND {where}", values
    ).fetchone()
    return period_of_span(first, last)


def period_of_span(first: str | None, last: str | None) -> str:
    """Days for a span of up to 45 days, weeks up to a year, months beyond."""
    span = days_between(last, first) or 0
    return "day" if span <= 45 else "week" if span <= 366 else "month"


def resolved_period(conn: sqlite3.Connection, filters: Filters, period: str | None) -> str:
    """The period asked, or the one the span of what the filters keep suggests (`auto`)."""
    if period in (None, "", "auto"):
        return choose_period(conn, filters)
    if period not in PERIODS:
        raise InvalidFilter(f"unknown period {period!r}", f"Use one of {', '.join(PERIODS)}, or auto.")
    return period


def _all_periods(first: str | None, last: str | None, period: str) -> list[str]:
    """Every period from `first` to `last`, so that a line drops to zero instead of jumping a gap."""
    if not first or not last:
        return []
    if period == "month":
        year, month = int(first[:4]), int(first[5:7])
        out = []
        while f"{year:04d}-{month:02d}" <= last:
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out
    step = timedelta(days=7 if period == "week" else 1)
    day, end, out = date.fromisoformat(first), date.fromisoformat(last), []
    while day <= end:
        out.append(day.isoformat())
        day += step
    return out


def voice_over_time(
    conn: sqlite3.Connection,
    filters: Filters = Filters(),
    period: str | None = None,
    top: int = 8,
    voices: tuple[str, ...] = (),
) -> dict:
    """Quotes and quoted words per period for the `top` voices (and any in `voices`), the rest summed as
    "(other voices)", with each one's share of the period's quotes that have a voice; the same for the
    `top` actors. Quotes whose speaker was not found, and news media cited as sources, have no voice
    and are left out, as in share of voice."""
    period = resolved_period(conn, filters, period)
    key = PERIOD_KEY[period].format(p="v.published")
    where, values = filters.where()
    base = f"FROM voices v WHERE v.voice IS NOT NULL AND v.published IS NOT NULL AND {where}"
    by_voice = conn.execute(
        f"SELECT {key} AS period, v.voice, count(*), sum(v.words) {base} GROUP BY 1, 2", values
    ).fetchall()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    overall: dict[str, int] = defaultdict(int)
    for row in by_voice:
        totals[row[0]][0] += row[2]
        totals[row[0]][1] += row[3]
        overall[row[1]] += row[2]
    ranked = sorted(overall, key=lambda voice: (-overall[voice], voice))
    shown = ranked[:top] + [voice for voice in voices if voice in overall and voice not in ranked[:top]]
    periods = _all_periods(min(totals, default=None), max(totals, default=None), period)
    cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for when, voice, quotes, words in by_voice:
        cell = cells[(when, voice if voice in shown else OTHER_VOICES)]
        cell[0] += quotes
        cell[1] += words
    lines = shown + ([OTHER_VOICES] if len(overall) > len(shown) else [])
    rows = [_share_row(when, totals, cells[(when, voice)], voice=voice) for voice in lines for when in periods]
    actors = _actors_over_time(conn, key, where, values, totals, periods, top)
    return {
        "period": period,
        "periods": [{"period": when, "quotes": totals[when][0], "words": totals[when][1]} for when in periods],
        "top": lines,
        "voices": rows,
        "actors": actors,
        "available": ranked,
        "filters": filters.as_query(),
    }


def _actors_over_time(conn, key, where, values, totals, periods, top) -> list[dict]:
    """The `top` actors' quotes per period; an actor is shown with the voice most of its quotes count for."""
    rows = conn.execute(
        f"SELECT {key} AS period, v.actor_id, ac.name, v.voice, count(*), sum(v.words) FROM voices v "
        f"JOIN actors ac ON ac.id = v.actor_id WHERE v.voice IS NOT NULL AND v.published IS NOT NULL "
        f"AND v.speaker_type != 'anonymous' AND {where} GROUP BY 1, 2, 4",
        values,
    ).fetchall()
    quotes_of: dict[int, int] = defaultdict(int)
    voices_of: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    names, cells = {}, defaultdict(lambda: [0, 0])
    for when, actor_id, name, voice, quotes, words in rows:
        quotes_of[actor_id] += quotes
        voices_of[actor_id][voice] += quotes
        names[actor_id] = name
        cells[(actor_id, when)][0] += quotes
        cells[(actor_id, when)][1] += words
    shown = sorted(quotes_of, key=lambda actor: (-quotes_of[actor], names[actor], actor))[:top]
    return [
        _share_row(
            when,
            totals,
            cells[(actor, when)],
            actor_id=actor,
            actor=names[actor],
            voice=min(voices_of[actor], key=lambda voice: (-voices_of[actor][voice], voice)),
        )
        for actor in shown
        for when in periods
    ]


def _share_row(when: str, totals: dict, cell: list[int], **who) -> dict:
    quotes, words = totals.get(when, (0, 0))
    return {
        "period": when,
        **who,
        "quotes": cell[0],
        "words": cell[1],
        "share_quotes": round(cell[0] / quotes, 4) if quotes else 0.0,
        "share_words": round(cell[1] / words, 4) if words else 0.0,
    }


def t975(df: float) -> float:
    """The two-sided 95 % quantile of Student's t with `df` degrees of freedom (Welch's may be fractional)."""
    from scipy.stats import t

    return math.inf if df < 1 else float(t.ppf(0.975, df))


@dataclass(frozen=True)
class Sample:
    """Count, sum and sum of squares of scores: enough for a mean, its spread and interval."""

    n: int
    total: float
    squares: float

    @property
    def mean(self) -> float | None:
        return self.total / self.n if self.n else None

    @property
    def variance(self) -> float | None:
        if self.n < 2:
            return None
        return max(0.0, (self.squares - self.total**2 / self.n) / (self.n - 1))

    def interval(self) -> tuple[float | None, float | None]:
        """The 95 % t interval of the mean (None with fewer than two scores)."""
        if self.variance is None:
            return None, None
        half = t975(self.n - 1) * math.sqrt(self.variance / self.n)
        return round(self.mean - half, 4), round(self.mean + half, 4)

    def row(self, min_quotes: int) -> dict:
        low, high = self.interval()
        return {
            "quotes": self.n,
            "mean_tone": None if self.mean is None else round(self.mean, 4),
            "ci_low": low,
            "ci_high": high,
            "enough": self.n >= min_quotes,
        }


def tone_over_time(
    conn: sqlite3.Connection,
    filters: Filters = Filters(),
    period: str | None = None,
    top: int = 8,
    voices: tuple[str, ...] = (),
    min_quotes: int = MIN_TONE_QUOTES,
) -> dict:
    """Mean tone per voice, period and scoring method, with its count and 95 % t interval; `enough` is
    false where fewer than `min_quotes` scores make the mean (shown, never hidden, never unflagged).
    The voices are the `top` most toned ones and any in `voices`; anonymous sources are one voice."""
    period = resolved_period(conn, filters, period)
    key = PERIOD_KEY[period].format(p="v.published")
    where, values = filters.where()
    rows = conn.execute(
        f"SELECT {key}, v.voice, v.tone_method, count(*), sum(v.tone_score), sum(v.tone_score * v.tone_score) "
        f"FROM voices v WHERE v.voice IS NOT NULL AND v.tone_score IS NOT NULL AND v.published IS NOT NULL "
        f"AND {where} GROUP BY 1, 2, 3",
        values,
    ).fetchall()
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[row[1]] += row[3]
    ranked = sorted(counts, key=lambda voice: (-counts[voice], voice))
    shown = ranked[:top] + [voice for voice in voices if voice in counts and voice not in ranked[:top]]
    out = [
        {"period": when, "voice": voice, "method": method, **Sample(n, total, squares).row(min_quotes)}
        for when, voice, method, n, total, squares in rows
        if voice in shown
    ]
    out.sort(key=lambda r: (shown.index(r["voice"]), r["method"] or "", r["period"]))
    return {
        "period": period,
        "periods": _all_periods(
            min((r[0] for r in rows), default=None), max((r[0] for r in rows), default=None), period
        ),
        "min_quotes": min_quotes,
        "methods": sorted({row[2] for row in rows if row[2]}),
        "top": shown,
        "rows": out,
        "available": ranked,
        "filters": filters.as_query(),
    }


def tone_change(
    conn: sqlite3.Connection,
    voice: str,
    at: str,
    filters: Filters = Filters(),
    min_quotes: int = MIN_TONE_QUOTES,
) -> dict:
    """Has `voice`'s tone changed since `at`? Per scoring method: the mean tone of its quotes before the
    date and from it on, the difference (after − before) and its 95 % Welch interval. `significant`
    says the interval excludes zero; `enough` that each side has at least `min_quotes` scores."""
    at = checked_date(at, "the date of the change")
    where, values = filters.where()
    rows = conn.execute(
        f"SELECT v.tone_method, v.published >= ? AS after, count(*), sum(v.tone_score), "
        f"sum(v.tone_score * v.tone_score) FROM voices v WHERE v.voice = ? AND v.tone_score IS NOT NULL "
        f"AND v.published IS NOT NULL AND {where} GROUP BY 1, 2",
        [at, voice, *values],
    ).fetchall()
    sides: dict[str, dict[str, Sample]] = defaultdict(dict)
    for method, after, n, total, squares in rows:
        sides[method or "none"]["after" if after else "before"] = Sample(n, total, squares)
    methods = []
    for method, pair in sorted(sides.items()):
        before, after = pair.get("before", Sample(0, 0.0, 0.0)), pair.get("after", Sample(0, 0.0, 0.0))
        difference, low, high = _welch(before, after)
        methods.append(
            {
                "method": method,
                "before": before.row(min_quotes),
                "after": after.row(min_quotes),
                "difference": difference,
                "ci_low": low,
                "ci_high": high,
                "significant": low is not None and (low > 0 or high < 0),
                "enough": before.n >= min_quotes and after.n >= min_quotes,
            }
        )
    return {"voice": voice, "at": at, "methods": methods, "filters": filters.as_query()}


def _welch(before: Sample, after: Sample) -> tuple[float | None, float | None, float | None]:
    """after − before, with the 95 % Welch–Satterthwaite interval (None where a side has under two scores)."""
    if not before.n or not after.n:
        return None, None, None
    difference = after.mean - before.mean
    if before.variance is None or after.variance is None:
        return round(difference, 4), None, None
    a, b = before.variance / before.n, after.variance / after.n
    if a + b == 0:
        return round(difference, 4), round(difference, 4), round(difference, 4)
    df = (a + b) ** 2 / ((a * a) / (before.n - 1) + (b * b) / (after.n - 1))
    half = t975(df) * math.sqrt(a + b)
    return round(difference, 4), round(difference - half, 4), round(difference + half, 4)


def _spread(values: list[float]) -> dict:
    if not values:
        return {"count": 0, "median": None, "q1": None, "q3": None, "min": None, "max": None}
    quartiles = statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else [values[0]] * 3
    return {
        "count": len(values),
        "median": statistics.median(values),
        "q1": quartiles[0],
        "q3": quartiles[2],
        "min": min(values),
        "max": max(values),
    }


def lead_times(conn: sqlite3.Connection, filters: Filters = Filters()) -> dict:
    """Per voice, how far ahead of the next voice it was on the stories it spoke first on: hours where
    both articles give a time of day, whole days otherwise, each with its spread; and the stories it was
    first-equal on (the same day, no time of day). A story's first voice is taken across all outlets
    and languages: only the date filters apply."""
    firsts = first_voice(conn, filters.period)["stories"]
    hours, days, ties, led = defaultdict(list), defaultdict(list), defaultdict(int), defaultdict(int)
    for story in firsts:
        if story["tie"]:
            for voice in story["first_voices"]:
                ties[voice] += 1
            continue
        led[story["voice"]] += 1
        if story["lead_hours"] is not None:
            hours[story["voice"]].append(story["lead_hours"])
        elif story["lead_days"] is not None:
            days[story["voice"]].append(story["lead_days"])
    voices = sorted(set(led) | set(ties), key=lambda voice: (-led[voice], -ties[voice], voice))
    return {
        "timed": has_times_of_day(conn),
        "voices": [
            {
                "voice": voice,
                "stories_first": led[voice],
                "stories_tied_first": ties[voice],
                "unfollowed": led[voice] - len(hours[voice]) - len(days[voice]),
                "lead_hours": _spread(hours[voice]),
                "lead_days": _spread(days[voice]),
                "hours": sorted(hours[voice]),
                "days": sorted(days[voice]),
            }
            for voice in voices
        ],
    }


def has_times_of_day(conn: sqlite3.Connection) -> bool:
    """Whether any article gives a time of day (else delays are in days and charts by the day)."""
    return conn.execute("SELECT 1 FROM articles WHERE length(published) > 10 LIMIT 1").fetchone() is not None


def head_to_head(conn: sqlite3.Connection, first: str, second: str, filters: Filters = Filters()) -> dict:
    """On the stories both voices speak in: who spoke first how often, and by how much. Each voice's first
    quote in the story is compared: in one article, the earlier in the text; where both articles give a
    time of day, the earlier time; otherwise the earlier date, and the same date is a tie."""
    if first == second:
        raise InvalidFilter("a voice against itself", "Pick two different voices.")
    period_where, period_values = filters.period.where("v")
    rows = conn.execute(
        "SELECT story_id, voice, published, article_key, position, article_id, quote_id, source, story FROM ("
        "SELECT v.*, s.label AS story, row_number() OVER (PARTITION BY v.story_id, v.voice ORDER BY "
        "v.published IS NULL, v.published, v.article_key, v.position) AS rank FROM voices v "
        f"JOIN stories s ON s.id = v.story_id WHERE v.voice IN (?, ?) AND {period_where}) WHERE rank = 1",
        [first, second, *period_values],
    ).fetchall()
    by_story: dict[int, dict[str, sqlite3.Row]] = defaultdict(dict)
    for row in rows:
        by_story[row["story_id"]][row["voice"]] = row
    stories, wins, leads = [], {first: 0, second: 0, None: 0}, {first: [], second: []}
    for story_id, pair in by_story.items():
        if len(pair) < 2:
            continue
        winner, hours, days = _who_first(pair[first], pair[second])
        wins[winner] += 1
        if winner is not None:
            leads[winner].append(hours if hours is not None else days)
        stories.append(
            {
                "story_id": story_id,
                "story": pair[first]["story"],
                "first": winner,
                "tie": winner is None,
                "same_article": pair[first]["article_id"] == pair[second]["article_id"],
                "lead_hours": hours,
                "lead_days": days,
                **{
                    f"{side}_{field}": pair[voice][field]
                    for field in ("published", "quote_id", "source")
                    for side, voice in (("a", first), ("b", second))
                },
            }
        )
    stories.sort(key=lambda s: (min(filter(None, [s["a_published"], s["b_published"]]), default=""), s["story_id"]))
    return {
        "a": first,
        "b": second,
        "stories_both": len(stories),
        "a_first": wins[first],
        "b_first": wins[second],
        "ties": wins[None],
        "a_leads": _spread(leads[first]),
        "b_leads": _spread(leads[second]),
        "stories": stories,
    }


def _who_first(a: sqlite3.Row, b: sqlite3.Row) -> tuple[str | None, float | None, int | None]:
    """(winner's voice or None for a tie, lead in hours or None, lead in days or None)."""
    if a["article_id"] == b["article_id"]:
        winner = a if a["position"] < b["position"] else b
        return (winner["voice"], 0.0, None) if timed(a["published"]) else (winner["voice"], None, 0)
    if timed(a["published"]) and timed(b["published"]):
        hours = hours_between(b["published"], a["published"])
        if hours is None or hours == 0:
            return None, None, None
        return (a if hours > 0 else b)["voice"], abs(hours), None
    days = days_between(b["published"], a["published"])
    if not days:  # the same day without a time of day, or a date missing: nobody is known to be first
        return None, None, None
    return (a if days > 0 else b)["voice"], None, abs(days)


def voice_choices(conn: sqlite3.Connection, limit: int = 200) -> list[str]:
    """The voices with most quotes, for pickers (anonymous sources included, as one voice)."""
    return [
        row[0]
        for row in conn.execute(
            "SELECT voice FROM voice_totals WHERE grouping = 'all' AND voice IS NOT NULL GROUP BY voice "
            "ORDER BY sum(quotes) DESC, voice LIMIT ?",
            (limit,),
        )
    ]
