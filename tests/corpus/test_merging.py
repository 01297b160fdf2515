"""The merge decision on names alone (voxmap.corpus.merging): which corpus key a written name takes."""

from collections import Counter

import pytest

from voxmap.corpus.actor_tokens import consulted, contributed
from voxmap.corpus.actors import _article_added, display
from voxmap.corpus.aliases import Aliases
from voxmap.corpus.merging import ORGANIZATION, PERSON, NameKeys, merge_kind, mostly_places

UNION = [
    ("Rempart Police nationale", "organization"),
    ("Rempart", "organization"),
    ("Unité Santé", "organization"),
    ("le syndicat Unité Santé", "organization"),
    ("Marchand Industries", "organization"),
    ("Marchand Logistics", "organization"),
    ("Centre Hospitalier", "organization"),
    ("Solidarité Police Municipale", "organization"),
    ("Vigie Police", "organization"),
    ("Vigie-FO", "organization"),
    ("Paris", "organization"),
    ("Organisation mondiale de la santé", "organization"),
    ("Kremlin-Bicêtre", "organization"),
    ("Médecins-Chefs Unis", "organization"),
    ("SNPC-Cheminots", "organization"),
]


@pytest.mark.parametrize(
    "written, key, rule",
    [
        # A one-word short form that begins exactly one longer name, whether or not its word is a generic head.
        ("Solidarité", "organization:solidarite police municipale", "short form"),
        ("le syndicat Unité Santé", "organization:unite sante", "same name without its kind"),
        ("RPN", "organization:rempart", "acronym"),
        ("OMS", "organization:organisation mondiale de sante", "acronym"),  # its linking words left out
        # One union, its writings: the kind suffix, a branch's number, an affiliation after a hyphen.
        ("Rempart", "organization:rempart", "same name"),
        ("Rempart Police nationale", "organization:rempart", "same name without its kind"),
        ("Rempart PN", "organization:rempart", "same name without its kind"),
        ("Rempart 93", "organization:rempart", "same name without its kind"),
        ("Vigie Police-FO", "organization:vigie", "same name without its kind"),
        ("Vigie-FO", "organization:vigie", "same name without its kind"),
        ("Vigie Police", "organization:vigie", "same name without its kind"),
        # ...but a confederation written apart is part of the name, and a year is no branch.
        ("Union départementale CGT", "organization:union departementale cgt", "same name"),
        ("Paris 2024", "organization:paris 2024", "same name"),
        # Negatives: a short form that begins two names stays apart; a name alone is its own key.
        ("Marchand", "organization:marchand", "same name"),
        # a first word joined by a hyphen is no short form: the Kremlin is not Le Kremlin-Bicêtre
        ("Kremlin", "organization:kremlin", "same name"),
        ("Médecins", "organization:medecins", "same name"),
        ("SNPC", "organization:snpc cheminots", "short form"),  # an acronym's branch
        # an office's place is a complement, not its name: the prefecture is not "Paris"
        ("la préfecture de police de Paris", "organization:prefecture de police de paris", "same name"),
        # a body a place names is not that place ("Paris" is in the table): its kind stays in its key
        ("la région Paris", "organization:region paris", "same name"),
        ("le conseil départemental de Paris", "organization:conseil departemental de paris", "same name"),
        # two bodies sharing a word of their own are two bodies
        ("Association mondiale des zoos", "organization:association mondiale des zoos", "same name"),
        ("Centre Hospitalier", "organization:centre hospitalier", "same name"),
    ],
)
def test_an_organisation_name_takes_its_key(written, key, rule):
    keys = NameKeys(UNION + [(written, "organization")], Aliases())
    assert keys.resolve(written, "organization") == (key, rule)


NAMED_AFTER = [
    ("Trump campaign", "organization"),
    ("Trump University", "organization"),
    ("Sanders campaign", "organization"),
    ("Sanders Institute", "organization"),
]


@pytest.mark.parametrize(
    "people, written, key",
    [
        # a body named after a person the corpus names in full is neither the person nor another body of theirs
        (["Donald Trump"], "Trump campaign", "organization:trump campaign"),
        (["Donald Trump"], "Trump University", "organization:trump university"),
        (["Donald Trump", "Eric Trump"], "Trump's campaign", "organization:trump campaign"),
        # with nobody of that name, the bodies sharing the word are one, as any others
        ([], "Trump University", "organization:trump campaign"),
        (["Bernie Sanders"], "Sanders Institute", "organization:sanders institute"),
        (["Donald Trump"], "Sanders Institute", "organization:sanders campaign"),
    ],
)
def test_a_body_named_after_a_person_keeps_its_whole_name(people, written, key):
    keys = NameKeys(NAMED_AFTER + [(name, "person") for name in people] + [(written, "organization")], Aliases())
    assert keys.resolve(written, "organization")[0] == key


@pytest.mark.parametrize(
    ("name", "added"),
    [
        ("Le ministère de la Transition écologique", True),  # the corpus also writes it without "Le"
        ("ministère de la Transition écologique", False),
        ("Les Républicains", False),  # the article belongs to the name: no writing without it
    ],
)
def test_a_body_is_shown_without_an_article_the_corpus_also_leaves_out(name, added):
    writings = [
        ("Le ministère de la Transition écologique", 5),
        ("ministère de la Transition écologique", 3),
        ("Les Républicains", 4),
    ]
    assert _article_added(name, writings) is added


PLACE_BODIES = [
    ("New York", "organization"),
    ("New York University", "organization"),
    ("New York Police Department", "organization"),
    ("Washington", "organization"),
    ("Washington University", "organization"),
    ("Georgia", "organization"),
    ("Georgia Pacific Industries", "organization"),
    ("Rempart", "organization"),
    ("le syndicat Rempart", "organization"),
]


@pytest.mark.parametrize(
    ("written", "places", "key"),
    [
        # a body named after a place read as one is neither the place nor another body named after it
        ("New York University", {"new york"}, "organization:new york university"),
        ("New York Police Department", {"new york"}, "organization:new york police department"),
        ("New York", {"new york"}, "organization:new york"),
        # nor does the place, written alone, stand for the one body its name begins
        ("Washington", {"washington"}, "organization:washington"),
        ("Washington University", {"washington"}, "organization:washington university"),
        ("Georgia", {"georgia"}, "organization:georgia"),
        # negatives: a core no place has joins its kind's writings; and without places the old rule
        ("le syndicat Rempart", {"new york"}, "organization:rempart"),
        ("New York University", set(), "organization:new york"),
        ("Washington University", set(), "organization:washington"),
        ("Georgia", set(), "organization:georgia pacific industries"),
    ],
)
def test_a_body_named_after_a_place_is_not_the_place(written, places, key):
    assert NameKeys(PLACE_BODIES, Aliases(), frozenset(places)).key(written, "organization") == key


@pytest.mark.parametrize(
    ("counts", "places"),
    [
        ([("New York", 3, 4)], {"new york"}),
        ([("Alliance", 1, 5)], set()),  # one misreading does not make a union a place
        ([("Paris", 1, 2)], set()),  # half is not most
        ([("Paris", 1, 2), ("PARIS", 1, 1)], {"paris"}),  # spellings of one name counted together
    ],
)
def test_a_name_is_a_place_when_most_of_its_mentions_read_it_as_one(counts, places):
    assert mostly_places(counts) == places


def test_a_description_typed_as_a_person_lends_no_surname_to_a_body():
    # "Le patron de l'OMS" (a description the model took for a name) must not make "OMS" a person
    names = [
        ("Le patron de l'OMS", "person"),
        ("OMS", "organization"),
        ("Organisation mondiale de la santé", "organization"),
    ]
    keys = NameKeys(names, Aliases())
    assert keys.key("OMS", "organization") == "organization:organisation mondiale de sante"


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Elysée", "organization:elysee"),  # the Élysée unaccented, not the surname of "Bleu Élysée"
        ("Élysée", "organization:elysee"),
        ("Obama", "person:barack obama"),  # a surname taken once for an organisation: the one person
        # negatives: a body never written alone as a person is no surname of the one glued or misread
        # name that ends with it (OrangeSum: "Bercypar BFMTV", "Homme de l'ONU", "Hervé Marseille")
        ("BFMTV", "organization:bfmtv"),
        ("ONU", "organization:onu"),
        ("Marseille", "organization:marseille"),
        ("Le Parisien", "organization:parisien"),  # an outlet, though "Parisien" was once read as a person
    ],
)
def test_a_one_word_body_is_a_person_only_when_written_alone_as_one_and_no_institution_has_the_name(written, key):
    names = [
        ("Bleu Élysée", "person"),
        ("Barack Obama", "person"),
        ("Obama", "person"),
        ("Bercypar BFMTV", "person"),
        ("Homme de l'ONU", "person"),
        ("Hervé Marseille", "person"),
        ("Léonard LopezCe Parisien", "person"),
        ("Parisien", "person"),
        ("Élysée", "person"),  # the model's misreading does not make the institution a surname
        (written, "organization"),
    ]
    assert NameKeys(names, Aliases()).key(written, "organization") == key


def test_a_surname_written_alone_as_a_person_is_an_index_token():
    # the incremental resolution finds the bodies to decide again when "Obama" first appears alone
    keys = NameKeys([], Aliases())
    assert "p:obama" in contributed(keys, "Obama", "person")
    assert "p:obama" in consulted(keys, "Obama")
    assert not any(token.startswith("p:") for token in contributed(keys, "Barack Obama", "person"))


@pytest.mark.parametrize(
    ("key", "written", "shown"),
    [
        # the article of the sentence that wrote a body is not its name's
        ("organization:parquet de paris", "le parquet de Paris", "parquet de Paris"),
        ("organization:mairie de bordeaux", "La mairie de Bordeaux", "mairie de Bordeaux"),
        ("organization:association des naturistes", "l'association des naturistes", "association des naturistes"),
        # a kind written in lower case before the name is the writer's, not the name's
        ("organization:collectif flbp", "le collectif FLBP", "FLBP"),
        ("organization:syndicat alliance", "le syndicat Alliance", "Alliance"),
        # negatives: a kind with a capital is the name's ("Institut Pasteur"); a common noun after it too
        ("organization:institut pasteur", "Institut Pasteur", "Institut Pasteur"),
        ("organization:mouvement democrate", "Mouvement démocrate", "Mouvement démocrate"),
        # negatives: an article a capital follows is the name's own; a described source keeps its words
        ("organization:republicains", "Les Républicains", "Les Républicains"),
        ("organization:oreal", "L'Oréal", "L'Oréal"),
        ("anonymous:a1:a2", "les autorités", "les autorités"),
    ],
)
def test_a_body_is_shown_without_the_article_of_its_sentence(key, written, shown):
    assert display(key, Aliases(), Counter({written: 2})) == shown


@pytest.mark.parametrize(
    ("key", "counted", "shown"),
    [
        # a short form merged into a longer body: the body's whole name, however often the short one is written
        ("organization:dallas mavericks", {"Dallas": 12, "Dallas Mavericks": 3}, "Dallas Mavericks"),
        # negatives: a body keyed by its short name, and an acronym, are shown as written most
        ("organization:alliance", {"Alliance": 12, "Alliance police nationale": 3}, "Alliance"),
        ("organization:organisation mondiale de la sante", {"OMS": 12, "Organisation mondiale de la santé": 3}, "OMS"),
    ],
)
def test_the_first_word_of_a_body_merged_as_its_short_form_is_not_its_name(key, counted, shown):
    assert display(key, Aliases(), Counter(counted)) == shown


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        # institutions the model reads as people (OrangeSum: "Matignon" 18 quotes, "Bison Futé" 22)
        ("Matignon", ORGANIZATION),
        ("Bison Futé", ORGANIZATION),
        ("l'Élysée", ORGANIZATION),
        ("Facebook", ORGANIZATION),
        # negatives: a person who bears an institution's word in a longer name stays a person
        ("Jean Matignon", PERSON),
        ("Bison", PERSON),
    ],
)
def test_an_institution_taken_for_a_person_is_merged_as_an_organisation(written, kind):
    assert merge_kind("person", written) == kind
