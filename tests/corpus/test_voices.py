"""Voices at the time of each quote, surnames resolved in their period, stable actor ids: on hand-built corpora."""

import pytest
from helpers import build_corpus

from voxmap.corpus.aliases import Aliases
from voxmap.corpus.names import person_key
from voxmap.corpus.rebuild import rebuild
from voxmap.corpus.store import connect
from voxmap.extract.entity_names import places_confirmed
from voxmap.extract.language import load_rules
from voxmap.records import Actor, Analysis, Quote, Role, Span, Speaker, make_article


def article(id, published, speakers, *, text=None):
    """An article with one quote per (name, type, roles) speaker; roles are (title, institution, former)."""
    text = text or " ".join(f"“Words number {n}.” said {name}." for n, (name, _, _) in enumerate(speakers))
    actors, quotes, at = [], [], 0
    for n, (name, kind, roles) in enumerate(speakers):
        start = text.index(f"Words number {n}.", at)
        end = start + len(f"Words number {n}.")
        named = text.index(name, end)
        evidence = Span.of(text, named, named + len(name))
        actor = Actor(
            f"a{n + 1}",
            name,
            kind,
            [Role(title, None, evidence, former, institution) for title, institution, former in roles],
            [evidence],
        )
        actors.append(actor)
        quotes.append(
            Quote(
                f"q{n + 1}", "direct", [Span.of(text, start, end)], None, Speaker(name, kind, actor.id, evidence), 0.9
            )
        )
        at = end
    return Analysis(make_article(text, id=id, published=published, source="Daily", language="en"), quotes, actors)


def voices_of(conn):
    return {
        (row["article_id"], row["name"]): (row["voice"], row["voice_rule"])
        for row in conn.execute(
            "SELECT aa.article_id, ac.name, v.voice, aa.voice_rule FROM voices v JOIN quotes q ON q.id = v.quote_id "
            "JOIN article_actors aa ON aa.article_id = q.article_id AND aa.local_id = q.local_actor "
            "JOIN actors ac ON ac.id = v.actor_id"
        )
    }


@pytest.fixture
def conn(tmp_path):
    connection = connect(tmp_path / "voices.db")
    yield connection
    connection.close()


def test_a_voice_per_article_at_the_time_of_the_quote(conn):
    build_corpus(
        conn,
        [
            article(
                "a1", "2016-03-01", [("John Kerry", "person", [("Secretary of State", "State Department", False)])]
            ),
            article("a2", "2016-03-10", [("John Kerry", "person", [])]),  # no role here: the nearest one, 9 days off
            article("a3", "2016-09-01", [("John Kerry", "person", [])]),  # months away: himself
            article("a4", "2016-03-02", [("Hillary Clinton", "person", [("former Secretary of State", None, True)])]),
            article("a5", "2016-03-03", [("GOP", "organization", [])]),
        ],
    )
    voices = voices_of(conn)
    assert voices[("a1", "John Kerry")] == ("State Department", "role here")
    assert voices[("a2", "John Kerry")][0] == "State Department"
    assert voices[("a2", "John Kerry")][1].startswith("role nearby (2016-03-01")
    assert voices[("a3", "John Kerry")] == ("John Kerry", "speaker")
    assert voices[("a4", "Hillary Clinton")] == ("Hillary Clinton", "speaker")  # a former office is no voice
    assert voices[("a5", "GOP")] == ("Republican Party", "organization")


def test_one_stray_role_does_not_outvote_the_others(conn):
    build_corpus(
        conn,
        [
            article("b1", "2016-05-01", [("Ann Roy", "person", [("nominee", "Republican Party", False)])]),
            article("b2", "2016-05-02", [("Ann Roy", "person", [("nominee", "Republican Party", False)])]),
            article("b3", "2016-05-04", [("Ann Roy", "person", [("leader", "Republican polls", False)])]),
            article("b4", "2016-05-05", [("Ann Roy", "person", [])]),
        ],
    )
    assert voices_of(conn)[("b4", "Ann Roy")][0] == "Republican Party"  # 2 articles against 1, though 1 is nearer


def test_the_alias_file_overrides_a_voice_in_its_dates(conn):
    build_corpus(
        conn,
        [
            article("c1", "2016-03-01", [("Ann Roy", "person", [("candidate", "Republican Party", False)])]),
            article("c2", "2016-08-01", [("Ann Roy", "person", [("candidate", "Republican Party", False)])]),
        ],
    )
    rebuild(conn, Aliases.parse('[[voice]]\nactor = "Ann Roy"\nvoice = "Roy campaign"\nuntil = "2016-06-30"\n'))
    voices = voices_of(conn)
    assert voices[("c1", "Ann Roy")] == ("Roy campaign", "alias file")
    assert voices[("c2", "Ann Roy")] == ("Republican Party", "role here")


def clinton_corpus():
    prominent = [article(f"h{n}", f"2016-0{n}-10", [("Hillary Clinton", "person", [])]) for n in range(1, 6)]
    return prominent + [
        article("b1", "2016-03-11", [("Bill Clinton", "person", [("former President", None, True)])]),
        article("s1", "2016-03-12", [("Clinton", "person", [])]),
        article("s2", "2016-03-12", [("Clinton", "person", [("President", None, False)])]),  # "President Clinton"
        article(
            "s3",
            "2016-03-13",
            [("Bill Clinton", "person", []), ("Hillary Clinton", "person", []), ("Clinton", "person", [])],
        ),  # both named here: which one is unknown
        article("r1", "2016-03-14", [("Paul D. Ryan", "person", [])]),
        article("r2", "2016-03-14", [("Paul Ryan", "person", [])]),
        article("j1", "2016-03-14", [("Donald Trump Jr.", "person", [])]),
        article("j2", "2016-03-15", [("Donald Trump", "person", [])]),
        article("j4", "2016-03-16", [("Donald Trump", "person", [])]),
        article("j3", "2016-03-15", [("Mr. Trump", "person", [])]),  # his son is less prominent
    ]


def test_surnames_go_to_the_person_of_their_article_and_period(conn):
    build_corpus(conn, clinton_corpus())
    actor = {
        (row["article_id"], row["name"]): (row["actor"], row["resolved_by"])
        for row in conn.execute(
            "SELECT aa.article_id, aa.name, ac.name AS actor, aa.resolved_by FROM article_actors aa "
            "JOIN actors ac ON ac.id = aa.actor_id"
        )
    }
    assert actor[("s1", "Clinton")][0] == "Hillary Clinton"
    assert "most prominent" in actor[("s1", "Clinton")][1]
    assert actor[("s2", "Clinton")][0] == "Bill Clinton"  # the title written here is his
    assert actor[("s3", "Clinton")] == ("Clinton", "surname left apart: several people have it")
    assert actor[("r1", "Paul D. Ryan")][0] == actor[("r2", "Paul Ryan")][0]
    assert actor[("j1", "Donald Trump Jr.")][0] != actor[("j2", "Donald Trump")][0]
    assert actor[("j3", "Mr. Trump")][0] == "Donald Trump"


@pytest.mark.parametrize(
    "name, key",
    [
        ("Paul D. Ryan", "paul ryan"),
        ("Hillary Rodham Clinton", "hillary clinton"),
        ("Donald Trump Jr.", "donald trump jr"),
        ("Bill Clinton", "bill clinton"),
        ("Gérald Marsac", "gerald marsac"),
    ],
)
def test_person_keys(name, key):
    assert person_key(name) == key


def test_actor_ids_are_stable_and_merged_ids_redirect(conn):
    build_corpus(conn, clinton_corpus())
    ids = dict(conn.execute("SELECT key, id FROM actors").fetchall())
    rebuild(conn, Aliases())
    assert dict(conn.execute("SELECT key, id FROM actors").fetchall()) == ids  # re-resolving keeps every id
    junior = ids["person:donald trump jr"]
    rebuild(conn, Aliases.parse('[[merge]]\ncanonical = "Donald Trump"\naliases = ["Donald Trump Jr."]\n'))
    assert conn.execute("SELECT 1 FROM actors WHERE id = ?", (junior,)).fetchone() is None
    (target,) = conn.execute("SELECT actor_id FROM actor_redirects WHERE old_id = ?", (junior,)).fetchone()
    assert target == ids["person:donald trump"]


def test_a_group_named_like_an_institution_is_never_a_surname(conn):
    # The model once took "Log Cabin Republicans" for a person: "Republicans" must not become his surname.
    build_corpus(
        conn,
        [
            article("l1", "2016-07-14", [("Log Cabin Republicans", "person", [])]),
            article("l2", "2016-07-15", [("Republicans", "group", [])]),
        ],
    )
    voices = voices_of(conn)
    assert voices[("l2", "Republicans")][0] == "Republican Party"


def test_beliefs_and_evidence_leave_the_measures_of_who_speaks_unless_asked(conn, tmp_path):
    from voxmap.corpus.rebuild import rebuild_store

    said, thought = (
        article("k1", "2016-03-01", [("Ann Roy", "person", [])]),
        article("k2", "2016-03-02", [("Ann Roy", "person", [])]),
    )
    thought.quotes[0].kind = "belief"
    build_corpus(conn, [said, thought])
    assert conn.execute("SELECT count(*) FROM voices").fetchone()[0] == 1  # the belief is not counted
    rebuild_store(tmp_path / "voices.db", beliefs="include")
    assert conn.execute("SELECT count(*) FROM voices").fetchone()[0] == 2
    rebuild_store(tmp_path / "voices.db")  # remembered
    assert conn.execute("SELECT count(*) FROM voices").fetchone()[0] == 2


def test_a_place_office_is_held_by_one_person_at_a_time(conn):
    mayor = ("New York City Mayor", "Office of the Mayor of New York City", False)
    build_corpus(
        conn,
        [article(f"m{n}", f"2016-05-0{n}", [("Bill de Blasio", "person", [mayor])]) for n in (1, 2)]
        + [article("g1", "2016-05-03", [("Rudy Giuliani", "person", [mayor])])],
    )  # "former" left out
    voices = voices_of(conn)
    assert voices[("m1", "Bill de Blasio")][0] == "Office of the Mayor of New York City"
    assert voices[("g1", "Rudy Giuliani")] == ("Rudy Giuliani", "speaker")


@pytest.mark.parametrize(
    "institution, voice",
    [
        ("Clinton's campaign", "Clinton campaign"),  # a possessive inside the name: one voice with its plain writing
        ("Clinton’s campaign", "Clinton campaign"),
        ("Clinton campaign", "Clinton campaign"),
        ("Mr. Sanders's campaign", "Sanders campaign"),  # and the possessor's honorific
        ("McDonald's", "McDonald's"),  # one ending the name is the name's
        ("Miss France", "Miss France"),  # an honorific that is no possessor's is the name's
    ],
)
def test_a_possessive_inside_an_institution_is_one_voice_with_its_plain_writing(conn, institution, voice):
    build_corpus(conn, [article("p1", "2016-05-01", [("Ann Roy", "person", [("adviser", institution, False)])])])
    assert voices_of(conn)[("p1", "Ann Roy")] == (voice, "role here")


def test_a_body_speaking_is_shown_by_its_plain_name(conn):
    build_corpus(conn, [article("p2", "2016-05-01", [("Mr. Sanders's campaign", "organization", [])])])
    assert [row[0] for row in conn.execute("SELECT name FROM actors")] == ["Sanders campaign"]


def test_a_person_only_described_is_an_actor_of_its_article(conn):
    # "le Premier ministre" of 2016 and of 2020 are two people: a description never merges across articles,
    # where a name does ("Édouard Philippe" in both is one actor)
    build_corpus(
        conn,
        [
            article("d1", "2016-05-10", [("le Premier ministre", "person", []), ("Édouard Philippe", "person", [])]),
            article("d2", "2020-05-10", [("le Premier ministre", "person", []), ("Édouard Philippe", "person", [])]),
        ],
    )
    actors = dict(
        conn.execute(
            "SELECT aa.article_id || ':' || aa.name, aa.actor_id FROM article_actors aa WHERE aa.actor_id IS NOT NULL"
        ).fetchall()
    )
    assert actors["d1:le Premier ministre"] != actors["d2:le Premier ministre"]
    assert actors["d1:Édouard Philippe"] == actors["d2:Édouard Philippe"]


def test_a_place_is_never_a_voice(conn):
    # "Fort Pierce said" (a parse's or a pronoun's place) counts for no one; the same name the article does
    # not name as a place (a body the model called one) keeps its voice
    place = article("t1", "2016-05-01", [("Fort Pierce", "organization", [])])
    place.actors[0].place = True
    body = article("t2", "2016-05-02", [("Fort Pierce", "organization", [])])
    # the French model calls many a body a place ("Unilever"): there a place keeps its voice
    french = article("t3", "2016-05-03", [("Unilever", "organization", [])])
    french.actors[0].place = True
    french.article.language = "fr"
    # nor is a known institution the model called a place
    institution = article("t4", "2016-05-04", [("Élysée", "organization", [])])
    institution.actors[0].place = True
    # nor a person the model first read as one ("Obama" tagged a place, then named)
    person = article("t5", "2016-05-05", [("Barack Obama", "person", [])])
    person.actors[0].place = True
    # nor a body whose longer name joined the place's ("Illinois" … "the Illinois Board of Elections")
    board = article("t6", "2016-05-06", [("Illinois Board of Elections", "organization", [])])
    board.actors[0].place = True
    # nor a surname of someone the article names in full ("Ava DuVernay" … "DuVernay said")
    surname = article("t7", "2016-05-07", [("DuVernay", "organization", []), ("Ava DuVernay", "person", [])])
    surname.actors[0].place = True
    analyses = [place, body, french, institution, person, board, surname]
    for analysis in analyses:  # the flag as extraction leaves it, the actors' final names known
        places_confirmed(analysis.actors, load_rules(analysis.article.language))
    build_corpus(conn, analyses)
    voices = voices_of(conn)
    assert voices[("t7", "DuVernay")] == ("DuVernay", "organization")
    assert voices[("t6", "Illinois Board of Elections")] == ("Illinois Board of Elections", "organization")
    assert voices[("t5", "Barack Obama")] == ("Barack Obama", "speaker")
    assert voices[("t4", "Élysée")] == ("Élysée", "organization")
    assert voices[("t1", "Fort Pierce")] == (None, "place")
    assert voices[("t2", "Fort Pierce")] == ("Fort Pierce", "organization")
    assert voices[("t3", "Unilever")] == ("Unilever", "organization")
