"""Whom a role makes its holder speak for: the role's *institution*, from the title written next to a
name. Offices are written whole ("Secretary of State" is one title, not "Secretary of" at "State")
and belong to institutions through each language's `voices.toml` ("Secretary of State" → State
Department, "Speaker of the House" → House of Representatives, "ministre de l'Intérieur" → ministère
de l'Intérieur); an office written with a place is that place's office ("governor of Florida" →
Office of the Governor of Florida); a party written with a role is the party ("GOP nominee" →
Republican Party); a role in someone's campaign is that campaign ("Trump's campaign manager" → Trump
campaign). A role that is over ("former", "then-", "ancien") and a place alone make no institution.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from itertools import takewhile

from .language import LANGUAGES, _read_tables, load_rules

# A body's departmental branch written after its name ("Alliance 93", "Alliance (93)").
BRANCH_NUMBER = re.compile(r"[\s-]+\(?\d{2,3}\)?$")


@dataclass(frozen=True)
class VoiceRules:
    offices: dict[str, str]  # office phrase -> institution ("" when only a place makes one)
    place_offices: dict[str, str]  # office phrase -> "… {place}" template
    institutions: dict[str, str]  # a name an institution goes by (lower case) -> the name shown
    places: dict[str, str]  # a name a place goes by (lower case) -> the name shown
    party_roles: tuple[str, ...]
    candidacy_prepositions: tuple[str, ...]  # "candidate for", "candidat à": what follows is run for, not held
    campaign_words: frozenset[str]
    campaign_roles: frozenset[str]
    campaign_voice: str
    former_markers: frozenset[str]
    known_place_offices: frozenset[str]  # place offices only for a place the rules list ("président")
    role_bodies: dict[str, str]  # "ministre" -> "ministère": a title whose holder speaks for the body named after it
    restored_accents: dict[str, str]  # "economie" -> "Économie"
    body_prepositions: dict[str, str]  # "aux" -> "des": "ministre aux Transports" -> "ministère des Transports"
    body_complement_prepositions: tuple[str, ...]  # "de", "aux": what opens the body's name after the title
    dropped_qualifiers: frozenset[str]  # "français", "chargé": a word between title and body that names nothing
    lower_case_domains: frozenset[str]  # "transports": a ministry's domain some copy writes in lower case
    elided_link: str  # "de l'": joins a ministry's name read apart back to its title…
    elision_initials: str  # …when the name begins with one of these letters (accents aside)
    linking_words: frozenset[str]  # articles and prepositions ("de", "la", "l'"): not the name of a body
    generic_heads: frozenset[str]  # "groupe", "département", "état": a kind of body, never a voice alone
    first_names: frozenset[str]  # where a holder's name begins after the body's ("de la Santé Olivier Véran")
    time_words: frozenset[str]  # weekdays and months: never part of a body's name
    places_speak: bool  # a place the model names speaks for itself (its model calls many a body a place)

    def phrases(self) -> list[str]:
        """Office phrases, longest first: "deputy secretary of state" before "secretary of state"."""
        return sorted(set(self.offices) | set(self.place_offices), key=lambda p: (-len(p.split()), -len(p)))


@cache
def load_voice_rules(language: str) -> VoiceRules:
    table = _read_tables(language).get("voices", {})
    return VoiceRules(
        offices={phrase.lower(): institution for phrase, institution in table.get("offices", [])},
        place_offices={phrase.lower(): template for phrase, template in table.get("place_offices", [])},
        institutions={alias.lower(): names[0] for names in table.get("institutions", []) for alias in names},
        places={alias.lower(): names[0] for names in table.get("places", []) for alias in names},
        party_roles=tuple(w.lower() for w in table.get("party_roles", [])),
        candidacy_prepositions=tuple(w.lower() for w in table.get("candidacy_prepositions", [])),
        campaign_words=frozenset(w.lower() for w in table.get("campaign_words", [])),
        campaign_roles=frozenset(w.lower() for w in table.get("campaign_roles", [])),
        campaign_voice=table.get("campaign_voice", "{name}"),
        former_markers=load_rules(language).former_markers,  # roles.toml's, one list per language
        known_place_offices=frozenset(w.lower() for w in table.get("known_place_offices", [])),
        role_bodies={title.lower(): body for title, body in table.get("role_bodies", [])},
        restored_accents={word.lower(): shown for word, shown in table.get("restored_accents", [])},
        places_speak=table["places_speak"],
        body_prepositions={title: body for title, body in table.get("body_prepositions", [])},
        body_complement_prepositions=tuple(w.lower() for w in table.get("body_complement_prepositions", [])),
        dropped_qualifiers=frozenset(w.lower() for w in table.get("dropped_qualifiers", [])),
        lower_case_domains=frozenset(unaccented(w.lower()) for w in table.get("lower_case_domains", [])),
        elided_link=table.get("elided_link", ""),
        elision_initials=table.get("elision_initials", ""),
        first_names=frozenset().union(*load_rules(language).gendered_first_names.values()),
        time_words=load_rules(language).time_words,
        generic_heads=frozenset(
            w for w in load_rules(language).organization_heads | set(table.get("generic_bodies", []))
        ),
        linking_words=frozenset(
            w.replace("’", "'") for w in load_rules(language).organization_prepositions | load_rules(language).articles
        ),
    )


def institution_named(name: str, language: str | None = None) -> str | None:
    """The name shown for a known institution written `name` ("le syndicat Alliance", "Unité-SGP-FO"),
    a departmental branch's ("Alliance 93") included, in the article's language when known (a French
    union's short name is a common word in English); None for a name the rules do not know."""
    names = load_voice_rules(language).institutions if language in LANGUAGES else institution_names()
    found = _lookup(names, name)
    if found is None and BRANCH_NUMBER.search(name):
        found = _lookup(names, BRANCH_NUMBER.sub("", name))
    return found


@cache
def institution_names() -> dict[str, str]:
    """Every language's institution names (lower case) -> the name shown, for organisations that speak
    (one table per process: do not change it)."""
    names: dict[str, str] = {}
    for language in LANGUAGES:
        names.update(load_voice_rules(language).institutions)
    return names


def words(text: str) -> list[str]:
    """Lower-case words of a title, apostrophes made straight, dashes and commas apart."""
    return re.sub(r"[,;:()\"“”]|\s[-–—]\s?", " ", text.replace("’", "'").lower()).split()


def find_office(text: str, rules: VoiceRules) -> tuple[int, int, str] | None:
    """(start, end, phrase) of the longest office phrase written in `text` as whole words, or None."""
    lowered = unaccented(text.replace("’", "'").lower())  # agency copy drops accents on capitals ("l'Etat")
    for phrase in rules.phrases():
        match = re.search(rf"(?<![\w.]){re.escape(unaccented(phrase.replace('’', chr(39))))}(?![\w])", lowered)
        if match:
            return match.start(), match.end(), phrase
    return None


def _body_after(phrase: str, written: str, rules: VoiceRules) -> bool:
    """Whether the role as written goes on past an office phrase of a title and its adjective
    ("président français", "premier ministre") with a body's complement ("du groupe Airbus"); an
    office that names its own body ("préfet de police" de Paris) goes on with a place."""
    if any(word in rules.body_complement_prepositions for word in phrase.split()):
        return False
    found = find_office(written, rules)
    rest = written[found[1] :].split() if found is not None and found[2] == phrase else []
    return bool(rest) and rest[0].lower() in rules.body_complement_prepositions


def run_for_at(title: str, rules: VoiceRules) -> int | None:
    """Where what a candidate runs for begins in a title ("candidate for the White House", "candidat
    démocrate à la Maison Blanche": a candidacy word, one word at most, then the preposition), or None."""
    if not rules.candidacy_prepositions:
        return None
    lowered = title.lower()
    roles = "|".join(re.escape(role) for role in rules.party_roles)
    prepositions = "|".join(re.escape(p) for p in rules.candidacy_prepositions)
    match = re.search(rf"(?<![\w-])(?:{roles})(?:\s+[\w-]+)?\s+(?=(?:{prepositions})\s)", lowered)
    return match.end() if match else None


def unaccented(text: str) -> str:
    """The text without accents, character for character (offsets stay those of the text)."""
    return "".join(unicodedata.normalize("NFD", c)[0] for c in text)


def body_of_title(title: str, rules: VoiceRules) -> str | None:
    """The body a title's holder speaks for when the title names it ("ministre de la Santé" →
    "ministère de la Santé", "Ministre de l'Economie" → "ministère de l'Économie"), else None."""
    text = re.sub(r"\s+", " ", title.replace("’", "'")).strip()
    lowered = unaccented(text.lower())  # "secrétaire d'Etat aux Transports"
    prepositions = sorted(rules.body_complement_prepositions, key=len, reverse=True)
    openers = "|".join(re.escape(unaccented(word)) for word in prepositions)
    for role in sorted(rules.role_bodies, key=len, reverse=True):
        # one lower-case word may qualify the title ("ministre allemand des Affaires étrangères")
        match = re.search(
            rf"(?<![\w-]){re.escape(unaccented(role.replace('’', chr(39))))}\s+(?:([a-z]+)\s+)?(?=(?:{openers})\b)",
            lowered,
        )
        if match is None:
            continue
        qualifier = text[match.start(1) : match.end(1)] if match.group(1) else ""
        if qualifier.lower() in rules.dropped_qualifiers:
            qualifier = ""  # "ministre français des Affaires étrangères": the ministère des Affaires étrangères
        complement = text[match.end() :].split(",")[0].strip()
        # "ministre de la Santé Olivier Véran", one entity to the model: the body ends where the name begins
        complement = re.split(r"\s(?=[A-Z][^\W\d_]+\b)", complement)
        complement = " ".join(_until_first_name(complement, rules.first_names))
        # "ministre à la Chancellerie lundi": a day or a month ends the body's name
        complement = " ".join(takewhile(lambda w: w.lower().strip(".,") not in rules.time_words, complement.split()))
        for written, shown in sorted(rules.body_prepositions.items(), key=lambda pair: -len(pair[0])):
            if complement.lower().startswith(written + ("" if written.endswith("'") else " ")):
                complement = shown + complement[len(written) :]
                break
        named = [w for w in re.findall(r"[^\W\d_]+'?", complement) if w.lower() not in rules.linking_words]
        if named and unaccented(named[0].lower()) in rules.lower_case_domains:
            complement = complement.replace(named[0], named[0][0].upper() + named[0][1:], 1)  # "aux transports"
            named[0] = named[0][0].upper() + named[0][1:]
        if not named or not named[0][0].isupper():
            return None  # "ministre de tutelle", "le ministre au micro de…": no ministry named
        shown = re.sub(
            r"\w+",
            lambda word: (
                rules.restored_accents.get(unaccented(word.group(0).lower()), word.group(0))
                if word.group(0)[0].isupper()
                else word.group(0)
            ),
            complement,
        )
        return " ".join(filter(None, (rules.role_bodies[role], qualifier, shown)))
    return None


def _title_cut_in_two(title: str, organization: str, rules: VoiceRules) -> str | None:
    """'secrétaire' + 'Etat aux Transports': the model cut "secrétaire d'Etat" between its words, the
    title's last word opening what it took for the body."""
    first, _, rest = organization.partition(" ")
    for role in rules.role_bodies:
        head, _, last = role.rpartition(" ")
        if head and head == title.lower() and unaccented(last.split("'")[-1]) == unaccented(first.lower()):
            return body_of_title(f"{role} {rest}", rules)
    return None


def _until_first_name(pieces: list[str], first_names: frozenset[str]) -> list[str]:
    kept = [pieces[0]]
    for piece in pieces[1:]:
        first = piece.split()[0].lower()
        if first in first_names or first.split("-")[0] in first_names:  # "Jean-Yves"
            break
        kept.append(piece)
    return kept


def _ministry_of(title: str, organization: str, rules: VoiceRules) -> str | None:
    """A minister's title with the ministry's name read apart ("ministre" / "Education nationale"):
    joined back only where the article is elided ("de l'"), the one case the name alone settles."""
    head = words(title)[-1] if words(title) else ""
    first = unicodedata.normalize("NFKD", organization[:1]).encode("ascii", "ignore").decode().lower()
    opening = organization.split()[0].lower().replace("’", "'")
    if (
        head not in rules.role_bodies
        or not first
        or first not in rules.elision_initials
        or "'" in opening
        or opening in _articles()
    ):
        return None
    return body_of_title(f"{title} {rules.elided_link}{organization}", rules)


def is_known_institution(name: str, rules: VoiceRules) -> bool:
    return _lookup(rules.institutions, name) is not None


def is_former(title: str, rules: VoiceRules) -> bool:
    title_words = [w.split("'")[-1] or w for w in words(title)]  # "l'ancien" is "ancien"
    markers = rules.former_markers
    return any(w in markers or w.rstrip("-") in markers for w in title_words) or any(
        w.split("-", 1)[0] in markers for w in title_words if "-" in w
    )


def bare_name(name: str) -> str:
    """An organisation's name as a lookup key: "the Republican Party’s" -> "republican party"; what
    follows a comma is not the name ("M.I.T., who is one of …")."""
    name = name.split(",")[0].replace("’", "'").strip().lower()
    name = re.sub(r"'s?$", "", name).strip()
    first, _, rest = name.partition(" ")
    if first in _articles():
        return rest
    for article in _articles():  # "l'assemblée nationale"
        if article.endswith("'") and name.startswith(article):
            return name[len(article) :]
    return name


@cache
def _articles() -> frozenset[str]:
    """Every language's definite articles ("the", "le", "l'"), as the rules write them."""
    return frozenset(a.replace("’", "'") for language in LANGUAGES for a in load_rules(language).articles)


def _name_of(organization: str) -> str:
    """An organisation as written, without what follows a comma or a possessive 's."""
    return re.sub(r"['’]s?$", "", organization.split(",")[0].strip())


def _lookup(table: dict[str, str], name: str) -> str | None:
    found = table.get(name.replace("’", "'").lower()) or table.get(bare_name(name))
    first, _, rest = bare_name(name).partition(" ")
    if found is None and rest and first in _organization_heads():
        found = table.get(rest) or table.get(bare_name(rest))  # "parti les Républicains", "syndicat Alliance"
        if found is None:
            found = table.get(_past_qualifiers(name))  # "syndicat policier Alliance"
    return found


# How many lower-case words may qualify a kind of body before its name ("syndicat policier Alliance").
QUALIFIER_WORDS = 2


def _past_qualifiers(name: str) -> str:
    """The name after a kind of body and the lower-case words that qualify it, as a lookup key
    ("syndicat policier Alliance" -> "alliance"); "" where no capitalised name follows them."""
    written = _name_of(name).split()
    if written and written[0].lower() in _articles():
        written = written[1:]
    rest = written[1:]
    qualifiers = 0
    while rest and rest[0].islower() and qualifiers < QUALIFIER_WORDS:
        rest, qualifiers = rest[1:], qualifiers + 1
    return " ".join(rest).lower() if qualifiers and rest and rest[0][:1].isupper() else ""


@cache
def _organization_heads() -> frozenset[str]:
    return frozenset(w for language in LANGUAGES for w in load_rules(language).organization_heads)


def institution_of(
    title: str,
    organization: str | None,
    place: str | None,
    former: bool,
    rules: VoiceRules,
    person: bool = False,
    written: str | None = None,
) -> str | None:
    """The institution a current holder of this role speaks for, or None. `person`: the organisation
    is a person's name ("adviser to Sanders"); `written`: the role as the text writes it, title and
    organisation together ("ministre de l'Education nationale")."""
    if former or is_former(title, rules) or (written and is_former(written, rules)):
        return None  # "ministre de l'Écologie de l'époque": the marker may stand after the body's name
    run_for = [run_for_at(text, rules) for text in (title, written or "")]
    if organization and any(
        at is not None and organization in text[at:] for text, at in zip((title, written or ""), run_for)
    ):
        organization = None  # "candidat démocrate à la Maison Blanche": the White House is what he runs for
    title = title[: run_for[0]] if run_for[0] is not None else title
    written = written[: run_for[1]] if written and run_for[1] is not None else written
    office = find_office(title, rules)
    if (
        office is not None
        and organization
        and rules.offices.get(office[2])
        and _body_after(office[2], written or title, rules)
    ):
        office = None  # "président français du groupe Airbus": the office of the body named after it
    if office is not None:
        phrase = office[2]
        if place and phrase in rules.known_place_offices and _lookup(rules.places, place) is None:
            place = None  # "président de la fondation la Fabrique", the model's place: no presidency
        if place and phrase in rules.place_offices:
            place = _place_past_longer_office(phrase, place, rules)
            shown = _lookup(rules.places, place) or place
            # "president" of the United States is an office of its own ("White House")
            named = next(
                filter(
                    None,
                    (
                        rules.offices.get(f"{phrase} {link} {shown.lower()}")
                        for link in ("of", "of the", *sorted(rules.linking_words))
                    ),
                ),
                None,
            ) or rules.offices.get(f"{place.lower()} {phrase}")
            return named or _elided(rules.place_offices[phrase].format(place=shown), shown, rules)
        if rules.offices.get(phrase):
            return rules.offices[phrase]
        if phrase not in rules.place_offices:
            return None  # a seat ("Sen.", "député") speaks for no one but its holder
    if written and organization and organization[:1].isupper() and organization in written:  # not the name after
        written = written[: written.index(organization) + len(organization)]
    body = body_of_title(title, rules)
    in_full = body_of_title(written, rules) if written else None
    if in_full and (body is None or in_full.startswith(body)):
        body = in_full  # "ministre chargée de l'Égalité entre les femmes" + "et les hommes"
    if body is None and organization:
        body = _title_cut_in_two(title, organization, rules)
    if body is not None:
        return _lookup(rules.institutions, body) or body  # "ministère de l'Éducation" has a full name
    title_words = words(title)
    works_for = bool(rules.campaign_roles & {w.strip(".") for w in title_words[-1:]})
    if person and not works_for:
        return None  # "Donald Trump’s wife", "Trump's GOP primary rival": a tie to a person, not a voice
    party = next(filter(None, (_lookup(rules.institutions, w) for w in title_words)), None)
    if party and any(role in " ".join(title_words) for role in rules.party_roles):
        return party  # "Democratic presidential nominee"
    branch = bool(organization) and BRANCH_NUMBER.search(organization) is not None  # "Rempart 93"
    if not organization or (organization == place and not branch) or _lookup(rules.places, organization):
        return None  # a place is never a voice (a body's departmental branch is no place)
    known = _lookup(rules.institutions, organization) or (
        branch and _lookup(rules.institutions, BRANCH_NUMBER.sub("", organization))
    )
    if known:
        return known  # "délégué d'Alliance 93": the union, the branch a detail of the role
    ministry = _ministry_of(title, organization, rules)
    if ministry:
        return (
            _lookup(rules.institutions, ministry) or ministry
        )  # "ministre" with "Education nationale": the ministère de l'Éducation nationale
    if bare_name(organization) in rules.generic_heads:
        return None  # "chef du département", "patron du groupe": a kind of body, not one body
    office_named = body_of_title(organization, rules)
    if office_named:
        return office_named  # "ministre de la Santé" taken for the organisation: its ministry
    name = _name_of(organization)
    if rules.campaign_words & set(words(name)):
        return name  # "the Clinton campaign"
    if person or rules.campaign_words & set(title_words):
        return rules.campaign_voice.format(name=name)  # "adviser to Sanders", "Trump's campaign manager"
    return name or None


def _elided(institution: str, place: str, rules: VoiceRules) -> str:
    """ "parquet de Évry" is written "parquet d'Évry": the link elided before a vowel, where the language
    elides ("de l'" in voices.toml)."""
    link = rules.elided_link.split(" ")[0] if rules.elided_link else ""
    if link and unaccented(place[:1].lower()) in rules.elision_initials and f" {link} {place}" in institution:
        return institution.replace(f" {link} {place}", f" {link[0]}'{place}")
    return institution


def _place_past_longer_office(phrase: str, place: str, rules: VoiceRules) -> str:
    """The place of "procureur (de la République)" + "République de Bordeaux", the model's cut of
    "procureur de la République de Bordeaux": Bordeaux, past the office's last word and a link."""
    lowered = unaccented(place.lower())
    for office in [phrase, *rules.offices]:
        if office != phrase and not office.startswith(phrase + " "):
            continue
        last = unaccented(office.split()[-1]) + " "
        if lowered.startswith(last):
            rest = place[len(last) :].lstrip()
            written = rest.lower().replace("’", "'")
            # a link word ("de") or an elided one written against the name ("d'Évry")
            link = max(
                (w for w in rules.linking_words if written.startswith(w if w.endswith("'") else w + " ")),
                key=len,
                default="",
            )
            return rest[len(link) :].lstrip() or place
    return place


def institution_of_kind(kind: str, seen) -> str | None:
    """The institution of that kind a current role of someone the article has shown holds, or the body
    of that kind it named, the latest first: "la mairie" after "le maire de Bordeaux" is the mairie de
    Bordeaux, "le ministère" after "le ministre de l'Intérieur" the ministère de l'Intérieur, "le
    rectorat" after "le rectorat de l'académie de Créteil" that rectorat (`seen`: the sightings before,
    in order)."""
    wanted = unaccented(kind.lower()) + " "
    for sighting in reversed(seen):
        if sighting.actor.type == "organization" and unaccented(bare_name(sighting.actor.name)).startswith(wanted):
            return sighting.actor.name
        for role in sighting.actor.roles:
            if role.institution and not role.former and unaccented(role.institution.lower()).startswith(wanted):
                return role.institution
    return None


def place_office(title: str, organization: str | None, institution: str | None, rules: VoiceRules) -> str | None:
    """The institution of an office held in a place the model did not read as one ("the mayor of Fort
    Pierce", "le maire de Pau"): the place's office (mairie de Pau), not the place; a body named by its
    kind ("the governor of the Federal Reserve Bank") keeps its name."""
    office = find_office(title, rules)
    organization = _name_of(organization) if organization else organization  # "London’s mayor"
    if (
        institution == organization
        and office is not None
        and office[2] in rules.place_offices
        and organization
        and not is_known_institution(organization, rules)
        and not any(word in _organization_heads() for word in organization.lower().split())
    ):
        return institution_of(title, organization, organization, False, rules)
    return institution


@cache
def place_no_voice() -> tuple[str, ...]:
    """The languages whose rules say a place that speaks is no voice (voices.toml places_speak false):
    their model reads places well."""
    return tuple(language for language in LANGUAGES if not load_voice_rules(language).places_speak)
