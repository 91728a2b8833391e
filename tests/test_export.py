"""Output files: JSONL, CSV, Parquet layouts derived from records.py, written atomically."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import coded_documents, document_lists

from dyads import export
from dyads.errors import StoreError
from dyads.records import Actor, CodedDocument, Event, Location, Quote, Why

TEXT = "Syria's army shelled Idlib on Monday. Turkey condemned the attack."


def sample() -> CodedDocument:
    return CodedDocument(
        doc_id="d1",
        title="Shelling",
        published=dt.date(2024, 3, 6),
        source="Wire",
        url=None,
        text=TEXT,
        actors=(
            Actor("A1", "Syrian Army", "organisation", "SYR", "MIL", None, ((0, 12),)),
            Actor("A2", "Idlib", "place", "SYR", None, None, ((21, 26),)),
            Actor("A3", "Turkey", "state", "TUR", "GOV", None, ((38, 44),)),
        ),
        events=(
            Event(
                id="E1",
                type="ASSAULT",
                mode="aerial",
                contexts=("military", "territory"),
                cameo="195",
                quad_class=4,
                goldstein=-9.5,
                actor=("A1",),
                recipient=("A2", "A3"),
                modality="asserted",
                date="2024-03-04",
                date_text="Monday",
                location=Location("Idlib", "SYR", 35.93, 36.63),
                trigger=(13, 20),
                evidence=(0, 37),
                attributed_to=None,
                confidence=0.9,
                why=Why("verb-dobj", "en_plover_verbs.tsv:12", "nsubj<shell>dobj"),
            ),
        ),
        quotes=(Quote("Q1", "indirect", (38, 66), "condemned the attack", "A3", "Turkey", None),),
        warnings=("w1",),
    )


def test_export_document_schema_follows_records():
    schema = export.document_schema()
    names = [f.name for f in dataclasses.fields(CodedDocument)]
    assert schema.names == ["schema", *(n for n in names if n != "schema")]
    events = schema.field("events").type.value_type
    assert [f.name for f in events] == [f.name for f in dataclasses.fields(Event)]
    assert events.field("trigger").type == pa.list_(pa.int64(), 2)
    assert events.field("location").type == pa.struct(
        [
            ("name", pa.string()),
            ("country", pa.string()),
            ("lat", pa.float64()),
            ("lon", pa.float64()),
        ]
    )
    assert schema.field("published").type == pa.date32()


@pytest.mark.parametrize(
    "column, expected",
    [
        ("doc_id", "d1"),
        ("published", "2024-03-06"),
        ("event_id", "E1"),
        ("type", "ASSAULT"),
        ("contexts", "military|territory"),
        ("actor", "A1"),
        ("actor_name", "Syrian Army"),
        ("actor_country", "SYR"),
        ("actor_sector", "MIL"),
        ("recipient", "A2|A3"),
        ("recipient_name", "Idlib|Turkey"),
        ("recipient_country", "SYR|TUR"),
        ("recipient_sector", "|GOV"),
        ("location_name", "Idlib"),
        ("location_lat", "35.93"),
        ("trigger_start", "13"),
        ("trigger_text", "shelled"),
        ("evidence_text", "Syria's army shelled Idlib on Monday."),
        ("attributed_to", ""),
        ("why_rule", "verb-dobj"),
        ("goldstein", "-9.5"),
    ],
)
def test_export_csv_row_per_event(tmp_path, column, expected):
    out = tmp_path / "events.csv"
    assert export.write_documents(out, [sample(), dataclasses.replace(sample(), events=())]) == 2
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1
    assert rows[0][column] == expected


def test_export_csv_header_has_every_event_field():
    header = export.event_columns()
    assert header[:3] == ("doc_id", "published", "event_id")
    for f in dataclasses.fields(Event):
        if f.name in ("id", "trigger", "evidence", "location", "why"):
            continue
        assert f.name in header


def test_export_jsonl_is_to_dict_per_line(tmp_path):
    out = tmp_path / "out.jsonl"
    docs = [sample(), dataclasses.replace(sample(), doc_id="d2")]
    export.write_documents(out, docs)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [d.to_dict() for d in docs]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(docs=document_lists())
def test_export_parquet_and_jsonl_round_trip(tmp_path, docs):
    for name in ("out.parquet", "out.jsonl"):
        out = tmp_path / name
        export.write_documents(out, docs)
        assert list(export.read_documents(out)) == docs


@settings(max_examples=40, deadline=None)
@given(doc=coded_documents())
def test_export_flatten_round_trip(doc):
    for cls, records in ((Event, doc.events), (Quote, doc.quotes)):
        columns = export.flat_columns(cls)
        for record in records:
            row = {c.name: c.get(record) for c in columns}
            assert export.unflatten(cls, row) == record


def test_export_parquet_is_nested(tmp_path):
    out = tmp_path / "out.parquet"
    export.write_documents(out, [sample()])
    table = pq.read_table(out)
    assert table.schema.metadata[b"dyads.schema"] == b"dyads/1"
    event = table.column("events")[0][0].as_py()
    assert event["location"]["country"] == "SYR"
    assert event["trigger"] == [13, 20]


def test_export_unknown_extension(tmp_path):
    with pytest.raises(StoreError, match=r"out\.xlsx: cannot write \.xlsx"):
        export.write_documents(tmp_path / "out.xlsx", [sample()])


def test_export_failed_write_leaves_no_file(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n")

    def docs():
        yield sample()
        raise RuntimeError("coder crashed")

    with pytest.raises(RuntimeError):
        export.write_documents(out, docs())
    assert out.read_text() == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_export_atomic_path_replaces_whole(tmp_path: Path):
    out = tmp_path / "out.csv"
    with export.atomic_path(out) as tmp:
        tmp.write_text("a,b\n")
        assert not out.exists()
    assert out.read_text() == "a,b\n"
