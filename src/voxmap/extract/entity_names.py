"""What the model's named entities name: the kind of actor (a person, a body, a group) and the name
itself, cleaned of what the model ran into it (a determiner, a day, a headline's words, a possessive),
or completed where the model cut a known institution's name short."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..records import Actor
from .dates import date_rules
from .language import LanguageRules, every_first_name, load_rules
from .media import is_media, is_outlet_name
from .mentions import GROUP, ORGANIZATION, PERSON, is_time_word
from .offices import institution_named, is_known_institution, load_voice_rules
from .syntax import is_acronym, is_word


def entity_kind(ent: Span, rules: LanguageRules, surnames: frozenset[str] = frozenset()) -> str | None:
    """The kind of actor an entity the model found names, if any; `surnames`: those of the people the
    article names in full ("Mark Cuban … said Cuban": the model's nationality or place is that person)."""
    labels = rules.parser
    if ent.label_ in labels.person_entities:
        if _names_a_place(ent, rules):
            return None  # "le cours Georges-Clemenceau", "Martin Luther King Boulevard": a street
        # "Facebook a indiqué", tagged a person: a known institution is a body (voices.toml)
        return ORGANIZATION if institution_named(ent.text, rules.language) else PERSON
    if ent.label_ in labels.organization_entities:
        return ORGANIZATION
    if ent.label_ in labels.group_entities:
        return PERSON if len(ent) == 1 and ent.text in surnames else GROUP
    if ent.label_ in labels.place_entities and not ent.text.isupper():
        # A place acts as an institution ("Marseille", "Sciences Po"); an upper-case dateline does not; a
        # surname the model took for a place is that person ("Ava DuVernay … DuVernay said").
        return PERSON if len(ent) == 1 and ent.text in surnames else ORGANIZATION
    return None


def is_place_name(name: str, rules: LanguageRules) -> bool:
    """Whether a name the model calls a place may be one: "Paris", "Fort Pierce", "New Hampshire". A
    longer name with a small word or a body's kind is an institution it mislabelled ("Forges de Vierzon",
    "Clinique des Pins", "Washington University"), and so is an outlet's ("Miami Herald")."""
    words = name.split()
    if is_outlet_name(name):
        return False
    return len(words) == 1 or all(w[:1].isupper() and w.lower() not in rules.organization_heads for w in words)


def places_confirmed(actors: list[Actor], rules: LanguageRules) -> None:
    """Keeps the place flag of the actors whose final name is still a place's: not a person first read
    as one ("Obama" tagged a place, then named), a known institution the model called one ("the
    Élysée"), a body whose longer name joined the place's ("Illinois" -> "Illinois Board of Elections"),
    nor the last word of a longer name of the article's ("DuVernay" of Ava DuVernay)."""
    last_words = {a.name.split()[-1] for a in actors if len(a.name.split()) > 1}
    for actor in actors:
        actor.place = (
            actor.place
            and actor.type in (ORGANIZATION, GROUP)
            and not institution_named(actor.name)
            and actor.name not in last_words
            and is_place_name(actor.name, rules)
        )


def _names_a_place(ent: Span, rules: LanguageRules) -> bool:
    """A person's name the word before or after makes a street or a building's name (rules'
    place_words_before: "le cours Georges-Clemenceau", "le lycée Victor-Hugo"; place_words_after:
    "Martin Luther King Boulevard"), or its own last word does (place_name_endings: "Trump Tower")."""
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    # "le président du parc Didier Réault": the place is a title's complement, the name its holder's
    titled = any(t.lemma_.lower() in rules.role_words for t in doc[max(0, ent.start - 3) : ent.start - 1])
    building = len(ent) > 1 and ent[-1].lower_ in rules.place_name_endings  # "[Trump Tower]"
    return (before in rules.place_words_before and not titled) or after in rules.place_words_after or building


def _clean_entity(ent: Span, person: bool, rules: LanguageRules) -> Span:
    """An entity without a leading determiner or trailing possessive or punctuation, nor a day the model
    ran into it ("Vendredi Ségolène Royal", "rapporte Le Parisien lundi": a weekday in a name is
    capitalised, "Journal du Dimanche"); a person's name also ends on a capital ("Pierre Garnier lundi"
    is "Pierre Garnier")."""
    particles = rules.name_particles
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (
        doc[start].pos_ == "DET"
        or not is_word(doc[start])
        or (
            doc[start].is_alpha
            and is_time_word(doc[start], rules)
            and start + 1 < end
            and doc[start + 1].text[:1].isupper()
        )
    ):
        start += 1
    while end - 1 > start and doc[end - 1].is_lower and is_time_word(doc[end - 1], rules):
        end -= 1
    weekdays = date_rules(rules.language).weekdays
    day = next((k for k in range(start + 1, end) if doc[k].is_lower and doc[k].lower_ in weekdays), None)
    if day is not None:  # "[Conseil des ministres du mercredi 3]": the date the body met, not its name
        end = day
        while end > start + 1 and doc[end - 1].pos_ in ("ADP", "DET"):
            end -= 1
    if person:
        # A headline's words caught in a name: "Without Bloomberg", "Obama To Asians Worried".
        titled = start
        while (
            start < end
            and (doc[start].pos_ in _NOT_IN_A_NAME or doc[start].is_lower)
            and doc[start].lower_ not in particles
            and doc[start].whitespace_  # "al-Adnan": a particle written against the name is in it
        ):
            start += 1  # "billionaire Trump": a name begins with a capital (or a particle)
        if start + 1 < end and _opening_participle(doc[start], rules):
            start += 1
        if start > titled and start < end and doc[start].lower_ in particles and doc[start - 1].pos_ == "NOUN":
            return doc[start:start]  # "président de la République": an office the model took for a person
        # "LR Dany Wattebled", "Twitter Jack Dorsey": the body written before the name is not in it
        start = next(
            (k for k in range(start + 1, end - 1) if _body_then_person(doc[start:k], doc[k:end], rules)), start
        )
        end = next(
            (
                t.i
                for t in doc[start + 1 : end]
                if t.pos_ in _NOT_IN_A_NAME and t.lower_ not in particles and not _unknown_word(t)
            ),
            end,
        )
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].lower_ in ("'s", "’s")
        or not is_word(doc[end - 1])
        or (person and doc[end - 1].is_lower and not _hyphenated(doc, end - 1) and not _after_apostrophe(doc, end - 1))
    ):
        end -= 1
    if not any(c.isupper() for c in doc[start:end].text):
        return doc[start:start]  # "procureur de la" cut from its title by the model: no name at all
    return doc[start:end]


def _after_apostrophe(doc, i: int) -> bool:
    """Whether token `i` is the rest of a word the tokenizer cut at its apostrophe ("Chin'" "ono")."""
    return i > 0 and doc[i - 1].text[-1] in "'’" and not doc[i - 1].whitespace_ and len(doc[i - 1]) > 2


def _hyphenated(doc, i: int) -> bool:
    """A word joined by a hyphen to the one before, no space on either side: the end of a name written
    so ("Ban Ki-moon", "Kim Jong-un"), not a word after it."""
    return i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_


def entity_name(ent: Span, kind: str, rules: LanguageRules) -> Span:
    """The name an entity writes, cleaned (the entity index has names apart from office words already:
    roles.names_apart_from_offices)."""
    return _clean_entity(ent, kind == PERSON, rules)


def _unknown_word(token: Token) -> bool:
    """A capitalised word the lemmatiser did not know (its lemma is itself): a surname the tagger took for
    a verb ("Franck Riester", lemma "riester"), not a headline's verb ("Wins", lemma "win")."""
    return token.is_title and token.pos_ == "VERB" and token.lemma_ == token.lower_


# First names short enough to end like a participle ("Irving", "Ming", "Jing") are no participle.
MIN_PARTICIPLE_LETTERS = 7


def _opening_participle(token: Token, rules: LanguageRules) -> bool:
    """'Injecting' in '[Injecting Clinton]'s marital troubles…': a sentence's first word with a
    participle's ending that is no known first name."""
    return (
        token.is_sent_start
        and len(token.text) >= MIN_PARTICIPLE_LETTERS
        and token.lower_.endswith(rules.participle_endings)
        and token.lower_ not in every_first_name()
    )


# Parts of speech a person's name never holds (the particles of "de Villepin" are tagged as names).
_NOT_IN_A_NAME = frozenset({"ADP", "PART", "VERB", "AUX", "SCONJ", "CCONJ"})


# How many words after a name the model cut may complete a known institution's ("la [France] insoumise").
COMPLETING_WORDS = 2


def names_completed(ents: list[Span | None], language: str) -> list[Span | None]:
    """The token-to-entity index with every name the model cut short of a known institution's name
    completed, as an organisation: "la [France] insoumise" is La France insoumise, not France; "[Le
    Canard] enchaîné" the outlet."""
    voice_rules, labels = load_voice_rules(language), load_rules(language).parser
    label = sorted(labels.organization_entities)[0]
    fixed = list(ents)
    for ent in {id(e): e for e in ents if e is not None}.values():
        doc = ent.doc
        if not doc[ent.end - 1].whitespace_:
            continue  # a name glued to what follows is not cut short
        for end in range(min(len(doc), ent.end + COMPLETING_WORDS), ent.end, -1):
            if any(fixed[t.i] is not None or not (t.is_alpha or t.like_num) for t in doc[ent.end : end]):
                continue
            name = doc[ent.start : end].text
            # "[France] 3": an outlet's channel, not the country
            numbered = all(t.like_num for t in doc[ent.end : end])
            # "[Le Canard] enchaîné"; a regional edition in capitals: "[France] Bleu Gascogne"
            edition = all(t.is_title for t in doc[ent.end : end]) and is_media(name)
            outlet = (edition or is_outlet_name(name)) and not is_media(ent.text)
            if (
                is_known_institution(name, voice_rules)
                or outlet
                or (numbered and is_media(name) and not is_media(ent.text))
            ):
                completed = Span(doc, ent.start, end, label=label)
                fixed[ent.start : end] = [completed] * (end - ent.start)
                break
        else:
            end = _acronym_end(ent, fixed, load_rules(language))
            if end is not None:
                fixed[ent.start : end] = [Span(doc, ent.start, end, label=label)] * (end - ent.start)
    return fixed


# How many words the model may have left out between a body's name and its acronym in brackets.
ACRONYM_REACH = 6
LINKING_TAGS = frozenset({"ADP", "DET", "CCONJ"})


def _acronym_end(ent: Span, fixed: list[Span | None], rules: LanguageRules) -> int | None:
    """Where a body's name the model cut short ends, read from the acronym the text gives it: "l'[Observatoire
    pyrénéen] du changement climatique (OPCC)" is one name, its words' initials being the acronym."""
    doc = ent.doc
    if ent.label_ in rules.parser.person_entities:
        return None
    for bracket in range(ent.end + 1, min(len(doc) - 2, ent.end + ACRONYM_REACH + 1)):
        between = doc[ent.end : bracket]
        if any(fixed[t.i] is not None or (not t.is_alpha and t.text not in ("'", "’")) for t in between):
            return None
        acronym = doc[bracket + 1]
        if doc[bracket].text == "(" and doc[bracket + 2].text == ")" and is_acronym(acronym):
            # the small words (articles, prepositions, "et") give no letter: "Organisation mondiale de la santé"
            initials = "".join(t.text[0] for t in doc[ent.start : bracket] if t.pos_ not in LINKING_TAGS)
            return bracket if initials.upper() == acronym.text else None
    return None


def people_apart_from_bodies(ents: list[Span | None], language: str) -> list[Span | None]:
    """The token-to-entity index with a person's name the model ran into the outlet or institution just
    before it split off: "a expliqué à [Ouest-France Cyrille Berrod]", "le porte-parole de la
    [Chancellerie Youssef Badr]", "sur sa page [Facebook M. Borissov]" — the body an organisation, the
    rest (two capitalised words, or an honorific and one) a person."""
    rules = load_rules(language)
    person_label, body_label = sorted(rules.parser.person_entities)[0], sorted(rules.parser.organization_entities)[0]
    fixed = list(ents)
    for ent in {id(e): e for e in ents if e is not None and e.label_ not in rules.parser.person_entities}.values():
        for cut in range(ent.start + 1, ent.end - 1):
            if _body_then_person(Span(ent.doc, ent.start, cut, label=ent.label_), ent.doc[cut : ent.end], rules):
                fixed[ent.start : cut] = [Span(ent.doc, ent.start, cut, label=body_label)] * (cut - ent.start)
                fixed[cut : ent.end] = [Span(ent.doc, cut, ent.end, label=person_label)] * (ent.end - cut)
                break
    return fixed


def parties_apart_from_bodies(ents: list[Span | None], language: str) -> list[Span | None]:
    """The token-to-entity index with a known institution the model ran into the body a title names after
    it split off: "président [Les Républicains de la commission d'enquête sénatoriale]" is a party (the
    holder's) and the commission (the body presided), the words between them no name."""
    rules, voice_rules = load_rules(language), load_voice_rules(language)
    body_label = sorted(rules.parser.organization_entities)[0]
    fixed = list(ents)
    for ent in {id(e): e for e in ents if e is not None and e.label_ in rules.parser.organization_entities}.values():
        for cut in range(ent.start + 1, ent.end - 1):
            kind = _body_kind_after(ent.doc, cut, ent.end, rules)
            if kind is not None and is_known_institution(ent.doc[ent.start : cut].text, voice_rules):
                fixed[ent.start : cut] = [Span(ent.doc, ent.start, cut, label=body_label)] * (cut - ent.start)
                fixed[cut:kind] = [None] * (kind - cut)
                fixed[kind : ent.end] = [Span(ent.doc, kind, ent.end, label=body_label)] * (ent.end - kind)
                break
    return fixed


def _body_kind_after(doc, cut: int, end: int, rules: LanguageRules) -> int | None:
    """Where a body named by its kind starts, if a preposition and articles at `cut` lead to it ("de la
    commission"): the kind's index, else None."""
    if doc[cut].lower_ not in rules.organization_prepositions:
        return None
    kind = cut + 1
    while kind < end and doc[kind].lower_ in rules.articles:
        kind += 1
    return kind if kind < end - 1 and doc[kind].lower_ in rules.organization_heads else None


def _body_then_person(body: Span, rest: Span, rules: LanguageRules) -> bool:
    """Whether `body` names an outlet or a known institution and `rest` a person: an honorific or a first
    name (the first-name dictionary's too, inside a name the model gave), then capitalised words. Any
    body will do where the parser hangs a first name of the rule files outside it ("le cogérant du
    groupe [Lagardère Thierry Funck-Brentano]": "Thierry" the apposition of "cogérant")."""
    first = rest[0].lower_
    if not (
        _hung_apart(body, rest, rules)
        or is_outlet_name(body.text)
        or is_known_institution(body.text, load_voice_rules(rules.language))
    ):
        return False
    honorific = first in set().union(*rules.honorifics.values())
    named = any(
        first in names for names in (*rules.gendered_first_names.values(), *rules.dictionary_first_names.values())
    )
    # a hyphen may join the surname's parts ("Deniece Laurent-Mantey")
    surname = [t for t in rest[1:] if t.text not in ("-", "‐")]
    return len(rest) >= 2 and (honorific or named) and rest[-1].is_title and all(t.is_title for t in surname)


def _hung_apart(body: Span, rest: Span, rules: LanguageRules) -> bool:
    """Whether an organisation's entity holds a body and a person the parser hangs apart: the person's
    first name (of the rule files) attached outside the entity, the body a word of its own (no honorific,
    no first name, not joined to the name by a hyphen: "Me David Lanes", "Bernard-Henri Lévy" are one)."""
    if body.label_ not in rules.parser.organization_entities or body.text.endswith(("-", "‐")):
        return False
    named = set().union(*rules.gendered_first_names.values())
    honorifics = set().union(*rules.honorifics.values())
    return (
        rest[0].lower_ in named
        and not body.start <= rest[0].head.i < rest.end
        and body[-1].whitespace_ != ""
        and any(t.lower_ not in named | honorifics for t in body)
    )


def _name_word(token: Token) -> bool:
    return token.is_title and token.is_alpha and token.pos_ == "PROPN" and not token.ent_type_


def names_the_model_missed(doc, rules: LanguageRules) -> list[Span]:
    """People the model left untagged, named by a first name of the rule files and a capitalised
    surname ("Pascale Irigoyen, a lecturer…", "Olivier Castagnet, who leads…": French names in English
    news), a second first name allowed between ("Jean Pierre Morel"): a person entity each. Never a run
    of capitals longer than that, nor one a body's or a place's word ends ("Paul Sabatier University"),
    nor a first name alone, unless an age follows it ("Redouane, 27 ans,")."""
    label = sorted(rules.parser.person_entities)[0]
    first_names = every_first_name()
    found, i = [], 0
    while i < len(doc) - 1:
        token = doc[i]
        if _aged(token, rules):
            found.append(Span(doc, i, i + 1, label=label))
            i += 1
            continue
        inside_a_run = i and doc[i - 1].is_title and not doc[i - 1].text.endswith(".")  # "Dr. Nadia …" starts one
        if not (_name_word(token) and token.lower_ in first_names) or inside_a_run:
            i += 1
            continue
        end = i + 1
        while end < len(doc) and doc[end].is_title and not doc[end].is_sent_start:
            end += 1
        words = doc[i:end]
        if (len(words) == 2 or (len(words) == 3 and words[1].lower_ in first_names)) and all(
            _name_word(t) and t.lower_ not in rules.organization_heads for t in words
        ):
            found.append(Span(doc, i, end, label=label))
        i = end
    return found


def _aged(token: Token, rules: LanguageRules) -> bool:
    """'Redouane, 27 ans, a rejoint Madrid': one capitalised word, a sentence's first or after a comma, an
    age set off after it (rules' age_units): a person the model left untagged. Not a day ("Lundi, 27 ans
    après les faits")."""
    doc = token.doc
    return (  # the age first: a language with no age_units reads nothing more
        token.i + 4 < len(doc)
        and doc[token.i + 3].lower_ in rules.age_units
        and doc[token.i + 1].text == ","
        and doc[token.i + 2].like_num
        and doc[token.i + 4].is_punct
        and _name_word(token)
        and not is_time_word(token, rules)
        and (token.is_sent_start or doc[token.i - 1].text == ",")
    )
