"""Roles and affiliations from appositions and titles written next to a name.

"Yoann Marest, Ile-de-France manager of the Rempart union" (apposition after the name),
"its general secretary, Fabien Delacourt" (the name in apposition to the title),
"Interior Minister Gérald Marsac" (title words before the name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .language import LanguageRules
from .mentions import is_junk_person_name, person_surnames
from .offices import find_office, is_former, load_voice_rules
from .syntax import doc_text, is_acronym, is_word
from .title_bodies import body_right_after, names_a_body, organization_of_title


@dataclass(slots=True)
class RawRole:
    title: str
    organization: str | None
    evidence: tuple[int, int]  # characters
    former: bool = False
    # "its general secretary": the organisation is a possessive to resolve to an earlier actor.
    possessive_at: int | None = None
    place: str | None = None  # a place written with the title ("governor of Florida", "Missouri Gov.")
    person: bool = False  # the title ties the holder to a person ("adviser to Sanders", "Trump's rival")


def _is_role(token: Token, rules: LanguageRules) -> bool:
    return token.lemma_.lower() in rules.role_words or token.lower_ in rules.role_words


def _title_range(title_head: Token, rules: LanguageRules, stop: int | None) -> tuple[int, int]:
    """Token range of a title phrase, without determiners or possessives, up to the organisation."""
    labels = rules.parser
    cut = labels.relative_clause | labels.apposition | labels.clause | labels.conjunct
    tokens = {title_head.i}
    stack = list(title_head.children)
    while stack:
        token = stack.pop()
        if token.dep_ in cut or (stop is not None and token.i >= stop) or token.sent != title_head.sent:
            continue
        tokens.add(token.i)
        stack.extend(token.children)
    start, end = min(tokens), max(tokens) + 1
    doc = title_head.doc
    while start < title_head.i and (
        doc[start].lower_ in rules.definite_determiners
        # "(par la voix) de son vice-président", "Mais selon l'analyste"
        or doc[start].pos_ in ("DET", "PRON", "ADP", "CCONJ")
        or not is_word(doc[start])
    ):
        start += 1
    while end - 1 > title_head.i and not is_word(doc[end - 1]):
        end -= 1
    if stop is not None:
        end = min(end, stop)
    return start, max(end, title_head.i + 1)


def _before_name(start: int, end: int, title_head: Token, name: Span) -> tuple[int, int]:
    """A title written before the name ("its general secretary, Fabien D.") ends before it."""
    if name.start > title_head.i:
        end = min(end, name.start)
        while end - 1 > title_head.i and not is_word(name.doc[end - 1]):
            end -= 1
    return start, end


def _role_from_title(title_head: Token, name: Span, rules: LanguageRules, ents) -> RawRole:
    organization, org_start = organization_of_title(title_head, rules, ents)
    start, end = _before_name(*_title_range(title_head, rules, org_start), title_head, name)
    doc = name.doc
    title_tokens = doc[start:end]
    former = any(t.lower_ in rules.former_markers for t in title_tokens)
    possessive = next(
        (
            c
            for c in title_head.children
            if c.dep_ in ("poss", "det:poss") or (c.pos_ == "DET" and "Poss=Yes" in str(c.morph))
        ),
        None,
    )
    evidence_start = min(name.start, start)
    evidence_end = max(
        name.end, max(t.i for t in title_head.subtree if t.sent == title_head.sent) + 1 if organization else end
    )
    while evidence_end - 1 > evidence_start and not is_word(doc[evidence_end - 1]):
        evidence_end -= 1
    if (
        possessive is not None
        and organization is None
        and (
            rules.pronoun_kind(possessive.text) in ("neuter", "plural")
            or (possessive.lower_ in rules.ambiguous_possessives and _subject_is_a_body(title_head, rules, ents))
        )
    ):
        evidence_start = min(evidence_start, possessive.i)
    else:
        possessive = None
    role = RawRole(
        title_tokens.text,
        organization,
        (doc[evidence_start].idx, doc[evidence_end - 1].idx + len(doc[evidence_end - 1])),
        former,
        possessive.idx if possessive is not None else None,
    )
    return _whole_office(role, (title_tokens.start_char, title_tokens.end_char), doc, rules, ents)


def _subject_is_a_body(title_head: Token, rules: LanguageRules, ents) -> bool:
    """'Le RN a précisé, par la voix de son vice-président Jordan Bardella': a possessive that may be a
    person's or a body's ("son") is the body's where the body is the subject of its clause."""
    verb = title_head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in rules.parser.subject), None)
    if subject is None:
        return False
    ent = ents[subject.i]
    return (ent is not None and ent.label_ in rules.parser.organization_entities) or (
        subject.lemma_.lower() in rules.organization_heads
    )


def roles_of(name: Span, rules: LanguageRules, ents: list[Span | None]) -> list[RawRole]:
    """Roles written next to one mention of a named actor."""
    labels = rules.parser
    root = name.root
    roles: list[RawRole] = []
    # the name's words, not its root only: the parser may hang the apposition on the surname ("Paul
    # [Morand], secrétaire général…")
    for child in (c for token in name for c in token.children if c.i >= name.end):
        if (
            child.dep_ in labels.apposition
            # "Yves Lebrun, délégué d'Unité SGP Police": the model may tag the title a participle
            and (child.pos_ in ("NOUN", "PROPN", "ADJ") or (child.pos_ == "VERB" and child.lower_ in rules.role_words))
            and ents[child.i] is None
            and child.lemma_.lower() not in rules.kin_words  # "the nominee's eldest daughter"
            and (_is_role(child, rules) or any(_is_role(t, rules) for t in child.subtree if t.i < child.i + 3))
        ):
            roles.append(_role_from_title(child, name, rules, ents))
    if root.dep_ in labels.apposition and root.head.pos_ == "NOUN" and _is_role(root.head, rules):
        roles.append(_role_from_title(root.head, name, rules, ents))
    # "», concède Rémi Aufrère, secrétaire général adjoint de la CFDT": the parser hangs the
    # apposition on the verb; right after the name and a comma, it is the name's.
    doc = name.doc
    for sibling in root.head.children if root.head.i != root.i else ():
        if (
            sibling.dep_ in labels.apposition
            and sibling.pos_ in ("NOUN", "PROPN")
            and ents[sibling.i] is None
            and _is_role(sibling, rules)
            and sibling.left_edge.i == name.end + 1
            and doc[name.end].text == ","
        ):
            roles.append(_role_from_title(sibling, name, rules, ents))
    # Title words written before the name inside the same phrase: "Interior Minister Gérald Marsac".
    before = [t for t in root.children if t.i < name.start and t.dep_ in labels.name_parts | {"amod", "nmod"}]
    title_words = [t for t in before if _is_role(t, rules)]
    if title_words:
        start = min(t.left_edge.i for t in before)
        doc = name.doc
        tokens = doc[start : name.start]
        bodies = [t for t in tokens if names_a_body(ents[t.i], rules)]
        organization = ents[bodies[0].i].text if bodies else None
        title = " ".join(t.text for t in tokens if t not in bodies)
        former = any(t.lower_ in rules.former_markers for t in tokens)
        role = RawRole(title.strip(), organization, (tokens.start_char, name.end_char), former)
        roles.append(_whole_office(role, (tokens.start_char, tokens.end_char), doc, rules, ents))
    surface = title_before(name, rules, ents)
    if surface is not None and not any(r.evidence[0] <= surface.start_char < r.evidence[1] for r in roles):
        roles.append(_surface_role(surface, name, rules, ents))
    if not roles and (member := _membership(name, rules, ents)) is not None:
        roles.append(member)
    return [role for role in roles if role.title]


# The most tokens of a body's name written as a membership ("du Syndicat national des pilotes de ligne").
MEMBERSHIP_TOKENS = 12


def _membership(name: Span, rules: LanguageRules, ents: list[Span | None]) -> RawRole | None:
    """'Katia Dubreuil, du Syndicat de la magistrature (SM), estime…': a name, a comma, then a body
    (a capitalised name or an organisation head) up to the next punctuation, is a body the person
    belongs to and speaks for; a place or a person is none ("Jean Dupont, de Marseille,", "du Trenet")."""
    doc, i = name.doc, name.end
    label = ents[name.start].label_ if ents[name.start] is not None else name.label_
    if label not in rules.parser.person_entities:
        return None  # "le Conseil national du numérique, de la Commission…": a list of bodies
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in rules.membership_prepositions:
        return None
    end = next((t.i for t in doc[i + 2 : i + 2 + MEMBERSHIP_TOKENS] if t.is_punct and t.text not in "-'’#"), None)
    if end is None or doc[end].sent != name.sent or doc[end].text not in ",.;()":
        return None
    words = doc[i + 1 : end]
    body = body_written(f"{rules.membership_title} {words.text}", rules)
    first = next((t for t in words[1:] if t.text[:1].isupper() or t.lower_ in rules.organization_heads), None)
    label = ents[first.i].label_ if first is not None and ents[first.i] is not None else None
    others = rules.parser.place_entities | rules.parser.person_entities  # "de Marseille", "du Trenet, du Nougaro"
    if body is None or (label in others and first.lower_ not in rules.organization_heads):
        return None
    return RawRole(rules.membership_title, body, (words.start_char, words.end_char))


# The longest title written before a name: "le secrétaire général adjoint de la fédération Force ouvrière".
MAX_TITLE_TOKENS = 10


def title_before(name: Span, rules: LanguageRules, ents: list[Span | None]) -> Span | None:
    """The title written right before a person's name, its determiner left out: "le secrétaire
    général de Force ouvrière Yves Veyrier", "Le patron du Medef, Geoffroy Roux de Bézieux",
    "l'anthropologue belge Ayla Joncheere". Read from the words, not the parse, which hangs such a
    name on the organisation or beside the title. The phrase opens with a definite determiner and
    its head (after adjectives: "l'ancien ministre") is a role word; no verb, clause or other
    person inside; a name after a preposition ("le projet de Marie Dupont") has no title."""
    doc = name.doc
    if not len(name) or not rules.titles_before_names:
        return None
    label = ents[name.end - 1].label_ if ents[name.end - 1] is not None else None
    end = name.start
    # "le ministre de l'[Éducation Jean-Michel Blanquer]": the model's name took the office's last
    # word (and may call the whole an organisation: the surname of a person named elsewhere tells).
    absorbed = len(name) > 2 and end > 0 and doc[end - 1].pos_ in ("ADP", "DET") and name[0].text[:1].isupper()
    # "Le patron de l'OMS, Tedros Adhanom Ghebreyesus a estimé": a title and a comma name a person even
    # where the model took the name for an organisation
    set_apart = label in rules.parser.organization_entities and len(name) > 1 and end > 0 and doc[end - 1].text == ","
    if (
        label not in rules.parser.person_entities
        and not set_apart
        and not (
            absorbed
            and (
                name[-1].text in person_surnames(doc, ents, rules.parser)
                # a first name after an office's domain ("l'[Éducation Jean-Michel Blanquer]"), not after
                # a body's head: "l'[Institut Louis Pasteur]" is named after him
                or (_person_after(name[1:], rules) and not _named_after_people(name[0], rules))
            )
        )
    ):
        return None
    if end > 2 and doc[end - 1].text == ")" and doc[end - 3].text == "(" and is_acronym(doc[end - 2]):
        end -= 3  # "le porte-parole de l'Organisation mondiale de la santé (OMS) Tarik Jasarevic"
    if end > 0 and doc[end - 1].text == ",":
        end -= 1
    elif absorbed:
        end += 1
    elif end > 0 and doc[end - 1].is_lower and _named_after_people(doc[end - 1], rules):
        return None  # "la directrice du lycée Victor Hugo": the name is the school's
    i = end - 1
    if i < 0 or doc[i].pos_ in ("ADP", "DET") or doc[i].lower_ in rules.organization_prepositions:
        return None  # "le projet de Marie Dupont", "le député de la [France] insoumise"
    # "joignant sa voix au chef de la [Cour John Roberts]": an article inside a preposition opens a title
    # too, unless a longer title holds it ("l'adjoint au maire de la commune Laurent Buffard")
    contracted = None
    while i >= 0 and end - i <= MAX_TITLE_TOKENS and doc[i].sent == name.sent:
        token = doc[i]
        if token.lower_ in rules.contracted_articles and contracted is None:
            head = next((t for t in doc[i + 1 : end] if t.pos_ != "ADJ" or _is_role(t, rules)), None)
            if head is not None and head.is_lower and _is_role(head, rules):
                contracted = doc[head.i : end]
        if token.pos_ == "DET" or token.lower_ in rules.definite_determiners:
            # "de la ministre allemande de la Défense, A. K.-K.": the determiner whose phrase a role
            # word heads opens the title; one after a preposition may be the complement's ("de la Défense").
            head = next((t for t in doc[i + 1 : end] if t.pos_ != "ADJ" or _is_role(t, rules)), None)
            if head is not None and head.is_lower and _is_role(head, rules):
                return doc[head.i : end] if token.lower_ in rules.definite_determiners else contracted
            if not (i > 0 and doc[i - 1].pos_ == "ADP"):
                return contracted
        person = ents[i] is not None and ents[i].label_ in rules.parser.person_entities
        if person or token.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ", "NUM") or token.is_punct:
            # "a précisé [a] procureure de la République de Nanterre Catherine Denis": a title with its
            # determiner dropped (or mistyped) opens right after the verb
            bare = doc[i + 1] if i + 1 < end else None
            # (not after a copula: "qui fut ministre de l'Intérieur pendant le quinquennat Sarkozy")
            after_verb = token.pos_ in ("VERB", "AUX") and token.dep_ not in rules.parser.copula and not person
            if contracted is None and after_verb and bare is not None and bare.is_lower and _is_role(bare, rules):
                return doc[i + 1 : end]
            return contracted
        i -= 1
    return contracted


def _named_after_people(token: Token, rules: LanguageRules) -> bool:
    return token.lemma_.lower() in rules.bodies_named_after_people or token.lower_ in rules.bodies_named_after_people


def _person_after(name: Span, rules: LanguageRules) -> bool:
    """Whether `name` reads as a person's: a first name of the rule files or the dictionary ("Jean-Michel"
    by "Jean"), then capitalised words ("Association [des Professionnels du Film]" is none)."""
    first = name[0].lower_.split("-")[0]
    tables = (rules.first_names, rules.gendered_first_names, rules.dictionary_first_names)  # "John" is in the lists
    return all(t.is_title or t.text == "-" for t in name) and any(
        first in names for table in tables for names in table.values()
    )


def names_apart_from_offices(ents: list[Span | None], rules: LanguageRules) -> list[Span | None]:
    """The token-to-entity index with every name the model ran an office's last word into split off
    it: "le ministre de l'[Éducation Jean-Michel Blanquer]" (even when labelled an organisation)
    becomes the person "Jean-Michel Blanquer", the office's word no entity of its own."""
    person_label = sorted(rules.parser.person_entities)[0]
    fixed = list(ents)
    for ent in {id(e): e for e in ents if e is not None}.values():
        cut = ent.start + 1 if without_office_word(ent, rules, ents) is not ent else _name_after_title(ent, rules)
        if cut is None:
            continue
        person = Span(ent.doc, cut, ent.end, label=person_label)
        fixed[ent.start : cut] = [None] * (cut - ent.start)
        fixed[cut : ent.end] = [person] * (ent.end - cut)
    return fixed


def _name_after_title(ent: Span, rules: LanguageRules) -> int | None:
    """Where the name starts in an entity the model ran a whole title into ("le [Premier ministre Imran
    Khan]"): after a role word in lower case, the last of at most three words, two capitalised words."""
    for cut in range(ent.start + 1, min(ent.end - 1, ent.start + 3)):
        title, name = ent.doc[ent.start : cut], ent.doc[cut : ent.end]
        if title[-1].is_lower and _is_role(title[-1], rules) and all(t.is_title for t in name):
            return cut
    return None


def without_office_word(name: Span, rules: LanguageRules, ents: list[Span | None]) -> Span:
    """A person's name without the office's last word the model took into it ("le ministre de
    l'[Éducation Jean-Michel Blanquer]" → "Jean-Michel Blanquer")."""
    title = title_before(name, rules, ents)
    return name[1:] if title is not None and title.end > name.start else name


def complement_words(description: str, rules: LanguageRules) -> list[str]:
    """The words a description writes after its first organisation preposition, without their
    article ("le ministre de la Santé" → Santé, "PDG du géant mondial" → géant mondial)."""
    parts = description.replace("’", "'").split()
    rest: list[str] = []
    for i, word in enumerate(parts):
        after = _past(word, rules.organization_prepositions)
        if after is not None:  # "de", or "d'Air France" written as one word
            rest = ([after] if after else []) + parts[i + 1 :]
            break
    while rest and (after := _past(rest[0], rules.articles)) is not None:
        rest = ([after] if after else []) + rest[1:]  # "la", or "l'Économie" written as one word
    return rest


def body_written(description: str, rules: LanguageRules) -> str | None:
    """The body a description names after its first organisation preposition ("le ministre de la
    Santé" → "Santé", "le président du parti les Républicains" → "parti les Républicains")."""
    rest = complement_words(description, rules)
    if rest and (rest[0][:1].isupper() or rest[0].lower() in rules.organization_heads):
        return " ".join(rest)
    return None


def _past(word: str, small_words: frozenset[str]) -> str | None:
    """What follows a preposition or an article `word` opens with: "" for the word itself ("de"),
    the rest for an elided one ("l'Économie" → "Économie"), None when it opens with neither."""
    lowered = word.lower()
    if lowered in small_words:
        return ""
    elided = next((w for w in small_words if w.endswith("'") and lowered.startswith(w) and len(word) > len(w)), None)
    return word[len(elided) :] if elided else None


def person_titled(head: Token, rules: LanguageRules, ents: list[Span | None]) -> Span | None:
    """The person named right after the title `head` heads ("a reconnu le secrétaire général de Force
    ouvrière Yves Veyrier") or right after a kin word ("sa nièce Abigail Shield"): the speaker is that
    person, not the description."""
    doc = head.doc
    for i in range(head.i + 1, min(len(doc), head.i + MAX_TITLE_TOKENS + 2)):
        ent = ents[i]
        if ent is not None and ent.label_ in rules.parser.person_entities:
            if is_junk_person_name(ent.text, rules):
                return None  # "le directeur [général de la Santé]": the model's name is the title's end
            if ent.start == head.i + 1 and head.lemma_.lower() in rules.kin_words:
                return ent  # "a précisé sa nièce Abigail Shield": a relative named
            title = title_before(ent, rules, ents) if ent.start == i else None
            return ent if title is not None and title.start <= head.i < title.end else None
        if ent is not None and ent.start == i and ent.label_ in rules.parser.organization_entities:
            title = title_before(ent, rules, ents)  # "Le patron de l'OMS, Tedros A. G.", taken for a body
            if title is not None and title.start <= head.i < title.end:
                return ent
        if doc[i].sent != head.sent:
            return None
    return None


def _surface_role(title: Span, name: Span, rules: LanguageRules, ents: list[Span | None]) -> RawRole:
    """The role of a title written before the name: its organisation is what follows its first
    organisation preposition, when that names a body ("de Force ouvrière", "du syndicat Alliance")."""
    organization = body_written(title.text, rules)
    head = next((t for t in title if t.pos_ == "NOUN"), None)
    if organization is None and head is not None:
        after = body_right_after(head, rules, ents)  # "l'eurodéputé LR Xavier Belmont"
        organization = after if after is not None and after in title.text else None
    words = title.text
    cut = next((t.i for t in title if t.lower_ in rules.organization_prepositions), None)
    if organization is not None and cut is not None:
        words = title.doc[title.start : cut].text
    doc = name.doc
    role = RawRole(
        words, organization, (title.start_char, name.end_char), any(t.lower_ in rules.former_markers for t in title)
    )
    return _whole_office(role, (title.start_char, title.end_char), doc, rules, ents)


_DATELINE = re.compile(r"^.*\)\s*[-–—]+\s*")


def _whole_office(role: RawRole, title_at: tuple[int, int], doc, rules: LanguageRules, ents) -> RawRole:
    """An office written whole: "Secretary of State" is one title, not "Secretary of" at "State";
    "House Speaker" is one title, not "Speaker" at "House". Also notes the place written with it."""
    start, end = role.evidence
    text = doc_text(doc)
    dateline = _DATELINE.search(role.title)
    if dateline:  # "ORLANDO, Fla. (Reuters) - President Barack Obama": the outlet is no organisation of his
        role.title = role.title[dateline.end() :]
        title_at = (max(title_at[0], title_at[1] - len(role.title)), title_at[1])
        if role.organization and role.organization not in role.title:
            role.organization = None
    office = find_office(text[start:end], load_voice_rules(rules.language))
    if office is not None:
        office_start, office_end = start + office[0], start + office[1]
        if office_start < title_at[1] and office_end > title_at[0]:
            title_at = (min(title_at[0], office_start), max(title_at[1], office_end))
            role.title = text[title_at[0] : title_at[1]].strip()
            if role.organization and role.organization in text[office_start:office_end]:
                role.organization = None
    # The entities around the role, from the token index (doc.ents is rebuilt whole on every access).
    around = doc.char_span(min(start, title_at[0]), max(end, title_at[1]), alignment_mode="expand")
    entities = list(dict.fromkeys(e for e in (ents[t.i] for t in around or ()) if e is not None))
    places = {
        ent.text
        for ent in entities
        if ent.label_ in rules.parser.place_entities and ent.start_char < end and ent.end_char > start
    }
    if role.organization in places:
        role.place = role.organization
    else:
        role.place = next(
            (
                ent.text
                for ent in entities
                if ent.label_ in rules.parser.place_entities
                and title_at[0] <= ent.start_char
                and ent.end_char <= title_at[1]
            ),
            None,
        )
    people = [ent for ent in entities if ent.label_ in rules.parser.person_entities]
    role.person = role.organization in _person_names(doc, ents, rules) or any(
        title_at[0] <= ent.start_char
        and ent.end_char <= title_at[1]
        and (text[ent.end_char : ent.end_char + 1] in ("'", "’") or ent.text.endswith(("'s", "’s")))
        for ent in people
    )
    role.former = role.former or is_former(role.title, load_voice_rules(rules.language)) or _years_ago(role.title, doc)
    return role


def _person_names(doc, ents: list[Span | None], rules: LanguageRules) -> frozenset[str]:
    """The texts of the Doc's person entities, gathered once per Doc."""
    names = doc.user_data.get("voxmap_person_names")
    if names is None:
        names = doc.user_data["voxmap_person_names"] = frozenset(
            e.text for e in ents if e is not None and e.label_ in rules.parser.person_entities
        )
    return names


def _years_ago(title: str, doc) -> bool:
    """A year written in the title before the article's own: "2012 GOP presidential nominee" is over."""
    published = doc._.voxmap_published if doc.has_extension("voxmap_published") else None
    years = [int(y) for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", title)]
    return bool(years and published and published[:4].isdigit() and max(years) < int(published[:4]))
