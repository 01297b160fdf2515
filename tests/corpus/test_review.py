"""Review corrections: stored apart from machine output, applied to measures and exports, kept
through re-ingest and re-resolution, exported as gold. Hand-built corpora, no model."""

import json

import pytest
from helpers import analysis_of, build_corpus
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from voxmap.corpus import review
from voxmap.corpus.aliases import Aliases
from voxmap.corpus.corrections import anchor_of, list_corrections
from voxmap.corpus.exports import export
from voxmap.corpus.measures import first_voice, share_of_voice
from voxmap.corpus.rebuild import rebuild
from voxmap.corpus.store import connect
from voxmap.corpus.store.writer import save_analysis
from voxmap.errors import NotFound, ReviewError
from voxmap.evaluation.gold import read_gold_jsonl

TEXT = "“Strike,” said X. “No,” said Y. “Maybe,” said Z."
SPANS = [(1, 7), (19, 21), (32, 37)]
UNION, MINISTRY = ("Rempart", "organization"), ("Interior Ministry", "organization")


@pytest.fixture
def conn(tmp_path):
    connection = connect(tmp_path / "review.db")
    build_corpus(
        connection,
        [
            analysis_of(
                TEXT,
                SPANS[:2],
                id="early",
                published="2024-03-01T08:00:00",
                story="s1",
                speakers={1: UNION, 2: MINISTRY},
            ),
            analysis_of(
                TEXT, SPANS[:1], id="late", published="2024-03-02T08:00:00", story="s1", speakers={1: MINISTRY}
            ),
        ],
    )
    yield connection
    connection.close()


def quote_id(conn, article_id, start):
    return conn.execute("SELECT id FROM quotes WHERE article_id = ? AND start = ?", (article_id, start)).fetchone()[0]


def voice_counts(conn):
    return {row["voice"]: row["quotes"] for row in share_of_voice(conn)["voices"]}


def reingest(conn, analysis):
    """What an ingest of a changed or re-read article does: its rows are replaced, with new ids."""
    with conn:
        conn.execute("BEGIN")
        save_analysis(conn, analysis)
    rebuild(conn, Aliases())


def exported(conn, tmp_path, fmt="jsonl"):
    path = tmp_path / f"out.{fmt}"
    export(conn, fmt, path)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_rejected_quote_leaves_measures_and_exports(conn, tmp_path):
    assert voice_counts(conn) == {"Interior Ministry": 2, "Rempart": 1}
    review.correct_quote(conn, quote_id(conn, "early", 1), status="rejected")
    assert voice_counts(conn) == {"Interior Ministry": 2}
    assert first_voice(conn)["stories"][0]["voice"] == "Interior Ministry"
    assert [row["text"] for row in exported(conn, tmp_path)] == ["No", "Strike"]


def test_corrections_survive_reingest_and_re_resolution(conn):
    review.correct_quote(conn, quote_id(conn, "early", 1), status="rejected")
    review.correct_quote(conn, quote_id(conn, "early", 19), speaker_name="Marie Curie", speaker_type="person")
    reingest(
        conn,
        analysis_of(
            TEXT, SPANS[:2], id="early", published="2024-03-01T08:00:00", story="s1", speakers={1: UNION, 2: MINISTRY}
        ),
    )
    rebuild(conn, Aliases())
    assert voice_counts(conn) == {"Interior Ministry": 1, "Marie Curie": 1}


def test_a_correction_is_stale_when_the_text_at_its_place_changed(conn):
    review.correct_quote(conn, quote_id(conn, "early", 1), status="rejected")
    changed = "“Strong,” said X. “No,” said Y."
    reingest(
        conn,
        analysis_of(
            changed,
            SPANS[:2],
            id="early",
            published="2024-03-01T08:00:00",
            story="s1",
            speakers={1: UNION, 2: MINISTRY},
        ),
    )
    assert voice_counts(conn)["Rempart"] == 1  # the correction no longer applies
    (stale,) = list_corrections(conn)["quotes"]
    assert stale["stale"] and stale["quote_text"] == "Strike"


def test_a_fixed_speaker_becomes_an_actor_and_replaces_the_machine_speaker(conn, tmp_path):
    review.correct_quote(conn, quote_id(conn, "early", 1), speaker_name="Jeanne Roux", speaker_type="person")
    stories = first_voice(conn)["stories"]
    assert (stories[0]["voice"], stories[0]["actor"]) == ("Jeanne Roux", "Jeanne Roux")
    row = next(r for r in exported(conn, tmp_path) if r["text"] == "Strike")
    assert (row["speaker"], row["actor"], row["reviewed"], row["mention"]) == (
        "Jeanne Roux",
        "Jeanne Roux",
        "corrected",
        None,
    )


def test_an_anonymous_fix_counts_as_anonymous(conn):
    review.correct_quote(
        conn, quote_id(conn, "late", 1), speaker_name="a source close to the file", speaker_type="anonymous"
    )
    assert voice_counts(conn) == {"Interior Ministry": 1, "Rempart": 1, "(anonymous sources)": 1}


def test_kind_and_accept_and_undo(conn, tmp_path):
    qid = quote_id(conn, "late", 1)
    review.correct_quote(conn, qid, kind="indirect")
    review.correct_quote(conn, qid, status="accepted")  # one correction per quote, fields merged
    row = next(r for r in exported(conn, tmp_path) if r["article_id"] == "late")
    assert (row["kind"], row["reviewed"]) == ("indirect", "corrected")
    assert review.undo_quote(conn, qid)
    row = next(r for r in exported(conn, tmp_path) if r["article_id"] == "late")
    assert (row["kind"], row["reviewed"]) == ("direct", None)


@pytest.mark.parametrize(
    "fields, error",
    [
        ({"status": "maybe"}, ReviewError),
        ({"kind": "quotation"}, ReviewError),
        ({"speaker_type": "person", "speaker_name": "  "}, ReviewError),
        ({"speaker_type": "robot", "speaker_name": "R2"}, ReviewError),
        ({}, ReviewError),
    ],
)
def test_invalid_corrections_are_refused(conn, fields, error):
    with pytest.raises(error):
        review.correct_quote(conn, quote_id(conn, "late", 1), **fields)
    assert conn.execute("SELECT count(*) FROM quote_corrections").fetchone()[0] == 0


def test_an_unknown_quote_is_not_found(conn):
    with pytest.raises(NotFound):
        review.correct_quote(conn, 999_999, status="rejected")


def actor_of(conn, article_id, name):
    return conn.execute(
        "SELECT actor_id FROM article_actors WHERE article_id = ? AND name = ?", (article_id, name)
    ).fetchone()[0]


def test_merge_and_split_actors_survive_re_resolution(tmp_path):
    conn = connect(tmp_path / "actors.db")
    build_corpus(
        conn,
        [
            analysis_of(TEXT, SPANS[:1], id=f"a{i}", speakers={1: (name, "person")})
            for i, name in enumerate(["Ann Roy", "Roy", "Annie Roy-Smith"])
        ],
    )
    assert actor_of(conn, "a0", "Ann Roy") == actor_of(conn, "a1", "Roy")  # a surname joins its one full name
    merged = review.merge_actors(conn, actor_of(conn, "a2", "Annie Roy-Smith"), actor_of(conn, "a0", "Ann Roy"))
    assert actor_of(conn, "a2", "Annie Roy-Smith") == merged == actor_of(conn, "a0", "Ann Roy")
    review.split_actor(conn, merged, "Roy")
    rebuild(conn, Aliases())
    assert actor_of(conn, "a1", "Roy") != actor_of(conn, "a0", "Ann Roy") == actor_of(conn, "a2", "Annie Roy-Smith")
    with pytest.raises(ReviewError):
        review.merge_actors(conn, merged, merged)
    with pytest.raises(ReviewError):
        review.split_actor(conn, actor_of(conn, "a0", "Ann Roy"), "Nobody")
    conn.close()


def test_reviewed_articles_export_as_gold_that_eval_reads(conn, tmp_path):
    review.correct_quote(conn, quote_id(conn, "early", 1), status="rejected")
    review.correct_quote(conn, quote_id(conn, "early", 19), speaker_name="Jeanne Roux", speaker_type="person")
    path = tmp_path / "gold.jsonl"
    assert export(conn, "gold", path) == 1  # only the reviewed article
    (article,) = read_gold_jsonl(path)
    assert article.id == "early" and article.text == TEXT
    (quote,) = article.quotes
    assert [TEXT[s:e] for s, e in quote.spans] == ["No"] and quote.speaker == "Jeanne Roux"


def test_anchors_slice_back(conn):
    anchor = anchor_of(conn, quote_id(conn, "early", 19))
    text = conn.execute("SELECT text FROM articles WHERE key = ?", (anchor.article_key,)).fetchone()[0]
    assert text[anchor.start : anchor.start + len(anchor.text)] == anchor.text


SUMMARY_TABLES = ("voices", "voice_totals", "story_firsts", "tone_totals", "story_actors", "voice_presence")


def summaries_of(conn):
    def cells(row):  # comparable whatever the types (None and numbers mix in a column)
        return tuple(repr(round(v, 6) if isinstance(v, float) else v) for v in row)

    return {table: sorted(cells(row) for row in conn.execute(f"SELECT * FROM {table}")) for table in SUMMARY_TABLES}


CORRECTIONS = st.sampled_from(
    [
        {"status": "rejected"},
        {"status": "accepted"},
        {"kind": "indirect"},
        {"speaker_type": "anonymous", "speaker_name": "a close aide"},
        {"speaker_type": "unknown"},
        {"speaker_type": "organization", "speaker_name": "Rempart"},  # an actor the corpus has
        {"speaker_type": "organization", "speaker_name": "interior ministry"},
        "undo",
    ]
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 5), CORRECTIONS), min_size=1, max_size=6))
# Found by this test: an undone speaker correction left its quote's voice as the reviewer had set it
# until another correction in its article made the voices stage read the article again.
@example(
    steps=[(1, {"speaker_type": "organization", "speaker_name": "Rempart"}), (1, "undo"), (0, {"status": "rejected"})]
)
def test_patched_summaries_equal_a_full_rebuild(tmp_path_factory, steps):
    conn = connect(tmp_path_factory.mktemp("patch") / "p.db")
    build_corpus(
        conn,
        [
            analysis_of(
                TEXT,
                SPANS,
                id="a",
                published="2024-03-01T08:00:00",
                story="s1",
                source="Daily",
                tone=0.5,
                speakers={1: UNION, 2: MINISTRY, 3: ("a source", "anonymous")},
            ),
            analysis_of(
                TEXT,
                SPANS[:2],
                id="b",
                published="2024-03-02T09:00:00",
                story="s1",
                source="Weekly",
                tone=-0.25,
                speakers={1: MINISTRY, 2: ("Ann Roy", "person")},
            ),
            analysis_of(
                TEXT,
                SPANS[:1],
                id="c",
                published="2024-04-05T09:00:00",
                story="s2",
                source="Weekly",
                tone=0.1,
                speakers={1: UNION},
            ),
        ],
    )
    quotes = [row[0] for row in conn.execute("SELECT id FROM quotes ORDER BY id")]
    for index, correction in steps:
        quote = quotes[index % len(quotes)]
        if correction == "undo":
            review.undo_quote(conn, quote)
        else:
            review.correct_quote(conn, quote, **correction)
    patched = summaries_of(conn)
    rebuild(conn, start="voices", until="summaries")
    assert patched == summaries_of(conn)
    conn.close()


def test_a_named_speaker_then_made_anonymous_keeps_no_actor(conn, tmp_path):
    qid = quote_id(conn, "late", 1)
    review.correct_quote(conn, qid, speaker_name="Rempart", speaker_type="organization")
    review.correct_quote(conn, qid, speaker_name="a close aide", speaker_type="anonymous")
    row = next(r for r in exported(conn, tmp_path) if r["article_id"] == "late")
    assert (row["speaker_type"], row["actor_id"], row["actor"]) == ("anonymous", None, None)


def test_an_organisation_a_reviewer_names_speaks_with_the_voice_its_articles_give_it(tmp_path):
    """PolNeAR: 'Democratic' is written 451 times, and its quotes count for the 'Democratic Party' voice;
    a reviewer naming 'Democratic' as a speaker must not open a second bucket beside it."""
    conn = connect(tmp_path / "party.db")
    party = ("Democratic", "organization")
    build_corpus(
        conn,
        [analysis_of(TEXT, SPANS[:2], id="a", speakers={1: party, 2: ("Ann Roy", "person")})],
    )
    conn.execute("UPDATE article_actors SET voice = 'Democratic Party' WHERE name = 'Democratic'")
    conn.commit()
    (quote,) = conn.execute("SELECT id FROM quotes WHERE text = 'No'").fetchone()
    review.correct_quote(conn, quote, speaker_name="Democratic", speaker_type="organization")
    assert conn.execute("SELECT voice FROM voices WHERE quote_id = ?", (quote,)).fetchone()[0] == "Democratic Party"
    review.correct_quote(conn, quote, speaker_name="Jane Doe", speaker_type="person")  # a person: as before
    assert conn.execute("SELECT voice FROM voices WHERE quote_id = ?", (quote,)).fetchone()[0] == "Jane Doe"
