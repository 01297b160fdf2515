"""Measures over time and first voices on small hand-built corpora with answers worked out by hand:
same-day ties, periods, shares with "other voices", tone intervals and change, head-to-head. No model."""

import math
from datetime import date, timedelta

import pytest
from helpers import analysis_of, build_corpus

from voxmap.corpus import trends
from voxmap.corpus.gender import gender_over_time
from voxmap.corpus.measures import first_voice
from voxmap.corpus.store import connect
from voxmap.corpus.trends import Filters
from voxmap.errors import InvalidFilter

TEXT = "“Strike,” said X. “No,” said Y. “Maybe,” said Z."
SPANS = [(1, 7), (19, 21), (32, 37)]
ORG = "organization"


@pytest.fixture
def conn(tmp_path):
    connection = connect(tmp_path / "t.db")
    yield connection
    connection.close()


def one(id, voice, published, story="s", source="Outlet", tone=None, method="vader", language="en"):
    """An article with one quote by the organisation `voice`."""
    return analysis_of(
        TEXT,
        SPANS[:1],
        id=id,
        published=published,
        story=story,
        source=source,
        speakers={1: (voice, ORG)},
        tone=tone,
        tone_method=method,
        language=language,
    )


@pytest.mark.parametrize(
    "outlets",
    [("breitbart", "huff-post", "wapo"), ("wapo", "huff-post", "breitbart"), ("huff-post", "wapo", "breitbart")],
)
def test_same_day_firsts_without_a_time_are_first_equal_whatever_the_outlets_are_called(conn, outlets):
    voices = ("Union", "Ministry", "Party")
    build_corpus(conn, [one(f"a{i}", v, "2016-10-09", source=o) for i, (v, o) in enumerate(zip(voices, outlets))])
    (story,) = first_voice(conn)["stories"]
    assert story["tie"] and story["voice"] is None and story["actor"] is None
    assert story["first_voices"] == ["Ministry", "Party", "Union"]
    assert story["lead"] == "tie (same day)" and story["next_voice"] is None
    counts = {row["voice"]: (row["stories_first"], row["stories_tied_first"]) for row in first_voice(conn)["voices"]}
    assert counts == {voice: (0, 1) for voice in voices}


@pytest.mark.parametrize(
    "published, first, lead",
    [
        (("2016-10-09T08:00:00", "2016-10-09T11:30:00"), "Union", "3.5 h"),  # a time of day: no tie
        (("2016-10-09", "2016-10-10"), "Union", "1 day"),
        (("2016-10-10", "2016-10-09"), "Ministry", "1 day"),
    ],
)
def test_firsts_with_times_or_different_days_have_one_winner(conn, published, first, lead):
    build_corpus(conn, [one("a", "Union", published[0]), one("b", "Ministry", published[1])])
    (story,) = first_voice(conn)["stories"]
    assert (story["tie"], story["voice"], story["first_voices"], story["lead"]) == (False, first, [first], lead)


def test_one_article_orders_its_own_voices_even_without_a_time(conn):
    article = analysis_of(
        TEXT, SPANS[:2], id="a", published="2016-10-09", story="s", speakers={1: ("Union", ORG), 2: ("Ministry", ORG)}
    )
    build_corpus(conn, [article])
    (story,) = first_voice(conn)["stories"]
    assert (story["tie"], story["voice"], story["next_voice"], story["lead"]) == (
        False,
        "Union",
        "Ministry",
        "same day",
    )


def _days(start: str, count: int, step: int = 1) -> list[str]:
    first = date.fromisoformat(start)
    return [(first + timedelta(days=step * n)).isoformat() for n in range(count)]


@pytest.mark.parametrize(
    "span_days, period",
    [(0, "day"), (45, "day"), (46, "week"), (366, "week"), (367, "month"), (900, "month")],
)
def test_the_period_follows_the_span_of_the_corpus(conn, span_days, period):
    build_corpus(conn, [one("a", "Union", "2020-01-01"), one("b", "Union", _days("2020-01-01", 2, span_days)[1])])
    assert trends.choose_period(conn) == period


def test_voice_over_time_fills_gaps_sums_the_rest_and_shares_add_up(conn):
    # Union speaks on days 1, 1 and 4, Ministry on day 1, Party on day 2; nothing on day 3.
    days = ["2024-03-01", "2024-03-01", "2024-03-04", "2024-03-01", "2024-03-02"]
    voices = ["Union", "Union", "Union", "Ministry", "Party"]
    build_corpus(conn, [one(f"a{i}", v, d, story=f"s{i}") for i, (v, d) in enumerate(zip(voices, days))])
    data = trends.voice_over_time(conn, top=1)
    assert data["period"] == "day"
    assert [p["period"] for p in data["periods"]] == _days("2024-03-01", 4)
    assert data["top"] == ["Union", trends.OTHER_VOICES]
    lines = {(r["voice"], r["period"]): r["quotes"] for r in data["voices"]}
    assert [lines[("Union", d)] for d in _days("2024-03-01", 4)] == [2, 0, 0, 1]
    assert [lines[(trends.OTHER_VOICES, d)] for d in _days("2024-03-01", 4)] == [1, 1, 0, 0]
    for when in ("2024-03-01", "2024-03-02", "2024-03-04"):
        assert sum(r["share_quotes"] for r in data["voices"] if r["period"] == when) == pytest.approx(1.0, abs=1e-3)
    picked = trends.voice_over_time(conn, top=1, voices=("Party",))
    assert picked["top"] == ["Union", "Party", trends.OTHER_VOICES]


def test_voice_over_time_by_week_names_weeks_by_their_monday_and_filters_apply(conn):
    # 2024-03-06 is a Wednesday, 2024-03-10 a Sunday (same week), 2024-06-03 a Monday.
    rows = [("Union", "2024-03-06", "Daily"), ("Union", "2024-03-10", "Weekly"), ("Ministry", "2024-06-03", "Daily")]
    build_corpus(conn, [one(f"a{i}", v, d, story=f"s{i}", source=o) for i, (v, d, o) in enumerate(rows)])
    data = trends.voice_over_time(conn)
    assert data["period"] == "week"
    assert data["periods"][0] == {"period": "2024-03-04", "quotes": 2, "words": 2}
    assert data["periods"][-1]["period"] == "2024-06-03" and len(data["periods"]) == 14
    daily = trends.voice_over_time(conn, Filters(outlet="Daily"), period="week")
    assert sum(p["quotes"] for p in daily["periods"]) == 2
    assert trends.voice_over_time(conn, period="month")["periods"] == [
        {"period": "2024-03", "quotes": 2, "words": 2},
        {"period": "2024-04", "quotes": 0, "words": 0},
        {"period": "2024-05", "quotes": 0, "words": 0},
        {"period": "2024-06", "quotes": 1, "words": 1},
    ]


def test_tone_over_time_gives_the_mean_its_t_interval_and_flags_thin_periods(conn):
    scores = [0.1, 0.3, 0.5]  # mean 0.3, sample sd 0.2: half-width 4.303 * 0.2 / sqrt(3)
    build_corpus(conn, [one(f"a{i}", "Union", "2024-03-01", story=f"s{i}", tone=t) for i, t in enumerate(scores)])
    (row,) = trends.tone_over_time(conn)["rows"]
    half = 4.303 * 0.2 / math.sqrt(3)
    assert (row["quotes"], row["mean_tone"], row["enough"]) == (3, 0.3, False)
    assert (row["ci_low"], row["ci_high"]) == (pytest.approx(0.3 - half, abs=1e-3), pytest.approx(0.3 + half, abs=1e-3))
    assert trends.tone_over_time(conn, min_quotes=3)["rows"][0]["enough"]


def test_tone_is_never_averaged_across_scoring_methods(conn):
    build_corpus(
        conn,
        [
            one("en", "Union", "2024-03-01", story="s1", tone=0.8, method="vader"),
            one("fr", "Union", "2024-03-01", story="s2", tone=-0.2, method="textblob-fr", language="fr"),
        ],
    )
    data = trends.tone_over_time(conn)
    assert data["methods"] == ["textblob-fr", "vader"]
    assert {(r["method"], r["mean_tone"]) for r in data["rows"]} == {("vader", 0.8), ("textblob-fr", -0.2)}


@pytest.mark.parametrize(
    "before, after, significant",
    [
        ([-0.6, -0.5, -0.4, -0.5, -0.6, -0.4], [0.4, 0.5, 0.6, 0.5, 0.4, 0.6], True),
        ([-0.5, 0.5, -0.4, 0.4, 0.0, 0.1], [0.5, -0.5, 0.4, -0.4, 0.1, 0.0], False),
    ],
)
def test_tone_change_before_and_after_a_date(conn, before, after, significant):
    articles = [one(f"b{i}", "Union", f"2018-0{1 + i % 6}-10", story=f"b{i}", tone=t) for i, t in enumerate(before)]
    articles += [one(f"a{i}", "Union", f"2020-0{1 + i % 6}-10", story=f"a{i}", tone=t) for i, t in enumerate(after)]
    build_corpus(conn, articles)
    (change,) = trends.tone_change(conn, "Union", "2019-01-01")["methods"]
    assert change["before"]["quotes"] == len(before) and change["after"]["quotes"] == len(after)
    assert change["difference"] == pytest.approx(sum(after) / len(after) - sum(before) / len(before), abs=1e-4)
    assert change["ci_low"] < change["difference"] < change["ci_high"]
    assert change["significant"] is significant and change["enough"]


@pytest.mark.parametrize("df, t", [(1, 12.706), (10, 2.228), (30, 2.042), (40, 2.021), (120, 1.980), (10_000, 1.960)])
def test_t_quantile(df, t):
    assert trends.t975(df) == pytest.approx(t, abs=1e-3)


def test_head_to_head_counts_wins_ties_and_leads(conn):
    build_corpus(
        conn,
        [
            one("1a", "Union", "2016-10-09T08:00:00", story="timed"),
            one("1b", "Ministry", "2016-10-09T10:00:00", story="timed"),
            one("2a", "Union", "2016-10-10", story="same day"),
            one("2b", "Ministry", "2016-10-10", story="same day"),
            one("3a", "Union", "2016-10-12", story="days"),
            one("3b", "Ministry", "2016-10-11", story="days"),
            one("4a", "Union", "2016-10-13", story="union only"),
        ],
    )
    data = trends.head_to_head(conn, "Union", "Ministry")
    assert (data["stories_both"], data["a_first"], data["b_first"], data["ties"]) == (3, 1, 1, 1)
    by_story = {s["story"]: s for s in data["stories"]}
    assert (by_story["timed"]["first"], by_story["timed"]["lead_hours"]) == ("Union", 2.0)
    assert (by_story["days"]["first"], by_story["days"]["lead_days"]) == ("Ministry", 1)
    assert by_story["same day"]["tie"] and by_story["same day"]["first"] is None
    with pytest.raises(InvalidFilter):
        trends.head_to_head(conn, "Union", "Union")


def test_lead_times_separate_hours_days_and_ties(conn):
    build_corpus(
        conn,
        [
            one("1a", "Union", "2016-10-09T08:00:00", story="timed"),
            one("1b", "Ministry", "2016-10-09T14:00:00", story="timed"),
            one("2a", "Union", "2016-10-10", story="days"),
            one("2b", "Ministry", "2016-10-13", story="days"),
            one("3a", "Union", "2016-10-20", story="tie"),
            one("3b", "Party", "2016-10-20", story="tie"),
        ],
    )
    union = next(v for v in trends.lead_times(conn)["voices"] if v["voice"] == "Union")
    assert (union["stories_first"], union["stories_tied_first"]) == (2, 1)
    assert (union["hours"], union["days"]) == ([6.0], [3])


@pytest.mark.parametrize(
    "kwargs",
    [
        {"since": "2016-13-45"},
        {"until": "2016-02-30"},
        {"since": "yesterday"},
        {"since": "2016-10-09", "until": "2016-10-01"},
        {"kinds": ("direct", "paraphrase")},
    ],
)
def test_filters_refuse_what_cannot_mean_anything(kwargs):
    with pytest.raises(InvalidFilter):
        Filters(**kwargs)


def test_filters_round_trip_through_a_query():
    filters = Filters("2016-10-01", "2016-10-31", "wapo", "en", ("direct", "mixed"))
    assert Filters.from_query(**filters.as_query()) == filters
    assert Filters.from_query() == Filters()


def test_gender_over_time_counts_people_by_the_gender_their_articles_tell(conn):
    def person(id, name, gender, source):
        analysis = analysis_of(TEXT, SPANS[:1], id=id, published="2024-03-01", story=id, source=source,
                               speakers={1: (name, "person")})  # fmt: skip
        analysis.actors[0].gender = gender
        return analysis

    build_corpus(
        conn,
        [
            person("1", "Ann Roy", "feminine", "Daily"),
            person("2", "Ann Roy", "feminine", "Daily"),
            person("3", "Bob Lee", "masculine", "Daily"),
            person("4", "Kim Dao", None, "Weekly"),  # nothing tells: unknown, not guessed
            one("5", "Union", "2024-03-01", story="5", source="Weekly"),  # an organisation is not a person
        ],
    )
    data = gender_over_time(conn)
    outlets = {row["outlet"]: row for row in data["outlets"]}
    assert (outlets["Daily"]["women"], outlets["Daily"]["men"], outlets["Daily"]["unknown"]) == (2, 1, 0)
    assert outlets["Daily"]["share_women"] == pytest.approx(2 / 3, abs=1e-3)
    assert (outlets["Weekly"]["unknown"], outlets["Weekly"]["share_women"]) == (1, None)
    assert outlets[trends.ALL_OUTLETS]["women"] + outlets[trends.ALL_OUTLETS]["unknown"] == 3
    assert data["overall"]["share_unknown"] == pytest.approx(1 / 4, abs=1e-3)
    assert data["overall"]["women_words"] == 2  # "Strike" twice
    assert data["methods"] == {"text": 3, "unknown": 1}


@pytest.mark.parametrize(
    "told, name, gender",
    [
        ({"feminine": 3, "masculine": 1}, "Sam Roy", ("feminine", "text")),
        ({"feminine": 1, "masculine": 1}, "Marie Roy", (None, None)),  # the articles disagree: not guessed
        ({}, "Marie Roy", ("feminine", "first name")),  # nothing told: the first name
        ({}, "Sam Roy", (None, None)),
        ({"masculine": 2}, "Marie Roy", ("masculine", "text")),  # the text outweighs the first name
    ],
)
def test_actor_gender(told, name, gender):
    from collections import Counter

    from voxmap.corpus.actors import actor_gender

    assert actor_gender(Counter(told), name) == gender


def test_the_report_carries_the_measures_over_time_into_json_csv_and_text(conn):
    import csv
    import io

    from rich.console import Console

    from voxmap.corpus.report import report
    from voxmap.render.corpus import print_report, report_csv

    long_title = "A story whose title is much longer than forty characters, as real headlines are"
    articles = [one(f"a{i}", v, f"2024-03-0{1 + i}", story=long_title, tone=t)
                for i, (v, t) in enumerate([("Union", 0.5), ("Ministry", -0.1), ("Union", 0.3)])]  # fmt: skip
    build_corpus(conn, articles)
    data = report(conn)
    assert {"voice_over_time", "tone_over_time", "lead_times", "gender"} <= set(data)
    assert data["voice_over_time"]["voices"] and data["tone_over_time"]["rows"] and data["lead_times"]["voices"]
    measures = {row["measure"] for row in csv.DictReader(io.StringIO(report_csv(data)))}
    assert {"voice_over_time", "tone_over_time", "lead_time", "first_voice_story", "tone"} <= measures
    console = Console(file=io.StringIO(), width=200)
    print_report(data, console)
    text = console.file.getvalue()
    assert long_title in text and "Share of voice over time" in text


def test_report_csv_is_not_capped_at_fifty_voices(conn):
    from voxmap.corpus.report import report
    from voxmap.render.corpus import report_csv

    names = [f"{a}{b}{c}ville" for a in "BDKM" for b in "aeiou" for c in "rnl"]  # 60 made-up bodies
    build_corpus(conn, [one(f"a{i}", name, "2024-03-01", story=f"s{i}") for i, name in enumerate(names)])
    assert len(report(conn)["share_of_voice"]["voices"]) == 50
    rows = report_csv(report(conn, limit=10**9)).splitlines()
    assert sum(line.startswith("share_of_voice,") for line in rows) == 60


@pytest.mark.parametrize(
    "text, query",
    [
        ("border wall", '"border" "wall"'),
        ('"border wall" Mexico', '"border wall" "Mexico"'),
        ("wall -Mexico", '"wall" NOT "Mexico"'),
        ('wall -"New Mexico" -Texas', '"wall" NOT "New Mexico" NOT "Texas"'),
        ("e-mail", '"e mail"'),  # a hyphen inside a word is not an exclusion
        ("Trump OR Clinton", '"Trump" "OR" "Clinton"'),  # OR is a word: said, not silently an operator
        ("", None),
        ("!!", None),
    ],
)
def test_search_words_phrases_and_exclusions(text, query):
    from voxmap.corpus.search import fts_query

    assert fts_query(text) == query


@pytest.mark.parametrize("text", ["-Mexico", '-"border wall" -Texas'])
def test_a_search_that_only_excludes_is_refused(text):
    from voxmap.corpus.search import fts_query

    with pytest.raises(InvalidFilter):
        fts_query(text)


def test_search_counts_what_passes_its_filters_and_refuses_impossible_dates(conn):
    from voxmap.corpus.search import search_quotes

    build_corpus(
        conn, [one("1", "Union", "2024-03-01", source="Daily"), one("2", "Union", "2024-03-02", source="Weekly")]
    )
    assert search_quotes(conn, "strike")["matches"] == 2
    assert search_quotes(conn, "strike", outlet="Daily")["matches"] == 1
    assert search_quotes(conn, "strike -maybe")["matches"] == 2
    with pytest.raises(InvalidFilter):
        search_quotes(conn, "strike", since="2016-13-45")


def test_attention_counts_matching_quotes_and_articles_per_period_and_outlet(conn):
    from voxmap.corpus.search import search_quotes

    build_corpus(
        conn,
        [
            one("1", "Union", "2024-03-01", source="Daily"),
            one("2", "Union", "2024-03-01", source="Daily", story="t"),
            one("3", "Union", "2024-03-03", source="Weekly"),
        ],
    )
    attention = search_quotes(conn, "strike")["attention"]
    assert attention["period"] == "day"
    assert attention["rows"] == [
        {"period": "2024-03-01", "outlet": "Daily", "quotes": 2, "articles": 2},
        {"period": "2024-03-03", "outlet": "Weekly", "quotes": 1, "articles": 1},
    ]
    assert search_quotes(conn, "")["attention"] is None


@pytest.mark.parametrize(
    "published, timed", [(("2016-10-09", "2016-10-10"), False), (("2016-10-09", "2016-10-10T08:00"), True)]
)
def test_delays_are_in_hours_only_where_a_time_of_day_exists(conn, published, timed):
    from voxmap.render.corpus import _delay

    build_corpus(conn, [one("a", "Union", published[0]), one("b", "Ministry", published[1])])
    assert trends.has_times_of_day(conn) is timed
    assert _delay(1140.0, timed) == (1140.0 if timed else 48)


def test_the_share_of_women_among_the_people_quoted(conn):
    build_corpus(conn, [
        analysis_of(TEXT, SPANS[:1], id=str(i), story=str(i), published="2024-03-01", speakers={1: (name, "person")})
        for i, name in enumerate(["Marie Roy", "Marie Roy", "Marie Roy", "Paul Lee", "Jean Kim"])
    ])  # fmt: skip
    people = gender_over_time(conn)["people"]
    assert (people["women"], people["men"]) == (1, 2)  # three of Marie Roy's quotes are one woman
    assert people["share_women"] == pytest.approx(1 / 3, abs=1e-3)
