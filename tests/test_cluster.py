"""Dask mode: a LocalCluster run equals the local run, resumes, and survives a lost worker."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from dyads.batch import RunOptions, code_corpus, run
from dyads.cluster import REJECTS_NAME, code_on_cluster, partition_path
from dyads.errors import StoreError

distributed = pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

pytestmark = pytest.mark.slow

PARTITION = 40


@pytest.fixture(scope="module")
def client():
    """Two worker processes with one thread each, as the brief for Dask mode asks."""
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    """A corpus with rejects, coded by the local runner into one Parquet file."""
    from test_batch import corpus

    root = tmp_path_factory.mktemp("cluster")
    src = root / "in.jsonl"
    corpus(src, 170, bad_every=30)
    code_corpus([src], root / "local.parquet")
    return src, root


def options(src: Path, out: Path) -> RunOptions:
    return RunOptions(inputs=(str(src),), output=out, dask="unused", partition_size=PARTITION)


def assert_same_as_local(outdir: Path, root: Path) -> None:
    expected = pq.read_table(root / "local.parquet")
    parts = sorted(outdir.glob("part-*.parquet"))
    assert [p.name for p in parts] == [f"part-{i:05d}.parquet" for i in range(len(parts))]
    got = pq.read_table(outdir)
    assert got.schema.names == expected.schema.names
    assert got.to_pylist() == expected.to_pylist()
    local_rejects = (root / "local.rejects.jsonl").read_text()
    assert (outdir / REJECTS_NAME).read_text() == local_rejects


def test_cluster_equals_local_run(client, local, tmp_path):
    src, root = local
    out = tmp_path / "coded"
    rejected = []
    summary = code_on_cluster(options(src, out), on_reject=rejected.append, client=client)
    assert (summary.coded, summary.skipped, summary.rejected) == (170, 0, 6)
    assert len(rejected) == 6
    assert len(list(out.glob("part-*.parquet"))) == 5  # 176 records in partitions of 40
    assert_same_as_local(out, root)


def test_cluster_resumes_missing_and_damaged_partitions(client, local, tmp_path):
    src, root = local
    out = tmp_path / "coded"
    code_on_cluster(options(src, out), client=client)
    partition_path(out, 1).unlink()
    partition_path(out, 3).write_bytes(b"PAR1 damaged by a lost worker")
    (out / "part-00009.parquet").write_bytes(b"left over from a longer input")
    again = code_on_cluster(options(src, out), client=client)
    rows = {i: pq.read_metadata(partition_path(out, i)).num_rows for i in (1, 3)}
    assert again.coded == rows[1] + rows[3]
    assert again.skipped == 170 - again.coded
    assert not (out / "part-00009.parquet").exists()
    assert_same_as_local(out, root)


def test_cluster_survives_a_lost_worker(client, local, tmp_path):
    src, root = local
    out = tmp_path / "coded"
    pids = list(client.run(os.getpid).values())
    killed = []

    def kill_one(progress):
        if not killed:
            os.kill(pids[0], signal.SIGKILL)
            killed.append(pids[0])

    summary = code_on_cluster(options(src, out), on_progress=kill_one, client=client)
    assert killed
    assert summary.coded + summary.skipped == 170
    assert_same_as_local(out, root)
    client.wait_for_workers(2, timeout=60)


@pytest.mark.parametrize(
    "output, db, message",
    [
        (None, None, "-o names an output folder"),
        (Path("coded.parquet"), None, "-o names an output folder"),
        (Path("coded"), Path("x.duckdb"), "--db cannot be used with --dask"),
    ],
)
def test_cluster_option_errors(output, db, message):
    opts = RunOptions(inputs=("x.jsonl",), output=output, db=db, dask="tcp://127.0.0.1:1")
    with pytest.raises(StoreError, match=message):
        run(opts)
