"""Render corpus measures for a terminal (rich tables) or as CSV."""

from __future__ import annotations

import csv
import io

from rich.console import Console, Group
from rich.table import Table

CSV_COLUMNS = (
    "measure",
    "group",
    "name",
    "quotes",
    "words",
    "share_quotes",
    "share_words",
    "stories_first",
    "stories_tied_first",
    "stories_present",
    "share_first",
    "median_lead_hours",
    "median_lead_days",
    "anonymous",
    "anonymity_rate",
    "echoes",
    "uses_by_other_voices",
    "uses_in_narration",
    "outlets_reached",
    "median_delay_hours",
)


def _table(title: str, columns: list[str], rows: list[list]) -> Table:
    table = Table(title=title, title_justify="left")
    for i, column in enumerate(columns):
        table.add_column(column, justify="left" if i == 0 or not rows or isinstance(rows[0][i], str) else "right")
    for row in rows:
        table.add_row(
            *(
                ""
                if v is None
                else f"{v:.1%}"
                if isinstance(v, float) and c.startswith("share") or c == "anon."
                else str(v)
                for v, c in zip(row, columns)
            )
        )
    return table


def _median_lead(row: dict) -> str | None:
    if row["median_lead_hours"] is not None:
        return f"{row['median_lead_hours']} h"
    if row["median_lead_days"] is not None:
        return f"{row['median_lead_days']} d"
    return None


def report_tables(data: dict, top: int = 12) -> Group:
    voices = data["share_of_voice"]["voices"]
    groups: dict[str, list[dict]] = {}
    for row in voices:
        groups.setdefault(str(row["group"]), []).append(row)
    tables = []
    for group, rows in groups.items():
        tables.append(
            _table(
                f"Share of voice — {group}",
                ["voice", "quotes", "words", "share"],
                [[r["voice"], r["quotes"], r["words"], r["share_quotes"]] for r in rows[:top]],
            )
        )
    first = data["first_voice"]
    tables.append(
        _table(
            "First voice — who frames the stories",
            ["voice", "stories first", "tied first", "stories present", "share_first", "median lead"],
            [
                [
                    r["voice"],
                    r["stories_first"],
                    r["stories_tied_first"],
                    r["stories_present"],
                    r["share_first"],
                    _median_lead(r),
                ]
                for r in first["voices"][:top]
            ],
        )
    )
    tables.append(
        _table(
            "First voice per story",
            ["story", "first voice", "actor", "published", "outlet", "then", "lead"],
            [
                [
                    (s["story"] or "")[:40],
                    "first-equal: " + " = ".join(s["first_voices"]) if s["tie"] else s["voice"],
                    s["actor"],
                    (s["published"] or "")[:10],
                    s["source"],
                    s["next_voice"],
                    s["lead"],
                ]
                for s in first["stories"][: top * 2]
            ],
        )
    )
    tables.append(
        _table(
            "Anonymous sources",
            ["group", "quotes", "anonymous", "anon."],
            [[r["group"], r["quotes"], r["anonymous"], r["anonymity_rate"]] for r in data["anonymity"]],
        )
    )
    if data.get("media_cited"):
        tables.append(
            _table(
                "News media cited as sources (not counted as voices)",
                ["outlet", "cites", "quotes"],
                [[r["outlet"], r["cited"], r["quotes"]] for r in data["media_cited"][:top]],
            )
        )
    if data.get("echoes"):
        tables.append(
            _table(
                "Echoes — phrases a voice coined that others took up",
                ["phrase", "coined by", "voice", "on", "taken up by"],
                [
                    [
                        _short(e["phrase"], 50),
                        e["origin"]["actor"],
                        e["origin"]["voice"],
                        (e["origin"]["published"] or "")[:10],
                        _uses(e["uses"]),
                    ]
                    for e in data["echoes"][:top]
                ],
            )
        )
        tables.append(
            _table(
                "Echoes per voice",
                ["voice", "echoes", "other voices", "narration", "outlets", "median delay (h)"],
                [
                    [
                        r["voice"],
                        r["echoes"],
                        r["uses_by_other_voices"],
                        r["uses_in_narration"],
                        r["outlets_reached"],
                        r["median_delay_hours"],
                    ]
                    for r in data["echoes_by_voice"][:top]
                ],
            )
        )
    return Group(*tables)


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _uses(uses: list[dict]) -> str:
    """'Minister X (quote, 03-14), Le Monde (narration, 03-16)': who took the phrase up, and how."""
    return ", ".join(
        f"{u['speaker'] if u['kind'] != 'narration' else u['outlet']} ({u['kind']}, {(u['published'] or '')[5:10]})"
        for u in uses
        if u["kind"] != "same-speaker"
    )


def print_report(data: dict, console: Console | None = None) -> None:
    (console or Console()).print(report_tables(data))


def report_csv(data: dict) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for row in data["share_of_voice"]["voices"]:
        writer.writerow({"measure": "share_of_voice", "name": row["voice"], **row})
    for row in data["first_voice"]["voices"]:
        writer.writerow({"measure": "first_voice", "name": row["voice"], **row})
    for row in data["anonymity"]:
        writer.writerow({"measure": "anonymity", **row})
    for row in data.get("media_cited", []):
        writer.writerow(
            {"measure": "media_cited", "group": row["outlet"], "name": row["cited"], "quotes": row["quotes"]}
        )
    for row in data.get("echoes_by_voice", []):
        writer.writerow({"measure": "echoes", "name": row["voice"], **row})
    return buffer.getvalue()
