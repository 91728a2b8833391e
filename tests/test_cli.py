"""The command line end to end: what a user types and what lands on stdout, stderr and disk."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyads import cli
from dyads.errors import InputError
from dyads.records import SCHEMA

pytestmark = pytest.mark.slow

ARTICLE = (
    "Kenya and Tanzania agreed on Tuesday to reopen their border crossings, "
    "the two governments said.\n\n"
    '"We are neighbours and partners," Kenyan Foreign Minister Musalia Mudavadi told reporters.'
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    rows = [
        {"id": "border", "published": "2024-06-13", "text": ARTICLE},
        {"id": "empty", "text": "   "},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{not json\n", encoding="utf-8")
    return path


def test_cli_code_stdout_is_only_json_lines(runner, articles, monkeypatch):
    monkeypatch.chdir(articles.parent)  # rejects of a stdout run go to the working folder
    result = runner.invoke(cli.app, ["code", str(articles), "--quiet"])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    doc = json.loads(line)
    assert (doc["schema"], doc["doc_id"]) == (SCHEMA, "border")
    assert [e["type"] for e in doc["events"]] == ["AGREE"]
    assert doc["events"][0]["date"] == "2024-06-11"
    assert len((articles.parent / "dyads-rejects.jsonl").read_text().splitlines()) == 2


def test_cli_code_reports_each_bad_record_on_one_line(runner, articles, tmp_path):
    out = tmp_path / "coded.jsonl"
    result = runner.invoke(cli.app, ["code", str(articles), "-o", str(out)])
    assert result.exit_code == 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 2
    assert all(f"{articles}:" in line for line in errors)
    assert "coded 1 documents" in result.stderr
    rejects = (tmp_path / "coded.rejects.jsonl").read_text().splitlines()
    assert len(rejects) == 2


def test_cli_code_fails_when_nothing_could_be_coded(runner, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a"}\n', encoding="utf-8")
    result = runner.invoke(cli.app, ["code", str(bad), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 1
    assert "error: " in result.stderr


def test_cli_code_db_prints_an_overview_and_force_recodes(runner, articles, db):
    first = runner.invoke(cli.app, ["code", str(articles), "--db", str(db)])
    assert first.exit_code == 0
    assert f"{db}: 1 documents" in first.stderr
    assert "Events by type and modality" in first.stderr
    again = runner.invoke(cli.app, ["code", str(articles), "--db", str(db)])
    assert "coded 0 documents" in again.stderr and "1 already done" in again.stderr
    forced = runner.invoke(cli.app, ["code", str(articles), "--db", str(db), "--force"])
    assert "coded 1 documents" in forced.stderr


def test_cli_show_reads_a_database(runner, articles, db):
    runner.invoke(cli.app, ["code", str(articles), "--db", str(db), "--quiet"])
    overview = runner.invoke(cli.app, ["show", str(db)])
    assert overview.exit_code == 0
    assert "AGREE" in overview.stdout
    one = runner.invoke(cli.app, ["show", str(db), "--id", "border"])
    assert one.exit_code == 0
    assert "Musalia Mudavadi" in one.stdout and "Quotes" in one.stdout


def test_cli_show_unknown_id_is_an_error(runner, articles, db, monkeypatch, capsys):
    runner.invoke(cli.app, ["code", str(articles), "--db", str(db), "--quiet"])
    monkeypatch.setattr(sys, "argv", ["dyads", "show", str(db), "--id", "nope"])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 1
    assert capsys.readouterr().err.strip() == f"error: {db}: no document with id 'nope'"


def test_cli_show_codes_a_text_file(runner, tmp_path):
    path = tmp_path / "border.txt"
    path.write_text("Border deal\n\n" + ARTICLE, encoding="utf-8")
    result = runner.invoke(cli.app, ["show", str(path), "--published", "2024-06-13"])
    assert result.exit_code == 0
    assert "[E1 AGREE]" in result.stdout


def test_cli_resolve_phrases_and_stdin(runner):
    result = runner.invoke(cli.app, ["resolve", "Russian officials", "the Kenyan army"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["country"], r["sector"]) for r in rows] == [("RUS", "GOV"), ("KEN", "MIL")]
    piped = runner.invoke(cli.app, ["resolve"], input="the United Nations\n\n")
    (row,) = [json.loads(line) for line in piped.stdout.splitlines()]
    assert (row["country"], row["sector"], row["kind"]) == (None, "IGO", "organisation")


def test_cli_bad_date_is_one_line(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["dyads", "resolve", "Kenya", "--date", "13/13/2024"])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "--date" in err and "\n" not in err


def test_cli_code_missing_input_fails_before_any_work(runner, articles, tmp_path):
    out = tmp_path / "coded.jsonl"
    missing = tmp_path / "missing.jsonl"
    result = runner.invoke(cli.app, ["code", str(articles), str(missing), "-o", str(out)])
    assert result.exit_code == 1
    assert isinstance(result.exception, InputError)
    assert str(result.exception) == f"{missing}: no such file or directory"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles.jsonl"]
