"""Reported speech, starting from the speech verbs and source words: indirect clauses and
parentheticals, stance verbs' infinitives, appraisals and demands, and relative
sources ('X, for whom …')."""

from __future__ import annotations

from spacy.tokens import Token

from ..language import LanguageRules
from ..media import is_media
from ..mentions import is_time_word
from ..syntax import (
    VERB_POS,
    clause_tokens,
    cue_tokens,
    is_present_participle,
    is_word,
    preposition_of,
)
from .clauses import (
    around_cue,
    content_kind,
    reported_clause,
    restricted,
    sentence_minus,
    set_off,
    with_trailing_adjuncts,
    without_narration,
)
from .context import (
    Context,
    char_range,
    full_stop_after,
    is_speech,
    middle_voice,
    overlaps_quote,
    sequence_at,
    strip_edges,
    verb_forms,
    word_count,
)
from .found import INDIRECT, Cue, RawQuote
from .inverted import may_speak
from .speakers import name_beside_role, set_off_without_subject, usable_subject


def indirect_quotes(ctx: Context) -> list[RawQuote]:
    doc, rules, labels = ctx.doc, ctx.rules, ctx.rules.parser
    quotes: list[RawQuote] = []
    for verb in ctx.tokens:
        if not is_speech(verb, rules) or not ctx.outside(verb):
            continue
        inverted = inverted_incise(verb, ctx)
        if inverted is not None:
            group_start, speaker = inverted
            removed = {t.i for t in verb.subtree} | {group_start - 1}
            spans = sentence_minus(verb.sent, removed, ctx)
            if spans and not any(overlaps_quote(s, e, ctx) for s, e in spans):
                cue = char_range(doc, group_start, verb.i + 1)
                quotes.append(RawQuote(INDIRECT, spans, cue, speaker.i, Cue("parenthetical")))
            continue
        subject = usable_subject(verb, ctx)
        if subject is None or rules.pronoun_kind(subject.text) == "first" or subject.lower_ in rules.thing_subjects:
            continue  # "Cela explique que…": a fact explains, no one says
        cue_chars = char_range(doc, *cue_tokens(verb))
        clause = reported_clause(verb, rules)
        opening = _complementizer_after(verb, ctx) if clause is None and not restricted(verb, rules) else None
        if opening is not None:
            # "raconte ainsi qu'elle a été ciblée": the parser read "ainsi que" as "as well as" (and
            # may cut the sentence there); the words still report what follows, to the sentence's end.
            start, end = strip_edges(ctx.text, *char_range(doc, opening, _clause_stop(verb, opening, ctx)))
            content = content_kind((start, end), ctx)
            if content is not None and word_count(doc, *content[1]) >= 3:
                quotes.append(RawQuote(content[0], [content[1]], cue_chars, subject.i, Cue("clause")))
            continue
        if clause is not None:
            start, end = clause_tokens(clause)
            if clause.i > verb.i:
                end = with_trailing_adjuncts(verb, without_narration(clause, start, end, rules), rules)
            if (
                doc[start].pos_ == "PRON"
                and rules.pronoun_kind(doc[start].text) == "relative"
                and doc[start].lower_ not in rules.complementizers
            ):  # "joked that, …": tagged a pronoun
                continue  # "…, qui n'était pas autorisée à parler": a relative clause, not what was said
            if _said_by_no_one(verb, doc[start], ctx):
                continue
            span = char_range(doc, start, end)
            if end - start < 3:
                continue
            content = content_kind(span, ctx)
            if content is not None:
                kind, span = content
                quotes.append(RawQuote(kind, [span], cue_chars, subject.i, Cue("clause")))
            continue
        # "The plan is dead, he said." parsed with the cue hanging from the content's verb.
        # A participle ("…, saying …", "…, shouting profanities") is no such cue: it reports its own object.
        if (
            verb.dep_ in labels.adverbial_clause
            and verb.head.pos_ in VERB_POS
            and not is_present_participle(verb)
            and (verb.i > verb.head.i or set_off(verb))
            and not any(c.dep_ in labels.subordinator for c in verb.children)
        ):  # "…, after X claimed it"
            inside = set_off(verb) and not _reports_on(verb)
            content = around_cue(sentence_minus(verb.sent, {t.i for t in verb.subtree}, ctx), ctx, inside)
            if content is not None:
                quotes.append(RawQuote(content[0], content[1], cue_chars, subject.i, Cue("parenthetical")))
    return quotes


def _clause_stop(verb: Token, opening: int, ctx: Context) -> int:
    """Where reported words the parse did not bound end: the full stop, or the first comma outside quotes
    where the verb stands in a subordinate clause before the main one ("Si à Matignon on reconnaît que
    « cela a un peu remué » dans la semaine, à l'Élysée on a plutôt tenté…")."""
    stop = full_stop_after(opening, ctx)
    labels = ctx.rules.parser
    subordinate = verb.dep_ in labels.adverbial_clause and verb.head.i > verb.i
    if not subordinate or not any(c.dep_ in labels.subordinator and c.i < verb.i for c in verb.children):
        return stop  # "pour rappeler que les forces avaient, sous sa présidence, tué…": after its head
    return next((t.i for t in ctx.doc[opening:stop] if t.text == "," and ctx.outside(t)), stop)


def _reports_on(verb: Token) -> bool:
    """'…, a estimé X, jugeant toutefois que…': a participle after the cue's closing comma opens the
    speaker's next statement, not the rest of the one the cue set off."""
    doc = verb.doc
    after = verb.right_edge.i + 1
    if after < len(doc) and doc[after].text == ",":
        after += 1
    return after < len(doc) and is_present_participle(doc[after])


def _complementizer_after(verb: Token, ctx: Context) -> int | None:
    """The token index of a complementizer right after a speech verb (adverbs between), where the
    parser hung it on nothing the verb governs."""
    for token in verb.doc[verb.i + 1 : verb.i + 4]:  # the parser may have cut the sentence there
        if token.lower_ in ctx.rules.complementizers:
            # "told that story": a determiner, not the complementizer
            return token.i if ctx.outside(token) and token.pos_ != "DET" else None
        if token.pos_ != "ADV":
            return None
    return None


def inverted_incise(verb: Token, ctx: Context) -> tuple[int, Token] | None:
    """'Cinq cas ont été repérés, a annoncé samedi la ministre de la Santé': a speech verb the parser
    conjoined, after a comma, to the clause it reports, its subject written after it (the French
    model often calls that subject an object). (start of the verb group, the speaker's head word)."""
    labels, doc = ctx.rules.parser, ctx.doc
    if verb.dep_ not in labels.conjunct or verb.head.pos_ not in VERB_POS or verb.i < verb.head.i:
        return None
    group = [
        c.i
        for c in verb.children
        if c.i < verb.i and (c.dep_ in labels.auxiliary or c.lower_ in labels.reflexive_clitics)
    ]
    start = min([verb.i, *group])
    if (
        start == 0
        or doc[start - 1].text != ","
        or any(
            doc[i].dep_ not in labels.auxiliary | labels.expletive and doc[i].lower_ not in labels.reflexive_clitics
            for i in range(start, verb.i)
        )
    ):
        return None
    children = list(verb.children)
    if any(c.dep_ in labels.clause for c in children) or any(
        c.dep_ in labels.subject and c.i < verb.i for c in children
    ):
        return None
    after = [
        c
        for c in children
        if c.i > verb.i and (c.dep_ in labels.subject or c.dep_ in labels.direct_object) and c.pos_ in ("NOUN", "PROPN")
    ]
    if not after or not ctx.outside(after[0]) or not may_speak(after[0], ctx):
        return None  # "…, a salué leur travail": an object, not a speaker
    return start, name_beside_role(after[0], ctx)


def stance_quotes(ctx: Context) -> list[RawQuote]:
    """'He vowed to form a task force', 'Trump urges supporters to monitor polling places': a stance
    verb's infinitive complement (with the object it binds) is the position its subject stated."""
    doc, rules, labels = ctx.doc, ctx.rules, ctx.rules.parser
    quotes: list[RawQuote] = []
    for verb in ctx.tokens:
        if verb.pos_ not in VERB_POS and not any(c.dep_ in labels.subject for c in verb.children):
            continue  # a noun ("the hopes of…"), unless the parser gave it a subject ("Mr. Clarke hopes to…")
        if not (verb_forms(verb, rules) & rules.stance_verbs) or not ctx.outside(verb):
            continue
        complement = next((c for c in verb.children if c.dep_ in labels.open_clause and c.i > verb.i), None)
        if complement is None and rules.bare_infinitive_reports and not verb_forms(verb, rules) & rules.belief_verbs:
            complement = next((c for c in verb.children if _bare_infinitive_after_aside(verb, c, ctx)), None)
        if complement is not None and not _verb_phrase(complement, labels.auxiliary):
            continue
        subject = usable_subject(verb, ctx)
        if (
            complement is None
            or subject is None
            or rules.pronoun_kind(subject.text) == "first"
            or demand_content(verb, rules) is not None
        ):  # "called on X to…" is a demand, found whole
            continue
        start, end = clause_tokens(complement)
        bound = [c for c in verb.children if c.dep_ in labels.direct_object and verb.i < c.i < start]
        if bound:
            start = bound[0].left_edge.i
        found = content_kind(char_range(doc, start, end), ctx) if end - start >= 3 else None
        if found is not None:
            quotes.append(RawQuote(found[0], [found[1]], char_range(doc, *cue_tokens(verb)), subject.i, Cue("stance")))
    return quotes


def _bare_infinitive_after_aside(verb: Token, child: Token, ctx: Context) -> bool:
    """'L'homme explique, par exemple, avoir été suivi…': an infinitive with no preposition of its own,
    after an aside set off by commas, that the parser hung on the verb as an adverbial clause."""
    labels = ctx.rules.parser
    if child.dep_ not in labels.adverbial_clause or child.i < verb.i or ctx.doc[child.left_edge.i - 1].text != ",":
        return False
    if any(c.dep_ in labels.subordinator or c.dep_ in labels.case_marker for c in child.children):
        return False  # "…, pour justifier son choix", "…, avant de partir": a purpose, a time
    return _infinitive(child, labels.auxiliary)


def _infinitive(verb: Token, auxiliaries: frozenset[str]) -> bool:
    """Whether the verb or one of its auxiliaries is an infinitive ("avoir été suivi", "l'avoir vue")."""
    return any("Inf" in t.morph.get("VerbForm") for t in (verb, *(c for c in verb.children if c.dep_ in auxiliaries)))


def _verb_phrase(complement: Token, auxiliaries: frozenset[str]) -> bool:
    """An infinitive ("vowed to form", "assure avoir remis") or a gerund ("proposes allowing") states a
    position; an adjective or a bare past participle ("se disent opposés") and a participle set off by
    a comma ("a dit …, s'adressant aux salariés") do not."""
    if _infinitive(complement, auxiliaries):
        return True  # "déclare l'avoir vue", its participle tagged a noun: the infinitive auxiliary tells
    if complement.pos_ not in VERB_POS:
        return False
    if is_present_participle(complement):
        return complement.doc[complement.left_edge.i - 1].text != ","
    return "Part" not in complement.morph.get("VerbForm")


def appraisal_content(verb: Token, rules: LanguageRules) -> tuple[int, int] | None:
    """Token range of what a characterising verb says of its object: 'called [the charges
    unsubstantiated]', 'described [Clinton as a lifetime politician]'. Without the predicate ('called
    Smith') nothing was characterised."""
    labels = rules.parser
    obj = next((c for c in verb.children if c.dep_ in labels.direct_object and c.i > verb.i), None)
    if obj is None:
        return None
    predicate = next(
        (
            c
            for c in verb.children
            if c.i > obj.i
            and (
                c.dep_ in labels.object_predicate
                or (c.dep_ in labels.prepositional and c.lower_ in rules.characterization_prepositions)
            )
        ),
        None,
    )
    if predicate is None:
        return None
    return obj.left_edge.i, clause_tokens(predicate)[1]


def demand_content(verb: Token, rules: LanguageRules) -> tuple[int, int] | None:
    """'called for [more school investment]', 'called on [Congress to act]': the object of the
    preposition that makes the verb a demand."""
    for child in verb.children:
        if (
            child.i > verb.i
            and child.dep_ in rules.parser.prepositional | rules.parser.particle
            and (verb.lemma_.lower(), child.lower_) in rules.demand_phrases
        ):
            start, end = clause_tokens(child)
            # "called on Congress to act": the infinitive the parser hung on the verb belongs to the demand.
            end = max(
                [end]
                + [clause_tokens(c)[1] for c in verb.children if c.i > child.i and c.dep_ in rules.parser.open_clause]
            )
            return (start + 1, end) if end > start + 1 else None
    return None


def reproach_content(verb: Token, rules: LanguageRules) -> tuple[int, int] | None:
    """'attacked [Clinton for her support of military action]': whom the verb judges and, after the
    preposition that gives the reason, what for (rules' reproach_phrases)."""
    labels = rules.parser
    obj = next((c for c in verb.children if c.dep_ in labels.direct_object and c.i > verb.i), None)
    if obj is None:
        return None
    for child in verb.children:
        worded = child.right_edge.i > child.i or bool(labels.case_marker)  # "for" with its object
        if (
            child.i > obj.i
            and worded
            and (verb.lemma_.lower(), preposition_of(child, labels)) in rules.reproach_phrases
        ):
            return obj.left_edge.i, child.right_edge.i + 1
    return None


def appraisal_quotes(ctx: Context) -> list[RawQuote]:
    """What a source called something, called for or blamed someone for, when no quotation marks carry
    it: 'The campaign called the charges unsubstantiated', 'Blair called for more school investment',
    'Trump attacked Clinton for her support of the war'."""
    doc, rules = ctx.doc, ctx.rules
    quotes: list[RawQuote] = []
    for verb in ctx.tokens:
        if verb.pos_ not in VERB_POS or not ctx.outside(verb):
            continue
        lemma = verb.lemma_.lower()
        found = appraisal_content(verb, rules) if lemma in rules.characterization_verbs else None
        found = found or demand_content(verb, rules) or reproach_content(verb, rules)
        subject = usable_subject(verb, ctx) if found else None
        if subject is None or rules.pronoun_kind(subject.text) == "first":
            continue
        span = char_range(doc, *found)
        content = content_kind(span, ctx) if word_count(doc, *span) >= 2 else None
        if content is not None:
            quotes.append(
                RawQuote(content[0], [content[1]], char_range(doc, *cue_tokens(verb)), subject.i, Cue("appraisal"))
            )
    return quotes


def object_quotes(ctx: Context) -> list[RawQuote]:
    """'Aigle Azur a annoncé l'annulation de tous ses vols', 'Trump denied the allegations against his
    foundation': a noun phrase, not a clause, is what a reporting verb's subject said. Only a common
    noun of several words counts ("denied it", "praised Trump" report nothing), and only outside
    quotation marks (quoted words keep the quote the marks give them)."""
    doc, rules = ctx.doc, ctx.rules
    quotes: list[RawQuote] = []
    for verb in ctx.tokens:
        forms = verb_forms(verb, rules)
        if verb.pos_ not in VERB_POS or not (forms & rules.object_report_verbs) or middle_voice(verb, rules):
            continue  # ("la peur de se signaler et les doutes…": no one reports)
        if is_present_participle(verb) and forms & rules.reason_participles:
            continue
        if not ctx.outside(verb) or reported_clause(verb, rules) is not None:
            continue  # "announced that…": the clause is what was said
        if _yet_to_say(verb, rules) or _asked(verb):
            continue
        obj = _said_object(verb, rules)
        if obj is None or obj.pos_ != "NOUN" or obj.ent_type_ or _someone(obj, rules):
            continue
        span = char_range(doc, obj.left_edge.i, _before_aside(obj, rules))
        if word_count(doc, *span) < rules.min_object_words or overlaps_quote(*span, ctx):
            continue
        if set_off_without_subject(verb, ctx) and may_speak(obj, ctx):
            continue  # "…, ont annoncé samedi les autorités sanitaires": the object the parser saw spoke
        if verb.i > 0 and doc[verb.i - 1].text == "," and is_media(doc[obj.left_edge.i : obj.i + 1].text):
            continue  # "…, souligne le quotidien samedi": an outlet speaks there, whatever subject the parser saw
        subject = usable_subject(verb, ctx)
        if subject is None or rules.pronoun_kind(subject.text) == "first":
            continue
        if not _can_report(subject, ctx):
            continue  # "La découverte …, en confirmant une information de France 3": a thing reports nothing
        closing = _quote_in_apposition(obj.right_edge.i + 1, ctx)
        content = content_kind((span[0], closing), ctx) if closing else (INDIRECT, span)
        if content is not None:
            quotes.append(
                RawQuote(content[0], [content[1]], char_range(doc, *cue_tokens(verb)), subject.i, Cue("object"))
            )
    return quotes


def _said_object(verb: Token, rules: LanguageRules) -> Token | None:
    """The object a reporting verb's subject said, past a date the parser took for one: 'a annoncé fin juin
    [la dissolution…]', 'annoncent vendredi [de nouvelles restrictions…]' (hung on the weekday, right
    after it)."""
    for obj in (c for c in verb.children if c.dep_ in rules.parser.direct_object and c.i > verb.i):
        if not _a_date(obj, rules):
            return obj
        inner = next((c for c in obj.children if c.left_edge.i == obj.i + 1 and c.pos_ in ("NOUN", "NUM")), None)
        if inner is not None and not _a_date(inner, rules):
            return inner
    return None


def _a_date(obj: Token, rules: LanguageRules) -> bool:
    """A weekday or a month with no determiner ("vendredi", "fin juin" the model tags a number): when,
    not what ("la fin de la grève", "Friday's test" are what)."""
    if any(c.pos_ == "DET" and c.i < obj.i for c in obj.children):
        return False
    words = list(obj.subtree)
    return is_time_word(obj, rules) or (
        obj.pos_ != "NOUN" and len(words) <= 3 and any(is_time_word(word, rules) for word in words)
    )


def _said_by_no_one(verb: Token, first: Token, ctx: Context) -> bool:
    """'Le fort vent qui soufflait hier pourrait expliquer…': a verb of saying with a physical sense
    (rules' physical_sense_verbs) in a relative clause whose antecedent cannot speak, with a clause after
    it but no "que", is the other sense of the verb."""
    labels = ctx.rules.parser
    return (
        verb.lemma_.lower() in ctx.rules.physical_sense_verbs
        and verb.dep_ in labels.relative_clause
        and first.lower_ not in ctx.rules.complementizers
        and not may_speak(verb.head, ctx)
        and verb.head.lemma_.lower() not in ctx.rules.evidence_sources
    )


def _yet_to_say(verb: Token, rules: LanguageRules) -> bool:
    """'devait dresser le bilan et annoncer les priorités', 'va annoncer la suppression': an infinitive
    (or its conjunct) under a modal of what is yet to come reports nothing said."""
    while verb.dep_ in rules.parser.conjunct and verb.head.i < verb.i and "Inf" in verb.head.morph.get("VerbForm"):
        verb = verb.head
    return "Inf" in verb.morph.get("VerbForm") and verb.head.lemma_.lower() in rules.unrealized_modals


def _before_aside(obj: Token, rules: LanguageRules) -> int:
    """Where the object ends: before a relative clause set off by a comma ('the reality of climate
    change, which makes him an outlier'), the writer's aside (rules' aside_relatives)."""
    doc = obj.doc
    for token in doc[obj.i + 1 : obj.right_edge.i]:
        if token.text == "," and doc[token.i + 1].lower_ in rules.aside_relatives:
            return token.i
    return obj.right_edge.i + 1


def _asked(verb: Token) -> bool:
    """Whether the verb's sentence is a question ("L'école peut-elle exiger un certificat médical ?"):
    it reports nothing."""
    stop = next((t for t in verb.doc[verb.i : verb.sent.end] if t.text in (".", "!", "?")), None)
    return stop is not None and stop.text == "?"


def _can_report(subject: Token, ctx: Context) -> bool:
    """Whether a subject may report something: a pronoun, a name, someone or some body, a camp ("les
    signataires"), an outlet described by its kind ("l'hebdomadaire")."""
    rules = ctx.rules
    return (
        rules.pronoun_kind(subject.text) is not None
        or may_speak(subject, ctx)
        or subject.lemma_.lower() in rules.collective_heads
        or subject.lower_ in rules.collective_heads
        or is_media(subject.text)
    )


def _someone(noun: Token, rules: LanguageRules) -> bool:
    """'questioned the Alliance's lead witness': a person is who was addressed, not what was said."""
    lemma = noun.lemma_.lower()
    return lemma in rules.role_words or lemma in rules.anonymous_heads


def _quote_in_apposition(after: int, ctx: Context) -> int | None:
    """'a confirmé cette visite, « une première pour l'institution ».': the quote set after the object
    by a comma, ending the sentence, is said of it (where it closes)."""
    doc = ctx.doc
    if after + 1 >= len(doc) or doc[after].text != ",":
        return None
    opening = doc[after + 1].idx
    segment = next((s for s in ctx.segments_touching(opening, opening + 1) if s.open_at == opening), None)
    if segment is None or segment.close_at is None:
        return None
    rest = ctx.text[segment.outer_end : segment.outer_end + 2].strip()
    return segment.outer_end if rest[:1] in ("", ".", "!", "?") else None


def relative_source_quotes(ctx: Context) -> list[RawQuote]:
    """'Olivier Lestrade, for whom the union has a direct line, …': the relative clause, set off by a
    comma, is his view."""
    doc, rules = ctx.doc, ctx.rules
    quotes = []
    openers = {words[0] for words in rules.source_relatives}
    for token in ctx.tokens:
        if token.lower_ not in openers:
            continue
        for words in rules.source_relatives:
            if not sequence_at(doc, token.i, words) or not ctx.outside(token):
                continue
            if token.i == 0 or doc[token.i - 1].text != ",":
                continue  # "une amende pour qui fait l'aller-retour": whoever, not someone's view
            clause, antecedent = _relative_of(doc[token.i + len(words) - 1], doc[token.i - 1], rules)
            if clause is None or antecedent.pos_ not in ("PROPN", "NOUN", "PRON"):
                continue
            start, end = token.i + len(words), clause.right_edge.i + 1
            while end > start and not is_word(doc[end - 1]):
                end -= 1
            if end - start < 3:
                continue
            # "…, pour qui le régime par points est « une erreur historique »": quoted words make it mixed
            content = content_kind(char_range(doc, start, end), ctx)
            if content is not None:
                quotes.append(
                    RawQuote(
                        content[0], [content[1]], char_range(doc, token.i, start), antecedent.i, Cue("source-relative")
                    )
                )
    return quotes


def _relative_of(pronoun: Token, comma: Token, rules: LanguageRules) -> tuple[Token | None, Token]:
    """(the relative clause, its antecedent) of "…, pour qui …": the parser's relative clause; failing
    that ("selon qui" hung on the main verb), the clause the pronoun hangs on after it, said by the
    name or noun before the comma."""
    clause = next((a for a in pronoun.ancestors if a.dep_ in rules.parser.relative_clause), None)
    if clause is not None:
        return clause, clause.head
    antecedent = comma.doc[comma.i - 1] if comma.i > 0 else comma
    while antecedent.dep_ in rules.parser.name_parts and antecedent.head.i < antecedent.i:
        antecedent = antecedent.head  # "Paul Martin": the name's first word heads it
    return (pronoun.head if pronoun.head.i > pronoun.i else None), antecedent
