"""A capital the copy wrote without its accent, read by the model as the word it stands for.

Scraped French often opens a sentence with "A" for "À" ("A l'issue du vote", "A gauche, Jean-Luc
Mélenchon…"): the model reads that "A" as a noun, often as the sentence's subject. The model reads a
token's norm, not its text, so the norm is set to the accented word; the text, and every offset, stay
as written. Which capitals stand for which word is rule data (`rules/<lang>/parser.toml`).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from .language import _read_tables

# What may end the sentence before: the capital opens a new one after these (or a line break).
SENTENCE_ENDS = frozenset({".", "!", "?", "…", ":", '"', "»", "”"})


@cache
def unaccented_capitals(language: str) -> dict[str, str]:
    """Capital as written -> the word it stands for, at a sentence's start ("A" -> "à")."""
    return dict(_read_tables(language)["parser"]["unaccented_capitals"])


def _opens_sentence(token: Token) -> bool:
    if token.i == 0:
        return True
    before = token.doc[token.i - 1]
    return before.text in SENTENCE_ENDS or (before.is_space and "\n" in before.text)


def accented(doc: Doc, capitals: dict[str, str]) -> Doc:
    """`doc` with the norm of each such capital opening a sentence set to its word; "A-t-il" (the
    verb, its clitic after a hyphen) keeps its own."""
    for token in doc:
        word = capitals.get(token.text)
        if word is None or not _opens_sentence(token):
            continue
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if after is not None and not token.whitespace_ and after.text[:1] in "-‑":
            continue
        token.norm_ = word
    return doc
