"""Speakers of French dispatches in the shapes two more hand-judged samples of unseen OrangeSum
articles (3,700-4,000 and 1,100-1,400) got wrong: a collective or a reporter taken for the person
named before, a cue the writer runs on without a comma, a body written by its kind, a passive that
measures, a source that hangs on the verb after a quote or opens a relative, the name past what
follows the verb. Each table has its negatives."""

from __future__ import annotations

import pytest
from helpers import french_quote_spans as _quotes
from helpers import french_speakers as _speakers

import voxmap

pytestmark = pytest.mark.model


FIRST = '"Cela fait un mois que je lui dis que ça bouge sur le terrain", a déclaré Brice Hortefeux au Parisien. '


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an entourage is a camp described, never the person who spoke before
        (
            FIRST + '"Ce que nous construisons depuis des mois porte ses fruits", glisse-t-on dans l\'entourage '
            "de Nicolas Sarkozy.",
            ["Brice Hortefeux", "l'entourage de Nicolas Sarkozy"],
        ),
        # negative: a pronoun takes him up
        (
            FIRST + '"Ce que nous construisons depuis des mois porte ses fruits", glisse-t-il encore.',
            ["Brice Hortefeux", "Brice Hortefeux"],
        ),
        # a reporter of an outlet reports on the person named before, and keeps the outlet in his phrase
        (
            "Robert Ménard a assuré que cette liste n'était qu'un \"document de travail\". Deux tiers de ces "
            "propositions ont été amendées, a par la suite précisé le journaliste de l'AFP.",
            ["Robert Ménard", "le journaliste de l'AFP"],
        ),
        # negative: a title of the person named before takes him up
        (
            "Robert Ménard a assuré que cette liste n'était qu'un \"document de travail\". Deux tiers de ces "
            "propositions ont été amendées, a par la suite précisé le maire de Béziers.",
            ["Robert Ménard", "Robert Ménard"],
        ),
        # an outlet after "à" is still the channel, not part of the speaker's phrase
        (
            '"Deux tiers ont été amendées", a précisé la présidente du Rassemblement national à BFMTV.',
            ["la présidente du Rassemblement national"],
        ),
    ],
)
def test_who_reports_beside_the_person_named(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "développer" after a quote reports, with or without the writer's comma
        (
            "Le président du MoDem, François Bayrou, était l'invité de LCP mercredi. \"Tout ce qui se passe "
            "aujourd'hui est le signe que notre pays est mal gouverné depuis plusieurs années\" développe le "
            "leader centriste.",
            [("direct", "François Bayrou")],
        ),
        # negative: an incise is no clause its verb reports, whatever verb comes before
        (
            "La start-up développe une application de covoiturage pour les salariés, a-t-elle annoncé.",
            [("indirect", None)],
        ),
        (
            "La start-up explique une application de covoiturage pour les salariés, a-t-elle annoncé.",
            [("indirect", None)],
        ),
    ],
)
def test_a_cue_run_on_after_the_quote(text, expected):
    assert [(kind, speaker) for kind, speaker, _ in _quotes(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "l'institution", "la haute juridiction": the body named before
        (
            "La Cour des comptes appelle à une participation plus forte des fédérations. L'institution propose "
            "notamment à l'Etat de leur vendre le stade.",
            ["Cour des comptes"],
        ),
        (
            "Le Conseil d'État a rejeté le recours. La haute juridiction estime que \"le tarif n'est pas "
            'discriminatoire".',
            ["Conseil d'État"],
        ),
        # negative: no body named before, the description as written
        (
            "Le ministre a visité une institution pour enfants. \"C'est un lieu exemplaire\", a dit l'institution.",
            ["l'institution"],
        ),
    ],
)
def test_a_body_written_by_its_kind(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passive "évaluer" weighs what is to come: its agent says nothing
        (
            'Mais il a ajouté que "si quelque chose ne marche pas, on va le changer". Et a rappelé que ce '
            'dispositif serait évalué par le Parlement, vraisemblablement à partir de "l\'automne 2019".',
            False,
        ),
        # negative: the active verb reports the figure its subject gives
        ('Le Parlement a évalué le coût de la réforme à "plusieurs milliards d\'euros".', True),
    ],
)
def test_a_passive_that_measures_reports_no_speech(text, expected):
    assert ("Parlement" in _speakers(text)) is expected


@pytest.mark.parametrize(
    ("text", "subject_speaks"),
    [
        # a source on the verb after the quote: the clause's subject is whom they speak of
        (
            'Les gilets jaunes sont en colère. "Enfermé dans son château", Emmanuel Macron mène, selon eux, '
            '"une stratégie du chaos".',
            False,
        ),
        # negative: with no source, the subject after the quote is its speaker
        ('"Enfermé dans son château", Emmanuel Macron mène une stratégie du chaos.', True),
    ],
)
def test_a_source_on_the_verb_after_a_quote(text, subject_speaks):
    assert (_speakers(text)[0] == "Emmanuel Macron") is subject_speaks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "…, selon qui …": the relative clause is the view of the name before the comma, even where the
        # parser hangs "selon qui" on the main verb
        (
            "Il a rencontré Paul Martin, selon qui la réforme serait un échec complet pour le pays.",
            [("indirect", "Paul Martin")],
        ),
        (
            "Il a rencontré Paul Martin, d'après qui la réforme serait un échec complet pour le pays.",
            [("indirect", "Paul Martin")],
        ),
        (
            '"Pour être honnête, nous sommes sous le choc", a déclaré M. Jerebenkov, selon qui Paul Whelan a '
            'réagi avec calme à cette réquisition "très dure".',
            [("direct", "M. Jerebenkov"), ("mixed", "M. Jerebenkov")],
        ),
        # negative: "pour qui" with no comma before is whoever, no one's view
        ("Le texte prévoit une amende pour qui fait l'aller-retour dans la journée.", []),
    ],
)
def test_the_view_of_whom_a_relative_names(text, expected):
    assert [(kind, speaker) for kind, speaker, _ in _quotes(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of a month ends the speaker's phrase like a weekday
        ('"C\'est le moment de franchir un pas décisif", confiait le pape fin mars à un biographe.', ["le pape"]),
        # the name set off by commas after a description is the speaker, conjunct or apposition
        (
            "George Floyd \"n'était rien de moins qu'un ange envoyé sur terre\", a réagi sa petite amie, "
            "Courtney Ross, auprès de CBS News.",
            ["Courtney Ross"],
        ),
        # the person named past the place or channel a preposition opens
        (
            '"On traite le sang avec une technique fiable qu\'on a testée et validée en interne", explique au '
            "milieu des automates Mathilde Bernard, biologiste.",
            ["Mathilde Bernard"],
        ),
        # negatives: the preposition's own object is whom it was said to; a description stays as written
        ('"On traite le sang avec une technique fiable", explique à Paul Martin la directrice.', ["la directrice"]),
        ('"Nous étions très proches", a expliqué son avocat, et Marie Dupont a confirmé.', ["son avocat"]),
    ],
)
def test_the_speaker_past_what_follows_the_verb(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # inside the marks, a participle whose object a verb governs is no incise
        (
            '"Ma renommée était honteuse", lâche Delphine Boël. "J\'ai constamment été traitée comme une sorte '
            "d'ennemie de la monarchie, accusée de vouloir démolir cette institution. J'en ai vraiment souffert\", "
            "poursuit-elle.",
            ["Delphine Boël", "Delphine Boël"],
        ),
        # negative: an incise with its speaker right after the verb
        (
            '"Ma renommée était honteuse", lâche Delphine Boël. "J\'ai constamment été traitée comme une ennemie, '
            "confie Marie Dupont. J'en ai vraiment souffert\".",
            ["Delphine Boël", "Marie Dupont"],
        ),
    ],
)
def test_an_incise_inside_the_marks(text, expected):
    assert _speakers(text) == expected


def test_the_name_after_an_auxiliary_and_its_participle():
    # "», a déclaré M. Jerebenkov, selon qui Paul Whelan a réagi…": the name after the verb group, not the
    # subject of a speech verb further on
    text = (
        'Le parquet a requis "18 ans de camp à régime sévère" à l\'encontre de Paul Whelan, a annoncé aux '
        'journalistes son avocat, Vladimir Jerebenkov. "Pour être honnête, nous sommes sous le choc", a déclaré '
        'M. Jerebenkov, selon qui Paul Whelan a réagi avec calme à cette réquisition "très dure".'
    )
    assert _speakers(text)[1] == "Vladimir Jerebenkov"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "ne … que" alone is "only": no clause reported
        (
            "Deux mois après les législatives, la chancelière et son gouvernement n'assurent actuellement que les "
            "affaires courantes.",
            [],
        ),
        ("Le ministre n'a dit que la vérité sur cette affaire.", []),
        # "pour" and an infinitive open a purpose, not a source
        (
            "Le maire serre la vis. Pour lutter contre le Covid-19, Ferdinand Bernhard a pris un nouvel arrêté "
            "municipal : dès lundi, les habitants ne pourront plus sortir.",
            [],
        ),
        # a speech verb in its middle voice reports no object
        (
            "Entre l'angoisse d'une dangereuse promiscuité, la peur de se signaler et les doutes sur la capacité "
            "des forces de l'ordre à intervenir rapidement, l'inquiétude plane sur les victimes.",
            [],
        ),
        # negatives: another negation still reports; "pour" before a noun is a source, its comma hung on
        # the name by the parser or not
        ("Le ministre n'a pas dit que la réforme était finie.", ["Le ministre"]),
        ("Pour le maire, la réforme est une erreur complète et coûteuse.", ["le maire"]),
        ("Pour Vanessa, samedi restait une journée festive malgré une météo venteuse.", ["Vanessa"]),
    ],
)
def test_what_only_looks_like_a_report(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a gerund the parser hung on a relative clause shares the subject of the antecedent's clause
        (
            "Le président de la République s'est aussi agacé de ceux qui critiquent la gestion de la crise par "
            "l'exécutif, en lançant: \"Je félicite ceux qui avaient prévu la crise une fois qu'elle a eu lieu\".",
            "Le président de la République",
        ),
        # negative: a gerund on the main verb shares its subject
        (
            'Le ministre a répondu aux critiques en lançant: "Je félicite ceux qui avaient prévu la crise".',
            "Le ministre",
        ),
        # a body written by its kind after the body named in full ("le rectorat de l'académie de Créteil")
        (
            "\"Elle a tiré les cheveux de l'élève\", a expliqué le rectorat de l'académie de Créteil. Une enquête "
            'est ouverte, a indiqué le parquet de Meaux. Cette enseignante "a été recrutée fin février", selon le '
            "rectorat.",
            "le rectorat de l'académie de Créteil",
        ),
    ],
)
def test_the_speaker_the_clause_hides(text, expected):
    assert _speakers(text)[-1] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a report in a subordinate clause before the main one ends at that clause's comma, where the
        # parse did not bound it
        (
            'Si à Matignon on reconnaît que "cela a un peu remué" dans la semaine, à l\'Élysée, on a plutôt '
            "tenté d'apaiser la situation.",
            "fr",
            ['que "cela a un peu remué" dans la semaine'],
        ),
        (
            "While a federal judge found that action unconstitutional, his decision was overturned by an appeals "
            "court, and the Supreme Court declined to step into the fray.",
            "en",
            ["that action unconstitutional"],
        ),
        # negatives: a clause after the main one, a report in the main clause: to the full stop
        (
            "Il a profité de ce discours pour rappeler que les forces américaines avaient, sous sa présidence, "
            "tué le chef de l'Etat islamique.",
            "fr",
            ["que les forces américaines avaient, sous sa présidence, tué le chef de l'Etat islamique"],
        ),
        (
            "Le porte-parole de Matignon reconnaît que la réforme a un peu remué dans la semaine, "
            "à l'Élysée comme au gouvernement.",
            "fr",
            ["que la réforme a un peu remué dans la semaine, à l'Élysée comme au gouvernement"],
        ),
    ],
)
def test_a_report_in_a_subordinate_clause_ends_with_it(text, language, expected):
    assert [q.spans[0].text for q in voxmap.analyze(text, language=language).quotes] == expected
