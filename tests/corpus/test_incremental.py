"""The incremental corpus equals the full rebuild: a corpus added in random batches (articles replaced and
removed, a reviewer's correction in between) holds, after every step, exactly the corpus tables that
`rebuild(full=True)` computes from the same articles."""

import pytest
from helpers import analysis_of, assert_same_corpus, corpus_state, full_rebuild_of
from hypothesis import HealthCheck, example, given, note, settings
from hypothesis import strategies as st

from voxmap.corpus.rebuild import rebuild
from voxmap.corpus.remove import remove_articles
from voxmap.corpus.review import correct_quote, merge_actors
from voxmap.corpus.store import connect
from voxmap.corpus.store.writer import save_analysis

# Events of a fortnight (or two): articles about one event share its words, and their speakers its phrases.
EVENTS = {
    "strike": "The dockworkers' strike in Marseille went on as the port authority and the union met again.",
    "flood": "Floods swept the Loire valley and farmers counted the drowned harvest after the river rose.",
    "summit": "Leaders gathered in Geneva for a climate summit on emissions, finance and coal plants.",
}
PHRASES = [
    "We will never accept this unfair pension reform imposed by decree",
    "The government abandoned the farmers of the valley to the water",
    "Coal plants must close before the end of this decade",
    "Nobody negotiates with a gun against the temple",
]
SPEAKERS = [
    ("Ann Roy", "person"),
    ("Roy", "person"),
    ("Marc Ode", "person"),
    ("Lea Ode", "person"),
    ("Ode", "person"),
    ("Union Verte", "organization"),
    ("UV", "organization"),
    ("the union", "organization"),
    ("Ode campaign", "organization"),  # a body named after a person: its own actor once an Ode is named in full
    # a place (when the article reads it as one) and a body named after it: they join only while the
    # place is not mostly read as one
    ("Geneva", "organization"),
    ("Geneva University", "organization"),
    ("a port official", "anonymous"),
]
# A speaker's current role names an institution: whom they speak for, their organisation.
INSTITUTIONS = [None, "Union Verte", "Port Authority of Marseille", "Roy Foundation"]
# Two fortnights two months apart: a phrase said again after the echo window closed is no echo.
DAYS = [None] + [
    f"2024-{month}-{day:02d}T{hour:02d}:00:00" for month in ("03", "05") for day in range(1, 15) for hour in (8, 17)
]


@st.composite
def articles(draw, prefix: str):
    """An article: an event's sentence, then quotes of phrases by speakers, on a day (or none)."""
    event = draw(st.sampled_from(sorted(EVENTS)))
    text, quotes_at, speakers, roles = EVENTS[event] + " ", [], {}, {}
    for n in range(1, draw(st.integers(0, 3)) + 1):
        phrase = draw(st.sampled_from(PHRASES))
        speaker = draw(st.sampled_from(SPEAKERS))
        text += '"'
        quotes_at.append((len(text), len(text) + len(phrase)))
        text += f'{phrase}," said {speaker[0]}. '
        speakers[n] = speaker
        institution = draw(st.sampled_from(INSTITUTIONS)) if speaker[1] == "person" else None
        if institution:
            roles[speaker[0]] = ("spokesperson", institution)
    text += draw(st.sampled_from(["", "More talks are planned.", "The minister did not answer."]))
    number = draw(st.integers(0, 40))
    return dict(
        text=text,
        quotes_at=quotes_at,
        speakers=speakers,
        roles=roles,
        id=f"{prefix}{number}",
        published=draw(st.sampled_from(DAYS)),
        source=draw(st.sampled_from(["Le Monde", "Reuters", "AFP"])),
        places={"Geneva"} if draw(st.booleans()) else set(),
    )


STEPS = st.one_of(
    st.tuples(st.just("add"), st.lists(articles("a"), min_size=1, max_size=4)),
    st.tuples(st.just("replace"), st.integers(0, 1000), articles("r")),
    st.tuples(st.just("remove"), st.integers(0, 1000)),
    st.tuples(st.just("review"), st.integers(0, 1000), st.sampled_from(SPEAKERS[:6])),
    st.tuples(st.just("merge"), st.integers(0, 1000), st.integers(0, 1000)),
)


def _store(conn, drawn: list[dict]) -> None:
    with conn:
        conn.execute("BEGIN")
        for article in drawn:
            fields = dict(article)
            places = fields.pop("places", set())
            analysis = analysis_of(fields.pop("text"), fields.pop("quotes_at"), **fields)
            for actor in analysis.actors:
                actor.place = actor.name in places
            save_analysis(conn, analysis)
    rebuild(conn)


def _step(conn, step) -> None:
    ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY id")]
    kind = step[0]
    if kind == "add":
        _store(conn, step[1])
    elif kind == "replace" and ids:
        _store(conn, [dict(step[2], id=ids[step[1] % len(ids)])])
    elif kind == "remove" and ids:
        remove_articles(conn, [ids[step[1] % len(ids)]])
    elif kind == "review":
        quotes = [row[0] for row in conn.execute("SELECT id FROM quotes ORDER BY id")]
        if quotes:
            name, speaker_type = step[2]
            correct_quote(conn, quotes[step[1] % len(quotes)], speaker_name=name, speaker_type=speaker_type)
    elif kind == "merge":
        actors = [row[0] for row in conn.execute("SELECT id FROM actors WHERE type = 'person' ORDER BY id")]
        if len(actors) > 1 and actors[step[1] % len(actors)] != actors[step[2] % len(actors)]:
            merge_actors(conn, actors[step[1] % len(actors)], actors[step[2] % len(actors)])


_FLOOD = EVENTS["flood"] + " "
_DECREE = '"' + PHRASES[0] + ',"'


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.lists(articles("a"), min_size=1, max_size=5), steps=st.lists(STEPS, min_size=2, max_size=5))
# A reviewer names a bare surname while an actor is shown by it: the resolution decides whom it
# stands for (here the one full name, two months later), as the full rebuild does.
@example(
    first=[
        dict(text=_FLOOD, quotes_at=[], speakers={}, roles={}, id="a1", published=None, source="Le Monde"),
        dict(
            text=f"{_FLOOD}{_DECREE} said Union Verte. {_DECREE} said Union Verte. {_DECREE} said Ode. ",
            quotes_at=[(93, 158), (180, 245), (267, 332)],
            speakers={1: ("Union Verte", "organization"), 2: ("Union Verte", "organization"), 3: ("Ode", "person")},
            roles={},
            id="a0",
            published="2024-03-01T08:00:00",
            source="Le Monde",
        ),
    ],
    steps=[
        (
            "replace",
            1,
            dict(
                text=f"{_FLOOD}{_DECREE} said Marc Ode. ",
                quotes_at=[(93, 158)],
                speakers={1: ("Marc Ode", "person")},
                roles={},
                id="r0",
                published="2024-05-01T08:00:00",
                source="Le Monde",
            ),
        ),
        ("review", 0, ("Lea Ode", "person")),
        ("review", 1, ("Ode", "person")),
    ],
)
def test_a_corpus_grown_in_batches_equals_its_full_rebuild(tmp_path_factory, first, steps):
    _grow_and_compare(tmp_path_factory.mktemp("incremental"), first, steps)


def _grow_and_compare(folder, first, steps) -> None:
    """Store `first`, then take each step, comparing the store with its full rebuild after each."""
    conn = connect(folder / "store.db")
    try:
        _store(conn, first)
        note(f"first: {first}")
        for n, step in enumerate(steps):
            note(f"step {n}: {step}")
            _step(conn, step)
            assert_same_corpus(corpus_state(conn), full_rebuild_of(conn, folder / f"full{n}.db"))
    finally:
        conn.close()


def test_adding_a_later_day_leaves_earlier_stories_untouched(tmp_path):
    conn = connect(tmp_path / "days.db")
    early = [dict(text=EVENTS["strike"], quotes_at=[], id=f"s{day}", published=f"2024-03-{day:02d}") for day in (1, 2)]
    _store(conn, early)
    before = dict(conn.execute("SELECT id, story_id FROM articles").fetchall())
    _store(conn, [dict(text=EVENTS["flood"], quotes_at=[], id="late", published="2024-03-20")])
    after = dict(conn.execute("SELECT id, story_id FROM articles").fetchall())
    assert {key: after[key] for key in before} == before
    assert after["late"] not in before.values()
    grouped = conn.execute("SELECT content_hash FROM story_terms WHERE article_id = 's1'").fetchone()
    assert grouped is not None  # the earlier article's words were kept, not read again
    conn.close()


@pytest.mark.parametrize("removed", ["s1", "s2"])
def test_removing_an_article_regroups_its_story(tmp_path, removed):
    conn = connect(tmp_path / "remove.db")
    _store(
        conn,
        [dict(text=EVENTS["strike"], quotes_at=[], id=f"s{day}", published=f"2024-03-0{day}") for day in (1, 2, 3)],
    )
    assert conn.execute("SELECT count(*) FROM stories").fetchone()[0] == 1
    remove_articles(conn, [removed])
    stories = conn.execute("SELECT articles FROM stories").fetchall()
    assert [row[0] for row in stories] == [2]
    assert_same_corpus(corpus_state(conn), full_rebuild_of(conn, tmp_path / "full.db"))
    conn.close()


# Wire dispatches long enough to be hashed (50 words and more); an edit keeps a copy a copy or not.
DISPATCHES = [
    " ".join(f"{word}{n}" for n in range(70) for word in ["port"]).replace(
        "port1 ", "The dockworkers of Marseille voted to extend the strike as talks stalled again on "
    )
    + " The union said the port would stay closed.",
    " ".join(f"river{n}" for n in range(70)) + " Farmers in the Loire valley counted their losses after the floods.",
]
EDITS = ["", " A spokesman declined to comment.", " Updated with the minister's reaction to the vote and to the flood."]


@st.composite
def wire_articles(draw):
    text = draw(st.sampled_from(DISPATCHES)) + draw(st.sampled_from(EDITS))
    if draw(st.booleans()):
        text = " ".join(reversed(text.split()))  # the same words, other shingles: not a copy
    return dict(
        text=text,
        quotes_at=[],
        id=f"w{draw(st.integers(0, 12))}",
        published=draw(st.sampled_from(DAYS)),
        source=draw(st.sampled_from(["Reuters", "AFP", "Le Monde"])),
    )


WIRE_STEPS = st.one_of(
    st.tuples(st.just("add"), st.lists(wire_articles(), min_size=1, max_size=4)),
    st.tuples(st.just("replace"), st.integers(0, 1000), wire_articles()),
    st.tuples(st.just("remove"), st.integers(0, 1000)),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.lists(wire_articles(), min_size=1, max_size=5), steps=st.lists(WIRE_STEPS, min_size=1, max_size=4))
def test_wire_copies_found_in_batches_equal_their_full_rebuild(tmp_path_factory, first, steps):
    _grow_and_compare(tmp_path_factory.mktemp("wire"), first, steps)


def test_removing_a_first_publication_passes_it_to_the_next_copy(tmp_path):
    conn = connect(tmp_path / "wire.db")
    copies = [
        dict(text=DISPATCHES[0] + edit, quotes_at=[], id=f"w{n}", published=f"2024-03-0{n + 1}")
        for n, edit in enumerate(["", " A spokesman declined to comment.", " (Reuters)"])
    ]
    _store(conn, copies)
    assert tuple(conn.execute("SELECT count(*), count(DISTINCT cluster) FROM syndication").fetchone()) == (3, 1)
    remove_articles(conn, ["w0"])
    remaining = conn.execute("SELECT count(*), count(DISTINCT cluster), min(first_article) FROM syndication").fetchone()
    assert tuple(remaining) == (2, 1, "w1")
    assert_same_corpus(corpus_state(conn), full_rebuild_of(conn, tmp_path / "full.db"))
    conn.close()


@pytest.mark.parametrize("narrated", [True, False])
def test_a_phrase_quoted_after_its_uses_were_stored_finds_them(tmp_path, narrated):
    """The articles that wrote a phrase before anyone was quoted with it are found when the quote
    arrives (a phrase query of its stems), and the echo equals the full rebuild's."""
    conn = connect(tmp_path / "later.db")
    phrase = "the harbour reform imposed by decree angered dockers"
    narration = f"Officials conceded that {phrase} across the region." if narrated else "Officials met the dockers."
    _store(conn, [dict(text=narration, quotes_at=[], id=f"n{day}", published=f"2024-03-0{day}") for day in (2, 3)])
    quote = f'"{phrase}," said Ann Roy. '
    _store(conn, [dict(text=quote, quotes_at=[(1, 1 + len(phrase))], id="q1", published="2024-03-01")])
    uses = conn.execute("SELECT narration_uses FROM echoes").fetchall()
    assert [row[0] for row in uses] == ([2] if narrated else [])
    assert_same_corpus(corpus_state(conn), full_rebuild_of(conn, tmp_path / "full.db"))
    conn.close()


@pytest.mark.parametrize("stopped_after", ["actors", "article_voices", "voices"])
def test_a_rebuild_interrupted_after_a_stage_is_finished_by_the_next(tmp_path, stopped_after):
    """What a stage changed is kept in the store until the stages after it have read it: an ingest
    stopped between stages (Ctrl-C in --watch) leaves nothing stale once the next rebuild runs."""
    conn = connect(tmp_path / "stopped.db")
    phrase = "We will never accept this unfair pension reform imposed by decree"
    said = lambda name: f'"{phrase}," said {name}. '
    _store(conn, [dict(text=said("Roy"), quotes_at=[(1, 1 + len(phrase))], id="a1", published="2024-03-01")])
    with conn:
        conn.execute("BEGIN")
        fields = dict(id="a2", published="2024-03-02", roles={"Ann Roy": ("spokesperson", "Union Verte")})
        save_analysis(
            conn, analysis_of(said("Ann Roy"), [(1, 1 + len(phrase))], speakers={1: ("Ann Roy", "person")}, **fields)
        )
    rebuild(conn, until=stopped_after)
    rebuild(conn)
    assert_same_corpus(corpus_state(conn), full_rebuild_of(conn, tmp_path / "full.db"))
    voices = {row[0] for row in conn.execute("SELECT voice FROM voices")}
    assert voices == {"Union Verte"}  # "Roy" re-homed to Ann Roy, who speaks for her union
    conn.close()


def _quoted(article_id: str, published: str, speaker: str, phrase: str = PHRASES[2]) -> dict:
    text = f'{EVENTS["summit"]} "{phrase}," said {speaker}. '
    start = len(EVENTS["summit"]) + 2
    return dict(
        text=text,
        quotes_at=[(start, start + len(phrase))],
        speakers={1: (speaker, "person")},
        id=article_id,
        published=published,
    )


@pytest.mark.parametrize("later", ["2024-03-05T08:00:00", "2024-05-01T08:00:00"])
def test_a_use_whose_speaker_is_re_homed_is_told_to_its_echo(tmp_path, later):
    """A bare 'Roy' who takes up Lea Ode's phrase becomes Ann Roy when her full name arrives in another
    article: the echo's use says so, within the echo window; after it closed there is no use to update."""
    conn = connect(tmp_path / "rehomed.db")
    taken_up = PHRASES[2] + ", and every miner deserves a new trade"  # more than the phrase: not one statement
    _store(conn, [_quoted("origin", "2024-03-01T08:00:00", "Lea Ode"), _quoted("use", later, "Roy", taken_up)])
    _store(conn, [_quoted("named", "2024-03-06T08:00:00", "Ann Roy", PHRASES[0])])
    voices = [row[0] for row in conn.execute("SELECT voice FROM echo_uses")]
    assert voices == (["Ann Roy"] if later.startswith("2024-03") else [])
    assert_same_corpus(corpus_state(conn), full_rebuild_of(conn, tmp_path / "full.db"))
    conn.close()


@pytest.mark.parametrize(("later", "uses"), [("2024-03-08T08:00:00", 2), ("2024-05-01T08:00:00", 1)])
def test_a_phrase_taken_up_in_a_new_article_is_a_new_use_within_the_window(tmp_path, later, uses):
    """An echo's origin stands when a new article takes its phrase up: the new article is one more use
    within the window, none after it; the phrase's article count grows either way."""
    conn = connect(tmp_path / "taken.db")
    _store(
        conn,
        [
            _quoted("origin", "2024-03-01T08:00:00", "Lea Ode"),
            _quoted("first-use", "2024-03-03T08:00:00", "Ann Roy", PHRASES[2] + ", and every miner needs a trade"),
        ],
    )
    _store(conn, [_quoted("new-use", later, "Marc Ode", PHRASES[2] + " or the valley will choke on smoke")])
    assert [row[0] for row in conn.execute("SELECT uses FROM echoes")] == [uses]
    assert {row[0] for row in conn.execute("SELECT articles FROM echo_key_counts JOIN echo_origins USING (key)")} == {3}
    assert_same_corpus(corpus_state(conn), full_rebuild_of(conn, tmp_path / "full.db"))
    conn.close()


def test_a_back_filled_article_that_said_a_phrase_first_becomes_its_origin(tmp_path):
    conn = connect(tmp_path / "backfill.db")
    taken_up = PHRASES[2] + ", and every miner needs a trade"
    _store(
        conn,
        [_quoted("said", "2024-03-05T08:00:00", "Lea Ode"), _quoted("use", "2024-03-07T08:00:00", "Ann Roy", taken_up)],
    )
    _store(conn, [_quoted("said-first", "2024-03-02T08:00:00", "Marc Ode", PHRASES[2] + " and nobody will stop it")])
    assert {row[0] for row in conn.execute("SELECT origin_article FROM echoes")} == {"said-first"}
    assert_same_corpus(corpus_state(conn), full_rebuild_of(conn, tmp_path / "full.db"))
    conn.close()


def test_a_new_bare_surname_reads_the_full_names_of_its_period(tmp_path):
    """A new 'Ode' is the Ode of its period: Marc Ode, named 50 days before (within the 60 days the
    surname rule reads), not Lea Ode, named four months before."""
    conn = connect(tmp_path / "period.db")
    _store(conn, [_quoted("lea", "2024-01-02T08:00:00", "Lea Ode"), _quoted("marc", "2024-03-01T08:00:00", "Marc Ode")])
    _store(conn, [_quoted("bare", "2024-04-20T08:00:00", "Ode", PHRASES[1])])
    assert conn.execute("SELECT voice FROM voices WHERE article_id = 'bare'").fetchall()[0][0] == "Marc Ode"
    assert_same_corpus(corpus_state(conn), full_rebuild_of(conn, tmp_path / "full.db"))
    conn.close()


def _common(conn) -> list[int]:
    return [row[0] for row in conn.execute("SELECT common FROM echoes")]


def test_an_echo_turns_common_as_its_words_spread_and_back_as_they_go_or_the_corpus_grows(tmp_path):
    """An echo in 2 articles is common once each of its words is in more than 2 + 3 articles (the slack
    is RARE_MIN, 3, until 5% of the corpus is more): its words spread one article at a time, then two
    go, then one comes back; then the corpus grows by articles without its words until the slack is 4, and it is no
    longer common though no count of its words moved."""
    conn = connect(tmp_path / "common.db")
    origin = _quoted("origin", "2024-03-01T08:00:00", "Lea Ode")
    use = _quoted("use", "2024-03-03T08:00:00", "Ann Roy", PHRASES[2] + ", and every miner needs a trade")
    _store(conn, [origin, use])
    # the phrase's content words, apart: no run of them is one of its keys
    spread = "By the end of a decade, plants close; coal, they say, is the matter, whatever the rules must be."
    states = []
    for n in range(5):
        _store(conn, [dict(text=spread, quotes_at=[], id=f"spread{n}", published="2024-03-04T08:00:00")])
        states.append(_common(conn))
    remove_articles(conn, ["spread0", "spread1"])
    states.append(_common(conn))
    _store(conn, [dict(text=spread, quotes_at=[], id="spread5", published="2024-03-05T08:00:00")])
    states.append(_common(conn))
    assert states == [[0], [0], [0], [1], [1], [0], [1]]
    assert_same_corpus(corpus_state(conn), full_rebuild_of(conn, tmp_path / "full-spread.db"))
    weather = [dict(text=f"Rain fell on Brest for day {n}.", quotes_at=[], id=f"w{n}") for n in range(74)]
    _store(conn, weather[:73])  # 6 + 73 articles: a slack of 3.95
    assert _common(conn) == [1]
    _store(conn, weather[73:])  # 80: a slack of 4
    assert _common(conn) == [0]
    assert_same_corpus(corpus_state(conn), full_rebuild_of(conn, tmp_path / "full-grown.db"))
    conn.close()


def test_bodies_named_after_a_person_part_once_the_person_is_named_in_full(tmp_path):
    """'Ode campaign' and 'Ode Foundation' share the core 'Ode' and are one body while nobody is called
    Ode; once Lea Ode is named in full they are two bodies named after her, in the incremental store
    as in the full rebuild."""
    conn = connect(tmp_path / "named-after.db")
    campaign = dict(_quoted("c", "2024-03-01T08:00:00", "Ode campaign"), speakers={1: ("Ode campaign", "organization")})
    foundation = dict(
        _quoted("f", "2024-03-02T08:00:00", "Ode Foundation"), speakers={1: ("Ode Foundation", "organization")}
    )
    _store(conn, [campaign, foundation])
    keys = lambda: sorted(row[0] for row in conn.execute("SELECT key FROM actors WHERE type = 'organization'"))
    assert keys() == ["organization:ode campaign"]  # one body, keyed by its shortest name
    _store(conn, [_quoted("lea", "2024-03-03T08:00:00", "Lea Ode", PHRASES[1])])
    assert keys() == ["organization:ode campaign", "organization:ode foundation"]
    assert_same_corpus(corpus_state(conn), full_rebuild_of(conn, tmp_path / "full.db"))
    conn.close()


@pytest.mark.parametrize(("language", "parted"), [("en", True), ("fr", False)])
def test_a_body_named_after_a_place_parts_from_it_once_the_place_is_read(tmp_path, language, parted):
    """'Geneva University' and 'Geneva' share the core 'geneva' and are one body while no article reads
    Geneva as a place; once most of Geneva's mentions are a place's, the university is its own body, in
    the incremental store as in the full rebuild, and back when the place's article goes. Only where the
    language's model reads places well: the French model calls many a union a place ("Rempart 93")."""
    conn = connect(tmp_path / "named-after-place.db")
    university = dict(_quoted("u", "2024-03-01T08:00:00", "Geneva University"))
    university["speakers"] = {1: ("Geneva University", "organization")}
    body = dict(_quoted("b", "2024-03-02T08:00:00", "Geneva"), speakers={1: ("Geneva", "organization")})
    _store(conn, [university, body])
    keys = lambda: sorted(row[0] for row in conn.execute("SELECT key FROM actors WHERE type = 'organization'"))
    assert keys() == ["organization:geneva"]
    for n in (1, 2):  # two articles read Geneva as a place: two of its three mentions
        place = dict(
            _quoted(f"p{n}", "2024-03-03T08:00:00", "Geneva", PHRASES[1]), speakers={1: ("Geneva", "organization")}
        )
        _store(conn, [dict(place, places={"Geneva"}, language=language)])
    assert keys() == (["organization:geneva", "organization:geneva university"] if parted else ["organization:geneva"])
    assert_same_corpus(corpus_state(conn), full_rebuild_of(conn, tmp_path / "full.db"))
    remove_articles(conn, ["p1"])
    assert keys() == ["organization:geneva"]
    assert_same_corpus(corpus_state(conn), full_rebuild_of(conn, tmp_path / "full-removed.db"))
    conn.close()
