"""Speakers of French dispatches where the model misreads a word, in the shapes a tenth hand-judged
sample (40 quotes of OrangeSum articles naming a union or the police, seed 2024) got wrong: a speech
verb's participle the model does not know ("a tweeté": no verb, no quote); a present participle or a
noun and its complement after a comma read as an inverted cue ("…, parlant de Lucifer," made Lucifer the
speaker, "Nous, salariés de Lubrizol," the company); a person's name run
into the body before it ("le cogérant du groupe [Lagardère Thierry Funck-Brentano]"); an outlet
described by its kind or cited by its website ("le quotidien La Dépêche", "LaDepêche.fr"). The last
tables come from an eleventh sample (40 quotes of articles naming a ministry, a party, a prefecture or a
prosecutor, seed 2025): a person named inside the description after a channel ("affirme à RTL la mère
de Simon Gautier"), a name cut at its apostrophe ("Hopewell Chin'"). Each table has its negatives."""

from __future__ import annotations

import pytest
from helpers import french_speakers

pytestmark = pytest.mark.model

OPENING = "Le débat a repris lundi à l'Assemblée. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the participle the model tags X, its auxiliary too: the quote and its speaker are found
        (OPENING + '"Nous ne lâcherons rien sur ce point", a tweeté Marine Le Pen, tandis que Jean Dupont se taisait.',
         ["Marine Le Pen"]),
        (OPENING + '"Nous restons calmes", a twitté le maire Bill de Blasio dans la soirée.', ["Bill de Blasio"]),
        # negative: a tweet the article does not quote is no quote
        (OPENING + "Marine Le Pen a tweeté une photo de son chat.", []),
    ],
)  # fmt: skip
def test_a_speech_verb_s_participle_the_model_does_not_know_cues_its_quote(text, expected):
    assert french_speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "parlant de Lucifer" inside the quote is what the detainee spoke of; the speaker is after it
        (
            '"Le détenu s\'est jeté sur eux", a expliqué Éric Pétilaire, délégué CGT pénitentiaire. "C\'est une '
            "tentative d'assassinat. Il tenait des propos violents, parlant de Lucifer, et était clairement dans "
            'un délire mortifère", a poursuivi le syndicaliste.',
            ["Éric Pétilaire", "Éric Pétilaire"],
        ),
        # negative: a finite verb after the comma is the inverted cue it looks like
        (
            '"Le ministère a cessé de désavouer ses agents, rappelle Paul Marchand, historien à Lyon. Même '
            'contre les juges."',
            ["Paul Marchand"],
        ),
    ],
)
def test_a_present_participle_inside_a_quote_names_no_speaker(text, expected):
    assert french_speakers(text) == expected


@pytest.mark.parametrize(
    ("inside", "named"),
    [
        # a noun then its complement after the quote's first comma is an apposition to "Nous", not a cue
        ("Nous, salariés de Lubrizol, sommes choqués par cet incendie", False),
        # negative: a speech verb there is one, its speaker after it
        ("Nous sommes choqués, explique Paul Marchand, salarié de Lubrizol", True),
    ],
)
def test_a_word_and_its_complement_after_a_comma_inside_a_quote_is_no_cue(inside, named):
    text = (
        f'Les salariés partagent les craintes de la population. "{inside}. Nous sommes victimes", écrivent '
        "dans un communiqué commun les syndicats CFDT, CFTC et CFE-CGC."
    )
    speakers = french_speakers(text)
    assert ("Lubrizol" not in speakers) and (("Paul Marchand" in speakers) is named)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the body and the person the model ran into one organisation: the person speaks
        (
            "La voiture trônait au musée. \"Rien ne peut compenser l'obligation d'honorer une décision de "
            'justice", a justifié le cogérant du groupe Lagardère Thierry Funck-Brentano, dans un communiqué.',
            ["Thierry Funck-Brentano"],
        ),
        # negative: a body named after a person stays the body
        (
            'La voiture trônait au musée. "Rien ne peut compenser cette décision", a justifié la Fondation '
            "Jean Jaurès dans un communiqué.",
            ["Fondation Jean Jaurès"],
        ),
    ],
)
def test_a_person_run_into_the_body_before_it_speaks(text, expected):
    assert french_speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an outlet described by its kind, or cited by its website, is the outlet (type media)
        ("La brigade a interpellé les auteurs. Selon le quotidien La Dépêche, au moins trois ont été écroués.",
         [("La Dépêche", "media")]),
        ("La brigade a interpellé les auteurs. Au moins trois ont été écroués, selon l'hebdomadaire Le Point.",
         [("Le Point", "media")]),
        ('La brigade a interpellé les auteurs. Selon LaDepêche.fr qui a révélé l\'affaire, le policier "a été '
         'tué en fin de nuit".', [("La Dépêche", "media")]),
        # an outlet the model cut short of its name ("[Le Canard] enchaîné") or tagged a person
        ("Le vote a été reporté. Selon Le Canard enchaîné, le nombre d'adhérents aurait bondi de \"168\" à \"609\".",
         [("Le Canard enchaîné", "media")]),
        ('Le couple est séparé. "Ils ne se parlent plus", assure Paris Match cette semaine.', [("Paris Match", "media")]),
        ("Dans les Landes, les serpents ont gagné les jardins, selon France Bleu Gascogne.",
         [("France Bleu Gascogne", "media")]),
        ("Il y a toujours Baby dont elle doit s'occuper. Paris Match explique que Stéphanie de Monaco suivait "
         "toujours le même rituel avec les éléphantes.", [("Paris Match", "media")]),
        # negatives: a body's website is no outlet; an outlet's kind alone names none; a person is a person
        ('Le couple est séparé. Selon Marianne Dupont, "ils ne se parlent plus".', [("Marianne Dupont", "not media")]),
        ("Le vote a été reporté. Selon Jean Dupont, le nombre d'adhérents aurait bondi de \"168\" à \"609\".",
         [("Jean Dupont", "not media")]),
        ("La brigade a interpellé les auteurs. Selon Leboncoin.fr, au moins trois annonces ont été retirées.",
         [("Leboncoin.fr", "not media")]),
        ("La brigade a interpellé les auteurs. Au moins trois ont été écroués, selon le quotidien régional.",
         [(None, "not media")]),
    ],
)  # fmt: skip
def test_an_outlet_described_by_its_kind_or_cited_by_its_website_relays(text, expected):
    import voxmap

    quotes = voxmap.analyze(text, language="fr").quotes
    kinds = [(q.speaker.name, "media" if q.speaker.type == "media" else "not media") for q in quotes]
    assert kinds == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after the channel, the person named inside a description is its complement, not the speaker
        (
            "Le 8 août, il a chuté. \"Il nous faut de l'aide d'urgence\", affirme à RTL la mère de Simon Gautier, "
            "partie en Italie.",
            ["la mère de Simon Gautier"],
        ),
        # negative: a name right after the channel's phrase is the speaker
        (
            "Le 8 août, il a chuté. \"Il nous faut de l'aide d'urgence\", affirme à RTL Simon Gautier, parti en "
            "Italie.",
            ["Simon Gautier"],
        ),
    ],
)
def test_a_name_inside_the_description_after_a_channel_is_not_the_speaker(text, expected):
    assert french_speakers(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # a name the tokenizer cut at its apostrophe keeps its end
        ("Hopewell Chin'ono", "Hopewell Chin'ono"),
        # negatives: an elided article before a name is not the name's ("l'ancien ministre"), a name
        # with no apostrophe is as it was
        ("Hopewell Chinono, l'ancien ministre,", "Hopewell Chinono"),
        ("Hopewell Chinono", "Hopewell Chinono"),
    ],
)
def test_a_name_cut_at_its_apostrophe_is_whole(name, expected):
    text = f"Le journaliste a été arrêté. {name} a révélé récemment des scandales de corruption."
    assert french_speakers(text) == [expected]


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        # the reflexive cue, the day and the channel the parser hung on the speaker are no part of it
        ("s'est insurgé lundi matin 11 septembre sur BFMTV l'ancien candidat socialiste", ["Benoît Hamon"]),
        # negatives: the same speaker after a plain cue; a name after the reflexive cue
        ("a déclaré lundi sur BFMTV l'ancien candidat socialiste", ["Benoît Hamon"]),
        ("s'est insurgé lundi matin sur BFMTV Benoît Hamon", ["Benoît Hamon"]),
    ],
)
def test_the_cue_the_parser_hung_on_a_description_is_not_the_speaker(after, expected):
    text = (
        "Benoît Hamon, ancien candidat socialiste à la présidentielle, était en meeting. "
        f'"Un président de la République ne dit pas cela", {after}.'
    )
    assert french_speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the infinitive after a source set inside the sentence is the sentence's verb, not the source's
        (
            "La pandémie devrait affecter la participation, qui pourrait selon des experts passer en dessous des "
            "47,7% du scrutin précédent.",
            ["des experts"],
        ),
        # negative: an infinitive after a preposition describes the source
        (
            "La participation pourrait, selon une source chargée de suivre le scrutin, baisser nettement.",
            ["une source chargée de suivre le scrutin"],
        ),
        # nor is a name the tagger took for an infinitive ("Irna" tagged VERB)
        (
            '"Lors de ces événements, 230 personnes ont été tuées", écrit l\'agence officielle Irna en citant '
            "Mojtaba Zolnour, président de la Commission.",
            ["Irna"],
        ),
    ],
)
def test_the_sentence_s_verb_after_a_source_is_no_part_of_it(text, expected):
    assert french_speakers(text) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # a stray hyphen the tagger calls a name is no one ("selon-lui": the pronoun glued)
        ("selon-lui", [None]),
        # negative: a source written apart
        ("selon Paul Martin", ["Paul Martin"]),
    ],
)
def test_a_stray_hyphen_is_no_speaker(source, expected):
    text = (
        f'Il a évoqué une époque. Une période, qui {source}, était propice au débat où l\'on "faisait de la politique".'
    )
    assert french_speakers(text) == expected


@pytest.mark.parametrize(
    ("meeting", "expected"),
    [
        # the day a body met, which the model ran into its name, is no part of the name
        ("du Conseil des ministres du mercredi 3 octobre", ["Conseil des ministres"]),
        # negative: an outlet whose name holds a weekday
        ("du Journal du Dimanche", ["Journal du Dimanche"]),
    ],
)
def test_a_weekday_is_no_part_of_a_body_s_name(meeting, expected):
    text = (
        f"L'information a été publiée dans le communiqué {meeting}. \"Le décret vise à diversifier le "
        'vivier de recrutement des recteurs", indique le communiqué.'
    )
    assert french_speakers(text) == expected
