"""An unnamed spokesperson of a named person or body speaks for it on the record: the person or body is
the quote's voice, not an anonymous source (the anonymity rate counted "Cameron's spokesman"). Shapes
of PolNeAR and OrangeSum sentences; names are invented. Negatives: a spokesperson of nobody named, of a
body only described, a spokesperson named or taken up by "the spokesman", an official who is no
spokesperson."""

from __future__ import annotations

import pytest

import voxmap

pytestmark = pytest.mark.model


def _speakers(text: str, language: str) -> list[tuple[str | None, str, str | None]]:
    quotes = voxmap.analyze(text, language=language).quotes
    return [(q.speaker.name, q.speaker.type, q.speaker.mention.text if q.speaker.mention else None) for q in quotes]


@pytest.mark.parametrize(
    "text, language, expected",
    [
        (
            'Paul Varden met the leaders. "We will not move," Varden\'s spokesman said.',
            "en",
            ("Paul Varden", "person", "Varden's spokesman"),
        ),
        (
            'Ann Corrigan campaigned in Ohio. "We are confident," a Corrigan spokeswoman said.',
            "en",
            ("Ann Corrigan", "person", "a Corrigan spokeswoman"),
        ),
        (
            '"The report is false," a spokesman for the Interior Ministry said.',
            "en",
            ("Interior Ministry", "organization", "a spokesman for the Interior Ministry"),
        ),
        (
            '"The report is false," a Justice Department spokesman said on Monday.',
            "en",
            ("Justice Department", "organization", "a Justice Department spokesman"),
        ),
        # a title in two words
        (
            '"The president will travel on Friday," White House press secretary said.',
            "en",
            ("White House", "organization", "White House press secretary"),
        ),
        # a campaign's spokesperson: the campaign, an organisation, not the candidate
        (
            '"We are confident," a Corrigan campaign spokesman said.',
            "en",
            ("Corrigan campaign", "organization", "a Corrigan campaign spokesman"),
        ),
        # the campaign's name opening the text (its first word is token 0)
        (
            "Varden campaign spokesman said the rally would go on.",
            "en",
            ("Varden campaign", "organization", "Varden campaign spokesman"),
        ),
        (
            '"We are confident," a spokeswoman for the Varden campaign said.',
            "en",
            ("Varden campaign", "organization", "a spokeswoman for the Varden campaign"),
        ),
        (
            "« Nous ne céderons pas », a déclaré un porte-parole du ministère de l'Intérieur.",
            "fr",
            ("ministère de l'Intérieur", "organization", "un porte-parole du ministère de l'Intérieur"),
        ),
    ],
)
def test_a_spokesperson_speaks_for_the_person_or_body_named(text, language, expected):
    assert expected in _speakers(text, language)


def test_a_pronoun_after_the_spokesperson_speaks_for_the_same_body():
    text = (
        "« Nous devons respecter les lois », a justifié un porte-parole de Vizio. « Les participants doivent "
        "respecter leurs lois », a-t-il ajouté."
    )
    assert [name for name, _, _ in _speakers(text, "fr")] == ["Vizio", "Vizio"]


@pytest.mark.parametrize(
    "text, language, expected",
    [
        # nobody named, a body only described
        ('"We will not move," a spokesman said.', "en", ("a spokesman", "anonymous")),
        ('"We will not move," a spokesman for the family said.', "en", ("a spokesman for the family", "anonymous")),
        ('"We will not move," a spokesman for the campaign said.', "en", ("a spokesman for the campaign", "anonymous")),
        (
            "« Nous prenons ces questions au sérieux », a assuré un porte-parole du groupe.",
            "fr",
            ("un porte-parole du groupe", "anonymous"),
        ),
        # an official is no spokesperson: the classic anonymous source stays one
        (
            '"We will not move," a senior White House official said.',
            "en",
            ("a senior White House official", "anonymous"),
        ),
        # a spokesperson named is the person
        (
            '"We are confident," said Brian Walls, a Corrigan spokesman.',
            "en",
            ("Brian Walls", "person"),
        ),
    ],
)
def test_no_principal_where_none_is_named_or_the_spokesperson_is(text, language, expected):
    assert expected in [(name, kind) for name, kind, _ in _speakers(text, language)]
