"""Removing articles: by id, by outlet, before a date; what remains is as if the removed had never
been ingested (quotes, actors, search, measures), their inputs say so, and nothing else is touched."""

import pytest
from helpers import analysis_of, build_corpus

from voxmap.corpus.measures import share_of_voice
from voxmap.corpus.remove import RemoveError, remove_articles, selected
from voxmap.corpus.store import connect

TEXT = "“We strike,” said X. “No,” said Y."
SPANS = [(1, 10), (22, 24)]


@pytest.fixture
def conn(tmp_path):
    connection = connect(tmp_path / "remove.db")
    build_corpus(
        connection,
        [
            analysis_of(TEXT, SPANS, id="d1", source="Daily", published="2024-03-01", story="s1",
                        speakers={1: ("Rempart", "organization"), 2: ("Ministry", "organization")}),
            analysis_of(TEXT, SPANS[:1], id="d2", source="Daily", published="2024-03-05", story="s2",
                        speakers={1: ("Rempart", "organization")}),
            analysis_of(TEXT, SPANS[:1], id="w1", source="Weekly", published="2024-03-02", story="s3",
                        speakers={1: ("Unité Santé", "organization")}),
        ],
    )  # fmt: skip
    connection.execute("INSERT INTO inputs (key, article_id, status) VALUES ('file:daily', 'd1', 'ok')")
    connection.commit()
    yield connection
    connection.close()


@pytest.mark.parametrize(
    "ids, source, before, expected",
    [
        (("d2",), None, None, ["d2"]),
        ((), "Daily", None, ["d1", "d2"]),
        ((), None, "2024-03-03", ["d1", "w1"]),
        ((), "Daily", "2024-03-03", ["d1"]),  # both conditions apply
        (("nope",), None, None, []),
        ((), "Nobody", None, []),
    ],
)
def test_what_is_selected(conn, ids, source, before, expected):
    assert selected(conn, ids, source, before) == expected


def test_nothing_named_is_refused(conn):
    with pytest.raises(RemoveError):
        selected(conn)


def test_removing_an_outlet_leaves_the_corpus_as_if_it_had_never_been_ingested(conn):
    assert remove_articles(conn, selected(conn, source="Daily")) == 2
    assert [row[0] for row in conn.execute("SELECT id FROM articles")] == ["w1"]
    assert conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == 1
    assert {row["voice"] for row in share_of_voice(conn)["voices"]} == {"Unité Santé"}
    assert conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'strike'").fetchone()[0] == 1
    assert {row[0] for row in conn.execute("SELECT name FROM actors")} == {"Unité Santé"}
    status, reason = conn.execute("SELECT status, reason FROM inputs WHERE key = 'file:daily'").fetchone()
    assert status == "skipped" and reason.startswith("removed by voxmap remove")
    assert remove_articles(conn, []) == 0
