"""Dates: a table of expressions in both languages, anchored on a publication date."""

import pytest

from voxmap.extract.dates import find_dates

PUBLISHED = "2024-05-02"  # a Thursday


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("en", "on Tuesday", [("Tuesday", "2024-04-30")]),
        ("en", "last Thursday", [("last Thursday", "2024-04-25")]),
        ("en", "next Friday", [("next Friday", "2024-05-03")]),
        ("en", "yesterday and tomorrow", [("yesterday", "2024-05-01"), ("tomorrow", "2024-05-03")]),
        ("en", "April 24 and 25", [("April 24 and 25", "2024-04-24")]),
        ("en", "on Jan. 5, 2016.", [("Jan. 5, 2016", "2016-01-05")]),
        ("en", "in November 2018", [("in November 2018", "2018-11-01")]),
        ("en", "three weeks ago", [("three weeks ago", "2024-04-11")]),
        (
            "en",
            "On April 24 they met; four days later they marched.",
            [("April 24", "2024-04-24"), ("four days later", "2024-04-28")],
        ),
        ("en", "in December", [("in December", "2023-12-01")]),  # the latest December before publication
        ("fr", "mardi dernier", [("mardi dernier", "2024-04-30")]),
        ("fr", "en mars dernier", [("en mars dernier", "2024-03-01")]),
        ("fr", "le 12 mars.", [("12 mars", "2024-03-12")]),
        ("fr", "il y a trois jours", [("il y a trois jours", "2024-04-29")]),
        ("fr", "les 24 et 25 avril 2016", [("24 et 25 avril 2016", "2016-04-24")]),
        (
            "fr",
            "hier, aujourd'hui et demain",
            [("hier", "2024-05-01"), ("aujourd'hui", "2024-05-02"), ("demain", "2024-05-03")],
        ),
        # negatives: months and weekdays inside other words, bare numbers
        ("en", "The Mayor of Marchville spoke of 2024 members.", []),
        ("fr", "Le mardi-gras, la marche des fiertés.", []),
    ],
)
def test_dates(language, text, expected):
    found = [(d.text, d.value.isoformat() if d.value else None) for d in find_dates(text, language, PUBLISHED)]
    assert found == expected


def test_without_publication_date_only_explicit_years_have_a_value():
    found = {d.text: d.value for d in find_dates("On Tuesday, and on April 24, 2016.", "en", None)}
    assert found["Tuesday"] is None and found["April 24, 2016"].isoformat() == "2016-04-24"


def test_offsets_slice_back():
    text = "Mardi dernier, le 12 mars, en mars dernier."
    for mention in find_dates(text, "fr", PUBLISHED):
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("en", "voted in 2022", [("in 2022", "2022-01-01", "year")]),
        ("fr", "depuis 2019", [("depuis 2019", "2019-01-01", "year")]),
        ("en", "2022 members", []),  # a number, not a year
    ],
)
def test_years_after_a_preposition(language, text, expected):
    found = [(d.text, d.value.isoformat(), d.granularity) for d in find_dates(text, language, PUBLISHED)]
    assert found == expected
