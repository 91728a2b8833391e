"""Code PLOVER events from the parse."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from .records import Event


def extract_events(doc: Doc) -> list[Event]:
    """Return the events of a Doc."""
    return []


class EventCoder:
    """spaCy component: sets ``doc._.dyads_events``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.dyads_events = extract_events(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)
