"""Wire copies: one dispatch in several outlets is one syndication cluster, its first publication the
earliest; by default its quotes count once (there), and `per-outlet` counts every copy. Texts below
differ by an outlet's small edits, as copies do; a rewritten story on the same subject is no copy."""

import pytest
from helpers import analysis_of, build_corpus

from voxmap.corpus.measures import share_of_voice
from voxmap.corpus.rebuild import rebuild
from voxmap.corpus.store import connect
from voxmap.corpus.syndication import remember_syndicated, syndication_summary

DISPATCH = (
    "“We will block the ring road on Monday,” said the union. The union has called its members to gather in front "
    "of the prefecture at dawn, as it did during the long dispute of 2019 over the night bonus of the officers. "
    "The ministry said on Tuesday that talks would resume next week in Paris with every organisation represented, "
    "and that no decision had been taken about the bonus, which is at the heart of the dispute since March. "
    "Officers in three departments have already stopped issuing fines, according to figures the union released."
)
REWRITE = (
    "“We will block the ring road on Monday,” said the union. Police officers angry about their pay plan to "
    "protest next week, a move their leaders have threatened for months while the government hesitated over "
    "its budget. Analysts expect a long stand-off as neither side wants to lose face before the local elections, "
    "and several mayors fear the consequences for traffic and for businesses near the prefecture during the day."
)
QUOTE = (1, DISPATCH.index("”"))


def article(id, text, source, published):
    return analysis_of(text, [QUOTE], id=id, source=source, published=published, story=id,
                       speakers={1: ("Rempart", "organization")})  # fmt: skip


@pytest.fixture
def conn(tmp_path):
    connection = connect(tmp_path / "wire.db")
    build_corpus(
        connection,
        [
            article("late", DISPATCH.replace("Tuesday", "Tuesday evening"), "Metro Wire", "2024-03-05T12:00:00"),
            article("first", DISPATCH, "The Daily Courier", "2024-03-05T08:00:00"),
            article("again", DISPATCH + " (With AFP.)", "Northern Chronicle", "2024-03-06"),
            article("other", REWRITE, "The Daily Courier", "2024-03-05T09:00:00"),
        ],
    )
    yield connection
    connection.close()


def test_copies_are_one_cluster_whose_first_publication_counts(conn):
    summary = syndication_summary(conn)
    assert (summary["clusters"], summary["articles"], summary["copies"], summary["counted"]) == (1, 3, 2, "once")
    firsts = {row[0] for row in conn.execute("SELECT first_article FROM syndication")}
    assert firsts == {"first"}
    counted = {row[0] for row in conn.execute("SELECT article_id FROM voices")}
    assert counted == {"first", "other"}  # the rewrite is no copy: it counts on its own
    (rempart,) = share_of_voice(conn)["voices"]
    assert rempart["quotes"] == 2


def test_per_outlet_counts_every_copy(conn):
    remember_syndicated(conn, "per-outlet")
    rebuild(conn)
    assert conn.execute("SELECT count(*) FROM voices").fetchone()[0] == 4
    assert syndication_summary(conn)["counted"] == "per-outlet"


def test_a_changed_copy_leaves_its_cluster_and_signatures_are_kept(conn):
    rewritten = " ".join(reversed(DISPATCH.split(". ")))  # the same sentences in another order: a new article
    # As the store changes an article: its text and its content hash together.
    conn.execute("UPDATE articles SET text = ?, content_hash = 'changed' WHERE id = 'again'", (rewritten,))
    conn.commit()
    rebuild(conn)
    assert (syndication_summary(conn)["clusters"], syndication_summary(conn)["articles"]) == (1, 2)
    assert conn.execute("SELECT count(*) FROM article_minhash").fetchone()[0] == 4


def test_short_texts_are_never_copies(tmp_path):
    conn = connect(tmp_path / "short.db")
    text = "“Strike,” said the union."
    build_corpus(conn, [analysis_of(text, [(1, 7)], id=f"s{i}", source=f"Outlet {i}", story=f"s{i}") for i in range(3)])
    assert syndication_summary(conn)["clusters"] == 0


def test_the_article_page_shows_the_copies(conn, tmp_path):
    from fastapi.testclient import TestClient

    from voxmap.web import create_app

    db = conn.execute("PRAGMA database_list").fetchone()[2]
    client = TestClient(create_app(db))
    copy = client.get("/articles/late.json").json()["data"]
    assert copy["syndication"]["is_copy"] and copy["syndication"]["first_article"] == "first"
    assert not any(quote["rejected"] for quote in copy["quotes"])  # counted elsewhere, not rejected
    assert "A wire copy" in client.get("/articles/late").text
    assert "also published by" in client.get("/articles/first").text
