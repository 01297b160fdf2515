"""Render an analysis as a report for a person at a terminal: quotes grouped by speaker, with roles."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from ..records import Actor, Analysis, Quote

_KIND_STYLE = {"direct": "bold green", "partial": "green", "mixed": "yellow", "indirect": "cyan"}


def _speaker_key(quote: Quote) -> tuple[str, str]:
    return (quote.speaker.actor or f"~{quote.speaker.name}", quote.speaker.name or "(speaker not found)")


def _roles(actor: Actor | None) -> str:
    if actor is None or not actor.roles:
        return ""
    parts = []
    for role in actor.roles:
        parts.append(role.title + (f", {role.organization}" if role.organization else ""))
    return "; ".join(parts)


def report(analysis: Analysis) -> Group:
    """A rich renderable: header, then one block per speaker in order of first quote."""
    article = analysis.article
    header = Text()
    header.append(article.title or "(untitled)", style="bold")
    facts = [f"language {article.language}"] + [v for v in (article.source, article.published, article.url) if v]
    header.append("\n" + " · ".join(facts), style="dim")
    header.append(
        f"\n{len(analysis.quotes)} quotes, {len({_speaker_key(q) for q in analysis.quotes})} speakers", style="dim"
    )
    blocks = [header]
    groups: dict[tuple[str, str], list[Quote]] = {}
    for quote in analysis.quotes:
        groups.setdefault(_speaker_key(quote), []).append(quote)
    for (_actor_id, name), quotes in groups.items():
        actor = analysis.actor(quotes[0].speaker.actor)
        title = Text(name, style="bold magenta" if quotes[0].speaker.type != "unknown" else "bold red")
        title.append(f"  {quotes[0].speaker.type}", style="dim")
        roles = _roles(actor)
        body = Text()
        if roles:
            body.append(roles + "\n", style="italic")
        for quote in quotes:
            body.append(f"[{quote.kind}] ", style=_KIND_STYLE.get(quote.kind, ""))
            body.append(quote.text.replace("\n", " … "))
            if quote.tone:
                body.append(f" (tone {quote.tone['score']:+.2f})", style="dim")
            cue = f" — cue “{quote.cue.text}”" if quote.cue else ""
            mention = quote.speaker.mention.text if quote.speaker.mention else None
            via = f", via “{mention}”" if mention and mention != name else ""
            body.append(f"{cue}{via} @{quote.spans[0].start}\n", style="dim")
        body.rstrip()
        blocks.append(Panel(body, title=title, title_align="left"))
    blocks.extend(_facts(analysis))
    return Group(*blocks)


def _facts(analysis: Analysis) -> list[Panel]:
    """Ties between actors, figures with who claims them, dated events: each with its evidence."""
    names = {actor.id: actor.name for actor in analysis.actors}
    panels = []
    if analysis.relations:
        body = Text()
        for relation in analysis.relations:
            detail = ", ".join(
                x for x in (relation.title, relation.label, "former" if relation.former else None, relation.date) if x
            )
            body.append(f"{names.get(relation.subject)} ", style="bold")
            body.append(relation.predicate, style="cyan")
            body.append(f" {names.get(relation.object)}", style="bold")
            body.append(f"{f' ({detail})' if detail else ''} — “{relation.evidence.text[:90]}”\n", style="dim")
        body.rstrip()
        panels.append(Panel(body, title="Ties", title_align="left"))
    if analysis.figures or analysis.events:
        body = Text()
        for figure in analysis.figures:
            claimed = f", claimed by {names.get(figure.attributed_to)}" if figure.attributed_to else ""
            body.append(f"{figure.text}", style="bold")
            body.append(f" = {figure.value:g} {figure.unit or ''}{claimed}\n", style="dim")
        for event in analysis.events:
            who = ", ".join(names.get(actor, actor) for actor in event.who)
            body.append(f"{event.when or event.date_text}: {who} {event.what}\n")
        body.rstrip()
        panels.append(Panel(body, title="Figures and dated events", title_align="left"))
    return panels


def print_report(analysis: Analysis, console: Console | None = None) -> None:
    (console or Console()).print(report(analysis))
