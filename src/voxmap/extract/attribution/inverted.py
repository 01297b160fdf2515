"""'Cinq cas ont été repérés en France, a annoncé samedi 8 février la ministre de la Santé.' Agency
copy reports most statements this way: the statement, a comma, then the speech verb with its subject
after it (an enclitic "a-t-elle détaillé", or a name or description after time words). The French
model parses these sentences in many shapes (the verb conjoined, in parataxis, the subject an
object), so the pattern is read from the words; the statement is the sentence before the comma."""

from __future__ import annotations

from spacy.tokens import Token

from ..descriptions import loose_apposition
from ..marks import last_visible
from ..mentions import is_time_word
from ..syntax import VERB_POS, is_present_participle, is_word
from .clauses import content_kind
from .context import (
    Context,
    char_range,
    full_stop_after,
    is_enclitic,
    is_speech,
    past_aside,
    past_channel,
    sequence_at,
    strip_edges,
)
from .found import MIXED, Cue, RawQuote

# Adverbs that may stand in the verb group ("a également indiqué", "a encore dit"): at most this many.
MAX_ADVERBS = 2
# A statement this short is no statement ("Oui, a-t-il dit" is the marks' business, or nothing).
MIN_WORDS = 4
# Words an incise may hold past its speaker before the comma that closes it ("…, a déclaré le maire
# de Troyes à l'AFP, …"), and appositions to the speaker after it, each between commas.
MAX_INCISE_TAIL = 10
MAX_APPOSITIONS = 1


def _verb_after_comma(i: int, ctx: Context) -> tuple[int, int | None] | None:
    """(the speech verb, an enclitic subject) of a verb group opening at token `i`: an optional
    auxiliary, an optional enclitic, adverbs, the verb; or the verb, then its enclitic."""
    doc, labels = ctx.doc, ctx.rules.parser
    j, enclitic = i, None
    if doc[j].dep_ in labels.auxiliary or doc[j].pos_ == "AUX":
        j += 1
        j, enclitic = _past_enclitic(j, ctx)
    for _ in range(MAX_ADVERBS):
        if j < len(doc) and doc[j].pos_ == "ADV" and doc[j].is_alpha:
            j += 1
    if j >= len(doc) or not (is_speech(doc[j], ctx.rules) or _informed(doc[j], ctx)):
        return None
    if enclitic is None:
        enclitic = _past_enclitic(j + 1, ctx)[1]
    return j, enclitic


def _past_enclitic(j: int, ctx: Context) -> tuple[int, int | None]:
    """(the token after, the subject) of an enclitic at `j`: "-elle", "-t-elle", or "-t" "-elle" as
    the tokenizer may split it."""
    doc = ctx.doc
    if j < len(doc) and doc[j].lower_ == "-t":
        j += 1
    if j < len(doc) and is_enclitic(doc[j]):
        return j + 1, j
    return j, None


def subject_after(verb: int, ctx: Context) -> int | None:
    """The head word of the subject written after the verb, past time words ("samedi 8 février"):
    the first noun or name of a phrase opening there; None where a clause follows instead ("a dit
    que…") or nothing does."""
    doc, rules = ctx.doc, ctx.rules
    verb = past_aside(ctx.doc, verb)  # "explique, sous couvert d'anonymat, un officier"
    # Up to the next punctuation, not the parser's sentence end: the model often cuts before the name.
    sent_end = next((t.i for t in doc[verb + 1 : verb + 12] if t.is_punct and t.text != "-"), min(len(doc), verb + 12))
    k = _past_time_words(verb + 1, sent_end, ctx)
    if k < sent_end and doc[k].lower_ in rules.inverted_channel_prepositions and _finite_group(verb, ctx):
        rest = past_channel(list(doc[k:sent_end]), ctx.rules.parser.person_entities)
        k = _past_time_words(rest[0].i if rest else sent_end, sent_end, ctx)
    if k >= sent_end or doc[k].lower_ in rules.complementizers:
        return None
    head = _phrase_head(k, sent_end, ctx)
    named = loose_apposition(doc[head], rules) if head is not None else None
    return named.i if named is not None else head  # "a réagi sa petite amie, Courtney Ross, auprès de…"


def _rest_after_incise(last: int, enclitic: bool, ctx: Context) -> tuple[int, int] | None:
    """'Le suspect, a précisé le parquet, a été placé en garde à vue': where the incise (its verb
    group and speaker ending at token `last`) stands inside the sentence, the statement goes on after
    its closing comma to the full stop, as (first, end) tokens. A named speaker's apposition between
    commas is passed ("…, a dit Jean Dupont, maire de Troyes, …"), and so, without a verb, the rest
    counts only after an enclitic, which has none; a participle, a relative or a coordinator opens the
    speaker's own words ("…, a-t-il dit, ajoutant que…", "…, a dit le maire, qui…", "…, mais il…")."""
    doc, rules = ctx.doc, ctx.rules
    comma = _comma_closing(last + 1, ctx)
    for _ in range(MAX_APPOSITIONS + 1):
        if comma is None:
            return None
        first = comma + 1
        end = _statement_end(first, ctx)
        if (
            first >= end
            or is_present_participle(doc[first])
            or doc[first].pos_ == "CCONJ"  # "…, mais il a précisé que…": a statement of its own
            # "pour qui", "…, en Pennsylvanie, où s'écrasa…"
            or any(
                rules.pronoun_kind(t.text) == "relative" or "Rel" in t.morph.get("PronType")
                for t in doc[first : first + 2]
            )
        ):
            return None
        # a comma closing a verbless run right after it ends an apposition, the statement after it; a
        # run with neither a conjugated verb nor quoted words is the speaker's setting ("…, Jean Dupont,
        # dans son rapport publié mardi.", not "…, a dit M. Heitz, « mais pour mettre au jour… »")
        comma = _comma_closing(first, ctx)
        finite = any(t.pos_ in VERB_POS and "Fin" in t.morph.get("VerbForm") for t in doc[first:end])
        quoted = bool(ctx.segments_touching(doc[first].idx, doc[end - 1].idx + len(doc[end - 1])))
        if enclitic or (comma is None and (finite or quoted)):
            return first, end
    return None


def _closing_mark(token: Token, ctx: Context) -> bool:
    return token.is_punct and any(s.close_at == token.idx for s in ctx.segments_touching(token.idx, token.idx + 1))


def _statement_end(first: int, ctx: Context) -> int:
    """The token after the last of a statement opening at token `first`: its full stop, or a quote
    closed on one ('… "sur sa terrasse… ça reste à confirmer." "Les blessures…"')."""
    doc, end = ctx.doc, full_stop_after(first, ctx)
    reach = doc[end].idx if end < len(doc) else len(ctx.text)
    for segment in ctx.segments_touching(doc[first].idx, reach):
        if segment.open_at >= doc[first].idx and ctx.text[segment.start : segment.end].rstrip()[-1:] in (".", "!", "?"):
            return next((t.i + 1 for t in doc[first:end] if t.idx + len(t) >= segment.outer_end), end)
    return end


def _comma_closing(i: int, ctx: Context) -> int | None:
    """The comma within a few words from token `i` with no verb or end of sentence before it."""
    for token in ctx.doc[i : i + MAX_INCISE_TAIL]:
        if token.text == "," and ctx.outside(token):
            return token.i
        if token.pos_ in VERB_POS or token.is_sent_end or token.text in '.;:!?«»"' or not ctx.outside(token):
            return None
    return None


def _finite_group(verb: int, ctx: Context) -> bool:
    """'a déclaré', 'déclare': a verb group that reports; a bare participle ('une enquête a été ouverte,
    confiée au service…') describes, and what follows its preposition is no speaker."""
    doc = ctx.doc
    return "Part" not in doc[verb].morph.get("VerbForm") or (verb > 0 and doc[verb - 1].pos_ == "AUX")


def _past_time_words(k: int, end: int, ctx: Context) -> int:
    doc = ctx.doc
    while k < end and (is_time_word(doc[k], ctx.rules) or doc[k].like_num or doc[k].pos_ == "ADV"):
        k += 1
    return k


def _phrase_head(k: int, end: int, ctx: Context) -> int | None:
    """The first noun or name of a noun phrase opening at token `k` (past determiners, adjectives and
    abbreviated titles), if it may speak."""
    doc = ctx.doc
    for j in range(k, min(end, k + 3)):
        # "dénonce L214": a name right after the verb that the tagger left untagged (X) but the model
        # reads as a name
        named = doc[j].pos_ in ("NOUN", "PROPN") or (
            doc[j].pos_ == "X" and doc[j].ent_type_ != "" and j == k and doc[j - 1].pos_ in VERB_POS
        )
        if named and is_word(doc[j]):
            return j if may_speak(doc[j], ctx) else None
        if doc[j].pos_ not in ("DET", "ADJ") and not doc[j].text.endswith("."):  # "M.", "Mme"
            return None
    return None


def _informed(verb: Token, ctx: Context) -> bool:
    return verb.lemma_.lower() in ctx.rules.informant_verbs or verb.lower_ in ctx.rules.informant_verbs


def _informant_after(verb: int, ctx: Context) -> int | None:
    """The head word of who told, after a preposition past the verb ("a-t-on appris mardi auprès du
    parquet de Marseille", "a appris l'AFP d'une source judiciaire", "de sources concordantes"): the
    first noun or name a few words after it that may speak; None where nobody is named ("a appris
    que…")."""
    doc = ctx.doc
    # past a dated aside set between commas ("a appris, vendredi 23 août, l'AFP d'une source…")
    end = next((t.i for t in doc[verb + 1 : verb + 16] if t.text in '.;:!?«»"'), min(len(doc), verb + 16))
    for k in range(verb + 1, end):
        words = next((w for w in ctx.rules.informant_prepositions if sequence_at(doc, k, w)), None)
        if words is not None:
            return _phrase_head(k + len(words), end, ctx)
    return None


def may_speak(head: Token, ctx: Context) -> bool:
    """A name, or a noun for someone or some body ("la ministre", "les autorités sanitaires"): the
    subject of an inverted report. "…, a salué leur travail" has an object there, not a speaker."""
    rules = ctx.rules
    lemma = head.lemma_.lower()
    # "l'ex-femme de chambre", "l'ex-garde des Sceaux": the word after the prefix
    lemma = next((lemma[len(m) :] for m in rules.former_markers if m.endswith("-") and lemma.startswith(m)), lemma)
    return (
        head.pos_ == "PROPN"
        or head.text[:1].isupper()
        or lemma in rules.role_words
        or lemma in rules.anonymous_heads
        or lemma in rules.organization_heads
        or head.lower_ in rules.role_words
        or head.lower_ in rules.anonymous_heads
        or head.lower_ in rules.organization_heads
        or lemma in rules.anaphoric_organization_heads  # "la compagnie", "l'enseigne"
        or lemma in rules.kin_words  # "la sœur d'Ahmed Merabet"
        or head.lower_ in rules.kin_words
    )


def names_someone(source: Token, ctx: Context) -> bool:
    """Whether a source phrase names someone or some body ("pour la CFDT", "pour lui"), not a purpose
    or a part ("pour l'invitation", "pour le reste")."""
    return may_speak(source, ctx) or ctx.rules.pronoun_kind(source.text) in ("masculine", "feminine", "plural")


def _opens_with_source(start: int, ctx: Context) -> bool:
    """ "Selon X, …", "Pour X, …": the sentence is the source's, found by its preposition."""
    rules = ctx.rules
    return any(
        sequence_at(ctx.doc, start, words)
        for words in rules.source_prepositions + rules.sentence_initial_source_prepositions
    )


def _quote_after_colon(comma: int, ctx: Context) -> bool:
    """'…visiteurs : "Tu négliges tes enfants", écrivaient-ils': the cue is the quote's, introduced
    by a colon, not the whole sentence's."""
    at = ctx.doc[comma].idx
    closing = [s for s in ctx.segments_touching(at - 3, at) if s.outer_end <= at]
    return bool(closing) and last_visible(ctx.text, 0, closing[-1].open_at) == ":"


def _reports_itself(first: int, comma: int, ctx: Context) -> bool:
    """Does the statement hold a speech or stance verb with its own subject ("Adrien Quatennens avait
    appelé le gouvernement à renoncer")? Its subject is whom the enclitic after it stands for, and
    the finders that start from that verb report it."""
    rules = ctx.rules
    return any(
        (is_speech(t, rules) or t.lemma_.lower() in rules.stance_verbs)
        and any(
            c.dep_ in rules.parser.subject
            and c.pos_ in ("NOUN", "PROPN")
            and first <= c.i < comma
            and may_speak(c, ctx)
            for c in t.children
        )
        for t in ctx.doc[first:comma]
    )


def _past_opening_aside(first: int, comma: int, ctx: Context) -> int:
    """'Alors que LCI annonçait un attentat, le chanteur a pris l'information au sérieux, remarque
    20 Minutes': a sentence opening with the writer's subordinate clause reports only its main clause."""
    doc = ctx.doc
    if doc[first].lower_ not in ctx.rules.framing_openings:
        return first
    # The main clause's subject, where the parse found one past the writer's clause; else the first comma.
    main = [t for t in doc[first:comma] if t.head.i == t.i or not first <= t.head.i < comma]
    subjects = [c for t in main for c in t.children if c.dep_ in ctx.rules.parser.subject and first < c.i < comma]
    after_comma = [t.i + 1 for t in doc[first:comma] if t.text == ","]
    starts = [s.left_edge.i for s in subjects if after_comma and s.left_edge.i >= after_comma[0]]
    return starts[0] if starts else (after_comma[0] if after_comma else first)


def inverted_reports(ctx: Context) -> list[RawQuote]:
    doc = ctx.doc
    if not ctx.rules.inverted_reports:
        return []
    quotes: list[RawQuote] = []
    for sent in doc.sents:
        # The parser may start the next sentence at the incise's comma: that comma still ends this one.
        split_at_comma = sent.end < len(doc) - 1 and doc[sent.end].text == ","
        for comma in range(sent.start + 1, sent.end + 1 if split_at_comma else sent.end - 1):
            if doc[comma].text != "," or not ctx.outside(doc[comma + 1]):
                continue
            group = _verb_after_comma(comma + 1, ctx)
            if group is None:
                continue
            verb, enclitic = group
            if _informed(doc[verb], ctx):  # "a-t-on appris auprès du parquet": the informant, not "on"
                speaker = _informant_after(verb, ctx)
            else:
                speaker = enclitic if enclitic is not None else subject_after(verb, ctx)
            if speaker is None or not ctx.outside(doc[speaker]):
                continue
            # Two sentences the splitter ran together: the statement is the last one's.
            first = max(
                [sent.start]
                + [t.i + 1 for t in doc[sent.start : comma] if t.text in ".!?" and t.whitespace_ and ctx.outside(t)]
            )
            while first < comma and _closing_mark(doc[first], ctx):
                first += 1  # the quote before's closing mark, which the splitter gave this sentence
            first = _past_opening_aside(first, comma, ctx)
            start, end = strip_edges(ctx.text, *char_range(doc, first, comma))
            rest = _rest_after_incise(max(verb, enclitic or verb, speaker), enclitic is not None, ctx)
            words = [t for t in [*doc[first:comma], *(doc[rest[0] : rest[1]] if rest else [])] if is_word(t)]
            if len(words) < MIN_WORDS or not any(t.pos_ in ("VERB", "AUX") for t in words):
                continue
            if not ctx.outside(doc[first]) or _opens_with_source(first, ctx) or _quote_after_colon(comma, ctx):
                break  # a quote the marks' or the source finder owns
            if enclitic is not None and _reports_itself(first, comma, ctx):
                break  # "X avait appelé à « … », a-t-il justifié": X's report, found from its own verb
            parts = [content_kind((start, end), ctx)]
            if rest is not None:
                parts.append(content_kind(strip_edges(ctx.text, *char_range(doc, *rest)), ctx))
            if None in parts:
                continue
            kind = MIXED if any(k == MIXED for k, _ in parts) else parts[0][0]
            cue = char_range(doc, comma + 1, max(verb, enclitic or verb) + 1)
            quotes.append(RawQuote(kind, [span for _, span in parts], cue, speaker, Cue("parenthetical")))
            break  # one statement per sentence: the first inverted cue reports it
    return quotes
