"""The records dyads reads and writes: one frozen dataclass per concept.

These classes *are* the output format (schema ``dyads/1``, documented in
``docs/schema.md``): field names and order are the JSON keys and the column
order of every table ``store`` and ``export`` derive from them. Offsets are
character offsets into :attr:`CodedDocument.text`, end-exclusive.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "dyads/1"

Span = tuple[int, int]


@functools.cache
def field_names(cls: type) -> tuple[str, ...]:
    """Return the field names of a record class, in order (cached: records are hot paths)."""
    return tuple(f.name for f in dataclasses.fields(cls))


@functools.cache
def _field_values(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    names = field_names(cls)
    if len(names) == 1:
        return lambda record: (getattr(record, names[0]),)
    return operator.attrgetter(*names)


class _Record:
    """Base of the records: a record pickles as a call of its class with its field values.

    Records cross process boundaries in every chunk (``--workers``, Dask); the default
    pickling of frozen slotted dataclasses sets each field in Python on unpickling,
    about three times slower.
    """

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        cls = type(self)
        return cls, _field_values(cls)(self)


@dataclass(frozen=True, slots=True)
class Article(_Record):
    """One input document, before cleaning.

    ``origin`` names where it came from (``articles.jsonl:17``) so that every
    message about it can point back to the record.
    """

    doc_id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    origin: str = ""


@dataclass(frozen=True, slots=True)
class Reject(_Record):
    """An input record that could not be coded, and why."""

    origin: str
    reason: str
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class Location(_Record):
    """A place an event happened, resolved to a country and coordinates where known."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class Actor(_Record):
    """One referent in a document: a person, organisation, state, group or place.

    ``mentions`` lists every span that refers to it (names, titles, pronouns).
    ``role`` is the office or description the article gives it.
    """

    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    role: str | None
    mentions: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Why(_Record):
    """How an event was found: the lexicon entry and the parse path behind it."""

    rule: str
    lexicon: str
    path: str


@dataclass(frozen=True, slots=True)
class Event(_Record):
    """One PLOVER event: who did what to whom, when, where, and on what evidence."""

    id: str
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    cameo: str | None
    quad_class: int
    goldstein: float
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    modality: str
    date: str | None
    date_text: str | None
    location: Location | None
    trigger: Span
    evidence: Span
    attributed_to: str | None
    confidence: float
    mention_count: int = 1
    why: Why | None = None


@dataclass(frozen=True, slots=True)
class Quote(_Record):
    """A quotation and who said it. ``speaker`` is an actor id or ``None``."""

    id: str
    kind: str
    span: Span
    text: str
    speaker: str | None
    speaker_text: str | None
    cue: Span | None


@dataclass(frozen=True, slots=True)
class CodedDocument(_Record):
    """Everything dyads found in one document: the unit of output."""

    doc_id: str
    title: str | None
    published: dt.date | None
    source: str | None
    url: str | None
    text: str
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    warnings: tuple[str, ...] = ()
    schema: str = field(default=SCHEMA)

    def to_dict(self) -> dict[str, Any]:
        """Return the document as a JSON-ready dict in schema ``dyads/1`` key order."""
        out: dict[str, Any] = {"schema": self.schema}
        for name in field_names(CodedDocument):
            if name != "schema":
                out[name] = _plain(getattr(self, name))
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CodedDocument:
        """Rebuild a document from :meth:`to_dict` output (for resume and re-export)."""
        published = data.get("published")
        return cls(
            doc_id=data["doc_id"],
            title=data.get("title"),
            published=dt.date.fromisoformat(published) if published else None,
            source=data.get("source"),
            url=data.get("url"),
            text=data["text"],
            actors=tuple(_actor(a) for a in data.get("actors", ())),
            events=tuple(_event(e) for e in data.get("events", ())),
            quotes=tuple(_quote(q) for q in data.get("quotes", ())),
            warnings=tuple(data.get("warnings", ())),
            schema=data.get("schema", SCHEMA),
        )


# Values that are JSON-ready as they are: most of a record's fields, returned at once.
_JSON_READY = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    """Convert records, tuples and dates to JSON-ready values, keeping field order."""
    kind = type(value)
    if kind in _JSON_READY:
        return value
    if isinstance(value, _Record) or (
        dataclasses.is_dataclass(value) and not isinstance(value, type)
    ):
        out = {}
        for name in field_names(kind):
            item = getattr(value, name)
            out[name] = item if type(item) in _JSON_READY else _plain(item)
        return out
    if isinstance(value, tuple | list):
        return [v if type(v) in _JSON_READY else _plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _span(value: Any) -> Span | None:
    return (int(value[0]), int(value[1])) if value is not None else None


def _actor(d: dict[str, Any]) -> Actor:
    return Actor(
        id=d["id"],
        name=d["name"],
        kind=d["kind"],
        country=d.get("country"),
        sector=d.get("sector"),
        role=d.get("role"),
        mentions=tuple(_span(m) for m in d.get("mentions", ())),
    )


def _event(d: dict[str, Any]) -> Event:
    loc = d.get("location")
    why = d.get("why")
    return Event(
        id=d["id"],
        type=d["type"],
        mode=d.get("mode"),
        contexts=tuple(d.get("contexts", ())),
        cameo=d.get("cameo"),
        quad_class=int(d["quad_class"]),
        goldstein=float(d["goldstein"]),
        actor=tuple(d.get("actor", ())),
        recipient=tuple(d.get("recipient", ())),
        modality=d["modality"],
        date=d.get("date"),
        date_text=d.get("date_text"),
        location=Location(**loc) if loc else None,
        trigger=_span(d["trigger"]),
        evidence=_span(d["evidence"]),
        attributed_to=d.get("attributed_to"),
        confidence=float(d["confidence"]),
        mention_count=int(d.get("mention_count", 1)),
        why=Why(**why) if why else None,
    )


def _quote(d: dict[str, Any]) -> Quote:
    return Quote(
        id=d["id"],
        kind=d["kind"],
        span=_span(d["span"]),
        text=d["text"],
        speaker=d.get("speaker"),
        speaker_text=d.get("speaker_text"),
        cue=_span(d.get("cue")),
    )
