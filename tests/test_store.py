"""The DuckDB store: tables derived from records.py, replace-not-duplicate, read back."""

from __future__ import annotations

import dataclasses

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import document_lists
from test_export import sample

from dyads.errors import StoreError
from dyads.records import Actor, Event, Quote
from dyads.store import TABLES, Store, Stored


def test_store_tables_follow_records(db):
    with Store(db) as store:
        columns = {
            name: [r[0] for r in store.con.execute(f"DESCRIBE {name}").fetchall()]
            for name in TABLES
        }
    assert set(columns) == {"documents", "actors", "mentions", "events", "quotes", "runs"}
    assert columns["actors"] == ["doc_id", "seq", *(f.name for f in dataclasses.fields(Actor))][:-1]
    assert columns["events"][:4] == ["doc_id", "seq", "id", "type"]
    assert "location_country" in columns["events"]
    assert "evidence_start" in columns["events"]
    assert columns["quotes"][2:] == [
        "id", "kind", "span_start", "span_end", "text", "speaker", "speaker_text",
        "cue_start", "cue_end",
    ]  # fmt: skip
    assert [f.name for f in dataclasses.fields(Quote)] == [
        "id", "kind", "span", "text", "speaker", "speaker_text", "cue",
    ]  # fmt: skip
    assert columns["mentions"] == ["doc_id", "actor_id", "seq", "start", "end", "text"]
    assert columns["documents"][-4:] == ["text_hash", "coder", "run_id", "coded_at"]


def test_store_replace_does_not_duplicate(db):
    doc = sample()
    with Store(db) as store:
        store.replace([(doc, "h1")], coder="c1")
        changed = dataclasses.replace(doc, events=doc.events * 2)
        store.replace([(changed, "h2")], coder="c1")
        counts = {
            name: store.con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0]
            for name in ("documents", "actors", "mentions", "events", "quotes")
        }
        assert store.stored(["d1", "nope"]) == {"d1": Stored("h2", "c1")}
        assert list(store.documents()) == [changed]
    assert counts == {"documents": 1, "actors": 3, "mentions": 3, "events": 2, "quotes": 1}


def test_store_mentions_carry_text(db):
    with Store(db) as store:
        store.replace([(sample(), "h")])
        rows = store.con.execute("SELECT actor_id, text FROM mentions ORDER BY actor_id").fetchall()
    assert rows == [("A1", "Syria's army"), ("A2", "Idlib"), ("A3", "Turkey")]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(docs=document_lists())
def test_store_round_trip(tmp_path_factory, docs):
    path = tmp_path_factory.mktemp("db") / "rt.duckdb"
    with Store(path) as store:
        store.replace([(d, "h") for d in docs])
        assert list(store.documents([d.doc_id for d in docs])) == docs


def test_store_failed_batch_keeps_nothing(db):
    with Store(db) as store:
        store.replace([(sample(), "h1")])
        # A column the store does not fill makes the last insert of the transaction fail.
        store.con.execute("ALTER TABLE quotes ADD COLUMN must VARCHAR DEFAULT NULL")
        store.con.execute("DELETE FROM quotes")
        store.con.execute("ALTER TABLE quotes ALTER COLUMN must SET NOT NULL")
        changed = dataclasses.replace(sample(), text="changed")
        with pytest.raises(StoreError, match=r"test\.duckdb: cannot write"):
            store.replace([(changed, "h2"), (dataclasses.replace(sample(), doc_id="d2"), "h3")])
        assert store.count() == 1
        assert store.stored(["d1"]) == {"d1": Stored("h1", "")}
        assert next(store.documents(["d1"])).text == sample().text


class _InterruptedInsert:
    """A connection on which an INSERT meets Ctrl-C, as DuckDB reports it."""

    def __init__(self, con):
        self.con = con

    def __getattr__(self, name):
        return getattr(self.con, name)

    def execute(self, query, *args):
        if query.startswith("INSERT"):
            raise duckdb.InterruptException("INTERRUPT Error: Interrupted!")
        return self.con.execute(query, *args)


def test_store_ctrl_c_during_a_write_is_an_interrupt_and_keeps_nothing(db):
    with Store(db) as store:
        store.con = _InterruptedInsert(store.con)
        with pytest.raises(KeyboardInterrupt):
            store.replace([(sample(), "h1")])
        store.con = store.con.con
        assert store.count() == 0


class _InterruptedFetch:
    """A connection whose SELECT meets Ctrl-C while DuckDB fetches the rows."""

    def __init__(self, con):
        self.con = con

    def __getattr__(self, name):
        return getattr(self.con, name)

    def execute(self, query, *args):
        if query.startswith("SELECT"):
            raise RuntimeError("Query interrupted")
        return self.con.execute(query, *args)


def test_store_ctrl_c_while_fetching_is_an_interrupt(db):
    with Store(db) as store:
        store.replace([(sample(), "h1")])
        store.con = _InterruptedFetch(store.con)
        with pytest.raises(KeyboardInterrupt):
            store.stored(["d1"])
        store.con = store.con.con
        assert set(store.stored(["d1"])) == {"d1"}


def test_store_adds_new_columns_to_old_database(db):
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE events (doc_id VARCHAR, seq BIGINT, id VARCHAR)")
    con.close()
    with Store(db) as store:
        names = [r[0] for r in store.con.execute("DESCRIBE events").fetchall()]
    assert names[:3] == ["doc_id", "seq", "id"]
    assert set(names) == {name for name, _ in TABLES["events"].columns}


def test_store_runs_table(db):
    with Store(db) as store:
        run = store.start_run(["a.jsonl"], "dyads test")
        store.finish_run(run, coded=3, skipped=1, rejected=2)
        row = store.con.execute("SELECT inputs, coded, skipped, rejected FROM runs").fetchall()[0]
    assert row == (["a.jsonl"], 3, 1, 2)


def test_store_not_a_database(tmp_path):
    path = tmp_path / "x.duckdb"
    path.write_text("hello")
    with pytest.raises(StoreError, match=r"x\.duckdb: cannot open the database"):
        Store(path)


def test_store_events_have_no_dict_columns():
    names = {name for name, _ in TABLES["events"].columns}
    assert not {f.name for f in dataclasses.fields(Event)} - names - {
        "trigger", "evidence", "location", "why",
    }  # fmt: skip
