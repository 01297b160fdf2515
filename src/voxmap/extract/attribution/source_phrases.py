"""Statements a source phrase vouches for: 'according to X, …', 'selon X, …', 'pour X, …' opening
its sentence; the rest of the sentence is X's."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..marks import last_visible
from ..mentions import is_time_word
from ..syntax import VERB_POS, tokens_covering
from .clauses import around_cue, sentence_minus
from .context import Context, char_range, is_speech, sequence_at, verb_forms
from .found import MIXED, Cue, RawQuote
from .inverted import names_someone
from .speakers import name_beside_role, object_after, usable_subject

SOURCE_TAIL = 8  # words a source phrase opening its sentence may run past its parse to reach its comma


def according_to_quotes(ctx: Context) -> list[RawQuote]:
    """'According to X, …' / 'selon X, …': the rest of the sentence is X's statement. 'Pour X, …'
    counts where it opens the sentence, X is someone or some body, and a comma closes X ("Pour la
    première fois, …" names nobody)."""
    doc, rules = ctx.doc, ctx.rules
    quotes: list[RawQuote] = []
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
            found = _statement(token, token.i + len(words), source, last, ctx, Cue("source-preposition"))
            if found is not None:
                quotes.append(found)
    return quotes


def source_clause_quotes(ctx: Context) -> list[RawQuote]:
    """'Comme le raconte 20 Minutes, c'est la favorite…', '…, comme l'a révélé Le Parisien.': a clause
    of speech opened by "as" (rules' source_clause_marks) and set off by commas vouches for the rest of
    its sentence, as "selon X" does. In French the clause holds its object pronoun ("le", "l'": rules'
    source_clause_clitics); a verb with an object of its own ("comme il l'a dit à ses proches" aside)
    or a clause of its own says something else."""
    rules, labels = ctx.rules, ctx.rules.parser
    quotes: list[RawQuote] = []
    for mark in ctx.tokens:
        if mark.lower_ not in rules.source_clause_marks or mark.dep_ not in labels.subordinator:
            continue
        verb = mark.head
        if not (mark.i < verb.i <= mark.i + 4) or verb.pos_ not in VERB_POS or not is_speech(verb, rules):
            continue
        if not ctx.outside(mark) or verb_forms(verb, rules) & (rules.belief_verbs | rules.compliance_verbs):
            continue  # "comme il l'espérait", "as the two sides agreed": what was meant or wanted, not said
        source = _clause_source(mark, verb, ctx)
        if source is None or rules.pronoun_kind(source.text) == "first" or rules.is_impersonal(source.text):
            continue
        last = _clause_end(verb, ctx)
        if last is None or not mark.i < source.i <= last or not _set_off(mark, last, ctx):
            continue
        if source.i > verb.i and _runs_on(source, last, ctx):
            continue  # "…, comme l'affirment des associations, en raison des…": the parse runs the clause on
        found = _statement(mark, verb.i + 1, _named_source(source, ctx)[0], last, ctx, Cue("source-clause"))
        if found is not None:
            quotes.append(found)
    return quotes


def _clause_source(mark: Token, verb: Token, ctx: Context) -> Token | None:
    """Who speaks in a source clause: its subject ("as the Times reported", "comme il l'a dit") or the
    noun after its verb ("comme le raconte 20 Minutes", which the parser may call an object); None where
    the verb says something of its own (an object, a clause)."""
    rules, labels = ctx.rules, ctx.rules.parser
    between = ctx.doc[mark.i + 1 : verb.i]
    clitics = [t for t in between if t.lower_ in rules.source_clause_clitics]
    if rules.source_clause_clitics and not clitics:
        return None  # "comme dit plus haut", "comme annoncé": no one named
    subject = next((c for c in verb.children if c.dep_ in labels.subject), None)
    inverted = next(
        (c for c in verb.children if c.i > verb.i and c.dep_ in labels.direct_object and c.pos_ in ("NOUN", "PROPN")),
        None,
    )  # "comme l'a dit hier soir le ministre": the subject after its verb, which the parser may call an object
    source = subject or inverted or object_after(ctx.doc, verb.i + 1, ctx)
    if source is None or source.lemma_.lower() in rules.no_source_words:
        return None  # "comme le dit le proverbe": no one
    others = [
        c
        for c in verb.children
        if c.i > verb.i and c.i != source.i and c.dep_ in labels.direct_object | labels.clause | labels.open_clause
    ]
    return None if others else source


def _runs_on(source: Token, last: int, ctx: Context) -> bool:
    """Whether words other than a date ("comme le révèle RTL ce mercredi 27 juin") follow the source
    named after its verb, to the clause's end: the parser hung the sentence's own words on the clause."""
    return any(
        not (token.is_punct or token.pos_ == "DET" or is_time_word(token, ctx.rules))
        for token in ctx.doc[source.right_edge.i + 1 : last + 1]
    )


def _set_off(mark: Token, last: int, ctx: Context) -> bool:
    """Whether a source clause opens its sentence (a connective and its comma may stand before it: "Yet,
    as Mr. Bown observed, …") or closes it ("…, comme l'a révélé Le Parisien."); an aside inside the
    sentence ("que la maladie touche plus les cultures, comme l'affirment des associations, en raison…")
    vouches for a part of it only."""
    doc, start = ctx.doc, mark.sent.start
    opens = mark.i == start or (mark.i - start == 2 and doc[mark.i - 1].text == ",")
    closes = doc[mark.i - 1].text == "," and (last + 1 == len(doc) or doc[last + 1].text in (".", "!", "?"))
    return opens or closes


def _clause_end(verb: Token, ctx: Context) -> int | None:
    """The last token of a source clause, its verb's words ("comme l'a annoncé le producteur, Jean-Luc
    Azoulay, sur Twitter"), closed by a comma or the sentence's stop; None where a quotation stands in it
    or the parse runs it on."""
    doc = ctx.doc
    last = verb.right_edge.i
    while last > verb.i and doc[last].is_punct:
        last -= 1
    if any(not ctx.outside(token) for token in doc[verb.i : last + 1]):
        return None
    if last + 1 < verb.sent.end and doc[last + 1].text not in (",", ".", "!", "?"):
        return None
    return last


def _statement(first: Token, cue_end: int, source: Token, last: int, ctx: Context, cue_kind: Cue) -> RawQuote | None:
    """The rest of the sentence a source phrase (tokens `first` to `last`, its cue ending at token
    `cue_end`, naming `source`) vouches for, as one quote."""
    doc, rules = ctx.doc, ctx.rules
    sent = _before_a_quote_of_its_own(first.sent, last, ctx)
    removed = set(range(first.i, last + 1))
    content = around_cue(sentence_minus(sent, removed, ctx), ctx, inside=rules.source_sentence_holds_quotes)
    if content is None or _cue_of_a_quote(content[1][0][0], ctx):
        return None
    cue = char_range(doc, first.i, cue_end)
    if _own_cue(content, ctx, _on_both_sides(content[1], cue)):
        return None
    return RawQuote(content[0], content[1], cue, source.i, cue_kind)


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
