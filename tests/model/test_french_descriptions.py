"""Who a French description takes up, in the shapes of real dispatches (OrangeSum): "celui qui …",
an outlet by its kind ("le quotidien"), a trade of the celebrity and sports press ("l'animatrice").
Names are invented; each table has its negatives."""

from __future__ import annotations

import pytest

import voxmap

pytestmark = pytest.mark.model


def _last_speaker(text: str) -> tuple[str | None, str]:
    speaker = voxmap.analyze(text, language="fr").quotes[-1].speaker
    return speaker.name, speaker.type


@pytest.mark.parametrize(
    "text, expected",
    [
        # a demonstrative and its relative: the person who just acted, of the gender it writes
        (
            "Pavel Orlov a eu des mots très durs contre Paris. « On le voit, la France ne s'en soucie pas », "
            "a encore asséné celui qui dirige l'agence de presse officielle.",
            ("Pavel Orlov", "person"),
        ),
        (
            "Justine Marais a quitté le plateau en juin. « Je voulais autre chose », a confié celle qui "
            "présentait le journal de 20 heures.",
            ("Justine Marais", "person"),
        ),
        # negatives: "celle" is no man acting before; nobody acting before is nobody
        (
            "Marc Olivier a quitté le plateau en juin. « Je voulais autre chose », a confié celle qui "
            "présentait le journal de 20 heures.",
            (None, "unknown"),
        ),
        ("« Je voulais autre chose », a confié celui qui présentait le journal de 20 heures.", (None, "unknown")),
    ],
)
def test_celui_qui_takes_up_the_person_who_just_acted(text, expected):
    assert _last_speaker(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an outlet by its kind: the outlet named last, a medium that relays
        (
            "Le Progrès a révélé l'affaire mardi. Selon le quotidien, les deux hommes se connaissaient depuis 2015.",
            ("Le Progrès", "media"),
        ),
        (
            "L'Express raconte la genèse du tube. « Elle puise alors dans sa propre expérience », "
            "raconte l'hebdomadaire.",
            ("L'Express", "media"),
        ),
        # negatives: no outlet named before (a ministry is none); the kind with its own name is that outlet
        (
            "Le ministère a publié un communiqué mardi. Selon le quotidien, les deux hommes se connaissaient.",
            (None, "unknown"),
        ),
    ],
)
def test_an_outlet_by_its_kind_takes_up_the_outlet_named(text, expected):
    assert _last_speaker(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a trade of the celebrity press, definite: the person just named
        (
            "Lucie Vernet a publié un livre sur son enfance. « Si on m'avait écoutée, je n'aurais pas écrit "
            "ce livre », ajoute l'animatrice sur RTL.",
            ("Lucie Vernet", "person"),
        ),
        (
            "Arnaud Tessier revient sur ses débuts. L'humoriste raconte qu'il ne mangeait qu'un sandwich par jour.",
            ("Arnaud Tessier", "person"),
        ),
        # negative: an indefinite one is someone new, described as written
        (
            "Lucie Vernet a publié un livre sur son enfance. « C'est un livre courageux », estime une "
            "animatrice de la station.",
            ("une animatrice de la station", "anonymous"),
        ),
    ],
)
def test_a_trade_of_the_celebrity_press_takes_up_the_person_named(text, expected):
    assert _last_speaker(text) == expected
