"""Speaker phrases after an inverted verb that name no one by name: "la première" and "la seconde" of two
people just named, a title after the channel and its comma ("a expliqué à l'AFP, le délégué…"), people
described by their trade or their plight ("les professionnels de santé", "la victime"). Sentence shapes of OrangeSum dispatches; names are invented. Each table has its negatives."""

from __future__ import annotations

import pytest
from helpers import french_speakers

pytestmark = pytest.mark.model

TWO_MINISTERS = (
    "Ce lundi, Claire Morin et Agnès Vautrin, les ministres du Travail et de l'Industrie, se sont rendues sur place. "
)


@pytest.mark.parametrize(
    "text, speakers",
    [
        (
            TWO_MINISTERS + "« Le gouvernement se battra pour sauver les emplois », a promis la première. « Nous "
            "voulons les contre-expertiser », a ajouté la seconde.",
            ["Claire Morin", "Agnès Vautrin"],
        ),
        # the one who spoke since does not change which of the two is the second
        (
            TWO_MINISTERS + "« Nous voulons les contre-expertiser », a ajouté la seconde.",
            ["Agnès Vautrin"],
        ),
        # "cette dernière": the last person seen, as before
        ("Marie Lenoir a rencontré les grévistes. « Nous avançons », assure cette dernière.", ["Marie Lenoir"]),
    ],
)
def test_the_first_and_the_second_of_two_people_named(text, speakers):
    assert french_speakers(text) == speakers


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "L'agression a eu lieu le matin. « Le détenu s'est jeté sur eux sans raison avec un pic artisanal », a "
            "expliqué à l'AFP, le délégué CGT pénitentiaire, Éric Pinel. La suite est connue.",
            "Éric Pinel",
        ),
        # a name the channel ran into stays unread: the apposition after the comma is not the speaker
        (
            "« On prend l'occasion de la fête des Mères pour rappeler que les vaches souffrent », s'est indignée "
            "auprès de l'AFP Marie-Morgane Jeannot, porte-parole de Peta France.",
            "Marie-Morgane Jeannot",
        ),
        # a participle after the channel's comma opens no speaker's phrase
        ("« Le détenu s'est jeté sur eux », a expliqué à l'AFP, ajoutant que rien ne va. La suite.", None),
    ],
)
def test_a_title_after_the_channel_and_its_comma_speaks(text, speaker):
    assert french_speakers(text)[0] == speaker


def test_no_apposition_speaks_for_a_name_the_channel_ran_into():
    # the model reads "l'AFP Thiago Sousa" as one name: the person is lost, but his apposition is no speaker
    text = (
        "« C'est une ville très importante dans le monde, historique », confie à l'AFP Thiago Sousa, capitaine du PSG."
    )
    assert french_speakers(text)[0] != "capitaine du PSG"


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "« C'est la surenchère de l'indécence », déplorent les professionnels de santé.",
            "les professionnels de santé",
        ),
        ("« Il m'a frappée sans raison », a raconté la victime.", "la victime"),
        # the negative: a description that names no one who may speak
        ("« C'est la surenchère de l'indécence », déplore la situation sanitaire.", None),
    ],
)
def test_people_described_by_their_trade_or_their_plight_speak(text, speaker):
    assert french_speakers(text) == [speaker]


def test_a_question_inside_a_quote_is_no_incise():
    # "…, vont-ils comprendre que…": the inverted pronoun asks; the cue after the quote speaks
    text = (
        "Les soignants sont en colère. « Comment nos patients, à qui l'on expliquait hier qu'ils ne pourraient "
        "pas être protégés, vont-ils comprendre que ce qui n'existait pas hier tombe à profusion aujourd'hui. "
        "C'est la surenchère de l'indécence », déplorent les professionnels de santé."
    )
    assert french_speakers(text) == ["les professionnels de santé"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a relative speaks as described, or by the name set right after the kin word
        (
            "Les images ont choqué. « Ma mère a vu son fils se faire tuer », raconte la sœur de Karim Benali. La suite.",
            "la sœur de Karim Benali",
        ),
        ("Le comédien est mort samedi. « Il était très malade », a précisé sa nièce Lucie Garnier.", "Lucie Garnier"),
        # the negative: the person a relative is named after is not the one who speaks
        ("« Il était gentil », raconte la fille de Paul Martin. La suite.", "la fille de Paul Martin"),
    ],
)
def test_a_relative_speaks(text, speaker):
    assert french_speakers(text) == [speaker]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the one person named is only whom a song answers: the mayor stays a description
        (
            "Le chanteur devait se produire le 29 mai. Le maire de Verdun a évoqué des « risques forts de "
            "troubles à l'ordre public ». Le chanteur répond à Jean Dupont dans la chanson.",
            "Le maire de Verdun",
        ),
        (
            "« C'est mon livre le plus personnel », confie l'écrivain. Le roman de Jean Dupont paraît mardi.",
            "l'écrivain",
        ),
        # the negatives: the one person named acts, or is set beside the description
        (
            "« C'est mon livre le plus personnel », confie l'écrivain. Jean Dupont a signé chez Gallimard.",
            "Jean Dupont",
        ),
        (
            "Après deux mois de confinement, l'épidémie est actuellement contrôlée dans le pays, avait estimé "
            "vendredi le président du conseil scientifique, le Pr Jean-François Delmas. La suite.",
            "Jean-François Delmas",
        ),
    ],
)
def test_a_description_takes_up_the_one_person_named_only_if_that_person_acts(text, speaker):
    assert french_speakers(text)[0] == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        # whom the speaker addressed is no part of who speaks
        (
            "« Une clarification est nécessaire », a dit le président français à son homologue russe.",
            "le président français",
        ),
        ("« Nous gagnerons », a dit le délégué CGT à ses collègues.", "le délégué CGT"),
        # the negative: a possessive after a body's preposition is the speaker's own body
        ("« Nous gagnerons », a dit le délégué de son syndicat.", "le délégué de son syndicat"),
    ],
)
def test_the_addressee_after_a_speaker_is_not_the_speaker(text, speaker):
    assert french_speakers(text) == [speaker]


def test_a_possessive_after_a_preposition_that_is_no_channel_stays_in_the_speaker():
    import voxmap

    (quote,) = voxmap.analyze("“We will win,” said a spokesman for his campaign.", language="en").quotes
    assert quote.speaker.name == "a spokesman for his campaign"


@pytest.mark.parametrize(
    "text, speakers",
    [
        # the person a sentence fronts with "quant à" acts in it: the pronoun after is that person
        (
            "« Ils méritent l'égalité », a souligné le PDG d'Apple, Tim Cook. Quant à Brett Kavanaugh, lui aussi "
            "choisi par Donald Trump, il s'est opposé à cette décision, estimant qu'il revenait au Congrès de "
            "faire évoluer la loi.",
            ["Tim Cook", "Brett Kavanaugh"],
        ),
        # the negative: a thing fronted leaves the pronoun to the last person acting
        (
            "« Ils méritent l'égalité », a souligné le PDG d'Apple, Tim Cook. Quant à la loi de 1964, il a "
            "estimé qu'il revenait au Congrès de la faire évoluer.",
            ["Tim Cook", "Tim Cook"],
        ),
    ],
)
def test_the_person_fronted_by_quant_a_is_whom_the_pronoun_takes_up(text, speakers):
    assert french_speakers(text) == speakers
