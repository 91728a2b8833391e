"""The only code that opens files under ``dyads/data/``.

Data files follow ``docs/data-files.md``: word lists are ``.txt`` (one entry a
line), tables are ``.tsv`` with a header row, and both open with ``#`` lines
giving ``source:``, ``license:``, ``retrieved:`` and ``notes:``. Loaders skip
those lines, cache what they read, and report malformed lines as
``file:line: cause``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import DataFileError

DATA_DIR = Path(str(resources.files("dyads") / "data"))


def data_path(name: str) -> Path:
    """Return the path of a bundled data file, raising if it does not exist."""
    path = DATA_DIR / name
    if not path.exists():
        raise DataFileError(f"{name}: bundled data file is missing; reinstall dyads")
    return path


def iter_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield ``(line number, line)`` for the non-blank, non-comment lines of a text file."""
    try:
        with path.open(encoding="utf-8") as handle:
            for number, raw in enumerate(handle, start=1):
                line = raw.rstrip("\n").rstrip("\r")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                yield number, line
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path}: not UTF-8 ({exc.reason})") from exc


def iter_tsv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line number, row)`` for each data row of a TSV file with a header row.

    Missing trailing cells read as empty strings; extra cells are an error.
    """
    header: list[str] | None = None
    for number, line in iter_lines(path):
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) > len(header):
            raise DataFileError(
                f"{path.name}:{number}: {len(cells)} cells for {len(header)} columns"
            )
        cells += [""] * (len(header) - len(cells))
        yield number, {k: v.strip() for k, v in zip(header, cells, strict=True)}


@functools.cache
def word_list(name: str) -> frozenset[str]:
    """Return a bundled word list (``.txt``) as a set of lower-cased entries."""
    return frozenset(line.strip().lower() for _, line in iter_lines(data_path(name)))


@functools.cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """Return the rows of a bundled ``.tsv`` table."""
    return tuple(row for _, row in iter_tsv(data_path(name)))


@functools.cache
def json_data(name: str) -> Any:
    """Return a bundled JSON document."""
    path = data_path(name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{name}:{exc.lineno}: {exc.msg}") from exc
