"""Coding a corpus: input order, rejects, database idempotence, resume after Ctrl-C or kill -9."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyads import batch
from dyads.batch import RESUME_HINT, code_corpus
from dyads.bench import synthetic_articles
from dyads.errors import StoreError
from dyads.export import json_line
from dyads.nlp import MAX_SENTENCE_TOKENS
from dyads.records import Article, CodedDocument
from dyads.store import Store

BAD_LINES = [
    "{not json",
    '{"id": "no-text", "title": "x"}',
    '{"id": "empty", "text": "   "}',
    '{"id": "bad-date", "text": "Kenya met Ghana.", "published": "yesterday"}',
]


def corpus(path: Path, n: int, bad_every: int = 0, seed: int = 0) -> list[str]:
    """Write ``n`` short articles (and a bad line every ``bad_every``); return the good ids."""
    ids = []
    with path.open("w", encoding="utf-8") as handle:
        for i, a in enumerate(synthetic_articles(n, seed=seed, paragraphs=(1, 2))):
            if bad_every and i % bad_every == 0:
                handle.write(BAD_LINES[(i // bad_every) % len(BAD_LINES)] + "\n")
            record = {"id": a.doc_id, "title": a.title, "text": a.text, "published": "2024-03-06"}
            handle.write(json.dumps(record) + "\n")
            ids.append(a.doc_id)
    return ids


def doc_ids(path: Path) -> list[str]:
    return [json.loads(line)["doc_id"] for line in path.read_text(encoding="utf-8").splitlines()]


def tables(db: Path) -> dict[str, list[tuple]]:
    """Every table but runs, without the columns that say when and in which run."""
    out = {}
    with Store(db, read_only=True) as store:
        for name in ("documents", "actors", "mentions", "events", "quotes"):
            result = store.con.execute(
                f"SELECT * EXCLUDE (run_id, coded_at) FROM {name}"
                if name == "documents"
                else f"SELECT * FROM {name}"
            )
            out[name] = sorted(result.fetchall(), key=repr)
    return out


def test_batch_order_rejects_and_counts(tmp_path):
    src = tmp_path / "in.jsonl"
    ids = corpus(src, 30, bad_every=7)
    out = tmp_path / "out.jsonl"
    seen = []
    summary = code_corpus([src], out, chunk_size=4, on_reject=seen.append)
    assert doc_ids(out) == ids
    assert summary.coded == 30 and summary.rejected == 5 and summary.skipped == 0
    assert summary.ok
    rejects = [
        json.loads(line) for line in (tmp_path / "out.rejects.jsonl").read_text().splitlines()
    ]
    assert [r["origin"] for r in rejects] == [r.origin for r in seen]
    assert rejects[0] == {
        "origin": f"{src}:1",
        "doc_id": None,
        "reason": f"{src}:1: malformed JSON (Expecting property name enclosed in double quotes)",
    }
    assert rejects[1]["doc_id"] == "no-text"
    assert not (tmp_path / "out.jsonl.dyads-partial").exists()


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_batch_formats_match_jsonl(tmp_path, suffix):
    from dyads.export import event_columns, read_documents

    src = tmp_path / "in.jsonl"
    corpus(src, 10)
    code_corpus([src], tmp_path / "out.jsonl", chunk_size=3)
    code_corpus([src], tmp_path / f"out{suffix}", chunk_size=3)
    docs = list(read_documents(tmp_path / "out.jsonl"))
    if suffix == ".parquet":
        assert list(read_documents(tmp_path / "out.parquet")) == docs
    else:
        with (tmp_path / "out.csv").open(newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        assert tuple(rows[0]) == event_columns()
        assert [r[2] for r in rows[1:]] == [e.id for d in docs for e in d.events]


def test_batch_stdout_and_rejects_in_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "in.jsonl"
    ids = corpus(src, 6, bad_every=4)
    stream = io.StringIO()
    summary = code_corpus([src], stream=stream, chunk_size=4)
    assert [json.loads(line)["doc_id"] for line in stream.getvalue().splitlines()] == ids
    assert summary.rejects == Path(batch.STDOUT_REJECTS)
    assert len((tmp_path / batch.STDOUT_REJECTS).read_text().splitlines()) == 2


def test_batch_db_idempotent_and_recodes_changed_text(tmp_path, db):
    src = tmp_path / "in.jsonl"
    corpus(src, 12)
    first = code_corpus([src], db=db, chunk_size=5)
    before = tables(db)
    again = code_corpus([src], db=db, chunk_size=5)
    assert (first.coded, again.coded, again.skipped) == (12, 0, 12)
    assert tables(db) == before

    lines = src.read_text().splitlines()
    record = json.loads(lines[3])
    record["text"] = "Kenya recalled its ambassador from Ghana on Friday."
    lines[3] = json.dumps(record)
    src.write_text("\n".join(lines) + "\n")
    changed = code_corpus([src], db=db, chunk_size=5)
    assert (changed.coded, changed.skipped) == (1, 11)
    with Store(db) as store:
        assert store.count() == 12
        (doc,) = store.documents([record["id"]])
        assert doc.text.endswith(record["text"])
        runs = store.con.execute("SELECT coded, skipped FROM runs ORDER BY started").fetchall()
    assert runs == [(12, 0), (0, 12), (1, 11)]
    forced = code_corpus([src], db=db, force=True, chunk_size=5)
    assert forced.coded == 12


def test_batch_db_and_output_from_store(tmp_path, db):
    """Documents the database holds already are read back, not re-coded, for the output."""
    src = tmp_path / "in.jsonl"
    corpus(src, 8)
    code_corpus([src], tmp_path / "a.jsonl", db, chunk_size=3)
    summary = code_corpus([src], tmp_path / "b.jsonl", db, chunk_size=3)
    assert summary.skipped == 8
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


class Interrupt:
    """An on_progress callback that presses Ctrl-C after ``after`` chunks."""

    def __init__(self, after: int) -> None:
        self.after = after
        self.calls = 0

    def __call__(self, progress):
        self.calls += 1
        if self.calls == self.after:
            raise KeyboardInterrupt


def test_batch_resume_in_process(tmp_path, db):
    src = tmp_path / "in.jsonl"
    corpus(src, 20, bad_every=6)
    out = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        code_corpus([src], out, db, chunk_size=4, on_progress=Interrupt(3))
    partial = tmp_path / "out.jsonl.dyads-partial"
    assert not out.exists()
    assert len(list(partial.glob("0*.jsonl"))) == 3
    with Store(db) as store:
        assert store.count() == 10  # 12 records in 3 chunks, 2 of them rejects

    resumed = code_corpus([src], out, db, chunk_size=4)
    assert (resumed.skipped, resumed.coded, resumed.rejected) == (10, 10, 4)
    code_corpus([src], tmp_path / "whole.jsonl", tmp_path / "whole.duckdb", chunk_size=4)
    assert out.read_bytes() == (tmp_path / "whole.jsonl").read_bytes()
    assert tables(db) == tables(tmp_path / "whole.duckdb")
    assert (tmp_path / "out.rejects.jsonl").read_text() == (
        tmp_path / "whole.rejects.jsonl"
    ).read_text()
    assert not partial.exists()


def test_batch_resume_recodes_changed_chunk(tmp_path):
    src = tmp_path / "in.jsonl"
    ids = corpus(src, 8)
    out = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        code_corpus([src], out, chunk_size=4, on_progress=Interrupt(2))
    lines = src.read_text().splitlines()
    record = json.loads(lines[1])
    record["text"] = "Canada accused Mexico of violating the agreement."
    lines[1] = json.dumps(record)
    src.write_text("\n".join(lines) + "\n")
    resumed = code_corpus([src], out, chunk_size=4)
    assert (resumed.coded, resumed.skipped) == (4, 4)
    docs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [d["doc_id"] for d in docs] == ids
    assert docs[1]["text"].endswith(record["text"])


def test_batch_coding_error_is_a_reject(tmp_path, monkeypatch):
    real = batch.code_articles

    def flaky(articles, nlp=None, batch_size=32):
        if any("BOOM" in a.text for a in articles if isinstance(a, Article)):
            raise RuntimeError("parser exploded\nwith detail")
        return real(articles, nlp=nlp, batch_size=batch_size)

    monkeypatch.setattr(batch, "code_articles", flaky)
    src = tmp_path / "in.jsonl"
    ids = corpus(src, 5)
    with src.open("a") as handle:
        handle.write(json.dumps({"id": "boom", "text": "Kenya BOOM Ghana."}) + "\n")
    seen = []
    summary = code_corpus([src], tmp_path / "out.jsonl", on_reject=seen.append)
    assert doc_ids(tmp_path / "out.jsonl") == ids
    assert summary.coded == 5 and summary.rejected == 1
    assert seen[0].doc_id == "boom"
    assert seen[0].reason == f"{src}:6: coding failed (RuntimeError: parser exploded)"


def test_batch_nothing_coded_is_not_ok(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(BAD_LINES) + "\n")
    summary = code_corpus([src], tmp_path / "out.jsonl")
    assert (summary.coded, summary.rejected, summary.ok) == (0, 4, False)
    assert (tmp_path / "out.jsonl").read_text() == ""


def test_batch_second_run_on_same_output_is_refused(tmp_path):
    import fcntl

    src = tmp_path / "in.jsonl"
    corpus(src, 2)
    partial = tmp_path / "out.jsonl.dyads-partial"
    partial.mkdir()
    with (partial / "lock").open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(StoreError, match=r"out\.jsonl: another dyads run is writing it"):
            code_corpus([src], tmp_path / "out.jsonl")


def test_batch_unknown_extension_fails_first(tmp_path):
    with pytest.raises(StoreError, match=r"cannot write \.xlsx"):
        code_corpus(["does-not-matter.jsonl"], tmp_path / "out.xlsx")


@pytest.mark.parametrize(
    "text, warning",
    [
        ("Kenya and Ghana and " * 2000 + "talked.", f"over {MAX_SENTENCE_TOKENS} tokens"),
        ('He said "she said \u201cthey said ' * 300 + "no" + '\u201d"' * 300, "tokens were cut"),
        ("x" * 250_000, "cut to 200,000"),
    ],
)
def test_batch_pathological_documents_warn(code, text, warning):
    doc = code(text)
    assert any(warning in w for w in doc.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "\u201c\u201d\u00ab\u00bb\"'" * 2000,
        "\n" * 5000 + "Kenya met Ghana.",
        "\x01\x02 Ghana \ufffd" * 100,
    ],
)
def test_batch_hostile_text_is_coded(code, text):
    doc = code(text)
    assert doc.text == doc.text.strip()


# -- the CLI, interrupted for real ---------------------------------------------------------------


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def killable(tmp_path_factory):
    """A corpus of several chunks and its uninterrupted output and database."""
    root = tmp_path_factory.mktemp("kill")
    src = root / "in.jsonl"
    corpus(src, 5 * batch.CHUNK_SIZE, bad_every=50)
    code_corpus([src], root / "whole.jsonl", root / "whole.duckdb")
    return src, root


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize("sig, workers", [(signal.SIGINT, 1), (signal.SIGKILL, 2)])
def test_batch_cli_killed_then_resumed(killable, tmp_path, sig, workers):
    src, root = killable
    out, db = tmp_path / "out.jsonl", tmp_path / "out.duckdb"
    partial = tmp_path / "out.jsonl.dyads-partial"
    command = [sys.executable, "-m", "dyads", "code", str(src), "-o", str(out), "--db", str(db)]
    command += ["-n", str(workers), "-q"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        command, stderr=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True
    )
    deadline = time.monotonic() + 300
    while not list(partial.glob("0*.jsonl")):
        assert proc.poll() is None, proc.stderr.read()
        assert time.monotonic() < deadline
        time.sleep(0.02)
    workers_pids = _children(proc.pid)
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert proc.returncode == 130, stderr
        assert stderr.strip().splitlines()[-1] == RESUME_HINT
    else:
        assert proc.returncode == -signal.SIGKILL
        deadline = time.monotonic() + 15
        while any(_alive(p) for p in workers_pids) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(p) for p in workers_pids), "orphaned workers did not exit"
    assert not out.exists()
    done = {
        json.loads(line)["doc_id"]
        for f in partial.glob("0*.jsonl")
        for line in f.read_text().splitlines()
        if not line.startswith('{"reject"')
    }
    with Store(db, read_only=True) as store:
        stored = {r[0] for r in store.con.execute("SELECT doc_id FROM documents").fetchall()}
    assert done <= stored and len(stored) < 5 * batch.CHUNK_SIZE

    resumed = subprocess.run(command[:-1], capture_output=True, text=True, env=env, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert "already done" in resumed.stderr
    assert out.read_bytes() == (root / "whole.jsonl").read_bytes()
    assert (tmp_path / "out.rejects.jsonl").read_text() == (
        root / "whole.rejects.jsonl"
    ).read_text()
    assert tables(db) == tables(root / "whole.duckdb")
    assert not partial.exists()


def test_batch_run_options_are_the_cli_options():
    names = {f.name for f in dataclasses.fields(batch.RunOptions)}
    assert {
        "inputs",
        "output",
        "db",
        "published",
        "workers",
        "batch_size",
        "actor_files",
        "dask",
        "progress",
    } <= names


HOSTILE = st.one_of(
    st.text(max_size=300),
    st.text(
        alphabet="\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u2039\u203a \n.,", max_size=300
    ),
    st.text(alphabet="ab \n", max_size=300).map(lambda t: t.replace("a", "a" * 500)),
    st.lists(
        st.sampled_from(
            ["Kenya", "said", "\u201c", "\u201d", '"', "\n\n", "Ghana", ".", "the minister"]
        ),
        max_size=80,
    ).map(" ".join),
)


@settings(max_examples=60, deadline=None)
@given(text=HOSTILE)
def test_batch_coder_fuzz(code, text):
    """Random and hostile text codes without error into a well-formed, writable document."""
    text = text.encode("utf-8", "replace").decode("utf-8")  # as ingest would give it
    if not text.strip():
        return
    doc = code(text)
    n = len(doc.text)
    spans = [m for a in doc.actors for m in a.mentions]
    spans += [s for e in doc.events for s in (e.trigger, e.evidence)]
    spans += [s for q in doc.quotes for s in (q.span, q.cue) if s is not None]
    assert all(0 <= start <= end <= n for start, end in spans)
    ids = {a.id for a in doc.actors}
    assert all(set(e.actor) | set(e.recipient) <= ids for e in doc.events)
    assert CodedDocument.from_dict(json.loads(json_line(doc))) == doc
