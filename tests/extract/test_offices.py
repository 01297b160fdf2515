"""Whom a role makes its holder speak for: offices whole, places, parties, campaigns, former roles."""

import pytest

from voxmap.extract.language import load_rules
from voxmap.extract.markup import markup_regions, overlaps
from voxmap.extract.media import is_media, outlet_name
from voxmap.extract.mentions import is_junk_name, is_junk_person_name
from voxmap.extract.offices import find_office, institution_of, institution_of_kind, is_former, load_voice_rules

EN, FR = load_voice_rules("en"), load_voice_rules("fr")


@pytest.mark.parametrize(
    "title, organization, place, former, institution",
    [
        ("Secretary of State", None, None, False, "State Department"),
        ("former Secretary of State", None, None, True, None),  # a role that is over makes no voice
        ("then-Secretary of State", None, None, False, None),  # "then-" says it is over, whatever the flag
        ("previous Secretary of State", None, None, False, None),
        ("Missouri Secretary of State", None, "Missouri", False, "Office of the Secretary of State of Missouri"),
        ("Speaker of the House", None, None, False, "House of Representatives"),
        ("House Speaker", None, None, False, "House of Representatives"),
        ("Majority Leader", "Senate", None, False, "Senate"),
        ("governor", "Florida", "Florida", False, "Office of the Governor of Florida"),
        ("former governor", "Florida", "Florida", True, None),
        ("president of the United States", None, "United States", False, "White House"),
        ("Sen.", None, None, False, None),  # a seat is not a voice
        ("Sen.", "Trump", None, False, None),  # nor a misread possessive ("Trump's rival Sen. Marco Rubio")
        ("nominee", "GOP", None, False, "Republican Party"),
        ("Democratic presidential nominee", None, None, False, "Democratic Party"),
        ("Democratic strategist", None, None, False, None),  # a party's adjective without a role in the race
        ("campaign manager", "Trump", None, False, "Trump campaign"),
        ("Trump's campaign manager", "Trump", None, False, "Trump campaign"),
        ("spokesman", "Clinton campaign", None, False, "Clinton campaign"),
        ("press secretary", "the White House", None, False, "White House"),
        ("Pope", None, None, False, "Holy See"),
        ("cardinal", None, None, False, None),
        ("economist", "M.I.T., who is one of the country's foremost specialists", None, False, "M.I.T."),
        ("nominee", "the Republican Party’s", None, False, "Republican Party"),
        ("reporter", "United States", "United States", False, None),  # a place is never a voice
        ("professor", "University of Tours", None, False, "University of Tours"),
        ("historian", None, None, False, None),
    ],
)
def test_english_institutions(title, organization, place, former, institution):
    assert institution_of(title, organization, place, former, EN) == institution


@pytest.mark.parametrize(
    "title, organization, institution",
    [
        ("senior strategist", "Sanders", "Sanders campaign"),  # works for a person: their campaign
        ("spokeswoman", "Trump", "Trump campaign"),
        ("primary rival", "Trump", None),  # a tie to a person is no voice
        ("Republican nominee Donald Trump’s wife", None, None),
    ],
)
def test_roles_tied_to_a_person(title, organization, institution):
    assert institution_of(title, organization, None, False, EN, person=True) == institution


@pytest.mark.parametrize(
    "title, organization, place, institution",
    [
        ("ministre de l'Intérieur", None, None, "ministère de l'Intérieur"),
        ("ministre de l’Intérieur", None, None, "ministère de l'Intérieur"),
        ("garde des Sceaux", None, None, "ministère de la Justice"),
        ("ancien ministre de l'Intérieur", None, None, None),
        ("maire", "Lyon", "Lyon", "mairie de Lyon"),
        ("député", None, None, None),
        ("secrétaire général", "Rempart", None, "Rempart"),
        # a minister speaks for the ministry named after the title, its accents restored
        ("ministre de la Santé", None, None, "ministère de la Santé"),
        ("ministre de l'Economie", None, None, "ministère de l'Économie"),
        ("Ministre de l’Education nationale", None, None, "ministère de l'Éducation nationale"),
        ("ministre déléguée aux Transports", None, None, "ministère des Transports"),
        ("ministre des Affaires étrangères Jean-Yves Le Drian", None, None, "ministère des Affaires étrangères"),
        ("ancienne ministre de la Santé", None, None, None),
        ("élu", "Somme", None, None),  # a seat, like a deputy's: no voice, and never the place
        ("ministre de tutelle", None, None, None),  # no ministry named
        ("ministre", None, None, None),
        ("porte-parole", "ministre de la Santé", None, "ministère de la Santé"),  # the model's "organisation"
        ("ministre", "Education nationale", None, "ministère de l'Éducation nationale"),  # read apart
        ("ministre", "Travail", None, "Travail"),  # "du" or "de la": the name alone does not say
        # a foreign head of state or diplomacy speaks for the institution
        ("président", "Etats-Unis", "Etats-Unis", "Maison-Blanche"),
        ("président", "Fabrique", "Fabrique", "Fabrique"),  # a body the model took for a place: no presidency
        ("président américain", None, None, "Maison-Blanche"),
        ("secrétaire d'Etat américain", None, None, "Département d'État"),
        ("procureur de la République", "Paris", "Paris", "parquet de Paris"),
        # the model cut "procureur de la République de Bordeaux" after the office's word; the link elides
        ("procureur de la République de Bordeaux", None, "République de Bordeaux", "parquet de Bordeaux"),
        ("procureur", None, "République de Bordeaux", "parquet de Bordeaux"),
        ("procureure", None, "République d'Évry", "parquet d'Évry"),
        ("procureur", "Évry", "Évry", "parquet d'Évry"),
        ("procureur", "Paris", "Paris", "parquet de Paris"),  # negative: no office word to pass
        # a kind of body alone is no voice
        ("chef", "département", None, None),
        ("secrétaire", "Etat", None, None),
        # "secrétaire d'Etat" cut between its words by the model
        ("secrétaire", "Etat aux Transports", None, "secrétariat d'État des Transports"),
        ("secrétaire", "Etat chargé du Numérique", None, "secrétariat d'État du Numérique"),
        ("patron", "groupe", None, None),
        ("directrice", "Unité SGP Police", None, "Unité SGP Police"),  # a name that starts like a kind
        ("délégué", "Rempart 93", "Rempart 93", "Rempart 93"),  # a departmental branch the model took for a place
        # agency copy drops the accent on a capital: the office is found all the same
        ("chef de l'Etat", None, None, "Élysée"),
        ("secrétaire d'Etat aux Transports", None, None, "secrétariat d'État des Transports"),
        ("conseiller à la Sécurité nationale", None, None, "Maison-Blanche"),
        # the pope speaks for the Holy See; a bishop or a cardinal for himself
        ("pape", None, None, "Saint-Siège"),
        ("archevêque", None, None, None),
        # one name for a ministry the press shortens
        ("ministre de l'Éducation", None, None, "ministère de l'Éducation nationale"),
        # "à" opens the body's name, written with its accent
        ("secrétaire d'Etat à l'Economie", None, None, "secrétariat d'État de l'Économie"),
        ("ministre déléguée à la Citoyenneté", None, None, "ministère de la Citoyenneté"),
        ("ministre à la Chancellerie", None, None, "ministère de la Justice"),  # the ministry's other name
        # one word between the title and the body: a country's kept, "français" or "chargé" dropped; a
        # word with a hyphen is no such word
        ("ministre allemand des Affaires étrangères", None, None, "ministère allemand des Affaires étrangères"),
        ("ministre français des Affaires étrangères", None, None, "ministère des Affaires étrangères"),
        ("ministre chargée du Logement", None, None, "ministère du Logement"),
        ("ministre lui-même de la Santé", None, None, None),
        ("ministres des Affaires étrangères", None, None, "ministère des Affaires étrangères"),
        # the accent restored on a word that ends with one ("Egalité")
        ("ministre de l'Egalité", None, None, "ministère de l'Égalité"),
        # a ministry's domain written in lower case is named all the same; other lower-case words name none
        ("secrétaire d'État aux transports", "État aux transports", None, "secrétariat d'État des Transports"),
        ("ministre de la santé", None, None, "ministère de la Santé"),
        ("ministre de tutelle", None, None, None),
        ("ministre au micro", None, None, None),
    ],
)
def test_french_institutions(title, organization, place, institution):
    assert institution_of(title, organization, place, False, FR) == institution


@pytest.mark.parametrize(
    "title, organization, written, institution",
    [
        # the model's title and body read apart, the role as written after the holder's name
        (
            "ministre allemand",
            "Affaires étrangères",
            "ministre allemand des Affaires étrangères Heiko Maas",
            "ministère allemand des Affaires étrangères",
        ),
        (
            "secrétaire",
            "Etat à l'Intérieur",
            "secrétaire d'Etat à l'Intérieur Laurent Nuñez",
            "secrétariat d'État de l'Intérieur",
        ),
        # the model's cut "organisation" is no body's name: the role as written tells
        (
            "ministre",
            "ministre de l'",
            "le ministre de l'Éducation Jean-Marc Blanchet",
            "ministère de l'Éducation nationale",
        ),
        # "de l'époque" after the body's name: a role that was, no voice
        ("ministre", "ministre de l'Écologie de l'époque", "ministre de l'Écologie de l'époque, Ségolène Royal", None),
        # a day after the body's name is no part of it
        (
            "ministre",
            "Chancellerie lundi",
            "ministre à la Chancellerie lundi, M. Dupond",
            "ministère de la Justice",
        ),
        # the role as written is longer than the title the model kept: the whole name of the ministry
        (
            "ministre déléguée chargée de l'Egalité entre les femmes",
            None,
            "la ministre déléguée chargée de l'Egalité entre les femmes et les hommes",
            "ministère de l'Égalité entre les femmes et les hommes",
        ),
    ],
)
def test_french_institutions_from_the_role_as_written(title, organization, written, institution):
    assert institution_of(title, organization, None, False, FR, written=written) == institution


@pytest.mark.parametrize(
    "title, former",
    [
        ("ce retraité de La Poste", True),  # a retiree speaks for nobody he worked for
        ("l'ancien ministre", True),
        ("salarié de La Poste", False),
        ("ministre de la Santé", False),
    ],
)
def test_french_roles_that_are_over(title, former):
    assert is_former(title, FR) == former


def test_offices_are_found_whole_and_longest_first():
    text = "Deputy Secretary of State Antony Blinken"
    start, end, phrase = find_office(text, EN)
    assert text[start:end] == "Deputy Secretary of State" and phrase == "deputy secretary of state"
    assert find_office("the state of the union", EN) is None
    assert find_office("Gov. Scott", EN)[2] == "gov."


@pytest.mark.parametrize(
    "text, junk",
    [
        ("Clinton Remarks", True),
        ("Trump Says", True),
        ("De Blasio: Trust Bratton", True),
        ("IOWA POLLS", True),
        ('tweet id="1" author="@x"', True),
        ("anti-Obama", True),
        ("www.example.com", True),
        ("Washington.► Yassine SakkamCe Français", True),  # a scraped page's bullet run into the text
        ("Tuesday", True),  # a date opening a sentence, which the model took for a name
        ("Monday March 3", True),
        ("April", False),  # a month alone may be someone's name
        ("Paul Tuesday", False),
        ("Donald Trump", False),
        ("FBI", False),
        ("Jeff Sessions", False),
        ("Chris Evans", False),
        ("U.S.", False),
        ("J.D. Vance", False),
        ("de Villepin", False),
    ],
)
def test_junk_names(text, junk):
    assert is_junk_name(text, load_rules("en")) is junk


def test_markup_regions_cover_tweets_and_tags_only():
    text = (
        'Trump wrote: <tweet author="realDonaldTrump" id="66">I didn’t suggest a database</tweet>.\n'
        "He said <b>no</b> later. A lone < sign stays text."
    )
    regions = markup_regions(text)
    covered = [text[s:e] for s, e in regions]
    assert covered == ['<tweet author="realDonaldTrump" id="66">I didn’t suggest a database</tweet>', "<b>", "</b>"]
    tweet = text.index("database")
    assert overlaps(regions, tweet, tweet + 8) and not overlaps(regions, 0, 5)
    assert markup_regions("no markup here") == []


def test_link_lines_are_flagged():
    from voxmap.extract.markup import labelled_lines

    text = "Trump spoke.\nREAD MORE: “We will win,” says Trump in Iowa\nWatch: the video\nHe said: “No.”"
    labels = load_rules("en").link_labels
    covered = [text[s:e] for s, e in labelled_lines(text, labels)]
    assert covered == ["READ MORE: “We will win,” says Trump in Iowa", "Watch: the video"]  # not "He said: …"


@pytest.mark.parametrize(
    "name, shown",
    [
        ("Parisien", "Le Parisien"),  # the name cleaner's "Parisien": the outlet as the press writes it
        ("Echos", "Les Echos"),
        ("New York Times", "The New York Times"),
        ("France 3", "France 3"),
        ("France 3 Hauts-de-France", "France 3 Hauts-de-France"),  # an edition: as written
        ("Force ouvrière", "Force ouvrière"),  # no outlet
    ],
)
def test_an_outlet_is_shown_by_its_full_name(name, shown):
    assert outlet_name(name) == shown


@pytest.mark.parametrize(
    "name, media",
    [
        ("la chaîne d'information israélienne", True),  # an outlet described by its kind
        ("le quotidien régional", True),
        ("the newspaper", True),
        ("Le Parisien", True),
        ("the Miami Herald", True),  # a city's daily, whose name the model often tags a place
        ("Orlando Sentinel", True),
        ("Miami", False),
        ("la fédération des chaînes", False),
        ("Force ouvrière", False),
    ],
)
def test_outlets_named_or_described(name, media):
    assert is_media(name) is media


@pytest.mark.parametrize(
    "text, junk",
    [
        ("de la Santé", True),  # an office's complement the model took for a person's name
        ("général de la Santé", True),
        ("de Villepin", False),
        ("Jean de la Fontaine", False),
        ("Somme).Les", True),  # a scrap of glued copy
        ("J.-C. Martin", False),
        ("Mardi", True),  # "Mardi, ils ont…": the day opening the sentence, tagged a name
        ("Avril Lavigne", False),
    ],
)
def test_junk_person_names(text, junk):
    assert is_junk_person_name(text, load_rules("fr")) is junk
    assert not is_junk_name("ministre de l'Agriculture", load_rules("fr"))  # an office the model calls a body


@pytest.mark.parametrize(
    "name, language, shown",
    [
        ("le syndicat Alliance", "fr", "Alliance police nationale"),
        ("Alliance PN", "fr", "Alliance police nationale"),
        ("Alliance 93", "fr", "Alliance police nationale"),  # a departmental branch speaks for its union
        ("Unité-SGP-FO", "fr", "Unité SGP Police"),
        ("Unité SGP Police-FO", "fr", "Unité SGP Police"),
        ("l'Unsa-Police", "fr", "UNSA Police"),
        ("the Alliance", "en", None),  # in English the word names no union
        ("Rempart 93", "fr", None),  # a body the rules do not know
        ("le Sénat français", "fr", "Sénat"),  # one voice, however the corpus's display name reads
        ("Sénat des Etats-Unis", "fr", None),  # another country's senate is not it
    ],
)
def test_institutions_by_the_names_the_press_gives_them(name, language, shown):
    from voxmap.extract.offices import institution_named

    assert institution_named(name, language) == shown


def _seen(*roles):
    """Sightings of one actor per (institution, former)."""
    from voxmap.extract.coref import Sighting
    from voxmap.records import Actor, Role, Span

    evidence = Span(0, 1, "x")
    actors = [
        Actor(f"a{n}", f"P{n}", "person", roles=[Role("t", None, evidence, former, institution)])
        for n, (institution, former) in enumerate(roles)
    ]
    return [Sighting(n, actor, True, False) for n, actor in enumerate(actors)]


@pytest.mark.parametrize(
    "kind, roles, institution",
    [
        ("mairie", [("mairie de Bordeaux", False)], "mairie de Bordeaux"),
        (
            "ministère",
            [("ministère de la Santé", False), ("ministère de l'Intérieur", False)],
            "ministère de l'Intérieur",
        ),
        ("préfecture", [("Préfecture de police", False)], "Préfecture de police"),
        # negatives: a former role, another kind, a word that only starts the same
        ("mairie", [("mairie de Bordeaux", True)], None),
        ("parquet", [("mairie de Bordeaux", False)], None),
        ("mairie", [("mairies de France", False)], None),
    ],
)
def test_a_bare_body_is_the_institution_of_that_kind_last_shown(kind, roles, institution):
    assert institution_of_kind(kind, _seen(*roles)) == institution
