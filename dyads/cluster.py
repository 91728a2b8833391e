"""Code a corpus on a Dask distributed cluster (optional extra ``dyads[dask]``).

::

    this process: read_inputs ─► partitions of PARTITION_SIZE records, in input order
        ─► one task per partition (its records travel in the task, so the scheduler
           can re-run it on another worker if one is lost)
    each worker process: one pipeline, loaded on first use (shared_pipeline) ─► code
        ─► OUTDIR/part-00000.parquet written to a temporary name, then renamed

Tasks are pure: the same records give the same file. A partition file carries, in
its Parquet metadata, a digest of its records and coder and the partition's
rejects; a re-run skips every partition whose file has the right digest, so an
interrupted or failed run continues where it stopped. At the end the rejects of
all partitions go, in input order, to ``OUTDIR/_rejects.jsonl`` (the leading
underscore makes Parquet dataset readers skip it).

OUTDIR must be a folder every worker can write to (the local disk for a
``LocalCluster``, a shared file system on a real cluster; see ``docs/scale.md``).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from . import export
from .batch import (
    ByteCounter,
    Progress,
    RunOptions,
    RunSummary,
    chunk_name,
    chunked,
    code_chunk,
    coder_fingerprint,
)
from .errors import DyadsError, StoreError
from .ingest import check_inputs, input_size, read_inputs
from .nlp import shared_pipeline
from .records import Article, CodedDocument, Reject

PARTITION_SIZE = 512
REJECTS_NAME = "_rejects.jsonl"  # "_": Parquet dataset readers skip it
_DIGEST_KEY = "dyads.partition"
_REJECTS_KEY = "dyads.rejects"
_lock = threading.Lock()  # a worker with several threads codes one partition at a time


def partition_path(outdir: Path, seq: int) -> Path:
    """Return the file of partition ``seq``: ``OUTDIR/part-00042.parquet``."""
    return outdir / f"part-{seq:05d}.parquet"


def partition_done(path: Path, digest: str) -> tuple[int, list[dict[str, Any]]] | None:
    """Return ``(documents, rejects)`` of a finished partition file with this digest.

    None when the file is missing, unreadable, or holds other records.
    """
    import pyarrow.parquet as pq

    if not path.is_file():
        return None
    try:
        meta = pq.read_metadata(path)
    except Exception:  # pyarrow raises several types for a damaged file: code it again
        return None
    keys = meta.metadata or {}
    if keys.get(_DIGEST_KEY.encode()) != digest.encode():
        return None
    return meta.num_rows, json.loads(keys.get(_REJECTS_KEY.encode(), b"[]"))


def code_partition(
    records: Sequence[Article | Reject],
    path: str,
    digest: str,
    model: str,
    actor_files: tuple[str, ...],
    batch_size: int = 32,
) -> tuple[int, int, list[dict[str, Any]]]:
    """Code one partition on a worker and write it as a Parquet file, atomically.

    Pure: the same records give the same file, so the scheduler may run it again
    after a worker is lost. Returns ``(documents, events, rejects)``.
    """
    target = Path(path)
    done = partition_done(target, digest)
    if done is not None:  # an earlier attempt finished before its worker was lost
        return done[0], 0, done[1]
    articles = [r for r in records if isinstance(r, Article)]
    with _lock:
        coded = iter(code_chunk(shared_pipeline(model, actor_files), articles, batch_size))
    docs: list[CodedDocument] = []
    rejects: list[dict[str, Any]] = []
    for record in records:
        result = next(coded) if isinstance(record, Article) else record
        if isinstance(result, Reject):
            rejects.append(
                {"origin": result.origin, "doc_id": result.doc_id, "reason": result.reason}
            )
        else:
            docs.append(result)
    metadata = {_DIGEST_KEY: digest, _REJECTS_KEY: json.dumps(rejects, ensure_ascii=False)}
    with export.atomic_path(target) as tmp:
        writer = export.ParquetWriter(tmp, metadata=metadata)
        try:
            for doc in docs:
                writer.write(doc)
        finally:
            writer.close()
    return len(docs), sum(len(d.events) for d in docs), rejects


def code_on_cluster(
    options: RunOptions,
    on_reject: Callable[[Reject], None] | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    client: Any = None,
) -> RunSummary:
    """Code the inputs on a Dask cluster into ``options.output``, a folder of Parquet parts.

    Args:
        options: As for :func:`dyads.batch.run`; ``dask`` is the scheduler address
            (``tcp://host:8786``), or ``local`` for a cluster of ``workers`` local
            processes; ``output`` is the output folder.
        on_reject: Called with each record that could not be read or coded.
        on_progress: Called with the running counts after every partition.
        client: A connected ``distributed.Client`` to use instead of ``options.dask``.

    Raises:
        StoreError: No output folder, or ``--db`` (not supported with Dask).
        DyadsError: ``distributed`` is not installed, or the cluster cannot be reached.
    """
    if options.output is None or options.output.suffix.lower() in export.FORMATS:
        raise StoreError(
            "with --dask, -o names an output folder for Parquet partitions (e.g. -o coded/)"
        )
    if options.db is not None:
        raise StoreError("--db cannot be used with --dask; load the Parquet partitions instead")
    check_inputs(options.inputs)  # before the output folder is made
    try:
        import distributed
    except ImportError:
        raise DyadsError("Dask mode needs the dask extra; run: pip install 'dyads[dask]'") from None
    start = time.perf_counter()
    outdir = options.output
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{outdir}: cannot create the output folder ({exc.strerror})") from exc
    own = None
    if client is None:
        try:
            if options.dask == "local":
                own = distributed.Client(
                    n_workers=options.workers, threads_per_worker=1, processes=True
                )
            else:
                own = distributed.Client(options.dask, timeout="30s")
        except (OSError, TimeoutError) as exc:
            raise DyadsError(f"{options.dask}: cannot reach the Dask scheduler ({exc})") from exc
        client = own
    try:
        return _run(options, outdir, client, on_reject, on_progress, start)
    finally:
        if own is not None:
            own.close()


def _run(
    options: RunOptions,
    outdir: Path,
    client: Any,
    on_reject: Callable[[Reject], None] | None,
    on_progress: Callable[[Progress], None] | None,
    start: float,
) -> RunSummary:
    import distributed

    coder = coder_fingerprint(options.model, options.actor_files)
    salt = f"{coder}\x1fparquet"
    actor_files = tuple(str(a) for a in options.actor_files)
    progress = Progress(bytes_total=input_size(options.inputs))
    read = ByteCounter()
    sizes: dict[int, int] = {}  # input bytes of each partition in flight
    size = options.partition_size
    rejects: dict[int, list[dict[str, Any]]] = {}
    threads = sum(client.nthreads().values()) or 1
    in_flight = distributed.as_completed()
    futures: dict[Any, int] = {}
    count = 0

    def settle(seq: int, documents: int, events: int, bad: list[dict[str, Any]]) -> None:
        rejects[seq] = bad
        progress.bytes_done += sizes.pop(seq)
        progress.coded += documents
        progress.events += events
        progress.rejected += len(bad)
        if on_reject:
            for r in bad:
                on_reject(Reject(r["origin"], r["reason"], r["doc_id"]))
        if on_progress:
            on_progress(progress)

    def drain(until: int) -> None:
        while len(futures) > until:
            future = next(in_flight)
            seq = futures.pop(future)
            documents, events, bad = future.result()
            settle(seq, documents, events, bad)

    partitions: Iterator[list[Article | Reject]] = chunked(
        read_inputs(options.inputs, options.published, read), size
    )
    for seq, records in enumerate(partitions):
        count = seq + 1
        progress.records += len(records)
        sizes[seq] = read.take()
        digest = chunk_name(seq, records, salt)
        path = partition_path(outdir, seq)
        done = partition_done(path, digest)
        if done is not None:
            progress.skipped += done[0]
            rejects[seq] = done[1]
            progress.rejected += len(done[1])
            progress.bytes_done += sizes.pop(seq)
            continue
        future = client.submit(
            code_partition,
            records,
            str(path),
            digest,
            options.model,
            actor_files,
            options.batch_size,
            key=f"dyads-partition-{seq}-{digest[9:29]}",
            pure=False,
            retries=2,
        )
        futures[future] = seq
        in_flight.add(future)
        drain(2 * threads)  # bounded: memory stays flat however long the input
    drain(0)
    for stale in outdir.glob("part-*.parquet"):
        if stale.stem[5:].isdigit() and int(stale.stem[5:]) >= count:
            stale.unlink()  # from an earlier run over a longer input
    summary = RunSummary(output=outdir, coded=progress.coded, skipped=progress.skipped)
    summary.rejected, summary.events = progress.rejected, progress.events
    summary.rejects = _write_rejects(outdir, [rejects[s] for s in sorted(rejects)])
    summary.seconds = time.perf_counter() - start
    return summary


def _write_rejects(outdir: Path, parts: list[list[dict[str, Any]]]) -> Path | None:
    path = outdir / REJECTS_NAME
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for part in parts for r in part]
    if not lines:
        path.unlink(missing_ok=True)
        return None
    with export.atomic_path(path) as tmp:
        tmp.write_text("".join(lines), encoding="utf-8")
    return path
