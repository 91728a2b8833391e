"""Keep coded documents in a DuckDB database: one table per record kind, keyed by doc_id.

Tables (columns derived from :mod:`dyads.records` by :func:`dyads.export.flat_columns`,
so a field added there becomes a column here; an existing database gains it on open):

- ``documents``: one row per document — the :class:`~dyads.records.CodedDocument`
  scalars plus ``text_hash`` and ``coder`` (what decides whether a document must be
  re-coded), ``run_id`` and ``coded_at``;
- ``actors``, ``events``, ``quotes``: one row per record, with ``doc_id`` and ``seq``
  (its position in the document); spans are ``<name>_start``/``<name>_end`` pairs,
  nested records flattened (``location_country``);
- ``mentions``: one row per actor mention (``doc_id``, ``actor_id``, ``seq``,
  ``start``, ``end``, ``text``);
- ``runs``: one row per ``dyads code`` run into the database.

Writing a batch of documents is one transaction: a document coded again replaces
its rows, never duplicates them, and a crash leaves the database as it was before
the batch.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from .errors import StoreError
from .export import Column, flat_columns, unflatten
from .records import Actor, CodedDocument, Event, Quote

_DUCKDB_TYPES = {
    pa.string(): "VARCHAR",
    pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE",
    pa.bool_(): "BOOLEAN",
    pa.date32(): "DATE",
    pa.timestamp("us"): "TIMESTAMP",
    pa.list_(pa.string()): "VARCHAR[]",
}


@dataclass(frozen=True, slots=True)
class Table:
    """One table of the store: its name and columns in order."""

    name: str
    columns: tuple[tuple[str, pa.DataType], ...]

    @property
    def schema(self) -> pa.Schema:
        return pa.schema(self.columns)


def _table(name: str, keys: Sequence[tuple[str, pa.DataType]], cols: Iterable[Column]) -> Table:
    return Table(name, (*keys, *((c.name, c.type) for c in cols)))


_DOC_ID = ("doc_id", pa.string())
_SEQ = ("seq", pa.int64())
_DOC_EXTRA = (
    ("text_hash", pa.string()),
    ("coder", pa.string()),
    ("run_id", pa.string()),
    ("coded_at", pa.timestamp("us")),
)
_DOC_COLUMNS = flat_columns(CodedDocument)
_ACTOR_COLUMNS = flat_columns(Actor)
_EVENT_COLUMNS = flat_columns(Event)
_QUOTE_COLUMNS = flat_columns(Quote)

TABLES: dict[str, Table] = {
    "documents": Table("documents", (*((c.name, c.type) for c in _DOC_COLUMNS), *_DOC_EXTRA)),
    "actors": _table("actors", (_DOC_ID, _SEQ), _ACTOR_COLUMNS),
    "mentions": Table(
        "mentions",
        (
            _DOC_ID,
            ("actor_id", pa.string()),
            _SEQ,
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("text", pa.string()),
        ),
    ),
    "events": _table("events", (_DOC_ID, _SEQ), _EVENT_COLUMNS),
    "quotes": _table("quotes", (_DOC_ID, _SEQ), _QUOTE_COLUMNS),
    "runs": Table(
        "runs",
        (
            ("run_id", pa.string()),
            ("started", pa.timestamp("us")),
            ("finished", pa.timestamp("us")),
            ("inputs", pa.list_(pa.string())),
            ("coder", pa.string()),
            ("coded", pa.int64()),
            ("skipped", pa.int64()),
            ("rejected", pa.int64()),
        ),
    ),
}
_CHILDREN = ("actors", "mentions", "events", "quotes")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _ddl(table: Table) -> str:
    cols = []
    for name, typ in table.columns:
        col = f"{_quote(name)} {_DUCKDB_TYPES[typ]}"
        if table.name == "documents" and name == "doc_id":
            col += " PRIMARY KEY"
        cols.append(col)
    return f"CREATE TABLE IF NOT EXISTS {table.name} ({', '.join(cols)})"


@dataclass(frozen=True, slots=True)
class Stored:
    """What the store holds for one document: enough to decide whether to re-code it."""

    text_hash: str
    coder: str


class Store:
    """A DuckDB database of coded documents.

    Example:
        >>> with Store("news.duckdb") as store:
        ...     store.replace([(doc, text_hash(article))], coder="dyads 0.1.0")
    """

    def __init__(
        self, path: str | Path, read_only: bool = False, memory_limit: str | None = None
    ) -> None:
        """Open (and create or upgrade) the database at ``path``.

        Args:
            path: The database file (created if missing).
            read_only: Open without writing (several readers may share the file).
            memory_limit: DuckDB's memory limit (``"64MB"``). A long-running writer
                sets it: DuckDB otherwise caches up to 80% of RAM as the file grows.

        Raises:
            StoreError: The file is not a DuckDB database or is locked by another process.
        """
        self.path = Path(path)
        config = {"memory_limit": memory_limit} if memory_limit else {}
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only, config=config)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the database ({_first_line(exc)})") from exc
        if not read_only:
            self._create()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (committed data is already on disk)."""
        self.con.close()

    def _create(self) -> None:
        for table in TABLES.values():
            self.con.execute(_ddl(table))
            have = {row[0] for row in self.con.execute(f"DESCRIBE {table.name}").fetchall()}
            for name, typ in table.columns:
                if name not in have:
                    # A field added to records.py since the database was made.
                    self.con.execute(
                        f"ALTER TABLE {table.name} ADD COLUMN {_quote(name)} {_DUCKDB_TYPES[typ]}"
                    )

    def stored(self, doc_ids: Sequence[str]) -> dict[str, Stored]:
        """Return what the store holds for those of ``doc_ids`` it has."""
        if not doc_ids:
            return {}
        # A parameter, not a registered view: nothing to unregister when Ctrl-C interrupts.
        try:
            rows = self.con.execute(
                "SELECT doc_id, text_hash, coder FROM documents "
                "WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                [list(doc_ids)],
            ).fetchall()
        except (duckdb.Error, RuntimeError) as exc:
            raise _failure(self.path, "cannot read", exc) from exc
        return {doc_id: Stored(h or "", c or "") for doc_id, h, c in rows}

    def replace(
        self,
        docs: Sequence[tuple[CodedDocument, str]],
        coder: str = "",
        run_id: str | None = None,
    ) -> None:
        """Write documents in one transaction, replacing any stored under the same doc_id.

        Args:
            docs: ``(document, text_hash)`` pairs; the hash is
                :func:`dyads.pipeline.text_hash` of the article it was coded from.
            coder: What coded them (dyads version and model), stored for resume checks.
            run_id: The run that coded them (see :meth:`start_run`).

        Raises:
            StoreError: The database cannot be written; nothing of the batch is kept.
        """
        latest: dict[str, tuple[CodedDocument, str]] = {}
        for doc, digest in docs:
            latest[doc.doc_id] = (doc, digest)  # the last of duplicate ids in one batch wins
        if not latest:
            return
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        tables = _rows([d for d, _ in latest.values()])
        tables["documents"]["text_hash"] = [h for _, h in latest.values()]
        tables["documents"]["coder"] = [coder] * len(latest)
        tables["documents"]["run_id"] = [run_id] * len(latest)
        tables["documents"]["coded_at"] = [now] * len(latest)
        arrows = {
            name: pa.table(columns, schema=TABLES[name].schema) for name, columns in tables.items()
        }
        replaced = list(self.stored(list(latest)))
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            if replaced:
                con.register("_dyads_ids", pa.table({"doc_id": pa.array(replaced, pa.string())}))
                for name in ("documents", *_CHILDREN):
                    con.execute(
                        f"DELETE FROM {name} WHERE doc_id IN (SELECT doc_id FROM _dyads_ids)"
                    )
                con.unregister("_dyads_ids")
            for name, arrow in arrows.items():
                if arrow.num_rows:
                    con.register("_dyads_rows", arrow)
                    con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _dyads_rows")
                    con.unregister("_dyads_rows")
            con.execute("COMMIT")
        except BaseException as exc:
            con.execute("ROLLBACK")
            if isinstance(exc, (duckdb.Error, RuntimeError)):
                raise _failure(self.path, "cannot write", exc) from exc
            raise

    def start_run(self, inputs: Sequence[str], coder: str) -> str:
        """Record the start of a run and return its id."""
        run_id = uuid.uuid4().hex[:12]
        self.con.execute(
            "INSERT INTO runs (run_id, started, inputs, coder) VALUES (?, ?, ?, ?)",
            [run_id, dt.datetime.now(dt.UTC).replace(tzinfo=None), list(inputs), coder],
        )
        return run_id

    def finish_run(self, run_id: str, coded: int, skipped: int, rejected: int) -> None:
        """Record the end of a run and its counts."""
        self.con.execute(
            "UPDATE runs SET finished = ?, coded = ?, skipped = ?, rejected = ? WHERE run_id = ?",
            [dt.datetime.now(dt.UTC).replace(tzinfo=None), coded, skipped, rejected, run_id],
        )

    def count(self) -> int:
        """Return the number of documents stored."""
        return self.con.execute("SELECT count(*) FROM documents").fetchall()[0][0]

    def documents(
        self, doc_ids: Sequence[str] | None = None, batch: int = 500
    ) -> Iterator[CodedDocument]:
        """Yield stored documents rebuilt as records, in ``doc_ids`` order (default: by id).

        Unknown ids are skipped.
        """
        if doc_ids is None:
            query = "SELECT doc_id FROM documents ORDER BY 1"
            doc_ids = [r[0] for r in self.con.execute(query).fetchall()]
        for i in range(0, len(doc_ids), batch):
            part = list(doc_ids[i : i + batch])
            self.con.register("_dyads_ids", pa.table({"doc_id": pa.array(part, pa.string())}))
            try:
                found = {name: self._select(name) for name in ("documents", *_CHILDREN)}
            finally:
                self.con.unregister("_dyads_ids")
            by_doc: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
            for name in _CHILDREN:
                for row in found[name]:
                    by_doc[row["doc_id"]][name].append(row)
            docs = {row["doc_id"]: row for row in found["documents"]}
            for doc_id in part:
                if doc_id in docs:
                    yield _document(docs[doc_id], by_doc[doc_id])

    def _select(self, name: str) -> list[dict[str, Any]]:
        order = "doc_id, seq" if name != "documents" else "doc_id"
        try:
            result = self.con.execute(
                f"SELECT * FROM {name} WHERE doc_id IN (SELECT doc_id FROM _dyads_ids) "
                f"ORDER BY {order}"
            )
            names = [d[0] for d in result.description]
            return [dict(zip(names, row, strict=True)) for row in result.fetchall()]
        except (duckdb.Error, RuntimeError) as exc:
            raise _failure(self.path, "cannot read", exc) from exc


def _rows(docs: Sequence[CodedDocument]) -> dict[str, dict[str, list[Any]]]:
    """Flatten documents into column lists, one dict per table.

    Built a column at a time (one list comprehension per column) rather than a record
    at a time: this runs in the main process for every chunk of a run.
    """
    actors = [(doc, seq, a) for doc in docs for seq, a in enumerate(doc.actors)]
    mentions = [
        (doc.doc_id, actor.id, n, start, end, doc.text[start:end])
        for doc, _, actor in actors
        for n, (start, end) in enumerate(actor.mentions)
    ]
    events = [(doc, seq, e) for doc in docs for seq, e in enumerate(doc.events)]
    quotes = [(doc, seq, q) for doc in docs for seq, q in enumerate(doc.quotes)]
    mention_columns = [name for name, _ in TABLES["mentions"].columns]
    return {
        "documents": {col.name: [col.get(doc) for doc in docs] for col in _DOC_COLUMNS},
        "actors": _child_columns(actors, _ACTOR_COLUMNS),
        "mentions": {name: [m[i] for m in mentions] for i, name in enumerate(mention_columns)},
        "events": _child_columns(events, _EVENT_COLUMNS),
        "quotes": _child_columns(quotes, _QUOTE_COLUMNS),
    }


def _child_columns(
    records: Sequence[tuple[CodedDocument, int, Any]], columns: Sequence[Column]
) -> dict[str, list[Any]]:
    """Columns of a child table from ``(document, seq, record)`` triples."""
    out: dict[str, list[Any]] = {
        "doc_id": [doc.doc_id for doc, _, _ in records],
        "seq": [seq for _, seq, _ in records],
    }
    for col in columns:
        get = col.get
        out[col.name] = [get(record) for _, _, record in records]
    return out


def _document(row: dict[str, Any], children: dict[str, list[dict[str, Any]]]) -> CodedDocument:
    mentions: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in children["mentions"]:
        mentions[m["actor_id"]].append((m["start"], m["end"]))
    actors = tuple(
        unflatten(Actor, a, children={"mentions": tuple(mentions[a["id"]])})
        for a in children["actors"]
    )
    events = tuple(unflatten(Event, e) for e in children["events"])
    quotes = tuple(unflatten(Quote, q) for q in children["quotes"])
    return unflatten(
        CodedDocument, row, children={"actors": actors, "events": events, "quotes": quotes}
    )


def _failure(path: Path, what: str, exc: Exception) -> BaseException:
    """The error to raise for a failed query.

    DuckDB turns a Ctrl-C that lands during a query into ``InterruptException``, or,
    while it fetches the result, into a plain ``RuntimeError("Query interrupted")``;
    either stays an interrupt (``KeyboardInterrupt``), so a run stops cleanly and says
    how to resume, instead of failing as if the database were broken.
    """
    if isinstance(exc, duckdb.InterruptException) or (
        type(exc) is RuntimeError and "interrupted" in str(exc).lower()
    ):
        return KeyboardInterrupt()
    return StoreError(f"{path}: {what} ({_first_line(exc)})")


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
