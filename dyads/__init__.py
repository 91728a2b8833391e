"""dyads: political event data from news text — who did what to whom, and who said what.

The public API: code one text (:func:`code_text`), a batch of articles
(:func:`code_articles`) or a whole corpus with resume and rejects
(:func:`code_corpus`); resolve an actor phrase (:func:`resolve_phrase`); score the
coder against gold events (:func:`evaluate`). Records are defined in :mod:`dyads.records`.
"""

# Before the imports: dyads.batch reads it while this package is still initialising.
__version__ = "0.1.0"

from .batch import RunSummary, code_corpus
from .evaluate import evaluate
from .kb import resolve_phrase
from .pipeline import code_articles, code_text
from .records import (
    SCHEMA,
    Actor,
    Article,
    CodedDocument,
    Event,
    Location,
    Quote,
    Reject,
    Why,
)

__all__ = [
    "SCHEMA",
    "Actor",
    "Article",
    "CodedDocument",
    "Event",
    "Location",
    "Quote",
    "Reject",
    "RunSummary",
    "Why",
    "__version__",
    "code_articles",
    "code_corpus",
    "code_text",
    "evaluate",
    "resolve_phrase",
]
