"""The rule resolver on hand-built histories: which earlier actor a pronoun takes up."""

import pytest

from voxmap.extract.coref import History, OfficeWritten, RuleResolver, Sighting
from voxmap.extract.descriptions import Described
from voxmap.extract.language import load_rules
from voxmap.extract.mentions import PRONOUN, Mention
from voxmap.records import Actor, Role

RESOLVER = RuleResolver(load_rules("fr"))


def _pronoun(text, gender=None, plural=False, at=500):
    return Mention(at, at + len(text), text, 0, PRONOUN, text.strip("-"), gender=gender, plural=plural)


def _person(name, gender="masculine"):
    return Actor("", name, "person", gender=gender)


def _described(name, human, plural=False):
    return Actor("", name, "anonymous", plural=plural, human=human)


def _history(*actors):
    return History([Sighting(i * 100, actor, True, True) for i, actor in enumerate(actors)])


@pytest.mark.parametrize(
    "earlier, expected",
    [
        # someone comes before a source described by a word that names no one, even a later one
        ((_person("Jorge Bergoglio"), _described("un texte transmis par le Vatican", human=False)), "Jorge Bergoglio"),
        # a described person is someone: the latest one wins
        ((_person("Paul Roche"), _described("un officier israélien", human=True)), "un officier israélien"),
        # with nobody else there, the described source is taken up
        ((_described("un communiqué de la préfecture", human=False),), "un communiqué de la préfecture"),
    ],
)
def test_a_pronoun_takes_up_someone_before_a_described_thing(earlier, expected):
    actor = RESOLVER.resolve(_pronoun("-il", "masculine"), _history(*earlier))
    assert actor is not None and actor.name == expected


def test_they_is_never_a_place():
    collective = Actor("", "Front de libération bordelais", "organization")
    city = Actor("", "Bordeaux", "organization", place=True)
    assert RESOLVER.resolve(_pronoun("-ils", plural=True), _history(collective, city)) is collective
    assert RESOLVER.resolve(_pronoun("-ils", plural=True), _history(city)) is None


def _at(position, actor, acting=True):
    return Sighting(position, actor, acting, False)


def test_an_opening_pronoun_is_the_person_named_right_after_it():
    named = _person("Anne Catelin", "feminine")
    opening = _pronoun("Elle", "feminine", at=0)
    assert RESOLVER.resolve(opening, History([_at(80, named)])) is named
    # someone named before it, or a person of the other gender after it: no looking ahead
    before = _person("Paul Roche")
    assert RESOLVER.resolve(_pronoun("Elle", "feminine", at=50), History([_at(0, before), _at(120, named)])) is None
    assert RESOLVER.resolve(opening, History([_at(80, _person("Paul Roche"))])) is None
    # too far after it
    assert RESOLVER.resolve(opening, History([_at(900, named)])) is None


@pytest.mark.parametrize(
    "text, gender, expected",
    [
        ("cette dernière", "feminine", "Jeanne Blanc"),
        ("ce dernier", "masculine", "Paul Roche"),
    ],
)
def test_the_latter_is_the_last_person_named_of_its_gender(text, gender, expected):
    history = History([_at(0, _person("Paul Roche")), _at(100, _person("Jeanne Blanc", "feminine"), acting=False)])
    latter = Mention(400, 400 + len(text), text, 0, "description", text.split()[-1], gender=gender)
    assert RESOLVER.resolve(latter, history).name == expected


EN_RESOLVER = RuleResolver(load_rules("en"))


def _description(text, head, at=900, words=None, plural=False):
    words = frozenset(words if words is not None else (w for w in text.lower().split()[1:]))
    return Mention(at, at + len(text), text, 0, "description", head, plural=plural, words=words)


@pytest.mark.parametrize(
    "text, expected",
    [
        # the source introduced last, named or not, who acted or spoke; not the last named person
        ("our interlocutor", "a former adviser at the ministry"),
        ("this source", "a former adviser at the ministry"),
        ("the same source", "a former adviser at the ministry"),
    ],
)
def test_a_back_reference_takes_up_the_last_source_introduced(text, expected):
    named = _person("Claire Dumoulin", "feminine")
    adviser = Actor("", "a former adviser at the ministry", "anonymous", human=True)
    history = History([_at(0, named), _at(300, adviser), _at(600, _person("Lyon"), acting=False)])
    assert EN_RESOLVER.resolve(_description(text, text.split()[-1]), history).name == expected


def _with_descriptions(*entries):
    """A history where each (actor, core, words) was seen acting and described in that order."""
    history = History()
    for i, (actor, core, words) in enumerate(entries):
        history.sightings.append(_at(i * 100, actor))
        history.descriptions.append((i * 100, actor, Described(frozenset(core), frozenset(core) | frozenset(words))))
    return history


CASTAGNET = _person("Olivier Castagnet")
ORTIZ = _person("Ramon Ortiz")
VIDAL = _person("Thomas Vidal")


@pytest.mark.parametrize(
    "text, head, words, expected",
    [
        # the head of what was written beside the name, or a word of its kind
        ("the accountant", "accountant", {"accountant"}, "Olivier Castagnet"),
        ("the specialist in public law", "specialist", {"specialist", "public", "law"}, "Pascale Irigoyen"),
        ("the Toledo Democrat", "democrat", {"toledo", "democrat"}, "Ramon Ortiz"),
        # negatives: a body its title names is not the person ("president of the farmers' federation")
        ("the farmers' federation", "federation", {"farmer", "federation"}, None),
        # one shared place is not enough
        ("the Toledo executive", "executive", {"toledo", "executive"}, None),
    ],
)
def test_a_description_finds_the_person_the_article_described_so(text, head, words, expected):
    history = _with_descriptions(
        (CASTAGNET, {"accountant", "chartered"}, {"profession"}),
        (ORTIZ, {"democrat"}, {"toledo", "committee"}),
        (_person("Pascale Irigoyen", "feminine"), {"lecturer"}, {"public", "law", "university", "pau"}),
        (VIDAL, {"president"}, {"departmental", "farmer", "federation"}),
    )
    found = EN_RESOLVER.described(_description(text, head, words=words), history)
    assert (found.name if found else None) == expected


def test_a_plural_or_the_writer_s_own_description_takes_up_no_described_person():
    history = _with_descriptions((_person("Gordon Pike"), {"father", "engineer"}, set()))
    assert EN_RESOLVER.described(_description("the fathers", "father", plural=True), history) is None
    assert EN_RESOLVER.resolve(_description("my father", "father"), history) is None


def _with_role(actor, title, organization=None):
    actor.roles.append(Role(title, organization, None, False, organization))
    return actor


@pytest.mark.parametrize(
    "text, head, plural, expected",
    [
        # a plural description is not the one candidate named or described before, nor a singular one several
        ("les deux candidats ciblés", "candidat", True, None),
        ("le candidat", "candidat", False, "Claire Dumont"),
    ],
)
def test_a_description_takes_up_an_actor_of_its_number(text, head, plural, expected):
    history = _history(_with_role(_person("Claire Dumont", "feminine"), "ancienne candidate écologiste"))
    found = RESOLVER.resolve(_description(text, head, plural=plural), history)
    assert (found.name if found else None) == expected


def test_a_body_described_by_its_kind_is_not_the_person_whose_title_names_it():
    chief = _with_role(_person("Paul Quentin"), "PDG du géant mondial")
    company = Actor("", "Vitalia", "organization")
    history = History([_at(0, company), _at(300, chief)])
    found = RESOLVER.resolve(_description("Le géant des boissons", "géant"), history)
    assert found is None or found.name != "Paul Quentin"
    assert RESOLVER.resolve(_description("le PDG", "pdg"), History([_at(0, chief)])).name == "Paul Quentin"


def _focus_history(between=(), quote_end=200, earlier_title=None, topics=False):
    """A dairy farmer quoted first (her quote ends at `quote_end`); then the narration shows Julien
    Carrère, and `between` others, before the description at 900; `topics`: each the subject of a
    main clause."""
    farmer = _person("Sophie Marchetti", "feminine")
    if earlier_title:
        _with_role(farmer, earlier_title)
    history = History([Sighting(0, farmer, True, True)], quote_ends=[quote_end])
    history.descriptions.append((0, farmer, Described(frozenset({"dairy", "farmer"}), frozenset({"dairy", "farmer"}))))
    history.sightings.append(Sighting(300, _person("Julien Carrère"), True, False, topics))
    history.sightings.extend(Sighting(400 + 50 * i, actor, True, False) for i, actor in enumerate(between))
    return history


@pytest.mark.parametrize(
    "text, head, history, expected",
    [
        # the one person shown since the last quote, before the one described alike three paragraphs back
        ("the goat farmer", "farmer", _focus_history(), "Julien Carrère"),
        ("the young farmer", "farmer", _focus_history(), "Julien Carrère"),
        # not when the narration shows two people, nor when a quote stands between them
        ("the goat farmer", "farmer", _focus_history(between=[_person("Paul Roche")]), "Sophie Marchetti"),
        ("the goat farmer", "farmer", _focus_history(quote_end=500), "Sophie Marchetti"),
        # unless one is what a sentence is about ("In the Beauce, Julien Carrère is less philosophical")
        ("the goat farmer", "farmer", _focus_history(between=[_person("Paul Roche")], topics=True), "Julien Carrère"),
        # nor before someone whose title the head is ("the director": the director named before)
        ("the director", "director", _focus_history(earlier_title="director of the cooperative"), "Sophie Marchetti"),
        # unless the title is of another body than the one written
        (
            "the hospital's director",
            "director",
            _focus_history(earlier_title="agency's director general"),
            "Julien Carrère",
        ),
        # a place is nobody; a plural description is not one person
        (
            "the goat farmer",
            "farmer",
            _focus_history(between=[Actor("", "Beauce", "person", place=True)]),
            "Julien Carrère",
        ),
        ("the goat farmers", "farmer", _focus_history(), None),
        # a relative of the person shown is someone else
        ("his wife", "wife", _focus_history(), None),
    ],
)
def test_a_description_takes_up_the_one_person_shown_since_the_last_quote(text, head, history, expected):
    found = EN_RESOLVER.resolve(_description(text, head, plural=text.endswith("s")), history)
    assert (found.name if found else None) == expected


def test_the_person_in_focus_is_not_one_whose_titles_are_all_others():
    history = _focus_history()
    _with_role(history.sightings[1].actor, "prefect of the Loiret")
    assert EN_RESOLVER.resolve(_description("the goat farmer", "farmer"), history).name == "Sophie Marchetti"


def test_the_person_in_focus_is_not_taken_past_an_office_written_nor_in_another_office():
    mayor = _with_role(_person("François Mareuil"), "maire de Lyon", "Lyon")
    history = History([_at(300, mayor)], quote_ends=[100])
    assert RESOLVER.resolve(_description("le maire de Pau", "maire"), history) is None  # the same office elsewhere
    lemaire = _person("Paul Lemaire")
    history = History([_at(300, lemaire)], quote_ends=[100])
    assert RESOLVER.resolve(_description("le ministre", "ministre"), history) is lemaire
    # "Paul Lemaire a rencontré le ministre de l'Intérieur. Le ministre a appelé…": someone else was written
    history.offices.append(OfficeWritten(400, 430, "le ministre de l'Intérieur", "ministre", True))
    assert RESOLVER.resolve(_description("le ministre", "ministre"), history) is None


def test_a_description_that_names_its_body_is_not_the_person_in_focus():
    delorme = _with_role(_person("Yann Delorme"), "secrétaire général de Force ouvrière", "Force ouvrière")
    ferriere = _with_role(_person("Arnaud Ferrière"), "patron du Medef", "Medef")
    history = History([_at(0, delorme), Sighting(300, ferriere, True, False, True)], quote_ends=[100])
    assert RESOLVER.resolve(_description("le patron de FO", "patron"), history) is delorme
    assert RESOLVER.resolve(_description("le patron", "patron"), history) is ferriere


def test_a_description_of_a_body_finds_the_body_the_article_described_so():
    commission = Actor("", "Care Quality Commission", "organization")
    company = Actor("", "Harbour Care", "organization")
    history = History([_at(0, commission), _at(300, company)])
    history.descriptions.append((0, commission, Described(frozenset({"regulator"}), frozenset({"regulator"}))))
    found = EN_RESOLVER.resolve(_description("the regulator", "regulator"), history)
    assert found is commission
    # a kind the article wrote of no body is not one of them
    assert EN_RESOLVER.described(_description("the inspectorate", "inspectorate"), history) is None


def test_the_network_takes_up_the_body_last_named_when_none_acted_nearby():
    operator = Actor("", "Aqualis", "organization")
    network = Actor("", "Eau publique 64", "organization")
    history = History([_at(0, operator), _at(2000, network, acting=False)])
    assert EN_RESOLVER.resolve(_description("the network", "network", at=2100), history) is network
    # a kind that is no body's anaphor ("the poster") takes up no body
    assert EN_RESOLVER.resolve(_description("the poster", "poster", at=2100), history) is None


def test_a_description_repeating_an_unnamed_source_s_words_is_that_source_over_the_person_in_focus():
    source = _described("Une source judiciaire", human=True)
    history = History([Sighting(0, source, True, True), Sighting(300, _person("Paul Roche"), True, False, True)])
    history.quote_ends.append(100)
    assert RESOLVER.resolve(_description("la source judiciaire", "source"), history) is source
    assert RESOLVER.resolve(_description("le militant", "militant"), history).name == "Paul Roche"


@pytest.mark.parametrize(
    "acting, expected",
    [
        # an unnamed source of no known gender acting last: the woman named after it is "she"
        (_described("A former aide to a member of the committee", human=True), "Lisa Ferrante"),
        # a named person of unknown gender acting last keeps the pronoun; so does one of her gender
        (_person("Aparna Mathur", gender=None), "Aparna Mathur"),
        (_person("Denise Kowalczyk", "feminine"), "Denise Kowalczyk"),
    ],
)
def test_she_goes_to_a_woman_named_after_an_unnamed_source(acting, expected):
    history = History([_at(0, acting), _at(200, _person("Lisa Ferrante", "feminine"), acting=False)])
    assert EN_RESOLVER.resolve(_pronoun("She", "feminine", at=400), history).name == expected


@pytest.mark.parametrize(
    "text, head, expected",
    [
        # a demonstrative points at the person herself ("cette mère de famille"); a possessive or an
        # article names a relative, someone else
        ("cette mère de famille", "mère", "Rachida Nabati"),
        ("sa mère", "mère", None),
        ("la mère de Maëlys", "mère", None),
    ],
)
def test_a_kin_word_names_a_relative_unless_it_points_at_the_person(text, head, expected):
    history = History([_at(0, _person("Rachida Nabati", "feminine"))])
    found = RESOLVER.resolve(_description(text, head), history)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize(
    "resolver, text, head, expected",
    [
        # someone who speaks for another, written with a possessive, is never that other person
        (EN_RESOLVER, "her entourage", "entourage", None),
        (RESOLVER, "son avocat", "avocat", None),
        # with an article or a demonstrative, the description may take up the person acting
        (EN_RESOLVER, "the lawyer", "lawyer", "Nadia Berrada"),
        (RESOLVER, "cet avocat", "avocat", "Nadia Berrada"),
    ],
)
def test_a_possessive_description_of_a_spokesperson_is_someone_else(resolver, text, head, expected):
    history = History([_at(0, _person("Nadia Berrada", "feminine"))])
    found = resolver.resolve(_description(text, head), history)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize(
    "roles, expected",
    [
        # an office written in full is not the person who holds another of its kind, whatever else he holds
        (("président turc", "président"), None),
        # the negatives: the same office, or an office of another kind beside a matching title
        (("président français",), "Kemal Arslan"),
        (("président", "maire de Pau"), "Kemal Arslan"),
    ],
)
def test_an_office_in_full_is_not_a_holder_of_another_office_of_its_kind(roles, expected):
    person = _person("Kemal Arslan")
    for title in roles:
        _with_role(person, title)
    found = RESOLVER.described(_description("Le président français", "président"), History([_at(0, person)]))
    assert (found.name if found else None) == expected


def test_a_general_title_takes_up_the_holder_of_a_narrower_one():
    # "a précisé la procureure de la République de Nanterre Catherine Denis. […] selon la magistrate"
    prosecutor = _with_role(
        _person("Claire Morvan", "feminine"), "procureure de la République de Rennes", "République de Rennes"
    )
    history = History([_at(0, prosecutor), _at(300, _person("Paul Lemaire"))])
    assert RESOLVER.resolve(_description("la magistrate", "magistrate"), history) is prosecutor
    # negative: a title of another kind is not taken up so
    mayor = _with_role(_person("Claire Morvan", "feminine"), "maire de Rennes", "Rennes")
    history = History([_at(0, mayor), _at(300, _person("Paul Lemaire"))])
    assert RESOLVER.resolve(_description("la magistrate", "magistrate"), history) is not mayor
    # negative: one office is not another of the same kind ("le juge" is not the procureure)
    prosecutor = _with_role(_person("Claire Morvan", "feminine"), "procureure de Rennes", "Rennes")
    history = History([_at(0, prosecutor), _at(300, _person("Paul Lemaire"))])
    assert RESOLVER.resolve(_description("le juge", "juge"), history) is not prosecutor
