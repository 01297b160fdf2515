"""A title written right before a French name (agency style) is that person's role, and a speaker
written as the title followed by the name is the person. Names and bodies are invented; the
sentence shapes are those of real dispatches (title, optional comma, name; a name the model glues
to the office's last word). Negatives: a name after a preposition, a name that is no person, a
title with no name after it."""

from __future__ import annotations

import pytest

import voxmap

pytestmark = pytest.mark.model


def _analysis(text):
    return voxmap.analyze(text, language="fr")


def _roles(text):
    return {actor.name: [(r.title, r.organization) for r in actor.roles] for actor in _analysis(text).actors}


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "« Ce n'est pas une mauvaise idée », reconnaît le secrétaire général de Force ouvrière Yann Delorme.",
            "Yann Delorme",
            ("secrétaire général", "Force ouvrière"),
        ),
        (
            "Le patron du Medef, Arnaud Ferrière a indiqué lundi qu'il n'écartait pas des ajustements.",
            "Arnaud Ferrière",
            ("patron", "Medef"),
        ),
        (
            "« Elles étaient intimidées », relate l'anthropologue belge Lise Vandamme, à l'origine du projet.",
            "Lise Vandamme",
            ("anthropologue belge", None),
        ),
    ],
)
def test_a_title_before_the_name_is_the_persons_role(text, name, role):
    assert role in _roles(text)[name]


@pytest.mark.parametrize(
    "text, name",
    [
        # a name after a preposition is the complement's, not a titled person
        ("Le projet de Marie Dufresne a été adopté, a déclaré le maire.", "Marie Dufresne"),
        # a word that is no role: a reform named after a minister
        ("La réforme Castelain a été votée mardi par les députés.", "Castelain"),
    ],
)
def test_no_title_where_none_is_written(text, name):
    roles = _roles(text)
    assert roles.get(name, []) == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "« Ce n'est pas une mauvaise idée », reconnaît le secrétaire général de Force ouvrière Yann Delorme.",
            "Yann Delorme",
        ),
        ("« Elles étaient intimidées », relate l'anthropologue belge Lise Vandamme.", "Lise Vandamme"),
    ],
)
def test_a_title_then_a_name_speaks_as_the_person(text, speaker):
    quotes = _analysis(text).quotes
    assert quotes and all(q.speaker.name == speaker and q.speaker.type == "person" for q in quotes)


def test_a_title_with_no_name_after_it_stays_a_description():
    quotes = _analysis("« Nous verrons », a dit le secrétaire général du syndicat, sans plus de détails.").quotes
    assert [q.speaker.name for q in quotes] == ["le secrétaire général du syndicat"]


@pytest.mark.parametrize(
    "text, second",
    [
        # another kind of office is no obstacle: a party's president is also a town's mayor
        (
            "Le président du Mouvement démocrate François Mareuil a dénoncé mardi un Parlement épuisé. "
            "« Ils ne seront pas là », a poursuivi le maire de Pau.",
            "François Mareuil",
        ),
        # the same kind of office elsewhere is: the mayor of Lyon is not the mayor of Pau
        (
            "Le maire de Lyon François Mareuil a dénoncé mardi un Parlement épuisé. "
            "« Ils ne seront pas là », a poursuivi le maire de Pau.",
            "le maire de Pau",
        ),
    ],
)
def test_an_office_written_in_full_goes_to_a_holder_with_no_rival_office(text, second):
    quotes = _analysis(text).quotes
    assert [q.speaker.name for q in quotes] == [second]
