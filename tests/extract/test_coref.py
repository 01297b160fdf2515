"""The rule resolver on hand-built histories: which earlier actor a pronoun takes up."""

import pytest

from voxmap.extract.coref import History, RuleResolver, Sighting
from voxmap.extract.language import load_rules
from voxmap.extract.mentions import PRONOUN, Mention
from voxmap.records import Actor

RESOLVER = RuleResolver(load_rules("fr"))


def _pronoun(text, gender=None, plural=False, at=500):
    return Mention(at, at + len(text), text, 0, PRONOUN, text.strip("-"), gender=gender, plural=plural)


def _person(name, gender="masculine"):
    return Actor("", name, "person", gender=gender)


def _described(name, human, plural=False):
    return Actor("", name, "anonymous", plural=plural, human=human)


def _history(*actors):
    return History([Sighting(i * 100, actor, True, True) for i, actor in enumerate(actors)])


@pytest.mark.parametrize(
    "earlier, expected",
    [
        # someone comes before a source described by a word that names no one, even a later one
        ((_person("Jorge Bergoglio"), _described("un texte transmis par le Vatican", human=False)), "Jorge Bergoglio"),
        # a described person is someone: the latest one wins
        ((_person("Paul Roche"), _described("un officier israélien", human=True)), "un officier israélien"),
        # with nobody else there, the described source is taken up
        ((_described("un communiqué de la préfecture", human=False),), "un communiqué de la préfecture"),
    ],
)
def test_a_pronoun_takes_up_someone_before_a_described_thing(earlier, expected):
    actor = RESOLVER.resolve(_pronoun("-il", "masculine"), _history(*earlier))
    assert actor is not None and actor.name == expected


def test_they_is_never_a_place():
    collective = Actor("", "Front de libération bordelais", "organization")
    city = Actor("", "Bordeaux", "organization", place=True)
    assert RESOLVER.resolve(_pronoun("-ils", plural=True), _history(collective, city)) is collective
    assert RESOLVER.resolve(_pronoun("-ils", plural=True), _history(city)) is None


def _at(position, actor, acting=True):
    return Sighting(position, actor, acting, False)


def test_an_opening_pronoun_is_the_person_named_right_after_it():
    named = _person("Anne Catelin", "feminine")
    opening = _pronoun("Elle", "feminine", at=0)
    assert RESOLVER.resolve(opening, History([_at(80, named)])) is named
    # someone named before it, or a person of the other gender after it: no looking ahead
    before = _person("Paul Roche")
    assert RESOLVER.resolve(_pronoun("Elle", "feminine", at=50), History([_at(0, before), _at(120, named)])) is None
    assert RESOLVER.resolve(opening, History([_at(80, _person("Paul Roche"))])) is None
    # too far after it
    assert RESOLVER.resolve(opening, History([_at(900, named)])) is None


@pytest.mark.parametrize(
    "text, gender, expected",
    [
        ("cette dernière", "feminine", "Jeanne Blanc"),
        ("ce dernier", "masculine", "Paul Roche"),
    ],
)
def test_the_latter_is_the_last_person_named_of_its_gender(text, gender, expected):
    history = History([_at(0, _person("Paul Roche")), _at(100, _person("Jeanne Blanc", "feminine"), acting=False)])
    latter = Mention(400, 400 + len(text), text, 0, "description", text.split()[-1], gender=gender)
    assert RESOLVER.resolve(latter, history).name == expected
