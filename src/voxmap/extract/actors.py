"""Actors of one article: named entities merged by name, speakers resolved, roles attached."""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from ..records import Actor, Quote, Role, Speaker
from ..records import Span as TextSpan
from .attribution import EVIDENCE, RawQuote
from .attribution.context import sourced
from .attribution.transcripts import TRANSCRIPT
from .coref import History, OfficeWritten, Resolver, Sighting, names_its_body
from .described import (
    offices_written_in_full,
    roles_at_named_bodies,
    subject_titles,
    take_up_named_bodies,
    take_up_named_people,
)
from .descriptions import described_by, descriptions_of
from .documents import channel_owner, document_author, principal_speaking
from .entity_names import entity_kind, entity_name, is_place_name, places_confirmed
from .language import LanguageRules
from .markup import overlaps
from .media import MEDIA, is_media, is_outlet_name, outlet_name
from .mentions import (
    ANONYMOUS,
    DESCRIPTION,
    FIRST_PERSON,
    GROUP,
    NAMED,
    ORGANIZATION,
    PERSON,
    PRONOUN,
    Mention,
    apposed_body_of,
    body_inside,
    classify,
    gender_of_name,
    is_junk_name,
    is_junk_person_name,
    name_key,
    outlet_inside,
    past_time_words,
    person_surnames,
)
from .narrated import narrated_people, sight
from .offices import (
    institution_named,
    institution_of,
    institution_of_kind,
    load_voice_rules,
    place_office,
)
from .openings import (
    floating_quotes_take_the_cue_after,
    opening_quotes_take_the_next_speaker,
    paragraph_openers_take_the_person_after,
)
from .roles import body_written, person_titled, roles_of, title_before
from .syntax import doc_text, main_clause, named_possessor, presented, stands_for
from .title_bodies import organization_of_title

_ENTITY_KIND = {"person": PERSON, "organization": ORGANIZATION, "group": GROUP}
# A floating quote continues the previous speaker only if that quote is this close (characters).
FLOATING_REACH = 1200


@dataclass
class ActorTable:
    rules: LanguageRules
    actors: list[Actor] = field(default_factory=list)
    keys: dict[tuple[str, ...], Actor] = field(default_factory=dict)

    def _new(self, name: str, kind: str) -> Actor:
        actor = Actor(id="", name=name, type=kind)
        self.actors.append(actor)
        return actor

    def named(self, text: str, kind: str, gender: str | None = None) -> Actor | None:
        """The actor named `text`: a surname alone joins the full name seen before or after it."""
        key = name_key(text, self.rules)
        if not key:
            return None
        actor = self.keys.get(key)
        if actor is None and kind in (PERSON, ORGANIZATION) and len(key) == 1:
            # A surname alone, even one the model took for an organisation, is the person named in full.
            matches = [a for k, a in self.keys.items() if a.type == PERSON and len(k) > 1 and key[0] in (k[-1], k[0])]
            actor = matches[-1] if matches else None
        if actor is None and kind == ORGANIZATION:
            # "Rempart National Police" / "Rempart": an acronym, a one-word short form, or the
            # same name with or without its kind ("le syndicat Unité Santé" / "Unité Santé").
            core = self._core(key)
            actor = next(
                (
                    a
                    for k, a in self.keys.items()
                    if a.type == ORGANIZATION
                    and (
                        _acronym(k) == "".join(key)
                        or (len(key) == 1 and key[0] == k[0])
                        or (core and self._core(k) == core)
                    )
                ),
                None,
            )
        if actor is None:
            if (
                kind == ORGANIZATION
                and 1 < len(key) <= 3
                # "Marie-Hélène Rousseau": a compound first name by its first part
                and key[0].split("-")[0] in self.rules.first_names["masculine"] | self.rules.first_names["feminine"]
            ):
                kind = PERSON  # "Fabien Delacourt" taken for an organisation by the model
            actor = self._new(text, kind)
        elif len(text) > len(actor.name) and kind == actor.type and len(key) > len(name_key(actor.name, self.rules)):
            actor.name = text
        self.keys.setdefault(key, actor)
        if gender and actor.gender is None:
            actor.gender = gender
        return actor

    def _core(self, key: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(word for word in key if word not in self.rules.organization_heads)

    def anonymous(self, mention: Mention) -> Actor:
        key = ("~",) + name_key(mention.text, self.rules)
        actor = self.keys.get(key)
        if actor is None:
            actor = self._new(mention.text, ANONYMOUS)
            actor.gender, actor.plural = mention.gender, mention.plural
            rules = self.rules
            actor.human = mention.head_lemma in rules.anonymous_heads | rules.role_words | rules.collective_heads
            self.keys[key] = actor
        return actor


def _acronym(key: tuple[str, ...]) -> str:
    return "".join(word[0] for word in key if word) if len(key) > 1 else ""


def _span(text: str, start: int, end: int) -> TextSpan:
    return TextSpan.of(text, start, end)


def build(
    doc: Doc,
    rules: LanguageRules,
    raw_quotes: list[RawQuote],
    ents: list[Span | None],
    resolver: Resolver,
    in_quote: list[bool],
    markup: list[tuple[int, int]] = (),
) -> tuple[list[Actor], list[Quote]]:
    """Merge the article's names into actors, attach roles, and give every quote its speaker."""
    text = doc_text(doc)
    table = ActorTable(rules)
    voice_rules = load_voice_rules(rules.language)
    places: set[str] = set()
    history = History()
    by_token: dict[int, Actor] = {}
    # No actor from embedded markup (a tweet's author="@…") and none from a name that is not one.
    surnames = person_surnames(doc, ents, rules.parser)
    entities = [
        (ent, kind)
        for ent in dict.fromkeys(e for e in ents if e is not None)
        if (kind := entity_kind(ent, rules, surnames))
        and not overlaps(list(markup), ent.start_char, ent.end_char)
        and not is_junk_name(ent.text, rules)
        and not _quoted_alone(ent)
    ]
    # Full names first, so that a surname written before its full name still joins it.
    for ent, kind in sorted(entities, key=lambda pair: -len(pair[0])):
        clean = entity_name(ent, kind, rules)
        if len(clean) == 0 or (is_junk_person_name if kind == PERSON else is_junk_name)(clean.text, rules):
            continue
        name = _body_of_office(clean, rules) if kind == ORGANIZATION else None
        actor = table.named(name or clean.text, kind, gender_of_name(clean, rules) if kind == PERSON else None)
        if actor is None:
            continue
        if kind == ORGANIZATION and actor.type == PERSON and actor.gender is None and actor.name == clean.text:
            # "Marie-Hélène Rousseau", a person by her first name whom the model took for a body (not
            # "Scott" alone, a surname joining her)
            actor.gender = gender_of_name(clean, rules)
        if ent.label_ in rules.parser.place_entities and not actor.mentions and is_place_name(clean.text, rules):
            actor.place = True
        for i in range(ent.start, ent.end):
            by_token[i] = actor
    for ent, kind in entities:
        clean = entity_name(ent, kind, rules)
        actor = by_token.get(clean.start if len(clean) else ent.start)
        if actor is None or len(clean) == 0:
            continue
        actor.mentions.append(_span(text, clean.start_char, clean.end_char))
        # A title before a known body's name or an acronym is no role of the body ("le candidat Les
        # Républicains (LR)", "Le député européen EELV"); a person the model took for a body keeps it.
        body = actor.type == ORGANIZATION and (clean.text.isupper() or institution_named(clean.text, rules.language))
        for raw in roles_of(clean, rules, ents) if not body else ():
            organization = raw.organization
            if raw.possessive_at is not None:
                owner = history.possessor_body(raw.possessive_at)
                organization = owner.name if owner is not None else None
            written = text[slice(*raw.evidence)]
            institution = institution_of(
                raw.title, organization, raw.place, raw.former, voice_rules, raw.person, written
            )
            role = Role(
                raw.title,
                organization,
                _span(text, *raw.evidence),
                raw.former,
                place_office(raw.title, organization, institution, voice_rules),
            )
            if all(r.title != role.title or r.organization != role.organization for r in actor.roles):
                actor.roles.append(role)
            if raw.place and raw.place == organization:
                places.add(organization)  # "governor of Florida": Florida is where, not an organisation
        for role in actor.roles:
            if role.organization and role.organization not in places:
                _organization_of_role(table, role, text)
        if actor.type == ORGANIZATION and actor.roles and _person_title(actor, rules):
            actor.type = PERSON  # "its general secretary, Fabien D.": a person the model took for an organisation
        if actor.type in (PERSON, ORGANIZATION):  # a person the model took for an organisation may be retyped
            history.descriptions.extend((clean.start_char, actor, words) for words in descriptions_of(clean, rules))
        if not in_quote[ent.start]:
            title = title_before(clean, rules, ents)  # "Le patron du Medef, G. R." : the title is the subject
            # "Mr Mottram's successor, Fiona Beckett, was elected": a name set beside the subject by
            # commas acts too ("son compagnon Amédy Coulibaly" merely names him)
            beside = stands_for(clean, rules.parser)
            topic = any(
                t.dep_ in rules.parser.subject and main_clause(t.head, rules.parser) for t in (beside, *(title or ()))
            ) or presented(clean, rules.parser, rules.copulas)
            subject = topic or any(t.dep_ in rules.parser.subject for t in (clean.root, beside, *(title or ())))
            # "It was signed by Hervé Lantier" (not "a commission, overseen by Kofi Annan")
            subject = (
                subject
                or (clean.root.head.dep_ in rules.parser.agent and main_clause(clean.root.head.head, rules.parser))
                # "Selon Bruno Lina, … « … », mais il souligne…" (an outlet relays: "selon Closer")
                or (sourced(clean, rules.source_prepositions) and not is_media(clean.text))
                or sourced(clean, rules.topic_openers)  # "Quant à Brett Kavanaugh, il s'est opposé"
            )
            history.sightings.append(Sighting(clean.start_char, actor, subject, False, topic))

    for actor in table.actors:
        if _an_outlet(actor):
            actor.type, actor.name = MEDIA, outlet_name(actor.name)  # never the body "il" takes up; "Le Parisien"
    history.offices = _offices_written(doc, rules, ents, in_quote)
    quotes: list[Quote] = []
    speakers: list[Actor | None] = []
    previous: tuple[Quote, Actor | None] | None = None
    speaker_tokens = {raw.speaker for raw in raw_quotes if raw.speaker is not None}
    narrated = narrated_people(doc, rules, ents, in_quote, speaker_tokens)
    for raw in raw_quotes:
        while narrated and narrated[0][0].start < raw.spans[0][0]:
            sight(narrated.pop(0), rules, history, resolver, table.anonymous)
        speaker, actor, how = _speaker(doc, text, raw, rules, ents, table, by_token, history, resolver, previous)
        if _subheading(text, raw) or (speaker.type == "unknown" and _mentioned_only(text, raw, rules)):
            continue
        quote = Quote(
            id=f"q{len(quotes) + 1}",
            kind=raw.kind,
            spans=[_span(text, s, e) for s, e in raw.spans],
            cue=_span(text, *raw.cue) if raw.cue else None,
            speaker=speaker,
            confidence=raw.confidence if speaker.type != "unknown" else min(raw.confidence, 0.3),
            how=raw.how + how,
        )
        quotes.append(quote)
        speakers.append(actor)
        history.quote_ends.append(raw.spans[-1][1])
        # what figures show ("selon les derniers chiffres") is nobody a cue-less quote goes on with
        previous = (quote, actor) if speaker.type != "unknown" and quote.kind != EVIDENCE else previous
    opening_quotes_take_the_next_speaker(quotes, speakers)
    floating_quotes_take_the_cue_after(quotes, speakers, doc)
    paragraph_openers_take_the_person_after(quotes, speakers, history.sightings, text)
    headline = doc._.voxmap_headline if doc.has_extension("voxmap_headline") else None
    acting = frozenset(id(s.actor) for s in history.sightings if s.subject or s.speaker)
    take_up_named_people(table.actors, quotes, speakers, headline or "", rules, history.offices, acting, text)
    offices_written_in_full(table.actors, quotes, speakers, history.offices, rules)
    take_up_named_bodies(table.actors, quotes, speakers, headline or "", rules)
    roles_at_named_bodies(table.actors, headline or "", rules)
    if rules.roles_from_descriptions:
        subject_titles(_described_subjects(doc, text, rules, ents, in_quote), table.actors, headline or "", rules)
    places_confirmed(table.actors, rules)
    # Ids in order of first mention make the output stable and readable.
    for actor in table.actors:
        actor.mentions.sort(key=lambda m: m.start)
    ordered = sorted((a for a in table.actors if a.mentions), key=lambda a: a.mentions[0].start)
    for number, actor in enumerate(ordered, start=1):
        actor.id = f"a{number}"
    for quote, actor in zip(quotes, speakers):
        quote.speaker.actor = actor.id if actor is not None else None
    return ordered, quotes


def _speaker(
    doc: Doc,
    text: str,
    raw: RawQuote,
    rules,
    ents,
    table: ActorTable,
    by_token,
    history: History,
    resolver: Resolver,
    previous: tuple[Quote, Actor | None] | None,
) -> tuple[Speaker, Actor | None, str]:
    if raw.speaker is None:
        if (
            raw.follows_previous
            and previous is not None
            and raw.spans[0][0] - previous[0].spans[-1].end < FLOATING_REACH
            and not _someone_else_acts(history, previous, raw.spans[0][0])
        ):
            prior = previous[0].speaker
            return Speaker(prior.name, prior.type), previous[1], " speaker:previous-quote"
        return Speaker(None, "unknown"), None, ""
    if raw.found_by.rule == TRANSCRIPT:
        return _labelled_speaker(text, raw, table, history)
    head = past_time_words(doc[raw.speaker], rules)
    extent = raw.speaker_extent if head.i == raw.speaker else None
    owner = channel_owner(head, rules)
    if owner is not None:  # "the company's annual report", "her letter": its owner speaks
        head, extent = owner, None
    mention = classify(head, rules, ents, extent)
    surface = _span(text, mention.start, mention.end)
    author = document_author(head, rules) if owner is None else None
    if author is not None:  # "“…,” the letter added": whoever the article said wrote it speaks
        found = copy(raw)  # not dataclasses.replace: a kind set after creation ("evidence") has no confidence row
        found.speaker, found.speaker_extent = author.i, None
        speaker, actor, how = _speaker(doc, text, found, rules, ents, table, by_token, history, resolver, previous)
        if actor is not None:
            return replace(speaker, mention=surface), actor, how.replace(" speaker:", " speaker:document-author->", 1)
    actor: Actor | None = None
    step = mention.kind
    if not any(character.isalpha() for character in mention.text):
        return Speaker(None, "unknown", None, surface), None, " speaker:no-word"  # a stray dash the parser took
    titled = person_titled(head, rules, ents) if mention.kind in (DESCRIPTION, ANONYMOUS) else None
    outlet = outlet_inside(head, mention, ents, rules) if mention.kind in (DESCRIPTION, ANONYMOUS) else None
    if titled is not None:  # "relate l'anthropologue belge Ayla Joncheere": the person named
        known = (by_token[i] for i in range(titled.start, titled.end) if i in by_token)
        actor = next(known, None) or table.named(titled.text, PERSON)
        step = "title-then-name"
    elif outlet is not None:  # "selon le quotidien La Dépêche": the outlet named
        actor, step = by_token.get(outlet.start) or table.named(outlet.text, ORGANIZATION), "kind-then-outlet"
    elif mention.kind in NAMED:
        actor = by_token.get(head.i) or table.named(mention.text, mention.kind, mention.gender)
    elif mention.kind in (PRONOUN, DESCRIPTION):
        actor = resolver.resolve(mention, history)
        step = f"{mention.kind}->resolved" if actor else f"{mention.kind}->unresolved"
        if actor is not None and (
            mention.office_holder or (mention.kind == DESCRIPTION and rules.roles_from_descriptions)
        ):
            # "le leader de la France insoumise" resolved to Jean-Luc Mélenchon: his role, where it names a body
            _take_office(actor, head, mention, surface, rules, ents)
        if actor is None and mention.kind == DESCRIPTION:
            if mention.head_lemma in rules.role_words:
                actor = _unnamed_office_holder(head, mention, surface, rules, ents, table)
            elif _person_like(mention, rules) or mention.head_lemma in rules.evidence_sources:
                actor = table.anonymous(mention)  # "her entourage", "the records": a source as written
            elif (
                mention.bare
                and not mention.plural
                and (institution := institution_of_kind(mention.head_lemma, history.before(mention.start)))
            ):
                actor = table.named(institution, ORGANIZATION)  # "la mairie" after "le maire de Bordeaux"
                step = "description->institution"
            elif mention.head_lemma in rules.organization_heads and (mention.bare or mention.plural):
                # "les syndicats de police": several bodies described, no one body's voice
                # "le parquet", "l'association" naming no body of the article: a description, no voice
                actor = table.anonymous(mention)
            elif mention.head_lemma in rules.organization_heads:
                # "l'organisation de défense … Amnesty International" is the body named ("le syndicat X" whole)
                capital_next = head.i + 1 < len(head.doc) and head.doc[head.i + 1].text[:1].isupper()
                further = not capital_next and apposed_body_of(head, mention, ents, rules)
                actor = table.named(further.text if further else mention.text, ORGANIZATION)
            elif mention.head_lemma in rules.anaphoric_organization_heads and (
                body := body_inside(head, mention, ents, rules)
            ):
                actor = table.named(body, ORGANIZATION)  # "la compagnie Air Lorraine": the body it names
            elif mention.head_lemma in rules.anaphoric_organization_heads and not mention.plural:
                # "la compagnie aérienne française": the headline's body (described.py), or as written
                actor = table.anonymous(mention)
    elif mention.kind == ANONYMOUS:
        actor = _titled_by_owner(head, mention, history, resolver, rules) or table.anonymous(mention)
        step = "owner-title" if actor.type == PERSON else step
        history.descriptions.append((mention.start, actor, described_by(head, rules)))
        if actor.type == ANONYMOUS and (principal := principal_speaking(head, mention, rules, ents)):
            history.spoken_for[id(actor)] = by_token.get(principal[0].i) or table.named(*principal[1:])
    elif mention.kind == FIRST_PERSON:
        return Speaker(None, "unknown", None, surface), None, " speaker:first-person"
    if actor is None:
        return Speaker(None, "unknown", None, surface), None, f" speaker:{step}"
    if _an_outlet(actor):
        actor.type, actor.name = MEDIA, outlet_name(actor.name)  # "selon Le Parisien": it relays, not speaks
    _sight_speaker(history, actor, surface, mention.gender)
    actor = history.spoken_for.get(id(actor)) or actor  # "un porte-parole de Zoom" (or "il" after): Zoom
    name = mention.text if actor.type == ANONYMOUS and mention.kind == ANONYMOUS else actor.name
    return Speaker(name, actor.type, None, surface), actor, f" speaker:{step}"


def _labelled_speaker(text: str, raw: RawQuote, table: ActorTable, history: History) -> tuple[Speaker, Actor, str]:
    """A transcript's label is a person ("TAPPER" is Jake Tapper, named in the article), whatever the
    model took the upper-case word for."""
    start, colon = raw.cue
    label = text[start : colon - 1].rstrip()
    actor = table.named(label.title(), PERSON)
    surface = _span(text, start, start + len(label))
    _sight_speaker(history, actor, surface)
    return Speaker(actor.name, actor.type, None, surface), actor, " speaker:label"


def _sight_speaker(history: History, actor: Actor, surface: TextSpan, gender: str | None = None) -> None:
    """Record that `actor` speaks where `surface` names them (in `gender`, where its words tell one)."""
    if surface not in actor.mentions:
        actor.mentions.append(surface)
    history.sightings.append(Sighting(surface.start, actor, True, True, gender=gender))
    history.sightings.sort(key=lambda s: s.position)


def _someone_else_acts(history: History, previous: tuple[Quote, Actor | None], start: int) -> bool:
    """Whether, between the previous quote and a quote with no cue, the narration shows another person
    acting ("“It was offensive,” said Fleischer. … Instead, the businessman has insisted…"): the quote
    then does not go on with the previous speaker."""
    end = previous[0].spans[-1].end
    return any(
        end < s.position < start and s.subject and s.actor.type == PERSON and s.actor is not previous[1]
        for s in history.sightings
    )


def _described_subjects(doc: Doc, text: str, rules: LanguageRules, ents, in_quote: list[bool]):
    """(description, gender, where) of each definite description with a role word that is the subject
    of a clause outside quotation marks ("la présidente du Rassemblement national souhaite…")."""
    found = []
    for token in doc:
        if (
            in_quote[token.i]
            or token.dep_ not in rules.parser.subject
            or token.pos_ != "NOUN"
            or token.lemma_.lower() not in rules.role_words
        ):
            continue
        mention = classify(token, rules, ents)
        if mention.kind == DESCRIPTION:
            found.append((mention.text, mention.gender, _span(text, mention.start, mention.end)))
    return found


def _offices_written(doc: Doc, rules: LanguageRules, ents, in_quote: list[bool]) -> list[OfficeWritten]:
    """Every definite description headed by an office title outside quotation marks, in order."""
    found = []
    for token in doc:
        if in_quote[token.i] or token.pos_ != "NOUN" or token.lemma_.lower() not in rules.office_titles:
            continue
        before = token.i - 1
        while before > 0 and doc[before].pos_ == "ADJ":
            before -= 1  # "l'ancien ministre"
        if before < 0 or "Def" not in doc[before].morph.get("Definite"):
            continue  # "un ministre" is someone else; "as governor of New Jersey" names no one
        mention = classify(token, rules, ents)
        # "du [ministre de l'Éducation nationale]": the model may take the office for an organisation
        # or a described person; it is no less written
        if mention.kind in (DESCRIPTION, ANONYMOUS, ORGANIZATION) and not mention.plural:
            in_full = names_its_body(mention.text, rules)
            found.append(OfficeWritten(mention.start, mention.end, mention.text, mention.head_lemma, in_full))
    return found


def _body_of_office(ent: Span, rules: LanguageRules) -> str | None:
    """The body an office the model took for an organisation speaks for: "ministre de la Santé" is
    the "ministère de la Santé" speaking."""
    if ent[0].lemma_.lower() not in rules.role_words and ent[0].lower_ not in rules.role_words:
        return None
    return institution_of(ent.text, None, None, False, load_voice_rules(rules.language))


def _an_outlet(actor: Actor) -> bool:
    """A news outlet of the rule files; one the model took for a person only when its name has more
    than one word ("France Info": yes; "Bloomberg" may well be the man)."""
    if actor.type == ORGANIZATION:
        return is_media(actor.name)
    # a person whose first name an outlet's name begins is that person ("Marianne Dupont")
    return actor.type == PERSON and len(actor.name.split()) > 1 and is_outlet_name(actor.name)


def _subheading(text: str, raw: RawQuote) -> bool:
    """An agency's subheading on a line of its own ('- "C'est trop bien" -'), with no cue: a
    heading that quotes, not a statement."""
    if not raw.follows_previous:
        return False
    start, end = raw.spans[0][0], raw.spans[-1][1]
    line_end = text.find("\n", end)
    line = text[text.rfind("\n", 0, start) + 1 : line_end if line_end >= 0 else len(text)].strip()
    return line.startswith("-") and line.endswith("-")


def _mentioned_only(text: str, raw: RawQuote, rules: LanguageRules) -> bool:
    """A few quoted words nobody is found to have said, by a verb that is no speech verb: a title or
    a term the sentence mentions ('la chanson "Mercy"', 'en cas de "danger immédiat"')."""
    words = len(text[raw.spans[0][0] : raw.spans[-1][1]].split())
    return raw.found_by.name == "structure" and words < rules.min_floating_words


def _office_of(head: Token, mention: Mention, rules: LanguageRules, ents) -> tuple[str | None, str | None]:
    """(organisation, institution) of the office a description writes: "le porte-parole du syndicat
    Alliance" (Alliance), "le maire de Pau" (the organisation is the place: mairie de Pau)."""
    voice_rules = load_voice_rules(rules.language)
    organization, _ = organization_of_title(head, rules, ents)
    if organization and is_media(organization):
        organization = None  # "a déclaré l'acteur à la chaîne d'information israélienne": the channel
    place = organization if organization and _a_place(organization, ents, rules) else None
    institution = institution_of(mention.text, organization, place, False, voice_rules)
    written = body_written(mention.text, rules)
    if institution is None and written and written != organization:
        # "le leader de la [France] insoumise": the parse cut the body's name; the words give it whole
        organization, institution = written, institution_of(mention.text, written, None, False, voice_rules)
    return organization, place_office(mention.text, organization, institution, voice_rules)


def _a_place(name: str, ents, rules: LanguageRules) -> bool:
    """Whether the model read `name` as a place somewhere in the Doc ("l'élu de Paris")."""
    return any(ent is not None and ent.text == name and ent.label_ in rules.parser.place_entities for ent in ents)


def _take_office(actor: Actor, head: Token, mention: Mention, surface: TextSpan, rules: LanguageRules, ents) -> None:
    """A person the description "le ministre de l'Intérieur" resolved to holds that office: it
    becomes one of their roles (and their voice), unless a role of theirs names an institution already."""
    if actor.type != PERSON or any(role.institution for role in actor.roles):
        return
    organization, institution = _office_of(head, mention, rules, ents)
    if institution is not None:
        actor.roles.append(Role(mention.text, organization, surface, False, institution))


def _unnamed_office_holder(
    head: Token, mention: Mention, surface: TextSpan, rules: LanguageRules, ents, table: ActorTable
) -> Actor | None:
    """The actor of a role written without a name and not resolved to one: a holder who speaks for
    the institution the role names ("le ministre de la Santé", "le porte-parole du syndicat Alliance")
    is that office's holder, with the role; a role naming none ("le ministre", "l'ancien président")
    stays a description, like an anonymous source."""
    organization, institution = _office_of(head, mention, rules, ents)
    if institution is None:
        return table.anonymous(mention)
    actor = table.named(mention.text, PERSON)
    if actor is not None and all(role.title != mention.text for role in actor.roles):
        actor.roles.append(Role(mention.text, organization, surface, False, institution))
    return actor


def _organization_of_role(table: ActorTable, role: Role, text: str) -> None:
    """The organisation named in a role is an actor of the article too, mentioned where it is written."""
    organization = table.named(role.organization, ORGANIZATION)
    if organization is None:
        return
    at = text.find(role.organization, role.evidence.start, role.evidence.end)
    if at >= 0:
        mention = _span(text, at, at + len(role.organization))
        if mention not in organization.mentions:
            organization.mentions.append(mention)


def _quoted_alone(ent: Span) -> bool:
    """A name that is all a quote holds ("a shirt that read ''Fascist Trump,''", "the film « Michael
    Clayton »") is words shown, not someone mentioned."""
    doc = ent.doc
    end = ent.end + 1 if ent.end < len(doc) and doc[ent.end].is_punct and not doc[ent.end].is_quote else ent.end
    return ent.start > 0 and doc[ent.start - 1].is_quote and end < len(doc) and doc[end].is_quote


def _person_title(actor: Actor, rules: LanguageRules) -> bool:
    heads = {role.title.split()[-1].lower() for role in actor.roles if role.title}
    return bool(heads & rules.role_words) and not heads & rules.organization_heads


def _titled_by_owner(
    head: Token, mention: Mention, history: History, resolver: Resolver, rules: LanguageRules
) -> Actor | None:
    """'Harbour's chief executive said': the person the article wrote holds that title of that owner
    ('Simon Achterberg has been Harbour's chief executive since 2019'), by its words only; else the
    source stays as written."""
    if not named_possessor(head, rules.parser):
        return None
    found = resolver.described(replace(mention, kind=DESCRIPTION), history)
    return found if found is not None and found.type == PERSON else None


def _person_like(mention: Mention, rules: LanguageRules) -> bool:
    lemma = mention.head_lemma  # "la sœur d'Ahmed Merabet", "sa fille": a relative is someone too
    return lemma in rules.anonymous_heads or lemma in rules.role_words or lemma in rules.kin_words
