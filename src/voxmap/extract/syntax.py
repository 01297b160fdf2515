"""Small helpers over spaCy's dependency parse, parameterised by the language's parser labels."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from .language import ParserLabels

WORD_POS = frozenset(
    {"NOUN", "PROPN", "PRON", "VERB", "AUX", "ADJ", "ADV", "NUM", "DET", "ADP", "SCONJ", "CCONJ", "PART", "X", "INTJ"}
)
VERB_POS = frozenset({"VERB", "AUX"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def is_word(token: Token) -> bool:
    return not (token.is_punct or token.is_space)


def is_acronym(token: Token) -> bool:
    """Two or more capitals and nothing else ("OMS", "OPCC")."""
    return token.is_upper and token.is_alpha and len(token) > 1


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per Doc: spaCy joins the tokens anew on every access, and the
    per-mention steps (roles, offices) would otherwise pay that for every name."""
    text = doc.user_data.get("voxmap_text")
    if text is None:
        text = doc.user_data["voxmap_text"] = doc.text
    return text


def tokens_covering(doc: Doc, start_char: int, end_char: int) -> Span | None:
    """The tokens covering those characters; None when there are none (white space only: spaCy then
    answers an empty span, whose `.sent` would fail)."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    return span if span is not None and len(span) else None


def entity_index(doc: Doc) -> list[Span | None]:
    """For each token, the named entity it belongs to (or None)."""
    index: list[Span | None] = [None] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            index[i] = ent
    return index


def subject_of(verb: Token, labels: ParserLabels, depth: int = 0) -> Token | None:
    """The grammatical subject of `verb`, inherited from its head for conjoined or open clauses."""
    subjects = [child for child in verb.children if _can_be_subject(child, labels)]
    if is_present_participle(verb):
        # "…, qualifiant Johnny Depp de « paranoïaque »": what the parser hangs after a participle as its
        # subject is its object; a participle has no subject after it.
        subjects = [child for child in subjects if child.i < verb.i]
    if subjects:
        # When the parser hangs two subjects on one verb, one that a comma or a quotation mark parts
        # from it is the quote's own ("“My reaction…,” Obama's strategist said") or a fronted phrase
        # ("His promises notwithstanding, analyses agree"); failing that, the first ("Louis, son mari,
        # confirme").
        joined = [child for child in subjects if not _parted(child, verb)] or subjects
        # ("Tuesday in Berea, OH, after winning Ohio, Gov. John Kasich (R-OH), said", "déclare à l'AFP le
        # Britannique Lee Price": a place the parser made a subject too gives way to the person)
        people = [child for child in joined if child.ent_type_ in labels.person_entities]
        if joined[0].ent_type_ in labels.place_entities and people:
            return people[0]
        return joined[0]
    # "X a quant à lui dénoncé…": the parser may hang the subject on the auxiliary instead.
    for aux in verb.children:
        if aux.dep_.startswith("aux") and aux.i < verb.i:
            found = next((c for c in aux.children if _can_be_subject(c, labels)), None)
            if found is not None:
                return found
    climbs = labels.conjunct | labels.open_clause
    if depth < 3 and verb.dep_ in climbs and verb.head.i != verb.i and verb.head.pos_ in VERB_POS:
        return subject_of(verb.head, labels, depth + 1)
    main = _participle_host(verb, labels)
    if depth < 3 and main is not None:
        return subject_of(main, labels, depth + 1)
    head = verb.head
    if (
        verb.dep_ in labels.adverbial_clause
        and head.dep_ == "ROOT"
        and head.i < verb.i
        and head.pos_ in ("NOUN", "PROPN")
        and "Fin" in verb.morph.get("VerbForm")
    ):
        # "L'ancien candidat écologiste, rallié à Benoît Hamon, demande que…": the parser made the noun
        # the sentence's root and its finite verb a clause beside it
        return head
    return None


def _can_be_subject(child: Token, labels: ParserLabels) -> bool:
    """A subject child that is a word: the parser sometimes makes a dash ('made public ― Trump boasted')
    a second subject before the real one."""
    return child.dep_ in labels.subject and child.lower_ not in labels.not_subjects and is_word(child)


def _parted(token: Token, other: Token) -> bool:
    """A comma or a quotation mark lies between the two tokens."""
    first, last = sorted((token.i, other.i))
    return any(t.is_quote or t.text == "," for t in token.doc[first + 1 : last])


def is_present_participle(token: Token) -> bool:
    """'saying', 'adding', 'disant': a present participle, by the model's morphology."""
    return "Part" in token.morph.get("VerbForm") and "Pres" in token.morph.get("Tense")


def _participle_host(verb: Token, labels: ParserLabels) -> Token | None:
    """'The judge rejected it, saying…', 'began by saying…', 'en ajoutant que…': a subject-less present
    participle takes the subject of the verb its clause hangs on."""
    if not is_present_participle(verb):
        return None
    # "a déclenché un tollé en ironisant", "…au concert d'appel à la responsabilité, jugeant…": whatever
    # noun the parser hung it on, a gerund or a participle set off by a comma shares the root's subject
    gerund = any(c.lower_ in labels.gerund_markers and c.i < verb.i for c in verb.children)
    set_off = verb.i > 0 and verb.doc[verb.i - 1].text == ","
    apposed = verb.dep_ in labels.apposed_participle and set_off
    hung = labels.apposed_participle | labels.adverbial_clause | labels.adverb_participle
    if set_off and verb.dep_ in hung and (reporting := verb_just_before(verb)) is not None:
        return reporting  # "…», a ajouté Mme Denis, précisant que…": the verb it follows, not the sentence's
    if gerund or apposed:
        root = verb.sent.root
        return root if root.i != verb.i and root.pos_ in VERB_POS else None
    head = verb.head
    if verb.dep_ in labels.prepositional_complement and head.pos_ == "ADP":
        head = head.head
    elif verb.dep_ not in labels.adverbial_clause | labels.adverb_participle:
        return None
    return head if head.i != verb.i and head.pos_ in VERB_POS else None


# How many tokens before a participle its conjugated verb may stand.
VERB_LOOKBACK = 40


def verb_just_before(participle: Token) -> Token | None:
    """The conjugated verb nearest before a participle set off by a comma, in its sentence: a finite
    form, or a participle with its auxiliary ("a ajouté")."""
    start = max(participle.sent.start, participle.i - VERB_LOOKBACK)  # bounded: an endless sentence stays linear
    for token in reversed(participle.doc[start : participle.i]):
        if token.pos_ == "VERB" and (
            "Fin" in token.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in token.children)
        ):
            return token
    return None


def cue_tokens(verb: Token) -> tuple[int, int]:
    """Token range of a cue: the verb with the auxiliaries and particles written next to it."""
    start = end = verb.i
    doc = verb.doc
    attached = {
        child.i for child in verb.children if child.dep_.startswith(("aux", "neg", "prt", "compound:prt", "expl"))
    }
    # An inverted clitic subject written inside the verb group belongs to the cue: "a-t-il poursuivi".
    attached |= {child.i for child in verb.children if child.text.startswith("-") and child.i < verb.i}
    while start - 1 >= 0 and (start - 1) in attached:
        start -= 1
    while end + 1 < len(doc) and (end + 1) in attached and doc[end + 1].dep_ in ("prt", "compound:prt"):
        end += 1
    return start, end + 1


def clause_tokens(head: Token) -> tuple[int, int]:
    """Token range covered by a clause headed by `head`, without edge punctuation. Callers may read
    the token at its start: an empty range starts at `head`, never past the Doc's end."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    doc = head.doc
    while start < end and not is_word(doc[start]) and doc[start].text not in '“«„"‘':
        start += 1
    while end > start and not is_word(doc[end - 1]) and doc[end - 1].text not in '”»“"’':
        end -= 1
    if start == end:
        return head.i, head.i  # punctuation alone: an empty range that still indexes a token of the Doc
    return start, end


def prepositional_objects(token: Token, labels: ParserLabels) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs hanging from `token`: 'of the union' in both parse schemes.

    ClearNLP (English): token -prep-> of -pobj-> union. UD (French): token -nmod-> syndicat -case-> du.
    """
    for child in token.children:
        preposition = preposition_of(child, labels)
        if preposition is None:
            continue
        if labels.case_marker:
            yield preposition, child
        else:
            for grandchild in child.children:
                if grandchild.dep_ in labels.prep_object:
                    yield preposition, grandchild


def preposition_of(child: Token, labels: ParserLabels) -> str | None:
    """The preposition a prepositional child of a word opens, in both parse schemes: the child itself
    ("for", ClearNLP) or its case marker ("pour sa gestion", UD hangs it on the noun)."""
    if child.dep_ not in labels.prepositional:
        return None
    if labels.case_marker:
        return next((gc.lower_ for gc in child.children if gc.dep_ in labels.case_marker), None)
    return child.lower_


# The longest pronoun's phrase kept with its relative clause ("ceux qui …"), in tokens.
MAX_RELATIVE_TOKENS = 12


def phrase_tokens(head: Token, labels: ParserLabels, ent: Span | None) -> tuple[int, int]:
    """Token range of the noun phrase headed by `head` as written, without appositions or relative
    clauses, stopping at a comma: "sources familiar with the talks", "a former DGSI". A name is its
    entity `ent` as the model found it."""
    if ent is not None:
        return ent.start, ent.end
    if head.pos_ == "PRON":
        # "ceux qui passent leur vie sur le Danube": a pronoun is described by its relative clause
        relative = next((c for c in head.children if c.dep_ in labels.relative_clause and c.i > head.i), None)
        if relative is not None and relative.right_edge.i - head.i < MAX_RELATIVE_TOKENS:
            return head.i, relative.right_edge.i + 1
        return head.i, head.i + 1
    cut = labels.apposition | labels.relative_clause | labels.clause | labels.conjunct
    keep: set[int] = set()
    stack = [head]
    while stack:
        token = stack.pop()
        keep.add(token.i)
        # "… et des Comptes publics": its coordinator is kept, the holder's name after it is not
        complement = _coordinated_complement(token, labels)
        stack.extend(
            child
            for child in token.children
            if child.sent == head.sent
            and (
                (child.dep_ not in cut and child.dep_ != "cc")
                or _coordinated_complement(child, labels)
                or (child.dep_ == "cc" and complement)
            )
            and not (complement and _bare_name(child, labels))
        )
    # "Selon une source…", "Dans l'entourage…": the preposition introduces the phrase, it is not in it.
    keep -= {child.i for child in head.children if child.dep_ in labels.case_marker}
    start = end = head.i
    while (
        start - 1 in keep and is_word(head.doc[start - 1]) or (start - 1 in keep and head.doc[start - 1].text in "-'’")
    ):
        start -= 1
    if head.pos_ == "PROPN":  # a name's phrase starts at its capitals: "denounces Maxime Perrin" is Maxime Perrin
        while start < head.i and head.doc[start].is_lower and head.doc[start].pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            start += 1
    while end + 1 in keep and head.doc[end + 1].text not in ",;:()—":
        end += 1
    doc = head.doc
    # "La plate-forme", "al-Adnan": a word written with a hyphen is one word, however the parser hung it.
    while end + 1 < len(doc) and not doc[end].whitespace_ and "-" in (doc[end].text, doc[end + 1].text[:1]):
        end += 1
    while start > 0 and not doc[start - 1].whitespace_ and "-" in (doc[start - 1].text, doc[start].text[:1]):
        start -= 1
    while end > head.i and (not is_word(head.doc[end]) or head.doc[end].tag_ == "POS"):
        end -= 1  # trailing punctuation, or the possessive 's of "the union's"
    return start, end + 1


def _coordinated_complement(token: Token, labels: ParserLabels) -> bool:
    """ "le ministre de l'Action et des Comptes publics": a conjunct with its own preposition is a second
    complement of the phrase (a name, capitalised), not a second phrase."""
    return (
        token.dep_ in labels.conjunct
        and token.text[:1].isupper()
        and any(c.dep_ in labels.case_marker for c in token.children)
    )


def _bare_name(token: Token, labels: ParserLabels) -> bool:
    """A name hung on a complement without a preposition: its holder's ("… des Comptes publics Gérald
    Darmanin"), not a word of the office."""
    return token.pos_ == "PROPN" and not any(c.dep_ in labels.case_marker for c in token.children)


def is_passive(verb: Token, labels: ParserLabels) -> bool:
    return any(child.dep_ in labels.passive_auxiliary for child in verb.children)


def agent_of(verb: Token, labels: ParserLabels) -> Token | None:
    """The doer of a passive verb: "received by X" (ClearNLP: agent -> pobj; UD: obl:agent)."""
    for child in verb.children:
        if child.dep_ in labels.agent:
            if labels.case_marker:  # UD: the agent noun hangs from the verb itself
                return child
            return next((gc for gc in child.children if gc.dep_ in labels.prep_object), None)
    return None


def main_clause(verb: Token, labels: ParserLabels) -> bool:
    """Whether `verb` heads its sentence, alone or joined to its head verb ("He left and now works…")."""
    return verb.dep_ == "ROOT" or (verb.dep_ in labels.conjunct and verb.head.dep_ == "ROOT")


def stands_for(name: Span, labels: ParserLabels) -> Token:
    """The token whose place in the clause a name holds: its own root, or the noun it stands beside,
    set apart by a comma, up through a prepositional phrase of that noun ("Mr Mottram's successor as
    council leader, Fiona Beckett, was elected": successor), where that noun's clause is the main one
    (not "after her first child, Arabella, was born")."""
    root = name.root
    if root.dep_ not in labels.apposition or name.start == 0 or name.doc[name.start - 1].text != ",":
        return _noun_named(name, labels) or root
    noun = root.head
    while noun.dep_ in labels.prep_object | labels.prepositional and noun.head.i != noun.i:
        noun = noun.head
    return noun if main_clause(noun.head, labels) else root


# How many words may stand between a noun and the name written right after it ("son rival démocrate Joe Biden").
NAMED_NOUN_GAP = 2


def _noun_named(name: Span, labels: ParserLabels) -> Token | None:
    """ "son rival démocrate Joe Biden, qui…, était lui sur le site": the noun a name follows with no
    comma nor preposition, which the parser made the clause's word (not "le frère de Joe Biden")."""
    root, noun = name.root, name.root.head
    # a common noun as written ("A Mehama": a capital preposition the tagger took for a noun is none)
    if noun.pos_ != "NOUN" or not noun.is_lower or not 0 < name.start - noun.i <= NAMED_NOUN_GAP + 1:
        return None
    between = name.doc[noun.i + 1 : name.start]
    if any(t.is_punct or t.pos_ == "ADP" for t in between) or any(c.dep_ in labels.case_marker for c in root.children):
        return None
    return noun if main_clause(noun.head, labels) else None


def presented(name: Span, labels: ParserLabels, copulas: frozenset[str]) -> bool:
    """Whether a copula's main clause presents the name ("the bill's sponsor was Karen Whitlock", "the
    man in charge of the south-west is Thierry Manaudou"): the sentence is about that person."""
    root = name.root
    return root.dep_ in labels.attribute and root.head.lemma_.lower() in copulas and main_clause(root.head, labels)


def named_possessor(head: Token, labels: ParserLabels) -> bool:
    """Whether a capitalised name owns `head` ("Clinton's campaign", "Harbour's chief executive"),
    rather than a pronoun or a common noun ("his campaign", "the party's campaign")."""
    return any(c.dep_ in labels.possessive and c.pos_ == "PROPN" and c.text[:1].isupper() for c in head.children)


def named_modifier(head: Token, labels: ParserLabels) -> bool:
    """A capitalised name set before `head` as its modifier: "the Trump campaign", "the Saudi
    government" (a nationality the model tags), never the sentence's first word alone ("Local police")."""
    named = labels.group_entities | labels.place_entities | labels.person_entities | labels.organization_entities
    return any(
        c.i < head.i
        and c.dep_ in labels.name_parts | labels.modifier
        and c.text[:1].isupper()
        and (c.pos_ == "PROPN" or c.ent_type_ in named)
        for c in head.children
    )
