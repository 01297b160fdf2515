"""News outlets cited as sources ("selon Le Parisien", "according to Reuters"): they relay what they
report, so their speaker type is `media`, kept out of who speaks. The outlets are every language's
`media.toml`; a French article cites the New York Times as readily as Le Monde."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from .language import LANGUAGES, _read_tables
from .offices import bare_name

MEDIA = "media"


def _folded(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode("ascii").lower()
    return " ".join(re.sub(r"[^\w']+", " ", text).split())


def _key(name: str) -> str:
    """An outlet's name as compared: without its article ("Le Parisien", "l'AFP"), accents or case."""
    return _folded(bare_name(name))


@cache
def outlets(language: str) -> frozenset[str]:
    """The outlets of one language's `media.toml`, as compared."""
    return frozenset(_key(name) for name in _read_tables(language).get("media", {}).get("outlets", []))


@cache
def outlet_keys() -> frozenset[str]:
    return frozenset().union(*(outlets(language) for language in LANGUAGES))


@cache
def outlet_kinds(language: str) -> frozenset[str]:
    """Words of one language that name a kind of outlet ("la chaîne d'information israélienne", "le
    quotidien régional"): a phrase they open describes an outlet, whichever it is."""
    return frozenset(_folded(word) for word in _read_tables(language).get("media", {}).get("kinds", []))


@cache
def _all_kinds() -> frozenset[str]:
    return frozenset().union(*(outlet_kinds(language) for language in LANGUAGES))


def is_media(name: str) -> bool:
    """Whether `name` is a news outlet or agency of the rule files ("l'AFP", "Le Parisien", "Reuters"),
    a regional edition of one ("France 3 Hauts-de-France", "France Bleu Isère"), its website
    ("LaDepêche.fr"), or an outlet described by its kind ("la chaîne d'information israélienne")."""
    key = _key(name)
    if key.split(" ")[0] in _all_kinds():
        return True
    site = WEBSITE.fullmatch(name.strip())
    if site and _folded(site.group(1)).replace(" ", "") in _compact_keys():
        return True
    words = key.split(" ")
    # an outlet's name (five letters or more) and more words: a regional edition
    prefixes = (" ".join(words[:k]) for k in range(1, len(words)))
    return key in outlet_keys() or any(len(prefix) >= 5 and prefix in outlet_keys() for prefix in prefixes)


# An outlet's website as the press cites it: "LaDepêche.fr", "www.lefigaro.fr", "20minutes.fr".
WEBSITE = re.compile(r"(?:www\.)?([\w'’-]+)\.(?:fr|com|net|org|info|be|ch|ca|co\.uk)", re.IGNORECASE)


def _compact(name: str) -> set[str]:
    """An outlet's name as its website writes it, with and without its article ("ladepeche", "depeche")."""
    return {_key(name).replace(" ", ""), _folded(name).replace(" ", "").replace("'", "")}


@cache
def _compact_keys() -> frozenset[str]:
    return frozenset().union(
        *(
            _compact(name)
            for language in LANGUAGES
            for name in _read_tables(language).get("media", {}).get("outlets", [])
        )
    )


def is_outlet_kind(word: str, language: str) -> bool:
    """Whether `word` names a kind of outlet in `language` ("quotidien", "chaîne")."""
    return _folded(word) in outlet_kinds(language)


def is_outlet_name(name: str) -> bool:
    """Whether `name` is, whole, an outlet's name of the rule files ("le Journal du dimanche"; not "La
    Provence lundi", which only starts with one)."""
    return _key(name) in outlet_keys()


@cache
def _shown_names() -> dict[str, str]:
    """Each outlet's key -> its name as shown: the longest spelling of the rule files ("Le Parisien",
    not "Parisien")."""
    shown: dict[str, str] = {}
    for language in LANGUAGES:
        for name in _read_tables(language).get("media", {}).get("outlets", []):
            key = _key(name)
            if len(name) > len(shown.get(key, "")):
                shown[key] = name
    return shown


def outlet_name(name: str) -> str:
    """An outlet's name as the press writes it ("Parisien", which the name cleaner left without its
    article, is "Le Parisien"); a name as long as the rule file's, or no outlet's, as it is."""
    site = WEBSITE.fullmatch(name.strip())
    if site:  # "LaDepêche.fr": La Dépêche
        compact = _folded(site.group(1)).replace(" ", "")
        return next((shown for shown in _shown_names().values() if compact in _compact(shown)), name)
    shown = _shown_names().get(_key(name), name)
    return shown if len(shown) > len(name) else name  # "Journal du Dimanche" as written
