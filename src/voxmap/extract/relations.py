"""Typed relations between the actors of one article, each with its evidence span.

Pattern rules live in `rules/<lang>/relations.toml` (users may add tables). Roles written next to a
name become `leads` / `member_of` / `role_at` relations to the organisation; verbs, nouns,
adjectives and phrases give the other types; an unknown verb between two actors gives
`interacts_with` with the verb as its label.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from ..records import Actor, Relation, Span
from .language import LanguageRules
from .mentions import name_key
from .syntax import VERB_POS, agent_of, doc_text, is_passive, prepositional_objects, subject_of, tokens_covering

OBJECT_DEPS = frozenset({"dobj", "obj", "iobj"})


@dataclass(frozen=True)
class RelationSpec:
    predicate: str
    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    adjectives: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    phrases: tuple[tuple[str, ...], ...] = ()
    require: frozenset[str] = frozenset()
    inverse: bool = False
    objects: frozenset[str] = frozenset()  # the actor types the object may have (any when empty)


@dataclass(frozen=True)
class RelationRules:
    specs: tuple[RelationSpec, ...]
    leader_titles: tuple[str, ...]
    member_titles: tuple[str, ...]
    generic: bool
    by_verb: dict[str, tuple[RelationSpec, ...]] = field(default_factory=dict)
    by_noun: dict[str, tuple[RelationSpec, ...]] = field(default_factory=dict)
    by_adjective: dict[str, tuple[RelationSpec, ...]] = field(default_factory=dict)


def _index(specs, attribute) -> dict[str, tuple[RelationSpec, ...]]:
    index: dict[str, list[RelationSpec]] = {}
    for spec in specs:
        for word in getattr(spec, attribute):
            index.setdefault(word, []).append(spec)
    return {word: tuple(found) for word, found in index.items()}


@cache
def relation_rules(language: str) -> RelationRules:
    table = tomllib.loads(
        (resources.files("voxmap.extract.rules") / language / "relations.toml").read_text(encoding="utf-8")
    )
    lower = lambda words: frozenset(w.lower() for w in words)
    specs = tuple(
        RelationSpec(
            predicate=entry["predicate"],
            verbs=lower(entry.get("verbs", [])),
            nouns=lower(entry.get("nouns", [])),
            adjectives=lower(entry.get("adjectives", [])),
            prepositions=lower(entry.get("prepositions", [])),
            phrases=tuple(tuple(w.lower() for w in p) for p in entry.get("phrases", [])),
            require=lower(entry.get("require", [])),
            inverse=bool(entry.get("inverse", False)),
            objects=lower(entry.get("objects", [])),
        )
        for entry in table.get("relation", [])
    )
    roles = table.get("roles", {})
    return RelationRules(
        specs,
        tuple(t.lower() for t in roles.get("leader_titles", [])),
        tuple(t.lower() for t in roles.get("member_titles", [])),
        bool(roles.get("generic", True)),
        _index(specs, "verbs"),
        _index(specs, "nouns"),
        _index(specs, "adjectives"),
    )


def actor_index(doc: Doc, actors: list[Actor]) -> list[Actor | None]:
    """For each token, the actor one of whose mentions covers it. A name the model tagged once but
    missed elsewhere is found again by its letters."""
    index: list[Actor | None] = [None] * len(doc)
    text = doc_text(doc)

    def mark(start: int, end: int, actor: Actor) -> None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                index[i] = index[i] or actor

    for actor in actors:
        for mention in actor.mentions:
            mark(mention.start, mention.end, actor)
    for actor in actors:
        if actor.type in ("person", "organization") and len(actor.name) > 3:
            for match in re.finditer(rf"(?<!\w){re.escape(actor.name)}(?!\w)", text):
                mark(match.start(), match.end(), actor)
    return index


class _Finder:
    def __init__(
        self,
        doc: Doc,
        rules: LanguageRules,
        relation_rules_: RelationRules,
        actors: list[Actor],
        dates: list,
        actor_at: list[Actor | None] | None = None,
    ) -> None:
        self.doc, self.rules, self.spec = doc, rules, relation_rules_
        self.labels = rules.parser
        self.actor_at = actor_at if actor_at is not None else actor_index(doc, actors)
        self.actors = actors  # relations may add the proper names they link (see new_actor)
        self.text = doc_text(doc)
        self.dates = dates

    def actor(self, token: Token | None, create: bool = False) -> Actor | None:
        """The actor a token stands for; with `create`, an untagged proper name becomes one."""
        if token is None:
            return None
        found = self.actor_at[token.i]
        if found is None:
            # "its general secretary, Fabien D.", "le syndicat Rempart": the name beside the noun
            # stands for the phrase.
            beside = self.labels.apposition | self.labels.name_parts | {"nmod"}
            named = next(
                (
                    c
                    for c in token.children
                    if self.actor_at[c.i]
                    and (
                        c.dep_ in self.labels.apposition
                        or c.dep_ in self.labels.possessive
                        or (c.dep_ in beside and c.i == token.i + 1)
                    )
                ),
                None,
            )
            found = self.actor_at[named.i] if named is not None else None
        if found is None and create and token.pos_ == "PROPN" and token.ent_type_ not in ("DATE", "TIME"):
            found = self.new_actor(token)
        return found

    def new_actor(self, head: Token) -> Actor:
        """A proper name the model did not tag, met as the argument of a relation: it becomes an
        actor ("the Paris Police Prefecture", "la Ligue des droits de l'homme")."""
        start = min(t.i for t in head.subtree if t.dep_ not in self.labels.apposition | self.labels.relative_clause)
        while start < head.i and (self.doc[start].pos_ in ("DET", "ADP", "PUNCT")):
            start += 1
        phrase = self.doc[start : head.i + 1]
        named = [
            a
            for a in self.actors
            if a.type == "person" and len(a.name.split()) > 1 and a.name.split()[-1] == phrase.text
        ]
        if len(named) == 1:
            # "Delacourt met the minister": the surname of the one person the article named in full.
            named[0].mentions.append(Span.of(self.text, phrase.start_char, phrase.end_char))
            for i in range(phrase.start, phrase.end):
                self.actor_at[i] = named[0]
            return named[0]
        first = phrase[0].lower_
        kind = (
            "person"
            if first in self.rules.first_names["masculine"] | self.rules.first_names["feminine"]
            else "organization"
        )
        actor = Actor(
            id=f"a{len(self.actors) + 1}",
            name=phrase.text,
            type=kind,
            mentions=[Span.of(self.text, phrase.start_char, phrase.end_char)],
        )
        self.actors.append(actor)
        for i in range(phrase.start, phrase.end):
            self.actor_at[i] = actor
        return actor

    def objects(self, token: Token, prepositions: frozenset[str]) -> Iterator[Token]:
        for child in token.children:
            if child.dep_ in OBJECT_DEPS:
                yield child
        for preposition, obj in prepositional_objects(token, self.labels):
            if preposition in prepositions:
                yield obj

    def evidence(self, *tokens: Token) -> Span:
        sent = tokens[0].sent
        return Span.of(self.text, sent.start_char, sent.end_char)

    def date_in(self, token: Token) -> str | None:
        sent = token.sent
        for mention in self.dates:
            if sent.start_char <= mention.start < sent.end_char and mention.value is not None:
                return mention.value.isoformat()
        return None

    def holder(self, word: Token) -> Token | None:
        """Who an adjective or noun describes: 'X, close to Y' / 'X is close to Y' / 'X est proche de Y'."""
        if word.dep_ in self.labels.apposition | {"amod", "acl"} and word.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return word.head
        subject = subject_of(word, self.labels)
        if subject is not None:
            return subject
        if word.head.pos_ in VERB_POS:
            return subject_of(word.head, self.labels)
        return None


def _pairs(finder: _Finder, token: Token) -> Iterator[tuple[RelationSpec, Token | None, Token | None, float]]:
    """(spec, X, Y, confidence) for the triggers at `token`."""
    lemma = token.lemma_.lower()
    if token.pos_ in VERB_POS or token.tag_ == "VBN" or (token.pos_ == "ADJ" and token.lower_ in finder.spec.by_verb):
        for spec in finder.spec.by_verb.get(lemma, ()) or finder.spec.by_verb.get(token.lower_, ()):
            if spec.predicate == "elected":
                # "X was elected head of Y in 2018": the elected one, and the body in what follows.
                x = subject_of(token, finder.labels)
                body = next(
                    (
                        t
                        for t in token.subtree
                        if t.i > token.i and finder.actor_at[t.i] and finder.actor_at[t.i] is not finder.actor(x)
                    ),
                    None,
                )
                yield spec, x, body, 0.75
                continue
            if is_passive(token, finder.labels):
                x, ys = agent_of(token, finder.labels), [subject_of(token, finder.labels)]
            else:
                x, ys = subject_of(token, finder.labels), list(finder.objects(token, spec.prepositions))
            for y in ys:
                yield spec, x, y, 0.8
    if token.pos_ in ("NOUN", "PROPN"):
        for spec in finder.spec.by_noun.get(lemma, ()):
            if spec.require and not any(
                t.lemma_.lower() in spec.require or t.lower_ in spec.require for t in token.sent
            ):
                continue
            ys = list(finder.objects(token, spec.prepositions))
            if token.head.pos_ in VERB_POS:  # "porter plainte contre X": the object may hang from the verb
                ys += [y for p, y in prepositional_objects(token.head, finder.labels) if p in spec.prepositions]
            x = (
                finder.holder(token)
                if spec.predicate == "ally_of"
                else subject_of(token.head, finder.labels)
                if token.head.pos_ in VERB_POS
                else finder.holder(token)
            )
            for y in ys:
                yield spec, x, y, 0.75
    if token.pos_ == "ADJ":
        for spec in finder.spec.by_adjective.get(lemma, ()):
            for y in finder.objects(token, spec.prepositions):
                yield spec, finder.holder(token), y, 0.75


def _phrase_pairs(finder: _Finder) -> Iterator[tuple[RelationSpec, Token, Token, float]]:
    """'X is on first-name terms with Y': phrases are matched in the text, whatever the tokeniser
    made of their hyphens."""
    doc, lowered = finder.doc, finder.text.lower()
    for spec in finder.spec.specs:
        for words in spec.phrases:
            phrase = " ".join(words)
            start = lowered.find(phrase)
            while start >= 0:
                span = tokens_covering(doc, start, start + len(phrase))
                if span is not None:
                    sent = span.sent
                    after = next((t for t in doc[span.end : sent.end] if finder.actor_at[t.i]), None)
                    before = next((t for t in doc[sent.start : span.start] if finder.actor_at[t.i]), None)
                    if after is not None and before is not None:
                        yield spec, before, after, 0.7
                start = lowered.find(phrase, start + 1)


def _role_relations(finder: _Finder, actors: list[Actor]) -> Iterator[Relation]:
    organizations = {name_key(a.name, finder.rules): a for a in actors if a.type in ("organization", "group")}
    for actor in actors:
        for role in actor.roles:
            if not role.organization:
                continue
            key = name_key(role.organization, finder.rules)
            target = organizations.get(key) or next(
                (a for k, a in organizations.items() if k and (set(k) <= set(key) or set(key) <= set(k))), None
            )
            if target is None or target is actor:
                continue
            title = role.title.lower()
            former = any(word in finder.rules.former_markers for word in title.split())
            # The title itself, without "former": "general secretary" leads, "director of human
            # resources" only holds a role there.
            core = " ".join(w for w in title.split() if w not in finder.rules.former_markers)
            if core in finder.spec.leader_titles:
                predicate = "leads"
            elif any(f" {t} " in f" {core} " for t in finder.spec.member_titles):
                predicate = "member_of"
            else:
                predicate = "role_at"
            yield Relation(actor.id, predicate, target.id, role.evidence, 0.85, title=role.title, former=former)


def find_relations(
    doc: Doc, rules: LanguageRules, actors: list[Actor], dates: list, actor_at: list[Actor | None] | None = None
) -> list[Relation]:
    """Relations of one article. `actor_at` (from `actor_index`) may be shared with other finders;
    it gains the proper names that relations turn into actors."""
    finder = _Finder(doc, rules, relation_rules(rules.language), actors, dates, actor_at)
    found: list[Relation] = list(_role_relations(finder, actors))
    triggered: set[int] = set()
    candidates = [(token, *pair) for token in doc for pair in _pairs(finder, token)]
    candidates += [(pair[1], *pair) for pair in _phrase_pairs(finder)]
    for token, spec, x_token, y_token, confidence in candidates:
        x, y = finder.actor(x_token), finder.actor(y_token)
        if (x is None) != (y is None):  # one side known: the other may be a name the model missed
            x, y = x or finder.actor(x_token, create=True), y or finder.actor(y_token, create=True)
        if x is None or y is None or x is y or x.place or y.place:
            continue  # "visited Paris" is no tie between actors
        if spec.objects and y.type not in spec.objects:
            continue  # "Clinton leads Trump by 43 percent to 38": a poll standing, not leadership
        if spec.inverse:
            x, y = y, x
        triggered.add(token.i)
        found.append(
            Relation(
                x.id,
                spec.predicate,
                y.id,
                finder.evidence(token),
                confidence,
                date=finder.date_in(token) if spec.predicate == "elected" else None,
            )
        )
    if finder.spec.generic:
        found += _generic(finder, triggered)
    return _unique(found)


def _generic(finder: _Finder, triggered: set[int]) -> Iterator[Relation]:
    for token in finder.doc:
        if token.pos_ != "VERB" or token.i in triggered or token.lemma_.lower() in finder.rules.speech_verbs:
            continue
        x = finder.actor(subject_of(token, finder.labels))
        for child in token.children:
            if child.dep_ in OBJECT_DEPS:
                y = finder.actor(child)
                if x is not None and y is not None and x is not y and not (x.place or y.place):
                    yield Relation(
                        x.id, "interacts_with", y.id, finder.evidence(token), 0.5, label=token.lemma_.lower()
                    )


def _unique(relations: list[Relation]) -> list[Relation]:
    seen: set[tuple] = set()
    unique = []
    for relation in relations:
        key = (relation.subject, relation.predicate, relation.object, relation.label)
        if key not in seen:
            seen.add(key)
            unique.append(relation)
    return unique
