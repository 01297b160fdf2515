"""The model's tokenizer, kept linear on long runs without white space.

spaCy's tokenizer strips prefixes and suffixes one at a time from a white-space-free chunk, so a run
of thousands of quotation marks or dashes ("““““…") costs quadratic time. A run longer than
`LONG_RUN` characters is tokenized in pieces cut between two marks (never inside a word), and the
pieces are joined back into one Doc whose text is the input, character for character.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

LONG_RUN = 1000  # no word or URL written in news is this long without a space
PIECE = 100  # characters per piece of a long run, at the first cut point after this many
_LONG = re.compile(rf"\S{{{LONG_RUN},}}")


def _can_cut(text: str, at: int) -> bool:
    """Between two characters that are neither letters nor digits: no word is split."""
    return not text[at - 1].isalnum() and not text[at].isalnum()


def cut_points(text: str) -> list[int]:
    """Where to cut `text` so that no piece holds a white-space-free run much longer than PIECE."""
    cuts = []
    for run in _LONG.finditer(text):
        at = run.start() + PIECE
        while at < run.end():
            while at < run.end() and not _can_cut(text, at):
                at += 1
            if at >= run.end():
                break
            cuts.append(at)
            at += PIECE
    return cuts


class BoundedTokenizer:
    """Wraps a spaCy tokenizer: texts without a long run go straight to it; the others by pieces."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        cuts = cut_points(text) if _LONG.search(text) else []
        if not cuts:
            return self.tokenizer(text)
        edges = [0, *cuts, len(text)]
        pieces = [self.tokenizer(text[start:end]) for start, end in zip(edges, edges[1:])]
        doc = Doc.from_docs([piece for piece in pieces if len(piece)], ensure_whitespace=False)
        # from_docs starts a sentence at each piece: the cuts are the tokenizer's, not sentence ends.
        doc.from_array([SENT_START], numpy.zeros((len(doc), 1), dtype="uint64"))
        return doc

    def __getattr__(self, name: str):
        if name == "tokenizer":  # not set yet (unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.tokenizer, name)  # vocab, rules, pipe, … as the model's tokenizer has them
