"""Vega-Lite specifications of the dashboard's charts, built from page data. Templates embed them as
JSON data blocks; static/voxmap.js renders them (no inline script)."""

from __future__ import annotations

import json

from markupsafe import Markup

_WIDTH = "container"


def _embed(spec) -> Markup:
    """A spec as the text of a <script type="application/json"> block: every "<" escaped, so that no
    quoted "</script>" or "<!--" in an article can end the block or change how it is parsed."""
    return Markup(json.dumps(spec, ensure_ascii=False).replace("<", "\\u003c"))


def share_by(rows: list[dict], group_title: str) -> Markup:
    """Stacked horizontal bars: each group's quotes split by voice."""
    values = [
        {"group": str(r["group"]), "voice": r["voice"], "share": r["share_quotes"], "quotes": r["quotes"]} for r in rows
    ]
    return _embed(
        {
            "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
            "width": _WIDTH,
            "data": {"values": values},
            "mark": "bar",
            "encoding": {
                "y": {"field": "group", "type": "nominal", "title": group_title, "sort": None},
                "x": {
                    "field": "share",
                    "type": "quantitative",
                    "title": "share of quotes",
                    "axis": {"format": "%"},
                    "stack": "zero",
                },
                "color": {
                    "field": "voice",
                    "type": "nominal",
                    "title": "voice",
                    "legend": {"orient": "bottom", "columns": 3},
                },
                "tooltip": [
                    {"field": "group", "title": group_title},
                    {"field": "voice"},
                    {"field": "quotes"},
                    {"field": "share", "format": ".0%"},
                ],
            },
        }
    )


def actor_months(months: list[dict]) -> Markup:
    """Quotes per month (bars) and mean tone per scoring method (one line each: not comparable)."""
    values = [
        {"month": m["month"], "quotes": m["quotes"], "tone": m["mean_tone"], "method": m["tone_method"] or "none"}
        for m in months
        if m["month"]
    ]
    return _embed(
        {
            "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
            "width": _WIDTH,
            "height": 160,
            "data": {"values": values},
            "encoding": {"x": {"field": "month", "type": "ordinal", "title": "month"}},
            "layer": [
                {
                    "mark": {"type": "bar", "opacity": 0.5, "color": "#345995"},
                    "encoding": {
                        "y": {"aggregate": "sum", "field": "quotes", "type": "quantitative", "title": "quotes"}
                    },
                },
                {
                    "mark": {"type": "line", "point": True},
                    "transform": [{"filter": "datum.tone !== null"}],
                    "encoding": {
                        "y": {
                            "field": "tone",
                            "type": "quantitative",
                            "title": "mean tone",
                            "scale": {"domain": [-1, 1]},
                        },
                        "color": {
                            "field": "method",
                            "type": "nominal",
                            "title": "tone method",
                            "legend": {"orient": "bottom"},
                        },
                    },
                },
            ],
            "resolve": {"scale": {"y": "independent"}},
        }
    )


def story_voices(quotes: list[dict]) -> Markup:
    """Who spoke when in a story: one row per voice, one point per quote."""
    values = [
        {
            "when": q["published"],
            "voice": q["voice"] or "(speaker not found)",
            "actor": q["actor"] or "",
            "text": (q["text"] or "")[:120],
        }
        for q in quotes
        if q["published"]
    ]
    return _embed(
        {
            "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
            "width": _WIDTH,
            "data": {"values": values},
            "mark": {"type": "circle", "size": 80},
            "encoding": {
                "x": {"field": "when", "type": "temporal", "title": "published"},
                "y": {"field": "voice", "type": "nominal", "title": None, "sort": None},
                "color": {"field": "voice", "type": "nominal", "legend": None},
                "tooltip": [
                    {"field": "voice"},
                    {"field": "actor"},
                    {"field": "when", "type": "temporal"},
                    {"field": "text"},
                ],
            },
        }
    )


def network_elements(data: dict) -> Markup:
    """Cytoscape elements: actors sized by quotes, edges coloured by kind."""
    top = max((n["quotes"] for n in data["nodes"]), default=1) or 1
    elements = [
        {
            "data": {
                "id": f"a{n['id']}",
                "actor": n["id"],
                "label": n["name"],
                "type": n["type"],
                "quotes": n["quotes"],
                "size": 14 + 46 * (n["quotes"] / top) ** 0.5,
            }
        }
        for n in data["nodes"]
    ]
    elements += [
        {
            "data": {
                "id": e["id"],
                "source": f"a{e['source']}",
                "target": f"a{e['target']}",
                "kind": e["kind"],
                "weight": e["weight"],
                "pair": f"{e['source']}-{e['target']}",
            }
        }
        for e in data["edges"]
    ]
    return _embed(elements)
