"""Speakers and their bodies in the shapes the French gold's wrong voices showed (OrangeSum dispatches):
a body written in full taken up by another body of its kind ("le ministère japonais des Affaires
étrangères" read as the ministère de la Santé named before); a body's name the model cut short of the
words its acronym spells ("l'Observatoire pyrénéen du changement climatique (OPCC)"); a party the model
ran into the body a title names ("président Les Républicains de la commission d'enquête sénatoriale");
a body's acronym in brackets between a title and the name ("le porte-parole de l'Organisation
mondiale de la santé (OMS) Tarik Jasarevic").
Each table has its negatives."""

from __future__ import annotations

import pytest
from helpers import french_quote_spans
from helpers import french_speakers as _speakers

import voxmap

pytestmark = pytest.mark.model


def _roles(text: str) -> dict[str, list[str | None]]:
    import voxmap  # the model tier loads the French model only when a test asks for it

    return {a.name: [r.organization for r in a.roles] for a in voxmap.analyze(text, language="fr").actors}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body written with its own domain is not the body of that kind named before
        (
            "Le virus a tué un Français, a annoncé la ministre de la Santé. Un Japonais est également mort, a "
            "indiqué le ministère japonais des Affaires étrangères.",
            ["la ministre de la Santé", "le ministère japonais des Affaires étrangères"],
        ),
        # negative: the same body written again is the one named before
        (
            "Le ministère de la Santé a publié un bilan lundi. Le virus a tué un Japonais, a indiqué le "
            "ministère de la Santé.",
            ["ministère de la Santé"],
        ),
    ],
)
def test_a_body_written_in_full_is_no_other_body_of_its_kind(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the words the acronym spells belong to the name (articles and prepositions give no letter)
        (
            "Les températures pourraient augmenter de 3 degrés, selon l'Observatoire pyrénéen du changement "
            "climatique (OPCC). A l'inverse, les stations sont confiantes.",
            ["Observatoire pyrénéen du changement climatique"],
        ),
        # negative: words whose initials are not the acronym stay out of the name
        (
            "Les températures pourraient augmenter de 3 degrés, selon l'Observatoire pyrénéen cette année "
            "(OPCC). Les stations sont confiantes.",
            ["Observatoire pyrénéen"],
        ),
    ],
)
def test_a_body_s_acronym_completes_the_name_the_model_cut(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "person", "bodies"),
    [
        # a party run into the body the title names: the body presided is the commission
        (
            "Jeudi, Philippe Bas, président Les Républicains de la commission d'enquête sénatoriale, a réclamé "
            'plus de "transparence".',
            "Philippe Bas",
            ["commission d'enquête sénatoriale"],
        ),
        # negative: a body whose first words are no known institution stays whole ("les Amis de la Terre")
        (
            "Jeudi, Philippe Bas, président Les Amis de la commission d'enquête sénatoriale, a réclamé plus de "
            '"transparence".',
            "Philippe Bas",
            ["Amis de la commission d'enquête sénatoriale"],
        ),
    ],
)
def test_a_party_run_into_a_body_is_split_from_it(text, person, bodies):
    assert _roles(text)[person] == bodies


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the body's acronym in brackets between a title and the name: the name is the title's holder
        (
            '"Je ne sais pas", a dit le porte-parole de l\'Organisation mondiale de la santé (OMS) Tarik Jasarevic.',
            ["Tarik Jasarevic"],
        ),
        # negative: a person after a preposition is whom the holder speaks to, no holder
        (
            '"Je ne sais pas", a dit le porte-parole de l\'Organisation mondiale de la santé (OMS) à Tarik Jasarevic.',
            ["le porte-parole de l'Organisation mondiale de la santé"],
        ),
    ],
)
def test_a_body_s_acronym_between_a_title_and_a_name_leaves_the_title_to_the_name(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the parser hangs the name on the fronted phrase and gives the verb no subject
        "Il a réagi après le discours. À gauche, Jean-Luc Mélenchon (LFI), a annoncé qu'il répondrait au "
        'président "le 21 septembre, vrai anniversaire de la République".',
        # "A" for "À", as scraped copy writes it
        "Il a réagi après le discours. A gauche, Jean-Luc Mélenchon, a annoncé qu'il répondrait au président "
        '"le 21 septembre, vrai anniversaire de la République".',
    ],
)
def test_a_name_set_off_before_a_verb_without_subject_speaks(text):
    # the whole reported clause is the statement (not only its quoted words, taken up by "il")
    assert [(kind, name) for kind, name, _ in french_quote_spans(text)] == [("mixed", "Jean-Luc Mélenchon")]


def test_of_people_coordinated_before_a_verb_without_subject_the_first_speaks():
    text = (
        "Interrogés par les enquêteurs, Éric Woerth, trésorier de la campagne présidentielle, et son adjoint "
        "chargé de la distribution des enveloppes, Vincent Talvas, avaient expliqué que l'argent provenait de "
        "dons anonymes."
    )
    assert _speakers(text) == ["Éric Woerth"]


TOSSOLINI = '"Ils réduisent le temps de travail", a expliqué Fabian Tossolini, de la CFDT, au Parisien. '


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a source after the quote, its apposition ending the sentence: the quote is the source's own
        (
            TOSSOLINI + '"C\'est de la poudre de perlimpinpin", selon Cédric Moudjeb, nouveau secrétaire de la '
            "Capa-VTC. Uber a répondu.",
            [
                ("Fabian Tossolini", ["Ils réduisent le temps de travail"]),
                ("Cédric Moudjeb", ["C'est de la poudre de perlimpinpin"]),
            ],
        ),
        # negative: a source opening the next clause is that clause's; the quote is the speaker's before
        (
            TOSSOLINI + '"C\'est de la poudre de perlimpinpin", selon Cédric Moudjeb, la mesure ne change rien.',
            [
                ("Fabian Tossolini", ["Ils réduisent le temps de travail"]),
                ("Fabian Tossolini", ["C'est de la poudre de perlimpinpin"]),
            ],
        ),
    ],
)
def test_a_source_whose_apposition_ends_the_sentence_owns_the_quote_before(text, expected):
    assert [(name, spans) for _, name, spans in french_quote_spans(text)] == expected


DELEVOYE = (
    "Le Premier ministre a chargé le haut-commissaire aux Retraites Jean-Paul Delevoye de rencontrer les "
    'syndicats. "Il y a des solutions pour chacune des professions", assure '
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "haut-commissaire" is a title: the description takes up its holder
        (DELEVOYE + "le haut-commissaire.", ["Jean-Paul Delevoye"]),
        # negative: another title is someone else
        (DELEVOYE + "la sénatrice.", ["la sénatrice"]),
    ],
)
def test_a_high_commissioner_is_the_holder_of_the_title(text, expected):
    assert _speakers(text) == expected


BLANQUER = (
    "Le ministre Jean-Michel Blanquer a précisé que les parents auraient des réponses sur le sujet \"d'ici deux à "
    'trois semaines environ"'
)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # quoted words after a reported clause's own, a comma alone between: one statement
        (BLANQUER + ', "début octobre". Le ministre est parti.', ["mixed"]),
        # negative: a word of the writer's between them ("ajoutant") leaves the second apart
        (BLANQUER + ', ajoutant "début octobre". Le ministre est parti.', ["mixed", "direct"]),
    ],
)
def test_quoted_words_a_comma_joins_to_a_reported_clause_are_one_statement(text, kinds):
    assert [kind for kind, _, _ in french_quote_spans(text)] == kinds


MARTINEZ = (
    "Philippe Martinez, le leader de la CGT, a averti qu'en n'écoutant pas la partie du pays opposée à cette réforme"
)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # reported words with no verb of their own: the quote after the comma completes them
        (MARTINEZ + ', "on joue avec le feu". Le débat continue.', ["mixed"]),
        (
            'Le ministre a précisé, en rappelant qu\'en règle générale, "on ferme une classe à partir de trois cas" de '
            "contamination.",
            ["mixed"],
        ),
        # negatives: a clause with its own verb is a statement, the quote after it another; a word of the
        # writer's between them leaves the quote apart
        (
            "Philippe Martinez a averti qu'en n'écoutant pas la partie du pays, le gouvernement jouait avec le feu, "
            '"personne ne l\'écoute". Le débat continue.',
            ["indirect", "direct"],
        ),
        (MARTINEZ + ', ajoutant "on joue avec le feu". Le débat continue.', ["indirect", "direct"]),
    ],
)
def test_a_that_the_quote_after_it_completes_is_one_statement(text, kinds):
    assert [kind for kind, _, _ in french_quote_spans(text)] == kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause whose speech verb has someone for its subject: the source phrase is the channel
        ("Le ministre a réagi. Selon Le Parisien, le préfet a affirmé que le rappeur n'était pas visé.", ["le préfet"]),
        # or closes it
        (
            "Le maire écologiste de Bordeaux, Pierre Hurmic, a annoncé jeudi qu'il n'y aurait plus de sapin de Noël "
            "dans la ville, selon BFMTV.",
            ["Pierre Hurmic"],
        ),
        # negatives: a clause that reports no one's words is the source's statement; a source phrase between
        # two clauses opens the second only
        ("Le ministre a réagi. Selon Le Parisien, le rappeur n'était pas visé par un attentat.", ["Le Parisien"]),
        (
            "Des commerçants ont plaidé pour cette réouverture, mais d'après le directeur de la veille sanitaire "
            "Guillermo Sequera, elle serait prématurée.",
            ["Guillermo Sequera"],
        ),
    ],
)
def test_selon_a_channel_leaves_a_clause_with_its_own_speaker_to_it(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the relative hangs on a noun that cannot speak: the person named in its phrase speaks
        (
            "Mêmes explications du côté de Karim, également âgé de 27 ans, qui assure qu'il aurait pu décrire le même "
            "quotidien.",
            ["Karim"],
        ),
        (
            "Il a ajouté ces mots, dans la lignée d'Emmanuel Macron qui avait qualifié cette mesure de \"contrainte "
            'raisonnable".',
            ["Emmanuel Macron"],
        ),
        # negatives: a noun that speaks keeps the relative; a person named under a participle is not the
        # relative's
        (
            "La sœur de Karim Benali, qui assure qu'il aurait pu décrire le même quotidien, est partie.",
            ["La sœur de Karim Benali"],
        ),
        (
            'Ils ont supprimé un article introduit par Marine Le Pen, qui entendait "figer" dans la loi '
            "l'organisation des cartes sanitaires.",
            ["un article introduit par Marine Le Pen"],
        ),
    ],
)
def test_a_relative_on_a_noun_that_cannot_speak_is_the_person_named_in_its_phrase(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a body's channel says (sources.toml organization_channels) is the body's
        ("La communication de Michelin a annoncé que les salariés pourront garder leurs pneus.", ["Michelin"]),
        ("Le communiqué de la CGT affirme que la grève continuera.", ["CGT"]),
        # negative: a channel nobody owns stays what it is written
        (
            "Le responsable de la communication a annoncé que les salariés pourront garder leurs pneus.",
            ["Le responsable de la communication"],
        ),
    ],
)
def test_a_body_s_channel_speaks_for_the_body(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "la plupart des X" (sources.toml collective_heads): a group described, anonymous, who speaks
        (
            "La plupart des syndicats en France ont appelé à poursuivre les blocages pendant les vacances.",
            [("La plupart des syndicats en France", "anonymous")],
        ),
        # negative: "la plupart du temps" is when, not who
        (
            "La plupart du temps, le ministre a déclaré que la réforme était juste.",
            [("le ministre", "anonymous")],
        ),
    ],
)
def test_most_of_a_group_is_a_group_described(text, expected):
    quotes = voxmap.analyze(text, language="fr").quotes
    assert [(q.speaker.name, q.speaker.type) for q in quotes] == expected
