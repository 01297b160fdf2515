"""People the narration makes act without naming them: "A former adviser at the ministry, who followed
the file, agreed to meet us", "The former engineer, whom we called back, was not surprised". Each is a
sighting of its person, so that the pronoun or the description of a quote further on ("he explains",
"our interlocutor goes on") finds who the article has been talking about, not the last name written.
A pronoun of the narration is no sighting (resolved by recency, it would only repeat or spread the
resolver's guess: on PolNeAR train+dev it moved nine quotes to the wrong person and fixed none of the
long-form gold), but what its sentence writes beside it describes its person ("A retired
schoolteacher from Parma, she has run…")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .coref import History, Resolver, Sighting
from .descriptions import described_by, descriptions_of
from .language import LanguageRules
from .mentions import ANONYMOUS, DESCRIPTION, PERSON, PRONOUN, Mention, classify
from .syntax import main_clause


def narrated_people(
    doc: Doc, rules: LanguageRules, ents: list[Span | None], in_quote: list[bool], speakers: set[int]
) -> list[tuple[Mention, Token]]:
    """The unnamed people that are subjects of clauses outside quotation marks, other than the
    speakers of quotes, in order (with their head words): gendered pronouns and descriptions headed by
    a person word."""
    people_words = rules.anonymous_heads | rules.role_words
    found = []
    for token in doc:
        if in_quote[token.i] or token.i in speakers or token.dep_ not in rules.parser.subject:
            continue
        # a main clause's subject only: in "while she was secretary of state", "…adding that he believed
        # the Indiana-born judge was…", it is not whom the sentence is about
        if not main_clause(token.head, rules.parser):
            continue
        described = _one_of_them(token, people_words, rules)  # "One" may be the model's number entity
        if described is not None and ents[described.i] is None:
            found.append((classify(described, rules, ents), described))
            continue
        if ents[token.i]:
            continue
        pronoun = token.pos_ == "PRON" and rules.pronoun_kind(token.text) in ("masculine", "feminine")
        if not pronoun and not (token.pos_ == "NOUN" and token.lemma_.lower() in people_words):
            continue
        mention = classify(token, rules, ents)
        if mention.kind in (PRONOUN, DESCRIPTION) or (mention.kind == ANONYMOUS and _introduced(token, rules)):
            found.append((mention, token))
    return found


def _one_of_them(subject: Token, people_words: frozenset[str], rules: LanguageRules) -> Token | None:
    """The description set beside "one of them" as a subject ("One of them, then a senior official at
    the directorate, describes…"): one person of a group the article introduces as a source."""
    if subject.lower_ not in rules.partitive_ones or not any(
        t.lower_ in rules.partitive_pronouns for t in subject.subtree if t.i <= subject.i + 3
    ):
        return None
    return next(
        (
            c
            for c in subject.children
            if c.dep_ in rules.parser.apposition and c.pos_ == "NOUN" and c.lemma_.lower() in people_words
        ),
        None,
    )


def _introduced(head: Token, rules: LanguageRules) -> bool:
    """A source the narration introduces: one person, with an indefinite determiner, described at length
    in a relative clause or an apposition, in a sentence that (or the next) says how they came to speak ("A former
    adviser at the ministry, who followed the file, agreed to meet us"; "… spoke on condition of
    anonymity"), not a person of an example ("a retired person living alone pays…", "a president who
    decimated…")."""
    labels = rules.parser
    if "Plur" in head.morph.get("Number") or not any(
        t.lower_ in rules.indefinite_determiners for t in head.children if t.i < head.i
    ):
        return False
    if rules.sources_before_quotes and _quote_follows(head, rules):
        return True  # "Une professeure de lettres interpelle X sur Facebook. « … », indique-t-elle."
    return any(t.dep_ in labels.relative_clause | labels.apposition for t in head.subtree) and any(
        t.lemma_.lower() in rules.source_introductions for t in _and_next(head.sent)
    )


def _quote_follows(head: Token, rules: LanguageRules) -> bool:
    """Whether a quote opens right after the sentence that introduces `head`, or after a colon ending
    its clause: the narration sets up the quote of the person it introduces ("Une professeure interpelle
    X. « … », indique-t-elle"; "un membre du gouvernement en est persuadé : « … »"), not a scare quote
    further on, nor in a headline's words ("Un virologue sous protection policière")."""
    doc, sentence, labels = head.doc, head.sent, rules.parser
    # "…, où Marc Van Ranst est devenu la cible…": a person named acts in a clause of their own after it
    # (one the parser hung on the same verb is its object: "interpelle Emmanuel Macron")
    if any(
        t.ent_type_ in labels.person_entities and t.dep_ in labels.subject and t.head.i != head.head.i
        for t in doc[head.i + 1 : sentence.end]
    ):
        return False
    opens = lambda i: i < len(doc) and bool(rules.marks.pattern.fullmatch(doc[i].text))
    after_colon = any(t.text == ":" and opens(t.i + 1) for t in doc[head.i : sentence.end])
    return after_colon or opens(sentence.end)


def _and_next(sentence: Span) -> Span:
    """A sentence and the one after it ("A former aide … described the hearings. The aide spoke on
    condition of anonymity")."""
    doc = sentence.doc
    if sentence.end >= len(doc):
        return sentence
    return doc[sentence.start : doc[sentence.end].sent.end]


def sight(found: tuple[Mention, Token], rules: LanguageRules, history: History, resolver: Resolver, anonymous) -> None:
    """Record the person `mention` is, if found: an anonymous source is a new one (`anonymous` makes
    its actor), a description the person its words take up; a pronoun is no sighting, but what its
    sentence writes beside it ("A retired schoolteacher from Parma, she has run…") describes its
    person."""
    mention, token = found
    if mention.kind == PRONOUN:
        written = descriptions_of(token.doc[token.i : token.i + 1], rules)
        actor = resolver.resolve(mention, history) if written else None
        if actor is not None and actor.type == PERSON:
            history.descriptions.extend((mention.start, actor, words) for words in written)
        return
    if mention.kind == ANONYMOUS:
        actor = anonymous(mention)
        if not actor.human:
            return
    else:
        # a description only where its words tell who ("The former Aqualis engineer…"), not by recency
        actor = resolver.described(mention, history)
        if actor is None:
            return
    phrase = token  # "One of them, then a senior official at the ministry, describes…": the apposition's
    while phrase.dep_ in rules.parser.apposition and phrase.head.i != phrase.i:
        phrase = phrase.head
    topic = phrase.dep_ in rules.parser.subject and main_clause(phrase.head, rules.parser)
    history.sightings.append(Sighting(mention.start, actor, True, False, topic, mention.gender))
    history.sightings.sort(key=lambda s: s.position)
    history.descriptions.append((mention.start, actor, described_by(token, rules)))
