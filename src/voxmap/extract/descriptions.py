"""What an article says a person is, beyond an official title: the nouns written beside a name
("Ramon Ortiz, a Democrat from Toledo", "His deputy for public works then, Michel Ospital", "Olivier
Castagnet … is a chartered accountant by profession"), kept as words so that a description written
paragraphs later ("the Toledo Democrat", "the accountant") finds the person it describes.

These words only serve to find who a description is; they are no role and give no voice.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .language import LanguageRules

# The longest description kept, in tokens from its head's left edge: past it, a phrase is narration.
MAX_DESCRIPTION_TOKENS = 12
CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ"})


def description_words(tokens, rules: LanguageRules) -> frozenset[str]:
    """The lower-cased lemmas of the nouns, names and adjectives of `tokens`, weak words left out
    ("former", "then"): what a description says about its person."""
    words = set()
    for token in tokens:
        if token.pos_ in CONTENT_POS and token.is_alpha and len(token.text) > 1:
            lemma = token.lemma_.lower() if token.pos_ != "PROPN" else token.lower_
            if lemma not in rules.description_weak_words:
                words.add(lemma)
    return frozenset(words)


@dataclass(frozen=True, slots=True)
class Described:
    """What one or more descriptions say of a person: `core`, their head nouns and the words on them
    ("retired plumber"); `words`, all their content words ("… in the Cinq Cantons district")."""

    core: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()

    def __or__(self, other: Described) -> Described:
        return Described(self.core | other.core, self.words | other.words)


def described_by(head: Token, rules: LanguageRules, leave_out: Span | None = None) -> Described:
    """What the phrase headed by `head` says, without its relative clauses and what follows a comma
    inside it ("a retired plumber who has lived…": retired, plumber)."""
    labels = rules.parser
    cut = labels.relative_clause | labels.clause | labels.adverbial_clause | labels.apposition
    kept, stack = [], [head]
    while stack:
        token = stack.pop()
        if leave_out is not None and leave_out.start <= token.i < leave_out.end:
            continue
        kept.append(token)
        stack.extend(c for c in token.children if c.dep_ not in cut and c.sent == head.sent)
    first = min(t.i for t in kept)
    kept = [t for t in kept if t.i - first < MAX_DESCRIPTION_TOKENS]
    # "the member of parliament for the Gers and rapporteur of…": a title joined to the head is one too
    joined = [c for c in head.children if c.dep_ in labels.conjunct and c.pos_ == "NOUN"]
    core = [head, *joined, *(c for t in (head, *joined) for c in t.children if c.dep_ in labels.modifier)]
    return Described(description_words(core, rules), description_words(kept, rules))


def descriptions_of(name: Span, rules: LanguageRules) -> list[Described]:
    """The descriptions written beside one mention of a person: its appositions, the noun it stands in
    apposition to, and what a copula says it is."""
    labels = rules.parser
    root = name.root
    found = []
    appositions = [c for c in root.children if c.dep_ in labels.apposition and not name.start <= c.i < name.end]
    seen = []
    while appositions:  # "Hervé Lantier, its president since 2019, a cereal grower from the Marne"
        child = appositions.pop()
        seen.append(child)
        # "a Republican from Findlay" (the tagger's proper noun), never a second person's name
        if child.pos_ == "NOUN" or (child.pos_ == "PROPN" and child.ent_type_ not in labels.person_entities):
            found.append(described_by(child, rules))
        appositions.extend(c for c in child.children if c.dep_ in labels.apposition)
        if not appositions:
            appositions = [a for a in [_stacked_apposition(seen, rules)] if a is not None and a not in seen]
    if not seen and (beside := _second_subject(name, rules)) is not None:
        found.append(described_by(beside, rules))  # "…, a affirmé Jean-Yves Le Drian, le ministre des…"
    if root.dep_ in labels.apposition and root.head.pos_ == "NOUN":
        found.append(described_by(root.head, rules, leave_out=name))  # "His deputy…, Michel Ospital"
    elif (role := _role_before(name, rules)) is not None:
        found.append(described_by(role, rules))  # "le pasteur de l'endroit, Joel Crouse," unparsed
    if root.dep_ in labels.subject:
        verb = root.head
        # "A retired schoolteacher from Parma, she has run…": a noun phrase opening the sentence
        found.extend(described_by(c, rules) for c in verb.children if _fronted(c, root))
        if verb.lemma_.lower() in rules.copulas:  # "X is a chartered accountant"
            found.extend(described_by(c, rules) for c in verb.children if c.dep_ in labels.attribute)
        elif verb.pos_ == "NOUN" and any(c.dep_ in labels.copula for c in verb.children):  # "X est comptable"
            found.append(described_by(verb, rules, leave_out=name))
    if (title := _honorific_title(name, rules)) is not None:
        found.append(Described(frozenset({title}), frozenset({title})))  # "Me Berna": a lawyer
    return [described for described in found if described.core]


def _honorific_title(name: Span, rules: LanguageRules) -> str | None:
    """The title an honorific before or opening a name implies ("Me Berna": avocat, "Dr Smith": doctor)."""
    doc = name.doc
    words = [doc[name.start - 1]] if name.start else []
    words.append(doc[name.start])
    return next((rules.honorific_titles[w.lower_] for w in words if w.lower_ in rules.honorific_titles), None)


def loose_apposition(head: Token, rules: LanguageRules) -> Token | None:
    """'comme la surnomme le pasteur de l'endroit, Joel Crouse, permet…': a person's name between
    commas right after a role's phrase, which the parser hung on no noun, stands in apposition to it."""
    doc, labels = head.doc, rules.parser
    # the parser may make the name a conjunct of the role ("sa petite amie, Courtney Ross, auprès…")
    conjuncts = {t.i for c in head.children if c.dep_ in labels.conjunct for t in c.subtree}
    comma = max(t.i for t in head.subtree if t.i not in conjuncts) + 1
    # the parser may hang the title's complement on the verb ("le médiateur [aux candidats et partis
    # politiques], Jean-Raphaël Alventosa"): the phrase runs on through its words to the comma
    while comma < min(len(doc), head.i + LOOSE_COMPLEMENT) and _complement_word(doc[comma], labels):
        comma += 1
    if head.pos_ != "NOUN" or comma + 2 >= len(doc) or doc[comma].text != "," or doc[comma + 1].ent_iob_ != "B":
        return None
    name = doc[comma + 1]
    if name.ent_type_ not in labels.person_entities or name.dep_ in labels.subject | labels.direct_object:
        return None  # "Selon le ministre, Jean Dupont a…": the next clause's subject
    end = comma + 2
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return name if end < len(doc) and doc[end].text in (",", ".") else None


# How many words a title's complement may run past its head before the comma of a loose apposition.
LOOSE_COMPLEMENT = 9


def _complement_word(token: Token, labels) -> bool:
    """A word of a title's complement: a preposition, determiner, noun, adjective or conjunction, no name."""
    return token.pos_ in ("ADP", "DET", "NOUN", "ADJ", "CCONJ") and token.ent_type_ not in labels.person_entities


def _role_before(name: Span, rules: LanguageRules) -> Token | None:
    """The role noun whose phrase ends at the comma before `name`, where `name` is its loose apposition."""
    if name.start < 2 or name.doc[name.start - 1].text != ",":
        return None
    token = name.doc[name.start - 2]
    while token.head.i != token.i and token.head.right_edge.i == token.i:
        token = token.head
    return token if loose_apposition(token, rules) is not None and token.i < name.start else None


# How far past an apposition a comma may open the next one ("its president [since 2019], a …").
STACK_GAP = 4


def _stacked_apposition(appositions: list[Token], rules: LanguageRules) -> Token | None:
    """The apposition written after the last one, set apart by a comma, that the parser hung elsewhere
    ("Hervé Lantier, its president since 2019, a cereal grower from the Marne": "grower" went to the
    sentence's subject): a noun phrase opening right after that comma is the same person's."""
    doc = appositions[0].doc
    end = max(a.right_edge.i for a in appositions)
    comma = next((t.i for t in doc[end + 1 : end + 2 + STACK_GAP] if t.text == ","), None)
    if comma is None or any(t.pos_ in ("VERB", "AUX") for t in doc[end + 1 : comma]):
        return None
    return next(
        (
            t
            for t in doc[comma + 1 : comma + 1 + STACK_GAP]
            if t.dep_ in rules.parser.apposition and t.pos_ == "NOUN" and t.left_edge.i == comma + 1
        ),
        None,
    )


def _second_subject(name: Span, rules: LanguageRules) -> Token | None:
    """The noun phrase opening right after a comma after `name` that the parser made a second subject
    of the name's verb instead of its apposition ("a affirmé Jean-Yves Le Drian, le ministre des
    Affaires étrangères, sur Franceinfo")."""
    doc, root = name.doc, name.root
    # the parser may make the inverted name the verb's object, in part or whole ("a affirmé Jean-Yves Le Drian")
    arguments = rules.parser.subject | rules.parser.direct_object
    if root.dep_ not in arguments or name.end + 1 >= len(doc) or doc[name.end].text != ",":
        return None
    return next(
        (
            t
            for t in doc[name.end + 1 : name.end + 1 + STACK_GAP]
            if t.pos_ == "NOUN" and t.head.i == root.head.i and t.dep_ in arguments and t.left_edge.i == name.end + 1
        ),
        None,
    )


def _fronted(phrase: Token, subject: Token) -> bool:
    """Whether `phrase` is a noun phrase that opens the sentence and a comma sets before `subject`."""
    return (
        phrase.pos_ == "NOUN"
        and phrase.left_edge.i == phrase.sent.start
        and phrase.right_edge.i + 1 < subject.i
        and phrase.doc[phrase.right_edge.i + 1].text == ","
        and phrase.dep_ != subject.dep_
    )


def kin(word: str, rules: LanguageRules) -> frozenset[str]:
    """`word` and the words that describe the same kind of person ("researcher", "sociologist")."""
    return rules.description_kin.get(word, frozenset({word}))


def description_score(head: str, words: frozenset[str], described: Described, rules: LanguageRules) -> int:
    """How well a description (`head` and its content `words`) fits what the article said of someone:
    2 for the head (or a word of its kind) among their descriptions' heads, 1 for each other shared
    word; 0 when neither the head nor two other words fit ("the Aqualis executive" is not "a former
    engineer of Aqualis"; "the farmers' federation" is not "president of the farmers' federation")."""
    # "the mayor" is not someone described as the "deputy mayor", unless the description says so too
    lesser = bool(described.core & rules.second_in_rank) and not words & rules.second_in_rank
    head_fits = bool(kin(head, rules) & described.core) and not lesser
    shared = sum(1 for word in words - {head} if kin(word, rules) & described.words)
    if not head_fits and shared < 2:
        return 0
    return 2 * head_fits + shared
