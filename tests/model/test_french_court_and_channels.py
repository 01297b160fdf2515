"""Speakers of French dispatches in the shapes a fifth hand-judged sample of unseen OrangeSum articles
(2,700-3,000) got wrong: a quote's own verb split from its auxiliary by an aside, read as an incise; a
title the model cut into a place; the channel run into a description; a title the parser made a second
subject; a statement yet to come; a party to a trial taken for the prosecutor; the day and the channel
before an inverted speaker; "il" for the body that spoke last. Each table has its negatives."""

from __future__ import annotations

import pytest
from helpers import french_quote_spans as _quotes
from helpers import french_speakers as _speakers

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the participle after the aside is the quote's own verb: its auxiliary came before the comma
        (
            '"Tout le monde dans l\'immeuble a, à un moment, entendu Tony pleurer", a affirmé le juge Pierre '
            "Creton, citant les témoignages.",
            [("direct", "Pierre Creton", ["Tout le monde dans l'immeuble a, à un moment, entendu Tony pleurer"])],
        ),
        # negative: a participle after its own auxiliary, past the comma, is an incise
        (
            '"Nous avons toujours soutenu cette réforme, a expliqué Paul Martin. Elle est juste."',
            [("direct", "Paul Martin", ["Nous avons toujours soutenu cette réforme", "Elle est juste."])],
        ),
    ],
)
def test_an_aside_inside_the_quote_is_no_incise(text, expected):
    assert _quotes(text) == expected


PROSECUTOR = (
    "La plainte vise la destruction involontaire du site, a précisé le procureur de la République de Rouen "
    "Pascal Prache à l'AFP. "
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "procureur de la", a place the model cut from the title, is no body for "le groupe" to take up
        (
            "L'usine Lubrizol a brûlé jeudi. "
            + PROSECUTOR
            + '"Le feu a été observé à l\'extérieur du site", a déclaré le groupe lundi, dans un communiqué.',
            ["Pascal Prache", "Lubrizol"],
        ),
        # negative: a body named in capitals is still taken up
        (
            "L'entreprise Lubrizol a publié un communiqué. "
            '"Le feu a été observé à l\'extérieur du site", a déclaré le groupe lundi.',
            ["Lubrizol"],
        ),
    ],
)
def test_a_title_cut_by_the_model_is_no_body(text, expected):
    assert _speakers(text) == expected


LE_DRIAN = (
    "\"Aucune victime française n'a été identifiée\", a affirmé Jean-Yves Le Drian, le ministre de l'Europe "
    "et des Affaires étrangères, sur Franceinfo. Le viaduc s'est effondré mardi. "
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the channel after the description is no part of it, and the title set after the name by a
        # comma (the parser's second subject) describes him
        (
            LE_DRIAN + '"Les secours sont toujours en cours", a déclaré le ministre au micro de la radio.',
            ["Jean-Yves Le Drian", "Jean-Yves Le Drian"],
        ),
        (
            LE_DRIAN + '"Les secours sont toujours en cours", a déclaré le ministre.',
            ["Jean-Yves Le Drian", "Jean-Yves Le Drian"],
        ),
        # negative: another title is someone else (its channel cut too)
        (
            LE_DRIAN + '"Les secours sont toujours en cours", a déclaré la porte-parole à l\'antenne de RTL.',
            ["Jean-Yves Le Drian", "la porte-parole"],
        ),
    ],
)
def test_a_title_after_the_name_and_the_channel_after_the_title(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a modal says is yet to come is no statement
        (
            "Alors que le ministre de l'Intérieur devait dresser lundi le bilan de son action et annoncer les "
            "priorités de cette deuxième année, sa conférence de presse a été reportée.",
            [],
        ),
        ("Le gouvernement va annoncer la suppression de la taxe d'habitation.", []),
        # negatives: said, or meant to be said
        (
            "Le gouvernement a annoncé la suppression de la taxe d'habitation.",
            [("indirect", "Le gouvernement", ["la suppression de la taxe d'habitation"])],
        ),
        (
            "Le ministre a tenu à dénoncer la fermeture des écoles rurales.",
            [("indirect", "Le ministre", ["la fermeture des écoles rurales"])],
        ),
    ],
)
def test_what_is_yet_to_be_said(text, expected):
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the defendant (which the tagger reads as the verb "prévenir") is not the prosecutor who spoke before
        (
            "Le procureur Matthieu Bourrette avait demandé que le prévenu soit reconnu coupable. "
            '"Je ne pouvais pas imaginer ce qui se passait", a répondu le prévenu.',
            ["Matthieu Bourrette", "le prévenu"],
        ),
        # negative: the person the article presents as the defendant is (a description the tagger's
        # verb no longer hides)
        (
            "Jean Dupont, 34 ans, est poursuivi pour vol. Le prévenu a parlé à la barre. "
            '"Je ne pouvais pas imaginer ce qui se passait", a répondu le prévenu.',
            ["Jean Dupont"],
        ),
        # negative: the accused who just spoke, whom no title described otherwise
        (
            '"Croyant", issu d\'une famille musulmane, Ali Riza Polat explique s\'être converti. "Avant je '
            'mangeais du porc", argumente-t-il. "Une personne judéo-chrétienne fait des prières à côté", dit l\'accusé.',
            ["Ali Riza Polat", "Ali Riza Polat"],
        ),
    ],
)
def test_a_party_to_the_trial(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day, then the addressee, then the speaker
        (
            '"J\'ai 25 ans, ça ne fait rien", avait confié samedi au président un jeune homme, venu au palais.',
            ["un jeune homme"],
        ),
        # the day, then the channel with its outlet's name (a guard: the reading past the day keeps it)
        (
            "\"C'est du changement à la marge\", a renchéri samedi au micro d'Europe 1 Pierre Hurmic en réponse "
            "aux critiques.",
            ["Pierre Hurmic"],
        ),
        # the day, then the title whose complement names someone else, then its holder
        (
            'Olivier Faure a parlé au congrès. "Le PS était assis sur une génération", lui a répondu samedi '
            "matin 7 avril l'ancien secrétaire d'État de François Hollande, Jean-Marie Le Guen.",
            ["Jean-Marie Le Guen"],
        ),
        # negatives: a title's complement alone is no holder; a day before a name
        (
            'Olivier Faure a parlé au congrès. "Le PS était assis sur une génération", assure un proche de Marine '
            "Le Pen.",
            ["un proche de Marine Le Pen"],
        ),
        ('"Le PS était assis", a dit samedi Paul Martin au Parisien.', ["Paul Martin"]),
    ],
)
def test_the_speaker_past_the_day_and_the_channel(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "il" takes up the body that spoke last, written in its gender, before the people named earlier
        (
            'Cédric Villani a déploré des "signaux contradictoires". Au MoDem, Bruno Millienne se dit "dégoûté". '
            'Le groupe centriste souligne que le vote "n\'est pas un amendement de groupe". Il déplore "un tour de '
            'passe-passe du gouvernement".',
            ["Cédric Villani", "Bruno Millienne", "MoDem", "MoDem"],
        ),
        # negative: a person spoke last
        (
            'La CGT a appelé à la grève. Philippe Martinez a dit que "rien ne change". Il a ajouté que "tout va mal".',
            ["Philippe Martinez", "Philippe Martinez"],
        ),
    ],
)
def test_a_pronoun_takes_up_the_body_that_spoke_last(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "celui qui…" takes up the person named last of its gender where the parser saw no one act
        (
            "Florian Philippot, sanctionné mercredi soir par Marine Le Pen, a annoncé jeudi matin dans Les 4 "
            'Vérités sur France 2 qu\'il "quittait le FN". "On m\'a dit que j\'étais vice-président à rien", a '
            "déclaré celui qui, jusqu'à la défaite, était conseiller stratégique de Marine Le Pen.",
            ["Florian Philippot"],
        ),
        # "Me" tells a lawyer: "l'avocat des parties civiles" is Me Berna
        (
            'Me Berna, qui représente plusieurs victimes, a parlé au journal. "On a la preuve que le Dr Péchier a '
            "violé son contrôle judiciaire\", soutient l'avocat des parties civiles.",
            ["Me Berna"],
        ),
    ],
)
def test_who_a_demonstrative_or_a_lawyer_s_title_takes_up(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "souffler" in a relative clause of the wind, with no "que": the wind blowing, not whispering
        (
            "L'entreprise a été convoquée dans la matinée. Le fort vent qui soufflait hier pourrait expliquer "
            "cet accident, écrit le quotidien.",
            [],
        ),
        # an outlet after a comma is the inverted speaker, never what was said
        ("Soit une moyenne d'un nouvel impôt ou taxe par mois, souligne le quotidien samedi 20 janvier.", []),
        # negatives: a person's relative clause with "que" reports; a noun object reports
        (
            "Le ministre, qui a expliqué que la réforme était juste, est parti à Lyon.",
            [("indirect", "Le ministre", ["que la réforme était juste, est parti à Lyon"])],
        ),
        (
            "La ministre a annoncé la suppression de la taxe d'habitation.",
            [("indirect", "La ministre", ["la suppression de la taxe d'habitation"])],
        ),
    ],
)
def test_what_only_sounds_like_a_report(text, expected):
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the speaker after the closing mark and its comma, over the subject of the writer's sentence before
        (
            'Les campagnes utilisent souvent des techniques dites de "trolls": "Elles utilisent n\'importe quels '
            "contenus qui divisent pour gagner de l'audience\", a détaillé Nathaniel Gleicher.",
            ["Nathaniel Gleicher"],
        ),
        # "la présidence française" is a body that speaks (its voice, the Élysée)
        (
            "La France réclame pour le Bélarus une transition pacifique, \"en évitant le risque d'une plus "
            'grande répression", a rappelé la présidence française.',
            ["la présidence française"],
        ),
        # negatives: an outlet after it relays; nobody after it (a participle's object)
        ('Le ministre a affirmé que "rien ne change", rapporte Le Parisien.', ["Le Parisien"]),
        (
            "Le chanteur Paul Martin a assuré que ces images n'étaient qu'une \"mise en scène\", niant tout lien "
            "avec le trafic.",
            ["Paul Martin"],
        ),
    ],
)
def test_the_speaker_after_the_quote_over_the_sentence_s_subject(text, expected):
    assert _speakers(text) == expected
