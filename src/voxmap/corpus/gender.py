"""The gender of the people quoted, over time: quotes and words of women, men and people whose gender
is not known, per outlet and period, and the share of women among the people quoted. A person's
gender comes from the knowledge file, else from what the articles tell (an honorific, a first name, a
description's agreement; never a pronoun alone), else from the first name of their name; else it is
unknown (voxmap.corpus.actors.actor_gender, voxmap.knowledge.link)."""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from .trends import ALL_OUTLETS, PERIOD_KEY, Filters, resolved_period


def gender_over_time(conn: sqlite3.Connection, filters: Filters = Filters(), period: str | None = None) -> dict:
    """Quotes and quoted words of named people per outlet and period by gender (women, men, unknown),
    the share of women among those whose gender is known and the unknown share; `(all outlets)` sums
    them, `overall` is the whole corpus, `methods` counts the quotes by how the gender was found
    (knowledge, text: an honorific, a first name or a description's agreement in the articles, first
    name: the actor's name alone; unknown). Organisations, anonymous sources and unfound speakers
    are not people and are left out."""
    period = resolved_period(conn, filters, period)
    key = PERIOD_KEY[period].format(p="v.published")
    where, values = filters.where()
    cells: dict[tuple[str, str | None], dict] = defaultdict(lambda: defaultdict(int))
    methods: dict[str, int] = defaultdict(int)
    for when, outlet, gender, source, quotes, words in conn.execute(
        f"SELECT {key}, v.source, ac.gender, ac.gender_source, count(*), sum(v.words) FROM voices v "
        f"JOIN actors ac ON ac.id = v.actor_id WHERE ac.type = 'person' "
        f"AND v.speaker_type NOT IN ('anonymous', 'unknown', 'media') AND v.published IS NOT NULL AND {where} "
        f"GROUP BY 1, 2, 3, 4",
        values,
    ):
        methods[source if gender else "unknown"] += quotes
        for group in ((outlet or "(no outlet)", when), (ALL_OUTLETS, when), (outlet or "(no outlet)", None),
                      (ALL_OUTLETS, None)):  # fmt: skip
            cells[group][gender] += quotes
            cells[group][f"{gender}_words"] += words or 0
    rows = [_gender_row(outlet, when, told) for (outlet, when), told in sorted(cells.items(), key=_by_group) if when]
    outlets = [
        _gender_row(outlet, None, told) for (outlet, when), told in sorted(cells.items(), key=_by_group) if not when
    ]
    people = dict(
        conn.execute(
            "SELECT COALESCE(ac.gender, 'unknown'), count(DISTINCT ac.id) FROM voices v JOIN actors ac "
            "ON ac.id = v.actor_id WHERE ac.type = 'person' AND v.speaker_type NOT IN ('anonymous', 'unknown', 'media') "
            f"AND v.published IS NOT NULL AND {where} GROUP BY 1",
            values,
        ).fetchall()
    )
    women, men = people.get("feminine", 0), people.get("masculine", 0)
    return {
        "period": period,
        "rows": rows,
        "outlets": outlets,
        "overall": next((row for row in outlets if row["outlet"] == ALL_OUTLETS), None),
        # GenderGapTracker's headline: the share of women among the people quoted (not among the quotes).
        "people": {
            "women": women,
            "men": men,
            "unknown": people.get("unknown", 0),
            "share_women": round(women / (women + men), 4) if women + men else None,
        },
        "methods": dict(sorted(methods.items())),
        "filters": filters.as_query(),
    }


def _by_group(item) -> tuple:
    (outlet, when), _ = item
    return (outlet != ALL_OUTLETS, outlet, when or "")


def _gender_row(outlet: str, when: str | None, told: dict) -> dict:
    women, men, unknown = told["feminine"], told["masculine"], told[None]
    total = women + men + unknown
    return {
        "outlet": outlet,
        "period": when,
        "women": women,
        "men": men,
        "unknown": unknown,
        "women_words": told["feminine_words"],
        "men_words": told["masculine_words"],
        "unknown_words": told["None_words"],
        "share_women": round(women / (women + men), 4) if women + men else None,
        "share_unknown": round(unknown / total, 4) if total else None,
    }
