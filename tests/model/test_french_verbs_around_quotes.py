"""Who speaks where the speech verb is not the clause's own finite verb with its subject before it: a
verb set off behind a fronted phrase with its subject after it, a speech infinitive that a preposition
of sequence hangs on another verb, a reflexive verb of another sense, a sentence quoted after a few
words the writer quoted; and quoted words that are the subject of the writer's own verb, no one's words.
Sentence shapes of OrangeSum dispatches; names and bodies are invented. Each table has its negatives."""

from __future__ import annotations

import pytest
from helpers import french_quote_spans, french_quotes

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Des inspecteurs sont venus. Dans ces cages, dénonce L214, « on y voit des lapins blessés par le sol "
            "grillagé ». Une plainte a été déposée.",
            ("direct", "on y voit des lapins blessés par le sol grillagé", "L214"),
        ),
        (
            "Le décret est paru. Ainsi, estime le gouvernement, « les conseils municipaux pourront entrer en "
            "fonction dès juin ». La suite viendra.",
            ("direct", "les conseils municipaux pourront entrer en fonction dès juin", "le gouvernement"),
        ),
    ],
)
def test_the_speaker_after_a_verb_set_off_behind_a_fronted_phrase(text, expected):
    assert expected in french_quotes(text)


@pytest.mark.parametrize(
    "text, not_speaker",
    [
        # a clause of the writer's before the verb: the inverted layouts read it, the outlet vouches for it
        (
            "Un automobiliste risque une peine de prison ferme pour un geste obscène, rapporte Le Parisien "
            "mardi 20 mars. Il est poursuivi.",
            None,
        ),
        # the verb's object after it, not a speaker
        ("Dans son dernier livre, dénonce la présidente, « rien n'a changé ». La suite.", "dernier livre"),
    ],
)
def test_no_other_speaker_than_the_one_after_the_verb(text, not_speaker):
    quotes = french_quote_spans(text)
    assert quotes
    assert all(speaker != not_speaker for _, speaker, _ in quotes)
    assert all(len(spans) == 1 for _, _, spans in quotes)  # "Le Parisien mardi 20 mars" is no span of it


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Le ministre a quitté la salle avant de lancer « nous reviendrons ». La séance a repris.",
            ("direct", "nous reviendrons", "Le ministre"),
        ),
        (
            "Emmanuel Ferrand a pris la parole vendredi pour saluer « l'esprit du 1er-Mai ». La suite.",
            ("direct", "l'esprit du 1er-Mai", "Emmanuel Ferrand"),
        ),
    ],
)
def test_a_speech_infinitive_after_a_preposition_of_sequence_is_its_verb_subject_s(text, expected):
    assert expected in french_quotes(text)


@pytest.mark.parametrize(
    "text",
    [
        # the verb it hangs on is passive: nobody acts, nobody speaks
        "Des tests sont menés pour confirmer que ces rayons sont inoffensifs pour la santé. La suite.",
        # "sans" says the words were not said
        "Le maire a quitté la réunion sans dire un mot sur le budget de la commune. La suite.",
        # "s'assurer que": to make sure, not to assure
        "Le réseau affichera des liens pour s'assurer que les électeurs soient correctement informés. La suite.",
        "Le médecin s'est assuré que les patients ne présentent pas d'effets indésirables. La suite.",
    ],
)
def test_no_statement_from_an_infinitive_that_reports_nothing(text):
    assert french_quotes(text) == []


def test_assurer_without_its_clitic_still_reports():
    assert ("direct", "Tout ira bien", "le ministre") in french_quotes("« Tout ira bien », assure le ministre.")


@pytest.mark.parametrize(
    "text, partial, sentence",
    [
        (
            "« Nous ne sommes pas des énarques », a-t-il fait valoir, reconnaissant une « grande facilité de "
            "parole ». « Le Conseil scientifique est dans son rôle, qui est technique », mais la décision est "
            "politique.",
            "grande facilité de parole",
            "Le Conseil scientifique est dans son rôle, qui est technique",
        ),
    ],
)
def test_a_sentence_quoted_after_a_partial_quote_is_a_quote_of_its_own(text, partial, sentence):
    quotes = french_quote_spans(text)
    assert ("partial", [partial]) in [(kind, spans) for kind, _, spans in quotes]
    assert [sentence] in [spans for _, _, spans in quotes]


@pytest.mark.parametrize(
    "text, quotes",
    [
        # a quotation opened anew after the cue's sentence: a statement of its own, the same speaker's
        # (cues.toml quote_resumes_after_sentence)
        (
            "« Nous gagnerons », a déclaré Anne Royer. « Tous les dépôts seront fermés. »",
            [("Anne Royer", ["Nous gagnerons"]), ("Anne Royer", ["Tous les dépôts seront fermés."])],
        ),
        (
            "« Nous gagnerons. » « Tous les dépôts seront fermés », a déclaré Anne Royer.",
            [("Anne Royer", ["Nous gagnerons."]), ("Anne Royer", ["Tous les dépôts seront fermés"])],
        ),
        (
            "Dans un communiqué, le syndicat a déclaré : « Nous gagnerons. » « Le gouvernement doit céder. »",
            [("le syndicat", ["Nous gagnerons."]), ("le syndicat", ["Le gouvernement doit céder."])],
        ),
        # negatives: one quotation around its incise is one statement; quoted words inside the writer's
        # next sentence go on with the quote before
        (
            "« Nous gagnerons, a déclaré Anne Royer. Tous les dépôts seront fermés. »",
            [("Anne Royer", ["Nous gagnerons", "Tous les dépôts seront fermés."])],
        ),
        (
            "« Nous gagnerons », a déclaré Anne Royer. En revanche, « beaucoup d'inquiétudes » subsistent.",
            [("Anne Royer", ["Nous gagnerons", "beaucoup d'inquiétudes"])],
        ),
    ],
)
def test_a_quotation_opened_after_a_sentence_end_is_a_statement_of_its_own(text, quotes):
    assert [(name, spans) for _, name, spans in french_quote_spans(text)] == quotes


@pytest.mark.parametrize(
    "text, quoted",
    [
        (
            "« Ces groupes sont violents », indique le politologue Simon Leroux. « Sang et honneur » fait "
            "référence au slogan des Jeunesses hitlériennes.",
            "Sang et honneur",
        ),
        ("« La maison du guet » est un best-seller dès sa parution, en 1975.", "La maison du guet"),
    ],
)
def test_a_few_quoted_words_the_writer_s_verb_follows_are_what_the_sentence_is_about(text, quoted):
    assert all(body != quoted for _, body, _ in french_quotes(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # the negatives: a cue after the quoted words, or a full sentence quoted on its own
        (
            "« Nous ne reculerons pas » a promis le ministre. La suite.",
            ("direct", "Nous ne reculerons pas", "le ministre"),
        ),
        (
            "Le ministre est arrivé. « Nous ne reculerons jamais devant la menace. » La suite.",
            ("direct", "Nous ne reculerons jamais devant la menace.", None),
        ),
    ],
)
def test_quoted_words_with_a_cue_or_a_sentence_of_their_own_are_still_quotes(text, expected):
    assert expected in french_quotes(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a quote of several sentences that the writer's subject opens: the parser cuts it from the cue
        (
            "La loi a été adoptée. Le Grenelle « a permis une vraie prise de conscience. Avant lui, 8 % des "
            "gens connaissaient le numéro : c'est désormais 64 % », écrit Mathilde Royer dans un communiqué.",
            (
                "mixed",
                "Le Grenelle « a permis une vraie prise de conscience. Avant lui, 8 % des gens connaissaient le "
                "numéro : c'est désormais 64 % »",
                "Mathilde Royer",
            ),
        ),
        # a determiner alone before the mark: the parser hangs the verb off the quoted noun
        (
            "Les avions ont décollé. Le « signe de notre amitié est que nous volons côte à côte », résume le "
            "général Paul Weber.",
            ("mixed", "Le « signe de notre amitié est que nous volons côte à côte »", "Paul Weber"),
        ),
    ],
)
def test_a_quote_the_writer_s_few_words_open_belongs_to_the_incise_after_it(text, expected):
    assert expected in french_quotes(text)


@pytest.mark.parametrize(
    "text, not_opening",
    [
        # the negatives: a title, a term in a subheading the scraper glued, a list the writer ended
        ("Le scandale a éclaté. Dans « Le Consentement », l'éditrice raconte comment elle a été séduite.", "Dans"),
        (
            "Dans ces cages, dénonce L214, « on y voit des lapins blessés ». Une plainte pour « violation de "
            "domicile » L'association L214 dénonce l'élevage des lapins en cage.",
            "Une plainte",
        ),
        (
            "Elle lève des fonds. Des pétitions, des lettres aux autorités, des contenus éducatifs, etc. « Je "
            "suis déjà activiste. Mais ce n'est plus assez », conclut-elle.",
            "Des pétitions",
        ),
    ],
)
def test_no_mixed_quote_opened_by_a_title_a_term_or_the_writer_s_sentence(text, not_opening):
    assert all(not body.startswith(not_opening) for _, body, _ in french_quotes(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # a verb whose noun-phrase object is a report reports the quoted words that are that object
        (
            "Sous les applaudissements, Yannick Morel a vanté « une dynamique de l'espérance », et Paul Dumas a "
            "affirmé que « le rassemblement ne s'arrêtera pas là ».",
            ("direct", "une dynamique de l'espérance", "Yannick Morel"),
        ),
        (
            "Le ministre a évoqué « un moment difficile pour tous ». La suite.",
            ("direct", "un moment difficile pour tous", "Le ministre"),
        ),
    ],
)
def test_quoted_words_a_report_verb_takes_as_its_object_are_its_subject_s(text, expected):
    assert expected in french_quotes(text)


@pytest.mark.parametrize(
    "text",
    [
        # the negatives: a verb that reports nothing, the quoted words deeper than its object
        "Le ministre a acheté « une maison de rêve » en Bretagne. La suite.",
        "Le ministre a évoqué la colère des « gilets jaunes » dans la région. La suite.",
    ],
)
def test_quoted_words_that_are_no_report_s_object_are_no_quote(text):
    assert french_quotes(text) == []


def test_a_present_participle_of_a_report_verb_quotes_no_object():
    text = "Cet écrit a eu un large écho, en prônant une « écologie intégrale » pour tous. La suite."
    assert french_quotes(text) == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a speech verb phrase in an inverted incise (cues.toml speech_verb_phrases): its subject speaks
        ("« Nous ne céderons pas », a fait savoir le syndicat.", "le syndicat"),
        ("« Nous ne céderons pas », a fait valoir la fédération dans un communiqué.", "la fédération"),
        # (after the writer's relative on the quote's last words, which only a speech verb's incise follows)
        ("« Nous ne céderons pas », qui a fait 30 000 blessés, a fait savoir le syndicat.", "le syndicat"),
        # negative: "faire" with an infinitive of no report
        ("« Nous ne céderons pas », a fait venir le syndicat.", None),
    ],
)
def test_a_speech_verb_phrase_in_an_incise_cues_the_quote(text, speaker):
    assert [name for _, name, _ in french_quote_spans(text)] == [speaker]
