"""Input readers under random and hostile content: never crash, one Article or Reject a record."""

from __future__ import annotations

import csv
import datetime as dt
import json
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyads.errors import InputError
from dyads.ingest import input_size, read_file, read_inputs
from dyads.records import Article, Reject

FUZZ = settings(max_examples=60, deadline=None)

ANY_TEXT = st.text(max_size=60)  # includes lone surrogates, NUL, control characters
QUOTES = st.text(alphabet="\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e \n", max_size=40)
TEXT = st.one_of(ANY_TEXT, QUOTES, st.just(""), st.just("   \n\t"))
ID = st.one_of(st.none(), ANY_TEXT, st.integers(), st.floats(allow_nan=False))
DATE = st.one_of(
    st.none(),
    st.dates().map(dt.date.isoformat),
    st.just("2024-02-30"),
    st.just("yesterday"),
    ANY_TEXT,
)
RECORD = st.fixed_dictionaries(
    {"id": ID, "text": TEXT},
    optional={"title": ANY_TEXT, "published": DATE, "source": ANY_TEXT, "url": ANY_TEXT},
)
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANY_TEXT, inner, max_size=3),
    max_leaves=8,
)
LINE = st.one_of(
    RECORD.map(json.dumps),
    JSON_VALUE.map(json.dumps),
    st.binary(max_size=40),
    st.just('{"id": "x", "text": "Kenya met Ghana.\\u0000"}'),
    st.just('{"id": "s", "text": "Kenya met Ghana \\ud83d."}'),
)


def tmpdir() -> Path:
    return Path(tempfile.mkdtemp(prefix="dyads-fuzz-"))


def check(records: list) -> None:
    for r in records:
        assert isinstance(r, Article | Reject)
        if isinstance(r, Article):
            assert r.text.strip() and "\x00" not in r.text
            assert r.doc_id
            # Every string dyads goes on with can be written out as UTF-8.
            for value in (r.doc_id, r.text, r.title, r.source, r.url):
                if value is not None:
                    value.encode("utf-8")
        else:
            assert r.reason.startswith(r.origin)


def expected_id(record: dict, default: str) -> str:
    raw = record.get("id")
    text = "" if raw is None else str(raw).strip()
    return text or default


@FUZZ
@given(lines=st.lists(LINE, max_size=8))
def test_ingest_jsonl_fuzz(lines):
    path = tmpdir() / "in.jsonl"
    raw = [
        line if isinstance(line, bytes) else line.encode("utf-8", "surrogatepass") for line in lines
    ]
    raw = [line.replace(b"\n", b" ").replace(b"\r", b" ") for line in raw]
    path.write_bytes(b"\n".join(raw))
    records = list(read_file(path))
    check(records)
    # Blank lines are skipped (blank as Python's str.strip sees it, after decoding).
    assert len(records) == sum(1 for line in raw if line.decode("utf-8", "replace").strip())
    for number, line in enumerate(raw, start=1):
        try:
            data = json.loads(line)
        except ValueError:
            continue
        matches = [r for r in records if r.origin == f"{path}:{number}"]
        if isinstance(data, dict) and matches and isinstance(matches[0], Article):
            assert matches[0].doc_id == expected_id(data, f"in-{number}")


@FUZZ
@given(records=st.lists(RECORD, max_size=6))
def test_ingest_csv_fuzz(records):
    path = tmpdir() / "in.csv"
    columns = ["id", "text", "title", "published", "source", "url"]
    with path.open("w", encoding="utf-8", errors="surrogatepass", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for record in records:
            writer.writerow(["" if record.get(c) is None else record.get(c) for c in columns])
    got = list(read_file(path))
    check(got)
    valid = all(
        not isinstance(v, str) or v == v.encode("utf-8", "replace").decode()
        for r in records
        for v in r.values()
    )
    if valid:  # otherwise the file is not UTF-8: a Reject names it where decoding fails
        assert len(got) == len(records)
        for result, record in zip(got, records, strict=True):
            if isinstance(result, Article):
                assert result.doc_id == expected_id(record, f"in-{result.origin.rsplit(':', 1)[1]}")


@FUZZ
@given(records=st.lists(RECORD, max_size=6))
def test_ingest_parquet_fuzz(records):
    path = tmpdir() / "in.parquet"
    clean = [
        {
            k: (str(v).encode("utf-8", "replace").decode() if v is not None else None)
            for k, v in r.items()
        }
        for r in records
    ]
    columns = {c: [r.get(c) for r in clean] for c in ("id", "text", "title", "published")}
    pq.write_table(pa.table(columns, schema=pa.schema([(c, pa.string()) for c in columns])), path)
    got = list(read_file(path))
    check(got)
    assert len(got) == len(records)
    for n, (record, result) in enumerate(zip(clean, got, strict=True), start=1):
        assert result.origin == f"{path}:row {n}"
        if isinstance(result, Article):
            assert result.doc_id == expected_id(record, f"in-{n}")


@FUZZ
@given(content=st.binary(max_size=200) | ANY_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_ingest_txt_fuzz(content):
    path = tmpdir() / "story.txt"
    path.write_bytes(content)
    (record,) = list(read_file(path))
    check([record])
    assert record.doc_id == "story"


@pytest.mark.parametrize(
    "line, reason",
    [
        ('{"id": "a", "text": "x\\u0000y"}', "binary data"),
        ("[1, 2]", "expected a JSON object, got list"),
        ('{"id": "a", "text": 5}', "field 'text' is int, not a string"),
        ('{"id": "a", "text": "Kenya met Ghana.", "published": "2024-13-01"}', "bad date"),
        ('{"id": "a"}', "no field 'text'"),
    ],
)
def test_ingest_jsonl_rejects(tmp_path, line, reason):
    path = tmp_path / "in.jsonl"
    path.write_text(line + "\n")
    (record,) = read_file(path)
    assert isinstance(record, Reject)
    assert reason in record.reason
    assert record.origin == f"{path}:1"


@pytest.mark.parametrize(
    "raw, doc_id",
    [
        ('{"id": "  ", "text": "Kenya met Ghana."}', "in-1"),
        ('{"id": 17, "text": "Kenya met Ghana."}', "17"),
        ('{"id": " a-1 ", "text": "Kenya met Ghana."}', "a-1"),
        ('{"text": "Kenya met Ghana."}', "in-1"),
    ],
)
def test_ingest_ids(tmp_path, raw, doc_id):
    path = tmp_path / "in.jsonl"
    path.write_text(raw + "\n")
    (record,) = read_file(path)
    assert record.doc_id == doc_id


def test_ingest_lone_surrogate_is_replaced(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "e", "text": "Kenya met Ghana \\ud83d.", "title": "\\udc00"}\n')
    (record,) = read_file(path)
    assert record.text == "Kenya met Ghana \ufffd."
    assert record.title == "\ufffd"


def test_ingest_missing_input():
    with pytest.raises(InputError, match=r"nope\.jsonl: no such file or directory"):
        list(read_inputs(["nope.jsonl"]))


def test_ingest_every_input_is_checked_before_the_first_record(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Title\nKenya met Ghana.")
    records = read_inputs([good, tmp_path / "notes.md"])
    with pytest.raises(InputError, match=r"notes\.md: no such file or directory"):
        next(records)
    (tmp_path / "notes.md").write_text("not an input")
    with pytest.raises(InputError, match=r"notes\.md: cannot read \.md; give \.txt"):
        next(read_inputs([good, tmp_path / "notes.md"]))


def test_ingest_folder_is_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b.txt").write_text("Title B\nKenya met Ghana.")
    (tmp_path / "a.txt").write_text("Title A\nGhana met Kenya.")
    (tmp_path / ".hidden.txt").write_text("Title\nText.")
    (tmp_path / "notes.md").write_text("not an input")
    assert [r.doc_id for r in read_inputs([tmp_path])] == ["a", "b"]


def test_ingest_on_read_counts_every_byte_of_every_kind(tmp_path):
    rows = [
        {"id": f"n{i}", "text": f"Story {i}: the council met on Monday. " * 3} for i in range(900)
    ]
    with (tmp_path / "a.jsonl").open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(row) + "\n" for row in rows)
    with (tmp_path / "b.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["id", "text"])
        writer.writeheader()
        writer.writerows(rows)
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "c.parquet", row_group_size=300)
    (tmp_path / "d.txt").write_text("A title\nThe council met on Monday.", encoding="utf-8")
    steps: list[int] = []
    records = list(read_inputs([tmp_path], on_read=steps.append))
    assert len(records) == 3 * 900 + 1
    assert all(step >= 0 for step in steps)
    assert sum(steps) == input_size([tmp_path])
    assert input_size([tmp_path]) == sum(p.stat().st_size for p in tmp_path.iterdir())
    assert sum(1 for step in steps if step) > 900  # the bar moves record by record, not per file


def test_ingest_input_size_is_unknown_for_stdin(tmp_path):
    (tmp_path / "a.txt").write_text("Title\nText.")
    assert input_size([tmp_path / "a.txt", "-"]) is None
