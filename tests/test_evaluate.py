"""Scoring against PLOVER gold-standard files."""

from __future__ import annotations

import json

import pytest

from dyads.errors import InputError
from dyads.evaluate import (
    GoldActor,
    GoldSentence,
    actor_matches,
    evaluate,
    read_gold,
    score_sentence,
)
from dyads.records import Actor, CodedDocument, Event

RECORDS = [
    {"id": "doc", "event": "DOCUMENT", "eventText": "internal documentation"},
    {
        "id": "g1",
        "event": "FIGHT",
        "text": "Japan shelled the island.",
        "source": [{"actorText": "Japan", "code": "JAP"}],
        "target": "",
    },
    {
        "id": "g2",
        "event": "DEMAND",
        "text": "NATO asked Serbia to withdraw.",
        "source": [{"actorText": "NATO", "code": "IGO"}],
        "target": [{"actorText": "Serbia", "code": "SRB", "sector": "GOV"}],
        "modality": "asserted",
    },
]


def test_evaluate_reads_json_list_and_jsonl(tmp_path):
    listed = tmp_path / "gold.json"
    listed.write_text(json.dumps(RECORDS))
    lines = tmp_path / "gold.jsonl"
    lines.write_text("# written for this test\n" + "\n".join(json.dumps(r) for r in RECORDS))
    for path in (listed, lines):
        gold = read_gold(path)
        assert [(g.id, g.type, g.mode) for g in gold] == [
            ("g1", "ASSAULT", None),
            ("g2", "REQUEST", None),
        ]
        assert gold[0].source == (GoldActor("Japan", "JPN", None),)
        assert gold[0].target == ()
        assert gold[1].target == (GoldActor("Serbia", "SRB", "GOV"),)
        assert gold[1].modality == "asserted"


@pytest.mark.parametrize(
    "record, message",
    [
        ({"id": "x", "event": "ASSAULT"}, "needs 'text' and 'event'"),
        ({"id": "x", "event": "EXPLODE", "text": "A bomb."}, "unknown PLOVER event type"),
    ],
)
def test_evaluate_rejects_bad_records(tmp_path, record, message):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n")
    with pytest.raises(InputError, match=message):
        read_gold(path)


def actor(id_, name, country=None, sector=None, mentions=((0, 5),)):
    return Actor(id_, name, "state", country, sector, None, mentions)


@pytest.mark.parametrize(
    "gold, candidate, expected",
    [
        (GoldActor("Japan", "JPN", None), actor("A1", "Japan", "JPN"), True),
        (GoldActor("Japan", "JPN", None), actor("A1", "China", "CHN"), False),
        (GoldActor("NATO", "IGO", None), actor("A1", "NATO", None, "IGO"), True),
        (GoldActor("UN", "IGO", None), actor("A1", "United Nations", "UNO"), True),
        (GoldActor("Red Cross", "NGO", None), actor("A1", "Red Cross", None, "NGO"), True),
        (GoldActor("Japan", None, None), actor("A1", "Japan"), True),
        (GoldActor("Japanese troops", None, None), actor("A1", "Japan"), False),
    ],
)
def test_evaluate_actor_matches(gold, candidate, expected):
    assert actor_matches(gold, candidate, "Japan shelled the island.") is expected


def event(kind, actors, recipients, confidence=0.9):
    return Event(
        "E1",
        kind,
        None,
        (),
        "190",
        4,
        -10.0,
        actors,
        recipients,
        "asserted",
        None,
        None,
        None,
        (0, 1),
        (0, 1),
        None,
        confidence,
    )


def test_evaluate_scores_one_sentence():
    gold = GoldSentence(
        "g",
        "NATO asked Serbia to withdraw.",
        "REQUEST",
        None,
        (GoldActor("NATO", "IGO", None),),
        (GoldActor("Serbia", "SRB", None),),
    )
    actors = (actor("A1", "NATO", None, "IGO"), actor("A2", "Serbia", "SRB", None, ((11, 17),)))
    doc = CodedDocument(
        "g",
        None,
        None,
        None,
        None,
        gold.text,
        actors=actors,
        events=(event("REQUEST", ("A1",), ("A2",)), event("ASSAULT", ("A2",), ())),
    )
    result = score_sentence(gold, doc)
    assert (result.type_ok, result.actor_ok, result.recipient_ok, result.extra) == (
        True,
        True,
        True,
        1,
    )
    wrong_way = CodedDocument(
        "g",
        None,
        None,
        None,
        None,
        gold.text,
        actors=actors,
        events=(event("REQUEST", ("A2",), ("A1",)),),
    )
    result = score_sentence(gold, wrong_way)
    assert (result.type_ok, result.actor_ok, result.recipient_ok, result.extra) == (
        True,
        False,
        False,
        0,
    )


def test_evaluate_end_to_end(nlp_model, tmp_path):
    path = tmp_path / "gold.jsonl"
    rows = [
        {
            "id": "a",
            "event": "ASSAULT",
            "text": "Russia attacked Ukraine on Monday.",
            "source": [{"actorText": "Russia", "code": "RUS"}],
            "target": [{"actorText": "Ukraine", "code": "UKR"}],
        },
        {
            "id": "b",
            "event": "CONSULT",
            "text": "The weather in Oslo was mild.",
            "source": [{"actorText": "Norway", "code": "NOR"}],
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    report = evaluate(path, nlp=nlp_model)
    scores = report.scores()
    assert (report.n, scores["type"], scores["type_actor_recipient"]) == (2, 0.5, 0.5)
    assert report.confusion() == {"ASSAULT": {"ASSAULT": 1}, "CONSULT": {"NONE": 1}}
    assert report.to_dict()["misses"] == ["b"]
    text = report.render()
    assert "type+actor+recipient      50.0%" in text
    assert "confusion (rows gold, columns predicted):" in text


@pytest.mark.parametrize(
    "name, size",
    [
        ("event_sentences.jsonl", 100),
        ("events_fresh.jsonl", 60),
        ("events_fresh2.jsonl", 100),
        ("events_fresh3.jsonl", 100),
        ("events_fresh4.jsonl", 100),
    ],
)
def test_evaluate_bundled_gold_files_are_well_formed(data_dir, name, size):
    gold = read_gold(data_dir / name)
    assert len(gold) >= size
    assert len({g.id for g in gold}) == len(gold)
    for sentence in gold:
        assert sentence.modality in (None, "asserted", "negated", "hypothetical", "future")
        for actor in sentence.source + sentence.target:
            assert actor.text in sentence.text, (sentence.id, actor.text)
