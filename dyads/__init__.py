"""dyads: political event data from news text — who did what to whom, and who said what."""

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

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "Actor",
    "Article",
    "CodedDocument",
    "Event",
    "Location",
    "Quote",
    "Reject",
    "Why",
    "__version__",
    "code_articles",
    "code_text",
]
