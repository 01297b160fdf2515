"""Echoes on hand-built corpora: which phrase, which origin, and each use's kind at the exact
characters (quotation, same speaker, narration), with the cases that must not count."""

import pytest
from helpers import analysis_of, build_corpus

from voxmap.corpus.echo_index import own_words
from voxmap.corpus.echoes import echoes, echoes_by_voice
from voxmap.corpus.store import connect
from voxmap.extract.phrases import is_name_like, is_stock_phrase, shingles

PHRASE = "budget adjustment variable for the treasury"
UNION, MINISTRY = ("Rempart", "organization"), ("Interior Ministry", "organization")


def quoted(text, *quotes):
    return [(text.index(q), text.index(q) + len(q)) for q in quotes]


ORIGIN = "“Officers are no budget adjustment variable for the treasury,” said the union."
MINISTER = "“Our officers will never be a budget adjustment variable for the treasury,” the minister said."
NARRATION = "Officers as a budget adjustment variable for the treasury: the phrase has travelled in a week."
AGAIN = "“Officers are no budget adjustment variable for the treasury,” the union repeated in Lyon."
STRADDLE = "“Officers are no budget adjustment” variable for the treasury, wrote a columnist."


@pytest.fixture
def conn(tmp_path):
    connection = connect(tmp_path / "echoes.db")
    build_corpus(
        connection,
        [
            analysis_of(
                ORIGIN,
                quoted(ORIGIN, ORIGIN[1:61]),
                id="a1",
                source="Daily",
                published="2024-03-01T08:00:00",
                speakers={1: UNION},
            ),
            analysis_of(
                MINISTER,
                quoted(MINISTER, MINISTER[1:74]),
                id="a2",
                source="Weekly",
                published="2024-03-02T20:00:00",
                speakers={1: MINISTRY},
            ),
            analysis_of(NARRATION, [], id="a3", source="Weekly", published="2024-03-03T08:00:00"),
            analysis_of(
                AGAIN,
                quoted(AGAIN, AGAIN[1:61]),
                id="a4",
                source="Daily",
                published="2024-03-03T09:00:00",
                speakers={1: UNION},
            ),
            analysis_of(
                STRADDLE,
                quoted(STRADDLE, "Officers are no budget adjustment"),
                id="a5",
                source="Monthly",
                published="2024-03-04T08:00:00",
                speakers={1: ("a columnist", "anonymous")},
            ),
        ],
    )
    yield connection
    connection.close()


def test_origin_and_uses_at_the_exact_characters(conn):
    (echo,) = echoes(conn)
    assert echo["phrase"] == "Officers are no budget adjustment variable for the treasury"
    assert (echo["origin"]["article"], echo["origin"]["actor"], echo["origin"]["voice"]) == ("a1", "Rempart", "Rempart")
    texts = {"a2": MINISTER, "a3": NARRATION, "a4": AGAIN}
    found = [(u["article"], u["kind"], texts[u["article"]][u["start"] : u["end"]]) for u in echo["uses"]]
    assert found == [
        ("a2", "quote", PHRASE),  # the minister says it: another voice
        ("a3", "narration", "Officers as a budget adjustment variable for the treasury"),  # no quotation marks
        ("a4", "same-speaker", "Officers are no budget adjustment variable for the treasury"),
    ]  # a5's quote ends inside the phrase: straddling a quotation's edge is neither kind
    assert all(u["text"] == texts[u["article"]][u["start"] : u["end"]] for u in echo["uses"])
    assert echo["first_adoption_hours"] == 36.0


def test_measures_per_voice(conn):
    (row,) = echoes_by_voice(conn)
    assert row == {
        "voice": "Rempart",
        "echoes": 1,
        "uses_by_other_voices": 1,
        "uses_in_narration": 1,
        "outlets_reached": 1,
        "median_delay_hours": 36.0,
    }


@pytest.mark.parametrize(
    "first, second, why",
    [
        # a journalist's phrase later quoted: no voice coined it
        (
            ("The night shift bonus stays frozen in the draft budget, the paper learned.", None),
            (
                "“The night shift bonus stays frozen in the draft budget,” said X.",
                "The night shift bonus stays frozen in the draft budget",
            ),
            "origin outside any quote",
        ),
        # the same speaker twice, and no one else
        (
            (
                "“Officers are no budget adjustment variable for the treasury,” said X.",
                "Officers are no budget adjustment variable for the treasury",
            ),
            (
                "“Officers are no budget adjustment variable for the treasury,” said X.",
                "Officers are no budget adjustment variable for the treasury",
            ),
            "only the same speaker",
        ),
        # a name and title that every outlet writes
        (
            (
                "“Interior Minister Gerald Moreau Visited Rennes,” said X.",
                "Interior Minister Gerald Moreau Visited Rennes",
            ),
            ("Interior Minister Gerald Moreau Visited Rennes on Monday.", None),
            "a name, not a phrase",
        ),
    ],
)
def test_what_is_not_an_echo(tmp_path, first, second, why):
    conn, _ = _echoes_of(tmp_path, [(text, quote, ("Ann Roy", "person"), "direct") for text, quote in (first, second)])
    assert conn.execute("SELECT count(*) FROM echoes").fetchone()[0] == 0, why


@pytest.mark.parametrize(
    "a, b, language, shared",
    [
        ("we must harden our tone against the ministry", "hardening the tone against the ministry", "en", False),
        (
            "they will harden their tone against the interior ministry now",
            "we hardened the tone against the interior ministry",
            "en",
            True,
        ),  # tense, determiners and pronouns aside
        ("harden the tone", "harden the tone", "en", False),  # fewer than four content words: too short to mean much
        (
            "ne sont pas des variables d'ajustement budgétaire pour Bercy",
            "jamais des variables d'ajustement budgétaire pour Bercy",
            "fr",
            True,
        ),
        ("Les policiers réclament une prime", "les syndicats de médecins réclament des moyens", "fr", False),
    ],
)
def test_phrase_keys_survive_rewording(a, b, language, shared):
    keys = {key for key, _, _ in shingles(a, language)} & {key for key, _, _ in shingles(b, language)}
    assert bool(keys) is shared


@pytest.mark.parametrize(
    "text, language, stock, name",
    [
        ("frankly we are waiting for answers from them", "en", True, False),
        ("nous attendons des réponses du préfet", "fr", True, False),
        ("variables d'ajustement budgétaire pour Bercy", "fr", False, False),
        ("Russian President Vladimir Putin", "en", False, True),
        ("running to be president of the United States", "en", False, False),
    ],
)
def test_stock_phrases_and_names(text, language, stock, name):
    assert (is_stock_phrase(text, language), is_name_like(text, language)) == (stock, name)


@pytest.mark.parametrize(
    "origin_speaker, later, echoed",
    [
        (UNION, "2024-03-20T08:00:00", True),
        (UNION, "2024-05-20T08:00:00", False),  # months later: shared vocabulary, not an adoption
        (("", "unknown"), "2024-03-02T08:00:00", False),  # nobody found to have said it: nobody coined it
    ],
)
def test_an_echo_needs_a_speaker_with_a_voice_and_an_adoption_within_the_window(
    tmp_path, origin_speaker, later, echoed
):
    conn = connect(tmp_path / "window.db")
    build_corpus(
        conn,
        [
            analysis_of(ORIGIN, quoted(ORIGIN, ORIGIN[1:61]), id="o", published="2024-03-01T08:00:00",
                        speakers={1: origin_speaker}),
            analysis_of(MINISTER, quoted(MINISTER, MINISTER[1:74]), id="m", source="Weekly", published=later,
                        speakers={1: MINISTRY}),
        ],
    )  # fmt: skip
    assert bool(echoes(conn)) is echoed


@pytest.mark.parametrize(
    "phrase, describes, language",
    [
        ("front-runner Hillary Clinton", True, "en"),
        ("Republican front-runner Donald", True, "en"),
        ("Clinton's private email server", True, "en"),
        ("temporary ban on Muslims' entering the country", False, "en"),  # a plural's possessive
        ("single-payer health care system", False, "en"),
        ("budget adjustment variable for the treasury", False, "en"),
        ("release transcripts of her paid speeches to Wall Street banks", False, "en"),
        # a first name after a preposition is a place or a body ("Berry", "Virginia" are first names too)
        ("saignée industrielle pour tout le bassin du Berry", False, "fr"),
        ("the coal miners of Virginia deserve better", False, "en"),
        ("la candidate Marine Le Pen", True, "fr"),
    ],
)
def test_descriptors_of_a_person_are_no_echoes(phrase, describes, language):
    from voxmap.extract.phrases import describes_a_person

    assert describes_a_person(phrase, language) is describes


def _echoes_of(tmp_path, articles):
    """The echoes listed for (text, quoted words or None, speaker, kind) articles, a day apart."""
    conn = connect(tmp_path / "echo-cases.db")
    analyses = []
    for n, (text, quote, speaker, kind) in enumerate(articles, start=1):
        analyses.append(
            analysis_of(
                text,
                quoted(text, quote) if quote else [],
                id=f"c{n}",
                source=f"Outlet {n}",
                published=f"2024-03-{n:02d}T08:00:00",
                speakers={1: speaker},
                kinds={1: kind},
            )
        )
    build_corpus(conn, analyses)
    return conn, [echo["phrase"] for echo in echoes(conn)]


REPORTED = "The union said that officers were no budget adjustment variable for the treasury."
MIXED_IN = "The union said officers were “no budget adjustment variable for the treasury” at all."
MIXED_OUT = "The union said officers, a budget adjustment variable for the treasury, were “angry”."
TAKEN_UP = "“We will never be a budget adjustment variable for the treasury,” the minister said."
# A dispatch long enough to be found again as a wire copy (voxmap.corpus.syndication: 50 words and more).
DISPATCH = (
    "“Officers are no budget adjustment variable for the treasury,” said the union on Monday in Rennes, where "
    "its delegates met for two days to prepare the spring negotiations with the ministry over bonuses, night "
    "shifts, the closure of small stations in the countryside and the equipment of patrols in the suburbs of "
    "the largest cities of the region, which the government promised to renew before the summer."
)


@pytest.mark.parametrize(
    "articles, listed, why",
    [
        (
            [(MIXED_IN, MIXED_IN[15:-8], UNION, "mixed"), (TAKEN_UP, TAKEN_UP[1:73], MINISTRY, "direct")],
            1,
            "inside the marks of a mixed quote: the union's own words, taken up",
        ),
        (
            [(REPORTED, REPORTED[15:-1], UNION, "indirect"), (TAKEN_UP, TAKEN_UP[1:73], MINISTRY, "direct")],
            0,
            "a reported statement's words are the writer's: nobody coined them before the minister",
        ),
        (
            [(MIXED_OUT, MIXED_OUT[15:-1], UNION, "mixed"), (TAKEN_UP, TAKEN_UP[1:73], MINISTRY, "direct")],
            0,
            "outside the marks of a mixed quote: the writer's words",
        ),
        (
            [(DISPATCH, DISPATCH[1:61], UNION, "direct"), (DISPATCH, DISPATCH[1:61], MINISTRY, "direct")],
            0,
            "a wire copy of the origin's article is the same dispatch, not someone taking the phrase up",
        ),
        (
            [(ORIGIN, ORIGIN[1:61], UNION, "direct"), (AGAIN, AGAIN[1:61], MINISTRY, "direct")],
            0,
            "the whole remark again under another name: the same statement reported twice",
        ),
        (
            [(ORIGIN, ORIGIN[1:61], UNION, "direct"), (TAKEN_UP, TAKEN_UP[1:73], ("", "unknown"), "direct")],
            0,
            "a quote nobody was found to say shows no one taking the phrase up",
        ),
    ],
)
def test_whose_words_and_which_uses_make_an_echo(tmp_path, articles, listed, why):
    assert len(_echoes_of(tmp_path, articles)[1]) == listed, why


def test_a_phrase_of_words_common_in_the_corpus_is_kept_but_not_listed(tmp_path):
    pair = [(ORIGIN, ORIGIN[1:61], UNION, "direct"), (TAKEN_UP, TAKEN_UP[1:73], MINISTRY, "direct")]
    # the same words apart in many articles: each word is in far more articles than the echo's own
    background = "The treasury adjusts the budget; a variable bonus is no adjustment of pay, said the officers' paper."
    conn, listed = _echoes_of(tmp_path, pair + [(background, None, UNION, "direct")] * 6)
    assert listed == [] and conn.execute("SELECT count(*) FROM echoes WHERE common").fetchone()[0] == 1
    (tmp_path / "without").mkdir()
    conn, listed = _echoes_of(
        tmp_path / "without", pair + [("The weather was fine all week in Rennes.", None, UNION, "direct")] * 6
    )
    assert len(listed) == 1


@pytest.mark.parametrize(
    "span, kind, language, own",
    [
        ("said officers were “no budget adjustment variable” at all", "mixed", "en", ["no budget adjustment variable"]),
        (
            "said it was ''a disgrace'' and ''a shame''",
            "mixed",
            "en",
            ["a disgrace", "a shame"],
        ),  # marks of two characters
        ("a dit « aucune variable d'ajustement » hier", "mixed", "fr", [" aucune variable d'ajustement "]),
        ("said the union's ‘plan’ was late", "mixed", "en", []),  # single marks double as apostrophes: no cut
        ("Officers are no budget adjustment variable", "direct", "en", ["Officers are no budget adjustment variable"]),
        ("officers were no budget adjustment variable", "indirect", "en", []),  # the writer's words
    ],
)
def test_a_speaker_s_own_words_in_a_quote_span(span, kind, language, own):
    parts = own_words(100, span, 7, kind, language)
    assert [words for *_, owner, words in parts if owner == 7] == own
    assert all(span[s - 100 : e - 100] == words for s, e, _, words in parts)  # offsets are the text's
