"""Errors and warnings dyads raises.

::

    DyadsError                 anything dyads raises on purpose
    ├── InputError             a record or input file that cannot be read
    ├── DataFileError          a malformed lexicon, knowledge-base or dictionary file
    ├── ModelNotFound          the spaCy pipeline is not installed
    ├── StoreError             the DuckDB store or an output file cannot be written
    └── WorkerError            a worker process of a parallel run died or failed

    DyadsWarning               a problem with one document that does not stop the run

Messages are one line: the place (``file:line`` or the document id), the cause,
and where there is one, the fix.
"""

from __future__ import annotations


class DyadsError(Exception):
    """Base class of every error dyads raises on purpose."""


class InputError(DyadsError):
    """An input record or file that cannot be read."""


class DataFileError(DyadsError):
    """A data file (lexicon, knowledge base, user dictionary) with a malformed line."""


class ModelNotFound(DyadsError):
    """The spaCy pipeline dyads needs is not installed."""


class StoreError(DyadsError):
    """The DuckDB store or an output file cannot be written."""


class WorkerError(DyadsError):
    """A worker process of a parallel run died or could not start."""


class DyadsWarning(UserWarning):
    """A problem with a single document: dyads goes on and records it."""


MODEL_NOT_INSTALLED = "spaCy pipeline {name!r} is not installed; run: pip install {package}"
NO_TEXT_FIELD = "{origin}: no field 'text'; give each record a 'text' field (or a .txt file)"
EMPTY_TEXT = "{origin}: empty text"
NOT_UTF8 = "{origin}: not UTF-8 text ({cause}); re-encode the file as UTF-8"
BAD_JSON = "{origin}: malformed JSON ({cause})"
BAD_DATE = "{origin}: bad date {value!r} in {field!r}; use YYYY-MM-DD"
