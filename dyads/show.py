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
from .store import Store

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
    """Return the table of a document's events, with evidence and the rule behind each.

    Five columns keep it readable in an 80-column terminal: related values share a
    cell, one per line.
    """
    table = Table(title="Events", title_justify="left", expand=True, show_lines=True)
    table.add_column("id")
    table.add_column("type")
    table.add_column("actor → recipient", ratio=2, overflow="fold")
    table.add_column("when, where", overflow="fold")
    table.add_column("evidence, why", ratio=3, overflow="fold")
    for e in doc.events:
        kind = "\n".join(_rows(e.type, e.mode, f"CAMEO {e.cameo}" if e.cameo else None))
        sides = f"{_names(doc, e.actor)}\n→ {_names(doc, e.recipient)}"
        if e.attributed_to:
            sides += f"\n(says {_names(doc, (e.attributed_to,))})"
        when = "\n".join(
            v for v in (e.modality, e.date, e.location.name if e.location else None) if v
        )
        evidence = Text(doc.text[e.evidence[0] : e.evidence[1]].strip())
        if e.why:
            evidence.append(f"\n{e.why.rule} via {e.why.path}", style="dim")
        table.add_row(e.id, kind, sides, when, evidence)
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


_MODALITIES = ("asserted", "negated", "hypothetical", "future")
_EVENTS_BY_TYPE = f"""
SELECT type, {", ".join(f"count(*) FILTER (WHERE modality = '{m}')" for m in _MODALITIES)},
       count(*)
FROM events GROUP BY type ORDER BY count(*) DESC, type
"""
# An event with two actors and one recipient is two dyads; an actor without a
# country shows its name, so groups and IGOs stay visible.
_TOP_DYADS = """
WITH sides AS (
    SELECT doc_id, unnest(actor) AS actor, recipient FROM events WHERE modality = 'asserted'
), pairs AS (
    SELECT doc_id, actor, unnest(recipient) AS recipient FROM sides
), labelled AS (
    SELECT concat_ws(' ', coalesce(a.country, a.name), a.sector) AS actor,
           concat_ws(' ', coalesce(r.country, r.name), r.sector) AS recipient
    FROM pairs p
    JOIN actors a ON a.doc_id = p.doc_id AND a.id = p.actor
    JOIN actors r ON r.doc_id = p.doc_id AND r.id = p.recipient
)
SELECT actor, recipient, count(*) FROM labelled
GROUP BY ALL ORDER BY count(*) DESC, actor, recipient LIMIT ?
"""


def store_overview(store: Store, top: int = 10) -> RenderableType:
    """Return what a dyads database holds: counts, events by type and modality, top dyads."""
    con = store.con
    counts = {
        name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
        for name in ("documents", "actors", "events", "quotes")
    }
    heading = Text(
        f"{store.path}: " + ", ".join(f"{n:,} {name}" for name, n in counts.items()), style="bold"
    )
    by_type = Table(title="Events by type and modality", title_justify="left")
    for column in ("type", *_MODALITIES, "all"):
        by_type.add_column(column, justify="left" if column == "type" else "right")
    for row in con.execute(_EVENTS_BY_TYPE).fetchall():
        by_type.add_row(row[0], *(f"{n:,}" if n else "·" for n in row[1:]))
    dyads = Table(title=f"Top {top} dyads (asserted events)", title_justify="left")
    for column in ("actor", "recipient", "events"):
        dyads.add_column(column, justify="right" if column == "events" else "left")
    for actor, recipient, n in con.execute(_TOP_DYADS, [top]).fetchall():
        dyads.add_row(actor, recipient, f"{n:,}")
    return Group(heading, by_type, dyads)
