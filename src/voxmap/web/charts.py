"""Vega-Lite specifications of the dashboard's charts, built from page data. Templates embed them as
JSON data blocks; static/voxmap.js renders them (no inline script)."""

from __future__ import annotations

import json

from markupsafe import Markup

from ..corpus.trends import OTHER_VOICES

_WIDTH = "container"
_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"


def _embed(spec) -> Markup:
    """A spec as the text of a <script type="application/json"> block: every "<" escaped, so that no
    quoted "</script>" or "<!--" in an article can end the block or change how it is parsed."""
    return Markup(json.dumps(spec, ensure_ascii=False).replace("<", "\\u003c"))


# Twenty distinct colours, and a legend that lists every entry (Vega-Lite truncates long ones).
_COLOURS = {"scheme": "tableau20"}
_LEGEND = {"orient": "bottom", "columns": 3, "symbolLimit": 0, "labelLimit": 320}


def share_by(rows: list[dict], group_title: str) -> Markup:
    """Stacked horizontal bars: each group's quotes split by its top voices, the rest as "(other voices)",
    so that every bar reaches 100 %."""
    values = [
        {"group": str(r["group"]), "voice": r["voice"], "share": r["share_quotes"], "quotes": r["quotes"]} for r in rows
    ]
    shown: dict[str, float] = {}
    for value in values:
        shown[value["group"]] = shown.get(value["group"], 0.0) + value["share"]
    values += [
        {"group": group, "voice": "(other voices)", "share": round(1 - share, 4), "quotes": None}
        for group, share in shown.items()
        if share < 0.9995
    ]
    return _embed(
        {
            "$schema": _SCHEMA,
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
                    "scale": {"domain": [0, 1]},
                },
                "color": {"field": "voice", "type": "nominal", "title": "voice", "scale": _COLOURS, "legend": _LEGEND},
                "tooltip": [
                    {"field": "group", "title": group_title},
                    {"field": "voice"},
                    {"field": "quotes"},
                    {"field": "share", "format": ".0%"},
                ],
            },
        }
    )


def _time_axis(period: str) -> dict:
    """An x encoding with one place per day, week (named by its Monday) or month: the periods the
    measure counted, never hours, which date-only data do not have."""
    title = {"day": "day", "week": "week (from Monday)", "month": "month"}[period]
    return {"field": "period", "type": "ordinal", "title": title, "axis": {"labelAngle": -45, "labelOverlap": True}}


def share_over_time(over: dict) -> Markup:
    """One line per voice: its share of the period's quotes (the series of voice_over_time); all other
    voices together as a grey dashed line, so that the named voices keep their colours."""
    values = [{k: r[k] for k in ("period", "voice", "quotes", "share_quotes")} for r in over["voices"]]
    named = [voice for voice in over["top"] if voice != OTHER_VOICES]
    tooltip = [
        {"field": "period"},
        {"field": "voice"},
        {"field": "quotes"},
        {"field": "share_quotes", "format": ".1%", "title": "share"},
    ]
    y = {"field": "share_quotes", "type": "quantitative", "title": "share of quotes", "axis": {"format": "%"}}
    return _embed(
        {
            "$schema": _SCHEMA,
            "width": _WIDTH,
            "height": 320,
            "data": {"values": values},
            "encoding": {"x": _time_axis(over["period"]), "y": y, "tooltip": tooltip},
            "layer": [
                {
                    "transform": [{"filter": {"field": "voice", "oneOf": named}}],
                    "mark": {"type": "line", "point": True},
                    "encoding": {
                        "color": {
                            "field": "voice",
                            "type": "nominal",
                            "sort": named,
                            "scale": _COLOURS,
                            "legend": _LEGEND,
                        }
                    },
                },
                {
                    "transform": [{"filter": {"field": "voice", "equal": OTHER_VOICES}}],
                    "mark": {"type": "line", "point": True, "color": "#999", "strokeDash": [4, 3]},
                },
            ],
        }
    )


def tone_over_time(tone: dict, method: str) -> Markup:
    """One method's mean tone per period, one small panel per voice (lines of several voices on one
    scale tangle): the mean as a line, its 95 % interval as a bar, hollow points where the mean rests on
    fewer quotes than the minimum."""
    values = [
        {k: r[k] for k in ("period", "voice", "quotes", "mean_tone", "ci_low", "ci_high", "enough")}
        for r in tone["rows"]
        if r["method"] == method
    ]
    colour = {"field": "voice", "type": "nominal", "sort": tone["top"], "scale": _COLOURS, "legend": None}
    y = {"field": "mean_tone", "type": "quantitative", "title": "mean tone", "scale": {"domain": [-1, 1]}}
    return _embed(
        {
            "$schema": _SCHEMA,
            "title": f"tone by {method}",
            "data": {"values": values},
            "facet": {"field": "voice", "type": "nominal", "sort": tone["top"], "title": None},
            "columns": 2,
            "spec": {
                "width": 500,
                "height": 130,
                "encoding": {
                    "x": {**_time_axis(tone["period"]), "scale": {"domain": tone.get("periods")}},
                    "color": colour,
                },
                "layer": [
                    {
                        "mark": {"type": "rule", "opacity": 0.4, "clip": True},
                        "transform": [{"filter": "datum.ci_low !== null"}],
                        "encoding": {"y": {**y, "field": "ci_low"}, "y2": {"field": "ci_high"}},
                    },
                    {"mark": {"type": "line"}, "encoding": {"y": y}},
                    {
                        "mark": {"type": "point", "size": 40, "filled": False},
                        "encoding": {
                            "y": y,
                            "fill": {
                                "condition": {
                                    "test": "datum.enough",
                                    "field": "voice",
                                    "type": "nominal",
                                    "scale": _COLOURS,
                                    "legend": None,
                                },
                                "value": "white",
                            },  # fmt: skip
                            "tooltip": [
                                {"field": "period"},
                                {"field": "voice"},
                                {"field": "mean_tone", "title": "mean tone"},
                                {"field": "ci_low", "title": "95 % from"},
                                {"field": "ci_high", "title": "95 % to"},
                                {"field": "quotes"},
                            ],
                        },
                    },
                ],
            },
        }
    )


def women_share(gender: dict) -> Markup:
    """Women's share of the quotes of people whose gender is known, per period, one line per outlet and
    a thick one for all outlets."""
    values = [r for r in gender["rows"] if r["share_women"] is not None]
    return _embed(
        {
            "$schema": _SCHEMA,
            "width": _WIDTH,
            "height": 220,
            "data": {"values": values},
            "mark": {"type": "line", "point": True},
            "encoding": {
                "x": _time_axis(gender["period"]),
                "y": {
                    "field": "share_women",
                    "type": "quantitative",
                    "title": "women's share",
                    "axis": {"format": "%"},
                    "scale": {"domain": [0, 1]},
                },  # fmt: skip
                "color": {"field": "outlet", "type": "nominal", "scale": _COLOURS, "legend": _LEGEND},
                "strokeWidth": {"condition": {"test": "datum.outlet === '(all outlets)'", "value": 4}, "value": 1.5},
                "tooltip": [
                    {"field": "period"},
                    {"field": "outlet"},
                    {"field": "women"},
                    {"field": "men"},
                    {"field": "unknown"},
                    {"field": "share_women", "format": ".0%"},
                ],  # fmt: skip
            },
        }
    )


def attention(data: dict) -> Markup:
    """Quotes matching a search per period, stacked by outlet."""
    return _embed(
        {
            "$schema": _SCHEMA,
            "width": _WIDTH,
            "height": 180,
            "data": {"values": data["rows"]},
            "mark": "bar",
            "encoding": {
                "x": _time_axis(data["period"]),
                "y": {"field": "quotes", "type": "quantitative", "title": "matching quotes", "stack": "zero"},
                "color": {"field": "outlet", "type": "nominal", "scale": _COLOURS, "legend": _LEGEND},
                "tooltip": [{"field": "period"}, {"field": "outlet"}, {"field": "quotes"}, {"field": "articles"}],
            },
        }
    )


def lead_times(leads: dict) -> Markup:
    """Each voice's leads on the stories it spoke first on, one tick per story, in hours where times
    exist and in days otherwise (two panels when both occur)."""
    values = [
        {"voice": v["voice"], "lead": lead, "unit": unit}
        for v in leads["voices"]
        for unit in ("hours", "days")
        for lead in v[unit]
    ]
    return _embed(
        {
            "$schema": _SCHEMA,
            "data": {"values": values},
            "facet": {"column": {"field": "unit", "type": "nominal", "title": "lead in"}},
            "resolve": {"scale": {"x": "independent"}},
            "spec": {
                "width": 320,
                "mark": {"type": "tick", "thickness": 2},
                "encoding": {
                    "x": {"field": "lead", "type": "quantitative", "title": None},
                    "y": {"field": "voice", "type": "nominal", "title": None},
                    "color": {"field": "voice", "type": "nominal", "scale": _COLOURS, "legend": None},
                    "tooltip": [{"field": "voice"}, {"field": "lead"}, {"field": "unit"}],
                },
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
            "$schema": _SCHEMA,
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
            "$schema": _SCHEMA,
            "width": _WIDTH,
            "data": {"values": values},
            "mark": {"type": "circle", "size": 80},
            "encoding": {
                "x": {"field": "when", "type": "temporal", "title": "published", **_day_axis(values)},
                "y": {"field": "voice", "type": "nominal", "title": None, "sort": None},
                "color": {"field": "voice", "type": "nominal", "legend": None},
                "tooltip": [
                    {"field": "voice"},
                    {"field": "actor"},
                    {
                        "field": "when",
                        "type": "temporal",
                        **{k: v for k, v in _day_axis(values).items() if k == "timeUnit"},
                    },
                    {"field": "text"},
                ],
            },
        }
    )


def _day_axis(values: list[dict]) -> dict:
    """Dates without a time of day are shown by the day, not on an axis of hours."""
    if any(len(v["when"]) > 10 for v in values):
        return {}
    return {"timeUnit": "yearmonthdate", "axis": {"format": "%d %b %Y"}}


# Edge colours: co-quotation grey, each relation kind its own colour, the same on every visit.
_EDGE_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")


def edge_colours(data: dict) -> dict[str, str]:
    """The colour of each edge kind in the graph (for the edges and for the legend)."""
    kinds = sorted({e["kind"] for e in data["edges"]} - {"co_quotation"})
    return {"co_quotation": "#b8b8b8", **{kind: _EDGE_COLOURS[i % len(_EDGE_COLOURS)] for i, kind in enumerate(kinds)}}


def network_elements(data: dict) -> Markup:
    """Cytoscape elements: actors sized by quotes, edges coloured by kind."""
    top = max((n["quotes"] for n in data["nodes"]), default=1) or 1
    colours = edge_colours(data)
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
                "colour": colours[e["kind"]],
            }
        }
        for e in data["edges"]
    ]
    return _embed(elements)
