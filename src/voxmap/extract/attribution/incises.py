"""Cues written inside the marks: '“We will not yield, says Ann Roy, head of X. We…”' (an incise in
the writer's order) and '“…, rewinds Paul Marchand, historian at… Even…”' (a speech verb then its
speaker), with what only looks like one (an aside between a quote's auxiliary and its participle)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..marks import QuotedSegment
from ..mentions import is_time_word
from ..syntax import VERB_POS, cue_tokens, tokens_covering
from .context import Context, cue_word, is_negative, is_speech, past_adverbs, past_channel
from .speakers import name_beside_role, speaker_phrase


def incise(segment: QuotedSegment, ctx: Context) -> tuple[Token, Token, int, int] | None:
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
        if not (is_speech(verb, ctx.rules) or subject.pos_ in ("PROPN", "PRON")) or _asks(verb, subject):
            continue
        end = subject.right_edge.i + 1
        while end < tokens.end and doc[end].text not in (".", ",", "—", ";", ":"):
            end += 1
        if end < tokens.end and doc[end].text in (".", ",", "—", ";", ":") and end + 1 < tokens.end:
            return verb, subject, cue_start - 1, end + 1
    return None


def _asks(verb: Token, subject: Token) -> bool:
    """ "…, vont-ils comprendre que…": a verb that is no speech verb, its inverted pronoun, then an
    infinitive: a question in the quote, no incise."""
    after = subject.i + 1
    return (
        subject.pos_ == "PRON"
        and after < len(subject.doc)
        and subject.doc[after].pos_ == "VERB"
        and "Inf" in subject.doc[after].morph.get("VerbForm")
        and verb.i < subject.i
    )


# Words that never cue an incise: "…, and the union", "…, for Paul", "…, that the minister…".
NOT_A_CUE = frozenset({"ADP", "CCONJ", "SCONJ", "DET", "PRON", "AUX", "PART", "NUM", "ADV"})


def inverted_incise(segment: QuotedSegment, ctx: Context) -> tuple[Token, Token, int, int] | None:
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
        at, grouped = comma.i + 1, False
        if doc[at].pos_ == "AUX":  # "…, a (encore) réagi mercredi François Baroin, …": the participle
            verb = next(iter(past_adverbs(list(doc[at + 1 : tokens.end - 1]))), None)
            if verb is not None and verb.is_lower and verb.pos_ in VERB_POS:
                at, grouped = verb.i, True
        word = doc[at]
        if not (word.is_alpha and word.is_lower and word.pos_ not in NOT_A_CUE):
            continue
        if not grouped and _awaited_participle(word, doc[tokens.start : comma.i]):
            continue  # "Tout le monde a, à un moment, entendu Tony pleurer": the quote's own verb
        if not grouped and _present_participle(word):
            continue  # "Il tenait des propos violents, parlant de Lucifer, et…": what he spoke of
        start = at + 1
        while (
            grouped
            and start < tokens.end - 1
            and (is_time_word(doc[start], ctx.rules) or (doc[start].pos_ == "ADV" and not is_negative(doc[start])))
        ):
            start += 1  # the day or an adverb between the verb and its subject ("a écrit encore M. Trump")
        speaker = speaker_phrase(start, tokens.end, ctx)
        if speaker is not None and grouped:
            speaker = name_beside_role(speaker, ctx)  # "a admis le père Gérard Lajeunesse": the name
            if not (speaker.ent_type_ or speaker.pos_ == "PROPN"):
                continue  # "…, a soudainement crié des mots inintelligibles": the narration the quote holds
        if speaker is None and start + 1 < tokens.end and doc[start].dep_ in ctx.rules.parser.particle:
            # the verb's particle first: "…, goes on the spokeswoman"
            speaker = speaker_phrase(start + 1, tokens.end, ctx)
        if speaker is None and cue_word(word, ctx.rules):
            # the channel first: "…, plaide dans le Parisien Jacky Desbrosse, de la Fédération…"
            rest = past_channel(list(doc[start : tokens.end]), ctx.rules.parser.person_entities)
            speaker = speaker_phrase(rest[0].i, tokens.end, ctx) if rest and rest[0].i > start else None
        if speaker is None or any(t.pos_ == "VERB" for t in doc[at + 1 : speaker.i]):
            continue  # "…, accusée de vouloir démolir cette institution": another verb's object
        # A word in the cue list, or any verb-like word with no subject of its own before a name
        # ("…, hammers Fabienne Morel, …"), never a title ("…, maire LR de Troyes": an apposition) nor
        # an honorific ("Vos sbires, monsieur Macron, mutilent…": whom the speaker addresses); a
        # description needs a word from the list.
        if not cue_word(word, ctx.rules) and (
            doc[start].pos_ == "ADP"  # "Nous, salariés de Lubrizol, sommes…": the word's complement
            or word.lemma_.lower() in ctx.rules.role_words | ctx.rules.office_titles
            or any(word.lower_ in words for words in ctx.rules.honorifics.values())
            or not (speaker.ent_type_ or speaker.pos_ == "PROPN")
            or any(c.dep_ in ctx.rules.parser.subject and c.i < word.i for c in word.children)
        ):
            continue
        end = next((t.i for t in doc[speaker.i + 1 : tokens.end] if t.text in (".", "?", "!", ";")), tokens.end - 1)
        return word, speaker, comma.i, end + 1
    return None


def _present_participle(word: Token) -> bool:
    """ "parlant", "citing": a verb with no subject of its own, never followed by its speaker."""
    return "Part" in word.morph.get("VerbForm") and "Pres" in word.morph.get("Tense")


def _awaited_participle(word: Token, before: Span) -> bool:
    """A participle after a comma whose auxiliary, before the comma, has no verb of its own yet: the
    sentence's verb, split by an aside ("a, à un moment, entendu"), not a verb of saying."""
    verbs = [t for t in before if t.pos_ in VERB_POS or t.pos_ == "AUX"]
    return "Part" in word.morph.get("VerbForm") and bool(verbs) and verbs[-1].pos_ == "AUX"
