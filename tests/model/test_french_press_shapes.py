"""Shapes of real French dispatches read end to end: a source named after the quote, the speaker of an
inverted report past a day and a channel, and a name the model ran into an office's last word even
where it labels the whole an organisation. Names and bodies are invented; the sentence shapes are
those of OrangeSum dispatches. Each table has its negatives."""

from __future__ import annotations

import pytest

import voxmap

pytestmark = pytest.mark.model


def _found(text):
    return [(q.kind, q.text, q.speaker.name) for q in voxmap.analyze(text, language="fr").quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a one-word verdict credited after it: its own quote, not the continuation of the one before
        (
            "« On va discuter de tout », promet Laurent Bertin. « Insuffisant », pour la CFDT-Cheminots.",
            ("direct", "Insuffisant", "CFDT-Cheminots"),
        ),
        (
            "« Ce texte est dangereux », pour la CGT. Les syndicats manifesteront.",
            ("direct", "Ce texte est dangereux", "CGT"),
        ),
        # a quote inside the writer's sentence: the source vouches for the whole sentence
        (
            "L'enquête a été élargie à des soupçons de « financement illégal de campagne », selon une source "
            "proche du dossier.",
            (
                "mixed",
                "L'enquête a été élargie à des soupçons de « financement illégal de campagne",
                "une source proche du dossier",
            ),
        ),
    ],
)
def test_a_source_named_right_after_the_quote(text, expected):
    assert expected in _found(text)


@pytest.mark.parametrize(
    "text, quoted",
    [
        # "pour" opens a purpose or a beneficiary, and the sentence goes on
        (
            "Il parle d'une impression de « ne pas être à sa place » pour justifier son départ.",
            "ne pas être à sa place",
        ),
        (
            "Elle se dit consciente « du contexte difficile » pour tous ces jeunes, a ajouté la ministre.",
            "du contexte difficile",
        ),
    ],
)
def test_no_source_after_the_quote_where_the_sentence_goes_on(text, quoted):
    assert not any(speaker in ("justifier", "tous ces jeunes", "ces jeunes") for _, _, speaker in _found(text))
    assert all(not (body == quoted and kind == "direct") for kind, body, _ in _found(text))


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Claude Verdier est ministre. « Bien sûr cela crée des désorganisations », a reconnu mardi matin au "
            "micro de Franceinfo le ministre.",
            "Claude Verdier",
        ),
        (
            "« Je n'ai jamais vu d'argent circuler », a répété ce mardi sur LCI puis sur franceinfo l'ancien "
            "secrétaire général de l'Élysée.",
            "l'ancien secrétaire général de l'Élysée",
        ),
    ],
)
def test_the_speaker_of_an_inverted_report_lies_past_the_day_and_the_channel(text, speaker):
    found = _found(text)
    assert found and found[-1][2] == speaker


def test_a_name_run_into_an_office_word_is_the_person_with_the_office():
    text = (
        "Quatre-vingts écoles sont fermées, a indiqué mercredi 16 septembre le ministre de l'Éducation "
        "Jean-Marc Blanchet. « Ce sont des chiffres limités », a précisé Jean-Marc Blanchet."
    )
    analysis = voxmap.analyze(text, language="fr")
    people = {a.name: [r.institution for r in a.roles] for a in analysis.actors if a.type == "person"}
    assert "ministère de l'Éducation nationale" in people["Jean-Marc Blanchet"]
    assert not any("Éducation" in name for name in people)
    assert {q.speaker.name for q in analysis.quotes} == {"Jean-Marc Blanchet"}


def test_a_body_after_its_preposition_is_no_name_run_into_an_office():
    # the model's organisation after "de l'" is the body itself: no person's name is in it
    analysis = voxmap.analyze(
        "« Les chiffres sont bons », a déclaré le directeur de l'Institut Pasteur.", language="fr"
    )
    assert not any(a.type == "person" and a.name == "Pasteur" for a in analysis.actors)
