"""Exports: a fixed Parquet schema, undirected co-quotation in GEXF, the tone method named, standard
output, and files written whole or not at all. Hand-built corpora, no model."""

import json

import pytest
from helpers import analysis_of, build_corpus

from voxmap.corpus import exports
from voxmap.corpus.exports import QUOTE_SCHEMA, ExportError, export
from voxmap.corpus.store import connect

TEXT = "“Strike,” said X. “No,” said Y. “Maybe,” said Z."
SPANS = [(1, 7), (19, 21), (32, 37)]


@pytest.fixture
def conn(tmp_path):
    connection = connect(tmp_path / "exports.db")
    build_corpus(
        connection,
        [
            analysis_of(
                TEXT,
                SPANS[:2],
                id="early",
                published="2024-03-01T08:00:00",
                story="s1",
                speakers={1: ("Rempart", "organization"), 2: ("Interior Ministry", "organization")},
            ),
            analysis_of(
                TEXT,
                SPANS[:1],
                id="late",
                published="2024-03-02T08:00:00",
                story="s1",
                speakers={1: ("Interior Ministry", "organization")},
            ),
        ],
    )
    yield connection
    connection.close()


@pytest.mark.parametrize("articles", ["all", "none"])
def test_parquet_types_do_not_depend_on_the_data(conn, tmp_path, articles):
    import pyarrow.parquet as pq

    window = exports.Period(since="2030-01-01") if articles == "none" else exports.Period()
    export(conn, "parquet", tmp_path / "q.parquet", window)
    schema = pq.read_schema(tmp_path / "q.parquet")
    assert [(field.name, str(field.type).replace("double", "float64")) for field in schema] == list(QUOTE_SCHEMA)


def test_rows_name_the_tone_method(conn, tmp_path):
    export(conn, "jsonl", tmp_path / "q.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "q.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows and all("tone_method" in row for row in rows)


def test_gexf_co_quotation_is_undirected_and_relations_directed(conn, tmp_path):
    import xml.etree.ElementTree as ET

    export(conn, "gexf", tmp_path / "g.gexf")
    edges = [e for e in ET.parse(tmp_path / "g.gexf").iter() if e.tag.endswith("}edge")]
    assert edges and all(edge.get("type") == "undirected" for edge in edges)  # only co-quotation here


def test_standard_output(conn, capsysbinary):
    count = export(conn, "jsonl", "-")
    lines = capsysbinary.readouterr().out.decode("utf-8").splitlines()
    assert count == len(lines) == 3 and json.loads(lines[0])["text"]


def test_a_missing_folder_is_named(conn, tmp_path):
    with pytest.raises(ExportError, match="no folder"):
        export(conn, "csv", tmp_path / "nowhere" / "q.csv")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_a_failed_export_leaves_no_partial_file(conn, tmp_path, monkeypatch, fmt):
    target = tmp_path / f"q.{fmt}"
    target.write_text("the previous export", encoding="utf-8")

    def breaks_midway(*args):
        yield from list(original(*args))[:1]
        raise RuntimeError("disk gone")

    original = exports.quote_rows
    monkeypatch.setattr(exports, "quote_rows", breaks_midway)
    with pytest.raises(RuntimeError):
        export(conn, fmt, target)
    assert target.read_text(encoding="utf-8") == "the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports.db", "exports.db-shm", "exports.db-wal", target.name]


def _edge(a, b, weight):
    return {"source": a, "target": b, "weight": weight}


@pytest.mark.parametrize(
    "top, min_weight, kept",
    [
        (None, 1, {(1, 2), (1, 3), (1, 4), (2, 3), (3, 4)}),  # everything
        (None, 3, {(1, 2), (1, 3)}),  # weak edges dropped
        (1, 1, {(1, 2), (1, 3), (1, 4)}),  # 1 and 2 keep 1-2, 3 keeps 1-3, 4 keeps 1-4 (tied with 3-4: the lower id)
        (1, 3, {(1, 2), (1, 3)}),
    ],
)
def test_strongest_edges_per_actor(top, min_weight, kept):
    from voxmap.corpus.measures import strongest

    edges = [_edge(1, 2, 5), _edge(1, 3, 4), _edge(1, 4, 1), _edge(2, 3, 2), _edge(3, 4, 1)]
    assert {(e["source"], e["target"]) for e in strongest(edges, top, min_weight)} == kept


@pytest.mark.parametrize("excel, bom", [(False, False), (True, True)])
def test_csv_has_a_byte_order_mark_only_for_excel(conn, tmp_path, excel, bom):
    export(conn, "csv", tmp_path / "q.csv", excel=excel)
    raw = (tmp_path / "q.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") is bom
    header = raw.decode("utf-8-sig").splitlines()[0].split(",")
    assert header[0] == "quote_id" and {"role", "organization", "speaker_gender", "actor_wikidata"} <= set(header)


def test_gexf_keeps_no_internal_networkx_attribute(conn, tmp_path):
    from xml.etree import ElementTree

    count = export(conn, "gexf", tmp_path / "g.gexf")
    text = (tmp_path / "g.gexf").read_text(encoding="utf-8")
    assert "networkx_key" not in text
    tags = [element.tag.rsplit("}", 1)[-1] for element in ElementTree.fromstring(text).iter()]
    assert count == tags.count("node") == 2  # the count is of actors, not nodes plus edges
    assert (
        tags.count("edge") == 1 and tags.count("attvalue") == 2 * 3 + 3
    )  # type, organisation, quotes; kind, stories, articles
