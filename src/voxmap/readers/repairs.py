"""Repairs a reader makes to scraped text before anything reads it: UTF-8 read as Windows-1252 somewhere
upstream ("FranÃ§ois Hollande", mojibake) is read back ("François Hollande"), so that one person is one
name; two sentences glued together
("dangereuses.Le ministre", "FO.L'opération") get their space back, a list's bullet glued to the item
before it its line; a subheading run into its
paragraph with no stop ("personnelSa chanson") gets its line break back, so that no sentence runs
through it; the code of an embedded player the scraper kept ("window.pvp_… = new Pvp('digiteka', {…")
and an agency's signature ("burs-ccd/ber/mba") are blanked with spaces, so that no one speaks in them. Offsets stay true to the text as
stored (the repaired text); where each space went is kept with the article (`Article.repairs`,
`Article.blanked`) and its input record."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

import ftfy

UPPER = r"[A-ZÀ-ÖØ-Þ]"
LOWER = r"[a-zß-öø-ÿ]"
# A sentence end: two letters or digits (not the "S" of "U.S."), or a closing mark (a straight
# quote before the stop closes), then the stop
# (French sets "?" and "!" after a space).
STOP_END = r"(?:[^\W_]{2}|[^\W_]?[»”)\"])(?:[.…]|[ \u00a0\u202f]?[!?])"
# What follows a glued stop: a capitalised word ("Le", "L'", "Malgré"), not an initial ("M.").
CAPITALISED = rf"{UPPER}(?:{LOWER}|['’])"
# Web addresses and e-mails keep their dots ("www.Example.com", "Jean.Dupont@…").
ADDRESS = re.compile(r"@|://|www\.", re.IGNORECASE)


@cache
def glued_openers(language: str) -> tuple[str, ...]:
    """The sentence openers a lower-case word is found glued to, from `rules/<lang>/repairs.toml`."""
    from ..extract.language import _read_tables

    return tuple(_read_tables(language)["repairs"]["glued_openers"])


@cache
def _every_opener() -> frozenset[str]:
    from ..extract.language import LANGUAGES

    return frozenset(word for language in LANGUAGES for word in glued_openers(language))


@cache
def one_letter_openers(language: str) -> tuple[str, ...]:
    """The one-letter words a sentence may open with ("A l'inverse", "À 76 ans"), from
    `rules/<lang>/repairs.toml`: after a glued stop they open a sentence, where any other capital is
    part of a name ("VW ID.R")."""
    from ..extract.language import _read_tables

    return tuple(_read_tables(language)["repairs"]["one_letter_openers"])


@cache
def _glue_pattern() -> re.Pattern:
    openers = sorted(_every_opener(), key=len, reverse=True)
    words = "|".join(re.escape(word) for word in openers)
    # An opener ending in an apostrophe runs into its word; any other ends at a word boundary.
    unstopped = rf"(?<![^\W_])(?:{LOWER}{{3,}}|\d{{2,}})(?=(?:{words})(?:(?<=['’])|(?!\w)))"
    # After a capitalised word ("CFDT-CheminotsPourtant") only a longer opener: "LinkedIn" stays.
    long_words = "|".join(re.escape(word) for word in openers if len(word) > 3 and word[-1] not in "'’")
    unstopped += rf"|(?<![^\W_]){UPPER}{LOWER}{{3,}}(?=(?:{long_words})(?!\w))"
    # A short one too where a lower-case word follows it ("de ChineLa veille, la ministre…").
    short_words = "|".join(re.escape(word) for word in openers if len(word) <= 3 and word[-1] not in "'’")
    unstopped += rf"|(?<![^\W_]){UPPER}{LOWER}{{3,}}(?=(?:{short_words}) {LOWER})"
    # A subheading in capitals, any opener before a lower-case word ("POUR PÉCRESSEUne phrase qualifiée").
    unstopped += rf"|(?<![^\W_]){UPPER}{{3,}}(?=(?:{words})(?:(?<=['’]){LOWER}| {LOWER}))"
    # A stop then a straight quote: the quote opens the next sentence or closes this one (its parity
    # in the paragraph says which); the space goes before an opening quote, after a closing one.
    quoted = rf"(?P<quoted>[^\W_]{{2}}[.!?…])\"(?={CAPITALISED})"
    # "Hauts-de-France.73% des sondés": a figure opening the next sentence (a decimal has a digit before).
    figure = r"(?<![^\W_])[^\W\d_]{2,}[.!?](?=\d)"
    from ..extract.language import LANGUAGES

    letters = "".join(sorted({letter for language in LANGUAGES for letter in one_letter_openers(language)}))
    stopped = rf"{STOP_END}(?={CAPITALISED}|[{letters}] )"
    return re.compile(rf"{quoted}|{stopped}|(?P<unstopped>{unstopped})|{figure}")


# An agency's subheading, "- Title -", glued between two paragraphs ("a-t-il dit.- Réforme des
# retraites -Le président…"): it becomes a line of its own. Glued to the stop, its closing dash may
# take a space before the next sentence's capital ("manifestations.- Cérémonie - En face, …").
SUBHEADING = re.compile(
    rf"(?:(?<=[.!?…\"»])|(?<=[.!?…\"»] ))- [^-\n]{{1,80}}? -(?=\S)|(?<=[.!?…\"»])- [^-\n]{{1,80}}? -(?= [{UPPER[1:-1]}\"«])"
)


# A straight quote glued between a word and a capital: parity in the paragraph says whether it closes
# a quoted subheading or quote ('"Pas de police parallèle"Concernant…', '"…électorales""Je ne dis
# pas…"': a space after it) or, where the paragraph's quotes pair up, opens one ('par Lopinion.fr"Qui
# peut…': a line break before it).
QUOTE_GLUED = re.compile(rf'(?:(?<=[^\W_])|(?<=[^\W_][.!?…]))"(?="|{CAPITALISED})')
# A closing guillemet glued to the next word ("» Le", written "»Le").
GUILLEMET_GLUED = re.compile(r"»(?=[^\W\d_])")
# A list's bullet run into the item before it ('d'ici "quelques semaines".► Enfin, Fabien Roussel…'):
# the item gets its line back, so that the quote before it closes where it ends.
BULLET_GLUED = re.compile(r"(?<=[.!?…\"»”)])(?=[►▶•■])")


class _Layout:
    """Where a text's straight quotes and line breaks are, for questions asked at many places in one
    pass: the parity of the quotes in a paragraph, the word around a place. Each answer costs a
    search, not a scan from the paragraph's start (a long text with no line break was quadratic)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.quotes = [i for i, c in enumerate(text) if c == '"']
        self.breaks = [i for i, c in enumerate(text) if c == "\n"]

    def quotes_before(self, at: int) -> int:
        """Straight quotes between the start of `at`'s paragraph and `at`."""
        paragraph = self.breaks[bisect_left(self.breaks, at) - 1] + 1 if bisect_left(self.breaks, at) else 0
        return bisect_left(self.quotes, at) - bisect_left(self.quotes, paragraph)

    def balanced(self, at: int) -> bool:
        """Does `at`'s paragraph hold an even number of straight quotes (its parity can be trusted)?"""
        after = bisect_left(self.breaks, at)
        end = self.breaks[after] if after < len(self.breaks) else len(self.text)
        return (self.quotes_before(at) + bisect_left(self.quotes, end) - bisect_left(self.quotes, at)) % 2 == 0

    def word_around(self, at: int) -> tuple[int, int]:
        """The run of characters around `at` between spaces or line breaks."""
        start, end = at, at
        while start > 0 and self.text[start - 1] not in " \n":
            start -= 1
        while end < len(self.text) and self.text[end] not in " \n":
            end += 1
        return start, end


# A lower-case word glued to a capitalised one followed by another ("de l'initiativeBrigitte Gothière"):
# a subheading run into a sentence opening with a person's name, when that word is a first name; so
# too a subheading in capitals ("NOUVELLE PIQUE À MACRONManuel Valls") and one ending in a name ("Les
# mensonges de Ziad TakieddineNicolas Sarkozy a déploré…"; not "JeanMarc", a first name's four letters),
# the first name maybe compound ("projet de loiJean-Michel Blanquer").
GLUED_NAME = re.compile(
    rf"(?<![^\W_])(?:{LOWER}{{3,}}|{UPPER}{{3,}}|{UPPER}{LOWER}{{4,}})(?=(?P<first>{UPPER}{LOWER}+)(?:-{UPPER}{LOWER}+)? {UPPER}{LOWER})"
)


def _glued_points(text: str) -> list[tuple[int, str]]:
    """(offset in `text`, character to put there), in order."""
    layout = _Layout(text)
    points = []
    for match in _glue_pattern().finditer(text):
        at = match.end()
        if match.group("quoted") and layout.quotes_before(at - 1) % 2 == 0:
            at -= 1  # the quote opens: 'il."Nous' -> 'il. "Nous'
        if not ADDRESS.search(text, *layout.word_around(at)):
            # Without a stop, what ends there is a subheading: it becomes a line of its own.
            points.append((at, "\n" if match.group("unstopped") else " "))
    for match in SUBHEADING.finditer(text):
        points += [(match.start(), "\n"), (match.end(), "\n")]
    for match in QUOTE_GLUED.finditer(text):
        if layout.quotes_before(match.start()) % 2 == 1:  # it closes a quote: '"Non"Le…'
            points.append((match.end(), " "))
        elif text[match.start() - 1] not in ".!?…" and text[match.end()] != '"' and layout.balanced(match.start()):
            # It opens one after a subheading or caption run into it, which becomes a line of its own:
            # 'La réaction de LREM"Non…', 'par Lopinion.fr"Qui…' ('il."Nous' is a glued stop).
            points.append((match.start(), "\n"))
    points += [(match.end(), " ") for match in GUILLEMET_GLUED.finditer(text)]
    points += [(match.start(), "\n") for match in BULLET_GLUED.finditer(text)]
    from ..extract.language import known_first_names  # the rule files load the readers' parts lazily

    # a sentence opener that is a first name somewhere ("Le") is the openers' rule's to judge
    points += [
        (m.end(), "\n")
        for m in GLUED_NAME.finditer(text)
        if m.group("first").lower() in known_first_names() and m.group("first") not in _every_opener()
    ]
    return sorted(set(points))


def split_glued_sentences(text: str) -> tuple[str, list[int]]:
    """The text with a space (a line break around a subheading) put back wherever two sentences were
    glued, and the offsets (in the returned text) of the characters put in."""
    points = _glued_points(text)
    if not points:
        return text, []
    pieces, inserted, last = [], [], 0
    for shift, (point, character) in enumerate(points):
        pieces += [text[last:point], character]
        inserted.append(point + shift)
        last = point
    pieces.append(text[last:])
    return "".join(pieces), inserted


# A script statement a scraper kept in the text: an assignment of a new object ("window.pvp_1e25… = new
# Pvp('dmpublic', {…"). It runs to the end of its statement ("});"), else of its line.
SCRIPT = re.compile(r"\b(?:window|document|var|let|const)\b[.\s][\w$.]*\s*=\s*new\s+[\w$.]+\(")
SCRIPT_END = re.compile(r"\}\s*\)\s*;|\n")
# An agency's signature ending a dispatch: its writers' and editors' initials, after the last sentence
# ("…a annoncé le gouvernement dimanche.burs-ccd/ber/mba/am/plh/sl").
SIGNATURE = re.compile(r"(?<=[.!?…»\"])\s*[a-z]{2,6}(?:-[a-z]{2,6})*(?:/[a-z]{2,6}(?:-[a-z]{2,6})*)+\s*$")


def blank_debris(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with what a scraper left that no one wrote as prose (a script statement, an agency's
    signature) replaced by spaces (offsets do not move), and the (start, end) ranges blanked."""
    ranges: list[tuple[int, int]] = []
    at = 0
    while (found := SCRIPT.search(text, at)) is not None:
        end = SCRIPT_END.search(text, found.end())
        stop = len(text) if end is None else (end.start() if end.group() == "\n" else end.end())
        ranges.append((found.start(), stop))
        at = stop
    signature = SIGNATURE.search(text)
    if signature is not None and not any(start <= signature.start() < end for start, end in ranges):
        ranges.append((signature.start() + len(signature.group()) - len(signature.group().lstrip()), signature.end()))
    for start, end in ranges:
        text = text[:start] + " " * (end - start) + text[end:]
    return text, ranges


# A UTF-8 lead byte read as Windows-1252 ("Ã", "Â", "â") then a continuation byte read the same way:
# only such lines go to ftfy, so that a line without mojibake is left exactly as it came.
MOJIBAKE = re.compile(
    "[ÃÂâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122 ]"
)
# A spacing accent a later Unicode normalisation took apart ("Ã¨" became "Ã" + space + combining
# diaeresis: "SÃ©golÃ ̈ne"): put back as the character it was, so that the byte it stood for returns.
SPLIT_ACCENTS = re.compile("(?<=[ÃÂ]) ([\u0308\u0304\u0301\u0327])")
SPACING_ACCENTS = {"\u0308": "\u00a8", "\u0304": "\u00af", "\u0301": "\u00b4", "\u0327": "\u00b8"}


def repair_mojibake(text: str) -> tuple[str, int]:
    """The text with each line that holds mojibake read back (ftfy's encoding fix, nothing else of
    ftfy's), and how many lines changed."""
    if MOJIBAKE.search(text) is None:
        return text, 0
    lines, changed = text.split("\n"), 0
    for n, line in enumerate(lines):
        if MOJIBAKE.search(line):
            fixed = ftfy.fix_encoding(SPLIT_ACCENTS.sub(lambda m: SPACING_ACCENTS[m.group(1)], line))
            if fixed != line:
                lines[n], changed = fixed, changed + 1
    return "\n".join(lines), changed
