"""Stories are news events: bounded in time from their first article, compact, and scored by B-cubed."""

import pytest
from helpers import ROOT, analysis_of, build_corpus

from voxmap.corpus.rebuild import rebuild, remember_story_options
from voxmap.corpus.store import connect
from voxmap.corpus.stories import StoryOptions, article_stories, story_shape
from voxmap.errors import GoldFormatError
from voxmap.evaluation.clusters import bcubed
from voxmap.evaluation.stories import read_story_gold, score_stories

STRIKE = "The dockworkers' strike in Marseille entered its {n} day as the port authority and the union met again."
FLOOD = "Floods swept the Loire valley and farmers counted the drowned harvest after the river broke its banks."


def corpus(tmp_path, days, text=STRIKE, options=StoryOptions()):
    conn = connect(tmp_path / "stories.db")
    build_corpus(
        conn, [analysis_of(text.format(n=f"{day}th"), [], id=f"s{day}", published=f"2024-03-{day:02d}") for day in days]
    )
    remember_story_options(conn, options)
    rebuild(conn, start="stories")
    return conn


def test_a_story_never_chains_past_its_window(tmp_path):
    # The same event written every day for three weeks: single-link grouping through a moving window made
    # one story of it; a story now takes articles only within its window of its first day.
    conn = corpus(tmp_path, range(1, 22))
    shape = story_shape(conn)
    assert shape["longest_span_days"] <= StoryOptions().window_days
    assert shape["stories"] >= 21 // (StoryOptions().window_days + 1)
    assert shape["largest"] <= StoryOptions().window_days + 1


def test_two_events_of_one_week_stay_apart(tmp_path):
    conn = connect(tmp_path / "two.db")
    build_corpus(
        conn,
        [
            analysis_of(STRIKE.format(n="second"), [], id="strike1", published="2024-03-01"),
            analysis_of(FLOOD, [], id="flood1", published="2024-03-01"),
            analysis_of(STRIKE.format(n="third"), [], id="strike2", published="2024-03-02"),
            analysis_of(FLOOD.replace("Floods swept", "New floods hit"), [], id="flood2", published="2024-03-03"),
        ],
    )
    stories = {key.rsplit(":", 1)[-1]: story for key, story in article_stories(conn).items()}
    assert stories["strike1"] == stories["strike2"]
    assert stories["flood1"] == stories["flood2"]
    assert stories["strike1"] != stories["flood1"]


@pytest.mark.parametrize(
    "gold, predicted, precision, recall",
    [
        ({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "y"}, 1.0, 1.0),  # the gold itself
        ({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "x"}, 0.5556, 1.0),  # everything merged
        ({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "y", "c": "z"}, 1.0, 0.6667),  # everything apart
        ({"a": 1, "b": 1}, {"a": "x"}, 1.0, 0.5),  # an item the system left out is alone
        ({"a": 1, "b": 1}, {"a": "x", "b": "x", "z": "x"}, 1.0, 1.0),  # items the gold does not place are not scored
    ],
)
def test_bcubed(gold, predicted, precision, recall):
    result = bcubed(gold, predicted)
    assert (result["precision"], result["recall"]) == (precision, recall)


def test_story_gold_names_articles_by_file_name_or_key(tmp_path):
    gold_file = tmp_path / "gold.toml"
    gold_file.write_text(
        '[[story]]\nlabel = "strike"\narticles = ["s1", "s2"]\n[[story]]\nlabel = "flood"\narticles = ["f1", "gone"]\n',
        encoding="utf-8",
    )
    gold = read_story_gold(gold_file)
    result = score_stories(gold, {"origin:/data/s1.txt": 1, "origin:/data/s2.txt": 1, "origin:/data/f1.txt": 1})
    assert result["missing"] == 1 and result["items"] == 3 and result["recall"] == 1.0 and result["precision"] < 1.0
    gold_file.write_text('[[story]]\narticles = ["s1"]\n[[story]]\narticles = ["s1"]\n', encoding="utf-8")
    with pytest.raises(GoldFormatError, match="two stories"):
        read_story_gold(gold_file)


def test_the_polnear_story_gold_is_well_formed():
    gold = read_story_gold(ROOT / "tests" / "gold" / "polnear_stories.toml")
    assert len(set(gold.values())) >= 30 and len(gold) >= 150


@pytest.mark.parametrize("text", [STRIKE.format(n="same"), "— ! 12 …"])  # copies of one text; no word at all
def test_a_corpus_of_copies_or_of_no_words_still_has_stories(tmp_path, text):
    conn = connect(tmp_path / "copies.db")
    build_corpus(conn, [analysis_of(text, [], id=f"c{i}", published="2024-03-01") for i in range(25)])
    stories = set(article_stories(conn).values())
    assert None not in stories and len(stories) >= 1
