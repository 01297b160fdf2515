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
    "period",
    "method",
    "mean_tone",
    "ci_low",
    "ci_high",
    "enough",
    "women",
    "men",
    "unknown",
    "share_women",
    "story_id",
    "story",
    "first_voices",
    "tie",
    "published",
    "source",
    "lead",
    "target",
    "weight",
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
                    s["story"] or "",
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
    timed = data.get("lead_times", {}).get("timed", True)
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
                [
                    "voice",
                    "echoes",
                    "other voices",
                    "narration",
                    "outlets",
                    f"median delay ({'h' if timed else 'days'})",
                ],
                [
                    [
                        r["voice"],
                        r["echoes"],
                        r["uses_by_other_voices"],
                        r["uses_in_narration"],
                        r["outlets_reached"],
                        _delay(r["median_delay_hours"], timed),
                    ]
                    for r in data["echoes_by_voice"][:top]
                ],
            )
        )
    tables += _over_time_tables(data, top)
    return Group(*tables)


_SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float]) -> str:
    """One character per value, its height relative to the largest (a blank for zero)."""
    top = max(values, default=0) or 1
    return "".join(
        " " if not v else _SPARKS[min(len(_SPARKS) - 1, int(v / top * (len(_SPARKS) - 1) + 0.5))] for v in values
    )


def _over_time_tables(data: dict, top: int) -> list[Table]:
    tables = []
    over = data.get("voice_over_time")
    if over and over["periods"]:
        periods = [p["period"] for p in over["periods"]]
        lines: dict[str, list[int]] = {}
        for row in over["voices"]:
            lines.setdefault(row["voice"], []).append(row["quotes"])
        tables.append(
            _table(
                f"Share of voice over time — quotes per {over['period']}, {periods[0]} to {periods[-1]}",
                ["voice", "quotes", f"per {over['period']}"],
                [[voice, sum(counts), sparkline(counts)] for voice, counts in lines.items()],
            )
        )
    tone = data.get("tone_over_time")
    if tone and tone["rows"]:
        tables.append(
            _table(
                f"Tone over time — mean per {tone['period']} and scoring method (never mixed); "
                f"'few': under {tone['min_quotes']} quotes",
                ["voice", "method", tone["period"], "quotes", "mean tone", "95 % interval", "note"],
                [
                    [
                        r["voice"],
                        r["method"],
                        r["period"],
                        r["quotes"],
                        r["mean_tone"],
                        _interval(r),
                        "" if r["enough"] else "few",
                    ]
                    for r in tone["rows"][: top * 3]
                ],
            )
        )
    leads = data.get("lead_times")
    if leads and leads["voices"]:
        tables.append(
            _table(
                "Lead times — how far ahead of the next voice, on stories spoken first",
                ["voice", "first", "first-equal", "median lead", "quartiles"],
                [
                    [v["voice"], v["stories_first"], v["stories_tied_first"], *_lead_spread(v)]
                    for v in leads["voices"][:top]
                ],
            )
        )
    syndication = data.get("syndication")
    if syndication and syndication["clusters"]:
        tables.append(
            _table(
                f"Wire copies — one text in several outlets or editions, counted {syndication['counted']}",
                ["clusters", "articles in them", "copies", "largest"],
                [[syndication["clusters"], syndication["articles"], syndication["copies"], syndication["largest"]]],
            )
        )
    gender = data.get("gender")
    if gender and gender["outlets"]:
        tables.append(
            _table(
                "Gender of the people quoted (as the articles tell it)",
                ["outlet", "women", "men", "unknown", "share women"],
                [[r["outlet"], r["women"], r["men"], r["unknown"], r["share_women"]] for r in gender["outlets"]],
            )
        )
    return tables


def _interval(row: dict) -> str:
    return "" if row["ci_low"] is None else f"{row['ci_low']:+.2f} to {row['ci_high']:+.2f}"


def _lead_spread(voice: dict) -> list[str | None]:
    """(median, quartiles) in hours where leads were timed, else in days."""
    for unit, spread in (("h", voice["lead_hours"]), ("d", voice["lead_days"])):
        if spread["count"]:
            return [f"{spread['median']:g} {unit}", f"{spread['q1']:g}–{spread['q3']:g} {unit}"]
    return [None, None]


def _delay(hours: float | None, timed: bool) -> float | None:
    """A delay in hours where articles give times of day, in whole days where they give dates only."""
    if hours is None:
        return None
    return hours if timed else round(hours / 24)


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _uses(uses: list[dict]) -> str:
    """'Minister X (quote, 03-14), Le Monde (narration, 03-16)': who took the phrase up, and how."""
    return ", ".join(
        f"{u['speaker'] if u['kind'] != 'narration' else u['outlet']} ({u['kind']}, {(u['published'] or '')[5:10]})"
        for u in uses
        if u["kind"] != "same-speaker"
    )


def print_report(data: dict, console: Console | None = None, width: int | None = None) -> None:
    """The report's tables; written to a file or a pipe they keep a wide line (`width`, default 160)
    instead of rich's 80 columns."""
    if console is None:
        console = Console(width=width) if width else Console()
        if not console.is_terminal and not width:
            console = Console(width=160)
    console.print(report_tables(data))


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
    for row in data["first_voice"]["stories"]:
        writer.writerow(
            {
                "measure": "first_voice_story",
                "name": row["voice"],
                **row,
                "first_voices": " | ".join(row["first_voices"]),
            }
        )
    for row in data.get("tone", []):
        writer.writerow({"measure": "tone", "name": row["actor"], "period": row["month"], **row})
    _over_time_csv(writer, data)
    network = data.get("network", {})
    names = {node["id"]: node["name"] for node in network.get("nodes", [])}
    for edge in network.get("co_quotation", []):
        writer.writerow(
            {
                "measure": "co_quotation",
                "name": names.get(edge["source"]),
                "target": names.get(edge["target"]),
                "weight": edge["weight"],
            }
        )
    return buffer.getvalue()


def _over_time_csv(writer: csv.DictWriter, data: dict) -> None:
    for row in data.get("voice_over_time", {}).get("voices", []):
        writer.writerow({"measure": "voice_over_time", "name": row["voice"], **row})
    for row in data.get("voice_over_time", {}).get("actors", []):
        writer.writerow({"measure": "actor_over_time", "name": row["actor"], "group": row["voice"], **row})
    for row in data.get("tone_over_time", {}).get("rows", []):
        writer.writerow({"measure": "tone_over_time", "name": row["voice"], **row})
    for row in data.get("lead_times", {}).get("voices", []):
        for unit in ("hours", "days"):
            for lead in row[unit]:
                writer.writerow({"measure": "lead_time", "name": row["voice"], "lead": f"{lead} {unit}"})
    for row in data.get("gender", {}).get("rows", []):
        writer.writerow({"measure": "gender", "group": row["outlet"], **row})
