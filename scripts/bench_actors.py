"""Measure what the dyads_actors stage adds to parsing.

Usage:
    python scripts/bench_actors.py [--repeat N]

Parses the bundled examples (examples/articles.jsonl) with the spaCy model alone and
with the model plus dyads_actors, best of three runs each, and times the actor stage
alone on the parsed Docs. The knowledge base and gazetteer are loaded before timing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from dyads.actors import extract_actors
from dyads.nlp import build_pipeline
from dyads.places import locate

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="copies of the examples to parse")
    args = parser.parse_args()
    lines = EXAMPLES.read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()] * args.repeat
    bare = build_pipeline(stages=())
    with_actors = build_pipeline(stages=("dyads_actors",))
    kb = with_actors.get_pipe("dyads_actors").kb
    locate("Aleppo")  # load the gazetteer outside the timings

    def run(nlp) -> tuple[float, list]:
        start = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=16))
        return time.perf_counter() - start, docs

    run(bare), run(with_actors)
    parse = min(run(bare)[0] for _ in range(3))
    both = min(run(with_actors)[0] for _ in range(3))
    docs = run(bare)[1]
    start = time.perf_counter()
    for doc in docs:
        extract_actors(doc, kb)
    stage = time.perf_counter() - start
    tokens = sum(len(d) for d in docs)
    print(f"{len(docs)} docs, {tokens} tokens")
    print(f"parse {parse:.2f}s; parse + actors {both:.2f}s ({(both - parse) / parse:+.1%})")
    print(f"actor stage alone {stage:.3f}s = {stage / parse:.1%} of parse")
    return 0


if __name__ == "__main__":
    sys.exit(main())
