"""The dashboard's pages as CSV: each page's tables in one file, a first column `table` saying which
table a row belongs to. Nested values are flattened (a spread's median becomes `lead_hours_median`,
a list is joined with " | "), so that every cell is a plain value a spreadsheet can sort."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

# Cells a spreadsheet would run as a formula (an article can quote "=HYPERLINK(...)"): the Excel
# variant writes them with a leading apostrophe, which shows the text as written.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _first(data: dict) -> dict[str, list[dict]]:
    head = data.get("head_to_head") or {}
    return {
        "first_voice": data["stories"],
        "voices": data["voices"],
        "lead_times": [
            {k: v for k, v in row.items() if k not in ("hours", "days")} for row in data["lead_times"]["voices"]
        ],
        "head_to_head": [{"a": head.get("a"), "b": head.get("b"), **story} for story in head.get("stories", [])],
    }


def _trends(data: dict) -> dict[str, list[dict]]:
    change = data.get("tone_change") or {}
    return {
        "voice_over_time": data["voice_over_time"]["voices"],
        "actor_over_time": data["voice_over_time"]["actors"],
        "tone_over_time": data["tone_over_time"]["rows"],
        "tone_change": [{"voice": change.get("voice"), "at": change.get("at"), **m} for m in change.get("methods", [])],
        "gender": data["gender"]["rows"],
    }


PAGE_TABLES: dict[str, Callable[[dict], dict[str, list[dict]]]] = {
    "overview": lambda d: {
        "share_of_voice": d["voices"],
        "actors": d["actors"],
        "by_outlet": d["by_outlet"],
        "by_month": d["by_month"],
        "first_voice": d["first_voice"]["stories"],
        "first_voice_by_voice": d["first_voice"]["voices"],
        "anonymity": d["anonymity"],
    },
    "stories": lambda d: {"stories": d["stories"]},
    "search": lambda d: {"results": d["results"], "attention": (d.get("attention") or {}).get("rows", [])},
    "echoes": lambda d: {
        "echoes": [{**{k: v for k, v in e.items() if k != "uses"}, "uses": len(e["uses"])} for e in d["echoes"]],
        "by_voice": d["by_voice"],
    },
    "first": _first,
    "trends": _trends,
    "actors": lambda d: {"actors": d["actors"]},
    "voices": lambda d: {"voices": d["voices"]},
}


def _flat(row: dict, prefix: str = "") -> dict:
    out = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flat(value, f"{name}_"))
        elif isinstance(value, list | tuple):
            out[name] = " | ".join(json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else str(v) for v in value)
        else:
            out[name] = value
    return out


def _safe(value):
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def page_csv(page: str, data: dict, excel: bool = False) -> str:
    """The CSV twin of a dashboard page (`excel`: with a byte-order mark, formulas defused)."""
    rows = [{"table": name, **_flat(row)} for name, table in PAGE_TABLES[page](data).items() for row in table]
    columns: dict[str, None] = {"table": None}
    for row in rows:
        columns.update(dict.fromkeys(row))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _safe(v) for k, v in row.items()} if excel else row)
    return ("\ufeff" if excel else "") + buffer.getvalue()


def has_csv(page: str) -> bool:
    return page in PAGE_TABLES
