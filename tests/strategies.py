"""Hypothesis strategies for dyads records, shared by the export, store and batch tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from dyads.records import Actor, CodedDocument, Event, Location, Quote, Why

# Text without surrogates (not encodable as UTF-8, so no output format can hold them).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
NAME = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=20)
OPT = st.none() | NAME
FLOAT = st.floats(allow_nan=False, allow_infinity=False, width=32)


@st.composite
def spans(draw, length: int):
    start = draw(st.integers(0, length))
    return (start, draw(st.integers(start, length)))


@st.composite
def coded_documents(draw, doc_id: str | None = None) -> CodedDocument:
    """A document with every field filled by arbitrary (but well-formed) values."""
    text = draw(st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=200))
    n = len(text)
    actor_ids = [f"A{i}" for i in range(draw(st.integers(0, 3)))]
    actors = tuple(
        Actor(
            id=a,
            name=draw(NAME),
            kind=draw(st.sampled_from(["person", "state", "organisation"])),
            country=draw(st.none() | st.sampled_from(["SYR", "USA", "RUS"])),
            sector=draw(OPT),
            role=draw(OPT),
            mentions=tuple(draw(st.lists(spans(n), max_size=3))),
        )
        for a in actor_ids
    )
    ids = st.lists(st.sampled_from(actor_ids), max_size=2) if actor_ids else st.just([])
    events = tuple(
        Event(
            id=f"E{i}",
            type=draw(st.sampled_from(["CONSULT", "ASSAULT", "ACCUSE"])),
            mode=draw(OPT),
            contexts=tuple(draw(st.lists(NAME, max_size=2))),
            cameo=draw(st.none() | st.sampled_from(["040", "190"])),
            quad_class=draw(st.integers(0, 4)),
            goldstein=draw(FLOAT),
            actor=tuple(draw(ids)),
            recipient=tuple(draw(ids)),
            modality=draw(st.sampled_from(["asserted", "negated", "hypothetical"])),
            date=draw(st.none() | st.just("2024-03-05")),
            date_text=draw(OPT),
            location=draw(
                st.none()
                | st.builds(
                    Location, NAME, st.none() | st.just("SYR"), st.none() | FLOAT, st.none() | FLOAT
                )
            ),
            trigger=draw(spans(n)),
            evidence=draw(spans(n)),
            attributed_to=draw(st.none() | st.sampled_from(actor_ids or ["A0"])),
            confidence=draw(st.floats(0, 1)),
            mention_count=draw(st.integers(1, 5)),
            why=draw(st.none() | st.builds(Why, NAME, NAME, TEXT)),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    quotes = tuple(
        Quote(
            id=f"Q{i}",
            kind=draw(st.sampled_from(["direct", "indirect", "mixed", "partial"])),
            span=(span := draw(spans(n))),
            text=text[span[0] : span[1]],
            speaker=draw(st.none() | st.sampled_from(actor_ids or ["A0"])),
            speaker_text=draw(OPT),
            cue=draw(st.none() | spans(n)),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    return CodedDocument(
        doc_id=doc_id if doc_id is not None else draw(NAME),
        title=draw(OPT),
        published=draw(st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1))),
        source=draw(OPT),
        url=draw(OPT),
        text=text,
        actors=actors,
        events=events,
        quotes=quotes,
        warnings=tuple(draw(st.lists(TEXT, max_size=2))),
    )


def document_lists(max_size: int = 4):
    """Lists of documents with distinct ids."""
    return st.lists(coded_documents(), max_size=max_size, unique_by=lambda d: d.doc_id)
