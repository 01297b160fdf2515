"""Who speaks where a French sentence names two people: the source of "selon X, Y …", not the subject
of its statement. Shapes of OrangeSum dispatches, names invented; the table has its negatives."""

from __future__ import annotations

import pytest

import voxmap

pytestmark = pytest.mark.model


def _quotes(text: str) -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker.name, q.spans[0].text) for q in voxmap.analyze(text, language="fr").quotes]


@pytest.mark.parametrize(
    "text, speaker, starts",
    [
        # the name after the source's comma is the subject of its statement, not the source's name
        (
            "Selon un ministre, Paul Lenoir était en « état de choc » devant ce plan financé par le déficit.",
            "un ministre",
            "Paul Lenoir était",
        ),
        # negatives: the name set off beside the source's role, or written right after it, is the source
        (
            "Selon sa porte-parole, Marie Dupont, le projet est abandonné depuis mardi.",
            "Marie Dupont",
            "le projet",
        ),
        (
            "Selon le ministre de l'Intérieur Paul Lenoir, la manifestation a réuni 3000 personnes.",
            "Paul Lenoir",
            "la manifestation",
        ),
    ],
)
def test_the_source_of_selon_and_the_subject_of_its_statement(text, speaker, starts):
    ((_, name, span),) = _quotes(text)
    assert (name, span[: len(starts)]) == (speaker, starts)


def test_a_quoted_subheading_run_into_the_text_speaks_for_no_one():
    text = (
        "« On peut tomber un jour sur un récalcitrant », détaille Paul Roux, maire de Brévilly. « Apprendre à "
        "désamorcer un dialogue tendu » Si être maire semble une mission paisible, la réalité est autre."
    )
    quotes = voxmap.analyze(text, language="fr").quotes
    assert [[span.text for span in q.spans] for q in quotes] == [["On peut tomber un jour sur un récalcitrant"]]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a person's word after the verb, whatever its tag, speaks; the outlet after "au" is the channel
        ("« Il veut faire autre chose que de la politique », confie un intime au Parisien.", "un intime"),
        ("« Il veut faire autre chose que de la politique », confie un proche au Parisien.", "un proche"),
        # negatives: a name before its title speaks; a channel written first leaves the name after it
        ("« La science est paralysée », a expliqué Marie Roux, professeure de droit à Lyon.", "Marie Roux"),
        ("« La science est paralysée », a confié au Parisien Paul Roux.", "Paul Roux"),
    ],
)
def test_the_speaker_after_an_inverted_cue_comes_before_its_channel(text, speaker):
    assert _quotes(text)[-1][1] == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        # "lui" before the verb group is whom the speaker answered; the subject follows the verb
        (
            '"On a eu un appel disant \'Je suis Paul Roux\'", raconte une source policière. "Et moi, je suis la '
            "reine d'Angleterre\", lui a alors répondu ironiquement un commissaire de police, sceptique.",
            "un commissaire de police",
        ),
        # the channel's own name after the noun that writes it ("son compte Twitter") is no speaker
        (
            'Marie Roux a dénoncé la lenteur de la réaction. "Pas encore de réaction du président..." a écrit '
            "sur son compte Twitter la députée européenne.",
            "Marie Roux",
        ),
        ("Foodwatch a lancé une pétition. « Il fallait oser », déclare ainsi l'ONG.", "Foodwatch"),
        # negatives: "lui" set off beside a name is that person; a name right after the channel's noun
        # with nothing after it is the speaker
        ("Marie Roux hésite. Paul Roux, lui, estime que « la réforme est juste ».", "Paul Roux"),
        ("« Nous ne lâcherons rien », a déclaré à la radio Paul Roux.", "Paul Roux"),
    ],
)
def test_who_speaks_past_an_object_clitic_and_a_channel(text, speaker):
    assert _quotes(text)[-1][1] == speaker


@pytest.mark.parametrize(
    "text, expected",
    [
        # a participle set off after an inverted cue reports for that cue's speaker, a quote of its own
        (
            "Le trentenaire a laissé trois lettres, \"l'une pour son épouse, une autre pour ses collègues et une "
            "troisième pour sa hiérarchie dans laquelle il fait état des difficultés générales de la police dans la "
            'société actuelle", a ajouté Mme '
            'Denis, précisant que le fonctionnaire n\'avait cependant "pas mis en cause sa hiérarchie".',
            [
                ("mixed", "Mme Denis", "Le trentenaire a laissé trois lettres"),
                ("mixed", "Mme Denis", "que le fonctionnaire n'avait cependant"),
            ],
        ),
        (
            "Le plan « doit être travaillé avec beaucoup d'acteurs », a souligné le Premier ministre Paul Roux, "
            "précisant qu'il « appartient au gouvernement de mettre en place les instruments ».",
            [
                ("mixed", "Paul Roux", "Le plan « doit être"),
                ("mixed", "Paul Roux", "qu'il « appartient"),
            ],
        ),
        # negative: the verb the participle hangs on is the one just before it
        (
            "Paul Roux a salué la décision, estimant que le jugement était « une victoire pour les salariés ».",
            [("mixed", "Paul Roux", "que le jugement était")],
        ),
    ],
)
def test_a_participle_after_an_inverted_cue_reports_for_its_speaker(text, expected):
    found = [(kind, name, span[: len(start)]) for (kind, name, span), (_, _, start) in zip(_quotes(text), expected)]
    assert found == expected and len(_quotes(text)) == len(expected)


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a channel's number completes the outlet's name the model cut ("[France] 3"): a medium, not the country
        ("Son chauffeur a continué son chemin jusqu'au dépôt, a rapporté France 3.", ("France 3", "media")),
        ("Selon France 2, le ministre a démissionné mardi.", ("France 2", "media")),
        # negative: a number that makes no outlet's name
        ("La France a 3 propositions à faire, a dit Paul Roux.", ("Paul Roux", "person")),
    ],
)
def test_a_channel_number_completes_its_outlet(text, speaker):
    quote = voxmap.analyze(text, language="fr").quotes[-1]
    assert (quote.speaker.name, quote.speaker.type) == speaker and quote.speaker.mention.text == speaker[0]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a setting before the one who writes ("Sur Twitter, l'animatrice … écrit :"); the sentence after
        # a quote that ends its own is none of its cue, even where the parser runs the two together
        (
            "Marie Roux, l'animatrice de l'émission Le Grand Quiz sur M6 est tout aussi indignée. Sur Twitter, "
            "l'animatrice, mère de deux enfants écrit : \"Vandaliser un hôpital pour enfant. C'est innommable. Je "
            "suis hors de moi.\" Les actes de vandalisme contre l'hôpital ont aussi été vivement critiqués par la "
            "classe politique.",
            "Marie Roux",
        ),
        # negative: a quote that does not end its sentence takes the cue after it
        ("« Je suis hors de moi », a écrit Marie Roux sur Twitter.", "Marie Roux"),
    ],
)
def test_the_cue_of_a_quote_that_ends_its_sentence_is_before_it(text, speaker):
    assert _quotes(text)[-1][1] == speaker


@pytest.mark.parametrize(
    "text, expected",
    [
        # a clause of speech opened by "comme", set off by commas, vouches for the rest of its sentence
        (
            "Comme le raconte 20 Minutes, c'est la favorite des parieurs qui est arrivée en tête du classement.",
            ("20 Minutes", "c'est la favorite des parieurs qui est arrivée en tête du classement"),
        ),
        (
            "Le chanteur Paul Morin est décédé à l'âge de 73 ans, comme l'a annoncé dimanche 1er juillet le "
            "producteur de l'émission, Jean Lebrun, sur Twitter.",
            ("Jean Lebrun", "Le chanteur Paul Morin est décédé à l'âge de 73 ans"),
        ),
        (
            "Comme le révèle RTL ce mercredi 27 juin, quatre joggeuses ont été attaquées par un adolescent.",
            ("RTL", "quatre joggeuses ont été attaquées par un adolescent"),
        ),
        (
            "Comme l'a dit hier soir le ministre de la Santé, la loi sera votée avant l'été.",
            ("le ministre de la Santé", "la loi sera votée avant l'été"),
        ),
        (
            "Mais, comme l'a rappelé le ministre de l'Intérieur, la loi sera votée avant l'été.",
            ("le ministre de l'Intérieur", "la loi sera votée avant l'été"),
        ),
        # negatives: no one named ("comme dit plus haut", a proverb, "on", the writers), a hope, a promise kept, an aside
        # inside the sentence (it vouches for a part of it only), a verb that says something of its own
        ("Comme dit plus haut, la réforme est difficile à appliquer cette année.", None),
        ("Comme annoncé en mars, le projet de réforme sera abandonné avant l'été.", None),
        (
            "Le gouvernement assure que la maladie touche les cultures en conventionnel, comme l'affirment des "
            "associations écologistes, et non les cultures bio.",
            (
                "Le gouvernement",
                "que la maladie touche les cultures en conventionnel, comme l'affirment des associations écologistes, et non les cultures bio",
            ),
        ),
        ("Comme le dit le proverbe, il ne faut pas vendre la peau de l'ours.", None),
        ("Comme on l'a dit, la réforme est difficile à appliquer cette année.", None),
        ("Comme nous l'avons écrit, la réforme est difficile à appliquer cette année.", None),
        ("Comme il l'espérait, la réforme est passée sans encombre au Sénat.", None),
        ("La piscine municipale a fermé ses portes en juin, comme l'avait promis le maire.", None),
        (
            "La maladie touche plus les cultures en conventionnel, comme l'affirment des associations, en raison "
            "des faibles surfaces en bio.",
            None,
        ),
        ("Il a agi comme le lui a demandé son avocat lors de l'audience.", None),
    ],
)
def test_a_source_clause_opened_by_comme_vouches_for_its_sentence(text, expected):
    quotes = [(q.speaker.name, q.spans[0].text) for q in voxmap.analyze(text, language="fr").quotes]
    assert quotes == ([expected] if expected else [])
