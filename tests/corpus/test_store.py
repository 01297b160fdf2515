"""The store: property tests (any text survives store -> load, every span slices back, saving twice
is saving once) and measures on small hand-built corpora with known answers. No model is loaded."""

import sqlite3

import pytest
from helpers import analysis_of, build_corpus
from hypothesis import given, settings
from hypothesis import strategies as st

from voxmap.corpus.measures import Period, anonymity, first_voice, share_of_voice
from voxmap.corpus.names import normalize
from voxmap.corpus.store import MIGRATIONS, connect
from voxmap.corpus.store.reader import load_analysis
from voxmap.corpus.store.writer import save_analysis


@pytest.fixture
def conn(tmp_path):
    connection = connect(tmp_path / "test.db")
    yield connection
    connection.close()


def test_migrations_are_recorded_and_not_rerun(tmp_path):
    first = connect(tmp_path / "m.db")
    names = [row[0] for row in first.execute("SELECT name FROM migrations ORDER BY name")]
    assert names == [name for name, _ in MIGRATIONS]
    first.close()
    again = connect(tmp_path / "m.db")  # opening again applies nothing new
    assert again.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)
    assert again.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert again.execute("PRAGMA foreign_keys").fetchone()[0] == 1


TEXTS = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=300)


@settings(max_examples=60, deadline=None)
@given(TEXTS, st.data())
def test_any_text_and_spans_survive_store_and_load(tmp_path_factory, text, data):
    db = connect(tmp_path_factory.mktemp("prop") / "p.db")
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    analysis = analysis_of(text, [(start, end)])
    with db:
        db.execute("BEGIN")
        save_analysis(db, analysis)
    loaded = load_analysis(db, analysis.article.id)
    assert loaded.article.text == text
    for quote in loaded.quotes:
        for span in quote.spans + [quote.speaker.mention]:
            assert loaded.article.text[span.start : span.end] == span.text
    assert loaded.to_dict()["quotes"] == analysis.to_dict()["quotes"]
    db.close()


def _dump(conn: sqlite3.Connection) -> dict:
    tables = [
        "articles",
        "article_actors",
        "mentions",
        "roles",
        "quotes",
        "quote_spans",
        "relations",
        "figures",
        "dates",
    ]
    return {table: sorted(tuple(row) for row in conn.execute(f"SELECT * FROM {table}")) for table in tables}


def test_saving_twice_is_saving_once(conn):
    analysis = analysis_of("“We will win,” said Ann Roy.", [(1, 12)])
    for _ in range(2):
        with conn:
            conn.execute("BEGIN")
            save_analysis(conn, analysis)
    once = _dump(conn)
    assert len(once["articles"]) == 1 and len(once["quotes"]) == 1
    assert conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'win'").fetchone()[0] == 1


def test_a_changed_article_replaces_its_rows(conn):
    first = analysis_of("“We will win,” said Ann Roy. “Again.”", [(1, 12), (30, 36)], id="x1")
    second = analysis_of("“We lost,” said Ann Roy.", [(1, 9)], id="x1")
    for analysis in (first, second):
        with conn:
            conn.execute("BEGIN")
            save_analysis(conn, analysis)
    assert [row[0] for row in conn.execute("SELECT text FROM quotes")] == ["We lost,"]
    assert conn.execute("SELECT count(*) FROM quote_spans").fetchone()[0] == 1


TEXT = "“Strike,” said X. “No,” said Y. “Maybe,” said Z."
SPANS = [(1, 7), (19, 21), (32, 37)]


def test_first_voice_and_lead_time_on_a_known_story(conn):
    union, ministry, source = (
        ("Rempart", "organization"),
        ("Interior Ministry", "organization"),
        ("a source", "anonymous"),
    )
    build_corpus(
        conn,
        [
            analysis_of(
                TEXT, SPANS[:1], id="late", published="2024-03-01T12:00:00", story="s1", speakers={1: ministry}
            ),
            analysis_of(
                TEXT, SPANS[:2], id="early", published="2024-03-01T08:00:00", story="s1", speakers={1: union, 2: source}
            ),
            analysis_of(
                TEXT, SPANS[:1], id="other", published="2024-03-02T08:00:00", story="s2", speakers={1: ministry}
            ),
        ],
    )
    result = first_voice(conn)
    by_story = {row["story"]: row for row in result["stories"]}
    assert [row["voice"] for row in result["stories"]] == ["Rempart", "Interior Ministry"]
    assert by_story[next(iter(by_story))]["next_voice"] == "(anonymous sources)"
    voices = {row["voice"]: row for row in result["voices"]}
    assert (voices["Rempart"]["stories_first"], voices["Rempart"]["share_first"]) == (1, 1.0)
    assert voices["Rempart"]["median_lead_hours"] == 0.0  # the anonymous source speaks in the same article
    assert (voices["Interior Ministry"]["stories_first"], voices["Interior Ministry"]["stories_present"]) == (1, 2)


def test_lead_time_counts_hours_to_the_next_voice(conn):
    build_corpus(
        conn,
        [
            analysis_of(
                TEXT,
                SPANS[:1],
                id="a",
                published="2024-03-01T08:00:00",
                story="s",
                speakers={1: ("Rempart", "organization")},
            ),
            analysis_of(
                TEXT,
                SPANS[:1],
                id="b",
                published="2024-03-01T14:30:00",
                story="s",
                speakers={1: ("Ministry", "organization")},
            ),
        ],
    )
    (rempart,) = [row for row in first_voice(conn)["voices"] if row["voice"] == "Rempart"]
    assert rempart["median_lead_hours"] == 6.5


def test_share_of_voice_and_anonymity_by_outlet(conn):
    build_corpus(
        conn,
        [
            analysis_of(
                TEXT,
                SPANS,
                id="1",
                source="Daily",
                speakers={1: ("Rempart", "organization"), 2: ("Rempart", "organization"), 3: ("a source", "anonymous")},
            ),
            analysis_of(TEXT, SPANS[:1], id="2", source="Weekly", speakers={1: ("Ministry", "organization")}),
        ],
    )
    shares = share_of_voice(conn, by="outlet")["voices"]
    daily = {row["voice"]: row["share_quotes"] for row in shares if row["group"] == "Daily"}
    assert daily == {"Rempart": pytest.approx(2 / 3, abs=1e-3), "(anonymous sources)": pytest.approx(1 / 3, abs=1e-3)}
    rates = {row["group"]: row["anonymity_rate"] for row in anonymity(conn, "outlet")}
    assert rates == {"Daily": pytest.approx(1 / 3, abs=1e-3), "Weekly": 0.0}
    assert share_of_voice(conn, window=Period(until="2023-12-31"))["voices"] == []


@pytest.mark.parametrize(
    "names, merged",
    [
        (["Fabien Delacourt", "Delacourt"], True),
        (["Hillary Clinton", "Bill Clinton", "Clinton"], False),  # a surname two people share stays apart
        (["Gérald Marsac", "M. Gerald Marsac"], True),
        (["Rempart Police nationale", "Rempart"], True),
        (["le syndicat Unité Santé", "Unité Santé"], True),
    ],
)
def test_actor_merging_across_articles(conn, names, merged):
    kind = "organization" if "Rempart" in names[0] or "Santé" in names[0] else "person"
    build_corpus(
        conn, [analysis_of(TEXT, SPANS[:1], id=f"art{i}", speakers={1: (name, kind)}) for i, name in enumerate(names)]
    )
    last = conn.execute(
        "SELECT actor_id FROM article_actors WHERE article_id = ?", (f"art{len(names) - 1}",)
    ).fetchone()[0]
    first = conn.execute("SELECT actor_id FROM article_actors WHERE article_id = 'art0'").fetchone()[0]
    assert (first == last) == merged


def test_normalize():
    assert normalize("M. Gérald Marsac’s") == "gerald marsac"
