"""Who speaks through a document: "the committee's records", "its report", or "the letter" that an
earlier sentence gave its author ("In a letter to the fund's investors, Mr Vane described… “…,” the
letter added"); and who speaks through a spokesperson ("Cameron's spokesman")."""

from __future__ import annotations

from spacy.tokens import Token

from .language import LanguageRules
from .mentions import ANONYMOUS, ORGANIZATION, PERSON, Mention, classify
from .syntax import prepositional_objects

# How far back (in tokens) a document's first mention may be for "the letter" to take up its author.
DOCUMENT_REACH = 250


def is_document(token: Token, rules: LanguageRules) -> bool:
    return token.lemma_.lower() in rules.organization_channels or token.lower_ in rules.organization_channels


def channel_owner(head: Token, rules: LanguageRules) -> Token | None:
    """The owner a document or a statement names with a possessive ("the committee's records",
    "its report"), who speaks through it."""
    if not is_document(head, rules):
        return None
    return next(
        (c for c in head.children if c.dep_ in rules.parser.possessive and c.pos_ in ("NOUN", "PROPN", "PRON")), None
    )


def principal_speaking(
    head: Token, mention: Mention, rules: LanguageRules, ents
) -> tuple[Token, str, str, str | None] | None:
    """(head word, name, kind, gender) of the named person or body an unnamed spokesperson speaks for
    ("a spokesman for the Interior Ministry", "Cameron's spokesman"); None for anyone else, for a body
    only described ("un porte-parole du groupe"), and for "the spokesman", who may take up a person
    the article named."""
    principal = spokesperson_principal(head, rules) if mention.kind == ANONYMOUS else None
    if principal is not None and principal.lemma_.lower() in rules.campaign_heads:
        first = _named_before(principal)  # "the Clinton campaign"; "the campaign" names no one
        return (
            (principal, principal.doc[first : principal.i + 1].text, ORGANIZATION, None) if first is not None else None
        )
    named = classify(principal, rules, ents) if principal is not None else None
    if named is None or named.kind not in (PERSON, ORGANIZATION) or named.text.islower():
        return None
    return principal, named.text, named.kind, named.gender


def spokesperson_principal(head: Token, rules: LanguageRules) -> Token | None:
    """The named person or body a spokesperson speaks for: a possessor ("Cameron's spokesman"), a name
    set before the title ("a Clinton spokesman", "a Justice Department spokesman", "a Clinton campaign
    spokesman"), or the object of its preposition ("a spokesman for the Interior Ministry", "le
    porte-parole du ministère"). The caller keeps the spokesperson where the principal is no name or body."""
    labels = rules.parser
    before = [c for c in head.children if c.i < head.i and c.dep_ in labels.modifier]
    two_words = " ".join([c.lower_ for c in before if c.i == head.i - 1] + [head.lemma_.lower()])  # "press secretary"
    if head.lemma_.lower() not in rules.spokesperson_titles and two_words not in rules.spokesperson_titles:
        return None
    for child in head.children:
        if child.dep_ in labels.possessive and child.pos_ == "PROPN":
            return child
    # "a Clinton campaign spokesman": the campaign, an organisation, before the name that owns it
    campaign = [c for c in before if c.lemma_.lower() in rules.campaign_heads and _named_before(c) is not None]
    named = campaign or [c for c in before if c.text[:1].isupper()]
    if named:
        return named[-1]
    return next((o for p, o in prepositional_objects(head, labels) if p in rules.spokesperson_prepositions), None)


def _named_before(word: Token) -> int | None:
    """The first of the capitalised names right before `word` ("Clinton" in "Clinton campaign")."""
    start = word.i
    while start > 0 and word.doc[start - 1].pos_ == "PROPN" and word.doc[start - 1].text[:1].isupper():
        start -= 1
    return start if start < word.i else None


def document_author(head: Token, rules: LanguageRules) -> Token | None:
    """The author of a document taken up by a definite description ("the letter added"), from the
    nearest earlier mention of the same word: its possessor ("The audit chamber's report … the report
    concludes"), or the subject of the clause it set the scene of ("In a note to the board, the
    director of human resources, Cécile Morand, listed…"). None where that mention names no author
    ("A memo … sets out the strategy")."""
    if not is_document(head, rules) or not any(
        c.lower_ in rules.definite_determiners for c in head.children if c.i < head.i
    ):
        return None
    lemma = head.lemma_.lower()
    labels = rules.parser
    for token in reversed(head.doc[max(0, head.i - DOCUMENT_REACH) : head.i]):
        if token.lemma_.lower() != lemma or token.pos_ != "NOUN":
            continue
        owner = channel_owner(token, rules) or _body_named_after(token, rules)
        if owner is not None:
            return owner
        governor = token.head.head if token.head.pos_ == "ADP" else token.head  # "In a letter…, X described"
        if token.dep_ in labels.subject or governor.pos_ not in ("VERB", "AUX") or governor.i == token.i:
            return None
        if not _sets_the_scene(token, rules):
            return None  # "selon le rapport", "comme pour le dernier sondage": a source, no author's scene
        subject = next((c for c in governor.children if c.dep_ in labels.subject), None)
        # "the director of human resources, Cécile Morand": the name set beside the title
        named = [c for c in subject.children if c.dep_ in labels.apposition and c.pos_ == "PROPN"] if subject else []
        return named[0] if named else subject
    return None


def _body_named_after(document: Token, rules: LanguageRules) -> Token | None:
    """The name a document's "of"/"de" phrase gives ("Le rapport de la Cour des comptes", "the report of
    the Audit Commission"): who wrote it."""
    labels = rules.parser
    for child in document.children:
        if child.dep_ not in labels.prepositional or child.i < document.i:
            continue
        # English hangs the name on the preposition, French the preposition on the name
        name = next((g for g in child.children if g.dep_ in labels.prep_object), None) if child.pos_ == "ADP" else child
        marker = (
            child if child.pos_ == "ADP" else next((g for g in child.children if g.dep_ in labels.case_marker), None)
        )
        if (
            name is not None
            and name.text[:1].isupper()  # a name: "la Cour des comptes", not "de 300 pages"
            and marker is not None
            and marker.lower_ in rules.document_author_prepositions
        ):
            return name
    return None


def _sets_the_scene(document: Token, rules: LanguageRules) -> bool:
    """Whether a document hangs on its clause's verb as where the subject said it ("In a letter…",
    "Dans un communiqué…") or as what the subject wrote ("Mr Vane wrote a letter"), not as a source
    of its own ("according to the report", "selon le rapport")."""
    labels = rules.parser
    marker = (
        document.head
        if document.head.pos_ == "ADP"
        else next((c for c in document.children if c.dep_ in labels.case_marker), None)
    )
    return marker is None or marker.lower_ in rules.document_scene_prepositions
