"""Direct, partial and mixed quotes, starting from the quotation marks: each quoted segment gets its
cue (mark_cues), or continues the quote before it, or floats; a fragment the writer's sentence runs
into is partial, or mixed with the clause its cue governs."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..marks import QuotedSegment
from ..syntax import VERB_POS, clause_tokens, cue_tokens, is_word, tokens_covering
from .context import (
    SENTENCE_ENDS,
    Context,
    after_closing,
    capital_after,
    char_range,
    is_speech,
    same_paragraph,
    strip_edges,
    token_start,
    word_count,
)
from .found import DIRECT, FLOATING, MIXED, PARTIAL, Cue, RawQuote
from .incises import incise, inverted_incise
from .mark_cues import (
    characterization,
    fallback_cue,
    find_cue,
    opens_sentence,
    preposition_source,
    sentence_start,
    sourced_verb,
    trailing_source,
)


def embedded(segment: QuotedSegment, cue: Token | None, ctx: Context) -> bool:
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
        return _runs_on(segment, ctx)
    return before.lower_ not in ctx.rules.complementizers


def _runs_on(segment: QuotedSegment, ctx: Context) -> bool:
    """'jugeant « insupportable » la perspective…': the writer's clause goes on past the closing mark,
    so the quoted words right after the cue are a fragment of it."""
    after = tokens_covering(ctx.doc, segment.outer_end, len(ctx.text))
    following = next((t for t in after if not t.is_space), None) if after is not None else None
    return following is not None and is_word(following) and following.sent == after[0].sent


def title_case(segment: QuotedSegment, ctx: Context) -> bool:
    """“Fox News Sunday”, “The Apprentice”: every word capitalised is a name, not speech."""
    tokens = tokens_covering(ctx.doc, segment.start, segment.end)
    words = [t for t in tokens if t.is_alpha] if tokens is not None else []
    return bool(words) and all(t.text[0].isupper() for t in words) and len(words) <= 6


def governs(cue: Token, segment: QuotedSegment, ctx: Context) -> bool:
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


def directly_governed(cue: Token, segment: QuotedSegment, ctx: Context) -> bool:
    """'jugeant « insupportable » la perspective', 'a réclamé plus de « transparence »': a word the cue
    takes as its own complement (through a quantity adverb at most) is the speaker's word, where a
    shorter fragment further down ('les violences des « casseurs »') is the writer's scare quote."""
    tokens = tokens_covering(ctx.doc, segment.start, segment.end)
    if tokens is None:
        return False
    head = tokens.root.head
    return head.i == cue.i or (head.pos_ == "ADV" and head.head.i == cue.i)


def _opened_by_writer_s_words(segment: QuotedSegment, cue: Token, found_by: Cue, ctx: Context) -> bool:
    """'Le « signe émouvant de notre amitié […] », résume le général Ingo Gerharz', 'Le Grenelle « a
    permis une vraie prise de conscience. Avant le Grenelle, […] 64 % », écrit Marlène Schiappa': a
    quote that a few words of the writer open, its speech verb right after the closing mark. The
    parser hangs such a verb off a noun or cuts the quote's first sentence from it, so the cue cannot
    govern the quote; yet the incise speaks for all of it, opening words included, when they hold no
    verb nor stop of the writer's (else, 'il a dénoncé les « casseurs », a-t-il ajouté', they are
    narration) and the quoted words a clause (else a term or a title: 'Dans « Le Consentement »')."""
    first = tokens_covering(ctx.doc, segment.open_at, segment.open_at + 1)
    tokens = tokens_covering(ctx.doc, segment.start, segment.end)
    if not (
        found_by.adjacent
        and found_by.speech_verb
        and first is not None
        and segment.outer_end <= cue.idx
        and tokens is not None
        and any("Fin" in t.morph.get("VerbForm") for t in tokens)
    ):
        return False
    before = ctx.doc[first[0].sent.start : first[0].i]
    return not any(t.pos_ in VERB_POS or t.text[-1:] in SENTENCE_ENDS or not ctx.outside(t) for t in before)


def mixed_clause(segment: QuotedSegment, cue: Token, ctx: Context) -> tuple[int, int] | None:
    """The reported clause around a quoted part, when the cue governs one ('said that X was “…”')."""
    for child in cue.children:
        if child.dep_ in ctx.rules.parser.clause:
            start, end = clause_tokens(child)
            span_start, span_end = char_range(ctx.doc, start, end)
            if segment.start < span_end < segment.outer_end:
                span_end = segment.outer_end  # the closing mark and final stop hang on the cue's sentence
            if (
                span_start <= segment.open_at
                and segment.outer_end <= span_end
                and (span_start < segment.open_at - 1 or segment.outer_end < span_end - 1)
            ):
                return span_start, span_end
    return None


def in_speaker_phrase(segment: QuotedSegment, previous: RawQuote, ctx: Context) -> bool:
    """Is the opening mark written right after a word of the speaker's phrase ('dit X, co-président de
    l'association "Les 150"')? Such a segment is a name in the speaker's apposition, never the quote
    going on after its cue (as it does after 'he said, but "…').'"""
    first = tokens_covering(ctx.doc, segment.open_at, segment.open_at + 1)
    if first is None or first[0].i == 0 or previous.speaker is None:
        return False
    before = ctx.doc[first[0].i - 1]
    speaker = ctx.doc[previous.speaker]
    return is_word(before) and before.i != speaker.head.i and speaker.left_edge.i <= before.i <= speaker.right_edge.i


def continues_after_cue(previous: RawQuote, segment: QuotedSegment, ctx: Context) -> bool:
    """'“A,” he said, “B.”': the second segment is the same quote when only the cue stands between."""
    if previous.cue is None or previous.speaker is None or not previous.found_by.adjacent:
        return False
    if in_speaker_phrase(segment, previous, ctx):
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
    frame = {t.i for t in speaker.subtree} | set(range(*cue_tokens(speaker.head)))
    cue_span = tokens_covering(doc, *previous.cue)
    cue = set(range(cue_span.start, cue_span.end)) if cue_span is not None else set()
    if _report_between(previous, between, ctx):
        return False
    return all(t.i in frame | cue or not is_word(t) for t in between)


def _report_between(previous: RawQuote, between: Span, ctx: Context) -> bool:
    """ "…», a ajouté Mme Denis, précisant que le policier n'avait « pas… »": a speech verb other than
    the cue between two quoted segments reports the second on its own."""
    cue = tokens_covering(ctx.doc, *previous.cue) if previous.cue is not None else None
    own = range(cue.start, cue.end) if cue is not None else range(0)
    return any(t.i not in own and t.pos_ in VERB_POS and is_speech(t, ctx.rules) for t in between)


def relative_between(between: Span | None, ctx: Context) -> bool:
    """'…, a insisté Yves Veyrier, pour qui le régime est « une erreur historique »': a relative clause
    between two quoted segments is the writer's narration about the speaker, and the quote in it is not
    the first one going on, where the language's convention says so (cues.toml `relative_ends_quote`)."""
    return (
        ctx.rules.relative_ends_quote
        and between is not None
        and any(ctx.rules.pronoun_kind(t.text) == "relative" for t in between)
    )


def resumes_after_cue(previous: RawQuote, segment: QuotedSegment, cue: Token | None, ctx: Context) -> bool:
    """'“A,” she added. “B.”': the next sentence's quote, whose nearest cue is the one just used, in
    the same paragraph, goes on with the same quote."""
    if (
        cue is None
        or previous.cue is None
        or not previous.found_by.adjacent
        or in_speaker_phrase(segment, previous, ctx)
    ):
        return False
    if char_range(ctx.doc, *cue_tokens(cue)) != previous.cue:
        return False
    last = ctx.segments[previous.segments[-1]]
    between = tokens_covering(ctx.doc, last.outer_end, segment.open_at)
    if between is not None and _report_between(previous, between, ctx):
        return False
    return last.outer_end <= previous.cue[0] and same_paragraph(last, segment, ctx.text)


def reopened(before: QuotedSegment, segment: QuotedSegment, ctx: Context) -> bool:
    """'« … », dit-elle. « … »', '« …. » « … »': a quotation opened anew as a sentence of its own after a
    sentence end, which is a statement of its own where the language's convention says so (cues.toml
    `quote_resumes_after_sentence`)."""
    if ctx.rules.quote_resumes_after_sentence:
        return False
    between = ctx.text[before.outer_end : segment.open_at]
    if any(c.isalnum() for c in between) and not opens_sentence(segment, ctx):
        return False  # quoted words in the writer's next sentence ("En revanche, « beaucoup… » subsistent")
    last_character = ctx.text[before.start : before.end].rstrip()[-1:]
    return any(stop in between for stop in ".!?") or (last_character != "" and last_character in ".!?…")


# Scraped news often loses its paragraph breaks, so that "the same paragraph" is a whole article:
# in a paragraph longer than any a newspaper prints, more words of the writer's own than this between
# two quoted segments make the second a quote of its own.
LOST_PARAGRAPHS = 1200
MAX_NARRATION_WORDS = 3


def paragraph_length(segment: QuotedSegment, text: str) -> int:
    end = text.find("\n", segment.open_at)
    return (end if end >= 0 else len(text)) - (text.rfind("\n", 0, segment.open_at) + 1)


def narration_between(before: QuotedSegment, after: QuotedSegment, ctx: Context) -> int:
    between = tokens_covering(ctx.doc, before.outer_end, after.open_at)
    return sum(1 for t in between if is_word(t)) if between is not None else 0


# The most words a subheading holds (OrangeSum's run from one to a dozen).
HEADING_WORDS = 16
# How many characters before a subheading's mark are read for the sentence end before it (a bounded
# window: copying the text before every quote would make a quote-dense text quadratic).
HEADING_LOOKBACK = 16


def scraped_heading(segment: QuotedSegment, text: str, closers: frozenset[str]) -> bool:
    """'…de gauche"."PLUS JAMAIS SOCIALISTE" Selon des propos…', '…du Bosc. "Apprendre à désamorcer un
    dialogue tendu" Si l'on pourrait…': a subheading in quotation marks whose line break the scraper
    lost. It stands between a sentence's end and the next sentence's capital, one short phrase with no
    mark that ends a sentence; a quote, even one set there, ends on one ("…je suis sans voix !" La
    chanteuse) or holds several sentences ("…en France. Plutôt que de négocier, … en catimini" Contacté…)."""
    words = _without_closers(text[segment.start : segment.end], closers)
    if (
        segment.close_at is None
        or words[-1:] in SENTENCE_ENDS + ",;:"
        or any(mark + " " in words for mark in SENTENCE_ENDS)
        or len(words.split()) > HEADING_WORDS
    ):
        return False
    before = _without_closers(text[max(0, segment.open_at - HEADING_LOOKBACK) : segment.open_at], closers)
    if before and before[-1] not in SENTENCE_ENDS + "\n":
        return False
    return capital_after(segment, text)


def _without_closers(text: str, closers: frozenset[str]) -> str:
    """`text` without the spaces and closing marks at its end ("…5,000 people,’" ends on a comma)."""
    return text.rstrip(" \u00a0" + "".join(closers))


# The longest title of a work voxmap reads as one ("Le Rat et l'Éléphant", "Lire et Relier"), and the
# most words (a comma, "ou bien même") between two titles of one list.
MAX_TITLE_WORDS = 6
MAX_TITLE_GAP = 4


def subject_of_the_writer_s_verb(segment: QuotedSegment, ctx: Context) -> bool:
    """'« Sang et honneur » fait référence au slogan…': a few quoted words with no conjugated verb nor
    stop that open the sentence, the writer's verb right after the closing mark: a name or a phrase
    the sentence is about, no one's words (a cue written there would have been found)."""
    doc = ctx.doc
    tokens = tokens_covering(doc, segment.start, segment.end)
    i = after_closing(segment, ctx)
    if tokens is None or i is None or i >= len(doc) or not opens_sentence(segment, ctx):
        return False
    words = [t for t in tokens if t.is_alpha]
    return (
        0 < len(words) <= MAX_TITLE_WORDS
        and not any("Fin" in t.morph.get("VerbForm") or t.text in ".!?…:;" for t in tokens)
        and doc[i].is_lower
        and doc[i].pos_ in VERB_POS
        and "Fin" in doc[i].morph.get("VerbForm")
    )


def work_title(segment: QuotedSegment, ctx: Context, after_title: bool) -> bool:
    """ "les fables « Le Rat et l'Éléphant », « Le Coche et la Mouche »", "le réseau "Lire et Relier"": a
    short capitalised name with no conjugated verb nor stop, right after a word naming a work (rules'
    work_nouns), or right after the closing mark of the segment before when that one was such a title
    (`after_title`: "…, « Les Deux amis »")."""
    doc, rules = ctx.doc, ctx.rules
    tokens = tokens_covering(doc, segment.start, segment.end)
    words = [t for t in tokens if t.is_alpha] if tokens is not None else []
    if (
        not words
        or len(words) > MAX_TITLE_WORDS
        or not words[0].text[0].isupper()
        or any("Fin" in t.morph.get("VerbForm") or t.text in ".!?…:;" for t in tokens)
    ):
        return False
    before = tokens_covering(doc, 0, segment.open_at)
    i = before[-1].i if before is not None else -1
    # past a comma, a joiner and adverbs: "« Le Coche et la Mouche » ou bien même « Les Deux amis »"
    stop = max(-1, i - MAX_TITLE_GAP)
    while i > stop and (
        doc[i].is_space or doc[i].text == "," or doc[i].lower_ in rules.quote_joiners or doc[i].pos_ == "ADV"
    ):
        i -= 1
    if i < 0:
        return False
    if rules.marks.pattern.fullmatch(doc[i].text):
        return after_title
    return doc[i].lemma_.lower() in rules.work_nouns or doc[i].lower_ in rules.work_nouns


def quotes_from_marks(ctx: Context) -> list[RawQuote]:
    quotes: list[RawQuote] = []
    doc, rules = ctx.doc, ctx.rules
    closers = frozenset("".join(rules.marks.closers))
    title = False  # whether the segment before was a title of a work
    for index, segment in enumerate(ctx.segments):
        title = work_title(segment, ctx, after_title=title)
        if title or scraped_heading(segment, ctx.text, closers):
            continue
        words = word_count(doc, segment.start, segment.end)
        previous = quotes[-1] if quotes and quotes[-1].segments and quotes[-1].segments[-1] == index - 1 else None
        inside = incise(segment, ctx) or inverted_incise(segment, ctx)
        if inside is not None:
            verb, subject, first, end = inside
            cue_start, cue_end = cue_tokens(verb)
            # The incise may run to the Doc's last token: `end` is then past it.
            resumes = token_start(ctx, end)
            spans = [(segment.start, token_start(ctx, first)), (resumes, segment.end)]
            rest = tokens_covering(doc, resumes, segment.end) if resumes < segment.end else None
            if rest is not None and not any(t.pos_ in VERB_POS for t in rest) and doc[end - 1].text not in ".?!":
                spans = spans[:1]  # what follows the incise is the speaker's apposition, not speech
            spans = [(s, e) for s, e in (strip_edges(ctx.text, s, e) for s, e in spans) if e > s]
            if not spans:
                continue  # marks around nothing but the incise: no statement
            quotes.append(
                RawQuote(DIRECT, spans, char_range(doc, cue_start, cue_end), subject.i, Cue("incise"), segments=[index])
            )
            continue
        found = find_cue(segment, ctx)
        if (
            found
            and found[2].name == "structure"
            and (preposition_source(segment, ctx) is not None or sourced_verb(found[0], ctx))
        ):
            # "Selon elle, le mouvement « ne devrait pas… »", "« … », X mène, selon eux, « … »": the
            # source, not the clause's subject
            found = None
        cue, speaker, found_by = found if found else (None, None, None)
        narration = tokens_covering(doc, ctx.segments[index - 1].outer_end, segment.open_at) if index else None
        if (
            previous is not None
            and not relative_between(narration, ctx)
            and not (cue is None and trailing_source(segment, ctx))  # '"Insuffisant", pour la CFDT.'
            and (
                cue is None or cue.i < doc.char_span(segment.open_at, segment.open_at + 1, alignment_mode="expand")[0].i
            )
            and (
                (ctx.segments[index - 1].continues and cue is None)
                or continues_after_cue(previous, segment, ctx)
                or resumes_after_cue(previous, segment, cue, ctx)
            )
        ):
            # Reopened in the next paragraph, or resumed after its cue: the same quote goes on.
            previous.spans.append((segment.start, segment.end))
            previous.segments.append(index)
            continue
        fallback = fallback_cue(segment, ctx) if cue is None else None
        if fallback is not None:
            cue_chars, head, extent, found_by = fallback
            kind, span = DIRECT, (segment.start, segment.end)
            if found_by.name == "source-after" and not opens_sentence(segment, ctx):
                # 'L'enquête a été élargie à des soupçons de "financement illégal", selon une source':
                # the source vouches for the writer's whole sentence.
                kind, span = MIXED, (sentence_start(segment, ctx), segment.end)
            quotes.append(RawQuote(kind, [span], cue_chars, head.i, found_by, segments=[index], speaker_extent=extent))
            continue
        cue_chars = char_range(doc, *cue_tokens(cue)) if cue is not None else None
        if embedded(segment, cue, ctx):
            called = characterization(segment, ctx)
            if called is not None and not title_case(segment, ctx):
                verb, speaker = called
                quotes.append(
                    RawQuote(
                        PARTIAL,
                        [(segment.start, segment.end)],
                        char_range(doc, *cue_tokens(verb)),
                        speaker.i,
                        Cue("characterization"),
                        segments=[index],
                    )
                )
                continue
            if cue is not None and _opened_by_writer_s_words(segment, cue, found_by, ctx):
                span = (sentence_start(segment, ctx), segment.outer_end)
                quotes.append(RawQuote(MIXED, [span], cue_chars, speaker.i, found_by, segments=[index]))
                continue
            if (
                cue is None
                or found_by.name == "structure"
                or (words < rules.min_partial_words and not directly_governed(cue, segment, ctx))
                or title_case(segment, ctx)
                or not governs(cue, segment, ctx)
            ):
                continue  # a title, a term or a scare quote, not speech
            clause = mixed_clause(segment, cue, ctx)
            if clause is not None:
                quotes.append(RawQuote(MIXED, [clause], cue_chars, speaker.i, found_by, segments=[index]))
            else:
                quotes.append(
                    RawQuote(PARTIAL, [(segment.start, segment.end)], cue_chars, speaker.i, found_by, segments=[index])
                )
            continue
        if cue is not None:
            quotes.append(
                RawQuote(DIRECT, [(segment.start, segment.end)], cue_chars, speaker.i, found_by, segments=[index])
            )
        elif subject_of_the_writer_s_verb(segment, ctx):
            continue  # '« Sang et honneur » fait référence au slogan…': a name the sentence is about
        elif (
            previous is not None
            and same_paragraph(ctx.segments[index - 1], segment, ctx.text)
            and not relative_between(narration, ctx)
        ):
            if (
                (
                    max(paragraph_length(segment, ctx.text), ctx.mean_paragraph) > LOST_PARAGRAPHS
                    and narration_between(ctx.segments[index - 1], segment, ctx) > MAX_NARRATION_WORDS
                )
                or (previous.kind == PARTIAL and opens_sentence(segment, ctx))
                or reopened(ctx.segments[index - 1], segment, ctx)
            ):
                # (or a sentence quoted after a few words the writer quoted in their own sentence:
                # '…, reconnaissant une « grande facilité de parole ». « Le Conseil est dans son rôle »';
                # or a quotation opened anew after a sentence end, where that is a statement of its own)
                # The writer's own sentence stands between: a quote of its own, the same speaker going on.
                quotes.append(
                    RawQuote(DIRECT, [(segment.start, segment.end)], None, None, Cue(FLOATING), segments=[index])
                )
                continue
            # A quote sentence with no cue of its own continues the quote just before it.
            previous.spans.append((segment.start, segment.end))
            previous.segments.append(index)
        elif words >= rules.min_floating_words and opens_sentence(segment, ctx):
            quotes.append(RawQuote(DIRECT, [(segment.start, segment.end)], None, None, Cue(FLOATING), segments=[index]))
    return quotes
