"""Who speaks through a document: "the committee's records", "its report", or "the letter" that an
earlier sentence gave its author ("In a letter to the fund's investors, Mr Vane described… “…,” the
letter added")."""

from __future__ import annotations

from spacy.tokens import Token

from .language import LanguageRules

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
        if token.dep_ in labels.subject or governor.pos_ not in ("VERB", "AUX") or governor is token:
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
