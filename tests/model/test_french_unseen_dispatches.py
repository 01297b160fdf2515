"""Speakers of French dispatches in the shapes a hand-judged sample of unseen OrangeSum articles
(3,300-4,600) got wrong: who speaks after an incise, in a cue that a participle or a relative
follows, behind a description of the same kind as the title written. Names are invented; each table
has its negatives."""

from __future__ import annotations

import pytest
from helpers import french_quote_spans as _quotes
from helpers import french_speakers as _speakers

import voxmap

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text, absent",
    [
        # a speech verb in its passive reflexive has no one speaking
        (
            "L'enquête de l'Inspection générale de la police pour « violences volontaires » se poursuit sous "
            "l'autorité du parquet.",
            "se poursuit",
        ),
    ],
)
def test_a_passive_reflexive_reports_no_speech(text, absent):
    assert _quotes(text) == []


def test_a_reflexive_that_speaks_still_speaks():
    text = "Le syndicat se dit « très inquiet » de la fermeture annoncée de l'usine de Vierzon."
    assert _speakers(text) == ["Le syndicat"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a participle after an incise reports for the incise's speaker, not for the sentence's subject
        (
            "Vers 4h30, la victime et son fils sont sortis dans la rue alors qu'une camionnette percutait des "
            "voitures, a rapporté une source policière. Il a alors tenté de faire descendre le conducteur de son "
            "véhicule mais a été traîné sur plusieurs mètres puis a été écrasé, a ajouté cette source, "
            "précisant que l'auteur était en fuite.",
            "une source policière",
        ),
        # negatives: a subject before the verb speaks; an object after the verb is no speaker
        (
            "Marc Leroy a tenté de retenir le conducteur, puis il a ajouté, précisant que l'auteur était en fuite.",
            "Marc Leroy",
        ),
        ("Le projet a été adopté mardi, a salué leur travail, estimant que l'auteur était en fuite.", None),
    ],
)
def test_a_participle_after_an_incise_speaks_for_the_incise_s_speaker(text, expected):
    reports = [name for _, name, spans in _quotes(text) if any("l'auteur était en fuite" in s for s in spans)]
    assert reports == ([expected] if expected else [])


@pytest.mark.parametrize(
    "text, expected",
    [
        # the speaker written after the cue that follows the quote's sentence, not the relative after it
        (
            "Le poète Jean Morel s'est retiré du comité. « Ce serait pécher que d'obtenir un prix » émirati, "
            "considère l'auteur libanais Karim Haddad, qui s'est de son côté retiré de la compétition.",
            "Karim Haddad",
        ),
        # a number opens the speakers' phrase; the document after them is where they wrote
        (
            "« Il reste peu de temps pour agir collectivement », avertissent six médecins dans une tribune "
            "au Journal du dimanche.",
            "six médecins",
        ),
        # negative: a document written right after the cue speaks for its owner
        (
            "« Fermez les urgences ! », pouvait-on lire sur une banderole de la CGT devant l'hôpital.",
            "CGT",
        ),
    ],
)
def test_the_speaker_after_the_cue(text, expected):
    assert _speakers(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the name of a participle's phrase after the title is not the title's holder
        (
            "Paul Varenne a parlé depuis Shanksville. « C'est le symbole de ce que nous sommes en tant "
            "qu'Américains, car ce jour-là nous nous sommes rassemblés, formant une seule nation », a ajouté le "
            "président, accompagné de sa femme Melinda.",
            "Paul Varenne",
        ),
        # negative: the name right after the title is its holder
        ("« C'est le symbole de ce que nous sommes », a ajouté le président Paul Varenne.", "Paul Varenne"),
    ],
)
def test_a_name_in_a_participle_s_phrase_is_not_the_speaker(text, expected):
    assert _speakers(text)[-1] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the one the last sentence was about, named after a noun of no title ("son rival")
        (
            "« Nous étions unis », a déclaré le président Paul Varenne, qui a rappelé la mort du général Omar "
            "Sadi. Au même moment, son rival démocrate Jean Morel était lui à New York. Le candidat avait "
            "promis qu'il ne parlerait « que du 11 septembre ».",
            "Jean Morel",
        ),
        # a kind of person the article described otherwise: the pastor is "le religieux"
        (
            "La cabine, comme la surnomme le pasteur de l'endroit, Joel Crowe, permet de prier en sécurité. "
            "« Être ensemble nous a manqué », dit-il. Selon le religieux, les fidèles se demandent toujours si "
            "c'est sans danger.",
            "Joel Crowe",
        ),
        # negative: the kind decides between two people, not who spoke last
        (
            "Le juge Paul Martin a ouvert l'audience. « Être ensemble nous a manqué », dit le pasteur Joel "
            "Crowe. Selon le magistrat, les fidèles se demandent toujours si c'est sans danger.",
            "Paul Martin",
        ),
    ],
)
def test_a_description_takes_up_the_person_of_its_kind(text, expected):
    assert _speakers(text)[-1] == expected


def test_a_name_set_after_a_role_between_commas_is_the_speaker():
    text = "« La cellule de Dieu », comme la surnomme le pasteur de l'endroit, Joel Crowe, permet de prier en sécurité."
    assert _speakers(text) == ["Joel Crowe"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a source opening its sentence runs to its comma, over a date the parser hung elsewhere
        (
            "Selon les auteurs de l'étude publiée fin juillet dans la revue Nature, la hausse de la "
            "température n'a qu'un précédent.",
            "la hausse de la température",
        ),
        # the writer's conjunction before the source is not the source's words
        (
            "Et, selon le ministre, la grève sera levée demain matin.",
            "la grève sera levée demain matin",
        ),
        # negative: a comma right after the source
        ("Selon le ministre, la grève sera levée demain matin.", "la grève sera levée demain matin"),
    ],
)
def test_the_statement_after_a_source_opening_its_sentence(text, expected):
    first = _quotes(text)[0]
    assert first[2][0].startswith(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # an op-ed speaks for its author, not for the party in parentheses
        (
            "Une tribune de Julien Morand (LREM, Loire), publiée dans le Journal du Dimanche, souligne qu'à "
            "« l'approche de l'hiver, le risque est grand ».",
            "Julien Morand",
        ),
        # people described in the plural speak as a group, as written
        (
            "Le texte crée des contrats de mission. Les opposants craignent une « remise en cause des statuts ».",
            "Les opposants",
        ),
    ],
)
def test_authors_and_groups_as_speakers(text, expected):
    assert _speakers(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a pronoun is described by its relative clause
        (
            "Le niveau de pollution reste bas, d'après Bozo Dalmacija, professeur de chimie. Mais ceux qui passent "
            "leur vie sur le Danube expliquent avoir constaté une détérioration des eaux.",
            "ceux qui passent leur vie",
        ),
        # quoted words after a speaker's phrase are no part of its name
        (
            "La manifestation de mardi était qualifiée par les organisateurs de « troisième journée de la Grande "
            "insurrection populaire ». La première journée a été violente.",
            "les organisateurs",
        ),
    ],
)
def test_the_words_of_a_speaker_s_phrase(text, expected):
    assert _speakers(text)[-1] == expected


def test_a_speaker_after_the_verb_is_not_what_was_announced():
    text = (
        "Le virus a contaminé plus de 34.500 personnes en Chine, soit 86 décès supplémentaires en 24 heures, "
        "ont annoncé samedi les autorités sanitaires."
    )
    assert [spans for _, _, spans in _quotes(text) if spans == ["les autorités sanitaires"]] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # nobody acting: "elle" is the woman named, not a later name of unknown gender
        (
            "Valérie Braham, veuve de Philippe Braham, un client du magasin tué par Coulibaly après avoir donné "
            "son patronyme, en fait partie. J'avais « besoin de parler de mon mari », explique-t-elle.",
            "Valérie Braham",
        ),
        # negative: "il" is the man named last
        (
            "Valérie Braham, veuve de Philippe Braham, un client du magasin tué par Coulibaly après avoir donné "
            "son patronyme, en fait partie. J'avais « besoin de parler de mon mari », explique-t-il.",
            "Philippe Braham",
        ),
    ],
)
def test_a_pronoun_of_known_gender_when_nobody_acts(text, expected):
    assert _speakers(text)[-1] == expected


@pytest.mark.parametrize(
    "text, spans",
    [
        # a relative adverb after the incise's place opens the writer's aside, not the rest of the statement
        (
            "Après le 11-Septembre, « nous étions unis par notre conviction que l'Amérique est le pays le plus "
            "exceptionnel au monde », a déclaré le président Paul Varenne depuis Shanksville, en Pennsylvanie, où "
            "s'écrasa un des quatre vols détournés.",
            1,
        ),
        # negative: the statement goes on after the incise
        (
            "Le suspect, a précisé le parquet de Lyon, a été placé en garde à vue dans la nuit de samedi.",
            2,
        ),
    ],
)
def test_what_follows_an_incise(text, spans):
    assert [len(quote_spans) for _, _, quote_spans in _quotes(text)] == [spans]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "le maire" is not the one the article described as the mayor's deputy
        (
            "Pierre Abadie, maire de Lyon, a défendu le contrat mardi. Michel Ospital, adjoint au maire chargé "
            "des travaux, a présenté les chiffres. « Ce contrat garantit le meilleur prix », a dit le maire.",
            "Pierre Abadie",
        ),
        # negative: "l'adjoint au maire" is
        (
            "Pierre Abadie, maire de Lyon, a défendu le contrat mardi. Michel Ospital, adjoint au maire chargé "
            "des travaux, a présenté les chiffres. « Ce contrat garantit le meilleur prix », a dit l'adjoint au "
            "maire.",
            "Michel Ospital",
        ),
    ],
)
def test_a_title_and_its_second_in_rank(text, expected):
    assert _speakers(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        # past a channel with its adjectives
        (
            "« Nous n'avons pas réussi à protéger nos seniors. C'est un échec pour la société toute entière », a "
            "déclaré à la télévision publique suédoise la ministre de la Santé Anna Lindqvist.",
            "Anna Lindqvist",
        ),
        # an incise inside the marks, its channel first
        (
            "Mais, chez les chasseurs, la proposition ne passe pas. « Nous sommes dans notre rôle de régulation, "
            "plaide dans le Parisien Jacky Desbois, de la Fédération nationale des chasseurs. Sortir le renard de "
            "la catégorie des nuisibles, c'est risquer que les populations augmentent encore ».",
            "Jacky Desbois",
        ),
        # the writer's relative between the quote and its cue
        (
            "Les précautions coûtent cher à l'entreprise. « Ce qu'on fait sur les rames, on le fait aussi dans nos "
            "locaux » où tout est désinfecté régulièrement, relève Nicolas Tellier. « Cela rassure les agents. »",
            "Nicolas Tellier",
        ),
        # a known agency the model took for a person, and a cue verb it took for a noun
        (
            "« Ces résultats sont très en faveur d'un lien entre l'infection et cette pathologie », juge Santé "
            "publique France, qui estime que chez ces enfants, elle survient plus tard.",
            "Santé publique France",
        ),
    ],
)
def test_speakers_past_what_the_cue_runs_into(text, expected):
    assert set(_speakers(text)) == {expected}


def test_the_source_of_selon_is_whom_il_takes_up():
    text = (
        "Emmanuel Macron a annoncé jeudi la réouverture des écoles. Et dans les Ehpad, le nombre de morts a "
        "franchi la barre des 10.000. Selon Bruno Lina, virologue et membre du Conseil scientifique, « il est "
        "trop tôt pour faire un bilan » du déconfinement, mais il souligne l'« effort magistral » accompli."
    )
    assert _speakers(text)[1:] == ["Bruno Lina", "Bruno Lina"]


def test_an_outlet_after_selon_is_not_whom_a_description_takes_up():
    text = (
        "Jean Arnaud est un photographe français, expatrié en Suède depuis quarante ans, selon Closer. Selon la "
        "journaliste à l'origine du scandale, le Français jouissait d'une influence hors norme auprès des membres "
        "de l'Académie."
    )
    assert _speakers(text) == ["la journaliste à l'origine du scandale"]


def test_the_name_after_a_long_title_is_the_speaker_s_mention():
    text = (
        "« Nous n'avons pas réussi à protéger nos seniors », a déclaré à la télévision publique suédoise la "
        "ministre de la Santé et des Affaires sociales Anna Lindqvist."
    )
    (quote,) = voxmap.analyze(text, language="fr").quotes
    assert quote.speaker.mention.text == "Anna Lindqvist"


@pytest.mark.parametrize(
    "text, expected",
    [
        # a day in an outlet's name written in lower case is the name's
        (
            "Des cas sont également répertoriés en Espagne, au Canada, en Irlande ou au Brésil, selon le Journal "
            "du dimanche (JDD).",
            ("Journal du dimanche", "media"),
        ),
        # negative: a day after a title ends the speaker's phrase
        (
            "La grève des cheminots continue jusqu'à la fin du mois, a annoncé le ministre dimanche.",
            ("le ministre", "anonymous"),
        ),
    ],
)
def test_a_day_in_a_speaker_s_phrase(text, expected):
    (quote,) = voxmap.analyze(text, language="fr").quotes
    assert (quote.speaker.name, quote.speaker.type) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a name speaks itself, whatever name its channel's phrase holds
        (
            "« L'une des particularités de la caméra, c'est qu'elle capte le temps », s'amuse Nolan, dans le "
            "dossier de presse de « Tenet ».",
            "Nolan",
        ),
        # the name after a comma is someone else's
        (
            "L'archevêque Jorge Bergoglio était à Aparecida en 2007. « J'ai eu un parcours de conversion », a "
            "raconté le pape à ses interlocuteurs français, dont l'actrice Juliette Binoche, selon un texte "
            "transmis par le Vatican.",
            "Jorge Bergoglio",
        ),
    ],
)
def test_no_other_name_than_the_speaker_s(text, expected):
    assert _speakers(text)[-1] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "« Ma mère est morte paisiblement ce matin », a confirmé sa fille, l'actrice Rachel Sterling.",
            "Rachel Sterling",
        ),
        (
            "« Il n'était pas pote avec la religion », lui a répondu le curé de Saint-Germain-des-Prés, le père "
            "Antoine de Villemonte.",
            "Antoine de Villemonte",
        ),
    ],
)
def test_the_name_after_a_title_and_an_apposed_title(text, expected):
    assert _speakers(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the writer's words between the quote and its cue, the parser's subject inside the quote (the
        # parse turns on the name: this one keeps the public spokesman's name the dispatch wrote)
        (
            "Le Kremlin a jugé prématurées ces conclusions, aucune substance toxique précise indicatrice d'un "
            "crime n'ayant été identifiée. \"Une enquête doit avoir un motif, pour cela il faudrait déterminer la "
            'substance" en cause, a dit Dmitri Peskov, le porte-parole du président Vladimir Poutine.',
            "Dmitri Peskov",
        ),
        # a fronted phrase before the name the parser made the subject
        (
            'Il voit "un policier frapper un gardé à vue" trop bruyant, tandis qu\'une femme est éconduite. Passage '
            'le plus explosif de son livre, Julien Gendrot-Lamy assure avoir assisté à une "bavure" commise par un '
            "collègue et que lui-même a couverte avec d'autres policiers.",
            "Julien Gendrot-Lamy",
        ),
        # negative: a name in apposition to the subject is the same person
        ("Le ministre de l'Intérieur, Gérald Darnand, a assuré que la police était là.", "Gérald Darnand"),
    ],
)
def test_the_speaker_past_the_writer_s_words(text, expected):
    assert _speakers(text)[-1] == expected
