"""Find quoted segments in raw text from its quotation marks.

Pure text scanning, no parse: nested marks, quotes that run over several paragraphs (each paragraph
reopening the mark without closing the previous one) and stray or unbalanced marks are all handled
without raising. One odd mark never sinks an article: an unclosed quote ends with its paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

from .language import MarkRules

_BRACKETS = "([{<—–-/"


@dataclass(frozen=True, slots=True)
class QuotedSegment:
    start: int  # first character of the quoted words (after the mark and any inner space)
    end: int  # end of the quoted words (before the closing mark)
    open_at: int  # index of the opening mark
    close_at: int | None  # index of the closing mark, None when the paragraph ended first
    continues: bool = False  # the next paragraph reopens this quote
    close_len: int = 1  # characters of the closing mark ('' is two)

    @property
    def outer_end(self) -> int:
        return self.close_at + self.close_len if self.close_at is not None else self.end


def _paragraphs(text: str):
    """(start, end) of each line that holds something other than white space."""
    position = 0
    for line in text.split("\n"):
        end = position + len(line)
        if line.strip():
            yield position, end
        position = end + 1


def _ambiguous(mark: str, rules: MarkRules) -> bool:
    """Marks that look the same open and closed (" and '') or double as apostrophes (‘ ’)."""
    return mark in rules.single or rules.openers.get(mark) == mark


def _can_open(mark: str, before: str, after: str, rules: MarkRules) -> bool:
    if after.isspace() and after not in rules.inner_spaces:
        return False
    return not (_ambiguous(mark, rules) and before.isalnum())


def _can_close(mark: str, before: str, after: str, rules: MarkRules) -> bool:
    return not (_ambiguous(mark, rules) and after.isalnum())


def _trimmed(text: str, start: int, end: int, spaces: str) -> tuple[int, int]:
    while start < end and (text[start] in spaces or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in spaces or text[end - 1].isspace()):
        end -= 1
    return start, end


def _scan_paragraph(
    text: str, start: int, end: int, rules: MarkRules, reopened: tuple[str, int] | None = None
) -> tuple[list[QuotedSegment], int | None, str]:
    """Segments closed inside text[start:end]; the opening index and mark of a quote left open.
    `reopened`: (opening mark, index) of a quote carried over from the previous paragraph.
    Linear in the number of marks: the open levels are indexed by the mark that would close them."""
    segments: list[QuotedSegment] = []
    stack: list[tuple[str, int]] = []
    levels: dict[str, list[int]] = {closer: [] for closer in rules.closers}  # closing mark -> open levels

    def push(mark: str, i: int) -> None:
        levels[rules.openers[mark]].append(len(stack))
        stack.append((mark, i))

    if reopened:
        push(*reopened)
    for found in rules.pattern.finditer(text, start, end):
        mark, i = found.group(), found.start()
        if reopened and i == reopened[1]:
            continue
        before = text[i - 1] if i > start else " "
        after = text[found.end()] if found.end() < end else " "
        # Close the innermost quote this mark closes; an unclosed inner quote closes with it.
        open_levels = levels.get(mark)
        closed_level = open_levels[-1] if open_levels and _can_close(mark, before, after, rules) else None
        mixed = bool(stack) and (stack[-1][0], mark) in rules.mixed_closers
        if closed_level is None and mixed and not before.isspace() and not after.isalnum():
            closed_level = len(stack) - 1  # '“We will win," she said': the scraper's straight mark closes
        opens = mark in rules.openers and _can_open(mark, before, after, rules)
        if _reversed_opening(mark, before, after, bool(stack), rules) and text.find(mark, found.end(), end) >= 0:
            levels[mark].append(len(stack))  # '”Mr. Trump embodies…”': it closes what it opened
            stack.append((mark, i))
            continue
        if closed_level is not None and not (opens and closed_level < len(stack) - 1 and mark != stack[-1][0]):
            opener, opener_at = stack[closed_level]
            del stack[closed_level:]
            for open_levels in levels.values():
                while open_levels and open_levels[-1] >= closed_level:
                    open_levels.pop()
            if not stack:
                content_start, content_end = _trimmed(text, opener_at + len(opener), i, rules.inner_spaces)
                if content_end > content_start:
                    segments.append(QuotedSegment(content_start, content_end, opener_at, i, close_len=len(mark)))
            continue
        if opens:
            push(mark, i)
    return segments, (stack[0][1] if stack else None), (stack[0][0] if stack else "")


def _reversed_opening(mark: str, before: str, after: str, quote_open: bool, rules: MarkRules) -> bool:
    """A closing mark typed where a quote opens: no quote open, a space (or the paragraph's start)
    before it, a word after it."""
    return not quote_open and mark in rules.reversed_openers and before.isspace() and after.isalnum()


def _closing_after_sentence(text: str, start: int, end: int, mark: str) -> int | None:
    """The first `mark` in text[start:end] right after a sentence's end ('près. "', 'près."')."""
    at = text.find(mark, start, end)
    while at >= 0:
        if last_visible(text, start, at) in ".!?…":  # "" (nothing before it) counts, as an empty quote
            return at
        at = text.find(mark, at + len(mark), end)
    return None


def last_visible(text: str, start: int, end: int) -> str:
    """The last character of text[start:end] that is not white space ("" if none), read backwards
    without copying the text (a long paragraph holds many marks)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[end - 1] if end > start else ""


def find_quoted_segments(text: str, rules: MarkRules) -> list[QuotedSegment]:
    """Every top-level quoted segment of `text`, in order."""
    segments: list[QuotedSegment] = []
    paragraphs = list(_paragraphs(text))
    carried: str | None = None  # the opening mark of a quote the previous paragraph left open
    for index, (start, end) in enumerate(paragraphs):
        first = text[start:end].lstrip()
        if first[:1] in rules.dialogue_dashes and first[1:2].isspace():
            dash_at = start + len(text[start:end]) - len(first)
            content_start, content_end = _trimmed(text, dash_at + 1, end, rules.inner_spaces)
            if content_end > content_start:  # a dash alone on its line quotes nothing
                segments.append(QuotedSegment(content_start, content_end, dash_at, None))
            carried = None
            continue
        reopened = None
        if carried is not None and first[:1] == rules.openers.get(carried):
            # French continuation: « … ¶ » … » — the closing guillemet reopens the quote.
            reopened = (carried, start + len(text[start:end]) - len(first))
        closed, open_at, open_mark = _scan_paragraph(text, start, end, rules, reopened)
        next_paragraph = (
            text[paragraphs[index + 1][0] : paragraphs[index + 1][1]].lstrip() if index + 1 < len(paragraphs) else ""
        )
        reopens = bool(next_paragraph) and rules.pattern.match(next_paragraph) is not None
        while open_at is not None and not reopens and _ambiguous(open_mark, rules):
            # A straight mark left open in scraped text with no paragraphs would run to the end of the
            # article: it closes where a sentence ends before a mark ('… près. "Le 7 septembre').
            close = _closing_after_sentence(text, open_at + len(open_mark), end, open_mark)
            if close is None:
                break
            content_start, content_end = _trimmed(text, open_at + len(open_mark), close, rules.inner_spaces)
            if content_end > content_start:
                closed.append(QuotedSegment(content_start, content_end, open_at, close, close_len=len(open_mark)))
            rest, open_at, open_mark = _scan_paragraph(text, close + len(open_mark), end, rules)
            closed.extend(rest)
        carried = open_mark if open_at is not None else None
        segments.extend(closed)
        if open_at is None:
            continue
        content_start, content_end = _trimmed(text, open_at + len(open_mark), end, rules.inner_spaces)
        if content_end <= content_start:
            continue
        segments.append(QuotedSegment(content_start, content_end, open_at, None, continues=reopens))
    return segments
