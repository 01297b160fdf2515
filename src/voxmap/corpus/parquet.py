"""Analyses as flat tables, and a Parquet dataset of them: one folder per table, part files.

    DIR/articles/part-00000.parquet   one row per article (its text included: offsets point into it)
    DIR/inputs/…    one row per input: ok, skipped or failed, with the reason and the encoding read
    DIR/quotes/…    one row per quote: spans (list of start/end/text), cue, speaker, tone, how
    DIR/actors/…    one row per actor of an article: mentions and roles (with their evidence)
    DIR/relations/… DIR/figures/… DIR/dates/… DIR/events/…   as in the JSON contract, offsets kept
    DIR/_parts/part-00000.done        written last: the part is complete

Every row carries `article_id`; ids such as `q3` or `a1` are local to their article, as in the
contract. Dask workers return these tables (`flatten`), the client writes them as parts or rebuilds
the analyses from them (`rebuild`) to store them, and `read_dataset` rebuilds them from disk
(`voxmap ingest --from-parquet`). The types are fixed (`SCHEMAS`), whatever the data.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..readers import Skip
from ..records import Actor, Analysis, Article, DateMention, Event, Figure, Quote, Relation, Role, Span, Speaker

_SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
_ROLE = pa.struct(
    [
        ("title", pa.string()),
        ("organization", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("text", pa.string()),
        ("former", pa.bool_()),
        ("institution", pa.string()),
    ]
)
STR, INT, FLOAT, BOOL = pa.string(), pa.int64(), pa.float64(), pa.bool_()
SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("article_id", STR),
            ("key", STR),
            ("origin", STR),
            ("title", STR),
            ("language", STR),
            ("published", STR),
            ("source", STR),
            ("url", STR),
            ("story", STR),
            ("encoding", STR),
            ("text", STR),
        ]
    ),
    "inputs": pa.schema([("key", STR), ("article_id", STR), ("status", STR), ("reason", STR), ("encoding", STR)]),
    "quotes": pa.schema(
        [
            ("article_id", STR),
            ("quote_id", STR),
            ("kind", STR),
            ("text", STR),
            ("spans", pa.list_(_SPAN)),
            ("cue_start", INT),
            ("cue_end", INT),
            ("cue_text", STR),
            ("speaker_name", STR),
            ("speaker_type", STR),
            ("speaker_actor", STR),
            ("mention_start", INT),
            ("mention_end", INT),
            ("mention_text", STR),
            ("confidence", FLOAT),
            ("tone_score", FLOAT),
            ("tone_intensity", FLOAT),
            ("tone_method", STR),
            ("how", STR),
        ]
    ),
    "actors": pa.schema(
        [
            ("article_id", STR),
            ("actor_id", STR),
            ("name", STR),
            ("type", STR),
            ("gender", STR),
            ("plural", BOOL),
            ("place", BOOL),
            ("mentions", pa.list_(_SPAN)),
            ("roles", pa.list_(_ROLE)),
        ]
    ),
    "relations": pa.schema(
        [
            ("article_id", STR),
            ("subject", STR),
            ("predicate", STR),
            ("object", STR),
            ("start", INT),
            ("end", INT),
            ("text", STR),
            ("confidence", FLOAT),
            ("title", STR),
            ("former", BOOL),
            ("label", STR),
            ("date", STR),
        ]
    ),
    "figures": pa.schema(
        [
            ("article_id", STR),
            ("start", INT),
            ("end", INT),
            ("text", STR),
            ("value", FLOAT),
            ("unit", STR),
            ("counts", STR),
            ("qualifier", STR),
            ("attributed_to", STR),
        ]
    ),
    "dates": pa.schema(
        [
            ("article_id", STR),
            ("start", INT),
            ("end", INT),
            ("text", STR),
            ("value", STR),
            ("granularity", STR),
            ("last_day", STR),
        ]
    ),
    "events": pa.schema(
        [
            ("article_id", STR),
            ("what", STR),
            ("when", STR),
            ("date_text", STR),
            ("who", pa.list_(STR)),
            ("start", INT),
            ("end", INT),
            ("text", STR),
        ]
    ),
}
TABLES = tuple(SCHEMAS)
Tables = dict[str, list[dict]]


def _span(span: Span | None) -> dict | None:
    return {"start": span.start, "end": span.end, "text": span.text} if span else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def flatten(results: Iterable[Analysis | Skip]) -> Tables:
    """Rows of every table for these analyses and skips (what a worker sends back)."""
    tables: Tables = {name: [] for name in TABLES}
    for result in results:
        if isinstance(result, Skip):
            tables["inputs"].append(
                {
                    "key": result.origin,
                    "article_id": None,
                    "status": result.status,
                    "reason": result.reason,
                    "encoding": None,
                }
            )
            continue
        article, aid = result.article, result.article.id
        tables["articles"].append(
            {
                "article_id": aid,
                "key": article.key,
                "origin": article.origin,
                "title": article.title,
                "language": article.language,
                "published": article.published,
                "source": article.source,
                "url": article.url,
                "story": article.story,
                "encoding": article.encoding,
                "text": article.text,
            }
        )
        tables["inputs"].append(
            {
                "key": article.origin or article.key,
                "article_id": aid,
                "status": "ok",
                "reason": None,
                "encoding": article.encoding,
            }
        )
        for quote in result.quotes:
            speaker, tone, cue, mention = quote.speaker, quote.tone or {}, quote.cue, quote.speaker.mention
            tables["quotes"].append(
                {
                    "article_id": aid,
                    "quote_id": quote.id,
                    "kind": quote.kind,
                    "text": quote.text,
                    "spans": [_span(s) for s in quote.spans],
                    "cue_start": cue.start if cue else None,
                    "cue_end": cue.end if cue else None,
                    "cue_text": cue.text if cue else None,
                    "speaker_name": speaker.name,
                    "speaker_type": speaker.type,
                    "speaker_actor": speaker.actor,
                    "mention_start": mention.start if mention else None,
                    "mention_end": mention.end if mention else None,
                    "mention_text": mention.text if mention else None,
                    "confidence": quote.confidence,
                    "tone_score": tone.get("score"),
                    "tone_intensity": tone.get("intensity"),
                    "tone_method": tone.get("method"),
                    "how": quote.how,
                }
            )
        for actor in result.actors:
            tables["actors"].append(
                {
                    "article_id": aid,
                    "actor_id": actor.id,
                    "name": actor.name,
                    "type": actor.type,
                    "gender": actor.gender,
                    "plural": actor.plural,
                    "place": actor.place,
                    "mentions": [_span(m) for m in actor.mentions],
                    "roles": [
                        {
                            "title": r.title,
                            "organization": r.organization,
                            **_span(r.evidence),
                            "former": r.former,
                            "institution": r.institution,
                        }
                        for r in actor.roles
                    ],
                }
            )
        tables["relations"] += [
            {
                "article_id": aid,
                "subject": r.subject,
                "predicate": r.predicate,
                "object": r.object,
                **_span(r.evidence),
                "confidence": r.confidence,
                "title": r.title,
                "former": r.former,
                "label": r.label,
                "date": r.date,
            }
            for r in result.relations
        ]
        tables["figures"] += [
            {
                "article_id": aid,
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "value": f.value,
                "unit": f.unit,
                "counts": f.counts,
                "qualifier": f.qualifier,
                "attributed_to": f.attributed_to,
            }
            for f in result.figures
        ]
        tables["dates"] += [
            {
                "article_id": aid,
                "start": d.start,
                "end": d.end,
                "text": d.text,
                "value": _iso(d.value),
                "granularity": d.granularity,
                "last_day": _iso(d.last_day),
            }
            for d in result.dates
        ]
        tables["events"] += [
            {
                "article_id": aid,
                "what": e.what,
                "when": e.when,
                "date_text": e.date_text,
                "who": list(e.who),
                **_span(e.evidence),
            }
            for e in result.events
        ]
    return tables


def _of(row: dict, prefix: str = "") -> Span:
    return Span(row[f"{prefix}start"], row[f"{prefix}end"], row[f"{prefix}text"])


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def rebuild(tables: Tables) -> Iterator[Analysis | Skip]:
    """The analyses and skips these rows describe, articles in their order (inverse of `flatten`)."""
    by_article: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for name in TABLES:
        if name not in ("articles", "inputs"):
            for row in tables.get(name, []):
                by_article[row["article_id"]][name].append(row)
    for row in tables.get("inputs", []):
        if row["status"] != "ok":
            yield Skip(row["key"], row["reason"] or "", status=row["status"])
    for row in tables.get("articles", []):
        rows = by_article[row["article_id"]]
        article = Article(
            text=row["text"],
            id=row["article_id"],
            title=row["title"],
            language=row["language"],
            published=row["published"],
            source=row["source"],
            url=row["url"],
            story=row["story"],
            origin=row["origin"],
            key=row["key"],
            encoding=row["encoding"],
        )
        quotes = [
            Quote(
                q["quote_id"],
                q["kind"],
                [_of(s) for s in q["spans"]],
                _of(q, "cue_") if q["cue_start"] is not None else None,
                Speaker(
                    q["speaker_name"],
                    q["speaker_type"],
                    q["speaker_actor"],
                    _of(q, "mention_") if q["mention_start"] is not None else None,
                ),
                q["confidence"],
                _tone(q),
                q["how"] or "",
            )
            for q in rows["quotes"]
        ]
        actors = [
            Actor(
                a["actor_id"],
                a["name"],
                a["type"],
                [Role(r["title"], r["organization"], _of(r), bool(r["former"]), r["institution"]) for r in a["roles"]],
                [_of(m) for m in a["mentions"]],
                gender=a["gender"],
                plural=a["plural"],
                place=a["place"],
            )
            for a in rows["actors"]
        ]
        yield Analysis(
            article=article,
            quotes=quotes,
            actors=actors,
            relations=[
                Relation(
                    r["subject"],
                    r["predicate"],
                    r["object"],
                    _of(r),
                    r["confidence"],
                    title=r["title"],
                    former=r["former"],
                    label=r["label"],
                    date=r["date"],
                )
                for r in rows["relations"]
            ],
            figures=[
                Figure(
                    f["start"],
                    f["end"],
                    f["text"],
                    f["value"],
                    f["unit"],
                    f["counts"],
                    f["qualifier"],
                    f["attributed_to"],
                )
                for f in rows["figures"]
            ],
            dates=[
                DateMention(d["start"], d["end"], d["text"], _day(d["value"]), d["granularity"], _day(d["last_day"]))
                for d in rows["dates"]
            ],
            events=[Event(e["what"], e["when"], e["date_text"], list(e["who"]), _of(e)) for e in rows["events"]],
        )


def _tone(row: dict) -> dict | None:
    if row["tone_method"] is None and row["tone_score"] is None:
        return None
    return {"score": row["tone_score"], "intensity": row["tone_intensity"], "method": row["tone_method"]}


# --- the dataset on disk ---------------------------------------------------------------------------


def part_name(number: int) -> str:
    return f"part-{number:05}"


def part_done(folder: Path, number: int) -> bool:
    return (folder / "_parts" / f"{part_name(number)}.done").is_file()


def write_part(folder: Path, number: int, tables: Tables) -> None:
    """Every table's part file, then the marker that says the part is whole (a part cut short by a
    crash has no marker and is written again by the next run)."""
    for name in TABLES:
        (folder / name).mkdir(parents=True, exist_ok=True)
        target = folder / name / f"{part_name(number)}.parquet"
        temporary = target.with_suffix(".parquet.tmp")
        pq.write_table(pa.Table.from_pylist(tables.get(name, []), schema=SCHEMAS[name]), temporary)
        temporary.replace(target)
    (folder / "_parts").mkdir(exist_ok=True)
    (folder / "_parts" / f"{part_name(number)}.done").write_text(
        json.dumps({name: len(tables.get(name, [])) for name in TABLES}), encoding="utf-8"
    )


def read_dataset(folder: str | Path) -> Iterator[Analysis | Skip]:
    """Every complete part's analyses and skips, part by part (memory: one part at a time)."""
    folder = Path(folder)
    for marker in sorted((folder / "_parts").glob("part-*.done")):
        name = marker.name.removesuffix(".done")
        tables = {table: pq.read_table(folder / table / f"{name}.parquet").to_pylist() for table in TABLES}
        yield from rebuild(tables)
