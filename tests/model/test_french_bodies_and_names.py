"""Speakers of French dispatches in the shapes a sixth hand-judged sample of unseen OrangeSum articles
(800-1,100) got wrong: a person's name the model ran into the channel's ("à l'AFP Deniece
Laurent-Mantey") or into a whole title ("le Premier ministre Imran Khan"); a body named further on in
its description ("l'organisation de défense des droits humains Amnesty International"); a description
that writes a body, long after a person with no role; a body named after a person; the governor;
"l'ex-fugitif"; a fact or a legend as the source of a clause; a verb that reports words only with its
clitic ("se désole"); someone described by the place they live in. The last table comes from a seventh
sample (1,800-2,000): "le chef du gouvernement" as the Prime Minister, "celle qui" after a source only
described. Each table has its negatives."""

from __future__ import annotations

import pytest
from helpers import french_speakers as _speakers

pytestmark = pytest.mark.model

LONG_AFTER = (
    "George Floyd est mort à Minneapolis, où ont débuté les émeutes. Les manifestations se sont étendues "
    "à de nombreuses villes américaines, notamment à New York, Philadelphie et Los Angeles. Entraîné par "
    "une mobilisation massive sur les réseaux sociaux, le mouvement a fait tâche d'huile jusqu'à Londres,"
    " Pretoria, Paris et même Sydney, où au moins 20.000 personnes ont manifesté samedi. Une nouvelle "
    "cérémonie aura lieu à Raeford, dans son Etat natal de Caroline du Nord. Les nouveaux exemples de "
    "violences policières, notamment lors de la répression de ces protestations parfois violentes, "
    "nourrissent la colère à l'origine des manifestations qui secouent les Etats-Unis depuis la fin du "
    "mois de mai. Plusieurs vidéos montrant des interventions policières musclées face à des manifestants"
    " pacifiques ont émergé ces derniers jours sur les réseaux sociaux, provoquant l'indignation de "
    "nombreux élus locaux. Les marches vont désormais au-delà de ce seul cas, pour dénoncer le racisme "
    "dans son ensemble. En prévision des nouvelles manifestations, le chef de la police de Seattle a "
    "annoncé l'interdiction du recours au gaz lacrymogène pour trente jours."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person's name the model ran into the outlet's, its surname hyphenated (the cue finders see
        # the person: the quote is no floating one for the next sentence's subject)
        (
            'Le pasteur a lancé un discours. "Nous sommes de retour ici", confie à l\'AFP Deniece '
            "Laurent-Mantey, Afro-Américaine de 31 ans. Plus d'une dizaine de collectifs ont appelé à envahir "
            "les rues.",
            ["Deniece Laurent-Mantey", "Plus d'une dizaine de collectifs"],
        ),
        # a title the model took whole into the name
        ("Le Premier ministre Imran Khan a annoncé lundi la levée complète du confinement.", ["Imran Khan"]),
        # the office's last word run into the name, the surname seen nowhere else: the first name tells
        (
            "Le ministre de l'Éducation Jean-Michel Blanquer a annoncé lundi la levée complète du confinement.",
            ["Jean-Michel Blanquer"],
        ),
        # negative: a title before a body's name is no person's (the school, the institute is named after one)
        (
            "La directrice du lycée Victor Hugo a annoncé lundi la levée complète du confinement.",
            ["La directrice du lycée Victor Hugo"],
        ),
        (
            "Le directeur de l'Institut Louis Pasteur a annoncé lundi la levée complète du confinement.",
            ["Le directeur de l'Institut"],
        ),
        # negative: a body's name the model ran the office's word into is no person's
        (
            "Elles emploient 30.000 personnes, selon les représentants locaux de l'Association des "
            "Professionnels du Film (Moppan).",
            ["les représentants locaux de l'Association des Professionnels du Film"],
        ),
        # negative: a government is named after no one: the name after it is its spokesman's
        (
            "Le porte-parole du gouvernement Gabriel Attal a annoncé lundi la levée complète du confinement.",
            ["Gabriel Attal"],
        ),
    ],
)
def test_a_name_is_split_from_the_channel_or_title_the_model_ran_it_into(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the body named further on speaks, not the one last seen acting
        (
            "L'Iran a annoncé des morts. L'organisation de défense des droits humains Amnesty International "
            'a dénoncé une répression "impitoyable".',
            ["Amnesty International"],
        ),
        (
            "L'Iran a annoncé des morts. L'agence sanitaire Santé publique France a dit que 121 décès ont été "
            "constatés.",
            ["Santé publique France"],
        ),
        # negative: a body after a preposition is another, the one described speaks
        ('Le ministère de la Justice a dénoncé une répression "impitoyable".', ["Le ministère de la Justice"]),
        # an outlet's number ends the body a description writes: the journalist reports, no one named before
        (
            'Le prince Harry et Meghan Markle se sont dit oui samedi. Au menu : "Hamburgers, hot-dogs, glaces", '
            "détaille le journaliste de France 2.",
            ["le journaliste de France 2"],
        ),
        # negative: a generic head with no name takes up the body last seen
        (
            "L'Iran a annoncé des morts. La compagnie aérienne a annoncé que seize de ses vols étaient annulés.",
            ["Iran"],
        ),
    ],
)
def test_a_body_named_further_on_in_its_description_speaks(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a description that writes a body, long after the last person with no role: someone new
        (LONG_AFTER, ["le chef de la police de Seattle"]),
        # negative: just after that person, it may be them
        (
            "Marc Durand a inauguré mardi le nouveau commissariat de la ville. Le chef de la police locale a "
            "annoncé l'interdiction du recours au gaz lacrymogène pour trente jours.",
            ["Marc Durand"],
        ),
        # what the article made of someone it just named
        (
            "Jean Dupont s'est évadé en 2018. L'ex-fugitif avait expliqué qu'il ne protestait pas contre ses "
            "conditions de détention.",
            ["Jean Dupont"],
        ),
        # negative: an indefinite one is someone new
        (
            "Jean Dupont s'est évadé en 2018. Un fugitif avait expliqué qu'il ne protestait pas contre ses "
            "conditions de détention.",
            ["Un fugitif"],
        ),
        # a governor is an office before a name; without one, a description
        (
            "Plus de 400.000 hectares sont partis en cendres dans l'Oregon, a souligné la gouverneure Kate "
            "Brown sur CBS dimanche.",
            ["Kate Brown"],
        ),
        (
            "Plus de 400.000 hectares sont partis en cendres dans l'Oregon, a souligné la gouverneure sur CBS.",
            ["la gouverneure"],
        ),
    ],
)
def test_a_description_takes_up_only_a_person_still_on_the_scene(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fact explains, a legend tells: no one says
        (
            "On ignore le prix de ces radars. Ce qui explique que si 400 radars seront installés, 2000 "
            "tourelles ont été commandées.",
            [],
        ),
        ("Cela explique que 2000 tourelles ont été commandées pour 400 radars.", []),
        ("Selon la légende, le geste assure à celui qui le fait de revenir dans la capitale italienne.", []),
        # negatives: a person, a body, said the same
        (
            "Le préfet Marc Durand a parlé. Il explique que 2000 tourelles ont été commandées pour 400 radars.",
            ["Marc Durand"],
        ),
        ("Selon la préfecture, 2000 tourelles ont été commandées pour 400 radars.", ["la préfecture"]),
    ],
)
def test_a_fact_or_a_legend_is_no_speaker(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pronominal verb after the quote is its cue, over the writer's verb before the colon
        (
            "Les deux hommes décrivent une forme de repli : \"J'ai commencé à traîner avec d'autres "
            'personnes.", se questionne Redouane.',
            ["Redouane"],
        ),
        ('"C\'est une honte", se désole Marie Dupont.', ["Marie Dupont"]),
        # someone described by the place they live in takes up the person just named, never the place
        (
            "Redouane vit à Madrid depuis deux ans. Les deux hommes décrivent une forme de repli : \"J'ai "
            "commencé à traîner avec d'autres personnes.\", se questionne le nouveau Madrilène.",
            ["Redouane"],
        ),
        ('"Nous sommes inquiets", explique une jeune Lyonnaise.', ["une jeune Lyonnaise"]),
        # negative: a country with its article speaks for its state
        ('"Nous sommes inquiets", explique le Japon.', ["Japon"]),
        # the office's word run into a hyphenated name
        (
            'Le ministre de la Justice Eric Dupond-Moretti a dénoncé une "surenchère populiste".',
            ["Eric Dupond-Moretti"],
        ),
    ],
)
def test_a_person_after_the_quote_or_in_a_title_speaks(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb that reports words only with its clitic, inside the writer's sentence
        (
            "La clientèle locale, engluée dans la crise, \"a d'autres priorités que d'acheter des tapis\", se "
            "désole le commerçant.",
            ["le commerçant"],
        ),
        ("\"C'est une honte\", s'amuse Marie Dupont.", ["Marie Dupont"]),
        # negative: without its clitic, the verb moves someone: no one speaks
        ("Le prince Charles, accompagné de Sir Elton John au piano, a ému toute l'assemblée avec son discours.", []),
        ('Elle a ému son public par des rôles dramatiques dans "Le Passager de la pluie" de René Clément.', []),
    ],
)
def test_a_verb_reports_words_only_in_its_pronominal_form(text, expected):
    assert _speakers(text) == expected


PHILIPPE_THEN_SALOMON = (
    "Le Premier ministre Edouard Philippe a indiqué dimanche que la situation s'améliore. Le directeur "
    "général de la Santé Jérôme Salomon a lui indiqué que le virus circule encore. "
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "le chef du gouvernement" is the Prime Minister: "il" after it takes him up, not the last name
        (
            PHILIPPE_THEN_SALOMON + "D'ici là, le chef du gouvernement a salué l'attitude de la population. "
            '"Les Français ont respecté les consignes", a-t-il estimé.',
            ["Edouard Philippe", "Jérôme Salomon", "Edouard Philippe"],
        ),
        # negative: with no one else acting since, "il" is the last person named
        (
            PHILIPPE_THEN_SALOMON + '"Les Français ont respecté les consignes", a-t-il estimé.',
            ["Edouard Philippe", "Jérôme Salomon", "Jérôme Salomon"],
        ),
        # "celle qui…" takes up whoever spoke last, a source described as well as one named
        (
            "\"Jalouses, elles l'ont fait pour l'argent\", révèle la femme de 39 ans. \"J'étais considérée comme "
            'une criminelle !", explique celle qui avait alors perdu de vue sa fille.',
            ["la femme", "la femme"],
        ),
        (
            'Jean Dupont dirige l\'agence depuis 2010. "Nous avons doublé nos ventes", explique celui qui a '
            "fondé la société.",
            ["Jean Dupont"],
        ),
    ],
)
def test_a_description_or_a_pronoun_takes_up_who_acted_last(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a feminine description is no man of the body it writes
        (
            '"Ce risque est extrêmement faible", assure le professeur Thomas Baumert, médecin et expert des '
            'maladies virales à l\'Inserm. "Ce virus est encore tout nouveau", précise à BFM TV la chercheuse '
            "de l'Inserm.",
            ["Thomas Baumert", "la chercheuse de l'Inserm"],
        ),
        # negative: a woman of that body is
        (
            '"Ce risque est extrêmement faible", assure la professeure Marie Baumert, experte des maladies '
            'virales à l\'Inserm. "Ce virus est encore tout nouveau", précise à BFM TV la chercheuse de '
            "l'Inserm.",
            ["Marie Baumert", "Marie Baumert"],
        ),
    ],
)
def test_a_feminine_description_takes_up_no_man(text, expected):
    assert _speakers(text) == expected


HOPKINS_AND_WINSLET = (
    "Les acteurs Anthony Hopkins et Kate Winslet ont été honorés lors de la cérémonie à Toronto. "
    'L\'actrice britannique de 44 ans a déclaré que son rôle était un "cadeau".'
)


def test_a_feminine_description_after_a_man_and_a_woman_is_not_the_man():
    assert "Anthony Hopkins" not in _speakers(HOPKINS_AND_WINSLET)


@pytest.mark.xfail(
    reason="the second of two names joined by 'et' is no topic of its sentence for voxmap, so the woman is not "
    "the one person in focus; making conjuncts topics moved 4 quotes of 800 OrangeSum articles to wrong speakers",
    strict=True,
)
def test_a_feminine_description_after_a_man_and_a_woman_is_the_woman():
    assert _speakers(HOPKINS_AND_WINSLET) == ["Kate Winslet"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the titles of works, a network's name: no one speaks in them
        (
            "Il avait déjà récité les fables « Le Rat et l'Éléphant », « Le Coche et la Mouche » ou bien même "
            "« Les Deux amis ».",
            [],
        ),
        (
            "Pour mieux vivre l'isolement, le réseau \"Lire et Relier\", lancé par l'écrivaine Régine Detambel, "
            "propose des lectures.",
            [],
        ),
        # negatives: a chant, a sentence with its verb, a title given as an answer are speech
        (
            'A Paris, plusieurs milliers de personnes ont réclamé "Justice pour tous" près de l\'ambassade.',
            ["plusieurs milliers de personnes"],
        ),
        ('Le titre de son livre ? "La vie est belle", a répondu l\'auteur.', ["l'auteur"]),
        ('Le livre "La vie est belle, dit-il, mais dure" a été publié par Marc Dupont.', ["Marc Dupont"]),
    ],
)
def test_a_title_in_quotation_marks_is_no_speech(text, expected):
    assert _speakers(text) == expected


def test_a_long_list_of_titles_is_read_in_one_pass():
    # each title looks only at the segment before it: thousands in a row neither recurse nor fail
    text = 'Le livre "Les Misérables"' + ', "Oui"' * 3000 + "."
    assert _speakers(text) == []


def test_a_body_s_description_may_end_the_text():
    # the word after the head is read only where there is one
    text = '"Non, ce n\'est pas acceptable", a dit la plus grande association'
    assert _speakers(text) == ["la plus grande association"]
