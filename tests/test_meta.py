"""Checks on the project itself: docs, public API, data-file provenance, CI."""

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dyads
from dyads.cli import app
from dyads.resources import DATA_DIR

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PROVENANCE = ("source:", "license:", "retrieved:", "notes:")


def test_meta_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert f"```bash\n{ci}\n```" in README


def test_meta_all_is_sorted_and_complete():
    # isort order, as ruff's RUF022 keeps it: CONSTANTS, Classes, functions.
    order = sorted(dyads.__all__, key=lambda n: (not n.isupper(), not n[:1].isupper(), n))
    assert dyads.__all__ == order
    assert all(hasattr(dyads, name) for name in dyads.__all__)


@pytest.mark.parametrize("command", [c.name for c in app.registered_commands])
def test_meta_every_command_has_help_and_is_documented(command):
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"`dyads {command}" in README


def _data_files():
    return sorted(p for p in DATA_DIR.rglob("*") if p.is_file() and p.suffix in (".txt", ".tsv"))


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: p.name)
def test_meta_data_files_declare_provenance(path):
    header = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line.lstrip("# ").lower())
    for key in PROVENANCE:
        assert any(h.startswith(key) for h in header), f"{path.name}: no '# {key}' line"


JSON_DATA = sorted(p for p in DATA_DIR.rglob("*.json*") if not p.name.endswith(".meta.json"))


@pytest.mark.parametrize("path", JSON_DATA, ids=lambda p: p.name)
def test_meta_json_data_files_have_a_meta_sidecar(path):
    meta = path.with_name(re.sub(r"\.jsonl?$", ".meta.json", path.name))
    assert meta.exists(), f"{path.name}: no {meta.name}"
    assert set(PROVENANCE) <= {k + ":" for k in json.loads(meta.read_text())}
