"""Knowledge of actors: the file's format, the three importers (congress-legislators YAML, Wikidata
entity JSON, a hand-written CSV) on fixtures written from their documented layouts, facts that hold
on a date, and linking a corpus's actors with the voice a fact gives at the article's date."""

import bz2
import json

import pytest
from helpers import SHARED, analysis_of, build_corpus

from voxmap.corpus.rebuild import rebuild
from voxmap.corpus.store import connect
from voxmap.knowledge.base import Entry, Fact, KnowledgeError, read_knowledge, write_knowledge
from voxmap.knowledge.importers import from_congress, from_csv, from_wikidata, import_sources, party_voice
from voxmap.knowledge.link import store_knowledge
from voxmap.records import Role, Span

CONGRESS = SHARED / "data" / "kb" / "congress-legislators"

EXECUTIVE_YAML = """
- id: {bioguide: O000167, wikidata: Q76}
  name: {first: Barack, last: Obama}
  bio: {gender: M}
  terms:
  - {type: prez, start: '2009-01-20', end: '2013-01-20', party: Democrat}
  - {type: prez, start: '2013-01-20', end: '2017-01-20', party: Democrat}
- id: {bioguide: B000444, wikidata: Q6279}
  name: {first: Joseph, middle: Robinette, last: Biden, suffix: Jr., nickname: Joe}
  bio: {gender: M}
  terms:
  - {type: viceprez, start: '2009-01-20', end: '2013-01-20', party: Democrat}
- id: {bioguide: X000001}
  name: {first: Ann, last: Example, official_full: Ann B. Example}
  bio: {gender: F}
  terms:
  - {type: sen, start: '2011-01-05', end: '2017-01-03', state: OH, party: Republican}
  - {type: sen, start: '2017-01-03', end: '2023-01-03', state: OH, party: Independent}
"""


def test_congress_terms_become_dated_facts(tmp_path):
    path = tmp_path / "executive.yaml"
    path.write_text(EXECUTIVE_YAML, encoding="utf-8")
    obama, biden, ann = from_congress(path)
    assert (obama.id, obama.gender, obama.wikidata) == ("Q76", "masculine", "Q76")
    assert obama.voice_on("2016-03-01")[0] == "White House" and obama.voice_on("2008-03-01") is None
    (presidency,) = [f for f in obama.facts if f.kind == "position"]
    assert (presidency.start, presidency.end) == ("2009-01-20", "2017-01-20")  # two terms, one span
    assert ann.id == "bioguide:X000001" and "Ann B. Example" in ann.all_names
    # the nickname and the suffix the press writes ("Joseph R. Biden Jr."); no suffix where there is none
    assert {"Joseph Biden", "Joe Biden", "Joseph Biden Jr."} <= set(biden.all_names)
    assert not any(name.endswith(" None") for entry in (obama, ann) for name in entry.all_names)
    assert ann.voice_on("2016-06-01")[0] == "Republican Party"  # a seat speaks for its holder's party
    assert ann.voice_on("2019-06-01") is None  # an independent speaks for no party


@pytest.mark.skipif(not CONGRESS.is_dir(), reason="the shared congress-legislators data is not beside the project")
def test_the_shared_congress_legislators_data():
    entries = {entry.id: entry for entry in from_congress(CONGRESS)}
    assert entries["Q76"].voice_on("2015-06-01")[0] == "White House"
    women = sum(entry.gender == "feminine" for entry in entries.values())
    assert 100 < women < len(entries) / 2


def wikidata_entity(qid, label, kind="Q5", gender=None, positions=(), parties=()):
    def item(target):
        return {"mainsnak": {"datavalue": {"value": {"id": target}}}}

    def dated(target, start=None, end=None, of=None):
        claim, qualifiers = item(target), {}
        for prop, day in (("P580", start), ("P582", end)):
            if day:
                qualifiers[prop] = [{"datavalue": {"value": {"time": f"+{day}T00:00:00Z"}}}]
        if of:
            qualifiers["P642"] = [{"datavalue": {"value": {"id": of}}}]
        claim["qualifiers"] = qualifiers
        return claim

    claims = {"P31": [item(kind)]}
    if gender:
        claims["P21"] = [item(gender)]
    if positions:
        claims["P39"] = [dated(*p) for p in positions]
    if parties:
        claims["P102"] = [dated(*p) for p in parties]
    return {"id": qid, "labels": {"fr": {"value": label}}, "aliases": {"fr": [{"value": label.split()[-1] + " (alias)"}]},
            "claims": claims}  # fmt: skip


def test_wikidata_positions_parties_gender_and_labels(tmp_path):
    lines = [
        wikidata_entity("Q1", "Gérald Exemple", gender="Q6581097",
                        positions=[("Q10", "2020-07-06", "2024-01-11", "Q11")], parties=[("Q12", "2017-05-01")]),
        wikidata_entity("Q10", "ministre de l'Intérieur", kind="Q4164871"),
        wikidata_entity("Q11", "ministère de l'Intérieur", kind="Q327333"),
        wikidata_entity("Q12", "Renaissance", kind="Q7278"),
    ]  # fmt: skip
    path = tmp_path / "dump.json.bz2"
    with bz2.open(path, "wt", encoding="utf-8") as handle:
        handle.write("[\n" + ",\n".join(json.dumps(line) for line in lines) + "\n]\n")
    (person,) = from_wikidata(path)  # only humans become entries
    assert (person.id, person.gender) == ("Q1", "masculine")
    position = next(f for f in person.facts if f.kind == "position")
    assert (position.title, position.institution, position.start, position.end) == (
        "ministre de l'Intérieur", "ministère de l'Intérieur", "2020-07-06", "2024-01-11",
    )  # fmt: skip
    assert person.voice_on("2022-01-01")[0] == "Renaissance"  # a position without a voice: the party speaks


CSV = """name,aliases,gender,title,institution,since,until,wikidata
Fabien Delacourt,F. Delacourt|Delacourt,male,secrétaire général,Rempart,2021-01-01,,
Claire Dubois,,female,,,,,
"""


def test_a_hand_written_csv(tmp_path):
    path = tmp_path / "kb.csv"
    path.write_text(CSV, encoding="utf-8")
    fabien, claire = from_csv(path)
    assert fabien.voice_on("2024-03-05")[0] == "Rempart" and fabien.voice_on("2020-03-05") is None
    assert "F. Delacourt" in fabien.all_names and (claire.gender, claire.facts) == ("feminine", [])
    (tmp_path / "bad.csv").write_text("name,gender\nX,unknown-word\n", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        from_csv(tmp_path / "bad.csv")


def test_the_file_round_trips_and_refuses_what_is_no_entry(tmp_path):
    entries = [Entry("Q76", "person", {"en": ["Barack Obama"]}, "masculine",
                     [Fact("position", "White House", "President", "White House", "2009-01-20", "2017-01-20")])]  # fmt: skip
    write_knowledge(entries, tmp_path / "kb.jsonl")
    assert read_knowledge(tmp_path / "kb.jsonl")[0].to_dict() == entries[0].to_dict()
    for bad in ('{"names": ["x"]}', '{"id": "x", "names": ["x"], "gender": "other"}', "not json",
                '{"id": "x", "names": ["x"], "facts": [{"kind": "rumour"}]}'):  # fmt: skip
        (tmp_path / "bad.jsonl").write_text(bad + "\n", encoding="utf-8")
        with pytest.raises(KnowledgeError):
            read_knowledge(tmp_path / "bad.jsonl")


@pytest.mark.parametrize(
    "day, holds",
    [("2009-01-20", True), ("2017-01-19", True), ("2017-01-20", False), ("2008-12-31", False), (None, False)],
)
def test_a_fact_holds_from_its_start_until_its_end(day, holds):
    assert Fact("position", start="2009-01-20", end="2017-01-20").holds_on(day) is holds


def test_party_names():
    assert (party_voice("Democrat"), party_voice("Republican"), party_voice("Independent")) == (
        "Democratic Party", "Republican Party", None,
    )  # fmt: skip


TEXT = "“Strike,” said X. “No,” said Y. “Maybe,” said Z."


def test_linking_gives_the_voice_of_the_office_held_on_the_day(tmp_path):
    """A misread role ('Republican nominee') loses to the office the knowledge says he held that day;
    before the office, the article's own words decide; a namesake nobody can tell apart stays unlinked."""
    conn = connect(tmp_path / "kb.db")
    obama = Entry("Q76", "person", {"en": ["Barack Obama"]}, "masculine",
                  [Fact("position", "White House", "President", "White House", "2009-01-20", "2017-01-20")])  # fmt: skip
    twins = [Entry(f"local:{i}", "person", {"en": ["John Smith"]}) for i in (1, 2)]
    store_knowledge(conn, [obama, *twins])
    build_corpus(
        conn,
        [
            analysis_of(TEXT, [(1, 7)], id="2016", published="2016-03-01", speakers={1: ("Barack Obama", "person")}),
            analysis_of(TEXT, [(1, 7)], id="2008", published="2008-03-01", speakers={1: ("Barack Obama", "person")}),
            analysis_of(TEXT, [(1, 7)], id="smith", published="2016-03-01", speakers={1: ("John Smith", "person")}),
        ],
    )
    voices = dict(conn.execute("SELECT article_id, voice FROM voices").fetchall())
    assert voices["2016"] == "White House" and voices["2008"] == "Barack Obama"
    assert conn.execute("SELECT knowledge_id FROM actors WHERE name = 'Barack Obama'").fetchone()[0] == "Q76"
    assert conn.execute("SELECT count(*) FROM knowledge_ambiguous").fetchone()[0] == 1
    rule = conn.execute("SELECT voice_rule FROM article_actors WHERE article_id = '2016'").fetchone()[0]
    assert rule.startswith("knowledge (President, 2009-01-20–2017-01-20")
    misread = analysis_of(
        TEXT, [(1, 7)], id="misread", published="2016-04-01", speakers={1: ("Barack Obama", "person")}
    )
    misread.actors[0].roles.append(
        Role("nominee", "Republican Party", Span.of(TEXT, 0, 7), institution="Republican Party")
    )
    build_corpus(conn, [misread])  # the article's own words say otherwise: the knowledge wins, and says so
    rule = conn.execute("SELECT voice, voice_rule FROM article_actors WHERE article_id = 'misread'").fetchone()
    assert rule[0] == "White House" and rule[1].endswith("over the role written here (Republican Party)")
    store_knowledge(conn, [])  # a store without knowledge links nobody
    rebuild(conn)
    assert conn.execute("SELECT count(*) FROM actors WHERE knowledge_id IS NOT NULL").fetchone()[0] == 0


def test_import_sources_merges_what_two_sources_say_of_one_id(tmp_path):
    (tmp_path / "executive.yaml").write_text(EXECUTIVE_YAML, encoding="utf-8")
    (tmp_path / "extra.csv").write_text("name,gender,title,institution,since,until,wikidata\n"
                                       "Barack Obama,,Senator,,2005-01-03,2008-11-16,Q76\n", encoding="utf-8")  # fmt: skip
    merged = {e.id: e for e in import_sources([tmp_path / "executive.yaml", tmp_path / "extra.csv"])}
    assert len(merged["Q76"].facts) == 3 and merged["Q76"].gender == "masculine"


@pytest.mark.parametrize(
    "first, last, overlaps",
    [("2008-01-01", "2010-01-01", True), ("2010-01-01", "2011-01-01", True), ("2016-12-01", "2018-01-01", True),
     ("2017-01-20", "2018-01-01", False), ("2007-01-01", "2008-12-31", False), (None, "2010-01-01", False)],
)  # fmt: skip
def test_a_fact_overlaps_the_span_an_actor_is_quoted_in(first, last, overlaps):
    assert Fact("position", start="2009-01-20", end="2017-01-20").overlaps(first, last) is overlaps
