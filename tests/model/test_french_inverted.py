"""Agency copy's inverted report: the statement, a comma, the speech verb and its subject after it.
Shapes of real dispatches (an enclitic subject, time words before the subject, an adverb in the verb
group, quoted words inside the statement); names are invented. Negatives: the subject before the verb,
a clause after the verb, a statement too short, a verb that reports nothing."""

from __future__ import annotations

import pytest
from helpers import french_quotes

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Cinq nouveaux cas ont été repérés en France, a annoncé samedi 8 février Claire Vasseur.",
            ("indirect", "Cinq nouveaux cas ont été repérés en France", "Claire Vasseur"),
        ),
        (
            "Claire Vasseur tenait une conférence de presse. Il s'agit de quatre adultes et d'un enfant, "
            "a-t-elle détaillé.",
            ("indirect", "Il s'agit de quatre adultes et d'un enfant", "Claire Vasseur"),
        ),
        (
            "Trente Français vont être rapatriés dimanche, a également indiqué vendredi Mme Vasseur, "
            "précisant que des mesures étaient prises.",
            ("indirect", "Trente Français vont être rapatriés dimanche", "Claire Vasseur"),
        ),
        # a body named by its kind ("l'armée", "la municipalité") speaks like any organisation
        (
            "Ces entraînements communs constituent une première entre les deux pays, salue l'armée de l'air allemande.",
            (
                "indirect",
                "Ces entraînements communs constituent une première entre les deux pays",
                "l'armée de l'air allemande",
            ),
        ),
        # an aside between commas after the verb ("sous couvert d'anonymat")
        (
            "Il s'agit d'un « événement très émouvant pour tous » les participants, explique, sous couvert "
            "d'anonymat, un officier israélien.",
            (
                "mixed",
                "Il s'agit d'un « événement très émouvant pour tous » les participants",
                "un officier israélien",
            ),
        ),
        (
            "L'ensemble des cas, « soit onze personnes au total », résidaient dans le même chalet, a ajouté "
            "Claire Vasseur.",
            (
                "mixed",
                "L'ensemble des cas, « soit onze personnes au total », résidaient dans le même chalet",
                "Claire Vasseur",
            ),
        ),
    ],
)
def test_an_inverted_report_is_the_statement_before_its_cue(text, expected):
    found = french_quotes(text if "Claire Vasseur" in text.split(".")[0] else "Claire Vasseur était là. " + text)
    assert expected in found


@pytest.mark.parametrize(
    "text",
    [
        # a second verb of the same subject, its object after it: "leur travail" is no speaker
        "Le maire a reçu les élus du département, a salué leur travail.",
        # a clause after the verb: "a dit que…" reports what follows, not what precedes
        "La séance était levée, a dit que le vote aurait lieu demain.",
        # too short to be a statement
        "Oui, a-t-il répondu.",
        # no speech verb: a narrative sequence
        "Les manifestants ont quitté la place, a suivi un cortège.",
        # an aside that is no adverbial (a clause between the commas) leaves the verb without subject
        "La séance était levée, a dit, le vote ayant eu lieu, le rapport du comité.",
    ],
)
def test_no_inverted_report_where_none_is_written(text):
    found = french_quotes(text)
    assert not any(kind == "indirect" and text.startswith(body) for kind, body, _ in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        # "Pour X, …" opening the sentence: X's view
        (
            "Pour Claire Vasseur, cela s'explique par le match de foot à venir.",
            ("indirect", "cela s'explique par le match de foot à venir", "Claire Vasseur"),
        ),
        # the statement of two sentences the model ran together is the last one's
        (
            "Le brevet a été reporté sur décision du ministre. Les épreuves prévues jeudi ont été repoussées à "
            "lundi, a indiqué lundi 24 juin Claire Vasseur lors d'une conférence de presse.",
            ("indirect", "Les épreuves prévues jeudi ont été repoussées à lundi", "Claire Vasseur"),
        ),
    ],
)
def test_a_source_phrase_or_a_run_together_sentence(text, expected):
    assert expected in french_quotes(text)


@pytest.mark.parametrize(
    "text, absent",
    [
        # "Pour la première fois" names nobody
        (
            "Pour la première fois, le gouvernement a cédé sur les retraites.",
            "le gouvernement a cédé sur les retraites",
        ),
        # a quote after a colon keeps its own cue: the sentence before is no statement of theirs
        (
            "Pour le collectif, la mairie délaisse ses habitants : « Tu négliges tes enfants », écrivaient-ils.",
            "Pour le collectif, la mairie délaisse ses habitants : « Tu négliges tes enfants »",
        ),
    ],
)
def test_no_source_where_none_is_written(text, absent):
    assert all(body != absent for _, body, _ in french_quotes(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # "a-t-on appris auprès de X", "a appris l'AFP de source Y": who informed speaks, past a day and
        # the agency, never "on" nor the agency
        (
            "Trois personnes ont été blessées dans l'incendie, a-t-on appris mercredi auprès du parquet de Marseille.",
            ("indirect", "Trois personnes ont été blessées dans l'incendie", "parquet de Marseille"),
        ),
        (
            "Le parquet de Niort a ouvert une enquête après la diffusion d'une vidéo, a appris, vendredi 23 août, "
            "l'AFP d'une source judiciaire.",
            (
                "indirect",
                "Le parquet de Niort a ouvert une enquête après la diffusion d'une vidéo",
                "une source judiciaire",
            ),
        ),
        (
            "Le suspect a été interpellé dimanche soir, a-t-on appris de sources concordantes.",
            ("indirect", "Le suspect a été interpellé dimanche soir", "sources concordantes"),
        ),
    ],
)
def test_what_the_writer_learned_is_the_informant_s(text, expected):
    assert french_quotes(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # learning something, or learning from nobody named: no statement
        "Il a grandi à Lyon et a appris que son père était malade.",
        "Les élèves ont été accueillis lundi matin, a-t-on appris.",
    ],
)
def test_no_informant_where_none_is_named(text):
    assert french_quotes(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # the channel between the verb and its subject: an agency, a broadcaster, a document, a network
        (
            "Les indicateurs vont continuer à être alimentés jusqu'à la fin de l'année, a précisé à l'AFP "
            "Yves Darnal, chef de division.",
            ("indirect", "Les indicateurs vont continuer à être alimentés jusqu'à la fin de l'année", "Yves Darnal"),
        ),
        (
            "Le stade restera fermé jusqu'à nouvel ordre, a annoncé dans un communiqué la préfecture du Rhône.",
            ("indirect", "Le stade restera fermé jusqu'à nouvel ordre", "la préfecture du Rhône"),
        ),
        (
            "Le maire sortant sera son premier vice-président, a précisé également sur Twitter Cécile Dufour, "
            "adjointe au maire.",
            ("indirect", "Le maire sortant sera son premier vice-président", "Cécile Dufour"),
        ),
        # a subordinate clause opening the sentence is the writer's framing, not the statement
        (
            "Alors que les médecins débattent encore, les dentistes alertent sur les dégâts du tabac, "
            "a ajouté Claire Vasseur.",
            ("indirect", "les dentistes alertent sur les dégâts du tabac", "Claire Vasseur"),
        ),
        # a statement whose own verb is a speech verb, its subject no speaker: the enclitic reports it
        (
            "Des chercheurs de l'institut Rockefeller ont déclaré avoir créé une plateforme capable de repérer "
            "le virus. Leur application prédit l'apparition des symptômes (fièvre, toux, difficultés "
            "respiratoires) jusqu'à trois jours avant et avec 90% d'exactitude, assurent-ils.",
            (
                "indirect",
                "Leur application prédit l'apparition des symptômes (fièvre, toux, difficultés respiratoires) "
                "jusqu'à trois jours avant et avec 90% d'exactitude",
                "Des chercheurs de l'institut Rockefeller",
            ),
        ),
        # "justifier" reports
        (
            "Le vote a été reporté à cause de la crise sanitaire, a justifié mardi Claire Vasseur.",
            ("indirect", "Le vote a été reporté à cause de la crise sanitaire", "Claire Vasseur"),
        ),
    ],
)
def test_an_inverted_report_past_its_channel_or_framing(text, expected):
    assert expected in french_quotes(text)


@pytest.mark.parametrize(
    "text, absent",
    [
        # a preposition with no subject after it: to whom, not who
        ("Le texte sera voté mardi, a expliqué à ses collègues.", "Le texte sera voté mardi"),
        # a bare participle describes: what follows its preposition is no speaker
        (
            "Une enquête sur la mort de l'agent a été ouverte, confiée au Service départemental de la police "
            "judiciaire des Hauts-de-Seine et à l'IGPN.",
            "Une enquête sur la mort de l'agent a été ouverte",
        ),
        # the statement holds its own report by a named person: the enclitic stands for her, and the
        # sentence is not the enclitic's statement
        (
            "Boris Vallaud a parlé hier. Avant lui, Adrien Quatennens avait appelé le gouvernement à « renoncer "
            "à la réforme », a-t-il justifié sur France 2.",
            "Avant lui, Adrien Quatennens avait appelé le gouvernement à « renoncer à la réforme »",
        ),
    ],
)
def test_no_inverted_report_past_a_channel_where_none_is_written(text, absent):
    found = french_quotes(text)
    assert all(not (body == absent and kind == "indirect") for kind, body, _ in found)
    assert all(speaker != "Boris Vallaud" for _, _, speaker in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        # the quote's own cue after it: the quote stays direct, the words between are the writer's
        (
            "« J'ai ma part de responsabilité » durant la crise, a déclaré Paul Morel sur France Inter.",
            [("direct", "J'ai ma part de responsabilité", "Paul Morel")],
        ),
        # a participle after the cue opens the speaker's next statement, not the rest of the first
        (
            "Il s'agit d'examiner \"tous les éléments qui ont amené à ce retard à l'allumage\" en \"janvier, "
            'février, mars", a estimé Paul Morel (LFI), jugeant toutefois que la commission d\'enquête "est '
            'entre les mains de ceux qui ne créeront pas toutes les conditions pour que la lumière soit faite".',
            [
                (
                    "mixed",
                    "Il s'agit d'examiner \"tous les éléments qui ont amené à ce retard à l'allumage\" en \"janvier, "
                    'février, mars"',
                    "Paul Morel",
                ),
                (
                    "mixed",
                    "que la commission d'enquête \"est entre les mains de ceux qui ne créeront pas toutes les "
                    'conditions pour que la lumière soit faite"',
                    "Paul Morel",
                ),
            ],
        ),
    ],
)
def test_quoted_words_around_a_cue_stay_with_their_own_statement(text, expected):
    assert french_quotes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the incise inside the sentence: the statement goes on after its closing comma
        (
            "Claire Vasseur était sur place. Les manifestants étaient membres de l'union locale de la CGT, "
            "a-t-elle précisé, de la CGT-Cheminots ou de SUD-Rail.",
            (
                "indirect",
                "Les manifestants étaient membres de l'union locale de la CGT\nde la CGT-Cheminots ou de SUD-Rail",
                "Claire Vasseur",
            ),
        ),
        # two words before the incise, the verb after it
        (
            "Le suspect, a précisé le parquet de Paris, a été placé en garde à vue mardi soir.",
            ("indirect", "Le suspect\na été placé en garde à vue mardi soir", "le parquet de Paris"),
        ),
        # the speaker's apposition between commas is passed
        (
            "Cette réouverture, a déclaré Paul Morel, maire de Troyes, marque une première étape.",
            ("indirect", "Cette réouverture\nmarque une première étape", "Paul Morel"),
        ),
        # the parser opened a sentence at the incise's comma: that comma still ends the statement
        (
            "Les faits sont graves, a dit Paul Morel, ajoutant qu'il porterait plainte.",
            ("indirect", "Les faits sont graves", "Paul Morel"),
        ),
        # the splitter gave the closing mark of the quote before to this sentence
        (
            '"Ils ont interpellé plusieurs salariés." Les manifestants étaient membres de l\'union locale de la '
            "CGT, a précisé Claire Vasseur.",
            ("indirect", "Les manifestants étaient membres de l'union locale de la CGT", "Claire Vasseur"),
        ),
    ],
)
def test_an_incise_inside_the_sentence_reports_both_sides(text, expected):
    assert expected in french_quotes(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # the rest is the speaker's own words: a relative, a participle, a coordinated clause
        (
            "Le suspect a été interpellé, a déclaré Paul Morel, pour qui l'enquête avance vite.",
            ("indirect", "Le suspect a été interpellé", "Paul Morel"),
        ),
        (
            "Un Japonais est mort dans un hôpital de la ville, a indiqué le ministère japonais, mais il a "
            "précisé qu'il était difficile de dire si sa maladie était due au virus.",
            ("indirect", "Un Japonais est mort dans un hôpital de la ville", "le ministère japonais"),
        ),
        # an apposition after the name ends the sentence: nothing more is the statement
        (
            "Le suspect a été interpellé, a déclaré Paul Morel, maire de Troyes.",
            ("indirect", "Le suspect a été interpellé", "Paul Morel"),
        ),
        # a quote that closes on a full stop ends the statement: the next quote is its own
        (
            "Claire Vasseur a parlé. Ses blessures, a-t-elle détaillé, n'ont pas été provoquées « par trois "
            "inconnus. Ça reste à confirmer. » « Les blessures ont eu lieu dans un cadre festif. »",
            (
                "mixed",
                "Ses blessures\nn'ont pas été provoquées « par trois inconnus. Ça reste à confirmer. »",
                "Claire Vasseur",
            ),
        ),
    ],
)
def test_an_incise_s_statement_stops_where_the_speaker_s_own_words_begin(text, expected):
    assert expected in french_quotes(text)
