"""Read articles from files, folders and stdin, lazily, one record at a time.

Accepted inputs (``docs/input.md``):

- ``.txt``: one document; the file stem is its id, the first non-empty line its title;
- ``.jsonl`` / ``.ndjson``, ``.csv``, ``.parquet``: one document a record, with
  ``id`` and ``text`` and optionally ``title``, ``published``, ``source``, ``url``;
- a directory: every file of those kinds below it, in sorted order;
- ``-``: JSON lines on stdin.

Readers never hold a whole file in memory and never raise for a bad record:
they yield a :class:`~dyads.records.Reject` naming the record and the cause,
and go on with the next one.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from . import errors
from .errors import InputError
from .records import Article, Reject

SUFFIXES = (".txt", ".jsonl", ".ndjson", ".csv", ".parquet")
FIELDS = ("id", "text", "title", "published", "source", "url")

csv.field_size_limit(2**31 - 1)
# JSON escapes can spell half a UTF-16 pair ("\ud83d"), which no UTF-8 output can hold.
_SURROGATES = re.compile("[\ud800-\udfff]")


# Called with the number of input bytes the readers have got through since the last call.
OnRead = Callable[[int], None]


def read_inputs(
    inputs: Iterable[str | Path],
    published: dt.date | None = None,
    on_read: OnRead | None = None,
) -> Iterator[Article | Reject]:
    """Yield an :class:`Article` or a :class:`Reject` for every record of every input.

    Args:
        inputs: File paths, directories, or ``"-"`` for JSON lines on stdin.
        published: Publication date for records that carry none.
        on_read: Told how many bytes of the input files each step read (stdin is not
            counted); with :func:`input_size` it drives a progress bar.

    Raises:
        InputError: An input path does not exist or is of a kind dyads cannot read;
            raised before the first record, so a mistyped path costs no work.
    """
    inputs = list(inputs)
    check_inputs(inputs)
    for item in inputs:
        if str(item) == "-":
            yield from read_jsonl_stream(sys.stdin, "<stdin>", published)
            continue
        path = Path(item)
        for file in _files(path):
            yield from read_file(file, published, on_read)


def input_size(inputs: Iterable[str | Path]) -> int | None:
    """Return the total bytes of the input files, or ``None`` if one input is stdin."""
    total = 0
    for item in inputs:
        if str(item) == "-":
            return None
        for file in _files(Path(item)):
            try:
                total += file.stat().st_size
            except OSError:
                continue  # the reader reports it
    return total


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and _readable(p))
    return [path]


def check_inputs(inputs: Iterable[str | Path]) -> None:
    """Raise :class:`InputError` unless every input is ``-``, a folder or a file dyads reads."""
    for item in inputs:
        if str(item) == "-":
            continue
        path = Path(item)
        if path.is_dir():
            continue
        if not path.is_file():
            raise InputError(f"{path}: no such file or directory")
        if not _readable(path):
            raise InputError(
                f"{path}: cannot read {path.suffix or 'files without a suffix'}; "
                f"give {', '.join(SUFFIXES)} files, a folder of them, or - for stdin"
            )


def _readable(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES and not path.name.startswith(".")


def read_file(
    path: Path, published: dt.date | None = None, on_read: OnRead | None = None
) -> Iterator[Article | Reject]:
    """Yield the records of one input file, choosing the reader by suffix."""
    suffix = path.suffix.lower()
    if suffix == ".txt":
        record = read_txt(path, published)
        if on_read is not None:
            on_read(_size(path))
        yield record
    elif suffix in (".jsonl", ".ndjson"):
        with path.open("rb") as handle:
            yield from read_jsonl_stream(handle, str(path), published, on_read)
    elif suffix == ".csv":
        yield from read_csv(path, published, on_read)
    elif suffix == ".parquet":
        yield from read_parquet(path, published, on_read)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def read_txt(path: Path, published: dt.date | None = None) -> Article | Reject:
    """Read a ``.txt`` file as one article: stem is the id, first non-empty line the title."""
    origin = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Reject(origin, f"{origin}: cannot read ({exc.strerror})", path.stem)
    text, problem = _decode(raw, origin)
    if problem:
        return Reject(origin, problem, path.stem)
    lines = text.lstrip().split("\n", 1)
    title = lines[0].strip()
    body = lines[1] if len(lines) > 1 else ""
    if not body.strip():
        return Reject(origin, errors.EMPTY_TEXT.format(origin=origin), path.stem)
    return Article(path.stem, body, title or None, published, None, None, origin)


def _decode(raw: bytes, origin: str) -> tuple[str, str | None]:
    if b"\x00" in raw[:65536]:
        return "", errors.NOT_UTF8.format(origin=origin, cause="binary data")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return "", errors.NOT_UTF8.format(
            origin=origin, cause=f"byte 0x{raw[exc.start]:02x} at offset {exc.start}"
        )


def read_jsonl_stream(
    stream: TextIO | io.BufferedIOBase | Any,
    name: str,
    published: dt.date | None = None,
    on_read: OnRead | None = None,
) -> Iterator[Article | Reject]:
    """Yield the records of a JSON-lines stream (bytes or text), one object a line."""
    for number, raw in enumerate(stream, start=1):
        origin = f"{name}:{number}"
        if isinstance(raw, bytes):
            if on_read is not None:
                on_read(len(raw))
            line, problem = _decode(raw, origin)
            if problem:
                yield Reject(origin, problem)
                continue
        else:
            line = raw
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Reject(origin, errors.BAD_JSON.format(origin=origin, cause=exc.msg))
            continue
        if not isinstance(data, dict):
            yield Reject(origin, f"{origin}: expected a JSON object, got {type(data).__name__}")
            continue
        yield article_from_record(data, origin, f"{Path(name).stem}-{number}", published)


def read_csv(
    path: Path, published: dt.date | None = None, on_read: OnRead | None = None
) -> Iterator[Article | Reject]:
    """Yield the records of a CSV file with a header row naming at least ``text``."""
    origin = str(path)
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        yield Reject(origin, f"{origin}: cannot read ({exc.strerror})")
        return
    with handle:
        try:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or "text" not in reader.fieldnames:
                yield Reject(
                    origin,
                    f"{origin}: no column 'text' in the header "
                    f"({', '.join(reader.fieldnames or []) or 'empty file'})",
                )
                return
            position = 0
            for row in reader:
                line = reader.line_num
                if on_read is not None:
                    # The byte stream's position runs ahead by one read buffer at most.
                    now = handle.buffer.tell()
                    on_read(now - position)
                    position = now
                yield article_from_record(row, f"{origin}:{line}", f"{path.stem}-{line}", published)
        except UnicodeDecodeError as exc:
            yield Reject(origin, errors.NOT_UTF8.format(origin=origin, cause=exc.reason))
        except csv.Error as exc:
            yield Reject(origin, f"{origin}: malformed CSV ({exc})")


def read_parquet(
    path: Path, published: dt.date | None = None, on_read: OnRead | None = None
) -> Iterator[Article | Reject]:
    """Yield the rows of a Parquet file batch by batch, never loading it whole."""
    import pyarrow.parquet as pq

    origin = str(path)
    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several unrelated types for a bad file
        yield Reject(origin, f"{origin}: not a readable Parquet file ({exc})")
        return
    names = parquet.schema_arrow.names
    if "text" not in names:
        yield Reject(origin, f"{origin}: no column 'text' ({', '.join(names)})")
        return
    columns = [c for c in FIELDS if c in names]
    row = counted = 0
    size, rows = _size(path), max(parquet.metadata.num_rows, 1)
    for batch in parquet.iter_batches(batch_size=256, columns=columns):
        if on_read is not None:
            # Bytes in proportion to rows: row groups compress unevenly, but it is close.
            reached = size * min(row + batch.num_rows, rows) // rows
            on_read(reached - counted)
            counted = reached
        for record in batch.to_pylist():
            row += 1
            yield article_from_record(
                record, f"{origin}:row {row}", f"{path.stem}-{row}", published
            )


def article_from_record(
    data: dict[str, Any], origin: str, default_id: str, published: dt.date | None = None
) -> Article | Reject:
    """Validate one record (a JSON object, CSV row or Parquet row) into an :class:`Article`.

    A record without ``id`` is named ``default_id`` (file stem and line), which stays
    the same across runs of the same file.
    """
    doc_id = _optional_str(data.get("id")) or default_id
    if "text" not in data:
        return Reject(origin, errors.NO_TEXT_FIELD.format(origin=origin), doc_id)
    text = data["text"]
    if not isinstance(text, str):
        return Reject(
            origin, f"{origin}: field 'text' is {type(text).__name__}, not a string", doc_id
        )
    if not text.strip():
        return Reject(origin, errors.EMPTY_TEXT.format(origin=origin), doc_id)
    text = _SURROGATES.sub("\ufffd", text)
    if "\x00" in text:
        return Reject(origin, errors.NOT_UTF8.format(origin=origin, cause="binary data"), doc_id)
    try:
        date = parse_date(data.get("published"), origin) or published
    except InputError as exc:
        return Reject(origin, str(exc), doc_id)
    return Article(
        doc_id=doc_id,
        text=text,
        title=_optional_str(data.get("title")),
        published=date,
        source=_optional_str(data.get("source")),
        url=_optional_str(data.get("url")),
        origin=origin,
    )


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    text = _SURROGATES.sub("\ufffd", str(value)).strip()
    return text or None


def parse_date(value: Any, origin: str = "", field: str = "published") -> dt.date | None:
    """Parse a publication date: ``YYYY-MM-DD`` or an ISO timestamp; empty means none.

    Raises:
        InputError: The value is not a date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(
            errors.BAD_DATE.format(origin=origin or "input", value=text, field=field)
        ) from None
