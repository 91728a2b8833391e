"""Shared fixtures: a blank pipeline for rule tests, the full model once per session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def nlp_model() -> Language:
    """The full dyads pipeline (spaCy model + dyads components), loaded once."""
    from dyads.nlp import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def nlp_blank() -> Language:
    """A blank English pipeline, for tests on hand-built Docs."""
    return spacy.blank("en")


@pytest.fixture(scope="session")
def code(nlp_model):
    """Code one text with the full pipeline: ``code(text, published=..., title=...)``."""
    from dyads.pipeline import code_text

    def run(text: str, published: dt.date | None = dt.date(2024, 3, 6), title: str | None = None):
        return code_text(text, title=title, published=published, nlp=nlp_model)

    return run


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Path for a DuckDB database in a fresh temporary directory."""
    return tmp_path / "test.duckdb"


@pytest.fixture
def data_dir() -> Path:
    return DATA
