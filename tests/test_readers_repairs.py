"""Repairs a reader makes to scraped text: glued sentences get their space back, mojibake is read back, and nothing else is touched."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voxmap.readers import parse_jsonl
from voxmap.readers.repairs import blank_debris, repair_mojibake, split_glued_sentences

REPAIRED = [
    # a full stop then a capitalised word
    ("a-t-il expliqué.Malgré tout", "a-t-il expliqué. Malgré tout"),
    ("la CGT et FO.L'opération a duré", "la CGT et FO. L'opération a duré"),
    ("sa femme.L’enquête suit son cours", "sa femme. L’enquête suit son cours"),
    ("en 2019.La hausse continue", "en 2019. La hausse continue"),
    ("une question ?Le ministre répond", "une question ? Le ministre répond"),
    ("« prendre soin ».Le débat", "« prendre soin ». Le débat"),
    ("he said on Sunday.The minister", "he said on Sunday. The minister"),
    ("la région des Hauts-de-France.73% des sondés", "la région des Hauts-de-France. 73% des sondés"),
    # a straight quote after the stop: before it when it opens, after it when it closes
    ('"Oui", concède-t-il."Non", dit-elle.', '"Oui", concède-t-il. "Non", dit-elle.'),
    ('Il parle de "fin."Le ministre', 'Il parle de "fin." Le ministre'),
    # a quote closed and glued to the next sentence or quote; a guillemet glued to the next word
    ('"Pas de police parallèle"Concernant sa présence', '"Pas de police parallèle" Concernant sa présence'),
    ('"comme des campagnes""Je ne dis pas"', '"comme des campagnes" "Je ne dis pas"'),
    ("« Non »Le ministre", "« Non » Le ministre"),
    # a list's bullet run into the item before it
    ('d\'ici "quelques semaines".► Enfin, Fabien Roussel', 'd\'ici "quelques semaines".\n► Enfin, Fabien Roussel'),
    ("le 5 décembre.► Pour les Insoumis", "le 5 décembre.\n► Pour les Insoumis"),
    # a straight quote opening after a subheading or caption run into it, where the paragraph's quotes pair
    (
        'serait «irresponsable» par Lopinion.fr"Qui peut comprendre ?", a déclaré',
        'serait «irresponsable» par Lopinion.fr\n"Qui peut comprendre ?", a déclaré',
    ),
    (
        "La réaction de LREM\"Non, il n'y a pas d'appel\", dit-il.",
        "La réaction de LREM\n\"Non, il n'y a pas d'appel\", dit-il.",
    ),
    # an agency's subheading glued between two paragraphs becomes a line of its own
    (
        "pas mal\", s'étonne-t-elle.- Renaissance -Jusqu'à la crise",
        "pas mal\", s'étonne-t-elle.\n- Renaissance -\nJusqu'à la crise",
    ),
    # … also after a space
    (
        "ce week-end dans le Nevada. - \"Placard à balais\" -L'organisation d'un meeting",
        "ce week-end dans le Nevada. \n- \"Placard à balais\" -\nL'organisation d'un meeting",
    ),
    # … or glued to the stop, before a space and the next sentence's capital or quote
    (
        "sans évoquer les manifestations.- Cérémonie en Caroline du Nord - En face, dans",
        "sans évoquer les manifestations.\n- Cérémonie en Caroline du Nord -\n En face, dans",
    ),
    ('de "contradiction".- "Récupération" - En opposant', 'de "contradiction".\n- "Récupération" -\n En opposant'),
    # a subheading run into its paragraph (no stop: it ends a line, so the parser ends its sentence):
    # a one-letter word of the rule files opening the next sentence
    (
        "changement climatique (OPCC).A l'inverse, une quinzaine",
        "changement climatique (OPCC). A l'inverse, une quinzaine",
    ),
    ("fans.À Saint-Paul-de-Vence", "fans. À Saint-Paul-de-Vence"),
    ("he said.I think so", "he said. I think so"),
    # only before a sentence opener of the rule files
    ("des matières dangereusesLe ministre a expliqué", "des matières dangereuses\nLe ministre a expliqué"),
    ("Un album très personnelSa chanson", "Un album très personnel\nSa chanson"),
    ("14,8 milliards de recettesM. Le Maire a dit", "14,8 milliards de recettes\nM. Le Maire a dit"),
    # … or into a sentence opening with a person's name (a first name of the rule files)
    (
        "L214 se réjouit de l'initiativeBrigitte Gothière, présidente",
        "L214 se réjouit de l'initiative\nBrigitte Gothière, présidente",
    ),
    ("propositions retenues sur 149Le chef de l'Etat", "propositions retenues sur 149\nLe chef de l'Etat"),
    # … a first name of a packaged list, after a hyphenated word or a capitalised one ending a name
    (
        "des blessés liés au flash-ballChristian Garcia prend aussi position",
        "des blessés liés au flash-ball\nChristian Garcia prend aussi position",
    ),
    (
        '"Les mensonges" de Ziad TakieddineNicolas Sarkozy a déploré',
        '"Les mensonges" de Ziad Takieddine\nNicolas Sarkozy a déploré',
    ),
    (
        "prêt à amender son projet de loiJean-Michel Blanquer s'est défendu",
        "prêt à amender son projet de loi\nJean-Michel Blanquer s'est défendu",
    ),
    ("La réserve de la ministre de la SantéCela se ferait", "La réserve de la ministre de la Santé\nCela se ferait"),
    # … or a number or a determiner opening the next sentence
    ("toujours engagéTrente-huit nouveaux Français", "toujours engagé\nTrente-huit nouveaux Français"),
    ("les protections individuellesAutre garantie", "les protections individuelles\nAutre garantie"),
    # after a capitalised word, a short opener only before a lower-case word
    (
        "les personnes revenant de ChineLa veille, la ministre",
        "les personnes revenant de Chine\nLa veille, la ministre",
    ),
    ("sans démissionL'ancien ministre", "sans démission\nL'ancien ministre"),
    # a subheading in capitals, before an opener and a lower-case word or a first name
    ("POUR PÉCRESSEUne phrase qualifiée", "POUR PÉCRESSE\nUne phrase qualifiée"),
    ("LA STRATÉGIE DU POURRISSEMENTL'ancien ministre", "LA STRATÉGIE DU POURRISSEMENT\nL'ancien ministre"),
    ("NOUVELLE PIQUE À MACRONManuel Valls a également", "NOUVELLE PIQUE À MACRON\nManuel Valls a également"),
    (
        '"Insuffisant", pour la CFDT-CheminotsPourtant, au sein',
        '"Insuffisant", pour la CFDT-Cheminots\nPourtant, au sein',
    ),
]

UNTOUCHED = [
    "U.S.Army",  # initials
    "le prototype VW ID.R et son pilote",  # a one-letter capital no sentence opens with: a model's name
    "les U.S.A vont",
    "le réseau LinkedIn-Marie Dupont",  # a compound first name's first part glued to a capital: a name
    "M.Dupont",  # an initial before a name
    "voir www.Example.com ou écrire à jean.Dupont@exemple.fr",  # addresses
    "l'iPhone de bioMérieux et eBay, YouTube, LinkedIn",  # brand names with an inner capital
    "le parcoursLeclerc",  # not an opener: a name the scraper may have glued, left as written
    "deLaurentis",
    "la marque DeLaRue et le groupe PepsiCo",  # a short opener inside a name, no word after it
    "le groupe SNCFLe Mans et le club PSGEn Avant",  # capitals before an opener and a capital: a name
    "la norme ISOLe",  # capitals before an opener that ends the text
    "ARTEMontagne Vive",  # no first name after the capitals
    "le rappeur JoeyStarr Dupont, le site YouTube Vincent",  # no first name glued
    "la JeanMarc Ayrault",  # a capitalised word of four letters: a compound first name run together
    "une valeur de 3.5 et 2.Les",  # one digit before the stop
    "la version v2.0 et le fichier x.1",  # not a word's end before the figure
    "le parcours de Mme Dupont et M. Martin",
    "le nouvel iPhone Pro et le site eBay France",  # no first name after the glued word  # an honorific after a space is no glued sentence
    "Il l'a dit. - Paris - Lyon, en train",
    "Il l'a dit.- Paris - lyonnais, en train",  # glued, but no capital after the closing dash's space
    "a dit X. ► Les Verts, Paris•Lyon",  # a bullet after a space, or between two words  # a dash between two words with spaces is no subheading's end
    # a glued quote whose paragraph's quotes do not pair: parity cannot say it opens
    '"Si ça marche ?, dit-il. "Me faire élire, c\'est la preuve"Et l\'option est possible.',
]


@pytest.mark.parametrize(("glued", "repaired"), REPAIRED)
def test_a_glued_sentence_gets_its_space_back(glued, repaired):
    text, inserted = split_glued_sentences(glued)
    assert text == repaired
    assert inserted and all(text[at] in " \n" for at in inserted)
    assert "".join(c for i, c in enumerate(text) if i not in inserted) == glued


@pytest.mark.parametrize("text", UNTOUCHED)
def test_what_is_not_a_glued_sentence_is_left_alone(text):
    assert split_glued_sentences(text) == (text, [])


@given(st.text(alphabet="abcLéÉ.?»\" 'M2-\n", max_size=60))
def test_repairs_only_insert_spaces_at_the_offsets_they_record(text):
    repaired, inserted = split_glued_sentences(text)
    assert all(repaired[at] in " \n" for at in inserted)
    assert "".join(ch for i, ch in enumerate(repaired) if i not in set(inserted)) == text


def test_a_reader_repairs_the_text_it_stores_and_records_where():
    line = json.dumps({"id": "a1", "text": "Il l'a dit.Le ministre a répondu."})
    (article,) = parse_jsonl(line, "news.jsonl")
    assert article.text == "Il l'a dit. Le ministre a répondu."
    assert article.repairs == [11]
    assert article.to_dict()["repairs"] == {"glued_sentences_split_at": [11]}


def test_repairs_cost_linear_time_in_a_text_without_line_breaks():
    # Scraped news loses its paragraphs: counting quote parity from the paragraph's start at every
    # glue point was quadratic (a 1.7 MB text took 74 s). Best of three per size.
    import time

    timings = []
    for count in (10_000, 80_000):
        text = 'Il dit."Non"Le chef. ' * count
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            split_glued_sentences(text)
            runs.append(time.perf_counter() - started)
        timings.append(min(runs))
    assert timings[1] / max(timings[0], 1e-4) < 20, timings  # 8 times the text; quadratic would be 64


SCRIPTS = [
    # (text, the part blanked)
    (
        "Il l'a dit. window.pvp_e1f7 = new Pvp('dmpublic', {idDM: \"x7eof9z\"}, { 'domNode': \"pvp\" });"
        " Le ministre a répondu.",
        "window.pvp_e1f7 = new Pvp('dmpublic', {idDM: \"x7eof9z\"}, { 'domNode': \"pvp\" });",
    ),
    # cut by the scraper: the statement runs to the end of its line
    (
        "a menacé Édouard Philippe. window.pvp_96aa = new Pvp('dmpublic', {idDM: \"x758c48\"}, { 'sequenceUrl'\nSuite.",
        "window.pvp_96aa = new Pvp('dmpublic', {idDM: \"x758c48\"}, { 'sequenceUrl'",
    ),
    ("var player = new Player('x', {\"autoplay\": false", "var player = new Player('x', {\"autoplay\": false"),
]
SIGNATURES = [
    ("a annoncé le gouvernement dimanche.burs-ccd/ber/mba/am/plh/sl", "burs-ccd/ber/mba/am/plh/sl"),
    ('De la volonté politique". so/rh/sp', "so/rh/sp"),
]
NOT_SCRIPTS = [
    "La fenêtre window = new era, a dit le ministre.",  # prose, no call
    "Le document = new Pvp, selon la police.",  # "document" as a French word, no parenthesis
    "Let it be, said the singer; const reminders = new habits, he added.",
    "Il a voté pour/contre la loi et/ou ses articles.",  # a slash in prose, not after the last sentence
    "Le taux est de 3 km/h. Voir le site.",
]


@pytest.mark.parametrize(("text", "script"), SCRIPTS)
def test_a_script_the_scraper_kept_is_blanked_in_place(text, script):
    blanked, ranges = blank_debris(text)
    start = text.index(script)
    assert ranges == [(start, start + len(script))]
    assert len(blanked) == len(text) and blanked[start : start + len(script)].strip() == ""
    assert blanked[:start] == text[:start] and blanked[start + len(script) :] == text[start + len(script) :]


@pytest.mark.parametrize("text", NOT_SCRIPTS)
def test_prose_is_never_blanked(text):
    assert blank_debris(text) == (text, [])


def test_a_reader_blanks_scripts_and_records_where():
    text = "Il a dit \"non\". window.pvp_1 = new Pvp('digiteka', { 'id': 'CNT' });"
    (article,) = parse_jsonl(json.dumps({"id": "a1", "text": text}), "news.jsonl")
    assert article.text == text[:16] + " " * (len(text) - 16)
    assert article.to_dict()["repairs"] == {"blanked": [[16, len(text)]]}


@pytest.mark.parametrize(("text", "signature"), SIGNATURES)
def test_an_agency_signature_ending_a_dispatch_is_blanked(text, signature):
    blanked, ranges = blank_debris(text)
    start = text.index(signature)
    assert ranges == [(start, len(text))] and blanked == text[:start] + " " * len(signature)


# (as it arrived, as it is read) — UTF-8 read as Windows-1252 upstream, as news archives hold it
MOJIBAKE = [
    ("the ambassador, FranÃ§ois Delattre, said", "the ambassador, François Delattre, said"),
    ("CafÃ© crÃ¨me Ã  Paris", "Café crème à Paris"),
    # a later normalisation took the spacing diaeresis and macron apart (PolNeAR's NYT copy)
    ("minister SÃ©golÃ ̈ne Royal, or naÃ ̄vetÃ©", "minister Ségolène Royal, or naïveté"),
    ("it costs Â£100 â€” or â‚¬5", "it costs £100 — or €5"),
]
NO_MOJIBAKE = [
    "Le président a déclaré « non » à Noël, à l'Élysée.",
    "It’s fine — really, said Zoë Brontë for €5.",
    "Ã",  # a lone letter of a language that has it
    "ASCII only, said the minister.",
]


@pytest.mark.parametrize(("broken", "read"), MOJIBAKE)
def test_mojibake_is_read_back(broken, read):
    assert repair_mojibake(broken) == (read, 1)


@pytest.mark.parametrize("text", NO_MOJIBAKE)
def test_text_without_mojibake_is_left_exactly_as_it_came(text):
    assert repair_mojibake(text) == (text, 0)


def test_a_reader_reads_back_mojibake_line_by_line_and_records_it():
    line = json.dumps({"id": "a2", "title": "FranÃ§ois Hollande", "text": "FranÃ§ois Hollande a parlé.\nÃ‰té."})
    (article,) = parse_jsonl(line, "news.jsonl")
    assert (article.title, article.text) == ("François Hollande", "François Hollande a parlé.\nÉté.")
    assert article.to_dict()["repairs"] == {"mojibake_lines_repaired": 2}
