"""Time quote extraction against parsing, on the gold and held-out articles (budget: ≤ 5%).

Usage::

    python scripts/bench_quotes.py
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from dyads.clean import clean_text
from dyads.nlp import build_pipeline
from dyads.quotes import extract_quotes

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def main() -> None:
    rows = []
    for name in ("quotes_gold.jsonl", "quotes_heldout.jsonl", "quotes_heldout2.jsonl"):
        rows += [json.loads(line) for line in (DATA / name).open(encoding="utf-8")]
    texts = [clean_text(r["text"], r["title"]).text for r in rows] * 4
    nlp = build_pipeline(stages=("dyads_actors",))
    list(nlp.pipe(texts[:5]))  # warm up
    started = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse = time.perf_counter() - started
    started = time.perf_counter()
    for doc in docs:
        extract_quotes(doc)
    quotes = time.perf_counter() - started
    tokens = sum(len(d) for d in docs)
    print(
        f"{len(docs)} docs, {tokens} tokens: model + actors {parse:.2f} s, "
        f"quotes {quotes * 1000:.0f} ms = {100 * quotes / parse:.1f}% of it"
    )


if __name__ == "__main__":
    main()
