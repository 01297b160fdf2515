"""What every finder shares: the Doc with its text, rules and quoted segments (`Context`), and small
helpers over tokens and characters (speech verbs, ranges, word counts)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate

from spacy.tokens import Doc, Span, Token

from ..language import LanguageRules
from ..marks import QuotedSegment
from ..syntax import VERB_POS, is_present_participle, is_word, tokens_covering

# Between a quote's closing mark and its cue ("”, said X" / "», poursuit-elle") only these may stand.
JOINERS = frozenset({",", ":", "—", "–", "-", "(", ")"})


@dataclass(slots=True)
class Context:
    doc: Doc
    text: str  # doc.text, built once: spaCy joins the tokens anew on every access
    rules: LanguageRules
    segments: list[QuotedSegment]
    in_quote: list[int]  # token -> segment index, -1 outside any quote (marks count as inside)
    tokens: list[Token] = field(default_factory=list)  # the Doc's tokens, made once for every finder's scan
    by_opening: list[QuotedSegment] = field(init=False)  # the segments sorted by their opening mark
    opens: list[int] = field(init=False)
    reach: list[int] = field(init=False)  # the furthest closing among the segments opened so far
    # Characters per line: scraped copy that lost its paragraphs keeps only a few subheading breaks.
    mean_paragraph: float = field(init=False)

    def __post_init__(self) -> None:
        self.mean_paragraph = len(self.text) / (self.text.count("\n") + 1)
        self.by_opening = sorted(self.segments, key=lambda s: s.open_at)
        self.opens = [s.open_at for s in self.by_opening]
        self.reach = list(accumulate((s.outer_end for s in self.by_opening), max))

    def outside(self, token: Token) -> bool:
        return self.in_quote[token.i] < 0

    def segments_touching(self, start: int, end: int) -> list[QuotedSegment]:
        """The quoted segments (marks included) that overlap characters start..end, by a bisection
        rather than a scan of every quote (a quote-dense window holds thousands)."""
        touching = []
        j = bisect_left(self.opens, end) - 1  # segments opened before `end`
        while j >= 0 and self.reach[j] > start:
            if self.by_opening[j].outer_end > start:
                touching.append(self.by_opening[j])
            j -= 1
        return touching[::-1]


def token_segments(doc: Doc, segments: list[QuotedSegment]) -> list[int]:
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


def is_speech(token: Token, rules: LanguageRules) -> bool:
    """A speech verb, by lemma or, where the lemmatiser errs ("estime"), by its written form; or
    the second verb of a phrase such as "faire savoir"."""
    if token.pos_ not in VERB_POS:
        return False
    lemma = token.lemma_.lower()
    if middle_voice(token, rules):
        return False  # "l'enquête se poursuit": nobody goes on speaking
    if lemma in rules.passive_measure_verbs and any(c.dep_ in rules.parser.passive_auxiliary for c in token.children):
        return False  # "sera évalué par le Parlement": a measure to come, no statement
    if lemma in rules.speech_verbs or token.lower_ in rules.speech_verbs:
        return True
    if any(_followed_by(token, words) for words in rules.speech_verb_words.get(lemma, ())):
        return True  # "met-elle en garde"
    return (token.head.lemma_.lower(), lemma) in rules.speech_verb_phrases


def middle_voice(verb: Token, rules: LanguageRules) -> bool:
    """A speech verb in a reflexive form that speaks of no one's words ("se poursuit", "se signaler")."""
    return verb.lemma_.lower() in rules.middle_voice_verbs and _reflexive(verb, rules)


def _reflexive(verb: Token, rules: LanguageRules) -> bool:
    """Whether a reflexive clitic hangs on the verb ("se poursuit", "s'est poursuivie")."""
    return any(c.lower_ in rules.parser.reflexive_clitics and c.dep_ in rules.parser.expletive for c in verb.children)


def _followed_by(token: Token, words: tuple[str, ...]) -> bool:
    """Whether these words follow the verb, past an enclitic subject ("met-elle en garde")."""
    doc, j = token.doc, token.i + 1
    while j < len(doc) and is_enclitic(doc[j]):
        j += 1
    return tuple(t.lower_ for t in doc[j : j + len(words)]) == words


def is_negative(token: Token) -> bool:
    """A negation, by the tagger's polarity ("ne", "pas", "jamais", "not")."""
    return "Neg" in token.morph.get("Polarity")


def is_enclitic(token: Token) -> bool:
    """A pronoun written against its verb: "-elle", "-t-il", "-on"."""
    return token.text.startswith("-") and len(token.text) > 1 and token.text[1:].replace("t-", "").isalpha()


def cue_word(word: Token, rules: LanguageRules) -> bool:
    """A speech verb by lemma or by form, whatever the tagger made of it ("rewinds", "assures" and
    "sighs" come out as nouns in the small English model): the form without one of the language's verb
    endings (cues.toml) counts too."""
    return bool(verb_forms(word, rules) & rules.speech_verbs)


def verb_forms(word: Token, rules: LanguageRules) -> set[str]:
    """The lemma, the written form and the form without each verb ending ("hopes", lemmatised "hop")."""
    lower = word.lower_
    return {lower, word.lemma_.lower()} | {lower[: -len(e)] for e in rules.verb_endings if lower.endswith(e)}


def char_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def token_start(ctx: Context, i: int) -> int:
    """The character where token `i` starts; the text's end for the index just past the last token (a
    range's end at the Doc's edge)."""
    return ctx.doc[i].idx if i < len(ctx.doc) else len(ctx.text)


def word_count(doc: Doc, start_char: int, end_char: int) -> int:
    tokens = tokens_covering(doc, start_char, end_char)
    return sum(1 for t in tokens if is_word(t)) if tokens is not None else 0


def strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;—–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;—–"):
        end -= 1
    return start, end


def sequence_at(doc: Doc, i: int, words: tuple[str, ...]) -> bool:
    return i + len(words) <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(words))


def full_stop_after(start: int, ctx: Context) -> int:
    """The token index of the first full stop (or line end) from `start`, outside quotation marks:
    the parser's sentence may end earlier where it misread the words."""
    for token in ctx.doc[start:]:
        if (token.text in (".", "!", "?") and ctx.outside(token)) or "\n" in token.text:
            return token.i
    return len(ctx.doc)


# The longest aside set between commas after an inverted verb ("explique, sous couvert d'anonymat, …").
MAX_ASIDE = 6


def past_aside(doc: Doc, verb: int) -> int:
    """The index of the comma that closes an adverbial aside right after the verb (a preposition or an
    adverb between commas: "explique, sous couvert d'anonymat, un officier"), else `verb` itself."""
    if verb + 2 >= len(doc) or doc[verb + 1].text != "," or doc[verb + 2].pos_ not in ("ADP", "ADV"):
        return verb
    return next((t.i for t in doc[verb + 2 : verb + 2 + MAX_ASIDE] if t.text == ","), verb)


def same_paragraph(first: QuotedSegment, second: QuotedSegment, text: str) -> bool:
    return "\n" not in text[first.outer_end : second.open_at]


def overlaps_quote(start_char: int, end_char: int, ctx: Context) -> bool:
    i = bisect_left(ctx.opens, end_char)
    return i > 0 and ctx.reach[i - 1] > start_char


def past_channel(tokens: list[Token], people: frozenset[str]) -> list[Token]:
    """What follows the channel a statement went to ("», a déclaré [au Parisien] Jean Dupont", "auprès
    de l'AFP", "sur son compte [Twitter]"): the tokens after a leading preposition's object, or `tokens`
    when none leads. `people`: the model's person labels (a person's name is never the channel's)."""
    if len(tokens) > 1 and tokens[0].pos_ == "ADV" and tokens[1].pos_ == "ADP":
        tokens = tokens[1:]  # "auprès de", "près de": an adverb the preposition completes
    if not tokens or tokens[0].pos_ != "ADP":
        return tokens
    obj = tokens[0].head
    if obj.i <= tokens[0].i or obj.pos_ not in ("NOUN", "PROPN"):
        return tokens
    end = obj.i + 1
    if obj.ent_type_:
        while end < tokens[-1].i + 1 and obj.doc[end].ent_iob_ == "I":
            end += 1
    elif obj.pos_ == "NOUN":
        # "à la télévision publique suédoise la ministre": the channel's adjectives are the channel's
        while end <= tokens[-1].i and obj.doc[end].head.i == obj.i and obj.doc[end].pos_ == "ADJ":
            end += 1
        # "sur son compte Twitter la députée": the name of the channel a common noun writes, not a person's
        named = end
        while named < tokens[-1].i and obj.doc[named].head.i == obj.i and obj.doc[named].pos_ == "PROPN":
            named += 1
        if named > end and obj.doc[named].pos_ in ("DET", "NOUN", "PROPN") and obj.doc[end].ent_type_ not in people:
            end = named
        # "au micro d'Europe 1 Pierre Hurmic": the channel's name after its preposition, never a person's
        outlet = next((c for c in obj.children if c.i == end + 1 and c.dep_ == "nmod" and c.ent_iob_ == "B"), None)
        if outlet is not None and obj.doc[end].pos_ == "ADP" and outlet.ent_type_ not in people:
            end = outlet.i + 1
            while end <= tokens[-1].i and obj.doc[end].ent_iob_ == "I":
                end += 1
    return [t for t in tokens if t.i >= end]


# The marks that end a sentence, whatever the language.
SENTENCE_ENDS = ".!?…"


def capital_after(segment: QuotedSegment, text: str) -> bool:
    """A capital right after the closing mark, past spaces on the same line: the next sentence's."""
    return text[segment.outer_end : segment.outer_end + 2].lstrip(" \u00a0")[:1].isupper()


def relative_of_someone(verb: Token, ctx: Context) -> bool:
    """A relative clause whose subject is its relative pronoun ("…, qui s'est retiré"), not one with a
    subject of its own ("the four “loopholes” he cited")."""
    return verb.dep_ in ctx.rules.parser.relative_clause and any(
        c.dep_ in ctx.rules.parser.subject and ctx.rules.pronoun_kind(c.text) == "relative" for c in verb.children
    )


def after_closing(segment: QuotedSegment, ctx: Context) -> int | None:
    """The index of the first token after the quote's closing mark (which may be past the Doc's end)."""
    last = tokens_covering(ctx.doc, segment.outer_end - 1, segment.outer_end)
    return last[-1].i + 1 if last is not None else None


def sourced(name: Span, prepositions: tuple[tuple[str, ...], ...]) -> bool:
    """Whether a source preposition stands right before the name ("selon Bruno Lina", "according to
    X"): the source of the sentence's statement, acting in it."""
    return any(
        name.start >= len(words) and sequence_at(name.doc, name.start - len(words), words) for words in prepositions
    )


def past_adverbs(tokens: list[Token]) -> list[Token]:
    """`tokens` without the adverbs that lead them ("», a ajouté ensuite son avocat"), negations kept."""
    lead = 0
    while lead < len(tokens) and tokens[lead].pos_ == "ADV" and not is_negative(tokens[lead]):
        lead += 1
    return tokens[lead:]


def reports_quoted_object(verb: Token, segment: QuotedSegment, ctx: Context) -> bool:
    """'Yannick Jadot a vanté « une dynamique de l'espérance »': a verb whose noun-phrase object is a
    report (rules' object_report_verbs) reports the quoted words that are that object. Not as a present
    participle: 'en prônant une « écologie intégrale »', 'évoquant une « âge pivot temporaire »' tell
    of a stance in the writer's words more than they quote."""
    if not (verb_forms(verb, ctx.rules) & ctx.rules.object_report_verbs) or is_present_participle(verb):
        return False
    tokens = tokens_covering(ctx.doc, segment.start, segment.end)
    return (
        tokens is not None
        and verb.i < tokens.start
        and tokens.root.head.i == verb.i
        and tokens.root.dep_ in ctx.rules.parser.direct_object
    )
