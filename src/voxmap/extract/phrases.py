"""Phrases as comparable keys, for echoes: the content words of a text with their character offsets,
and the runs of `SHINGLE` consecutive content words ("shingles") that stand for a phrase.

Function words (per language, rules/<lang>/phrases.toml) are left out and every word is cut to a
few letters, so that "we must harden our tone" and "hardening the tone" share their key, in
English and French alike. Offsets always point into the original text.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .language import LANGUAGES, load_rules

SHINGLE = 4  # content words per key: rare enough to mean something, short enough to survive rewording
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class PhraseRules:
    stem: int
    stop_words: frozenset[str]
    stop_phrases: frozenset[tuple[str, ...]]  # as keys of content words
    possessives: tuple[str, ...] = ()  # "'s": a name that owns something ("Clinton's …")


def _folded(word: str) -> str:
    """Lower case without accents: "Réforme" and "reforme" are one word."""
    if word.isascii():
        return word.lower()  # the same, without decomposing (most words of English news)
    return unicodedata.normalize("NFKD", word.casefold()).encode("ascii", "ignore").decode("ascii")


@cache
def phrase_rules(language: str) -> PhraseRules:
    table = tomllib.loads(
        (resources.files("voxmap.extract.rules") / language / "phrases.toml").read_text(encoding="utf-8")
    )["phrases"]
    stem, stops = int(table.get("stem", 6)), frozenset(_folded(w) for w in table.get("stop_words", []))
    rules = PhraseRules(stem, stops, frozenset())
    phrases = frozenset(tuple(word for word, _, _ in content_words(p, rules)) for p in table.get("stop_phrases", []))
    return PhraseRules(stem, stops, phrases, tuple(table.get("possessive_suffixes", [])))


def rules_for(language: str) -> PhraseRules:
    """The phrase rules of this language, English for a language voxmap has none for."""
    return phrase_rules(language if language in LANGUAGES else "en")


def stem_length(language: str) -> int:
    """How many letters of a word its phrase key keeps, in this language."""
    return rules_for(language).stem


def content_words_in(text: str, language: str) -> list[tuple[str, int, int]]:
    """(stem, start, end) of each content word of `text`, by the rules of its language."""
    return content_words(text, rules_for(language))


def content_words(text: str, rules: PhraseRules) -> list[tuple[str, int, int]]:
    """(stem, start, end) of each content word of `text`."""
    words = []
    for match in _WORD.finditer(text):
        folded = _folded(match.group())
        if folded and folded not in rules.stop_words and not folded.isdigit():
            words.append((folded[: rules.stem], match.start(), match.end()))
    return words


def shingle_runs(text: str, language: str) -> list[list[tuple[str, int, int]]]:
    """Every run of SHINGLE content words in `text`, each word as (stem, start, end)."""
    words = content_words_in(text, language)
    return [words[i : i + SHINGLE] for i in range(len(words) - SHINGLE + 1)]


def shingles(text: str, language: str) -> list[tuple[tuple[str, ...], int, int]]:
    """(key, start, end) of every run of SHINGLE content words in `text`."""
    return shingles_of(content_words_in(text, language))


def shingles_of(words: list[tuple[str, int, int]]) -> list[tuple[tuple[str, ...], int, int]]:
    """(key, start, end) of every run of SHINGLE of these content words."""
    runs = (words[i : i + SHINGLE] for i in range(len(words) - SHINGLE + 1))
    return [(tuple(word for word, _, _ in run), run[0][1], run[-1][2]) for run in runs]


def is_stock_phrase(text: str, language: str) -> bool:
    """Is this phrase one that anyone says about anything (a stop phrase within it, or it within one)?"""
    rules = rules_for(language)
    key = tuple(word for word, _, _ in content_words(text, rules))
    return any(len(stop) >= 2 and (_within(stop, key) or _within(key, stop)) for stop in rules.stop_phrases)


def is_name_like(text: str, language: str) -> bool:
    """Mostly capitalised content words ("Russian President Vladimir Putin", "New York and New
    Jersey"): a name or a title that every outlet writes, not a phrase someone coined."""
    rules = rules_for(language)
    words = [text[start:end] for _, start, end in content_words(text, rules)]
    return not words or sum(word[:1].isupper() for word in words) * 2 > len(words)


def describes_a_person(text: str, language: str) -> bool:
    """A phrase that names a person by a first name or a possessive name ("front-runner Hillary
    Clinton", "Republican front-runner Donald", "Clinton's private email server"): a descriptor or a
    topic every outlet writes of someone, not a phrase someone coined. The possessive endings are the
    language's (phrases.toml); "Muslims'" cannot be told from a plural and is left alone."""
    language = language if language in LANGUAGES else "en"
    possessives = phrase_rules(language).possessives
    rules = load_rules(language)
    first_names = rules.gendered_first_names.values()
    # "le bassin du Berry", "the state of Virginia": after a preposition and with no surname after it,
    # a place or a body ("videos of Donald Trump" still names him)
    small = rules.organization_prepositions | rules.articles
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    for i, word in enumerate(words):
        bare = next((word[: -len(end)] for end in possessives if word.endswith(end)), word)
        place = i > 0 and words[i - 1].lower() in small and not (i + 1 < len(words) and words[i + 1][:1].isupper())
        named = not place and any(bare.lower() in names for names in first_names)
        if bare[:1].isupper() and (bare != word or named):
            return True
    return False


def _within(inner: tuple[str, ...], outer: tuple[str, ...]) -> bool:
    return len(inner) <= len(outer) and any(
        outer[i : i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1)
    )
