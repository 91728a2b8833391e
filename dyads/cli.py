"""The ``dyads`` command line: thin wrappers that validate options and call the library.

stdout carries only machine output (JSON lines); progress, warnings and errors
go to stderr. Library errors (:class:`~dyads.errors.DyadsError`) print as one
line, ``error: <message>``, and exit 1; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from .errors import DyadsError, InputError
from .nlp import MODEL

app = typer.Typer(
    help="Political event data from news text: who did what to whom, and who said what.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
stderr = Console(stderr=True, soft_wrap=True)

Published = Annotated[
    Optional[str],  # noqa: UP045 - typer reads the annotation at run time
    typer.Option(
        "--published",
        "-p",
        help="Publication date (YYYY-MM-DD) for documents that carry none; "
        "relative dates such as 'Tuesday' count from it.",
    ),
]
ActorFiles = Annotated[
    Optional[list[Path]],  # noqa: UP045
    typer.Option(
        "--actors",
        "-a",
        help="User actor dictionary (dyads YAML/TSV, PETRARCH .actors/.agents); repeatable. "
        "Entries add to and override the bundled knowledge base.",
        exists=True,
        dir_okay=False,
    ),
]
Model = Annotated[
    str,
    typer.Option(
        "--model",
        "-m",
        help="Installed spaCy pipeline with a parser and NER to build on "
        "(e.g. en_core_web_trf for accuracy over speed).",
    ),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or notes on stderr.")]


def _date(value: str | None, option: str = "--published") -> dt.date | None:
    from .ingest import parse_date

    return parse_date(value, origin=option, field=option)


def _actor_files(files: list[Path] | None) -> tuple[str, ...]:
    return tuple(str(f) for f in files or ())


@app.command("code")
def code_cli(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Articles: .txt files, .jsonl/.csv/.parquet files, folders of them, "
            "or - for JSON lines on stdin.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help="Write to this file: .jsonl (one document a line), .csv (one event a row) "
            "or .parquet. Without -o and --db, JSON lines go to stdout.",
        ),
    ] = None,
    db: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--db", "-d", help="Append to this DuckDB database (created if missing)."),
    ] = None,
    published: Published = None,
    workers: Annotated[
        int, typer.Option("--workers", "-n", min=1, help="Worker processes, one model each.")
    ] = 1,
    batch_size: Annotated[
        int, typer.Option("--batch-size", "-b", min=1, help="Documents per spaCy batch.")
    ] = 32,
    actors: ActorFiles = None,
    dask: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--dask",
            help="Code on a Dask cluster at this scheduler address (needs dyads[dask]); "
            "-o names an output folder of Parquet partitions.",
        ),
    ] = None,
    model: Model = MODEL,
    force: Annotated[
        bool,
        typer.Option(
            "--force", "-F", help="Re-code documents the database already holds unchanged."
        ),
    ] = False,
    quiet: Quiet = False,
) -> None:
    """Code articles into actors, events and quotes (schema dyads/1).

    Bad records are reported, written to a rejects file beside the output, and
    skipped; the command fails only if no record could be coded. An interrupted
    run resumes where it stopped when run again.

    \b
    Example:
        dyads code examples/ --db news.duckdb
        dyads code articles.jsonl -o coded.jsonl --published 2019-05-14
    """
    from .batch import RESUME_HINT, RunOptions, run

    options = RunOptions(
        inputs=tuple(inputs),
        output=output,
        db=db,
        published=_date(published),
        workers=workers,
        batch_size=batch_size,
        actor_files=_actor_files(actors),
        dask=dask,
        progress=not quiet,
        model=model,
        force=force,
    )
    warnings = _WarningNotes(quiet)
    try:
        summary = run(
            options,
            on_reject=lambda r: stderr.print(f"error: {r.reason}", markup=False, highlight=False),
            on_warning=warnings.note,
        )
    except KeyboardInterrupt:
        stderr.print(RESUME_HINT, markup=False, highlight=False)
        raise typer.Exit(130) from None
    if not quiet:
        warnings.close()
        stderr.print(summary.render(), markup=False, highlight=False)
        if db is not None and summary.ok and not dask:
            from .show import store_overview
            from .store import Store

            with Store(db, read_only=True) as store:
                stderr.print(store_overview(store))
    if not summary.ok:
        raise typer.Exit(1)


class _WarningNotes:
    """Prints the first few document warnings on stderr and counts the rest.

    Warnings are kept with each document; a corpus of millions may raise thousands,
    so the terminal gets a sample and a total.
    """

    shown = 5

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.count = 0

    def note(self, doc_id: str, message: str) -> None:
        self.count += 1
        if not self.quiet and self.count <= self.shown:
            stderr.print(f"warning: {doc_id}: {message}", markup=False, highlight=False)

    def close(self) -> None:
        if self.count > self.shown:
            more = self.count - self.shown
            stderr.print(
                f"… and {more:,} more warnings (kept in each document's `warnings`)",
                markup=False,
                highlight=False,
            )


@app.command("resolve")
def resolve_cli(
    phrases: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(help="Actor phrases; without any, one phrase a line is read from stdin."),
    ] = None,
    date: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--date", help="Date (YYYY-MM-DD) that selects office holders."),
    ] = None,
    actors: ActorFiles = None,
) -> None:
    """Resolve actor phrases to name, kind, country and sector, one JSON object a line.

    \b
    Example:
        dyads resolve "a US destroyer" "Russian officials" "the Foreign Ministry"
        dyads resolve "President Putin" --date 2010-01-01
    """
    from .kb import KnowledgeBase, resolve_phrase

    kb = KnowledgeBase.load(_actor_files(actors))
    when = _date(date, "--date")
    lines = phrases if phrases else (line.strip() for line in sys.stdin)
    for phrase in lines:
        if phrase:
            result = resolve_phrase(phrase, when, kb=kb)
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")


@app.command("show")
def show_cli(
    file: Annotated[
        Path,
        typer.Argument(
            help="An article (.txt, or the first record of a .jsonl/.csv/.parquet), "
            "dyads output (.jsonl) to display as it is, or a dyads database (.duckdb).",
            exists=True,
            dir_okay=False,
        ),
    ],
    published: Published = None,
    actors: ActorFiles = None,
    model: Model = MODEL,
    doc_id: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--id", help="Show the document with this id instead of the first."),
    ] = None,
) -> None:
    """Show an article with its actors, events and quotes marked, and the tables under it.

    Given a database without --id, show what it holds: counts, events by type and
    modality, and the most frequent dyads.

    \b
    Example:
        dyads show examples/embassy-talks.txt
        dyads show coded.jsonl --id reuters-0042
        dyads show news.duckdb
    """
    from .ingest import read_file
    from .nlp import shared_pipeline
    from .pipeline import code_articles
    from .records import Article, CodedDocument
    from .show import render

    if file.suffix.lower() in _DATABASE_SUFFIXES:
        Console().print(_from_store(file, doc_id))
        return
    document = _coded_record(file, doc_id)
    if document is None:
        records = (r for r in read_file(file, _date(published)) if doc_id in (None, r.doc_id))
        first = next(records, None)
        if first is None:
            raise InputError(f"{file}: no document{f' with id {doc_id!r}' if doc_id else ''}")
        if not isinstance(first, Article):
            raise InputError(first.reason)
        nlp = shared_pipeline(model, actor_files=_actor_files(actors))
        (document,) = code_articles([first], nlp=nlp, batch_size=1)
        assert isinstance(document, CodedDocument)
    Console().print(render(document))


_DATABASE_SUFFIXES = (".duckdb", ".db")


def _from_store(file: Path, doc_id: str | None):
    """Return the overview of a dyads database, or one of its documents."""
    from .show import render, store_overview
    from .store import Store

    with Store(file, read_only=True) as store:
        if doc_id is None:
            return store_overview(store)
        document = next(store.documents([doc_id]), None)
    if document is None:
        raise InputError(f"{file}: no document with id {doc_id!r}")
    return render(document)


def _coded_record(file: Path, doc_id: str | None):
    """Return a document from a dyads output file, or None if the file holds articles."""
    from .records import SCHEMA, CodedDocument

    if file.suffix.lower() not in (".jsonl", ".ndjson"):
        return None
    with file.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            data = json.loads(line)
            if data.get("schema") != SCHEMA:
                return None
            if doc_id in (None, data.get("doc_id")):
                return CodedDocument.from_dict(data)
    raise InputError(f"{file}: no document with id {doc_id!r}")


@app.command("evaluate")
def evaluate_cli(
    gold: Annotated[
        Path,
        typer.Argument(
            help="Gold events in the PLOVER gold-standard format (JSON list or JSON lines).",
            exists=True,
            dir_okay=False,
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    actors: ActorFiles = None,
    model: Model = MODEL,
) -> None:
    """Score dyads against hand-coded events: type, actor and recipient accuracy.

    \b
    Example:
        dyads evaluate PLOVER_GSR_CAMEO.txt
    """
    from .evaluate import evaluate
    from .nlp import shared_pipeline

    report = evaluate(gold, nlp=shared_pipeline(model, actor_files=_actor_files(actors)))
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        Console().print(report.render())


@app.command("bench")
def bench_cli(
    inputs: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(help="Articles to time; the bundled examples by default."),
    ] = None,
    workers: Annotated[int, typer.Option("--workers", "-n", min=1, help="Worker processes.")] = 1,
    docs: Annotated[
        int, typer.Option("--docs", min=1, help="Repeat the texts up to this many documents.")
    ] = 200,
    model: Model = MODEL,
) -> None:
    """Time dyads against a bare spaCy pass over the same texts, and print both.

    \b
    Example:
        dyads bench --workers 2 --docs 1000
    """
    from .bench import bench

    result = bench(inputs or None, workers=workers, docs=docs, model=model)
    Console().print(result.render())


def main() -> None:
    """Run the CLI, turning dyads errors into one-line messages and exit status 1."""
    debug = "--debug" in sys.argv
    if debug:
        sys.argv.remove("--debug")
    try:
        app()
    except DyadsError as exc:
        if debug:
            raise
        stderr.print(f"error: {exc}", markup=False, highlight=False)
        sys.exit(1)
