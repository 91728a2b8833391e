"""Code a corpus: stream the inputs, code them in chunks (in-process or on N workers),
write the results in input order, resume where an interrupted run stopped.

::

    read_inputs ─► chunks of CHUNK_SIZE records ─► code (this process, or N spawned
    workers each holding one model) ─► re-ordered by input position ─► per chunk:
    one DuckDB transaction (--db) and one checkpoint file (OUT.dyads-partial/)
    ─► at the end: checkpoint files merged into OUT, rejects into <stem>.rejects.jsonl

A chunk is the unit of work and of resume. Its checkpoint file is named by its
position and a digest of its records' ``(doc_id, text_hash)`` keys and of the coder
(dyads version, model, user dictionaries), and appears atomically once the chunk
is coded; a re-run of the same command skips every chunk whose file is there and
re-codes a chunk whose texts changed. With ``--db``, documents whose stored
``text_hash`` and coder match are not coded again (use ``force`` to re-code them).
The output file and the database are never half-written: the first appears whole
at the end, the second changes one committed chunk at a time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import multiprocessing as mp
import os
import pickle
import queue
import resource
import shutil
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from . import __version__, export
from .errors import DyadsError, StoreError, WorkerError
from .ingest import check_inputs, input_size, read_inputs
from .nlp import MODEL, shared_pipeline
from .pipeline import code_articles, text_hash
from .records import Article, CodedDocument, Reject
from .store import Store

CHUNK_SIZE = 64
PARTIAL_SUFFIX = ".dyads-partial"
REJECTS_SUFFIX = ".rejects.jsonl"
STDOUT_REJECTS = "dyads-rejects.jsonl"
RESUME_HINT = "interrupted; run the same command again to resume where it stopped"
_REJECT_TAG = '{"reject":'

Result = CodedDocument | Reject


@dataclass(slots=True)
class Progress:
    """Counts so far in a run; passed to ``on_progress`` after every chunk."""

    records: int = 0
    coded: int = 0
    skipped: int = 0
    rejected: int = 0
    events: int = 0
    bytes_done: int = 0  # input bytes of the records finished so far
    bytes_total: int | None = None  # of all the input files; None when reading stdin


@dataclass(slots=True)
class RunSummary:
    """What a run did.

    ``coded`` documents were coded in this run, ``skipped`` were already done (by an
    interrupted run, or stored in the database with the same text and coder),
    ``rejected`` records could not be read or coded (see ``rejects``).
    """

    coded: int = 0
    skipped: int = 0
    rejected: int = 0
    events: int = 0
    seconds: float = 0.0
    output: Path | None = None
    db: Path | None = None
    rejects: Path | None = None

    @property
    def ok(self) -> bool:
        """False only when there were records and none of them could be coded."""
        return self.coded + self.skipped > 0 or self.rejected == 0

    def render(self) -> str:
        """Return a one-line account of the run, for stderr."""
        rate = self.coded / self.seconds if self.seconds else 0.0
        parts = [f"coded {self.coded:,} documents, {self.events:,} events"]
        if self.skipped:
            parts.append(f"{self.skipped:,} already done")
        if self.rejected:
            where = f" (see {self.rejects})" if self.rejects else ""
            parts.append(f"{self.rejected:,} rejected{where}")
        parts.append(f"{self.seconds:,.1f} s, {rate:,.1f} documents/s")
        targets = [str(t) for t in (self.output, self.db) if t is not None]
        return "; ".join(parts) + (f" → {', '.join(targets)}" if targets else "")


def rejects_path(output: Path | None, db: Path | None) -> Path:
    """Return where a run writes its rejects: beside the output, the database, or in the cwd."""
    target = output or db
    if target is None:
        return Path(STDOUT_REJECTS)
    return target.with_name(target.stem + REJECTS_SUFFIX)


def partial_dir(output: Path | None, db: Path | None) -> Path | None:
    """Return the checkpoint directory of a run (None when writing to stdout)."""
    target = output or db
    return target.with_name(target.name + PARTIAL_SUFFIX) if target else None


@functools.cache
def _package_digest() -> str:
    """Digest of dyads's own code and data files: any change to them changes the coder."""
    root = Path(__file__).resolve().parent
    digest = hashlib.blake2b(digest_size=6)
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def coder_fingerprint(model: str = MODEL, actor_files: Sequence[str | Path] = ()) -> str:
    """Describe what codes documents: dyads version and files, model and version, dictionaries.

    A stored document coded by a different coder is coded again, so an upgrade of
    dyads, of its lexicons or of the model re-codes what a re-run meets.
    """
    import spacy.util

    parts = [
        f"dyads {__version__} ({_package_digest()})",
        f"{model} {spacy.util.get_package_version(model) or '?'}",
    ]
    if actor_files:
        digest = hashlib.blake2b(digest_size=8)
        for name in actor_files:
            with contextlib.suppress(OSError):
                digest.update(Path(name).read_bytes())
        parts.append(f"dictionaries {digest.hexdigest()}")
    return "; ".join(parts)


# -- coding a chunk (in this process or in a worker) --------------------------------------------


def code_chunk(nlp: Any, articles: Sequence[Article], batch_size: int = 32) -> list[Result]:
    """Code a list of articles, turning a document whose coding raised into a Reject.

    The batch is coded with :func:`dyads.pipeline.code_articles`; if that raises, each
    article is coded alone so that only the failing ones are rejected.
    """
    try:
        return list(code_articles(articles, nlp=nlp, batch_size=batch_size))
    except Exception:
        pass  # find the document at fault below
    out: list[Result] = []
    for article in articles:
        try:
            out.extend(code_articles([article], nlp=nlp, batch_size=1))
        except Exception as exc:
            out.append(coding_failed(article, exc))
    return out


def coding_failed(article: Article, exc: BaseException) -> Reject:
    """Return the Reject for an article whose coding raised ``exc``."""
    cause = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    where = article.origin or article.doc_id
    return Reject(
        where, f"{where}: coding failed ({type(exc).__name__}: {cause[:200]})", article.doc_id
    )


def dyads_setup(model: str, actor_files: tuple[str, ...]) -> Any:
    """Worker setup: load the dyads pipeline once per process."""
    return shared_pipeline(model, actor_files)


def dyads_task(nlp: Any, payload: tuple[list[Article], int]) -> list[Result]:
    """Worker task: code one chunk of articles."""
    articles, batch_size = payload
    return code_chunk(nlp, articles, batch_size)


# -- worker pool --------------------------------------------------------------------------------


def peak_rss_mb() -> float:
    """Return this process's peak resident memory in MB (``ru_maxrss``)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _worker_main(
    tasks: Any,
    results: Any,
    setup: Callable[..., Any],
    args: tuple,
    task: Callable[[Any, Any], Any],
    parent: int,
) -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides what to do.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        state = setup(*args)
    except BaseException as exc:
        results.put(("failed", None, _portable(exc)))
        return
    # If the parent dies, nobody reads the results: never wait on the pipe at exit.
    results.cancel_join_thread()
    results.put(("ready", None, peak_rss_mb()))
    while True:
        if os.getppid() != parent:
            os._exit(
                0
            )  # the parent was killed: do not linger, or code what is queued, as an orphan
        try:
            job = tasks.get(timeout=1.0)
        except queue.Empty:
            continue
        if job is None:
            return
        key, payload = job
        cpu = time.process_time()
        try:
            out = task(state, payload)
        except BaseException as exc:
            results.put(("failed", key, _portable(exc)))
            continue
        results.put(("done", key, (out, peak_rss_mb(), time.process_time() - cpu)))


def _portable(exc: BaseException) -> BaseException:
    """Return an exception that survives pickling to the parent."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return DyadsError(f"{type(exc).__name__}: {exc}")


class WorkerPool:
    """N spawned worker processes: each runs ``setup(*args)`` once, then ``task(state, job)``.

    Jobs go out with :meth:`submit` and come back, in completion order, from
    :meth:`result`. Workers ignore Ctrl-C (the parent stops them) and exit by
    themselves when the parent dies.

    Raises:
        WorkerError: A worker died, or could not start (its error is re-raised as is
            when it is a DyadsError, e.g. ModelNotFound).
    """

    def __init__(
        self,
        workers: int,
        setup: Callable[..., Any],
        args: tuple,
        task: Callable[[Any, Any], Any],
    ) -> None:
        ctx = mp.get_context("spawn")
        self.tasks = ctx.Queue()
        self.results = ctx.Queue()
        self.peak_rss = 0.0
        self.cpu_seconds = 0.0  # CPU time the workers spent in tasks
        self.procs = [
            ctx.Process(
                target=_worker_main,
                args=(self.tasks, self.results, setup, args, task, os.getpid()),
                daemon=True,
                name=f"dyads-worker-{n}",
            )
            for n in range(workers)
        ]
        for proc in self.procs:
            proc.start()
        try:
            for _ in self.procs:
                status, _key, value = self._get()
                if status != "ready":
                    raise self._error(value)
                self.peak_rss = max(self.peak_rss, value)
        except BaseException:
            self.terminate()
            raise

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        if kind is None:
            self.close()
        else:
            self.terminate()

    def submit(self, key: Any, payload: Any) -> None:
        """Queue one job."""
        self.tasks.put((key, payload))

    def result(self) -> tuple[Any, Any]:
        """Wait for the next finished job and return ``(key, result)``."""
        status, key, value = self._get()
        if status != "done":
            raise self._error(value)
        out, peak, cpu = value
        self.peak_rss = max(self.peak_rss, peak)
        self.cpu_seconds += cpu
        return key, out

    def _get(self) -> tuple[str, Any, Any]:
        while True:
            try:
                return self.results.get(timeout=1.0)
            except queue.Empty:
                dead = [p for p in self.procs if not p.is_alive()]
                if dead:
                    code = dead[0].exitcode or 0
                    cause = f"exit status {code}"
                    if code < 0:
                        cause = f"killed by signal {-code}"
                        if -code == signal.SIGKILL:
                            cause += ", perhaps out of memory"
                    raise WorkerError(
                        f"worker process {dead[0].name} died ({cause}); "
                        "run the same command again to resume"
                    ) from None

    @staticmethod
    def _error(value: Any) -> BaseException:
        if isinstance(value, DyadsError):
            return value
        return WorkerError(f"a worker failed: {type(value).__name__}: {value}")

    def close(self) -> None:
        """Let the workers finish and exit."""
        for _ in self.procs:
            self.tasks.put(None)
        for proc in self.procs:
            proc.join(timeout=10)
        self.terminate()

    def terminate(self) -> None:
        """Stop the workers now."""
        for proc in self.procs:
            if proc.is_alive():
                proc.terminate()
        for proc in self.procs:
            proc.join(timeout=5)
        for q in (self.tasks, self.results):
            q.cancel_join_thread()
            q.close()


# -- the run ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Chunk:
    """One chunk of input records on its way through the run."""

    seq: int
    name: str
    records: list[Article | Reject]
    done: bool = False  # its checkpoint file exists already
    todo: list[Article] = field(default_factory=list)  # articles to code
    results: list[Result] = field(default_factory=list)  # one per article in ``todo``
    stored: list[CodedDocument] = field(default_factory=list)  # read back from the store
    size: int = 0  # input bytes its records came from


class ByteCounter:
    """Counts the input bytes the readers got through (an ``on_read`` callback).

    ``take()`` returns the bytes read since the last call: read just after a chunk
    is drawn, it is that chunk's share of the input, for a progress bar.
    """

    def __init__(self) -> None:
        self.read = self.taken = 0

    def __call__(self, size: int) -> None:
        self.read += size

    def take(self) -> int:
        size, self.taken = self.read - self.taken, self.read
        return size


def chunked(items: Iterable[Article | Reject], size: int) -> Iterator[list[Article | Reject]]:
    """Yield lists of ``size`` consecutive records (the last one shorter)."""
    chunk: list[Article | Reject] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _key(item: Article | Reject) -> str:
    if isinstance(item, Article):
        return f"{item.doc_id}\x1f{text_hash(item)}"
    return f"\x1e{item.origin}\x1f{item.reason}"


def chunk_name(seq: int, records: Sequence[Article | Reject], salt: str) -> str:
    """Name chunk ``seq`` by a digest of its records' keys and ``salt`` (the coder)."""
    digest = hashlib.blake2b(salt.encode(), digest_size=10)
    for item in records:
        digest.update(_key(item).encode("utf-8", "surrogatepass"))
        digest.update(b"\x1d")
    return f"{seq:08d}-{digest.hexdigest()}.jsonl"


def _reject_json(reject: Reject) -> str:
    return json.dumps(
        {"origin": reject.origin, "doc_id": reject.doc_id, "reason": reject.reason},
        ensure_ascii=False,
    )


class _Lock:
    """An exclusive lock on a checkpoint directory, so two runs never write one output."""

    def __init__(self, directory: Path, target: Path) -> None:
        self.handle = (directory / "lock").open("a")
        try:
            import fcntl

            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # no fcntl (Windows): go without the lock
            pass
        except OSError:
            self.handle.close()
            raise StoreError(f"{target}: another dyads run is writing it; wait for it") from None

    def release(self) -> None:
        self.handle.close()


class _RejectLog:
    """Rejects of a stdout run: written to a temporary file, renamed into place at the end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self.handle: TextIO | None = None

    def write(self, reject: Reject) -> None:
        if self.handle is None:
            self.handle = self.tmp.open("w", encoding="utf-8")
        self.handle.write(_reject_json(reject) + "\n")

    def close(self) -> Path | None:
        if self.handle is None:
            return None
        self.handle.close()
        os.replace(self.tmp, self.path)
        return self.path


@dataclass(frozen=True, slots=True)
class RunOptions:
    """What to code and where to write it: the options of ``dyads code``.

    Attributes:
        inputs: Files, folders or ``"-"`` (see :func:`dyads.ingest.read_inputs`).
        output: ``.jsonl``, ``.csv`` or ``.parquet`` file, written whole at the end
            (with ``dask``: a folder of Parquet partitions).
        db: DuckDB database to add the documents to (one transaction per chunk).
        published: Publication date for records that carry none.
        workers: Processes coding in parallel (1: code in this process).
        batch_size: Documents per ``nlp.pipe`` batch.
        actor_files: User dictionaries for the actor linker.
        dask: Address of a Dask scheduler to code on instead (see :mod:`dyads.cluster`).
        progress: Show a progress line on stderr when it is a terminal.
        model: spaCy pipeline to load.
        force: Re-code documents the database already holds with the same text and coder.
        chunk_size: Records per chunk: the unit of work, of checkpoint and of transaction.
        partition_size: Records per Parquet partition (and per task) with ``dask``.
        stream: Where JSON lines go when there is neither ``output`` nor ``db``
            (default: stdout). Such a run cannot be resumed.
    """

    inputs: tuple[str | Path, ...]
    output: Path | None = None
    db: Path | None = None
    published: dt.date | None = None
    workers: int = 1
    batch_size: int = 32
    actor_files: tuple[str, ...] = ()
    dask: str | None = None
    progress: bool = False
    model: str = MODEL
    force: bool = False
    chunk_size: int = CHUNK_SIZE
    partition_size: int = 512
    stream: TextIO | None = None


def code_corpus(
    inputs: Sequence[str | Path],
    output: str | Path | None = None,
    db: str | Path | None = None,
    **options: Any,
) -> RunSummary:
    """Code every record of the inputs into ``output`` and/or ``db``; resume if interrupted.

    Example:
        >>> code_corpus(["articles.jsonl"], "coded.parquet", workers=2)

    Args:
        inputs: Files, folders or ``"-"``.
        output: ``.jsonl``, ``.csv`` or ``.parquet`` file; None with no ``db``: stdout.
        db: DuckDB database to add the documents to.
        **options: Any other field of :class:`RunOptions`, and the callbacks of :func:`run`.
    """
    callbacks = {
        k: options.pop(k) for k in ("on_reject", "on_warning", "on_progress") if k in options
    }
    opts = RunOptions(
        inputs=tuple(inputs),
        output=Path(output) if output is not None else None,
        db=Path(db) if db is not None else None,
        **options,
    )
    return run(opts, **callbacks)


def run(
    options: RunOptions,
    on_reject: Callable[[Reject], None] | None = None,
    on_warning: Callable[[str, str], None] | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> RunSummary:
    """Code every record of the inputs and write the results; resume an interrupted run.

    Args:
        options: What to code and where to write it.
        on_reject: Called with each record that could not be read or coded (it also
            goes to the rejects file, see :func:`rejects_path`).
        on_warning: Called with ``(doc_id, message)`` for each warning a document got.
        on_progress: Called with the running counts after every chunk.

    Returns:
        The counts of the run and where it wrote; in a re-run after an interruption,
        the documents done before it count as ``skipped``.

    Raises:
        InputError: An input does not exist or cannot be read at all.
        StoreError: The output or the database cannot be written, or is in use.
        WorkerError: A worker process died.
        KeyboardInterrupt: On Ctrl-C, after stopping cleanly; run again to resume
            (the message to show is :data:`RESUME_HINT`).
    """
    progress_bar = _ProgressBar() if options.progress else None

    def report(progress: Progress) -> None:
        if progress_bar is not None:
            progress_bar.update(progress)
        if on_progress is not None:
            on_progress(progress)

    try:
        if options.dask:
            from .cluster import code_on_cluster

            return code_on_cluster(options, on_reject=on_reject, on_progress=report)
        if options.output is not None:
            export.output_format(options.output)  # fail on an unknown extension before any work
        check_inputs(options.inputs)  # and on a mistyped path before a checkpoint is made
        return _Run(options, on_reject, on_warning, report).run()
    finally:
        if progress_bar is not None:
            progress_bar.close()


class _ProgressBar:
    """A progress bar on stderr over the input bytes (silent when stderr is not a terminal).

    Reading stdin, whose size is unknown, shows a pulsing bar with the counts.
    """

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        console = Console(stderr=True)
        self.start = time.perf_counter()
        self.bar = None
        if console.is_terminal:
            self.bar = RichProgress(
                TextColumn("coding"),
                BarColumn(bar_width=24),
                TaskProgressColumn(),
                TimeElapsedColumn(),
                TextColumn("eta"),
                TimeRemainingColumn(),
                TextColumn("{task.description}"),
                console=console,
                transient=True,
            )
            self.task = self.bar.add_task("", total=None)
            self.bar.start()

    def update(self, p: Progress) -> None:
        if self.bar is None:
            return
        rate = (p.coded + p.skipped) / max(time.perf_counter() - self.start, 1e-9)
        self.bar.update(
            self.task,
            total=p.bytes_total or None,
            completed=p.bytes_done,
            description=f"{p.coded:,} coded, {p.skipped:,} skipped, "
            f"{p.rejected:,} rejected, {rate:,.1f} docs/s",
        )

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


class _Run:
    """One run of :func:`run` over local workers: the state between chunks."""

    def __init__(
        self,
        options: RunOptions,
        on_reject: Callable[[Reject], None] | None,
        on_warning: Callable[[str, str], None] | None,
        on_progress: Callable[[Progress], None],
    ) -> None:
        self.options = options
        self.on_reject = on_reject
        self.on_warning = on_warning
        self.on_progress = on_progress
        self.output, self.db = options.output, options.db
        self.coder = coder_fingerprint(options.model, options.actor_files)
        # Chunk names change with the coder, and with whether the chunk holds documents.
        self.salt = f"{self.coder}\x1f{self.output is not None}"
        self.progress = Progress(bytes_total=input_size(options.inputs))
        self.bytes = ByteCounter()
        self.ckpt = partial_dir(self.output, self.db)
        self.existing: dict[int, str] = {}  # checkpoint files of an earlier run, by position
        self.names: list[str] = []  # checkpoint files of this run, in input order
        self.store: Store | None = None
        self.run_id: str | None = None
        self.log = _RejectLog(Path(STDOUT_REJECTS)) if self.ckpt is None else None
        self.writer = (
            export.JsonlWriter(options.stream or sys.stdout) if self.ckpt is None else None
        )
        self.nlp: Any = None
        self.pool: WorkerPool | None = None

    def run(self) -> RunSummary:
        start = time.perf_counter()
        summary = RunSummary(output=self.output, db=self.db)
        lock = self._open_checkpoint() if self.ckpt is not None else None
        completed = False
        try:
            if self.db is not None:
                # Bounded cache: the main process stays flat however large the database grows.
                self.store = Store(self.db, memory_limit="64MB")
                self.run_id = self.store.start_run(
                    [str(i) for i in self.options.inputs], self.coder
                )
            self._code_all()
            if self.ckpt is not None:
                summary.rejects = _merge(
                    self.ckpt, self.names, self.output, rejects_path(self.output, self.db)
                )
            completed = True
        finally:
            if self.pool is not None:
                self.pool.terminate()
            if self.log is not None:
                summary.rejects = self.log.close()
            if self.writer is not None:
                self.writer.close()
            if self.store is not None:
                if completed and self.run_id is not None:
                    p = self.progress
                    self.store.finish_run(self.run_id, p.coded, p.skipped, p.rejected)
                self.store.close()
            if lock is not None:
                lock.release()
        if self.ckpt is not None:
            shutil.rmtree(self.ckpt, ignore_errors=True)
        p = self.progress
        summary.coded, summary.skipped, summary.rejected = p.coded, p.skipped, p.rejected
        summary.events = p.events
        summary.seconds = time.perf_counter() - start
        return summary

    def _open_checkpoint(self) -> _Lock:
        assert self.ckpt is not None
        self.ckpt.mkdir(parents=True, exist_ok=True)
        lock = _Lock(self.ckpt, self.output or self.db)
        for path in self.ckpt.iterdir():
            if path.name.endswith(".tmp"):
                path.unlink()  # left by a killed run
            elif path.suffix == ".jsonl" and path.name[:8].isdigit():
                self.existing[int(path.name[:8])] = path.name
        return lock

    def _code_all(self) -> None:
        """Plan, code and finish every chunk, in input order, with a bounded window."""
        opts = self.options
        actor_files = tuple(str(a) for a in opts.actor_files)
        if opts.workers > 1:
            self.pool = WorkerPool(opts.workers, dyads_setup, (opts.model, actor_files), dyads_task)
            limit = 2 * opts.workers  # jobs in flight: enough to keep every worker busy
        else:
            self.nlp = shared_pipeline(opts.model, actor_files)
            limit = 1
        window: deque[_Chunk] = deque()
        pending: dict[int, _Chunk] = {}
        records = read_inputs(opts.inputs, opts.published, self.bytes)
        source = enumerate(chunked(records, opts.chunk_size))
        exhausted = False
        while True:
            while not exhausted and len(pending) < limit and len(window) < 4 * limit:
                try:
                    seq, records = next(source)
                except StopIteration:
                    exhausted = True
                    break
                chunk = self._plan(seq, records)
                window.append(chunk)
                if not chunk.todo:
                    continue
                if self.pool is None:
                    chunk.results = code_chunk(self.nlp, chunk.todo, opts.batch_size)
                else:
                    self.pool.submit(seq, (chunk.todo, opts.batch_size))
                    pending[seq] = chunk
            if not window:
                break
            if window[0].seq in pending:
                assert self.pool is not None
                seq, out = self.pool.result()
                pending.pop(seq).results = out
                continue
            self._finish(window.popleft())
        if self.pool is not None:
            self.pool.close()
            self.pool = None

    def _plan(self, seq: int, records: list[Article | Reject]) -> _Chunk:
        """Name a chunk and decide which of its articles need coding."""
        chunk = _Chunk(seq, chunk_name(seq, records, self.salt), records, size=self.bytes.take())
        self.progress.records += len(records)
        if self.ckpt is not None and self.existing.get(seq) == chunk.name:
            chunk.done = True
            _count_done(self.ckpt / chunk.name, records, self.progress)
            chunk.records = []
            return chunk
        articles = [r for r in records if isinstance(r, Article)]
        keep: set[str] = set()
        if self.store is not None and not self.options.force:
            stored = self.store.stored([a.doc_id for a in articles])
            keep = {
                a.doc_id
                for a in articles
                if (s := stored.get(a.doc_id))
                and s.coder == self.coder
                and s.text_hash == text_hash(a)
            }
            if keep and self.output is not None:
                chunk.stored = list(self.store.documents(sorted(keep)))
        chunk.todo = [a for a in articles if a.doc_id not in keep]
        return chunk

    def _finish(self, chunk: _Chunk) -> None:
        """Write a coded chunk: database transaction, then checkpoint file (or stdout)."""
        progress = self.progress
        progress.bytes_done += chunk.size
        if chunk.done:
            self.names.append(chunk.name)
            return
        coded = iter(chunk.results)
        stored = {d.doc_id: d for d in chunk.stored}
        todo = {id(a) for a in chunk.todo}
        results: list[tuple[Result, bool]] = []  # (result, coded in this run)
        fresh: list[tuple[CodedDocument, str]] = []
        for record in chunk.records:
            if isinstance(record, Reject):
                results.append((record, False))
            elif id(record) in todo:
                result = next(coded)
                results.append((result, True))
                if isinstance(result, CodedDocument):
                    fresh.append((result, text_hash(record)))
            else:
                progress.skipped += 1
                if record.doc_id in stored:
                    results.append((stored[record.doc_id], False))
        if self.store is not None:
            self.store.replace(fresh, coder=self.coder, run_id=self.run_id)
        lines: list[str] = []
        for result, new in results:
            if isinstance(result, Reject):
                progress.rejected += 1
                if self.on_reject:
                    self.on_reject(result)
                if self.log is not None:
                    self.log.write(result)
                else:
                    lines.append(f"{_REJECT_TAG}{_reject_json(result)}}}")
                continue
            if new:
                progress.coded += 1
                progress.events += len(result.events)
                if self.on_warning:
                    for message in result.warnings:
                        self.on_warning(result.doc_id, message)
            if self.writer is not None:
                self.writer.write(result)
            elif self.output is not None:
                lines.append(export.json_line(result))
        if self.ckpt is not None:
            _write_chunk(self.ckpt, chunk.name, lines)
            old = self.existing.get(chunk.seq)
            if old and old != chunk.name:
                (self.ckpt / old).unlink(missing_ok=True)
            self.names.append(chunk.name)
        self.on_progress(progress)


def _count_done(path: Path, records: Sequence[Article | Reject], progress: Progress) -> None:
    """Count a chunk finished by an earlier run: its articles are skipped, rejects counted."""
    rejected = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith(_REJECT_TAG):
                rejected += 1
    progress.rejected += rejected
    progress.skipped += sum(isinstance(r, Article) for r in records) - (
        rejected - sum(isinstance(r, Reject) for r in records)
    )


def _write_chunk(ckpt: Path, name: str, lines: list[str]) -> None:
    with export.atomic_path(ckpt / name, tmp_dir=ckpt) as tmp:
        tmp.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def _merge(ckpt: Path, names: list[str], output: Path | None, rejects: Path) -> Path | None:
    """Join the checkpoint files, in order, into the output and the rejects file.

    Returns the rejects file, or None when there were no rejects (a stale rejects
    file from an earlier run of the same output is then removed).
    """
    tmp = ckpt / f"rejects.{os.getpid()}.tmp"
    count = 0
    with tmp.open("w", encoding="utf-8") as handle:
        if output is None:
            for name in names:
                count += _copy_rejects(ckpt / name, handle)
        else:
            with export.open_writer(output, tmp_dir=ckpt) as writer:
                for name in names:
                    count += _copy_chunk(ckpt / name, writer, handle)
        handle.flush()
        os.fsync(handle.fileno())
    if not count:
        tmp.unlink()
        rejects.unlink(missing_ok=True)
        return None
    try:
        os.replace(tmp, rejects)
    except OSError as exc:
        raise StoreError(f"{rejects}: cannot write ({exc.strerror or exc})") from exc
    export.fsync_dir(rejects.parent)
    return rejects


def _copy_rejects(path: Path, handle: TextIO) -> int:
    count = 0
    with path.open(encoding="utf-8") as chunk:
        for line in chunk:
            if line.startswith(_REJECT_TAG):
                handle.write(line[len(_REJECT_TAG) : -2] + "\n")
                count += 1
    return count


def _copy_chunk(path: Path, writer: export.DocumentWriter, rejects: TextIO) -> int:
    count = 0
    with path.open(encoding="utf-8") as chunk:
        for line in chunk:
            if line.startswith(_REJECT_TAG):
                rejects.write(line[len(_REJECT_TAG) : -2] + "\n")
                count += 1
            elif isinstance(writer, export.JsonlWriter):
                writer.write_json(line)
            else:
                writer.write(CodedDocument.from_dict(json.loads(line)))
    return count
