"""Embedded markup in a plain text: tweets, scripts and HTML tags that a source left in its article,
the lines a site adds around it ("READ MORE: …", "WATCH: …") and the headline standing as the
first line.

Readers keep the text exactly as given (offsets stay true), but these regions are flagged and no
quote, speaker or role comes from them: `<tweet author="@…" datetime="2016…">` is not a person, and
an embedded tweet is the platform's record of what someone posted, not the writer's attribution.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# An element whose content is markup too (bounded, so a lone opening tag never swallows an article).
_ELEMENTS = re.compile(
    r"<(tweet|script|style|blockquote|iframe|noscript)\b[^<>]{0,2000}>.{0,5000}?</\1\s*>", re.IGNORECASE | re.DOTALL
)
# Any other tag, opening, closing or empty, on one line.
_TAGS = re.compile(r"</?[A-Za-z][\w:-]*(\s[^<>\n]{0,1000})?/?>|<!--.{0,2000}?-->", re.DOTALL)


def markup_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of embedded markup, sorted and merged."""
    if "<" not in text:
        return []
    return merged_regions([m.span() for m in _ELEMENTS.finditer(text)] + [m.span() for m in _TAGS.finditer(text)])


def merged_regions(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges sorted, overlapping ones joined (what `overlaps` expects)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def labelled_lines(text: str, labels: frozenset[str]) -> list[tuple[int, int]]:
    """Lines a site adds around an article ("READ MORE: …", "WATCH: …", "Lire aussi : …"): links to other
    pieces, not attributions. `labels` are lower case, matched before the line's colon."""
    if not labels:
        return []
    found = []
    for match in re.finditer(r"^[ \t]*([^\n:]{2,20}?)[ \t\u00a0]*:[^\n]*", text, re.MULTILINE):
        if match.group(1).strip().lower() in labels:
            found.append(match.span())
    return found


# A headline: the text's first line, short, without a sentence's final punctuation, a line break after it.
_HEADLINE = re.compile(r"\A[ \t]*([^\n]{1,200}?)[ \t]*\n")
_SENTENCE_END = tuple(".!?…\"”»’'")


def headline_line(text: str) -> list[tuple[int, int]]:
    """The headline ("Police municipale : Orléans veut armer ses agents"): a title summarises, it does
    not attribute, whatever verb it carries. A first line ending as a sentence ends is the text's own."""
    match = _HEADLINE.match(text)
    if match is None or match.group(1).endswith(_SENTENCE_END) or len(match.group(1).split()) > 20:
        return []
    return [match.span(1)]


def overlaps(regions: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether characters start..end touch a region (regions sorted and disjoint)."""
    if not regions:
        return False
    at = bisect_right(regions, (start, float("inf"))) - 1
    return any(s < end and start < e for s, e in regions[max(at, 0) : at + 2])
