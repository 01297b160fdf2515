"""Who a cue names: the usable subject of a verb, the name beside a role noun, the head of a speaker
phrase written after a cue, the object of a source preposition."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..descriptions import loose_apposition
from ..mentions import demonstrative_subject
from ..syntax import (
    VERB_POS,
    agent_of,
    cue_tokens,
    is_passive,
    is_present_participle,
    is_word,
    prepositional_objects,
    subject_of,
    verb_just_before,
)
from .context import Context, is_speech, sequence_at
from .inverted import may_speak, subject_after


def usable_subject(verb: Token, ctx: Context) -> Token | None:
    labels = ctx.rules.parser
    if is_passive(verb, labels):
        # "the plan was called “a disaster” by its critics": the agent speaks, the subject does not.
        return agent_of(verb, labels)
    spokesman = spokesman_of(reporting_host(verb, ctx), ctx)
    if spokesman is not None:
        return spokesman
    host = reporting_host(verb, ctx)
    subject = subject_of(host, labels)
    misread = subject is not None and _misread_name(subject)
    # (no subject of its own: none, or one the parser found inside the quote by a conjunction)
    unsaid = (subject is None or not ctx.outside(subject)) and _after_the_writer_s_words(host, ctx)
    if (host.i != verb.i or misread or unsaid) and (inverted := _subject_after_incise(host, ctx)):
        # "…, a ajouté cette source, précisant que…", "« … » émirati, considère l'auteur X": the
        # speaker written after the incise's verb, which the parser read as its object
        return inverted
    inverted = _enclitic_subject(host, ctx)
    if inverted is not None:
        subject = inverted  # "», nous a-t-elle confié": the enclitic, not the object pronoun the parser took
    elif subject is not None and _object_clitic(subject, ctx):
        return None  # "», lui a répondu un commissaire": the clitic is whom he answered; the subject follows
    if subject is not None and _topic(subject, ctx):
        # "Concernant François Fillon, …, Yannick Jadot estime que…": the topic is not who speaks
        subject = name_before(verb, ctx)
    elif subject is not None and (fronted := _named_after_fronted(subject, verb, ctx)) is not None:
        subject = fronted  # "Passage le plus explosif de son livre, Valentin Gendrot assure…"
    elif subject is None:
        # "À gauche, Jean-Luc Mélenchon (LFI), a annoncé…"; else "Dans ces cages, dénonce L214, « … »":
        # the speaker after a verb set off behind a fronted phrase
        subject = _set_off_name_before(verb, ctx) or (
            _subject_after_incise(host, ctx) if _after_fronted_phrase(host, ctx) else None
        )
    if subject is None or subject.dep_ in labels.expletive | labels.passive_subject or not ctx.outside(subject):
        return None  # "it is said that…", "he was told…": the subject is not who speaks
    if ctx.rules.is_impersonal(subject.text):
        # "Dans l'entourage du ministre, on assure que…": the setting speaks.
        return setting_source(verb.sent, ctx)
    if subject.pos_ == "PRON" and ctx.rules.pronoun_kind(subject.text) in ("relative",):
        head = verb.head if verb.dep_ in ctx.rules.parser.relative_clause else None
        # The word the clause hangs on; never white space or a mark the parser made its head.
        if head is None or not ctx.outside(head) or not is_word(head):
            return None
        speech = head.lower_ in ctx.rules.speech_verbs or head.lemma_.lower() in ctx.rules.speech_verbs
        if head.is_lower and speech and head.i + 1 < len(ctx.doc):
            # "», juge Santé publique France, qui estime…": the cue verb the tagger took for a noun; "»,
            # a insisté le praticien, qui juge…": the verb the parser hung the relative on
            return speaker_phrase(head.i + 1, head.sent.end, ctx) or head
        owner = _apposition_owner(head, ctx)  # "l'homme d'affaires Ziad Takieddine, qui a assuré…"
        return name_beside_role(_named_in_phrase(owner, subject, ctx), ctx)
    if subject.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "X"):
        return None
    if any(child.dep_ in labels.case_marker and child.i < subject.i for child in subject.children):
        # "a indiqué à l'AFP Anthony Martin": the parser's subject is the channel; the name beside it speaks.
        beside = next((c for c in subject.children if c.dep_ in labels.apposition and c.ent_type_), None)
        return beside
    if subject.lemma_.lower() in ctx.rules.organization_channels:
        # "The union's leaflet says…", "le communiqué du ministère affirme…": the owner speaks.
        owner = next((c for c in subject.children if c.dep_ in ctx.rules.parser.possessive), None) or next(
            (obj for _, obj in prepositional_objects(subject, labels)), None
        )
        if owner is not None and ctx.outside(owner):
            return owner
    return name_beside_role(subject, ctx)


def _object_clitic(subject: Token, ctx: Context) -> bool:
    """ "lui", "leur" right before the verb group: an object the parser took for the subject (a person
    speaking of themselves, "nous", "vous", is a subject there)."""
    doc = subject.doc
    return (
        subject.lower_ in ctx.rules.object_clitics
        and ctx.rules.pronoun_kind(subject.text) not in ("first", None)
        and subject.i + 1 < len(doc)
        and doc[subject.i + 1].pos_ in ("AUX", "VERB")
    )


def _apposition_owner(head: Token, ctx: Context) -> Token:
    """'c'est Unilever, un des leaders de l'agroalimentaire et des cosmétiques, qui a annoncé…': the
    parser hangs the relative on the last noun of the name's apposition; from a complement or conjunct
    of that apposition, the relative is the name's. Anywhere else, `head` itself."""
    labels, doc = ctx.rules.parser, head.doc
    token = head
    for _ in range(6):
        owner = token.head
        set_apart = token.dep_ in labels.apposition or (owner.i + 1 < len(doc) and doc[owner.i + 1].text == ",")
        if owner.ent_type_ and owner.i < token.i and set_apart:
            return owner
        if token.ent_type_ or token.pos_ not in ("NOUN", "PRON") or token is owner:
            return head
        token = owner
    return head


def _named_in_phrase(head: Token, relative: Token, ctx: Context) -> Token:
    """'Mêmes explications du côté de Karim, également âgé de 27 ans, qui assure…': the parser hangs the
    relative on a noun that cannot speak; the last person named in that noun's phrase before the
    relative, by nouns alone, is who it speaks of. Anywhere else, `head` itself: "un article introduit
    au Sénat, qui entendait…" is the article."""
    if may_speak(head, ctx):
        return head
    for token in reversed(ctx.doc[head.i + 1 : relative.i]):
        if token.ent_type_ in ctx.rules.parser.person_entities and head in token.ancestors:
            for ancestor in token.ancestors:  # up to the noun: a participle between is no noun's phrase
                if ancestor.i == head.i:
                    break
                if ancestor.pos_ in VERB_POS:
                    return head
            while token.ent_iob_ == "I":
                token = token.nbor(-1)
            return token
    return head


def _enclitic_subject(verb: Token, ctx: Context) -> Token | None:
    """The subject pronoun inverted against the verb group ("a-t-elle confié", "dit-il"), if any."""
    doc = ctx.doc
    for token in doc[max(verb.sent.start, verb.i - 3) : min(verb.sent.end, verb.i + 3)]:
        if token.text.startswith("-") and ctx.rules.pronoun_kind(token.text) in ("masculine", "feminine", "plural"):
            return token
    return None


def _topic(subject: Token, ctx: Context) -> bool:
    """Whether a topic word ("concernant", "quant à", "regarding") introduces the subject's phrase."""
    start = subject.left_edge.i
    before = ctx.doc[max(0, start - 2) : start]
    return any(t.lower_ in ctx.rules.topic_words for t in before if t.i == start - 1 or before[-1].pos_ == "ADP")


def _named_after_fronted(subject: Token, verb: Token, ctx: Context) -> Token | None:
    """A person's name right before the verb, set off by a comma from the phrase the parser made the
    subject: that phrase is fronted, the person speaks."""
    people = ctx.rules.parser.person_entities
    name = name_before(verb, ctx) if subject.ent_type_ not in people else None
    if name is None or name.ent_type_ not in people or name.i <= subject.i or ctx.doc[name.i - 1].text != ",":
        return None
    return name


def _set_off_name_before(verb: Token, ctx: Context) -> Token | None:
    """A person's name set off by commas right before a verb the parser gave no subject, a party or
    body in brackets after it: the parser hung it on the fronted phrase ("À gauche, Jean-Luc
    Mélenchon (LFI), a annoncé…"); the person speaks. Its first word, as `name_before` gives it."""
    doc, people = ctx.doc, ctx.rules.parser.person_entities
    i = cue_tokens(verb)[0] - 2
    if i < 1 or doc[i + 1].text != ",":
        return None
    if doc[i].text == ")":  # "(LFI)": the name ends before its bracket
        opening = next((j for j in range(i - 1, max(verb.sent.start, i - 6) - 1, -1) if doc[j].text == "("), None)
        if opening is None:
            return None
        i = opening - 1
    if i < 1 or doc[i].ent_type_ not in people or doc[i].sent != verb.sent:
        return None
    start = i
    while doc[start].ent_iob_ != "B" and start > verb.sent.start:
        start -= 1
    if start <= verb.sent.start or doc[start - 1].text != ",":
        return None
    # "Éric Woerth, trésorier…, et son adjoint…, Vincent Talvas, avaient expliqué": the first of people
    # coordinated speaks first
    first = next(
        (
            t.head
            for t in doc[verb.sent.start : start]
            if t.dep_ in ctx.rules.parser.conjunct and t.head.ent_type_ in people
        ),
        None,
    )
    return first if first is not None and first.i < start else doc[start]


def name_before(verb: Token, ctx: Context) -> Token | None:
    """The name written right before a verb (its auxiliaries and adverbs aside), by its first word."""
    doc, labels = ctx.doc, ctx.rules.parser
    i = cue_tokens(verb)[0] - 1
    while i >= 0 and doc[i].pos_ in ("ADV", "PART"):
        i -= 1
    if i < 0 or doc[i].pos_ != "PROPN" or doc[i].sent != verb.sent:
        return None
    while doc[i].dep_ in labels.name_parts and doc[i].head.i < doc[i].i:
        i = doc[i].head.i
    return doc[i]


def spokesman_of(verb: Token, ctx: Context) -> Token | None:
    """'Le RN a précisé, par la voix de son vice-président Jordan Bardella, que…': the person the verb's
    phrase of a spokesman names speaks, not the body that is its subject."""
    labels, rules = ctx.rules.parser, ctx.rules
    for child in verb.children:
        if child.dep_ not in labels.prepositional or not ctx.outside(child):
            continue
        start = child.left_edge.i
        for words in rules.spokesman_phrases:
            if not sequence_at(ctx.doc, start, words):
                continue
            named = object_after(ctx.doc, start + len(words), ctx)
            named = name_beside_role(named, ctx) if named is not None else None
            if named is not None and (
                named.ent_type_ in labels.person_entities or named.lemma_.lower() in rules.role_words
            ):
                return named
    return None


def reporting_host(verb: Token, ctx: Context) -> Token:
    """'Analysts said X has grown, citing Y': a participle set off after a reported clause reports for
    the clause's speaker, not for the clause's subject ("X")."""
    labels = ctx.rules.parser
    if _infinitive_after_preposition(verb, ctx):
        return verb.head  # "a-t-il prévenu avant de lancer « … »": the verb before speaks for it
    if (
        not is_present_participle(verb)
        or verb.dep_ not in labels.adverbial_clause
        or any(c.dep_ in labels.subject for c in verb.children)
    ):
        return verb
    before = verb_just_before(verb)
    if before is not None and before.i != verb.head.i and is_speech(before, ctx.rules) and verb.nbor(-1).text == ",":
        return before  # "…», a ajouté Mme Denis, précisant que…" hung on the verb before the quote
    # the clause's verb, or the speech verb it reports for ("said X has grown, citing Y"): a subject-less
    # participle speaks for the verb it hangs on (comparing the tokens by identity had never held)
    host = verb.head
    if host.dep_ in labels.relative_clause:
        # "s'est agacé de ceux qui critiquent…, en lançant : « … »": the parser's relative clause is no
        # speaker's; the participle shares the subject of the clause its antecedent stands in
        governor = host.head
        while governor.pos_ not in VERB_POS and governor.head.i != governor.i:
            governor = governor.head
        host = governor if governor.pos_ in VERB_POS else host
    while host.dep_ in labels.clause and host.head.i != host.i and is_speech(host.head, ctx.rules):
        host = host.head
    return host


def _infinitive_after_preposition(verb: Token, ctx: Context) -> bool:
    """A speech infinitive that a preposition of sequence hangs on another verb ("a-t-il prévenu avant
    de lancer « … »"), with no subject of its own: the other verb's subject says it."""
    labels = ctx.rules.parser
    return (
        "Inf" in verb.morph.get("VerbForm")
        and verb.dep_ in labels.adverbial_clause | labels.open_clause
        and verb.head.i != verb.i
        and verb.head.pos_ in VERB_POS
        and not is_passive(verb.head, labels)  # "des tests sont menés pour confirmer que…": no one speaks
        and is_speech(verb, ctx.rules)
        and not any(c.dep_ in labels.subject for c in verb.children)
        and any(c.dep_ in labels.subordinator and c.lower_ in ctx.rules.sequence_prepositions for c in verb.children)
    )


def _misread_name(token: Token) -> bool:
    """A lower-case word the tagger called a proper noun ("« … » émirati, considère X"): no subject."""
    return token.pos_ == "PROPN" and token.is_lower


# How many of the writer's words may stand between a quote's closing mark and its cue's comma ("« … » où tout
# est désinfecté régulièrement, relève X").
WRITER_WORDS = 6


def _after_the_writer_s_words(verb: Token, ctx: Context) -> bool:
    """Whether the quote's closing mark, a few words of the writer's and a comma stand before the verb
    group ("« … » émirati, considère X"): a layout the inverted-sequence one, which wants the comma
    right after the mark, does not read."""
    doc = ctx.doc
    group = cue_tokens(verb)[0]
    if group < 2 or doc[group - 1].text != "," or not (ctx.outside(doc[group - 2]) and is_word(doc[group - 2])):
        return False
    return any(not ctx.outside(t) for t in doc[max(0, group - 1 - WRITER_WORDS - 1) : group - 2])


def _after_fronted_phrase(verb: Token, ctx: Context) -> bool:
    """A verb group that only a fronted phrase and its comma precede in the sentence ("Dans ces cages,
    dénonce L214, « … »"): no clause of the writer's and no quote before it, which the inverted
    layouts read ("…, rapporte Le Parisien")."""
    group = cue_tokens(verb)[0]
    before = ctx.doc[verb.sent.start : group - 1]
    return len(before) > 0 and all(ctx.outside(t) and t.pos_ not in VERB_POS and is_word(t) for t in before)


def set_off_without_subject(verb: Token, ctx: Context) -> bool:
    """A verb group after a comma with no subject before it ("…, ont annoncé samedi les autorités"):
    what follows it is who spoke."""
    labels, doc = ctx.rules.parser, ctx.doc
    group = cue_tokens(verb)[0]
    return (
        group > 0
        and doc[group - 1].text == ","
        and not any(c.dep_ in labels.subject and c.i < verb.i and not _misread_name(c) for c in verb.children)
    )


def _subject_after_incise(verb: Token, ctx: Context) -> Token | None:
    """The speaker written after a speech verb set off by a comma, with no subject before it ("…, a
    ajouté cette source"), whatever the parser called it."""
    if not is_speech(verb, ctx.rules) or not set_off_without_subject(verb, ctx):
        return None
    after = subject_after(verb.i, ctx)  # past the day and the channel; None for "…, a salué leur travail"
    return name_beside_role(ctx.doc[after], ctx) if after is not None and ctx.outside(ctx.doc[after]) else None


def name_beside_role(head: Token, ctx: Context) -> Token:
    """'Its general secretary, Fabien Delacourt', 'le premier ministre François Lemire': when a
    role noun comes with the person's name, the name is the speaker."""
    if head.pos_ != "NOUN":
        return head
    labels = ctx.rules.parser
    named = [
        c
        for c in head.children
        if (c.pos_ == "PROPN" or c.ent_type_ in labels.person_entities)  # "Ziad" tagged a noun
        and (
            c.dep_ in labels.apposition
            or (c.dep_ in labels.name_parts | {"nmod"} and c.i == head.i + 1 and c.ent_type_ in labels.person_entities)
        )
    ]
    # "Le président (LREM) de l'Assemblée nationale Richard Ferrand": the person, not the party beside
    people = [c for c in named if c.ent_type_ in labels.person_entities]
    if people:
        return people[0]
    # "le maire Les Républicains du XVe arrondissement de Paris, Philippe Goujon": the person after the comma
    return loose_apposition(head, ctx.rules) or (named or [head])[0]


# How many words before its sentence a setting may stand, where the parser cut the sentence there.
SETTING_REACH = 8


def setting_source(sent: Span, ctx: Context) -> Token | None:
    """The setting that speaks for an impersonal subject, in its sentence or in the few words the parser
    cut off before it ("À Matignon, | on assure que…"), never past a stop."""
    found = _settings(ctx.doc[start_before_cut(sent, ctx) : sent.end], ctx)
    return found[0] if found else _setting_of_previous_on(sent, ctx)


SENTENCE_STOPS = (".", "!", "?", "…")


def start_before_cut(
    sent: Span, ctx: Context, reach: int = SETTING_REACH, stops: tuple[str, ...] = SENTENCE_STOPS
) -> int:
    """Where a sentence starts with the words (at most `reach`) the parser cut off before it, never past
    one of `stops` nor a line's end."""
    doc, start = ctx.doc, sent.start
    while start > 0 and sent.start - start < reach and doc[start - 1].text not in stops:
        if doc[start - 1].is_space:
            break
        start -= 1
    return start


def _setting_of_previous_on(sent: Span, ctx: Context) -> Token | None:
    """ "À l'Élysée, on a plutôt tenté d'apaiser la situation. « … », affirme-t-on.": an impersonal
    subject with no setting of its own is the "on" of the writer's sentence before (past the quote's
    own sentences), where that one has its setting."""
    doc = ctx.doc
    while sent.start > 0:
        sent = doc[sent.start - 1].sent
        words = [t for t in sent if is_word(t)]
        if any(ctx.outside(t) for t in words):
            ons = [t.i for t in words if ctx.rules.is_impersonal(t.text) and ctx.outside(t)]
            # of two settings, the one nearest before the last "on" ("Si à Matignon on…, à l'Élysée, on a…")
            found = _settings(doc[start_before_cut(sent, ctx) : ons[-1]], ctx) if ons else []
            return found[-1] if found else None
    return None


def _settings(words: Span, ctx: Context) -> list[Token]:
    """The last word of each setting written in these words, outside quotation marks ("à Matignon")."""
    return [
        ctx.doc[token.i + len(setting) - 1]
        for token in words
        for setting in ctx.rules.source_settings
        if sequence_at(ctx.doc, token.i, setting) and ctx.outside(token)
    ]


def speaker_phrase(start: int, stop: int, ctx: Context) -> Token | None:
    """The head of a name or a description written at `start` ("Paul Marchand", "the number 1 of the
    union", "our interlocutor", "she"), or None."""
    doc, rules = ctx.doc, ctx.rules
    first = doc[start]
    if first.ent_type_ in rules.parser.person_entities | rules.parser.organization_entities and first.ent_iob_ == "B":
        end = start
        while end + 1 < stop and doc[end + 1].ent_iob_ == "I":
            end += 1
        return doc[end]
    if first.pos_ == "PRON" and rules.pronoun_kind(first.text) in ("masculine", "feminine", "plural"):
        return first
    if start + 1 < stop and demonstrative_subject(first, rules):
        return first  # "…, a asséné celui qui dirige l'agence"
    if (
        first.pos_ == "PROPN"
        and first.is_title
        and start + 1 < stop
        and doc[start + 1].pos_ == "PROPN"
        and doc[start + 1].is_title
    ):
        end = start + 1  # "Maxime Perrin", a name the model did not tag
        while end + 1 < stop and doc[end + 1].pos_ == "PROPN" and doc[end + 1].is_title:
            end += 1
        return doc[end]
    if first.lower_ in rules.definite_determiners | rules.indefinite_determiners | rules.interlocutor_determiners:
        words = doc[start + 1 : min(stop, start + 6)]
        person = rules.anonymous_heads | rules.role_words
        # A person's noun first, whatever its tag ("The elected official shrugs:" tags "official" ADJ),
        # past a former marker that is one too ("l'ancienne élue": the élue)
        noun = past_former_marker([t for t in words if t.lower_ in person or t.lemma_.lower() in person], rules)
        noun = noun or next((t for t in words if t.pos_ in ("NOUN", "PROPN") or t.lower_ in rules.ordinal_words), None)
        while noun is not None and noun.dep_ == "compound" and noun.i < noun.head.i < stop:
            noun = noun.head  # "the trade unionist": the unionist
        return noun
    return None


def past_former_marker(persons: list[Token], rules) -> Token | None:
    """The first of a phrase's person words past a former marker that is one too ("l'ancienne élue": the
    élue), else the first ("l'ancien")."""
    return next((t for t in persons if t.lower_ not in rules.former_markers), None) or next(iter(persons), None)


def _joined(doc: Doc, i: int) -> bool:
    return i > 0 and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _phrase_limit(doc: Doc, start: int, limit: int) -> int:
    """The first mark that ends a noun phrase from `start` (a hyphen inside a name does not)."""
    for token in doc[start : min(len(doc), limit)]:
        if token.is_punct and not _joined(doc, token.i):
            return token.i
    return limit


def _purpose(preposition: Token, ctx: Context) -> bool:
    """A sentence-opening source preposition that an infinitive makes a purpose ("Pour lutter…")."""
    return any(preposition.lower_ == words[-1] for words in ctx.rules.sentence_initial_source_prepositions)


def object_after(doc: Doc, sequence_end: int, ctx: Context) -> Token | None:
    """The head of the noun phrase that follows a source preposition ('according to [the police]')."""
    for token in doc[sequence_end : min(len(doc), sequence_end + 8)]:
        if token.pos_ == "PRON":
            # "selon elle, le mouvement…": the pronoun, whatever the parser hung it on; but "une théorie
            # selon laquelle…", "according to which…" name no source
            return None if ctx.rules.pronoun_kind(token.text) == "relative" else token
        if token.pos_ in ("NOUN", "PROPN"):
            head, limit = token, _phrase_limit(doc, token.i, sequence_end + 12)
            # "selon le ministre, « la responsabilité … »": never past the comma, into the quote
            while head.head.i != head.i and head.head.pos_ in ("NOUN", "PROPN") and sequence_end <= head.head.i < limit:
                head = head.head
            # "selon la tradition rigoriste", "according to plan": no one is the source
            return None if head.lemma_.lower() in ctx.rules.no_source_words else head
        if token.is_punct and not _joined(doc, token.i):  # "the conservative-leaning Tax Foundation" goes on
            return None
        if token.i == sequence_end and "Inf" in token.morph.get("VerbForm") and _purpose(doc[sequence_end - 1], ctx):
            return None  # "Pour lutter contre le Covid-19, …": a purpose, no one's view
    return None


# The longest relative the writer sets between a quote and its cue ("», qui ont fait 30.000 blessés, …").
MAX_RELATIVE_ASIDE = 15


def relative_aside_end(start: int, ctx: Context) -> int | None:
    """The comma closing a relative clause that opens at token `start` ("qui ont fait 30.000 blessés à
    l'automne,"), if one closes it within a few words, outside quotation marks and before any stop."""
    doc = ctx.doc
    if start >= len(doc) or ctx.rules.pronoun_kind(doc[start].text) != "relative":
        return None
    for token in doc[start + 1 : min(len(doc), start + MAX_RELATIVE_ASIDE)]:
        stop = token.text in (*SENTENCE_STOPS, ";", ":") or ctx.rules.marks.pattern.fullmatch(token.text)
        if stop or not ctx.outside(token):
            return None
        if token.text == ",":
            return token.i
    return None


def titled_complement(head: Token, name: Token, ctx: Context) -> bool:
    """Whether a title of its own, after a preposition, stands between a description's head and a name
    ("un proche du président Emmanuel Macron"): the name is that title's holder, not the head's."""
    titles = ctx.rules.role_words | ctx.rules.office_titles
    doc = head.doc
    if not ({head.lower_, head.lemma_.lower()} & (titles | ctx.rules.anonymous_heads)):
        return False  # "», souligné jeudi soir par le directeur général … Jérôme Salomon": no one's description
    if any(t.text == "," for t in doc[head.i : name.i]):
        return False  # "l'un des petits-fils du commandant Athos, Marc Pinte": the whole phrase's apposition
    for token in doc[head.i + 1 : name.i]:
        before = next((t for t in reversed(doc[head.i + 1 : token.i]) if t.pos_ != "DET"), None)
        if (token.lower_ in titles or token.lemma_.lower() in titles) and before is not None and before.pos_ == "ADP":
            return True
    return False
