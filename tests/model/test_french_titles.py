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


def _institutions(text, headline):
    """Each actor's role institutions, the article read with its headline."""
    actors = voxmap.analyze(text, language="fr", title=headline).actors
    return {actor.name: [r.institution for r in actor.roles] for actor in actors}


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
        # the determiner dropped or mistyped in the copy ("a procureure"): the title opens after the verb
        (
            "Il a tiré vers 2h du matin, a précisé a procureure de la République de Rennes Claire Morvan.",
            "Claire Morvan",
            ("procureure de la République de Rennes", "République de Rennes"),
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
        # a predicate after a copula is no title of the name after it
        (
            "Paul Morel, qui fut ministre de l'Intérieur pendant le quinquennat Castelain, est entendu.",
            "Castelain",
        ),
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
    "headline, text, second",
    [
        # another kind of office is no obstacle for the person the headline names: a party's
        # president is also a town's mayor
        (
            "La droite se défile selon Mareuil",
            "Le président du Mouvement démocrate François Mareuil a dénoncé mardi un Parlement épuisé. "
            "« Ils ne seront pas là », a poursuivi le maire de Pau.",
            "François Mareuil",
        ),
        # the same kind of office elsewhere is: the mayor of Lyon is not the mayor of Pau
        (
            "La droite se défile selon Mareuil",
            "Le maire de Lyon François Mareuil a dénoncé mardi un Parlement épuisé. "
            "« Ils ne seront pas là », a poursuivi le maire de Pau.",
            "le maire de Pau",
        ),
    ],
)
def test_an_office_written_in_full_goes_to_a_holder_with_no_rival_office(headline, text, second):
    quotes = voxmap.analyze(text, language="fr", title=headline).quotes
    assert [q.speaker.name for q in quotes] == [second]


@pytest.mark.parametrize(
    "headline, text, speakers",
    [
        # a description before the name, the article's one person (agency style)
        (
            None,
            "« Il faut dire la vérité », a déclaré l'ancien chef d'État. « On a les blocages », a taclé Nicolas Ferrand.",
            ["Nicolas Ferrand", "Nicolas Ferrand"],
        ),
        # two people: the headline names the one the description is
        (
            "« Les circonstances justifiées suffiront », assure Paul Castelain",
            "Paul Castelain a reporté l'examen après un entretien avec Marie Dufresne. "
            "« Bien sûr cela crée des désorganisations », a reconnu mardi le ministre.",
            ["Paul Castelain"],
        ),
    ],
)
def test_a_description_takes_up_the_person_the_article_names(headline, text, speakers):
    quotes = voxmap.analyze(text, language="fr", title=headline).quotes
    assert [q.speaker.name for q in quotes] == speakers


@pytest.mark.parametrize(
    "text",
    [
        # a spokesman speaks for someone else, even the article's one person
        "« Rien n'est décidé », a précisé le porte-parole. Paul Castelain a reporté l'examen.",
        # the one person named is a union's secretary, not the minister of health
        "Fabienne Morel, secrétaire générale du syndicat Unité Santé, manifestait mardi. "
        "« Assez de caricatures ! », s'agace le ministre de la Santé.",
        # two people, no headline, no role: nothing tells which
        "Paul Castelain a reçu Marie Dufresne mardi. « Rien n'est décidé », a précisé la responsable.",
    ],
)
def test_a_description_stays_one_where_nothing_tells_who(text):
    quotes = _analysis(text).quotes
    assert quotes and all(q.speaker.name not in ("Paul Castelain", "Fabienne Morel", "Marie Dufresne") for q in quotes)


@pytest.mark.parametrize(
    "headline, text, speaker, kind",
    [
        # a body described by its kind is the one body the headline names
        (
            "Les passagers de Volair vont-ils être remboursés ?",
            "Volair a suspendu ses vols jeudi. « La situation financière ne permet plus d'assurer les vols », "
            "a précisé l'entreprise spécialiste des vols vers l'Algérie.",
            "Volair",
            "organization",
        ),
        # a camp described as written, never the person named just before
        (
            None,
            "Le procès de Hayat Lemaire s'est ouvert lundi. L'accusation a estimé qu'elle ne pouvait ignorer "
            "l'usage de cet argent.",
            "L'accusation",
            "anonymous",
        ),
    ],
)
def test_a_body_or_a_camp_described(headline, text, speaker, kind):
    quotes = voxmap.analyze(text, language="fr", title=headline).quotes
    assert quotes and all((q.speaker.name, q.speaker.type) == (speaker, kind) for q in quotes)


def test_a_body_description_with_no_headline_stays_a_description():
    text = (
        "Volair a suspendu ses vols jeudi. « La situation ne permet plus d'assurer les vols », "
        "a précisé l'entreprise spécialiste des vols vers l'Algérie."
    )
    quotes = voxmap.analyze(text, language="fr", title="Grève dans le transport aérien").quotes
    assert [q.speaker.name for q in quotes] != ["Volair"]


def test_a_subject_description_naming_a_body_is_a_role_of_the_headline_person():
    headline = "Paul Ferrand est « imbuvable », déplore Claire Vasseur"
    text = (
        "Entre Claire Vasseur et Paul Ferrand, les relations sont mauvaises. La présidente du Mouvement "
        "républicain souhaite le retrait du projet. « Il est sectaire », a-t-elle estimé."
    )
    roles = _institutions(text, headline)
    assert roles["Claire Vasseur"] and roles["Claire Vasseur"][0]
    assert not any(roles.get("Paul Ferrand", []))  # the feminine title is not his


def test_a_channel_after_a_description_is_not_the_speaker():
    text = "« On a toutes les raisons de détester ce syndicat », a déclaré mardi la présidente du Mouvement républicain à BFMTV."
    assert [q.speaker.name for q in _analysis(text).quotes] == ["la présidente du Mouvement républicain"]


@pytest.mark.parametrize(
    "text, institution",
    [
        # a place's office names its body; a place alone is no voice
        ("« Les faits sont graves », a indiqué le procureur de Paris.", "parquet de Paris"),
        ("« Rien n'est décidé », a affirmé l'élu de Paris.", None),
    ],
)
def test_a_description_of_a_place_office(text, institution):
    roles = [r.institution for a in _analysis(text).actors for r in a.roles]
    assert roles == ([institution] if institution else []) or (institution is None and all(r is None for r in roles))


def test_a_party_word_in_a_title_is_the_same_office():
    # "Le maire PS de Dijon" holds the office "le maire de Dijon" names, whoever else the headline names
    headline = "Bataille entre socialistes : Rebsamen se retire, Moudenc élu"
    text = (
        "Le maire PS de Dijon François Rebsamen a retiré sa candidature. M. Moudenc a été réélu à Toulouse. "
        "Le maire de Dijon évoque aussi une réunion à laquelle il n'a pas été convié."
    )
    roles = _institutions(text, headline)
    assert "mairie de Dijon" not in roles.get("M. Moudenc", [])


@pytest.mark.parametrize(
    "text, institution",
    [
        # a union's name after its kind and a qualifier, whatever the parser hung it on
        (
            "\"Cette note révèle après quelques jours de polémique que nous avions raison. On ne veut pas qu'on "
            'entre dans certains quartiers", a commenté sur France 3 Paul Morand, secrétaire général du syndicat '
            "policier Alliance. Ces derniers jours, des tensions sont apparues.",
            "Alliance police nationale",
        ),
        # negative: a kind and its qualifiers with no name after them name no known body
        (
            "« Nous avions raison », a commenté Paul Morand, secrétaire général du syndicat policier de la ville.",
            "syndicat policier de la ville",
        ),
    ],
)
def test_a_body_named_after_its_kind_and_a_qualifier(text, institution):
    (actor,) = [a for a in _analysis(text).actors if a.name == "Paul Morand"]
    assert [r.institution for r in actor.roles] == [institution]


@pytest.mark.parametrize(
    "text, name, role",
    [
        # a kind word and its adjectives, then an acronym in brackets: the acronym names the body
        (
            "Selon Dominique Verrand, secrétaire régional du principal syndicat pénitentiaire (UFAP), « le drone "
            "était endommagé ».",
            "Dominique Verrand",
            ("secrétaire régional", "UFAP"),
        ),
        # negatives: an acronym of the title itself; a phrase with a complement names the body itself
        (
            "Le directeur général de la police nationale (DGPN) a confirmé que des policiers passeraient en "
            "conseil de discipline.",
            "Le directeur général de la police nationale",
            ("Le directeur général de la police nationale", "police nationale"),
        ),
        (
            "Selon Jean Dorval, délégué du syndicat des policiers municipaux (SNPM), « le drone était endommagé ».",
            "Jean Dorval",
            ("délégué", "syndicat des policiers municipaux"),
        ),
    ],
)
def test_an_acronym_in_brackets_names_the_body_a_kind_word_describes(text, name, role):
    assert role in _roles(text)[name]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a general title takes up whoever holds a narrower one of its kind (sources.toml description_kin)
        (
            "Il a tiré vers 2h du matin, a précisé la procureure de la République de Rennes Claire Morvan. "
            "Il s'est éloigné de ses collègues avant de tirer, selon la magistrate.",
            "Claire Morvan",
        ),
    ],
)
def test_a_general_title_takes_up_the_holder_of_a_narrower_one(text, speaker):
    assert _analysis(text).quotes[-1].speaker.name == speaker
