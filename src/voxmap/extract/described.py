"""A speaker written only as a description that nothing before it resolved ("a déclaré l'ancien chef
d'État", "a expliqué le ministre", "a dit le chef du gouvernement"): in news copy such a definite
description names a person the article names too, often after it ("…, a taclé Nicolas Sarkozy") or
only in its headline ("…, assure Jean-Michel Blanquer"). Once every quote has its speaker, such an
actor takes up the one named person the article allows:

1. the one whose role has the description's title word and no rival office ("le président du parti
   les Républicains" is not "le président de la SNCF");
2. else the one person the headline names;
3. else the one person the article names at all, if they act there (a subject or a speaker) or are
   named right beside the description, and no role of theirs names another body.

The gender written must agree, and a description of someone who speaks *for* or *about* another
("le porte-parole", "l'avocat", "son entourage") never takes up a named person this way. The
description becomes the person's role where it names a body. A body described by its kind
("l'entreprise spécialiste des vols vers l'Algérie") takes up the one body the headline names, and a
description naming a body that is a clause's subject ("la présidente du Rassemblement national
souhaite…") gives its role the same way (French rules: roles.toml `roles_from_descriptions`).
"""

from __future__ import annotations

from ..records import Actor, Quote, Role, Speaker
from ..records import Span as TextSpan
from .coref import OfficeWritten, another_office, determiner_of
from .language import LanguageRules
from .mentions import ANONYMOUS, ORGANIZATION, PERSON
from .offices import institution_named, institution_of, is_former, load_voice_rules
from .roles import body_written, complement_words


def _after_determiner(name: str) -> list[str]:
    """The words of a description after its determiner, an elided one included ("l'ancien chef
    d'État" → "ancien chef d'État", "le ministre" → "ministre")."""
    words = name.replace("’", "'").split()
    if not words:
        return []
    first = words[0]
    return ([first[first.index("'") + 1 :]] if "'" in first[:-1] else []) + words[1:]


def _title_word(actor: Actor, rules: LanguageRules) -> str | None:
    """The role word a described actor's name opens with, after its definite determiner and
    adjectives ("l'ancien chef d'État" → "chef"), or None for a name, a plural or an indefinite."""
    if actor.plural or determiner_of(actor.name) not in rules.definite_determiners:
        return None
    for word in (w.lower() for w in _after_determiner(actor.name) if w):
        if word in rules.organization_prepositions:
            return None
        if word in rules.role_words or word in rules.anonymous_heads:
            return None if word in rules.describes_another else word
    return None


def _named_people(actors: list[Actor], rules: LanguageRules) -> list[Actor]:
    return [
        a for a in actors if a.type == PERSON and a.mentions and a.name[:1].isupper() and _title_word(a, rules) is None
    ]


def _in_headline(person: Actor, headline: str) -> bool:
    surname = person.name.split()[-1]
    return bool(headline) and (person.name in headline or f" {surname}" in f" {headline}")


def _taken_up(
    described: Actor,
    word: str,
    people: list[Actor],
    headline: str,
    rules: LanguageRules,
    offices: list[OfficeWritten] = (),
    acting: frozenset[int] = frozenset(),
    text: str = "",
) -> Actor | None:
    fitting = [
        p
        for p in people
        if (described.gender is None or p.gender in (None, described.gender))
        and not any(another_office(role, described.name, rules) for role in p.roles)
        # a name the description writes is its complement: "la directrice du lycée Victor Hugo",
        # "l'avocat de Jean Dupont" are neither
        and p.name not in described.name
    ]
    titled = [p for p in fitting if any(word in role.title.lower().split() for role in p.roles)]
    # "X a rencontré le ministre de l'Intérieur. Le ministre a dit…": the office written in full
    # since X was named is someone else's
    fitting = [p for p in fitting if not _office_between(p, described, word, offices)]
    headlined = [p for p in fitting if _in_headline(p, headline)]
    # Named by no role and no headline, the one person of the article must hold no role in another
    # body than the one the description names (a union's secretary is not "le ministre de la Santé"),
    # and whose roles, if the article gives any, include one in it ("le président Marc Durand" is not
    # "le chef de la police locale"); a description naming no body is not a person titled otherwise
    # ("l'acteur Marc Dumont" is not "le pape"); and they must act somewhere, as a subject or a
    # speaker, or be named beside the description (the mayor who cancelled a concert is not the
    # politician a song answers to).
    body = body_written(described.name, rules)
    alone = [
        p
        for p in fitting
        if (id(p) in acting or _beside(p, described, text))
        and (
            not p.roles
            or (not body and p in titled)
            or (
                not any(_another_body(role, described.name) for role in p.roles)
                and any(role.organization or role.institution for role in p.roles)
            )
        )
    ]
    for pool in (titled, headlined, alone if len(people) == 1 else []):
        if len(pool) == 1:
            return pool[0]
    return None


# The most characters between a description and the name set beside it ("le président du conseil
# scientifique, le Pr Jean-François Delfraissy").
BESIDE_CHARACTERS = 24


def _beside(person: Actor, described: Actor, text: str) -> bool:
    """Whether the person is named right after one of the description's mentions: written against it
    ("le ministre de l'Action et des Comptes publics Gérald Darmanin"), or in apposition, a comma and a
    few words between, no other punctuation."""
    return any(
        0 <= m.start - d.end <= BESIDE_CHARACTERS
        and (
            not text[d.end : m.start].strip()
            or (
                text[d.end : m.start].lstrip().startswith(",")
                and not any(mark in text[d.end + 1 : m.start] for mark in ",.;:!?\n")
            )
        )
        for m in person.mentions
        for d in described.mentions
    )


def _office_between(person: Actor, described: Actor, word: str, offices: list[OfficeWritten]) -> bool:
    """Whether an office of title `word`, written in full, stands between the person's last mention
    and the description's first."""
    if not described.mentions:
        return False
    first = min(m.start for m in described.mentions)
    named = [m.end for m in person.mentions if m.end <= first]
    since = max(named) if named else 0
    return any(o.in_full and o.head == word and since <= o.start < first for o in offices)


def _another_body(role: Role, description: str) -> bool:
    """A role in a body the description does not name: the secretary of a health union is not "le
    ministre de la Santé"."""
    body = role.organization or role.institution
    written = description.lower()
    return bool(body) and not all(w in written for w in body.lower().split() if len(w) > 3)


def _body_word(actor: Actor, rules: LanguageRules) -> str | None:
    """The kind of body a described organisation's name opens with ("l'entreprise spécialiste des
    vols vers l'Algérie" → "entreprise", "Le géant des boissons gazeuses" → "géant")."""
    words = _after_determiner(actor.name)
    if not words or determiner_of(actor.name) not in rules.definite_determiners:
        return None
    return words[0].lower() if words[0].lower() in rules.anaphoric_organization_heads else None


def _names_another(actor: Actor, body: Actor) -> bool:
    """Whether a description names a body of its own, not `body` ("L'association SOS Méditerranée"
    after a headline naming Génération identitaire; "L'association L214" is L214)."""
    words = _after_determiner(actor.name)
    return len(words) > 1 and words[1][:1].isupper() and body.name not in actor.name


def _known_as_another_kind(body: Actor, kind: str, rules: LanguageRules) -> bool:
    """Whether the rules know the body under a name of another kind than the description's: "PS" is
    the Parti socialiste, no "association"."""
    shown = institution_named(body.name, rules.language)
    first = shown.split()[0].lower() if shown else None
    return first is not None and first != kind and first in rules.organization_heads


def take_up_named_bodies(
    actors: list[Actor], quotes: list[Quote], speakers: list[Actor | None], headline: str, rules: LanguageRules
) -> None:
    """ "a précisé l'entreprise spécialiste des vols vers l'Algérie", "Le géant des boissons gazeuses a
    précisé": a body described by its kind is the one body the headline names ("Aigle Azur …")."""
    # A name the model took for a person's counts when nothing says it is one ("Aigle Azur").
    named = [
        a
        for a in actors
        if (a.type == ORGANIZATION or (a.type == PERSON and a.gender is None and not a.roles))
        and a.mentions
        and a.name[:1].isupper()
        and not a.place
        and bool(headline)
        and a.name in headline
    ]
    described = {id(a): a for a in speakers if a is not None and a.type in (ORGANIZATION, ANONYMOUS)}
    for actor in described.values():
        kind = _body_word(actor, rules)
        if len(named) != 1 or named[0] is actor or kind is None or _names_another(actor, named[0]):
            continue
        if _known_as_another_kind(named[0], kind, rules):
            continue  # "a indiqué l'association" is no party the headline names ("Johanna Rolland (PS)")
        body = named[0]
        if body.type == PERSON:  # "l'entreprise" is it: a body after all
            body.type = ORGANIZATION
            for quote, speaker in zip(quotes, speakers):
                if speaker is body:
                    quote.speaker = Speaker(body.name, ORGANIZATION, None, quote.speaker.mention)
        _hand_over(actor, body, quotes, speakers, ORGANIZATION)


def roles_at_named_bodies(actors: list[Actor], headline: str, rules: LanguageRules) -> None:
    """ "James Quincey, le PDG du géant mondial": a role in a body described by its kind ("du géant
    mondial", "de l'entreprise") is a role in the one body the headline names ("Coca-Cola interrompt…")."""
    named = {a.name for a in actors if a.type == ORGANIZATION and a.mentions and not a.place and a.name in headline}
    if len(named) != 1 or not headline:
        return
    (body,) = named
    for actor in actors:
        for role in actor.roles:
            kind = [w.lower() for w in complement_words(role.title, rules)[:1]]  # "PDG du [géant] mondial"
            if (
                role.organization is None
                and role.institution is None
                and set(kind) & rules.anaphoric_organization_heads
            ):
                role.organization = role.institution = body


def _hand_over(described: Actor, actor: Actor, quotes: list[Quote], speakers: list[Actor | None], kind: str) -> None:
    """The described actor's quotes and mentions go to the named one."""
    for i, speaker in enumerate(speakers):
        if speaker is described:
            speakers[i] = actor
            quote = quotes[i]
            quote.speaker = Speaker(actor.name, kind, None, quote.speaker.mention)
            quote.how += " speaker:described-named"
    actor.mentions.extend(m for m in described.mentions if m not in actor.mentions)
    described.mentions.clear()


def take_up_named_people(
    actors: list[Actor],
    quotes: list[Quote],
    speakers: list[Actor | None],
    headline: str,
    rules: LanguageRules,
    offices: list[OfficeWritten] = (),
    acting: frozenset[int] = frozenset(),
    text: str = "",
) -> None:
    """Give the quotes of described speakers to the named person each describes (module docstring);
    the described actor's mentions and office go to that person."""
    people = _named_people(actors, rules)
    if not people:
        return
    for described in {id(a): a for a in speakers if a is not None and a.type in (ANONYMOUS, PERSON)}.values():
        if described.plural:
            continue  # "les deux candidats ciblés": several people, none of them the one named
        word = _title_word(described, rules)
        person = _taken_up(described, word, people, headline or "", rules, offices, acting, text) if word else None
        if person is None:
            continue
        if not any(role.institution for role in person.roles):
            person.roles.extend(described.roles or _description_as_role(described, rules, _places(actors)))
        _hand_over(described, person, quotes, speakers, PERSON)


def offices_written_in_full(
    actors: list[Actor], quotes: list[Quote], speakers: list[Actor | None], offices: list[OfficeWritten], rules
) -> None:
    """ "…reporté sur décision du ministre de l'Éducation nationale. … a indiqué Jean-Michel Blanquer.
    … a reconnu le ministre": a person a bare office title ("le ministre") took up holds the one office
    of that title the article writes in full and gives to nobody else, where no role of theirs names
    a body already."""
    held = [role.evidence for actor in actors for role in actor.roles if role.evidence is not None]
    free = [o for o in offices if o.in_full and not any(e.start <= o.start < e.end for e in held)]
    for person in {id(a): a for a in speakers if a is not None and a.type == PERSON}.values():
        if any(role.institution or role.organization for role in person.roles):
            continue
        titles = {
            words[-1].lower()
            for quote, speaker in zip(quotes, speakers)
            if speaker is person
            and quote.speaker.mention is not None
            and len(words := _after_determiner(quote.speaker.mention.text)) == 1
            and words[0].lower() in rules.office_titles
        }
        bodies = {o.text.lower(): o for o in free if o.head in titles}
        if len(titles) == 1 and len(bodies) == 1:
            (office,) = bodies.values()
            text = office.text
            title = " ".join(_after_determiner(text)) if determiner_of(text) in rules.definite_determiners else text
            person.roles.append(_role(title, TextSpan(office.start, office.end, text), rules, _places(actors)))


def _places(actors: list[Actor]) -> frozenset[str]:
    return frozenset(a.name for a in actors if a.place)


def _description_as_role(described: Actor, rules: LanguageRules, places: frozenset[str] = frozenset()) -> list[Role]:
    """The description is the person's title where it was written ("le président du parti les
    Républicains": a role whose body is the party)."""
    spoken = [m for m in described.mentions if m.text == described.name]
    if not spoken:
        return []
    return [_role(" ".join(_after_determiner(described.name)), spoken[0], rules, places)]


def _role(title: str, evidence: TextSpan, rules: LanguageRules, places: frozenset[str]) -> Role:
    """The role a title written in the article gives, its body and institution read from its words."""
    organization = body_written(title, rules)
    former = is_former(title, load_voice_rules(rules.language))
    # "le procureur de Paris": a place's office (parquet de Paris); "l'élu de Paris": a place is no voice
    place = organization if organization in places else None
    institution = institution_of(title, organization, place, former, load_voice_rules(rules.language), written=title)
    return Role(title, organization, evidence, former, institution)


def subject_titles(
    subjects: list[tuple[str, str | None, TextSpan]], actors: list[Actor], headline: str, rules: LanguageRules
) -> None:
    """'la présidente du Rassemblement national souhaite…': a description that names a body and is
    the subject of a clause, though no quote's speaker, is a role of the person it takes up (as a
    speaking description is); `subjects`: (description, gender written, where)."""
    people = _named_people(actors, rules)
    for text, gender, where in subjects:
        described = Actor(id="", name=text, type=ANONYMOUS, gender=gender, mentions=[where])
        word = _title_word(described, rules)
        if word is None or body_written(text, rules) is None:
            continue
        person = _taken_up(described, word, people, headline, rules) if people else None
        if person is not None and not any(role.institution for role in person.roles):
            person.roles.extend(_description_as_role(described, rules, _places(actors)))
