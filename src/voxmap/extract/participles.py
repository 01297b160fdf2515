"""Past participles of speech verbs the model does not know, read as verbs.

The French model tags "tweeté" and "twitté" (and the "a" before them) X or PROPN with no lemma: '«…»,
a tweeté Marine Le Pen' then holds no verb and its quote no speaker — 60 times in 4,980 dispatches. A
lower-case word after a form of the auxiliary whose infinitive (a participle ending replaced, rule
data in `rules/<lang>/parser.toml`) is one of the language's speech verbs is made that verb's
participle, and the auxiliary an auxiliary. Tags and lemmas only: the parse stays the model's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from .language import _read_tables, load_rules


@dataclass(frozen=True)
class ParticipleRules:
    endings: tuple[tuple[str, str], ...]  # (participle ending, infinitive ending): ("é", "er")
    auxiliaries: dict[str, str]  # form -> the auxiliary's lemma: "a" -> "avoir"
    speech_verbs: frozenset[str]


@cache
def participle_rules(language: str) -> ParticipleRules:
    parser = _read_tables(language)["parser"]
    return ParticipleRules(
        tuple((ending, infinitive) for ending, infinitive in parser["participle_endings"]),
        dict(parser["auxiliary_forms"]),
        load_rules(language).speech_verbs,
    )


def _infinitive(token: Token, rules: ParticipleRules) -> str | None:
    word = token.lower_
    for ending, infinitive in rules.endings:
        if word.endswith(ending) and (verb := word[: -len(ending)] + infinitive) in rules.speech_verbs:
            return verb
    return None


def participles_read(doc: Doc, rules: ParticipleRules) -> Doc:
    """`doc` with each unknown speech-verb participle after an auxiliary tagged a verb (see the module)."""
    if not rules.endings:
        return doc  # a model that knows its participles (English): no pass over the tokens
    for token in doc[1:]:
        auxiliary = doc[token.i - 1]
        lemma = rules.auxiliaries.get(auxiliary.lower_)
        if token.pos_ in ("VERB", "AUX") or not (token.is_alpha and token.is_lower) or lemma is None:
            continue
        infinitive = _infinitive(token, rules)
        if infinitive is None:
            continue
        token.pos_, token.lemma_ = "VERB", infinitive
        token.set_morph("Tense=Past|VerbForm=Part")
        if auxiliary.pos_ != "AUX":
            auxiliary.pos_, auxiliary.lemma_ = "AUX", lemma
    return doc
