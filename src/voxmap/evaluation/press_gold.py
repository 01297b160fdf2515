"""Gold on real news kept outside the project (docs/gold-format.md, "Gold by reference").

The gold file names each article by reference (a corpus under the shared data folder and the
article's id) with the sha1 of its text, and gives quote spans as offsets into that text as stored
there: no news text is copied into the project. The articles are read as a user reads them (the
corpus's JSONL through voxmap's reader, glued sentences repaired) and the offsets follow the repairs.

Scored: quotes (F1 on speech: predicted beliefs and evidence are not speech and are left out),
speakers of the matched quotes, and the *voice* each matched quote counts for once the articles
are ingested into a store (the gold lists the voices it accepts; none for a quote that should count
for no voice: a news medium cited, a speaker the text does not give).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from ..corpus.ingest import ingest
from ..corpus.names import normalize
from ..errors import GoldFormatError
from ..readers import parse_jsonl
from ..records import Analysis, Article, Quote, Span, Speaker
from .gold import GoldArticle, GoldQuote
from .run import analyses_in_order
from .scoring import match_quotes, score

# What a corpus reference names: its JSONL file under the shared data folder.
CORPORA = {"orangesum": "orangesum/articles.jsonl"}
SPEECH_LEFT_OUT = frozenset({"belief", "evidence"})


@dataclass(frozen=True, slots=True)
class PressGold:
    line: str  # the corpus's JSONL line, read as a user's file would be
    article: Article  # as voxmap's reader gives it
    gold: GoldArticle  # spans moved onto the article's (repaired) text
    voices: list[tuple[str, ...]]  # per gold quote, the voices it may count for (none: no voice)


def _moved(offset: int, inserted: list[int]) -> int:
    """An offset into the text as stored in the corpus, moved onto the repaired text: every
    character the reader put in before it shifts it by one."""
    for position in inserted:
        if position <= offset:
            offset += 1
    return offset


def read_press_gold(path: Path, data_root: Path) -> list[PressGold]:
    records = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted: dict[str, set[str]] = {}
    for record in records:
        wanted.setdefault(record["ref"]["corpus"], set()).add(record["ref"]["id"])
    lines: dict[tuple[str, str], str] = {}
    for corpus, ids in wanted.items():
        if corpus not in CORPORA:
            raise GoldFormatError(f"{path}: unknown corpus {corpus!r}")
        source = Path(data_root) / CORPORA[corpus]
        if not source.is_file():
            raise GoldFormatError(f"{path}: the corpus {corpus!r} is not at {source}")
        for line in source.read_text(encoding="utf-8").splitlines():
            key = json.loads(line).get("id")
            if key in ids:
                lines[(corpus, key)] = line
    golds = []
    for number, record in enumerate(records, start=1):
        ref = (record["ref"]["corpus"], record["ref"]["id"])
        if ref not in lines:
            raise GoldFormatError(f"{path}:{number}: no article {ref[1]!r} in {ref[0]}")
        raw = json.loads(lines[ref])["text"]
        if hashlib.sha1(raw.encode("utf-8")).hexdigest() != record["sha1"]:
            raise GoldFormatError(f"{path}:{number}: the text of {ref[1]} is not the one annotated (sha1 differs)")
        (article,) = parse_jsonl(lines[ref], f"{ref[0]}.jsonl")
        quotes = [
            GoldQuote(
                [(_moved(s, article.repairs), _moved(e - 1, article.repairs) + 1) for s, e in quote["spans"]],
                [],
                quote.get("speaker"),
                quote.get("kind"),
            )
            for quote in record["quotes"]
        ]
        gold = GoldArticle(article.id, article.text, quotes, article.language, article.published, article.source)
        golds.append(PressGold(lines[ref], article, gold, [tuple(q.get("voice") or ()) for q in record["quotes"]]))
    return golds


def _speech(analysis: Analysis) -> Analysis:
    return replace(analysis, quotes=[q for q in analysis.quotes if q.kind not in SPEECH_LEFT_OUT])


def _stored_quotes(db: Path) -> dict[str, list[tuple[Quote, str | None]]]:
    """Each article's quotes as stored, with the voice each counts for."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    by_article: dict[str, list[tuple[Quote, str | None]]] = {}
    for row in conn.execute(
        "SELECT q.id, q.article_id, q.kind, v.voice FROM quotes q LEFT JOIN voices v ON v.quote_id = q.id"
    ):
        spans = [
            Span(s["start"], s["end"], s["text"])
            for s in conn.execute(
                "SELECT start, end, text FROM quote_spans WHERE quote_id = ? ORDER BY start", (row["id"],)
            )
        ]
        quote = Quote(str(row["id"]), row["kind"], spans, None, Speaker(None, "unknown"), 0.0)
        if row["kind"] not in SPEECH_LEFT_OUT:
            by_article.setdefault(row["article_id"], []).append((quote, row["voice"]))
    conn.close()
    return by_article


def _voice_right(voice: str | None, accepted: tuple[str, ...]) -> bool:
    if not accepted:
        return voice is None
    return voice is not None and normalize(voice) in {normalize(v) for v in accepted}


def evaluate_press_gold(path: Path, data_root: Path) -> dict:
    golds = read_press_gold(path, data_root)
    analyses, failed = analyses_in_order([g.article for g in golds], language="fr")
    result = score((g.gold, _speech(a)) for g, a in zip(golds, analyses)).to_dict()
    result["failed"] = failed
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "articles.jsonl"
        corpus.write_text("\n".join(g.line for g in golds) + "\n", encoding="utf-8")
        db = Path(folder) / "press.db"
        ingest([corpus], db, language="fr")
        stored = _stored_quotes(db)
    matched = right = 0
    for gold in golds:
        quotes = stored.get(gold.article.id, [])
        voice_of = {id(q): voice for q, voice in quotes}
        accepted = {id(q): v for q, v in zip(gold.gold.quotes, gold.voices)}
        for gold_quote, quote, _ in match_quotes(gold.gold.text, gold.gold.quotes, [q for q, _ in quotes]):
            matched += 1
            right += _voice_right(voice_of[id(quote)], accepted[id(gold_quote)])
    result["voices"] = {"matched": matched, "right": right, "accuracy": round(right / matched, 4) if matched else 0.0}
    result["articles"] = len(golds)
    result["suite"] = Path(path).stem
    return result
