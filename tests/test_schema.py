"""The output format, schema dyads/1: every document validates and its offsets hold."""

import json
from pathlib import Path

import jsonschema
import pytest

from dyads.ingest import read_file
from dyads.pipeline import code_articles
from dyads.records import CodedDocument
from dyads.resources import data_path

EXAMPLES = Path(__file__).parent.parent / "examples" / "articles.jsonl"


@pytest.fixture(scope="module")
def coded(nlp_model) -> list[CodedDocument]:
    return list(code_articles(read_file(EXAMPLES), nlp=nlp_model))


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(data_path("schema/dyads-1.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schema_examples_validate(coded, validator):
    assert len(coded) == 6
    for doc in coded:
        data = json.loads(json.dumps(doc.to_dict()))
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
        assert not errors, f"{doc.doc_id}: {errors[0].message} at {list(errors[0].path)}"


def test_schema_offsets_index_the_text(coded):
    for doc in coded:
        n = len(doc.text)
        ids = {a.id for a in doc.actors}
        for actor in doc.actors:
            assert all(0 <= s < e <= n for s, e in actor.mentions), actor
        for event in doc.events:
            assert set(event.actor) <= ids and set(event.recipient) <= ids, event
            assert event.attributed_to in ids | {None}
            assert (
                0
                <= event.evidence[0]
                <= event.trigger[0]
                < event.trigger[1]
                <= event.evidence[1]
                <= n
            )
        for quote in doc.quotes:
            assert doc.text[quote.span[0] : quote.span[1]] == quote.text
            assert quote.speaker in ids | {None}


def test_schema_round_trip(coded):
    for doc in coded:
        assert CodedDocument.from_dict(json.loads(json.dumps(doc.to_dict()))) == doc


def test_schema_key_order_is_documented():
    doc = CodedDocument("d1", None, None, None, None, "text")
    assert list(doc.to_dict()) == [
        "schema",
        "doc_id",
        "title",
        "published",
        "source",
        "url",
        "text",
        "actors",
        "events",
        "quotes",
        "warnings",
    ]
