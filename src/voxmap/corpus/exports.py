"""Exports of a corpus: quotes with speakers and evidence (JSONL, CSV, Parquet), the actor network
(GEXF with time-stamped nodes and edges for Gephi, GraphML), FollowTheMoney entities for Aleph."""

from __future__ import annotations

import csv
import json
import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import VoxmapError
from .measures import Period, network

FORMATS = ("jsonl", "csv", "parquet", "gexf", "graphml", "ftm", "gold")
# What an export's count counts, per format.
COUNTED = {"jsonl": "quotes", "csv": "quotes", "parquet": "quotes", "gexf": "actors", "graphml": "actors",
           "ftm": "entities", "gold": "reviewed articles"}  # fmt: skip

# The quote table of every export, with its Parquet type: fixed, so that a column never changes type
# with the data (an all-null column, a story id that looks like a number).
QUOTE_SCHEMA = (
    ("quote_id", "int64"),
    ("article_id", "string"),
    ("title", "string"),
    ("source", "string"),
    ("published", "string"),
    ("url", "string"),
    ("language", "string"),
    ("story_id", "int64"),
    ("kind", "string"),
    ("text", "string"),
    ("start", "int64"),
    ("end", "int64"),
    ("cue", "string"),
    ("speaker", "string"),
    ("speaker_type", "string"),
    ("actor_id", "int64"),
    ("actor", "string"),
    ("voice", "string"),
    ("role", "string"),
    ("organization", "string"),
    ("speaker_gender", "string"),
    ("actor_wikidata", "string"),
    ("mention", "string"),
    ("mention_start", "int64"),
    ("mention_end", "int64"),
    ("confidence", "float64"),
    ("tone", "float64"),
    ("tone_method", "string"),
    ("evidence", "string"),
    ("reviewed", "string"),
)
QUOTE_COLUMNS = tuple(name for name, _ in QUOTE_SCHEMA)


class ExportError(VoxmapError):
    code = "V008"


# The speaker is still the machine's (no reviewer replaced it): its mention is then the evidence.
_MACHINE_SPEAKER = "(v.speaker_name IS q.speaker_name AND v.speaker_type = q.speaker_type)"


def quote_rows(conn: sqlite3.Connection, window: Period = Period()) -> Iterator[dict]:
    """One row per quote as reviewed: content, speaker, corpus actor, voice and the sentence-level
    evidence. Rejected quotes are left out; corrected kinds and speakers replace the machine's
    (`reviewed` says which rows a person accepted or corrected)."""
    where, values = window.where("a")
    for row in conn.execute(
        "SELECT q.id AS quote_id, q.article_id, a.title, a.source, a.published, a.url, a.language, a.story_id, "
        "v.kind, q.text, q.start, (SELECT max(end) FROM quote_spans WHERE quote_id = q.id) AS end, "
        "q.cue_text AS cue, v.speaker_name AS speaker, v.speaker_type, v.actor_id, ac.name AS actor, v.voice, "
        f"CASE WHEN {_MACHINE_SPEAKER} THEN (SELECT r.title FROM roles r WHERE r.article_id = q.article_id "
        "AND r.local_actor = q.local_actor AND NOT r.former ORDER BY r.start LIMIT 1) END AS role, "
        "v.organization, ac.gender AS speaker_gender, "
        "CASE WHEN ac.knowledge_id GLOB 'Q[0-9]*' THEN ac.knowledge_id END AS actor_wikidata, "
        f"CASE WHEN {_MACHINE_SPEAKER} THEN q.mention_text END AS mention, "
        f"CASE WHEN {_MACHINE_SPEAKER} THEN q.mention_start END AS mention_start, "
        f"CASE WHEN {_MACHINE_SPEAKER} THEN q.mention_end END AS mention_end, q.confidence, q.tone_score AS tone, "
        "q.tone_method, "
        "substr(a.text, max(1, min(q.start, coalesce(q.mention_start, q.start)) + 1), "
        "  max((SELECT max(end) FROM quote_spans WHERE quote_id = q.id), coalesce(q.mention_end, 0)) "
        "  - min(q.start, coalesce(q.mention_start, q.start))) AS evidence, v.reviewed "
        "FROM quotes q JOIN articles a ON a.id = q.article_id JOIN voices v ON v.quote_id = q.id "
        "LEFT JOIN actors ac ON ac.id = v.actor_id "
        f"WHERE {where} ORDER BY a.published, a.key, q.start",
        values,
    ):
        yield dict(row)


def _graph(conn: sqlite3.Connection, window: Period, dynamic: bool, top_edges: int | None = None, min_weight: int = 1):
    import networkx as nx

    data = network(conn, window, limit=10_000, top_edges=top_edges, min_weight=min_weight)
    # Relations have a direction ("pressures"), co-quotation has none: each edge says which it is.
    graph = nx.MultiDiGraph(mode="dynamic" if dynamic else "static")
    for node in data["nodes"]:
        attributes = {
            "label": node["name"],
            "type": node["type"],
            "organization": node["organization"] or "",
            "quotes": node["quotes"],
        }
        if dynamic and node["first_seen"]:
            attributes["start"] = node["first_seen"][:10]
        graph.add_node(node["id"], **attributes)
    for edge in data["co_quotation"]:
        attributes = {
            "kind": "co_quotation",
            "weight": edge["weight"],
            "stories": edge["stories"],
            "articles": edge["articles"],
            "type": "undirected",
        }
        if dynamic and edge["first_seen"]:
            attributes["start"] = edge["first_seen"][:10]
        graph.add_edge(edge["source"], edge["target"], **attributes)
    names = {row[0]: row[1] for row in conn.execute("SELECT id, name FROM actors")}
    for edge in data["relations"]:
        for end in (edge["source"], edge["target"]):
            if end not in graph:
                graph.add_node(end, label=names.get(end, str(end)), type="", organization="", quotes=0)
        attributes = {
            "kind": edge["predicate"],
            "weight": edge["count"],
            "evidence": edge["evidence"][:500],
            "type": "directed",
        }
        if dynamic and edge["first_seen"]:
            attributes["start"] = edge["first_seen"][:10]
        graph.add_edge(edge["source"], edge["target"], **attributes)
    return graph


def _ftm_entities(conn: sqlite3.Connection, window: Period) -> Iterator[dict]:
    try:
        from followthemoney import model
        from followthemoney.util import make_entity_id
    except ImportError as error:
        raise ExportError(
            "the FollowTheMoney export needs the optional `followthemoney` package.",
            "Install it with `pip install 'voxmap[ftm]'` (it needs libicu-dev and a compiler).",
        ) from error
    where, values = window.where("a")
    for row in conn.execute(f"SELECT id, title, source, published, url FROM articles a WHERE {where}", values):
        article = model.make_entity("Article")
        article.make_id("voxmap-article", row["id"])
        article.add("title", row["title"] or row["id"])
        article.add("publisher", row["source"])
        article.add("publishedAt", (row["published"] or "")[:10] or None)
        article.add("sourceUrl", row["url"])
        yield article.to_dict()
    schemas = {"person": "Person", "organization": "Organization", "group": "Organization"}
    for row in conn.execute(
        "SELECT id, name, type, knowledge_id FROM actors WHERE type IN ('person', 'organization', 'group')"
    ):
        entity = model.make_entity(schemas[row["type"]])
        entity.make_id("voxmap-actor", str(row["id"]))
        entity.add("name", row["name"])
        if row["knowledge_id"] and row["knowledge_id"][:1] == "Q":
            entity.add("wikidataId", row["knowledge_id"])
        yield entity.to_dict()
    for row in conn.execute(
        "SELECT r.article_id, s.actor_id AS member, o.actor_id AS organization, r.title, r.text, r.predicate "
        "FROM relations r JOIN article_actors s ON s.article_id = r.article_id AND s.local_id = r.subject_local "
        "JOIN article_actors o ON o.article_id = r.article_id AND o.local_id = r.object_local "
        "JOIN actors oa ON oa.id = o.actor_id "
        "WHERE r.predicate IN ('member_of', 'leads', 'role_at') AND oa.type IN ('organization', 'group')"
    ):
        membership = model.make_entity("Membership")
        membership.make_id("voxmap-membership", row["article_id"], str(row["member"]), str(row["organization"]))
        membership.add("member", make_entity_id("voxmap-actor", str(row["member"])))
        membership.add("organization", make_entity_id("voxmap-actor", str(row["organization"])))
        membership.add("role", row["title"] or row["predicate"])
        membership.add("summary", row["text"])
        membership.add("proof", make_entity_id("voxmap-article", row["article_id"]))
        yield membership.to_dict()


def export(
    conn: sqlite3.Connection,
    fmt: str,
    output: str | Path,
    window: Period = Period(),
    *,
    top_edges: int | None = None,
    min_weight: int = 1,
    excel: bool = False,
) -> int:
    """Write the corpus in `fmt` to `output` ("-": standard output); return how many records (quotes,
    actors of a graph, entities or reviewed articles). `excel` writes CSV with a byte-order mark, which
    Excel needs to read accents. The file is written whole or not at all: a
    failed export leaves no partial file, and an existing one untouched."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}", f"Choose one of {', '.join(FORMATS)}.")
    to_stdout = str(output) == "-"
    folder = Path(tempfile.gettempdir()) if to_stdout else Path(output).resolve().parent
    if not folder.is_dir():
        raise ExportError(f"no folder {folder} to write {output} in", "Create it first, or give another -o.")
    handle, temporary = tempfile.mkstemp(prefix=".voxmap-export-", dir=folder)
    os.close(handle)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary, 0o666 & ~umask)  # mkstemp's file is private; an export is an ordinary file
    try:
        count = _write(conn, fmt, Path(temporary), window, top_edges, min_weight, excel)
        if to_stdout:
            with open(temporary, "rb") as written:
                shutil.copyfileobj(written, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            os.replace(temporary, output)
        return count
    except BrokenPipeError:
        raise  # the reader went away ("| head"): the command line ends quietly, as Unix tools do
    except OSError as error:
        raise ExportError(f"cannot write {output}: {error.strerror or error}") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _write(
    conn: sqlite3.Connection,
    fmt: str,
    output: Path,
    window: Period,
    top_edges: int | None = None,
    min_weight: int = 1,
    excel: bool = False,
) -> int:
    if fmt in ("jsonl", "csv", "parquet"):
        rows = quote_rows(conn, window)
        if fmt == "jsonl":
            return _write_jsonl(output, rows)
        if fmt == "csv":
            with output.open("w", encoding="utf-8-sig" if excel else "utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=QUOTE_COLUMNS)
                writer.writeheader()
                return _count(writer.writerow(row) for row in rows)
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in QUOTE_SCHEMA])
        table = pa.Table.from_pylist(list(rows), schema=schema)
        pq.write_table(table, output)
        return table.num_rows
    if fmt in ("gexf", "graphml"):
        import networkx as nx

        graph = _graph(conn, window, fmt == "gexf", top_edges, min_weight)
        if fmt == "graphml":  # GraphML keeps one direction for the whole graph: the relations'
            for _, _, data in graph.edges(data=True):
                data.pop("type", None)
        if fmt == "gexf":
            _write_gexf(graph, output)
        else:
            nx.write_graphml(graph, output)
        return graph.number_of_nodes()
    if fmt == "gold":  # the reviewed articles, for `voxmap eval gold` (the window does not apply)
        from .review import reviewed_gold

        records = reviewed_gold(conn)
    else:
        records = _ftm_entities(conn, window)
    return _write_jsonl(output, records)


def _write_gexf(graph, output: Path) -> None:
    """GEXF without networkx's internal `networkx_key` edge attribute (a multigraph's edge key, which
    means nothing to a Gephi user)."""
    from xml.etree.ElementTree import ElementTree

    from networkx.readwrite.gexf import GEXFWriter

    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph(graph)
    leaked = set()
    for attributes in writer.xml.iter("attributes"):
        for attribute in list(attributes):
            if attribute.get("title") == "networkx_key":
                leaked.add(attribute.get("id"))
                attributes.remove(attribute)
    for values in writer.xml.iter("attvalues"):
        for value in list(values):
            if value.get("for") in leaked:
                values.remove(value)
    ElementTree(writer.xml).write(output, encoding="utf-8", xml_declaration=True)


def _write_jsonl(output: Path, records) -> int:
    """One JSON object a line; how many were written."""
    with output.open("w", encoding="utf-8") as handle:
        return _count(handle.write(json.dumps(record, ensure_ascii=False) + "\n") for record in records)


def _count(writes) -> int:
    """Run the writes; how many there were."""
    return sum(1 for _ in writes)
