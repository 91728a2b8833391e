"""Find quotations and attribute each to its speaker."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from .records import Quote

_DIRECT = re.compile(r"[\"“]([^\"“”]+)[\"”]")


def extract_quotes(doc: Doc) -> list[Quote]:
    """Return the direct quotes of a Doc."""
    quotes = []
    for n, match in enumerate(_DIRECT.finditer(doc.text), start=1):
        start, end = match.span()
        quotes.append(Quote(f"Q{n}", "direct", (start, end), match.group(1), None, None, None))
    return quotes


class QuoteFinder:
    """spaCy component: sets ``doc._.dyads_quotes``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.dyads_quotes = extract_quotes(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)
