"""Where reported content begins and ends: the clause a speech verb reports, the writer's narration
that ends it, the sentence around a parenthetical cue, and whether quoted words make it mixed."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..language import LanguageRules
from ..syntax import clause_tokens, is_present_participle
from .context import Context, char_range, is_enclitic, is_negative, overlaps_quote, strip_edges, word_count
from .found import INDIRECT, MIXED


def sentence_minus(sent: Span, removed: set[int], ctx: Context) -> list[tuple[int, int]]:
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
        s, e = strip_edges(ctx.text, *char_range(doc, start, end))
        while e > s and ctx.text[e - 1] in ".!?":
            e -= 1
        if word_count(doc, s, e) >= 1 and not (start == sent.start and end < sent.end and _linking(doc[start:end])):
            spans.append((s, e))  # (not "Et, selon le religieux, nous…": the writer's link, not the source's)
    # "The museum, Mr. Bush said, celebrated…": a short run counts beside a longer one.
    return spans if any(word_count(doc, s, e) >= 3 for s, e in spans) else []


def _linking(tokens: Span) -> bool:
    return all(t.pos_ in ("CCONJ", "PUNCT") for t in tokens)


def clause_with_quotes(span: tuple[int, int], ctx: Context) -> tuple[int, int] | None:
    """'said it would be “improper” to speak': a reported clause holding quoted words is one mixed
    quote, when every quote it touches lies inside it (a closing mark may hang past its end) and the
    writer's own words make part of it."""
    start, end = span
    touched = ctx.segments_touching(start, end)
    if any(s.open_at < start or s.start >= end for s in touched):
        return None
    end = max([end] + [s.outer_end for s in touched])
    quoted = sum(word_count(ctx.doc, s.start, s.end) for s in touched)
    if word_count(ctx.doc, start, end) - quoted < 2:
        return None  # the quote itself, framed by its cue: the marks' finder owns it
    return start, end


def content_kind(span: tuple[int, int], ctx: Context) -> tuple[str, tuple[int, int]] | None:
    """(kind, span) of reported content: indirect without quotation marks, mixed when it holds quoted
    words wholly (see `clause_with_quotes`); None when a quote straddles it."""
    if not overlaps_quote(*span, ctx):
        return INDIRECT, span
    mixed = clause_with_quotes(span, ctx)
    return (MIXED, mixed) if mixed is not None else None


def set_off(verb: Token) -> bool:
    """'The museum, Mr. Bush said, celebrated…': a cue between commas inside the sentence it reports."""
    doc = verb.doc
    left, right = verb.left_edge.i, verb.right_edge.i
    before = doc[left] if doc[left].text == "," else (doc[left - 1] if left > verb.sent.start else None)
    after = doc[right] if doc[right].text == "," else (doc[right + 1] if right + 1 < verb.sent.end else None)
    return (
        before is not None
        and before.text == ","
        and before.i > verb.sent.start
        and after is not None
        and after.text == ","
    )


def reported_clause(verb: Token, rules: LanguageRules) -> Token | None:
    """The clause a speech verb reports: the first after it ("X says she will run"), else one before
    ("It's unlikely; the team says …" reports what follows, not "It's unlikely"). Failing those, a
    clause the parser hung elsewhere: on the verb as an adverbial clause with its own subject and no
    subordinating word ("said after the convention he would not…"), or on its object as a relative
    clause opened by a complementizer ("told a meeting of leaders that few people understood…")."""
    labels = rules.parser
    if restricted(verb, rules):
        return None  # "n'assurent que les affaires courantes": "only", no clause reported
    clauses = [c for c in verb.children if c.dep_ in labels.clause]
    after = [c for c in clauses if c.i > verb.i]
    if after or clauses:
        return (after or clauses)[0]
    for child in verb.children:
        if child.i < verb.i:
            continue
        if (
            child.dep_ in labels.adverbial_clause
            and not is_present_participle(child)
            and any(c.dep_ in labels.subject for c in child.children)
            and not any(c.dep_ in labels.subordinator for c in child.children)
            # "X explique une application…, a-t-elle annoncé": an incise, whose subject follows its verb
            and not any(c.dep_ in labels.subject and is_enclitic(c) for c in child.children)
        ):
            return child
        if child.dep_ in labels.direct_object:
            for clause in child.children:
                if clause.dep_ in labels.relative_clause and any(
                    c.dep_ in labels.subordinator and c.lower_ in rules.complementizers for c in clause.children
                ):
                    return clause
    return None


def restricted(verb: Token, rules: LanguageRules) -> bool:
    """Whether the verb's only negation is one that makes "que" mean "only" ("ne … que")."""
    negations = [c for c in verb.children if is_negative(c)]
    return len(negations) == 1 and negations[0].lower_ in rules.restrictive_negations


def without_narration(clause: Token, start: int, end: int, rules: LanguageRules) -> int:
    """'…that paying no taxes was smart, although he again refused…': the parser hangs the writer's
    comment on the reported clause; a comma and a narration mark (or a participle, '…, citing…', a
    report of its own) or a semicolon ('…not intentional; they only learned…') end what was said."""
    doc = clause.doc
    end = next((t.i for t in doc[start + 1 : end] if t.text == ";"), end)
    for child in clause.children:
        if child.i > clause.i and child.dep_ in rules.parser.adverbial_clause:
            start = clause_tokens(child)[0]
            narration = doc[start].lower_ in rules.narration_marks or is_present_participle(child)
            if narration and start > 0 and doc[start - 1].text == ",":
                end = min(end, start - 1)  # "…, citing …": its own attribution
    return end


def with_trailing_adjuncts(verb: Token, end: int, rules: LanguageRules) -> int:
    """'X said that the claim smacked of hypocrisy, because Democrats…': what the parser hung on the
    cue after its clause (an adverbial clause) is still what was said, unless the writer's narration
    takes over ('…, although he again refused…', '…, saying…')."""
    for child in verb.children:
        if child.i < end or child.dep_ not in rules.parser.adverbial_clause or is_present_participle(child):
            continue
        start, child_end = clause_tokens(child)
        if any(t.text == ";" for t in verb.doc[end : start + 1]):
            break  # past a semicolon the writer goes on
        if verb.doc[start].lower_ not in rules.narration_marks:
            end = max(end, child_end)
    return end


def around_cue(spans: list[tuple[int, int]], ctx: Context, inside: bool) -> tuple[str, list[tuple[int, int]]] | None:
    """The sentence around a parenthetical cue as (kind, spans): mixed where it holds quoted words
    wholly and the cue stands `inside` it between commas ("And perhaps, he said, it could help …
    officers who, ''in fits and starts, are struggling''"; not "« … » durant la crise, a déclaré X",
    whose quote its marks' cue owns); None when a quote straddles it."""
    kinds, found = [], []
    for span in spans:
        content = content_kind(span, ctx)
        if content is None or (content[0] == MIXED and not inside):
            return None
        kinds.append(content[0])
        found.append(content[1])
    return (MIXED if MIXED in kinds else INDIRECT, found) if found else None
