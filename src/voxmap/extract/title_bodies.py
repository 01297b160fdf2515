"""The organisation a title names: "manager of the Rempart union", "secrétaire général du syndicat
Alliance", "porte-parole du syndicat national des professionnels infirmiers", "le délégué CGT": the body
after the title's preposition, in its own modifiers, or right after it (extract/roles.py builds roles
from it)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .language import LanguageRules
from .offices import load_voice_rules
from .syntax import is_acronym, prepositional_objects


def _name_word(token: Token) -> bool:
    """A capitalised word inside its sentence that no entity claims: part of a name."""
    return token.text[:1].isupper() and token.pos_ in ("NOUN", "PROPN") and not token.is_sent_start


def _phrase_tokens(obj: Token, labels) -> list[Token]:
    """The object's phrase without its relative clauses: "a city council member in Somerton, Ariz., who
    had never heard Perez speak" is a member in Somerton, not of a body that holds Perez."""
    relatives = [c for c in obj.children if c.dep_ in labels.relative_clause]
    inside = {t.i for c in relatives for t in c.subtree}
    return [t for t in obj.subtree if t.i not in inside]


def organization_of_title(
    title_head: Token, rules: LanguageRules, ents: list[Span | None], depth: int = 0
) -> tuple[str | None, int | None]:
    """(organisation name, token index where the organisation phrase starts) for a title; one
    complement deep ("responsable de la communication du groupe N'Py": the group)."""
    labels = rules.parser
    complements = []
    for preposition, obj in prepositional_objects(title_head, labels):
        if preposition not in rules.organization_prepositions:
            continue
        voice_rules = load_voice_rules(rules.language)
        if title_head.lemma_.lower() in voice_rules.party_roles and preposition in voice_rules.candidacy_prepositions:
            continue  # "candidate for the White House": what the candidate runs for, not their body
        ent = ents[obj.i]
        subtree = _phrase_tokens(obj, labels)
        institutions = labels.organization_entities | labels.place_entities
        named = {ents[t.i].label_ for t in subtree if ents[t.i] is not None}
        if preposition in rules.locative_prepositions and named and named <= labels.place_entities:
            continue  # "a financial adviser in Eau Claire": where the holder works, no organisation
        quoted = (
            _quoted_name(title_head.doc, obj.right_edge.i + 1, rules) or _bracketed_acronym(obj, title_head)
            if obj.lemma_.lower() in rules.organization_heads and ent is None
            else None
        )
        if quoted is not None:
            return quoted.text, min(t.i for t in subtree)
        inner = next(
            (
                ents[t.i]
                for t in subtree
                if t.i != obj.i
                and ents[t.i] is not None
                and ents[t.i].label_ in institutions
                and ents[obj.i] is None
                # "in Trump's campaign": the possessor's campaign is the organisation, not the possessor
                and not (ents[t.i].root.dep_ in labels.possessive and ents[t.i].root.head.i == obj.i)
            ),
            None,
        )
        if inner is not None and inner.label_ in labels.place_entities and obj.lemma_.lower() in rules.place_body_heads:
            # "présidente de la région Île-de-France", "du conseil départemental de la Gironde": a body
            # of the place, named by its kind, not the place itself
            return _without_determiner(title_head.doc[obj.i : inner.end], rules), min(t.i for t in subtree)
        if inner is not None:
            # "directrice des ressources humaines des Forges de Vierzon": the named institution is
            # the organisation; what comes before it belongs to the title.
            root = inner.root
            case = next((c.i for c in root.children if c.dep_ in labels.case_marker), None)
            start = case if case is not None else (root.head.i if root.head.i < inner.start else inner.start)
            return _without_determiner(inner, rules), start
        has_org = any(ents[t.i] is not None and ents[t.i].label_ in institutions for t in subtree)
        complements.append(obj)
        # A bare capitalised word is not enough: "Secretary of State" names no organisation.
        if has_org or obj.lemma_.lower() in rules.organization_heads:
            left = min(t.i for t in subtree)
            prep_token = min(left, next((c.i for c in obj.children if c.dep_ in labels.case_marker), left))
            if not labels.case_marker:  # English: the preposition is the object's head
                prep_token = obj.head.i
            doc = title_head.doc
            right = max(t.i for t in subtree) + 1
            # "du syndicat Unité Santé" parsed as two phrases: the name that follows belongs to it.
            if (
                right < len(doc)
                and ents[right] is not None
                and ents[right].start == right
                and ents[right].label_ in labels.organization_entities
            ):
                right = ents[right].end
                ent = None
            elif obj.lemma_.lower() in rules.organization_heads:
                # "du syndicat policier Alliance" with "Alliance" hung on the title: the body's name too,
                # even one the model took for a place ("du collectif Inter-Urgences"), unless the body is
                # a place's ("du conseil départemental Gironde" names no body called so)
                not_names = labels.person_entities
                if obj.lemma_.lower() in rules.place_body_heads:
                    not_names = not_names | labels.place_entities
                while (
                    right < len(doc)
                    and _name_word(doc[right])
                    and (ents[right] is None or ents[right].label_ not in not_names)
                ):
                    right += 1
                right = _lower_case_name_end(doc, left, right, rules)
            # "antenne du Louvre implantée dans l'ancien bassin minier": a participle starts a description.
            right = next(
                (
                    t.i
                    for t in doc[obj.i + 1 : right]
                    if t.is_lower and t.pos_ in ("VERB", "ADJ") and "Part" in t.morph.get("VerbForm")
                ),
                right,
            )
            name_tokens = doc[left:right]
            if ent is not None and ent.label_ in labels.organization_entities:
                return _without_determiner(ent, rules), prep_token
            return _without_determiner(name_tokens, rules), prep_token
    # "Rempart spokesman": an organisation named in the title's own modifiers.
    for child in title_head.children:
        ent = ents[child.i]
        if child.i < title_head.i and names_a_body(ent, rules):
            return ent.text, None
    body_after = body_right_after(title_head, rules, ents)
    if body_after is not None:
        return body_after, None
    for obj in complements if depth == 0 else ():
        found = organization_of_title(obj, rules, ents, depth + 1)
        if found[0] is not None:
            return found
    return None, None


# How far past a kind of body ("l'association de participants à la CCC") its quoted name may follow.
MAX_BEFORE_QUOTED_NAME = 4
MAX_QUOTED_NAME_WORDS = 5


def _quoted_name(doc: Doc, after: int, rules: LanguageRules) -> Span | None:
    """'co-président de l'association de participants à la CCC « Les 150 »': the body a kind word
    describes is named by the short capitalised name quoted after its phrase (a complement at most
    between), not by the kind word."""
    marks = rules.marks
    i = after
    while i < min(len(doc), after + MAX_BEFORE_QUOTED_NAME) and doc[i].text not in marks.openers:
        if doc[i].pos_ not in ("ADP", "DET", "PROPN", "NOUN"):
            return None
        i += 1
    if i >= len(doc) or doc[i].text not in marks.openers:
        return None
    closing = next((t.i for t in doc[i + 1 : i + 2 + MAX_QUOTED_NAME_WORDS] if t.text in marks.closers), None)
    if closing is None or closing == i + 1:
        return None
    name = doc[i + 1 : closing]
    first = name[0].text[:1]
    if not (first.isupper() or first.isdigit()) or any(t.pos_ in ("VERB", "AUX") for t in name):
        return None
    return name


def _bracketed_acronym(kind: Token, title_head: Token) -> Span | None:
    """'secrétaire régional du principal syndicat pénitentiaire (UFAP)': the body a kind word and its
    adjectives describe is named by the acronym in brackets right after them. Not an acronym of the
    title itself ("le directeur général de la police nationale (DGPN)"); a phrase with a complement
    names the body itself."""
    doc = kind.doc
    for i in range(kind.i + 1, min(len(doc) - 2, kind.right_edge.i + 2)):
        if doc[i].text == "(" and is_acronym(doc[i + 1]) and doc[i + 2].text == ")":
            return doc[i + 1 : i + 2] if doc[i + 1].text[0] != title_head.text[0].upper() else None
        if doc[i].pos_ != "ADJ":
            return None
    return None


def _lower_case_name_end(doc: Doc, start: int, end: int, rules: LanguageRules) -> int:
    """Where a body's name written in lower case ends: "du syndicat national des professionnels
    infirmiers" is one name, which the parser hangs in two pieces; a name with a capital stops at `end`."""
    voice_rules = load_voice_rules(rules.language)
    linking = set(voice_rules.body_complement_prepositions) - rules.locative_prepositions
    if any(not t.is_lower for t in doc[start + 1 : end]) or end >= len(doc) or doc[end].lower_ not in linking:
        return end
    last = end + 1
    while last < len(doc) and doc[last].is_lower and doc[last].pos_ in ("NOUN", "ADJ"):
        last += 1
    nouns = [t for t in doc[end + 1 : last] if t.pos_ == "NOUN"]
    # "directeur de cabinet du président": a holder's title follows, not the rest of a body's name
    return last if nouns and nouns[0].lower_ not in rules.role_words else end


def body_right_after(title_head: Token, rules: LanguageRules, ents: list[Span | None]) -> str | None:
    """ "le délégué CGT pénitentiaire", "l'eurodéputé LR": a body's name right after the title and its
    adjectives, without a preposition, whatever the parser hung it on (a name the model ran into the
    title, "Gouverneure générale", is the title itself)."""
    doc = title_head.doc
    j = title_head.i + 1
    while j < len(doc) and doc[j].is_lower and doc[j].pos_ == "ADJ":
        j += 1
    ent = ents[j] if j < len(doc) else None
    if ent is None or ent.start != j or not ent.text[:1].isupper() or not names_a_body(ent, rules):
        return None
    return ent.text


def names_a_body(ent: Span | None, rules: LanguageRules) -> bool:
    """An organisation's entity among a title's words, unless a word of the title the model tagged one
    ("Press Secretary": no body called Press)."""
    return (
        ent is not None
        and ent.label_ in rules.parser.organization_entities
        and ent.text.lower() not in rules.title_modifiers
    )


def _without_determiner(tokens: Span, rules: LanguageRules) -> str:
    words = list(tokens)
    while words and (
        words[0].lower_ in rules.definite_determiners
        or words[0].lower_ in rules.indefinite_determiners
        or words[0].pos_ == "ADP"
    ):
        words = words[1:]
    return tokens.doc[words[0].i : words[-1].i + 1].text if words else tokens.text
