"""Statements a source phrase vouches for: 'according to X, …', 'selon X, …', 'pour X, …' opening
its sentence; the rest of the sentence is X's."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..marks import last_visible
from ..syntax import VERB_POS, tokens_covering
from .clauses import around_cue, sentence_minus
from .context import Context, char_range, is_speech, sequence_at
from .found import MIXED, Cue, RawQuote
from .inverted import names_someone
from .speakers import name_beside_role, object_after, usable_subject

SOURCE_TAIL = 8  # words a source phrase opening its sentence may run past its parse to reach its comma


def according_to_quotes(ctx: Context) -> list[RawQuote]:
    """'According to X, …' / 'selon X, …': the rest of the sentence is X's statement. 'Pour X, …'
    counts where it opens the sentence, X is someone or some body, and a comma closes X ("Pour la
    première fois, …" names nobody)."""
    doc, rules = ctx.doc, ctx.rules
    quotes = []
    initial = rules.sentence_initial_source_prepositions
    openers = {words[0] for words in rules.source_prepositions + initial}
    for token in ctx.tokens:
        if token.lower_ not in openers or not ctx.outside(token):
            continue
        opening = token.i == token.sent.start
        for words in rules.source_prepositions + (initial if opening else ()):
            if not sequence_at(doc, token.i, words):
                continue
            source = object_after(doc, token.i + len(words), ctx)
            if source is None:
                continue
            if words in initial and not _source_then_comma(source, ctx):
                continue
            source, last = _named_source(source, ctx)
            if opening:
                last = _to_its_comma(last, ctx)
            sent = _before_a_quote_of_its_own(token.sent, last, ctx)
            removed = set(range(token.i, last + 1))
            content = around_cue(sentence_minus(sent, removed, ctx), ctx, inside=rules.source_sentence_holds_quotes)
            if content is None or _cue_of_a_quote(content[1][0][0], ctx):
                continue
            cue = char_range(doc, token.i, token.i + len(words))
            if _own_cue(content, ctx, _on_both_sides(content[1], cue)):
                continue
            quotes.append(RawQuote(content[0], content[1], cue, source.i, Cue("source-preposition")))
    return quotes


def _named_source(source: Token, ctx: Context) -> tuple[Token, int]:
    """The name beside a source's role ("selon sa porte-parole, Marie Dupont, …") and the source's last
    token; not the subject of the statement ("Selon un ministre, Édouard Philippe était en « état de
    choc »": the minister, whose phrase ends before that name)."""
    named = name_beside_role(source, ctx)
    after = named.right_edge.i + 1
    if named.i != source.i and after < len(ctx.doc) and ctx.doc[after].pos_ in VERB_POS:
        last = named.left_edge.i - 1
        while last > source.i and ctx.doc[last].is_punct:
            last -= 1
        return source, last
    return named, named.right_edge.i


def _to_its_comma(last: int, ctx: Context) -> int:
    """'Selon les auteurs de l'étude publiée fin juillet dans la revue Nature, la hausse…': a source
    phrase that opens its sentence runs to its comma, over words the parser hung on the statement (a
    date, a place), as long as no finite verb stands between."""
    doc = ctx.doc
    for j in range(last + 1, min(last + 1 + SOURCE_TAIL, doc[last].sent.end)):
        if doc[j].text == ",":
            return j - 1
        if not ctx.outside(doc[j]) or (doc[j].pos_ in VERB_POS and "Part" not in doc[j].morph.get("VerbForm")):
            break
    return last


def _before_a_quote_of_its_own(sent: Span, after: int, ctx: Context) -> Span:
    """'Pour le collectif, la mairie délaisse ses habitants : « Tu négliges tes enfants », écrivent-ils.':
    the source's statement ends at a colon that opens a quotation (a quote of its own)."""
    doc = ctx.doc
    for token in doc[after + 1 : sent.end]:
        if token.text == ":" and token.i + 1 < len(doc) and ctx.outside(token) and not ctx.outside(doc[token.i + 1]):
            return doc[sent.start : token.i]
    return sent


def _on_both_sides(spans: list[tuple[int, int]], cue: tuple[int, int]) -> bool:
    """Whether the statement's words stand before and after the source phrase ("… ont plaidé pour sa
    réouverture, mais d'après X, elle serait prématurée")."""
    return any(end <= cue[0] for _, end in spans) and any(start >= cue[1] for start, _ in spans)


def _own_cue(content: tuple[str, list[tuple[int, int]]], ctx: Context, inside: bool) -> bool:
    """'“Without these products…,” he told the commission, according to the transcript': quoted words
    with their own speech verb outside the marks; 'Selon Le Parisien, le préfet a affirmé…', '…, a
    annoncé Pierre Hurmic, selon BFMTV': a clause whose speech verb has someone for its subject, the
    source phrase opening or closing it (`inside`: neither), where the language's rules read it so. The
    source phrase is the channel."""
    kind, spans = content
    tokens = [token for start, end in spans for token in (tokens_covering(ctx.doc, start, end) or ())]
    if kind != MIXED:
        if inside or not ctx.rules.source_phrase_leaves_a_speaker_his_clause:
            return False  # "…, mais d'après X, elle serait…": the source phrase opens the second clause only
        return any(
            is_speech(token, ctx.rules)
            and ctx.outside(token)
            and token.dep_ == "ROOT"
            # "Selon le religieux, les fidèles se demandent si…": wondering, no one's words
            and not any(c.lower_ in ctx.rules.parser.reflexive_clitics for c in token.children)
            and (subject := usable_subject(token, ctx)) is not None
            and names_someone(subject, ctx)
            for token in tokens
        )
    return any(is_speech(token, ctx.rules) and ctx.outside(token) for token in tokens)


def _cue_of_a_quote(start: int, ctx: Context) -> bool:
    """Do the words left to 'selon X' follow a closing quotation mark ('"…", a raconté le pape à ses
    visiteurs, selon un texte transmis par le Vatican')? They are the quote's cue, and X its channel."""
    comma = ctx.text.rfind(",", max(0, start - 5), start)
    if comma < 0 or last_visible(ctx.text, comma, start) != ",":
        return False  # '"Bobby!" at a labor conference…': narration runs on from the quote
    return last_visible(ctx.text, max(0, comma - 3), comma) in ctx.rules.marks.closers


def _source_then_comma(source: Token, ctx: Context) -> bool:
    """A source phrase closed by a comma, naming someone ("Pour François Bayrou,", "Pour lui,")."""
    after = source.right_edge.i + 1
    if ctx.doc[source.right_edge.i].text == ",":
        after -= 1  # the parser may hang the comma on the name ("Pour Vanessa, samedi restait…")
    if after >= len(ctx.doc) or ctx.doc[after].text != ",":
        return False
    return names_someone(source, ctx)
