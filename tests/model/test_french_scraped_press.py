"""What scraped French press does to words, read end to end: verbs in the spellings of the 1990 reform,
a body speaking through a person, hyphenated names the model cut, a day or a dash run into a speaker,
the reader addressed. Names and bodies are invented; the shapes are those of OrangeSum dispatches.
Each table has its negatives."""

from __future__ import annotations

import pytest
from helpers import french_quotes

import voxmap

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text, expected",
    [
        # "reconnait" without its circumflex (the model lemmatises it "reconner")
        (
            "Ce n'est « pas une mauvaise idée », reconnait la secrétaire générale de la CFTC Claire Dumont.",
            ("mixed", "Ce n'est « pas une mauvaise idée »", "Claire Dumont"),
        ),
        (
            "Ce n'est « pas une mauvaise idée », reconnaît la secrétaire générale de la CFTC Claire Dumont.",
            ("mixed", "Ce n'est « pas une mauvaise idée »", "Claire Dumont"),
        ),
    ],
)
def test_a_verb_in_either_spelling_reports(text, expected):
    assert expected in french_quotes(text)


def test_a_verb_of_knowing_in_the_new_spelling_reports_nothing():
    assert french_quotes("Le ministre connait bien le dossier des retraites et ses enjeux.") == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "La CGT a précisé, par la voix de son secrétaire général Paul Morel, qu'elle appellerait à la grève.",
            "Paul Morel",
        ),
        ("Le parti a répondu, par la voix de sa porte-parole, que la réforme était injuste.", "sa porte-parole"),
    ],
)
def test_a_body_speaking_through_a_person_gives_the_person(text, speaker):
    assert [s for _, _, s in french_quotes(text)] == [speaker]


@pytest.mark.parametrize(
    "text, name, role",
    [
        # "son" after a body as subject is the body's: the person's role is held there
        (
            "Le Rassemblement national a précisé, par la voix de son vice-président Jordan Vallet, qu'il "
            "retirerait ce système.",
            "Jordan Vallet",
            ("vice-président", "Rassemblement national"),
        ),
        # "leur": the body named just before, never a place, never one named paragraphs before
        (
            "La Virginie a autorisé les restaurants à ouvrir. Si les démocrates ont évoqué la possibilité "
            "d'organiser leur convention en ligne pour investir leur candidat Paul Varden, le président a "
            "rejeté cette idée.",
            "Paul Varden",
            ("candidat", None),
        ),
        (
            "Le Comité national s'est réuni lundi à Houston. Les débats ont duré toute la journée et la "
            "soirée, sans qu'aucune décision ne soit prise sur le calendrier des primaires, ni sur le lieu "
            "de la convention, ni sur le budget de la campagne, ni sur les règles des débats télévisés. Si "
            "les démocrates veulent une convention en ligne pour investir leur candidat Paul Varden, le "
            "président a rejeté cette idée.",
            "Paul Varden",
            ("candidat", None),
        ),
        # negative: "son" after a person as subject is the person's, whatever body was named before
        (
            "Paul Morel a reçu les dirigeants de Renault. Il a précisé, par la voix de son conseiller Pierre "
            "Durand, que rien n'était décidé.",
            "Pierre Durand",
            ("conseiller", None),
        ),
    ],
)
def test_a_possessive_title_is_held_at_the_body_that_is_the_subject(text, name, role):
    actor = next(a for a in voxmap.analyze(text, language="fr").actors if a.name == name)
    assert [(r.title, r.organization) for r in actor.roles] == [role]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a second complement with its own preposition belongs to the office's name
        (
            "« Nous ne céderons pas », a déclaré le ministre de l'Action et des Comptes publics.",
            "le ministre de l'Action et des Comptes publics",
        ),
        # negative: a second person after "et" is not part of the first one's description
        ("« Nous ne céderons pas », ont déclaré le maire de Lyon et son adjoint.", "le maire de Lyon"),
    ],
)
def test_a_description_holds_its_coordinated_complements(text, speaker):
    assert [s for _, _, s in french_quotes(text)] == [speaker]


def test_a_coordinated_complement_stops_at_the_holder_s_name():
    text = "« Nous ne céderons pas », a déclaré le ministre de l'Action et des Comptes publics Gérald Darmanin."
    (quote,) = voxmap.analyze(text, language="fr").quotes
    assert quote.speaker.mention.text == "le ministre de l'Action et des Comptes publics"
    assert quote.speaker.name == "Gérald Darmanin"


def test_through_people_who_are_not_its_spokesman_the_subject_still_speaks():
    # "par la voix des habitants" names no one who holds a role: no spokesman
    quotes = french_quotes("La mairie a indiqué, par la voix des habitants du quartier, que le marché serait fermé.")
    assert all(speaker != "habitants" for _, _, speaker in quotes)


def _spans(text: str) -> list[list[str]]:
    return [[span.text for span in quote.spans] for quote in voxmap.analyze(text, language="fr").quotes]


def test_a_quote_after_the_cue_goes_on_with_the_same_quote():
    assert ["C'est fini", "nous partons demain"] in _spans("« C'est fini », a dit Paul Morel, « nous partons demain ».")


def test_a_quote_in_a_relative_clause_on_the_speaker_is_not_the_same_quote():
    spans = _spans("« C'est intrinsèque », a insisté Yves Marchal, pour qui le régime est « une erreur historique ».")
    assert ["C'est intrinsèque"] in spans
    assert not any("C'est intrinsèque" in quote and len(quote) > 1 for quote in spans)


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the model cut the sentence inside "Météo-France" and made "-" the subject
        (
            "Les pluies cesseront lundi. Météo-France précise que les orages s'affaibliront dans la nuit.",
            "Météo-France",
        ),
        (
            "La secrétaire d'État Agnès Pannier-Runacher a annoncé que les contrôles seraient renforcés.",
            "Agnès Pannier-Runacher",
        ),
        # a day before or after a name is not in it; a weekday in an outlet's name is ("Journal du Dimanche")
        (
            "« On est dans un régime autoritaire », a répété Sophie Marchal. Vendredi Sophie Marchal avait "
            "assuré que « tout était fini ».",
            "Sophie Marchal",
        ),
        # a dash of a list or subheading run into the sentence is not the speaker's
        (
            "Il a répondu aux questions. -Le Premier ministre a affirmé que la réforme serait votée.",
            "Le Premier ministre",
        ),
    ],
)
def test_a_speaker_name_holds_neither_a_cut_nor_a_day_nor_a_dash(text, speaker):
    speakers = {s for _, _, s in french_quotes(text)}
    assert speakers == {speaker}


def test_the_reader_addressed_is_nobody():
    quotes = french_quotes("Saurez-vous reconnaître le vrai du faux parmi ces titres du 1er avril ?")
    assert all(speaker is None or "vous" not in speaker for _, _, speaker in quotes)


def test_an_outlet_with_a_weekday_in_its_name_keeps_it():
    quotes = french_quotes("Le ministre « envisage de démissionner », selon le Journal du Dimanche.")
    assert {s for _, _, s in quotes} == {"Journal du Dimanche"}


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the model tags "France" alone: the party's name goes on in lower case
        (
            "Ce jeudi, la France insoumise a annoncé que son candidat avait fait l'objet d'un signalement.",
            "France insoumise",
        ),
        # negatives: the country, and a name followed by words that make no known body
        ("La France a déclaré mercredi que la Méditerranée ne devait pas être un terrain de jeu.", "France"),
        ("La France entière a appris que le match était annulé, selon Paul Morel.", "Paul Morel"),
    ],
)
def test_a_name_cut_short_of_a_known_body_is_that_body(text, speaker):
    assert {s for _, _, s in french_quotes(text)} == {speaker}


COMPANY = (
    "« Il n'y a pas de place pour le racisme », a dit Paul Quentin, le PDG du géant mondial. Vitalia Group va "
    "revoir ses campagnes publicitaires. Le géant des boissons a précisé que cette pause ne signifiait pas "
    "un boycott."
)


def test_a_body_described_by_its_kind_is_the_body_of_the_headline_not_its_chief():
    analysis = voxmap.analyze(COMPANY, language="fr", title="Racisme : Vitalia Group suspend sa publicité")
    speakers = [(q.speaker.name, q.speaker.type) for q in analysis.quotes]
    assert speakers == [("Paul Quentin", "person"), ("Vitalia Group", "organization")]
    (chief,) = [a for a in analysis.actors if a.name == "Paul Quentin"]
    assert [(r.organization, r.institution) for r in chief.roles] == [("Vitalia Group", "Vitalia Group")]


def test_without_one_body_in_the_headline_a_role_described_by_its_kind_names_none():
    analysis = voxmap.analyze(COMPANY, language="fr", title="Racisme : la publicité suspendue")
    (chief,) = [a for a in analysis.actors if a.name == "Paul Quentin"]
    assert all(r.organization is None for r in chief.roles)
    assert all(q.speaker.name != "Paul Quentin" for q in analysis.quotes[1:])


def test_a_source_for_whom_quoted_words_hold_gives_a_mixed_quote():
    text = (
        "Le plan sera détaillé jeudi, selon une source syndicale, pour qui ces chiffres semblent « cohérents » "
        "avec la baisse de production annoncée."
    )
    quotes = french_quotes(text)
    assert (
        "mixed",
        "ces chiffres semblent « cohérents » avec la baisse de production annoncée",
        "une source syndicale",
    ) in quotes


def test_a_verb_the_lemmatiser_reads_as_a_noun_still_reports():
    # "demande" lemmatised "demande", and the subject a noun the parser made the root
    text = (
        "Claire Dumont est visée par une enquête. L'ancienne candidate écologiste, ralliée à Paul Morel, "
        "demande que son immunité soit levée."
    )
    assert [kind for kind, _, _ in french_quotes(text)] == ["indirect"]
    assert french_quotes("La demande des syndicats a été rejetée par la direction.") == []


def test_a_title_before_a_party_short_name_is_no_role_of_the_party():
    analysis = voxmap.analyze(
        "Paul Morel estime que le candidat Les Républicains (LR) devrait se retirer.", language="fr"
    )
    assert all(not actor.roles for actor in analysis.actors if actor.type == "organization")


@pytest.mark.parametrize(
    "text, speaker",
    [
        # after "!" or "?" French sets no comma before the inverted cue; copy sometimes drops it too
        ("Les contrôles continuent. « Ils vous contrôlent quand même ! » conseille un couple.", "un couple"),
        (
            "\"En 150 ans, cette règle était restée inviolée. Il n'y a eu qu'une exception\" a déclaré Bernd "
            "Baumann, député AfD.",
            "Bernd Baumann",
        ),
        # negative: without the comma, a verb that reports nothing is no cue
        ("Les contrôles continuent. « Ils vous contrôlent quand même ! » passe un couple.", None),
    ],
)
def test_an_inverted_cue_without_its_comma(text, speaker):
    assert [s for _, _, s in french_quotes(text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # "selon laquelle", "pour qui" with no comma: whoever, whichever, not someone's view
        "Le porte-parole s'était fait l'écho d'une théorie selon laquelle l'armée aurait importé le virus en Chine.",
        "Oubliée aussi la menace d'une amende de 135 euros pour qui fait l'aller-retour pour des cigarettes.",
    ],
)
def test_a_relative_after_a_source_word_names_no_source(text):
    assert french_quotes(text) == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the person beside the title, not the party in parentheses
        (
            "Le président (LREM) de l'Assemblée nationale Richard Ferrand a pour sa part estimé qu'il n'était pas "
            "« raisonnable » d'envisager un vote dès la fin juin.",
            "Richard Ferrand",
        ),
        # a surname the tagger took for a verb stays in the name
        (
            "Des annonces sont attendues pour « commencer à rouvrir à partir de juin » selon le ministre de la "
            "Culture Franck Riester.",
            "Franck Riester",
        ),
    ],
)
def test_the_person_a_title_names(text, speaker):
    assert [s for _, _, s in french_quotes(text)] == [speaker]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # an impersonal enclitic: the setting written with it speaks
        (
            "« Ces propos sont inacceptables », a-t-on commenté dans l'entourage du ministre de l'Intérieur.",
            "l'entourage du ministre de l'Intérieur",
        ),
        ("« La situation est complexe », indique-t-on de source policière.", "source policière"),
        # negative: with no setting, nobody
        ("« La situation est complexe », indique-t-on.", None),
    ],
)
def test_an_impersonal_enclitic_speaks_through_its_setting(text, speaker):
    assert [s for _, _, s in french_quotes(text)] == [speaker]


def test_a_platform_the_model_takes_for_a_person_is_a_body():
    text = (
        "Contacté par l'AFP, Facebook a indiqué « étudier activement ce groupe ». La firme de Mark Zuckerberg "
        "assure qu'elle retirera tout contenu contraire à ses règles."
    )
    speakers = {(q.speaker.name, q.speaker.type) for q in voxmap.analyze(text, language="fr").quotes}
    assert ("Facebook", "organization") in speakers and all(
        kind != "person" for name, kind in speakers if name == "Facebook"
    )


@pytest.mark.parametrize(
    "description, speaker",
    [
        ("l'ex-président", "Nicolas Sarkozy"),  # a title that was, with its prefix written against it
        ("l'ancien président", "Nicolas Sarkozy"),
        ("l'ex-épouse", "l'ex-épouse"),  # negative: someone else, a relative who speaks as described
    ],
)
def test_a_former_title_written_with_its_prefix_takes_up_its_holder(description, speaker):
    text = (
        "Nicolas Sarkozy est soupçonné d'avoir accepté de l'argent de la Libye. « Comment peut-on dire que j'ai "
        f"favorisé les intérêts de l'État libyen ? », s'est insurgé {description}."
    )
    assert [s for _, _, s in french_quotes(text)] == [speaker]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # an object pronoun before the inverted cue, which the parser made the subject
        ("Claire Dumont a reçu les syndicats. « Nous ne céderons pas », nous a-t-elle confié.", "Claire Dumont"),
        ("Paul Morel a reçu les délégués. « Rien n'est décidé », leur a-t-il assuré.", "Paul Morel"),
    ],
)
def test_an_inverted_cue_after_an_object_pronoun(text, speaker):
    assert [s for _, _, s in french_quotes(text)] == [speaker]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a name in parentheses after the speaker is not the speaker
        (
            "« Les marques ont le devoir d'aider à construire un écosystème numérique sûr », a expliqué "
            "Unilever (Dove, Knorr...) pour justifier sa décision.",
            "Unilever",
        ),
        # negative: the name beside a title still speaks
        ("« Nous ne céderons pas », a affirmé le ministre de l'Intérieur Gérard Collomb.", "Gérard Collomb"),
    ],
)
def test_a_name_in_parentheses_after_an_inverted_cue_is_not_the_speaker(text, speaker):
    assert [s for _, _, s in french_quotes(text)] == [speaker]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a name quoted in the speaker's apposition is no part of the quote; the next sentence's quote
        # is one of its own
        (
            "Le texte est prêt. « On se désole de ces petites phrases », dit Paul Morel, co-président de "
            "l'association « Les Cent ». « On ne veut pas entrer dans un débat stérile » en attendant l'expertise.",
            [["On se désole de ces petites phrases"], ["On ne veut pas entrer dans un débat stérile"]],
        ),
        # negative: after the cue, a conjunction takes the quote up again ("…, a-t-il dit, et « … »")
        (
            "« Nous avons gagné », a dit Paul Morel, et « nous gagnerons encore » demain.",
            [["Nous avons gagné", "nous gagnerons encore"]],
        ),
    ],
)
def test_a_name_quoted_beside_the_speaker_ends_the_quote(text, expected):
    assert _spans(text) == expected


def _speaker_of(words: str, text: str) -> str | None:
    """The speaker of the quote that holds `words`."""
    quotes = voxmap.analyze(text, language="fr").quotes
    return next(q.speaker.name for q in quotes if any(words in span.text for span in q.spans))


@pytest.mark.parametrize(
    "text, expected",
    [
        # a quote with no cue running into a cued one, a few words between: one cue for both
        (
            "La droite a annoncé qu'elle ne voterait pas le texte. Paul Morel s'en amuse. « Vous savez "
            "pourquoi elle ne vote pas » le texte ? « Parce que ses députés sont partis », a déclaré "
            "Claire Dumont.",
            ("Vous savez pourquoi", "Claire Dumont"),
        ),
        # negatives: a paragraph between, or a sentence of narration, and the quote is the previous speaker's
        (
            "« Nous voterons contre », a déclaré Paul Morel.\n« Le texte est mauvais. »\n« Parce que ses "
            "députés sont partis », a déclaré Claire Dumont.",
            ("Le texte est mauvais", "Paul Morel"),
        ),
        (
            "« Nous voterons contre », a déclaré Paul Morel. Il a quitté la salle. « Le texte est mauvais. » "
            "La séance a ensuite été suspendue pendant de longues heures. « Parce que ses députés sont partis », a déclaré "
            "Claire Dumont.",
            ("Le texte est mauvais", "Paul Morel"),
        ),
    ],
)
def test_a_quote_without_cue_running_into_a_cued_one_is_its_speakers(text, expected):
    words, speaker = expected
    assert _speaker_of(words, text) == speaker


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "« Au final, c'est le gouvernement qui décidera », assume l'entourage de la ministre Claire Dumont.",
            [("direct", "Au final, c'est le gouvernement qui décidera", "l'entourage de la ministre")],
        ),
        ("La ministre Claire Dumont assume ses responsabilités devant les députés.", []),  # no statement
    ],
)
def test_assuming_a_statement_reports_it(text, expected):
    assert french_quotes(text) == expected


@pytest.mark.parametrize(
    "text, speaker",
    [
        # an adverb inside the inverted verb group or after it, a channel "auprès de" before the subject
        ("« Le dossier est vide », a ensuite ajouté son avocat, Paul Morel.", "Paul Morel"),
        ("« Le dossier est vide », a notamment souligné le maire.", "le maire"),
        ("« Le dossier est vide », a ajouté ensuite le maire.", "le maire"),
        ("« Le dossier est vide », a ajouté auprès de l'AFP son avocat, Paul Morel.", "Paul Morel"),
        ("« Le dossier est vide », explique, sous couvert d'anonymat, un officier israélien.", "un officier israélien"),
        # the relative hangs on the last noun of the name's apposition: it is the name's
        (
            "Vendredi c'est Unilever, un des leaders mondiaux de l'agroalimentaire et des cosmétiques, qui a "
            "annoncé qu'il mettait un terme à ses publicités.",
            "Unilever",
        ),
        # negative: a name inside a person's title is not the relative's ("l'avocat de Jean Dupont, qui…")
        (
            "L'avocat de Jean Dupont, qui a assuré que son client était innocent, a quitté la salle.",
            "L'avocat de Jean Dupont",
        ),
        # negative: a verb that is no speech verb takes no adverb before its subject
        (
            "Cet écrit a eu un large écho en prônant une « écologie intégrale », intégrant étroitement les "
            "êtres humains à la nature.",
            None,
        ),
    ],
)
def test_who_speaks_past_adverbs_channels_and_appositions(text, speaker):
    assert [s for _, _, s in french_quotes(text)] == ([speaker] if speaker else [])


@pytest.mark.parametrize(
    "text, expected",
    [
        # a gerund shares the subject of the sentence's main verb, whatever noun the parser hung it on
        (
            "Le ministre Paul Morel a déclenché un tollé en ironisant lundi soir sur « le modèle amish » des "
            "signataires d'une tribune.",
            [("partial", "le modèle amish", "Paul Morel")],
        ),
        # negative: a gerund in a sentence whose root is no verb has no subject to share
        ("Un tollé, en ironisant sur « le modèle amish » des signataires.", []),
    ],
)
def test_a_gerund_speaks_for_the_sentences_subject(text, expected):
    assert french_quotes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "selon X" after a quote's cue is the quote's channel: no second statement made of the cue
        (
            "\"J'ai eu un parcours de conversion\", a raconté le pape à ses visiteurs, dont l'actrice Claire "
            "Dumont, selon un texte transmis par le Vatican.",
            [("direct", "J'ai eu un parcours de conversion", "le pape")],
        ),
        # the one person named holds another title ("l'acteur"): he is not the pope
        (
            "\"J'ai eu un parcours de conversion\", a raconté le pape à ses visiteurs, dont l'acteur Marc "
            "Dumont, selon un texte transmis par le Vatican.",
            [("direct", "J'ai eu un parcours de conversion", "le pape")],
        ),
        # negative: without a quote before it, "selon X" gives X the sentence
        (
            "La réforme sera votée en juin, selon un texte transmis par le Vatican.",
            [("indirect", "La réforme sera votée en juin", "un texte transmis par le Vatican")],
        ),
    ],
)
def test_a_source_after_a_quotes_cue_is_its_channel(text, expected):
    assert french_quotes(text) == expected


def test_a_body_described_by_its_kind_is_no_party_of_the_headline():
    # the negative is the test above: a company the rules do not know is taken up
    text = (
        "« À l'issue du scrutin, Anne Rolland a été élue présidente de l'Union des villes », a indiqué "
        "l'association sur Twitter. Cette victoire de la maire socialiste suit la vague des municipales. Le PS a "
        "salué l'élection."
    )
    analysis = voxmap.analyze(text, language="fr", title="Anne Rolland (PS) l'emporte")
    assert [(q.speaker.name, q.speaker.type) for q in analysis.quotes] == [("l'association", "anonymous")]
