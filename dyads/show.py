"""Render a coded document in the terminal: the text with its findings marked, then tables.

This is what a user reads to see *why* dyads said what it said: each actor
mention is coloured by actor and tagged with its id, event triggers are
underlined with the event id, quotes are shaded, and the tables under the text
give the codes, the direction and the rule behind every event.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .records import CodedDocument

_PALETTE = ("cyan", "magenta", "yellow", "green", "blue", "bright_red", "bright_cyan", "orange3")


def render(doc: CodedDocument) -> RenderableType:
    """Return a Rich renderable of one coded document: marked text, then the tables."""
    title = f"{doc.doc_id}" + (f" · {doc.published.isoformat()}" if doc.published else "")
    parts: list[RenderableType] = [Panel(marked_text(doc), title=title, title_align="left")]
    if doc.actors:
        parts.append(actor_table(doc))
    if doc.events:
        parts.append(event_table(doc))
    if doc.quotes:
        parts.append(quote_table(doc))
    if doc.warnings:
        parts.append(Text("\n".join(f"warning: {w}" for w in doc.warnings), style="yellow"))
    return Group(*parts)


def marked_text(doc: CodedDocument) -> Text:
    """Return the document text with actor mentions, triggers and quotes styled and tagged."""
    text = Text(doc.text)
    for quote in doc.quotes:
        text.stylize("on grey11 italic", *quote.span)
    tags: dict[int, list[str]] = {}
    for n, actor in enumerate(doc.actors):
        colour = _PALETTE[n % len(_PALETTE)]
        for start, end in actor.mentions:
            text.stylize(f"bold {colour}", start, end)
            tags.setdefault(end, []).append(f"[{actor.id}]")
    for event in doc.events:
        start, end = event.trigger
        text.stylize("underline bold red", start, end)
        tags.setdefault(end, []).append(f"[{event.id} {event.type}]")
    out = Text()
    cursor = 0
    for end in sorted(tags):
        out.append_text(text[cursor:end])
        out.append("".join(tags[end]), style="dim")
        cursor = end
    out.append_text(text[cursor:])
    return out


def _names(doc: CodedDocument, ids: tuple[str, ...]) -> str:
    by_id = {a.id: a for a in doc.actors}
    return ", ".join(f"{by_id[i].name} ({i})" if i in by_id else i for i in ids) or "—"


def _rows(*values: object) -> list[str]:
    return ["—" if v in (None, "", ()) else str(v) for v in values]


def actor_table(doc: CodedDocument) -> Table:
    """Return the table of a document's actors."""
    table = Table(title="Actors", title_justify="left", expand=True)
    for column in ("id", "name", "kind", "country", "sector", "role", "mentions"):
        table.add_column(column, overflow="fold")
    for a in doc.actors:
        table.add_row(*_rows(a.id, a.name, a.kind, a.country, a.sector, a.role, len(a.mentions)))
    return table


def event_table(doc: CodedDocument) -> Table:
    """Return the table of a document's events, with evidence and the rule behind each."""
    table = Table(title="Events", title_justify="left", expand=True)
    columns = ("id", "type", "mode", "cameo", "actor", "recipient", "modality", "date", "where")
    for column in (*columns, "evidence", "why"):
        table.add_column(column, overflow="fold")
    for e in doc.events:
        why = f"{e.why.rule} via {e.why.path}" if e.why else None
        evidence = doc.text[e.evidence[0] : e.evidence[1]]
        table.add_row(
            *_rows(
                e.id,
                e.type,
                e.mode,
                e.cameo,
                _names(doc, e.actor),
                _names(doc, e.recipient),
                e.modality,
                e.date,
                e.location.name if e.location else None,
                evidence,
                why,
            )
        )
    return table


def quote_table(doc: CodedDocument) -> Table:
    """Return the table of a document's quotes and their speakers."""
    table = Table(title="Quotes", title_justify="left", expand=True)
    for column in ("id", "kind", "speaker", "as written", "text"):
        table.add_column(column, overflow="fold")
    for q in doc.quotes:
        speaker = _names(doc, (q.speaker,)) if q.speaker else None
        table.add_row(*_rows(q.id, q.kind, speaker, q.speaker_text, q.text))
    return table
