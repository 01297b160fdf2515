"""Roles written next to a name, parsed by the real models, and whom they make the person speak for
(English and French): offices whole, former roles, places, parties, campaigns, datelines."""

import pytest

from voxmap.api import analyze


def institutions(text, language, name):
    analysis = analyze(text, language=language, published="2016-06-01")
    actor = next(a for a in analysis.actors if a.name == name)
    return [(role.title, role.institution) for role in actor.roles]


@pytest.mark.parametrize(
    "text, name, institution",
    [
        ("“It is over,” Secretary of State John Kerry told reporters.", "John Kerry", "State Department"),
        ("“We will win,” said former Secretary of State Hillary Clinton.", "Hillary Clinton", None),
        ("“No,” said House Speaker Paul Ryan.", "Paul Ryan", "House of Representatives"),
        ("“Yes,” said New Jersey Gov. Chris Christie.", "Chris Christie", "Office of the Governor of New Jersey"),
        ("“We are ready,” said Jeb Bush, the former governor of Florida.", "Jeb Bush", None),
        ("“Wrong,” said GOP nominee Donald Trump.", "Donald Trump", "Republican Party"),
        ("“Wrong,” said Democratic presidential nominee Hillary Clinton.", "Hillary Clinton", "Democratic Party"),
        ("“Wrong,” said Corey Lewandowski, Trump's campaign manager.", "Corey Lewandowski", "Trump campaign"),
        ("“Wrong,” said Sen. Bernie Sanders of Vermont.", "Bernie Sanders", None),
        ("“Never,” said Mitt Romney, the 2012 GOP presidential nominee.", "Mitt Romney", None),
        # what a candidate runs for is no office held; their party still speaks through them
        ("“We will win,” said Jill Marsh, the Green Party candidate for the White House.", "Jill Marsh", "Green Party"),
        ("“We will win,” said Jill Marsh, a candidate for the House.", "Jill Marsh", None),
        ("“We will win,” said Jill Marsh, the Speaker of the House.", "Jill Marsh", "House of Representatives"),
    ],
)
def test_english_roles_make_voices(text, name, institution):
    found = [i for _, i in institutions(text, "en", name)]
    assert found and found[0] == institution, found


def test_a_dateline_is_no_apposition():
    text = "ORLANDO, Fla. (Reuters) - President Barack Obama said on Sunday that the attack was an act of terror."
    roles = institutions(text, "en", "Barack Obama")
    assert all("Reuters" not in title and institution != "Reuters" for title, institution in roles), roles


@pytest.mark.parametrize(
    "text, name, institution",
    [
        (
            "« Nous tiendrons », a déclaré le ministre de l'Intérieur, Gérald Marsac.",
            "Gérald Marsac",
            "ministère de l'Intérieur",
        ),
        ("« Nous tiendrons », a déclaré l'ancien ministre de l'Intérieur, Gérald Marsac.", "Gérald Marsac", None),
        (
            "« C'est inacceptable », a réagi Fabien Delacourt, secrétaire général du syndicat Rempart.",
            "Fabien Delacourt",
            "Rempart",
        ),
        (
            "« Nous irons au bout », a affirmé le garde des Sceaux, Éric Dupond-Moretti.",
            "Éric Dupond-Moretti",
            "ministère de la Justice",
        ),
        # a body of a place, named by its kind, is the body, not the place
        (
            "« Nous serons prêts », a déclaré Valérie Pécresse, présidente de la région Île-de-France.",
            "Valérie Pécresse",
            "région Île-de-France",
        ),
        (
            "« Nous serons prêts », a déclaré Jean-Luc Gleyze, président du conseil départemental de la Gironde.",
            "Jean-Luc Gleyze",
            "conseil départemental de la Gironde",
        ),
        # a place's office keeps its own institution
        ("« Nous serons prêts », a déclaré Marc Durand, maire de Pau.", "Marc Durand", "mairie de Pau"),
        # a kind of body named by the short name quoted after its phrase
        (
            "« On se désole de ces phrases », dit Grégoire Fraty, co-président de l'association de participants "
            "à la CCC « Les 150 ».",
            "Grégoire Fraty",
            "Les 150",
        ),
        (
            "« Nous serons là », a déclaré Marie Roux, porte-parole du collectif « Nous Toutes ».",
            "Marie Roux",
            "Nous Toutes",
        ),
        # quoted words that are no name (lower case) leave the body as written: a kind alone is no voice
        (
            "« Nous serons là », a déclaré Marie Roux, porte-parole du collectif « anti-bassines » du Poitou.",
            "Marie Roux",
            None,
        ),
        # the body written right after the title, without a preposition (a word of the title is none)
        (
            "« Le détenu s'est jeté sur eux », a expliqué à l'AFP le délégué CGT pénitentiaire, Éric Pinel.",
            "Éric Pinel",
            "CGT",
        ),
        ("« Nous voterons contre », a déclaré l'eurodéputé LR Xavier Belmont.", "Xavier Belmont", "Les Républicains"),
        ("« Le détenu s'est jeté sur eux », a expliqué Éric Pinel, délégué CGT pénitentiaire.", "Éric Pinel", "CGT"),
        # a union's name in lower case runs past the parser's cut; a holder's title after a body does not
        (
            "« Les plans ne se sont pas traduits en euros », a réagi Thierry Amiel, porte-parole du syndicat "
            "national des professionnels infirmiers sur Europe 1.",
            "Thierry Amiel",
            "syndicat national des professionnels infirmiers",
        ),
        (
            "« Rien n'a été décidé », a indiqué Paul Strozzi, directeur de cabinet du président de la région.",
            "Paul Strozzi",
            None,
        ),
        # a candidate does not hold what they run for
        (
            "« Nous gagnerons », a déclaré le candidat démocrate à la Maison Blanche Joe Biden.",
            "Joe Biden",
            None,
        ),
        (
            "« Nous gagnerons », a déclaré Anne Hidalgo, candidate du Parti socialiste à la mairie de Paris.",
            "Anne Hidalgo",
            "Parti socialiste",
        ),
        # a body's name the model took for a place is still its name, unless the body is a place's
        (
            "« Nous sommes épuisés », a expliqué à l'AFP Hugo Huon, président du collectif Inter-Urgences.",
            "Hugo Huon",
            "collectif Inter-Urgences",
        ),
        (
            "« Nous sommes prêts », a expliqué Paul Martin, président du conseil départemental Gironde.",
            "Paul Martin",
            "conseil départemental",
        ),
        # a body written after a name and a comma is the person's: they speak for it
        (
            "« La justice manque de moyens », estime Katia Dubreuil, du Syndicat de la magistrature (SM), dans un "
            "entretien.",
            "Katia Dubreuil",
            "Syndicat de la magistrature",
        ),
        ("« Nous refusons », a dit Emilie Parente, de la CGT.", "Emilie Parente", "CGT"),
        # the French president speaks for the Élysée; a French president of a company for the company
        ("« Nous ne céderons pas », a déclaré le président français Emmanuel Macron.", "Emmanuel Macron", "Élysée"),
        (
            "« Nous ne céderons pas », a déclaré le président français du groupe Airbus, Paul Martin.",
            "Paul Martin",
            "Airbus",
        ),
        # an office that names its body goes on with a place, and stays that office
        (
            "Le préfet de police de Paris a autorisé la réouverture. « L'ordre sera maintenu », a déclaré le "
            "préfet de police de Paris.",
            "le préfet de police de Paris",
            "préfecture de police",
        ),
    ],
)
def test_french_roles_make_voices(text, name, institution):
    found = [i for _, i in institutions(text, "fr", name)]
    assert found and found[0] == institution, found


@pytest.mark.parametrize(
    "text, language, names",
    [
        ("Trump Wants To Build A Wall\n\nHe said so.", "en", []),  # a headline, not a person
        ("Without Bloomberg, the race narrows, said Jeb Bush.", "en", ["Bloomberg", "Jeb Bush"]),
        ("Obama To Asians Worried About U.S. Election\n\n“It will be fine,” Obama said.", "en", ["Obama"]),
        ('<tweet author="realDonaldTrump">“We will win,” Trump said.</tweet>\n\nThe race goes on.', "en", []),
        ("Dominique de Villepin a dit « non ».", "fr", ["Dominique de Villepin"]),  # a particle is part of a name
    ],
)
def test_headlines_and_markup_make_no_people(text, language, names):
    analysis = analyze(text, language=language)
    assert [a.name for a in analysis.actors if a.type == "person"] == names
    if not names:
        assert not analysis.quotes or all(q.speaker.actor is None for q in analysis.quotes)


@pytest.mark.parametrize(
    "text, language, name",
    [
        (
            "“No,” said Sarah Dorsey, the Republican presidential nominee's eldest daughter.",
            "en",
            "Sarah Dorsey",
        ),
        ("« Non », a dit Marie Dupont, la fille du candidat républicain.", "fr", "Marie Dupont"),
    ],
)
def test_a_relative_of_an_office_holder_holds_no_role(text, language, name):
    assert institutions(text, language, name) == []


def test_beside_a_relative_a_title_is_still_a_role():
    # negative: the same phrase with a title instead of kin
    roles = institutions(
        "“No,” said Sarah Dorsey, the Republican presidential nominee's campaign manager.", "en", "Sarah Dorsey"
    )
    assert roles and roles[0][1] is not None


@pytest.mark.parametrize(
    "text, name, title",
    [
        # a title an article inside a preposition opens, before a name the model ran the title's last word
        # into (a first name of any list tells the person: "John")
        (
            "Il a joint sa voix au chef de la Cour John Roberts. La loi « l'interdit », a estimé la Cour.",
            "John Roberts",
            "chef",
        ),
        # the negative: a longer title holds the contracted article
        (
            "La fête avait lieu chaque année, avait indiqué l'adjoint au maire de la commune Laurent Buffard.",
            "Laurent Buffard",
            "adjoint au maire de la commune",
        ),
    ],
)
def test_a_title_after_a_contracted_article(text, name, title):
    assert title in [t for t, _ in institutions(text, "fr", name)]


@pytest.mark.parametrize(
    "text, name",
    [
        # the negatives: a place, people listed, words that name no body
        ("« Nous refusons », a dit Emilie Parente, de Marseille.", "Emilie Parente"),
        ("« J'ai chanté », a dit Anne Royer, du Trenet, du Higelin et du Nougaro.", "Anne Royer"),
        ("« Nous refusons », a dit Emilie Parente, de retour de vacances.", "Emilie Parente"),
    ],
)
def test_no_membership_in_a_place_a_person_or_no_body(text, name):
    assert institutions(text, "fr", name) == []


def test_a_body_listed_before_another_is_no_member_of_it():
    text = (
        "Le texte avait suscité de nombreuses réserves, notamment du Conseil national du numérique, de la "
        "Commission nationale consultative des droits de l'Homme, ou encore de la Quadrature du Net, qui défend "
        "les libertés. « Le législateur a porté atteinte à la liberté d'expression », a jugé le Conseil."
    )
    (council,) = [a for a in analyze(text, language="fr").actors if a.name == "Conseil national du numérique"]
    assert (council.type, council.roles) == ("organization", [])
