"""French extraction with the real model: incises with inversion, selon/pour, pronouns, roles."""

import pytest

import voxmap
from voxmap.extract.detect import detect_language


def found(text):
    analysis = voxmap.analyze(text, language="fr")
    return [(q.kind, q.text, q.speaker.name, q.speaker.type) for q in analysis.quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "« Nous ne reculerons pas », a déclaré Fabienne Morel, secrétaire générale du syndicat Unité Santé.",
            [("direct", "Nous ne reculerons pas", "Fabienne Morel", "person")],
        ),
        (
            "« C'est une honte », tacle un responsable syndical qui a requis l'anonymat.",
            [("direct", "C'est une honte", "un responsable syndical", "anonymous")],
        ),
        (
            "Selon une source proche du dossier, le préfet a démissionné.",
            [("indirect", "le préfet a démissionné", "une source proche du dossier", "anonymous")],
        ),
        (
            "La maire de Marseille, Claire Martin, estime que la police manque de moyens.",
            [("indirect", "que la police manque de moyens", "Claire Martin", "person")],
        ),
        (
            "Pour Olivier Lestrade, sociologue au CNRS, « le syndicat a une ligne directe avec le ministre ».",
            [("direct", "le syndicat a une ligne directe avec le ministre", "Olivier Lestrade", "person")],
        ),
        (
            "Dans l'entourage du ministre, on assure que la prime sera doublée.",
            [("indirect", "que la prime sera doublée", "l'entourage du ministre", "anonymous")],
        ),
        (
            "— Nous irons jusqu'au bout, lance Jean Dupont, délégué régional.",
            [("direct", "Nous irons jusqu'au bout", "Jean Dupont", "person")],
        ),
        # negatives: an expression in guillemets is not speech
        ("Les habitants parlent de « quartiers oubliés ».", []),
        ("Le film « La Haine » ressort en salles.", []),
    ],
)
def test_quotes_and_speakers(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
def test_guillemets_with_any_inner_space(space):
    text = f"«{space}Nous irons jusqu'au bout{space}», prévient Thomas Girard."
    (quote,) = voxmap.analyze(text, language="fr").quotes
    assert quote.text == "Nous irons jusqu'au bout" and quote.speaker.name == "Thomas Girard"


def test_inverted_clitic_pronoun_resolves_by_gender():
    text = (
        "Claire Martin a rencontré Pierre Garnier lundi. « Je n'ai reçu aucune réponse », ajoute-t-elle. "
        "« Nous travaillons », a-t-il répondu."
    )
    quotes = voxmap.analyze(text, language="fr").quotes
    assert [(q.speaker.name, q.speaker.mention.text) for q in quotes] == [
        ("Claire Martin", "-elle"),
        ("Pierre Garnier", "-il"),
    ]


def test_role_and_organisation_in_french():
    text = "« Nous ne reculerons pas », a déclaré Fabienne Morel, secrétaire générale du syndicat Unité Santé."
    analysis = voxmap.analyze(text, language="fr")
    actor = analysis.actor(analysis.quotes[0].speaker.actor)
    assert [(r.title, r.organization) for r in actor.roles] == [("secrétaire générale", "syndicat Unité Santé")]


@pytest.mark.parametrize(
    "text, hint, language",
    [
        ("Le ministre a déclaré mardi que la réforme serait votée avant l'été.", None, "fr"),
        ("The minister said on Tuesday that the reform would pass before summer.", None, "en"),
        ("The minister said on Tuesday that the reform would pass before summer.", "fr-FR", "fr"),
        ("Le ministre a déclaré mardi que la réforme serait votée.", "de", "fr"),  # unsupported hint: detected
    ],
)
def test_language_detection(text, hint, language):
    assert detect_language(text, hint) == language


def test_auto_language_gives_french_json():
    analysis = voxmap.analyze("« Nous ne reculerons pas », a déclaré Fabienne Morel devant le ministère.")
    assert analysis.to_dict()["article"]["language"] == "fr"


def test_a_wrong_hint_is_overruled_by_a_long_confident_text():
    text = "Le ministre de l'Intérieur a déclaré mardi que la prime des policiers serait doublée avant l'été. " * 4
    assert detect_language(text, "en") == "fr"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "« Le Québec doit avoir le dernier mot », a affirmé le premier ministre François Lemire mardi.",
            [("direct", "Le Québec doit avoir le dernier mot", "François Lemire", "person")],
        ),
        (
            "Selon le porte-parole de l'opposition, Marc Tanguay, le gouvernement « joue avec les chiffres ».",
            # the source vouches for its whole sentence, quoted words and all
            [("mixed", "le gouvernement « joue avec les chiffres »", "Marc Tanguay", "person")],
        ),
        (
            "D'après Statistique Canada, la population a augmenté de 2,5 % en 2023.",
            [("indirect", "la population a augmenté de 2,5 % en 2023", "Statistique Canada", "organization")],
        ),
        (
            "« Personne ne veut d'une crise », a indiqué une source, qui n'était pas autorisée à parler publiquement.",
            [("direct", "Personne ne veut d'une crise", "une source", "anonymous")],
        ),
    ],
)
def test_titles_and_names_in_canadian_french_press(text, expected):
    assert found(text) == expected


def speakers(text):
    analysis = voxmap.analyze(text, language="fr")
    return [(q.speaker.name, q.speaker.type) for q in analysis.quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a name after "de" is the complement of the words before the verb's subject, not its holder
        (
            "« Ce sera très difficile pour nous », considère un proche de Claire Martin.",
            [("un proche de Claire Martin", "anonymous")],
        ),
        ("« Sa stratégie était légitime », expliquent les avocats de Paul Girard.", ["les avocats de Paul Girard"]),
        # a name after the title, or after its comma, is the title's holder
        ("« Nous tiendrons », a affirmé le porte-parole du ministère, Julien Morel.", [("Julien Morel", "person")]),
        ("« Nous tiendrons », a déclaré le ministre de l'Intérieur Gérald Lemaire.", [("Gérald Lemaire", "person")]),
    ],
)
def test_an_inverted_subject_names_its_holder_not_its_complement(text, expected):
    found = speakers(text)
    assert (found if isinstance(expected[0], tuple) else [name for name, _ in found]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an enclitic is a pronoun, resolved, never a name
        (
            "L'ancienne première dame Valérie Trierweiler publie un livre. « Il veut revenir », écrit-elle.",
            [("Valérie Trierweiler", "person")],
        ),
        # a date, a channel, an occasion are not the speaker's
        (
            "« Nous irons jusqu'au bout », a déclaré vendredi 26 juin le syndicat de police Rempart.",
            [("le syndicat de police Rempart", "organization")],
        ),
        ("« Rien ne sortira », a indiqué à l'AFP Anthony Marchal, délégué syndical.", [("Anthony Marchal", "person")]),
        ("« Rien ne sortira », a déclaré au Parisien Jean Dupont, maire de Lyon.", [("Jean Dupont", "person")]),
        (
            "« Je reste prudente », a reconnu mardi matin au micro de Franceinfo Claire Martin.",
            [("Claire Martin", "person")],
        ),
        # a news medium cited as the source relays: type media
        ("Selon Le Parisien, le préfet va démissionner.", [("Le Parisien", "media")]),
        ("« Le préfet va démissionner », rapporte Ouest-France.", [("Ouest-France", "media")]),
        # an office written in full takes up its role-less holder just named, and holds the office
        (
            "Gérard Colin s'est exprimé jeudi. « Je n'ai rien vu », a affirmé le ministre de l'Intérieur.",
            [("Gérard Colin", "person")],
        ),
        # several bodies, or a title without its person: described, no body's voice
        ("« Nous sommes épuisés », affirment les syndicats de police.", [("les syndicats de police", "anonymous")]),
        ("« Le bilan est lourd », a indiqué l'ancien président.", [("l'ancien président", "anonymous")]),
        # negatives: no role, no holder; a title of a work; a quoted subheading
        ("« Assez ! », a lancé le ministre sur BFMTV.", [("le ministre", "anonymous")]),
        ("La chanson qui représentera la France, « Mercy », sera chantée en mai.", []),
    ],
)
def test_speakers_in_french_press(text, expected):
    assert speakers(text) == expected


def test_an_office_holder_speaks_for_the_ministry():
    text = "Gérard Colin s'est exprimé jeudi. « Je n'ai rien vu », a affirmé le ministre de l'Intérieur."
    actor = next(a for a in voxmap.analyze(text, language="fr").actors if a.name == "Gérard Colin")
    assert [role.institution for role in actor.roles] == ["ministère de l'Intérieur"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # one quoted word the cue takes as its complement, through a quantity adverb at most: the speaker's
        (
            "Philippe Bas a réclamé plus de « transparence » des différents acteurs.",
            [("partial", "transparence", "Philippe Bas", "person")],
        ),
        (
            "Claire Vasseur a réclamé davantage de « fermeté » face aux violences.",
            [("partial", "fermeté", "Claire Vasseur", "person")],
        ),
        # one word further down the cue's object is the writer's scare quote
        ("Claire Vasseur a annoncé la fermeture des « squats » de la ville.", []),
        ("Claire Vasseur a confirmé le départ des « anciens » du bureau.", []),
    ],
)
def test_one_quoted_word_is_a_partial_quote_only_as_the_cue_s_complement(text, expected):
    assert found(text) == expected


def test_figures_are_nobody_a_cueless_quote_goes_on_with():
    text = (
        "« Nous sommes prêts », a déclaré Lady Savalla, médecin à Lima.\n\nLe pays compte 5.301 décès, selon "
        "les derniers chiffres officiels de jeudi soir. Plus de 9.000 malades sont hospitalisés. « Le manque "
        "d'oxygène est un risque latent dans plusieurs régions. »"
    )
    assert [(kind, speaker) for kind, _, speaker, _ in found(text)] == [
        ("direct", "Lady Savalla"),
        ("evidence", "les derniers chiffres officiels"),
        ("direct", "Lady Savalla"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a body described by its kind that the article names nowhere is a source as written
        (
            "Et le transporteur refuse de payer. La compagnie aérienne française a annoncé jeudi soir "
            "l'annulation de tous ses vols.",
            [("indirect", "l'annulation de tous ses vols", "La compagnie aérienne française", "anonymous")],
        ),
    ],
)
def test_bodies_described_by_their_kind(text, expected):
    assert found(text) == expected


def test_a_hospital_department_is_no_body_of_a_place_and_glued_copy_speaks_for_nobody():
    text = (
        '"La dexaméthasone fait partie des corticoïdes", a déclaré la cheffe du service des maladies '
        "infectieuses de l'hôpital Saint-Antoine (AP-HP).\"On sait que c'est un traitement qui marche\", "
        "a-t-elle ajouté."
    )
    speakers = [speaker for _, _, speaker, _ in found(text)]
    assert len(speakers) == 2 and not any(s and (")" in s or '"' in s) for s in speakers), speakers
