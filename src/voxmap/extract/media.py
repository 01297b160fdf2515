"""News outlets cited as sources ("selon Le Parisien", "according to Reuters"): they relay what they
report, so their speaker type is `media`, kept out of who speaks. The outlets are every language's
`media.toml`; a French article cites the New York Times as readily as Le Monde."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from .language import LANGUAGES, _read_tables, load_rules

MEDIA = "media"


def _folded(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode("ascii").lower()
    return " ".join(re.sub(r"[^\w']+", " ", text).split())


@cache
def _articles() -> tuple[str, ...]:
    return tuple(
        sorted({_folded(a) for language in LANGUAGES for a in load_rules(language).articles}, key=len, reverse=True)
    )


def _key(name: str) -> str:
    folded = _folded(name)
    for article in _articles():
        if article.endswith("'") and folded.startswith(article):
            return folded[len(article) :]
        if folded.startswith(article + " "):
            return folded[len(article) + 1 :]
    return folded


@cache
def outlets(language: str) -> frozenset[str]:
    """The outlets of one language's `media.toml`, as compared."""
    return frozenset(_key(name) for name in _read_tables(language).get("media", {}).get("outlets", []))


@cache
def outlet_keys() -> frozenset[str]:
    return frozenset().union(*(outlets(language) for language in LANGUAGES))


def is_media(name: str) -> bool:
    """Whether `name` is a news outlet or agency of the rule files ("l'AFP", "Le Parisien", "Reuters"),
    or a regional edition of one ("France 3 Hauts-de-France", "France Bleu Isère")."""
    key = _key(name)
    return key in outlet_keys() or any(key.startswith(outlet + " ") for outlet in outlet_keys() if len(outlet) >= 5)
