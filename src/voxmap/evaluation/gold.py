"""Gold attributions: PolNeAR's brat standoff files and voxmap's own JSONL gold format.

Both become `GoldArticle`s, scored the same way (see docs/gold-format.md).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GoldFormatError

QUOTE_MARKS = '“”"«»„‘’‹›'


@dataclass(slots=True)
class GoldQuote:
    spans: list[tuple[int, int]]
    source_spans: list[tuple[int, int]] = field(default_factory=list)
    speaker: str | None = None  # the speaker's name, when the gold gives it
    kind: str | None = None  # direct | indirect | mixed | partial, when the gold gives it


@dataclass(slots=True)
class GoldArticle:
    id: str
    text: str
    quotes: list[GoldQuote]
    language: str | None = None
    published: str | None = None
    source: str | None = None


def is_direct(text: str, spans: list[tuple[int, int]]) -> bool:
    """A gold quote is direct when its content stands wholly inside quotation marks."""
    start, end = spans[0][0], spans[-1][1]
    inner = text[start:end].strip()
    before = text[max(0, start - 2) : start].strip()
    after = text[end : end + 2].strip()
    # an annotator's edge may fall inside wire copy's '' ("'Perhaps they can help…,''")
    opens = _mark(inner[:2], first=True) or _mark(before[-2:], first=False) or text[start - 1 : start + 1] == "''"
    closes = (
        _mark(inner[-2:], first=False)
        or _mark(after[:2], first=True)
        or _mark(inner[-2:-1], first=False)
        or text[end - 1 : end + 1] == "''"
    )
    return opens and closes


def _mark(pair: str, first: bool) -> bool:
    """A quotation mark at one end of `pair`: one of QUOTE_MARKS, or two apostrophes (the ASCII ''
    of wire copy, as in PolNeAR's New York Times articles)."""
    end = pair[:1] if first else pair[-1:]
    return pair == "''" or (bool(end) and end in QUOTE_MARKS)


def _brat_spans(field_text: str) -> list[tuple[int, int]]:
    spans = []
    for part in field_text.split(";"):
        start, end = part.split()
        spans.append((int(start), int(end)))
    return spans


def read_brat(ann: Path, text: str) -> list[GoldQuote]:
    """Attributions of one brat file: `T` lines are spans, `E` lines tie Source, Cue and Content."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = (label, _brat_spans(offsets))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    quotes = []
    for event in events:
        content = [
            s for role, ref in event.items() if role.startswith("Content") and ref in spans for s in spans[ref][1]
        ]
        if not content:
            continue
        source = [s for role, ref in event.items() if role.startswith("Source") and ref in spans for s in spans[ref][1]]
        content.sort()
        gold = GoldQuote(content, sorted(source))
        gold.kind = "direct" if is_direct(text, content) else None
        quotes.append(gold)
    return quotes


def read_polnear(data: Path, split: str) -> Iterator[GoldArticle]:
    """PolNeAR articles of a split, one annotator's file per article (the first by name)."""
    folder = data / split
    if not (folder / "text").is_dir():
        raise GoldFormatError(f"no PolNeAR split at {folder} (expected text/ and attributions/ under it).")
    metadata: dict[str, dict[str, str]] = {}
    if (data / "metadata.tsv").exists():
        with (data / "metadata.tsv").open(encoding="utf-8") as handle:
            metadata = {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}
    annotations = sorted((folder / "attributions").glob("*.ann"))
    for text_file in sorted((folder / "text").glob("*.txt")):
        name = text_file.stem
        ann = next((a for a in annotations if a.stem.rsplit("_", 1)[0] == name), None)
        if ann is None:
            continue
        text = text_file.read_text(encoding="utf-8")
        row = metadata.get(name, {})
        yield GoldArticle(name, text, read_brat(ann, text), "en", row.get("publication_date"), row.get("publisher"))


def read_gold_jsonl(path: Path) -> Iterator[GoldArticle]:
    """voxmap's gold format: one article per line, quotes with character spans (docs/gold-format.md)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
            quotes = []
            for quote in record.get("quotes", []):
                spans = [tuple(s) for s in quote["spans"]]
                for start, end in spans:
                    if not 0 <= start < end <= len(text):
                        raise ValueError(f"span {start}:{end} outside the text")
                quotes.append(
                    GoldQuote(
                        [(int(s), int(e)) for s, e in spans],
                        [(int(s), int(e)) for s, e in quote.get("speaker_spans", [])],
                        quote.get("speaker"),
                        quote.get("kind"),
                    )
                )
            yield GoldArticle(
                str(record.get("id", number)),
                text,
                quotes,
                record.get("language"),
                record.get("published"),
                record.get("source"),
            )
        except (KeyError, ValueError, TypeError, json.JSONDecodeError) as error:
            raise GoldFormatError(f"{path}:{number}: {error}") from error
