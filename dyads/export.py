"""Write coded documents as JSON Lines, CSV or Parquet, whole or not at all.

Every layout here is derived from the dataclasses in :mod:`dyads.records`
(``dataclasses.fields`` and their type hints), so a field added there appears
in every output without touching this module:

- ``.jsonl``: one :meth:`CodedDocument.to_dict` object a line (schema ``dyads/1``);
- ``.parquet``: one row per document, actors, events and quotes as lists of
  structs, spans as ``[start, end]`` pairs (:func:`document_schema`);
- ``.csv``: one row per event, flattened (:func:`event_columns`, documented in
  ``docs/scale.md``).

Files are written to a temporary name in the target directory, flushed to disk
and renamed into place, so a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import functools
import json
import os
import sys
import types
import typing
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from .errors import StoreError
from .records import SCHEMA, Actor, CodedDocument, Event, field_names

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
# Actor-id fields of an event that the CSV expands with the actors' names, countries, sectors.
ACTOR_ID_FIELDS = ("actor", "recipient")
ACTOR_DETAILS = ("name", "country", "sector")
# Spans whose covered text the CSV spells out beside the offsets.
TEXT_SPANS = ("trigger", "evidence")
JOIN = "|"

_SCALARS: dict[type, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
    dt.date: pa.date32(),
}
_SPAN = pa.list_(pa.int64(), 2)


# -- introspection of records.py ---------------------------------------------------------------


def _strip_optional(hint: Any) -> Any:
    """Return ``X`` for ``X | None``; other hints unchanged."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return hint


def _is_span(hint: Any) -> bool:
    return typing.get_origin(hint) is tuple and typing.get_args(hint) == (int, int)


def _item_type(hint: Any) -> Any | None:
    """Return ``X`` for ``tuple[X, ...]``, else None."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    return None


@functools.cache
def record_fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """Return ``(name, type hint)`` for each field of a record class, in field order."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def arrow_type(hint: Any) -> pa.DataType:
    """Map a records.py type hint to the Arrow type that holds it."""
    hint = _strip_optional(hint)
    if hint in _SCALARS:
        return _SCALARS[hint]
    if _is_span(hint):
        return _SPAN
    item = _item_type(hint)
    if item is not None:
        return pa.list_(arrow_type(item))
    if dataclasses.is_dataclass(hint):
        return pa.struct([pa.field(n, arrow_type(h)) for n, h in record_fields(hint)])
    raise TypeError(f"no Arrow type for {hint!r}; extend dyads.export.arrow_type")


@functools.cache
def document_schema() -> pa.Schema:
    """Return the Arrow schema of a coded document (one Parquet row), ``schema`` first."""
    fields = dict(record_fields(CodedDocument))
    names = ["schema", *(n for n in fields if n != "schema")]
    schema = pa.schema([pa.field(n, arrow_type(fields[n])) for n in names])
    return schema.with_metadata({"dyads.schema": SCHEMA})


# Values pyarrow takes as they are: most of a record's fields, returned at once.
_ARROW_READY = frozenset({str, int, float, bool, type(None), dt.date})


def arrow_value(value: Any) -> Any:
    """Convert a record value to what ``pyarrow`` builds its type from (dicts and lists)."""
    kind = type(value)
    if kind in _ARROW_READY:
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for name in field_names(kind):
            item = getattr(value, name)
            out[name] = item if type(item) in _ARROW_READY else arrow_value(item)
        return out
    if isinstance(value, tuple):
        return [v if type(v) in _ARROW_READY else arrow_value(v) for v in value]
    return value


def document_row(doc: CodedDocument) -> dict[str, Any]:
    """Return one document as a Parquet row (the values of :func:`document_schema`)."""
    return {name: arrow_value(getattr(doc, name)) for name in field_names(CodedDocument)}


def documents_table(docs: Iterable[CodedDocument]) -> pa.Table:
    """Return documents as an Arrow table in :func:`document_schema`."""
    return pa.Table.from_pylist([document_row(d) for d in docs], schema=document_schema())


def row_to_document(row: dict[str, Any]) -> CodedDocument:
    """Rebuild a document from a Parquet row (the inverse of :func:`document_row`)."""
    plain = dict(row)
    if isinstance(plain.get("published"), dt.date):
        plain["published"] = plain["published"].isoformat()
    return CodedDocument.from_dict(plain)


# -- flattening (CSV and DuckDB) ----------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class Column:
    """One flat column: its name, Arrow type and how to read it from a record."""

    name: str
    type: pa.DataType
    get: Callable[[Any], Any]


def _chain(outer: Callable[[Any], Any], inner: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def get(record: Any) -> Any:
        value = outer(record)
        return None if value is None else inner(value)

    return get


def _attr(name: str) -> Callable[[Any], Any]:
    def get(record: Any) -> Any:
        return getattr(record, name)

    return get


def _index(i: int) -> Callable[[Any], Any]:
    def get(span: Any) -> Any:
        return span[i]

    return get


@functools.cache
def flat_columns(cls: type, prefix: str = "", skip: tuple[str, ...] = ()) -> tuple[Column, ...]:
    """Flatten a record class into scalar and list columns.

    A span becomes ``<name>_start`` and ``<name>_end``; a nested record ``location``
    becomes ``location_name``, ``location_country`` …; ``tuple[str, ...]`` stays a list.
    Tuples of records and of spans are child tables, not columns: they are skipped.

    Args:
        cls: A dataclass from :mod:`dyads.records`.
        prefix: Prepended to every column name (used for nested records).
        skip: Field names to leave out.
    """
    columns: list[Column] = []
    for name, hint in record_fields(cls):
        if name in skip:
            continue
        hint = _strip_optional(hint)
        get = _attr(name)
        item = _item_type(hint)
        if _is_span(hint):
            columns.append(Column(f"{prefix}{name}_start", pa.int64(), _chain(get, _index(0))))
            columns.append(Column(f"{prefix}{name}_end", pa.int64(), _chain(get, _index(1))))
        elif dataclasses.is_dataclass(hint):
            for col in flat_columns(hint, f"{prefix}{name}_"):
                columns.append(Column(col.name, col.type, _chain(get, col.get)))
        elif item is not None and (dataclasses.is_dataclass(item) or _is_span(item)):
            continue
        else:
            columns.append(Column(f"{prefix}{name}", arrow_type(hint), get))
    return tuple(columns)


def unflatten(
    cls: type, row: dict[str, Any], prefix: str = "", children: dict[str, tuple] | None = None
) -> Any:
    """Rebuild a record from its :func:`flat_columns` values (the inverse of flattening).

    Args:
        cls: The record class.
        row: Column name → value, as :func:`flat_columns` named them.
        prefix: The prefix the columns were flattened with.
        children: Values of the fields kept in child tables (tuples of records or spans).
    """
    values: dict[str, Any] = {}
    for name, hint in record_fields(cls):
        inner = _strip_optional(hint)
        item = _item_type(inner)
        if _is_span(inner):
            start, end = row[f"{prefix}{name}_start"], row[f"{prefix}{name}_end"]
            values[name] = None if start is None else (start, end)
        elif dataclasses.is_dataclass(inner):
            sub = f"{prefix}{name}_"
            empty = all(row[c.name] is None for c in flat_columns(inner, sub))
            values[name] = None if empty and inner is not hint else unflatten(inner, row, sub)
        elif item is not None and (dataclasses.is_dataclass(item) or _is_span(item)):
            values[name] = (children or {}).get(name, ())
        elif item is not None:
            values[name] = tuple(row[f"{prefix}{name}"] or ())
        else:
            values[name] = row[f"{prefix}{name}"]
    return cls(**values)


@functools.cache
def event_columns() -> tuple[str, ...]:
    """Return the CSV header: one row per event, flattened (see ``docs/scale.md``)."""
    return tuple(name for name, _ in _event_csv_spec())


@functools.cache
def _event_csv_spec() -> tuple[tuple[str, Callable[[CodedDocument, dict, Event], Any]], ...]:
    spec: list[tuple[str, Callable[[CodedDocument, dict, Event], Any]]] = [
        ("doc_id", lambda doc, actors, ev: doc.doc_id),
        ("published", lambda doc, actors, ev: doc.published),
    ]
    for col in flat_columns(Event):
        spec.append(_csv_field(col))
        if col.name in ACTOR_ID_FIELDS:
            for detail in ACTOR_DETAILS:
                spec.append((f"{col.name}_{detail}", _actor_detail(col.get, detail)))
        for span in TEXT_SPANS:
            if col.name == f"{span}_end":
                spec.append((f"{span}_text", _span_text(span)))
    return tuple(spec)


def _csv_field(col: Column) -> tuple[str, Callable[[CodedDocument, dict, Event], Any]]:
    get = col.get
    name = "event_id" if col.name == "id" else col.name
    if pa.types.is_list(col.type):
        return name, lambda doc, actors, ev: JOIN.join(get(ev) or ())
    return name, lambda doc, actors, ev: get(ev)


def _actor_detail(
    ids: Callable[[Event], Any], detail: str
) -> Callable[[CodedDocument, dict, Event], Any]:
    def get(doc: CodedDocument, actors: dict[str, Actor], ev: Event) -> str:
        found = (actors.get(i) for i in ids(ev) or ())
        return JOIN.join((getattr(a, detail) or "") if a else "" for a in found)

    return get


def _span_text(name: str) -> Callable[[CodedDocument, dict, Event], Any]:
    def get(doc: CodedDocument, actors: dict[str, Actor], ev: Event) -> str | None:
        span = getattr(ev, name)
        return doc.text[span[0] : span[1]] if span else None

    return get


def event_rows(doc: CodedDocument) -> Iterator[list[Any]]:
    """Yield the CSV rows of one document: one per event, in :func:`event_columns` order."""
    actors = {a.id: a for a in doc.actors}
    spec = _event_csv_spec()
    for ev in doc.events:
        yield ["" if (v := get(doc, actors, ev)) is None else v for _, get in spec]


# -- writers ------------------------------------------------------------------------------------


def json_line(doc: CodedDocument) -> str:
    """Return a document as one JSON line (no newline), schema ``dyads/1``."""
    return json.dumps(doc.to_dict(), ensure_ascii=False, separators=(",", ":"))


def output_format(path: Path) -> str:
    """Return ``jsonl``, ``csv`` or ``parquet`` for an output path, by its extension.

    Raises:
        StoreError: The extension is not one dyads writes.
    """
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StoreError(
            f"{path}: cannot write {path.suffix or 'files without an extension'}; "
            f"name the output {', '.join(sorted(FORMATS))}"
        )
    return fmt


def fsync_dir(directory: Path) -> None:
    """Flush a directory entry to disk after a rename (no-op where unsupported)."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_path(path: Path, tmp_dir: Path | None = None) -> Iterator[Path]:
    """Yield a temporary path that replaces ``path`` when the block ends without error.

    The temporary file lives in ``tmp_dir`` (by default beside ``path``, which must
    be on the same file system) and is fsynced before the rename.

    Raises:
        StoreError: The file cannot be written.
    """
    directory = tmp_dir or path.parent
    # Unique, so that two writers of one file (a retried task) never share a temporary.
    tmp = directory / f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        yield tmp
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        raise StoreError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


class JsonlWriter:
    """Write documents as JSON lines to a text stream."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, doc: CodedDocument) -> None:
        self.stream.write(json_line(doc) + "\n")

    def write_json(self, line: str) -> None:
        """Write a document already serialised by :func:`json_line`."""
        self.stream.write(line if line.endswith("\n") else line + "\n")

    def close(self) -> None:
        self.stream.flush()


class CsvWriter:
    """Write one CSV row per event, with the header of :func:`event_columns`."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.writer = csv.writer(stream)
        self.writer.writerow(event_columns())

    def write(self, doc: CodedDocument) -> None:
        self.writer.writerows(event_rows(doc))

    def close(self) -> None:
        self.stream.flush()


class ParquetWriter:
    """Write documents as Parquet rows, a row group every ``row_group_size`` documents."""

    def __init__(self, path: Path, row_group_size: int = 512, metadata: dict | None = None):
        schema = document_schema()
        if metadata:
            schema = schema.with_metadata({**schema.metadata, **metadata})
        self.writer = pq.ParquetWriter(path, schema, compression="zstd")
        self.schema = schema
        self.row_group_size = row_group_size
        self.rows: list[dict[str, Any]] = []

    def write(self, doc: CodedDocument) -> None:
        self.rows.append(document_row(doc))
        if len(self.rows) >= self.row_group_size:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


DocumentWriter = JsonlWriter | CsvWriter | ParquetWriter


@contextlib.contextmanager
def open_writer(
    path: Path | None, tmp_dir: Path | None = None, metadata: dict | None = None
) -> Iterator[DocumentWriter]:
    """Open a writer for ``path`` chosen by its extension; ``None`` writes JSONL to stdout.

    The file appears, whole, only when the block ends without error.

    Args:
        path: Output file (``.jsonl``, ``.csv`` or ``.parquet``) or None for stdout.
        tmp_dir: Where the temporary file is written (same file system as ``path``).
        metadata: Extra key-value metadata for a Parquet file.

    Raises:
        StoreError: The extension is unknown or the file cannot be written.
    """
    if path is None:
        writer = JsonlWriter(sys.stdout)
        yield writer
        writer.close()
        return
    fmt = output_format(path)
    with atomic_path(path, tmp_dir) as tmp:
        if fmt == "parquet":
            pwriter = ParquetWriter(tmp, metadata=metadata)
            try:
                yield pwriter
            finally:
                pwriter.close()
        else:
            with tmp.open("w", encoding="utf-8", newline="") as handle:
                writer = JsonlWriter(handle) if fmt == "jsonl" else CsvWriter(handle)
                yield writer
                writer.close()


def write_documents(path: Path | None, docs: Iterable[CodedDocument]) -> int:
    """Write documents to ``path`` (format by extension; None: stdout) and return the count."""
    count = 0
    with open_writer(path) as writer:
        for doc in docs:
            writer.write(doc)
            count += 1
    return count


def read_documents(path: Path) -> Iterator[CodedDocument]:
    """Read back documents from a ``.jsonl`` or ``.parquet`` file (or a folder of parts).

    Raises:
        StoreError: The file is of a kind dyads cannot read back.
    """
    if path.is_dir() or path.suffix.lower() == ".parquet":
        files = sorted(path.glob("part-*.parquet")) if path.is_dir() else [path]
        for file in files:
            for batch in pq.ParquetFile(file).iter_batches(batch_size=256):
                for row in batch.to_pylist():
                    yield row_to_document(row)
        return
    if output_format(path) != "jsonl":
        raise StoreError(f"{path}: cannot read documents back from CSV; use .jsonl or .parquet")
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield CodedDocument.from_dict(json.loads(line))
