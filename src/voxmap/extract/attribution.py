"""Find attributed statements in a parsed Doc: direct, partial, mixed and indirect quotes with their
cue and the head token of their speaker. Pure functions from a Doc to records; nothing is written
onto the Doc here.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .language import LanguageRules
from .marks import QuotedSegment, find_quoted_segments
from .syntax import (VERB_POS, agent_of, clause_tokens, cue_tokens, doc_text, is_passive, is_present_participle, is_word,
                     prepositional_objects, subject_of, tokens_covering)

DIRECT, INDIRECT, MIXED, PARTIAL = "direct", "indirect", "mixed", "partial"
BELIEF, EVIDENCE = "belief", "evidence"  # what a source thinks; what a document shows (who *speaks* leaves both out)
# Between a quote's closing mark and its cue ("”, said X" / "», poursuit-elle") only these may stand.
_JOINERS = frozenset({",", ":", "—", "–", "-", "(", ")"})


@dataclass(slots=True)
class RawQuote:
    kind: str
    spans: list[tuple[int, int]]  # characters
    cue: tuple[int, int] | None  # characters
    speaker: int | None  # token index of the speaker's head word
    confidence: float
    how: str
    follows_previous: bool = False  # no cue of its own: the previous quote's speaker goes on
    segments: list[int] = field(default_factory=list)  # indices of the quoted segments it covers


@dataclass(slots=True)
class _Context:
    doc: Doc
    text: str  # doc.text, built once: spaCy joins the tokens anew on every access
    rules: LanguageRules
    segments: list[QuotedSegment]
    in_quote: list[int]  # token -> segment index, -1 outside any quote (marks count as inside)
    tokens: list[Token] = field(default_factory=list)  # the Doc's tokens, made once for every finder's scan

    def outside(self, token: Token) -> bool:
        return self.in_quote[token.i] < 0


def _token_segments(doc: Doc, segments: list[QuotedSegment]) -> list[int]:
    owner = [-1] * len(doc)
    if not segments:
        return owner
    k = 0
    for token in doc:
        while k < len(segments) and segments[k].outer_end <= token.idx:
            k += 1
        if k < len(segments) and segments[k].open_at <= token.idx < max(segments[k].outer_end, segments[k].end):
            owner[token.i] = k
    return owner


def _is_speech(token: Token, rules: LanguageRules) -> bool:
    """A speech verb, by lemma or, where the lemmatiser errs ("estime"), by its written form; or
    the second verb of a phrase such as "faire savoir"."""
    if token.pos_ not in VERB_POS:
        return False
    lemma = token.lemma_.lower()
    if lemma in rules.speech_verbs or token.lower_ in rules.speech_verbs:
        return True
    return (token.head.lemma_.lower(), lemma) in rules.speech_verb_phrases


def _usable_subject(verb: Token, ctx: _Context) -> Token | None:
    labels = ctx.rules.parser
    if is_passive(verb, labels):
        # "the plan was called “a disaster” by its critics": the agent speaks, the subject does not.
        return agent_of(verb, labels)
    subject = subject_of(_reporting_host(verb, ctx), labels)
    if subject is None or subject.dep_ in labels.expletive | labels.passive_subject or not ctx.outside(subject):
        return None  # "it is said that…", "he was told…": the subject is not who speaks
    if subject.lower_ in ctx.rules.impersonal_subjects:
        # "Dans l'entourage du ministre, on assure que…": the setting speaks.
        return _setting_source(verb.sent, ctx)
    if subject.pos_ == "PRON" and ctx.rules.pronoun_kind(subject.text) in ("relative",):
        head = verb.head if verb.dep_ in ctx.rules.parser.relative_clause else None
        return head if head is not None and ctx.outside(head) else None
    if subject.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "X"):
        return None
    if subject.lemma_.lower() in ctx.rules.organization_channels:
        # "The union's leaflet says…", "le communiqué du ministère affirme…": the owner speaks.
        owner = next((c for c in subject.children if c.dep_ in ctx.rules.parser.possessive), None) or \
            next((obj for _, obj in prepositional_objects(subject, labels)), None)
        if owner is not None and ctx.outside(owner):
            return owner
    return _named(subject, ctx)


def _reporting_host(verb: Token, ctx: _Context) -> Token:
    """'Analysts said X has grown, citing Y': a participle set off after a reported clause reports for
    the clause's speaker, not for the clause's subject ("X")."""
    labels = ctx.rules.parser
    if not is_present_participle(verb) or verb.dep_ not in labels.adverbial_clause or \
            any(c.dep_ in labels.subject for c in verb.children):
        return verb
    host = verb.head
    while host.dep_ in labels.clause and host.head is not host and _is_speech(host.head, ctx.rules):
        host = host.head
    return verb if host is verb.head else host


def _named(head: Token, ctx: _Context) -> Token:
    """'Its general secretary, Fabien Vanhemelryck', 'le premier ministre François Legault': when a
    role noun comes with the person's name, the name is the speaker."""
    if head.pos_ != "NOUN":
        return head
    labels = ctx.rules.parser
    named = next((c for c in head.children if c.pos_ == "PROPN" and
                  (c.dep_ in labels.apposition or (c.dep_ in labels.name_parts | {"nmod"} and c.i == head.i + 1
                                                   and c.ent_type_ in labels.person_entities))), None)
    return named if named is not None else head


def _setting_source(sent: Span, ctx: _Context) -> Token | None:
    doc = ctx.doc
    for token in sent:
        for words in ctx.rules.source_settings:
            if _sequence_at(doc, token.i, words) and ctx.outside(token):
                return doc[token.i + len(words) - 1]
    return None


def _char_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


# --- direct, partial and mixed quotes: start from the quotation marks --------------------------

# No cue stands further than this from its quote inside a sentence; the bound keeps a hostile text
# (thousands of quotes in one endless sentence) linear rather than quadratic.
FRAME_TOKENS = 100


def _frame(first: Token, last: Token) -> tuple[int, int]:
    """Token range of the sentences around the tokens first..last, at most FRAME_TOKENS on each side."""
    return max(first.sent.start, first.i - FRAME_TOKENS), min(last.sent.end, last.i + 1 + FRAME_TOKENS)


def _frame_verbs(segment: QuotedSegment, ctx: _Context) -> list[tuple[int, Token]]:
    """Verbs outside quotes in the sentences around `segment`, with their distance to it in tokens."""
    doc = ctx.doc
    first = tokens_covering(doc, segment.open_at, segment.open_at + 1)
    last = tokens_covering(doc, segment.outer_end - 1, segment.outer_end)
    if first is None or last is None:
        return []
    start, end = _frame(first[0], last[-1])
    verbs = []
    for token in doc[start:end]:
        if token.pos_ in VERB_POS and ctx.outside(token):
            distance = first[0].i - token.i if token.i < first[0].i else token.i - last[-1].i
            verbs.append((distance, token))
    return verbs


def _only_joiners(doc: Doc, start: int, end: int, allowed: set[int] = frozenset()) -> bool:
    return all(doc[i].text in _JOINERS or doc[i].is_space or i in allowed for i in range(start, end))


def _adjacent_cue(verb: Token, subject: Token, segment_first: int, segment_last: int, ctx: _Context) -> bool:
    """Structure makes a cue whatever the verb: '“…”, VERB Name' or 'Name VERB: “…”'."""
    doc = ctx.doc
    cue_start, cue_end = cue_tokens(verb)
    frame = set(range(cue_start, cue_end)) | {t.i for t in subject.subtree}
    if verb.i > segment_last:
        if subject.i < segment_last:
            return False  # 'The slogan, “…”, was everywhere': the subject frames the quote, not a cue
        return _only_joiners(doc, segment_last + 1, min(cue_start, subject.left_edge.i), frame) or \
            _only_joiners(doc, segment_last + 1, cue_start, frame)
    if doc[segment_first - 1].text not in ":,":
        return False
    # "X said in a statement on Monday: “…”": what stands between cue and quote belongs to the cue.
    governed = {t.i for t in verb.subtree}
    return all(i in governed or not is_word(doc[i]) for i in range(cue_end, segment_first))


def _find_cue(segment: QuotedSegment, ctx: _Context) -> tuple[Token, Token, str] | None:
    """(cue verb, speaker head, how) for a quoted segment, from the words around it."""
    doc = ctx.doc
    first = tokens_covering(doc, segment.open_at, segment.open_at + 1)
    last = tokens_covering(doc, segment.outer_end - 1, segment.outer_end)
    best: tuple[tuple, Token, Token, str] | None = None
    for distance, verb in _frame_verbs(segment, ctx):
        subject = _usable_subject(verb, ctx)
        if subject is None:
            continue
        speech = _is_speech(verb, ctx.rules) or verb.lemma_.lower() in ctx.rules.characterization_verbs
        adjacent = _adjacent_cue(verb, subject, first[0].i, last[-1].i, ctx)
        if not (speech or adjacent):
            continue
        rank = (0 if adjacent else 1, 0 if speech else 1, distance)
        how = "cue:" + ("adjacent " if adjacent else "") + ("speech-verb" if speech else "structure")
        if best is None or rank < best[0]:
            best = (rank, verb, subject, how)
    after = _name_after(segment, ctx)
    if after is not None and (best is None or best[2].i < first[0].i):
        # 'One statement caused a stir: “…,” thundered Paul Marchand': the name after the cue speaks.
        return after[0], after[1], "cue:adjacent name-after"
    if best is None:
        return None
    return best[1], best[2], best[3]


def _after_closing(segment: QuotedSegment, ctx: _Context) -> int | None:
    """The index of the first token after the quote's closing mark (which may be past the Doc's end)."""
    last = tokens_covering(ctx.doc, segment.outer_end - 1, segment.outer_end)
    return last[-1].i + 1 if last is not None else None


def _name_after(segment: QuotedSegment, ctx: _Context) -> tuple[Token, Token] | None:
    """(verb, name) of an inverted cue right after the closing mark: '“…,” thundered Gérald Darmanin'."""
    doc = ctx.doc
    i = _after_closing(segment, ctx)
    if i is None:
        return None
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i + 1 >= len(doc) or not (doc[i].is_alpha and doc[i].is_lower and
                                 (doc[i].pos_ in VERB_POS or _cue_word(doc[i], ctx.rules))):
        return None
    name = _speaker_phrase(i + 1, doc[i].sent.end, ctx)
    if name is None or not (name.ent_type_ in ctx.rules.parser.person_entities | ctx.rules.parser.organization_entities
                            or name.pos_ == "PROPN"):
        return None
    return doc[i], name


def _sequence_cue(segment: QuotedSegment, ctx: _Context) -> tuple[tuple[int, int], Token] | None:
    """'», scandaient les agriculteurs.' / '», ajoute-t-elle.': after the closing mark and a comma, a
    verb then a noun phrase or a clitic pronoun make an inverted cue, whatever the verb and however
    the parser labelled its subject (the French model often calls it an object)."""
    doc = ctx.doc
    i = _after_closing(segment, ctx)
    if i is None or i + 2 >= len(doc) or doc[i].text != ",":
        return None
    cue_start = j = i + 1
    clitic = None
    # The verb group: reflexive clitic, auxiliary, inverted clitics ("s'agace", "a-t-elle poursuivi").
    while j + 1 < len(doc) and (doc[j].lower_ in ctx.rules.parser.reflexive_clitics or doc[j].pos_ == "AUX"
                                or doc[j].text.startswith("-")):
        if doc[j].text.startswith("-") and ctx.rules.pronoun_kind(doc[j].text):
            clitic = doc[j]
        j += 1
    cue = doc[j]
    speech = cue.lemma_.lower() in ctx.rules.speech_verbs or cue.lower_ in ctx.rules.speech_verbs
    if not cue.is_alpha or not cue.is_lower or not (cue.pos_ in VERB_POS or speech):
        return None
    cue_end = cue.i
    while cue_end + 1 < len(doc) and doc[cue_end + 1].text.startswith("-"):  # "poursuit-elle"
        cue_end += 1
        if ctx.rules.pronoun_kind(doc[cue_end].text):
            clitic = doc[cue_end]
    if clitic is not None:
        return _char_range(doc, cue_start, cue_end + 1), clitic
    rest = [t for t in doc[cue_end + 1:min(cue.sent.end, cue_end + 1 + FRAME_TOKENS)]
            if t.lower_ not in ctx.rules.parser.not_subjects]
    if not rest or rest[0].pos_ not in ("DET", "PROPN", "NOUN"):
        return None
    head = next((t for t in rest if t.pos_ in ("NOUN", "PROPN")), None)
    if head is None or head.i - rest[0].i > 3:
        return None
    # "», a affirmé le premier ministre François Legault.": the name beside the title speaks.
    named = next((t for t in rest[:8] if t.ent_type_ in ctx.rules.parser.person_entities and t.i > head.i), None)
    return _char_range(doc, cue_start, cue_end + 1), named or head


def _colon_cue(segment: QuotedSegment, ctx: _Context) -> tuple[tuple[int, int] | None, Token] | None:
    """'Hélène Vasseur, médecin à Gap, reste prudente : « … »': whatever the parse made of it, a
    sentence that opens on a name and ends on a colon introduces that person's words."""
    doc = ctx.doc
    first = tokens_covering(doc, segment.open_at, segment.open_at + 1)
    if first is None or first[0].i == 0 or doc[first[0].i - 1].text != ":":
        return None
    sent = first[0].sent
    opener = doc[sent.start]
    while opener.i < first[0].i and not is_word(opener):
        opener = doc[opener.i + 1]
    named = opener.ent_type_ in ctx.rules.parser.person_entities | ctx.rules.parser.organization_entities
    if not (named or ctx.rules.pronoun_kind(opener.text) in ("masculine", "feminine")):
        # "A senior official at Beauvau confides: “…”": a description of a person opens the sentence.
        described = _speaker_phrase(opener.i, first[0].i, ctx)
        if described is None or described.lemma_.lower() not in ctx.rules.anonymous_heads | ctx.rules.role_words:
            return None
        verbs = [t for t in doc[described.i + 1:first[0].i] if t.pos_ in VERB_POS]
        return (_char_range(doc, *cue_tokens(verbs[-1])) if verbs else None), described
    head = opener
    while head.i + 1 < first[0].i and doc[head.i + 1].ent_iob_ == "I":
        head = doc[head.i + 1]
    verbs = [t for t in doc[head.i + 1:first[0].i] if t.pos_ in VERB_POS]
    cue = _char_range(doc, *cue_tokens(verbs[-1])) if verbs else None
    return cue, head


def _preposition_source(segment: QuotedSegment, ctx: _Context) -> tuple[tuple[int, int], Token] | None:
    """'Selon X, « … »' / 'Pour X, « … »': a source preposition before the quote in its sentence."""
    doc = ctx.doc
    first = tokens_covering(doc, segment.open_at, segment.open_at + 1)
    if first is None:
        return None
    sent_start = first[0].sent.start
    for token in doc[_frame(first[0], first[0])[0]:first[0].i]:
        if not ctx.outside(token):
            continue
        sequences = list(ctx.rules.source_prepositions)
        if token.i == sent_start:
            sequences += ctx.rules.sentence_initial_source_prepositions
        for words in sequences:
            if _sequence_at(doc, token.i, words):
                source = _object_after(doc, token.i + len(words), ctx)
                if source is not None and source.i < first[0].i:
                    return _char_range(doc, token.i, token.i + len(words)), _named(source, ctx)
    return None


def _incise(segment: QuotedSegment, ctx: _Context) -> tuple[Token, Token, int, int] | None:
    """A cue written inside the marks: '“We will not yield, says Ann Roy, head of X. We…”'.
    Returns (verb, subject, first token, end token) of the incise."""
    doc = ctx.doc
    tokens = tokens_covering(doc, segment.start, segment.end)
    if tokens is None:
        return None
    for verb in tokens:
        if verb.pos_ not in VERB_POS or verb.i == tokens.start:
            continue
        cue_start, _ = cue_tokens(verb)
        if cue_start <= tokens.start or doc[cue_start - 1].text not in (",", "—", "–"):
            continue
        subject = next((c for c in verb.children if c.dep_ in ctx.rules.parser.subject and c.i > verb.i), None)
        if subject is None or ctx.rules.pronoun_kind(subject.text) == "first":
            continue
        if not (_is_speech(verb, ctx.rules) or subject.pos_ in ("PROPN", "PRON")):
            continue
        end = subject.right_edge.i + 1
        while end < tokens.end and doc[end].text not in (".", ",", "—", ";", ":"):
            end += 1
        if end < tokens.end and doc[end].text in (".", ",", "—", ";", ":") and end + 1 < tokens.end:
            return verb, subject, cue_start - 1, end + 1
    return None


def _cue_word(word: Token, rules: LanguageRules) -> bool:
    """A speech verb by lemma or by form, whatever the tagger made of it ("rewinds", "assures" and
    "sighs" come out as nouns in the small English model): the form without one of the language's verb
    endings (cues.toml) counts too."""
    return bool(_verb_forms(word, rules) & rules.speech_verbs)


def _verb_forms(word: Token, rules: LanguageRules) -> set[str]:
    """The lemma, the written form and the form without each verb ending ("hopes", lemmatised "hop")."""
    lower = word.lower_
    return {lower, word.lemma_.lower()} | {lower[:-len(e)] for e in rules.verb_endings if lower.endswith(e)}


def _speaker_phrase(start: int, stop: int, ctx: _Context) -> Token | None:
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
    if first.pos_ == "PROPN" and first.is_title and start + 1 < stop and doc[start + 1].pos_ == "PROPN" \
            and doc[start + 1].is_title:
        end = start + 1  # "Maxime Perrin", a name the model did not tag
        while end + 1 < stop and doc[end + 1].pos_ == "PROPN" and doc[end + 1].is_title:
            end += 1
        return doc[end]
    if first.lower_ in rules.definite_determiners | rules.indefinite_determiners | rules.interlocutor_determiners:
        words = doc[start + 1:min(stop, start + 6)]
        person = rules.anonymous_heads | rules.role_words
        # A person's noun first, whatever its tag ("The elected official shrugs:" tags "official" ADJ).
        noun = next((t for t in words if t.lower_ in person or t.lemma_.lower() in person), None) or \
            next((t for t in words if t.pos_ in ("NOUN", "PROPN")), None)
        while noun is not None and noun.dep_ == "compound" and noun.i < noun.head.i < stop:
            noun = noun.head  # "the trade unionist": the unionist
        return noun
    return None


# Words that never cue an incise: "…, and the union", "…, for Paul", "…, that the minister…".
_NOT_A_CUE = frozenset({"ADP", "CCONJ", "SCONJ", "DET", "PRON", "AUX", "PART", "NUM", "ADV"})


def _inverted_incise(segment: QuotedSegment, ctx: _Context) -> tuple[Token, Token, int, int] | None:
    """'“The ministry stopped disowning its officers, rewinds Paul Marchand, historian at the University
    of Lyon. Even against the courts.”': inside the marks, a comma, a speech verb however it was tagged,
    then a name or a description. Structure decides, since the parser reads the name as the verb's
    object. Returns (verb, speaker, first token, end token) of the incise, which runs to its sentence end."""
    doc = ctx.doc
    tokens = tokens_covering(doc, segment.start, segment.end)
    if tokens is None:
        return None
    for comma in tokens[1:-2]:
        if comma.text not in (",", "—", "–"):
            continue
        word = doc[comma.i + 1]
        if not (word.is_alpha and word.is_lower and word.pos_ not in _NOT_A_CUE):
            continue
        speaker = _speaker_phrase(comma.i + 2, tokens.end, ctx)
        if speaker is None and comma.i + 3 < tokens.end and doc[comma.i + 2].dep_ in ctx.rules.parser.particle:
            # the verb's particle first: "…, goes on the spokeswoman"
            speaker = _speaker_phrase(comma.i + 3, tokens.end, ctx)
        if speaker is None:
            continue
        # A word in the cue list, or any verb-like word with no subject of its own before a name
        # ("…, hammers Fabienne Morel, …"); a description needs a word from the list.
        if not _cue_word(word, ctx.rules) and not ((speaker.ent_type_ or speaker.pos_ == "PROPN") and not any(
                c.dep_ in ctx.rules.parser.subject and c.i < word.i for c in word.children)):
            continue
        end = next((t.i for t in doc[speaker.i + 1:tokens.end] if t.text in (".", "?", "!", ";")), tokens.end - 1)
        return word, speaker, comma.i, end + 1
    return None


def _characterization(segment: QuotedSegment, ctx: _Context) -> tuple[Token, Token] | None:
    """'Jean Roux, who called the union “factious”': a characterising verb just before the marks, with
    nothing but its object between; its subject (a relative pronoun: the name it hangs on) said it.
    Returns (verb, speaker)."""
    doc, rules = ctx.doc, ctx.rules
    first = tokens_covering(doc, segment.open_at, segment.open_at + 1)
    if first is None:
        return None
    before = doc[max(first[0].sent.start, first[0].i - 6):first[0].i]
    verb = next((t for t in reversed(before) if t.lemma_.lower() in rules.characterization_verbs
                 and t.pos_ in VERB_POS), None)
    if verb is None or any(t.pos_ in VERB_POS | {"PUNCT"} for t in doc[verb.i + 1:first[0].i]):
        return None
    speaker = _usable_subject(verb, ctx)
    return (verb, speaker) if speaker is not None else None


def _embedded(segment: QuotedSegment, cue: Token | None, ctx: _Context) -> bool:
    """Does the writer's own sentence run into the quote (a fragment), rather than frame it?"""
    doc = ctx.doc
    first = tokens_covering(doc, segment.open_at, segment.open_at + 1)
    if first is None or first[0].i == first[0].sent.start:
        return False
    before = doc[first[0].i - 1]
    if not is_word(before):
        boundary = (":", ",", "—", "–", "(", "-", ".", "!", "?", "…")
        return not (before.text in boundary or before.is_space or ctx.rules.marks.pattern.fullmatch(before.text))
    if cue is not None and before.i in range(*cue_tokens(cue)):
        return False
    return before.lower_ not in ctx.rules.complementizers


def _title_case(segment: QuotedSegment, ctx: _Context) -> bool:
    """“Fox News Sunday”, “The Apprentice”: every word capitalised is a name, not speech."""
    tokens = tokens_covering(ctx.doc, segment.start, segment.end)
    words = [t for t in tokens if t.is_alpha] if tokens is not None else []
    return bool(words) and all(t.text[0].isupper() for t in words) and len(words) <= 6


def _governs(cue: Token, segment: QuotedSegment, ctx: _Context) -> bool:
    """The quoted fragment hangs (through its head) from the cue verb's clause."""
    tokens = tokens_covering(ctx.doc, segment.start, segment.end)
    if tokens is None:
        return False
    head = tokens.root
    for _ in range(8):
        if head.i == cue.i:
            return True
        if head.head.i == head.i:
            return False
        head = head.head
        labels = ctx.rules.parser
        if head.i != cue.i and head.dep_ in labels.adverbial_clause | labels.relative_clause:
            return False  # an adverbial or relative clause stands between: its words, not the cue's
    return False


def _mixed_clause(segment: QuotedSegment, cue: Token, ctx: _Context) -> tuple[int, int] | None:
    """The reported clause around a quoted part, when the cue governs one ('said that X was “…”')."""
    for child in cue.children:
        if child.dep_ in ctx.rules.parser.clause:
            start, end = clause_tokens(child)
            span_start, span_end = _char_range(ctx.doc, start, end)
            if segment.start < span_end < segment.outer_end:
                span_end = segment.outer_end  # the closing mark and final stop hang on the cue's sentence
            if span_start <= segment.open_at and segment.outer_end <= span_end and \
                    (span_start < segment.open_at - 1 or segment.outer_end < span_end - 1):
                return span_start, span_end
    return None


def _word_count(doc: Doc, start_char: int, end_char: int) -> int:
    tokens = tokens_covering(doc, start_char, end_char)
    return sum(1 for t in tokens if is_word(t)) if tokens is not None else 0


def _dash_signature(segment: QuotedSegment, ctx: _Context) -> tuple[None, Token] | None:
    """'“…” ― Sonya Herridge': a name after a dash that ends the line signs the quote (no cue word)."""
    doc, text = ctx.doc, ctx.text
    after = segment.outer_end
    while after < len(text) and text[after] in " \t\u00a0":
        after += 1
    if after >= len(text) or text[after] not in "―—–-":
        return None
    # The tokenizer may glue the dash to the closing mark ("”―"): find the name by characters.
    dash = tokens_covering(doc, after, after + 1)
    if dash is None or dash[-1].i + 1 >= len(doc):
        return None
    name = first = doc[dash[-1].i + 1]
    while name.i + 1 < len(doc) and doc[name.i + 1].pos_ == "PROPN" and "\n" not in name.whitespace_:
        name = doc[name.i + 1]
    rest = doc[name.i + 1:name.i + 2]
    line_ends = not len(rest) or "\n" in name.whitespace_ or rest[0].is_space or rest[0].text in (".", ",")
    return (None, name) if first.pos_ == "PROPN" and line_ends else None


def _continues_after_cue(previous: RawQuote, segment: QuotedSegment, ctx: _Context) -> bool:
    """'“A,” he said, “B.”': the second segment is the same quote when only the cue stands between."""
    if previous.cue is None or previous.speaker is None or "adjacent" not in previous.how:
        return False
    doc = ctx.doc
    last_end = ctx.segments[previous.segments[-1]].outer_end
    if not (last_end <= previous.cue[0] < segment.open_at):
        return False
    between = tokens_covering(doc, last_end, segment.open_at)
    if between is None or between[0].sent != tokens_covering(doc, segment.open_at, segment.open_at + 1)[0].sent:
        return False
    if any(t.text in (".", "!", "?") for t in between):
        return False  # a new sentence: its own quote
    speaker = doc[previous.speaker]
    frame = {t.i for t in speaker.subtree} | set(range(*cue_tokens(doc[previous.speaker].head)))
    cue_span = tokens_covering(doc, *previous.cue)
    frame |= set(range(cue_span.start, cue_span.end)) if cue_span is not None else set()
    return all(t.i in frame or not is_word(t) for t in between)


def _resumes_after_cue(previous: RawQuote, segment: QuotedSegment, cue: Token | None, ctx: _Context) -> bool:
    """'“A,” she added. “B.”': the next sentence's quote, whose nearest cue is the one just used, in
    the same paragraph, goes on with the same quote."""
    if cue is None or previous.cue is None or "adjacent" not in previous.how:
        return False
    if _char_range(ctx.doc, *cue_tokens(cue)) != previous.cue:
        return False
    last = ctx.segments[previous.segments[-1]]
    return last.outer_end <= previous.cue[0] and _same_paragraph(last, segment, ctx.text)


def _opens_sentence(segment: QuotedSegment, ctx: _Context) -> bool:
    """A floating quote stands as a sentence of its own, not inside the writer's sentence."""
    first = tokens_covering(ctx.doc, segment.open_at, segment.open_at + 1)
    if first is None:
        return False
    sent = first[0].sent
    return all(not is_word(t) for t in ctx.doc[sent.start:first[0].i])


def _document_cue(segment: QuotedSegment, ctx: _Context) -> tuple[tuple[int, int] | None, Token] | None:
    """'“Police stations are closing!” can we read in a leaflet Alliance published in June' /
    '“Close the wards!” read the banner of Unité Santé': words written on a document speak for the
    organisation whose document it is, named after the document in the same sentence."""
    doc, rules = ctx.doc, ctx.rules
    start = _after_closing(segment, ctx) if segment.close_at is not None else None
    if start is None or start >= len(doc):
        return None
    sent_end = doc[start].sent.end
    window = doc[start:min(sent_end, start + 12)]
    channel = next((t for t in window if t.lemma_.lower() in rules.organization_channels
                    or t.lower_ in rules.organization_channels), None)
    if channel is None:
        return None
    owners = [t for t in doc[channel.i + 1:sent_end] if t.ent_iob_ == "B"
              and t.ent_type_ in rules.parser.organization_entities | rules.parser.person_entities]
    owner = owners[0] if owners else next((c for c in channel.children if c.dep_ in ctx.rules.parser.possessive), None) \
        or next((obj for preposition, obj in prepositional_objects(channel, rules.parser)
                 if preposition in rules.organization_prepositions), None) \
        or next((t for t in doc[channel.i + 1:sent_end] if t.pos_ == "PROPN" and t.is_title), None)
    if owner is None:
        return None
    while owner.i + 1 < sent_end and doc[owner.i + 1].ent_iob_ == "I":
        owner = doc[owner.i + 1]
    verbs = [t for t in doc[start:channel.i] if t.pos_ in VERB_POS]
    return (_char_range(doc, *cue_tokens(verbs[-1])) if verbs else None), owner


def _fallback_cue(segment: QuotedSegment, ctx: _Context):
    """(cue characters, speaker head, confidence, rule) from the first layout that names a speaker
    when no verb around the quote does: an inverted incise, a colon after a name, a source
    preposition, a signature after a dash."""
    for finder, confidence, rule in ((_document_cue, 0.7, "cue:document"),
                                     (_sequence_cue, 0.75, "cue:inverted-sequence"), (_colon_cue, 0.7, "cue:colon"),
                                     (_preposition_source, 0.75, "cue:source-preposition"),
                                     (_dash_signature, 0.75, "cue:signature")):
        found = finder(segment, ctx)
        if found is not None:
            return (*found, confidence, rule)
    return None


def _same_paragraph(first: QuotedSegment, second: QuotedSegment, text: str) -> bool:
    return "\n" not in text[first.outer_end:second.open_at]


def quotes_from_marks(ctx: _Context) -> list[RawQuote]:
    quotes: list[RawQuote] = []
    doc, rules = ctx.doc, ctx.rules
    for index, segment in enumerate(ctx.segments):
        words = _word_count(doc, segment.start, segment.end)
        previous = quotes[-1] if quotes and quotes[-1].segments and quotes[-1].segments[-1] == index - 1 else None
        incise = _incise(segment, ctx) or _inverted_incise(segment, ctx)
        if incise is not None:
            verb, subject, first, end = incise
            cue_start, cue_end = cue_tokens(verb)
            spans = [(segment.start, doc[first].idx), (doc[end].idx, segment.end)]
            rest = tokens_covering(doc, doc[end].idx, segment.end)
            if rest is not None and not any(t.pos_ in VERB_POS for t in rest) and doc[end - 1].text not in ".?!":
                spans = spans[:1]  # what follows the incise is the speaker's apposition, not speech
            spans = [(s, e) for s, e in (_strip(ctx.text, s, e) for s, e in spans) if e > s]
            if not spans:
                continue  # marks around nothing but the incise: no statement
            quotes.append(RawQuote(DIRECT, spans, _char_range(doc, cue_start, cue_end), subject.i, 0.85,
                                   "cue:incise", segments=[index]))
            continue
        found = _find_cue(segment, ctx)
        cue, speaker, how = found if found else (None, None, "")
        if previous is not None and (cue is None or cue.i < doc.char_span(segment.open_at, segment.open_at + 1,
                                                                           alignment_mode="expand")[0].i) and (
                (ctx.segments[index - 1].continues and cue is None) or _continues_after_cue(previous, segment, ctx)
                or _resumes_after_cue(previous, segment, cue, ctx)):
            # Reopened in the next paragraph, or resumed after its cue: the same quote goes on.
            previous.spans.append((segment.start, segment.end))
            previous.segments.append(index)
            continue
        fallback = _fallback_cue(segment, ctx) if cue is None else None
        if fallback is not None:
            cue_chars, head, confidence, rule = fallback
            quotes.append(RawQuote(DIRECT, [(segment.start, segment.end)], cue_chars, head.i, confidence, rule,
                                   segments=[index]))
            continue
        cue_chars = _char_range(doc, *cue_tokens(cue)) if cue is not None else None
        if _embedded(segment, cue, ctx):
            called = _characterization(segment, ctx)
            if called is not None and not _title_case(segment, ctx):
                verb, speaker = called
                quotes.append(RawQuote(PARTIAL, [(segment.start, segment.end)],
                                       _char_range(doc, *cue_tokens(verb)), speaker.i, 0.65,
                                       "cue:characterization", segments=[index]))
                continue
            if cue is None or "structure" in how or words < rules.min_partial_words or _title_case(segment, ctx) \
                    or not _governs(cue, segment, ctx):
                continue  # a title, a term or a scare quote, not speech
            clause = _mixed_clause(segment, cue, ctx)
            if clause is not None:
                quotes.append(RawQuote(MIXED, [clause], cue_chars, speaker.i, 0.75, how, segments=[index]))
            else:
                quotes.append(RawQuote(PARTIAL, [(segment.start, segment.end)], cue_chars, speaker.i, 0.65,
                                       how, segments=[index]))
            continue
        if cue is not None:
            confidence = 0.9 if "speech-verb" in how else 0.8
            quotes.append(RawQuote(DIRECT, [(segment.start, segment.end)], cue_chars, speaker.i, confidence,
                                   how, segments=[index]))
        elif previous is not None and _same_paragraph(ctx.segments[index - 1], segment, ctx.text):
            # A quote sentence with no cue of its own continues the quote just before it.
            previous.spans.append((segment.start, segment.end))
            previous.segments.append(index)
        elif words >= rules.min_floating_words and _opens_sentence(segment, ctx):
            quotes.append(RawQuote(DIRECT, [(segment.start, segment.end)], None, None, 0.5,
                                   "floating", follows_previous=True, segments=[index]))
    return quotes


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;—–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;—–"):
        end -= 1
    return start, end


# --- indirect speech: start from the speech verbs ----------------------------------------------

def _overlaps_quote(start_char: int, end_char: int, ctx: _Context) -> bool:
    return any(s.open_at < end_char and start_char < s.outer_end for s in ctx.segments)


def _sentence_minus(sent: Span, removed: set[int], ctx: _Context) -> list[tuple[int, int]]:
    """Character spans of the sentence's words outside `removed`, as contiguous runs."""
    doc = ctx.doc
    runs: list[tuple[int, int]] = []
    run: list[int] = []
    for token in sent:
        if token.i in removed:
            if run:
                runs.append((run[0], run[-1] + 1))
            run = []
        else:
            run.append(token.i)
    if run:
        runs.append((run[0], run[-1] + 1))
    spans = []
    for start, end in runs:
        s, e = _strip(ctx.text, *_char_range(doc, start, end))
        while e > s and ctx.text[e - 1] in ".!?":
            e -= 1
        if _word_count(doc, s, e) >= 1:
            spans.append((s, e))
    # "The museum, Mr. Bush said, celebrated…": a short run counts beside a longer one.
    return spans if any(_word_count(doc, s, e) >= 3 for s, e in spans) else []


def _clause_with_quotes(span: tuple[int, int], ctx: _Context) -> tuple[int, int] | None:
    """'said it would be “improper” to speak': a reported clause holding quoted words is one mixed
    quote, when every quote it touches lies inside it (a closing mark may hang past its end) and the
    writer's own words make part of it."""
    start, end = span
    touched = [s for s in ctx.segments if s.open_at < end and start < s.outer_end]
    if any(s.open_at < start or s.start >= end for s in touched):
        return None
    end = max([end] + [s.outer_end for s in touched])
    quoted = sum(_word_count(ctx.doc, s.start, s.end) for s in touched)
    if _word_count(ctx.doc, start, end) - quoted < 2:
        return None  # the quote itself, framed by its cue: the marks' finder owns it
    return start, end


def _set_off(verb: Token) -> bool:
    """'The museum, Mr. Bush said, celebrated…': a cue between commas inside the sentence it reports."""
    doc = verb.doc
    left, right = verb.left_edge.i, verb.right_edge.i
    before = doc[left] if doc[left].text == "," else (doc[left - 1] if left > verb.sent.start else None)
    after = doc[right] if doc[right].text == "," else (doc[right + 1] if right + 1 < verb.sent.end else None)
    return before is not None and before.text == "," and before.i > verb.sent.start \
        and after is not None and after.text == ","


def _reported_clause(verb: Token, rules: LanguageRules) -> Token | None:
    """The clause a speech verb reports: the first after it ("X says she will run"), else one before
    ("It's unlikely; the team says …" reports what follows, not "It's unlikely"). Failing those, a
    clause the parser hung elsewhere: on the verb as an adverbial clause with its own subject and no
    subordinating word ("said after the convention he would not…"), or on its object as a relative
    clause opened by a complementizer ("told a meeting of leaders that few people understood…")."""
    labels = rules.parser
    clauses = [c for c in verb.children if c.dep_ in labels.clause]
    after = [c for c in clauses if c.i > verb.i]
    if after or clauses:
        return (after or clauses)[0]
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ in labels.adverbial_clause and not is_present_participle(child) and \
                any(c.dep_ in labels.subject for c in child.children) and \
                not any(c.dep_ in labels.subordinator for c in child.children):
            return child
        if child.dep_ in labels.direct_object:
            for clause in child.children:
                if clause.dep_ in labels.relative_clause and any(
                        c.dep_ in labels.subordinator and c.lower_ in rules.complementizers for c in clause.children):
                    return clause
    return None


def _without_narration(clause: Token, start: int, end: int, rules: LanguageRules) -> int:
    """'…that paying no taxes was smart, although he again refused…': the parser hangs the writer's
    comment on the reported clause; a comma and a narration mark (or a participle, '…, citing…', a
    report of its own) or a semicolon ('…not intentional; they only learned…') end what was said."""
    doc = clause.doc
    end = next((t.i for t in doc[start + 1:end] if t.text == ";"), end)
    for child in clause.children:
        if child.i > clause.i and child.dep_ in rules.parser.adverbial_clause:
            start = clause_tokens(child)[0]
            narration = doc[start].lower_ in rules.narration_marks or is_present_participle(child)
            if narration and start > 0 and doc[start - 1].text == ",":
                end = min(end, start - 1)  # "…, citing …": its own attribution
    return end


def _with_trailing_adjuncts(verb: Token, end: int, rules: LanguageRules) -> int:
    """'X said that the claim smacked of hypocrisy, because Democrats…': what the parser hung on the
    cue after its clause (an adverbial clause) is still what was said, unless the writer's narration
    takes over ('…, although he again refused…', '…, saying…')."""
    for child in verb.children:
        if child.i < end or child.dep_ not in rules.parser.adverbial_clause or is_present_participle(child):
            continue
        start, child_end = clause_tokens(child)
        if any(t.text == ";" for t in verb.doc[end:start + 1]):
            break  # past a semicolon the writer goes on
        if verb.doc[start].lower_ not in rules.narration_marks:
            end = max(end, child_end)
    return end


def indirect_quotes(ctx: _Context) -> list[RawQuote]:
    doc, rules, labels = ctx.doc, ctx.rules, ctx.rules.parser
    quotes: list[RawQuote] = []
    for verb in ctx.tokens:
        if not _is_speech(verb, rules) or not ctx.outside(verb):
            continue
        subject = _usable_subject(verb, ctx)
        if subject is None or rules.pronoun_kind(subject.text) == "first":
            continue
        cue_chars = _char_range(doc, *cue_tokens(verb))
        clause = _reported_clause(verb, rules)
        if clause is not None:
            start, end = clause_tokens(clause)
            if clause.i > verb.i:
                end = _with_trailing_adjuncts(verb, _without_narration(clause, start, end, rules), rules)
            if doc[start].pos_ == "PRON" and rules.pronoun_kind(doc[start].text) == "relative" \
                    and doc[start].lower_ not in rules.complementizers:  # "joked that, …": tagged a pronoun
                continue  # "…, qui n'était pas autorisée à parler": a relative clause, not what was said
            span = _char_range(doc, start, end)
            if end - start < 3:
                continue
            content = _content_kind(span, ctx)
            if content is not None:
                kind, span = content
                quotes.append(RawQuote(kind, [span], cue_chars, subject.i, 0.75 if kind == MIXED else 0.7, "cue:clause"))
            continue
        # "The plan is dead, he said." parsed with the cue hanging from the content's verb.
        # A participle ("…, saying …", "…, shouting profanities") is no such cue: it reports its own object.
        if verb.dep_ in labels.adverbial_clause and verb.head.pos_ in VERB_POS and \
                not is_present_participle(verb) and (verb.i > verb.head.i or _set_off(verb)) and \
                not any(c.dep_ in labels.subordinator for c in verb.children):  # "…, after X claimed it"
            removed = {t.i for t in verb.subtree}
            spans = _sentence_minus(verb.sent, removed, ctx)
            if spans and not any(_overlaps_quote(s, e, ctx) for s, e in spans):
                quotes.append(RawQuote(INDIRECT, spans, cue_chars, subject.i, 0.6, "cue:parenthetical"))
    return quotes


def _sequence_at(doc: Doc, i: int, words: tuple[str, ...]) -> bool:
    return i + len(words) <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(words))


def _object_after(doc: Doc, sequence_end: int, ctx: _Context) -> Token | None:
    """The head of the noun phrase that follows a source preposition ('according to [the police]')."""
    for token in doc[sequence_end: min(len(doc), sequence_end + 8)]:
        if token.pos_ in ("NOUN", "PROPN", "PRON"):
            head = token
            while head.head.i != head.i and head.head.pos_ in ("NOUN", "PROPN") and \
                    sequence_end <= head.head.i < sequence_end + 12:
                head = head.head
            return head
        joined = token.i > 0 and not doc[token.i - 1].whitespace_ and not token.whitespace_
        if token.is_punct and not joined:  # "the conservative-leaning Tax Foundation" goes on
            return None
    return None


def according_to_quotes(ctx: _Context) -> list[RawQuote]:
    """'According to X, …' / 'selon X, …': the rest of the sentence is X's statement."""
    doc, rules = ctx.doc, ctx.rules
    quotes = []
    openers = {words[0] for words in rules.source_prepositions}
    for token in ctx.tokens:
        if token.lower_ not in openers or not ctx.outside(token):
            continue
        for words in rules.source_prepositions:
            if not _sequence_at(doc, token.i, words):
                continue
            source = _object_after(doc, token.i + len(words), ctx)
            if source is None:
                continue
            source = _named(source, ctx)
            sent = token.sent
            removed = set(range(token.i, source.right_edge.i + 1))
            spans = _sentence_minus(sent, removed, ctx)
            if not spans or any(_overlaps_quote(s, e, ctx) for s, e in spans):
                continue
            cue = _char_range(doc, token.i, token.i + len(words))
            quotes.append(RawQuote(INDIRECT, spans, cue, source.i, 0.7, "cue:source-preposition"))
    return quotes


def stance_quotes(ctx: _Context) -> list[RawQuote]:
    """'He vowed to form a task force', 'Trump urges supporters to monitor polling places': a stance
    verb's infinitive complement (with the object it binds) is the position its subject stated."""
    doc, rules, labels = ctx.doc, ctx.rules, ctx.rules.parser
    quotes: list[RawQuote] = []
    for verb in ctx.tokens:
        if verb.pos_ not in VERB_POS and not any(c.dep_ in labels.subject for c in verb.children):
            continue  # a noun ("the hopes of…"), unless the parser gave it a subject ("Mr. Clarke hopes to…")
        if not (_verb_forms(verb, rules) & rules.stance_verbs) or not ctx.outside(verb):
            continue
        complement = next((c for c in verb.children if c.dep_ in labels.open_clause and c.i > verb.i), None)
        subject = _usable_subject(verb, ctx)
        if complement is None or subject is None or rules.pronoun_kind(subject.text) == "first" \
                or _demand_content(verb, rules) is not None:  # "called on X to…" is a demand, found whole
            continue
        start, end = clause_tokens(complement)
        bound = [c for c in verb.children if c.dep_ in labels.direct_object and verb.i < c.i < start]
        if bound:
            start = bound[0].left_edge.i
        found = _content_kind(_char_range(doc, start, end), ctx) if end - start >= 3 else None
        if found is not None:
            quotes.append(RawQuote(found[0], [found[1]], _char_range(doc, *cue_tokens(verb)), subject.i, 0.6,
                                   "cue:stance"))
    return quotes


def _content_kind(span: tuple[int, int], ctx: _Context) -> tuple[str, tuple[int, int]] | None:
    """(kind, span) of reported content: indirect without quotation marks, mixed when it holds quoted
    words wholly (see `_clause_with_quotes`); None when a quote straddles it."""
    if not _overlaps_quote(*span, ctx):
        return INDIRECT, span
    mixed = _clause_with_quotes(span, ctx)
    return (MIXED, mixed) if mixed is not None else None


def _appraisal_content(verb: Token, rules: LanguageRules) -> tuple[int, int] | None:
    """Token range of what a characterising verb says of its object: 'called [the charges
    unsubstantiated]', 'described [Clinton as a lifetime politician]'. Without the predicate ('called
    Smith') nothing was characterised."""
    labels = rules.parser
    obj = next((c for c in verb.children if c.dep_ in labels.direct_object and c.i > verb.i), None)
    if obj is None:
        return None
    predicate = next((c for c in verb.children if c.i > obj.i and (
        c.dep_ in labels.object_predicate or
        (c.dep_ in labels.prepositional and c.lower_ in rules.characterization_prepositions))), None)
    if predicate is None:
        return None
    return obj.left_edge.i, clause_tokens(predicate)[1]


def _demand_content(verb: Token, rules: LanguageRules) -> tuple[int, int] | None:
    """'called for [more school investment]', 'called on [Congress to act]': the object of the
    preposition that makes the verb a demand."""
    for child in verb.children:
        if child.i > verb.i and child.dep_ in rules.parser.prepositional | rules.parser.particle and \
                (verb.lemma_.lower(), child.lower_) in rules.demand_phrases:
            start, end = clause_tokens(child)
            # "called on Congress to act": the infinitive the parser hung on the verb belongs to the demand.
            end = max([end] + [clause_tokens(c)[1] for c in verb.children
                               if c.i > child.i and c.dep_ in rules.parser.open_clause])
            return (start + 1, end) if end > start + 1 else None
    return None


def appraisal_quotes(ctx: _Context) -> list[RawQuote]:
    """What a source called something or called for, when no quotation marks carry it: 'The campaign
    called the charges unsubstantiated', 'Blair called for more school investment'."""
    doc, rules = ctx.doc, ctx.rules
    quotes: list[RawQuote] = []
    for verb in ctx.tokens:
        if verb.pos_ not in VERB_POS or not ctx.outside(verb):
            continue
        lemma = verb.lemma_.lower()
        found = _appraisal_content(verb, rules) if lemma in rules.characterization_verbs else None
        found = found or _demand_content(verb, rules)
        subject = _usable_subject(verb, ctx) if found else None
        if subject is None or rules.pronoun_kind(subject.text) == "first":
            continue
        span = _char_range(doc, *found)
        content = _content_kind(span, ctx) if _word_count(doc, *span) >= 2 else None
        if content is not None:
            quotes.append(RawQuote(content[0], [content[1]], _char_range(doc, *cue_tokens(verb)), subject.i, 0.6,
                                   "cue:appraisal"))
    return quotes


@dataclass(slots=True)
class Findings:
    quotes: list[RawQuote]  # ordered by position, without overlaps
    in_quote: list[bool]  # for each token, whether it stands inside quotation marks


def relative_source_quotes(ctx: _Context) -> list[RawQuote]:
    """'Olivier Cahn, for whom the union has a direct line, …': the relative clause is his view."""
    doc, rules = ctx.doc, ctx.rules
    quotes = []
    openers = {words[0] for words in rules.source_relatives}
    for token in ctx.tokens:
        if token.lower_ not in openers:
            continue
        for words in rules.source_relatives:
            if not _sequence_at(doc, token.i, words) or not ctx.outside(token):
                continue
            clause = next((a for a in doc[token.i + len(words) - 1].ancestors
                           if a.dep_ in rules.parser.relative_clause), None)
            if clause is None or clause.head.pos_ not in ("PROPN", "NOUN", "PRON"):
                continue
            start, end = token.i + len(words), clause.right_edge.i + 1
            while end > start and not is_word(doc[end - 1]):
                end -= 1
            if end - start < 3:
                continue
            span = _char_range(doc, start, end)
            if not _overlaps_quote(*span, ctx):
                quotes.append(RawQuote(INDIRECT, [span], _char_range(doc, token.i, start), clause.head.i, 0.65,
                                       "cue:source-relative"))
    return quotes


def find_quotes(doc: Doc, rules: LanguageRules) -> Findings:
    """Every attributed statement of `doc`."""
    text = doc_text(doc)
    segments = find_quoted_segments(text, rules.marks)
    ctx = _Context(doc, text, rules, segments, _token_segments(doc, segments), list(doc))
    found = quotes_from_marks(ctx) + according_to_quotes(ctx) + relative_source_quotes(ctx) + indirect_quotes(ctx) \
        + stance_quotes(ctx) + appraisal_quotes(ctx)
    found.sort(key=lambda q: (q.spans[0][0], -q.spans[-1][1]))
    kept: list[RawQuote] = []
    for quote in found:
        if any(_spans_overlap(quote, other) for other in kept):
            continue
        quote.kind = _typed(quote, ctx)
        kept.append(quote)
    return Findings(kept, [owner >= 0 for owner in ctx.in_quote])


def _typed(quote: RawQuote, ctx: _Context) -> str:
    """Reported speech that is a thought ("X believes that…": `belief`) or what a document or data show
    ("the report suggests…", "data show…": `evidence`) is typed so: PolNeAR counts them, but a measure
    of who speaks leaves them out by default. Words in quotation marks stay what they are."""
    if quote.kind not in (INDIRECT, MIXED) or quote.cue is None:
        return quote.kind
    cue = tokens_covering(ctx.doc, *quote.cue)
    verb = next((t for t in cue if t.pos_ in VERB_POS), cue[-1]) if cue is not None else None
    if verb is None:
        return quote.kind
    if _verb_forms(verb, ctx.rules) & ctx.rules.belief_verbs:
        return BELIEF
    speaker = ctx.doc[quote.speaker] if quote.speaker is not None else None
    if speaker is not None and speaker.lemma_.lower() in ctx.rules.evidence_sources and \
            not any(c.dep_ in ctx.rules.parser.possessive for c in speaker.children) and speaker.ent_type_ == "":
        return EVIDENCE
    return quote.kind


def _spans_overlap(a: RawQuote, b: RawQuote) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a.spans for s2, e2 in b.spans)

