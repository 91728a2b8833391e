"""Score dyads's quote extraction against the hand-annotated gold set.

Usage::

    python scripts/eval_quotes.py [tests/data/quotes_gold.jsonl] [--verbose]

Quotes are scored in three classes: ``direct``, ``indirect`` and ``fragment``
(``partial`` and ``mixed`` together; the kind agreement within matched fragments is
printed on its own). A predicted quote matches a gold quote of the same class when
their character spans overlap by at least half of the gold span; each gold quote
matches at most one prediction (largest overlap first, then nearest start). Speaker accuracy is over
matched quotes: the predicted speaker actor's name must agree with one of the gold
names (case-insensitive, either contains the other), or both must be "no speaker".
The "entity" figure accepts the actor when a gold name agrees with its name or with any
of its mentions as written (not pronouns): the knowledge base's "US Department of State"
is the right actor for a text that writes "the State Department". The "phrase" figure
accepts the written speaker phrase as well as the actor name.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from dyads.pipeline import code_articles
from dyads.records import Article, CodedDocument

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "quotes_gold.jsonl"
CLASSES = ("direct", "indirect", "fragment")
_CLASS = {"direct": "direct", "indirect": "indirect", "partial": "fragment", "mixed": "fragment"}


@dataclass
class Gold:
    kind: str
    start: int
    end: int
    speakers: list[str | None]


def normalise(name: str) -> str:
    name = name.lower().replace("’", "'")
    name = re.sub(r"^(the|a|an) ", "", name)
    return re.sub(r"[^\w']+", " ", name).strip()


def same_speaker(predicted: str | None, gold: list[str | None]) -> bool:
    if predicted is None:
        # Gold files write "no speaker" as [] or [null]; [name, null] accepts either.
        return None in gold or not gold
    p = normalise(predicted)
    return any(g is not None and (normalise(g) in p or p in normalise(g)) for g in gold if g)


def locate(doc: CodedDocument, quotes: list[dict]) -> list[Gold]:
    out, pos = [], 0
    for q in quotes:
        at = doc.text.find(q["text"], pos)
        if out and out[-1].kind == "mixed" and out[-1].start <= at < out[-1].end:
            # A mixed quote holds its fragments (PARC), so the next quote comes after it.
            at = doc.text.find(q["text"], out[-1].end)
        if at < 0:
            raise SystemExit(f"{doc.doc_id}: gold quote not in text: {q['text']!r}")
        pos = at + 1
        out.append(Gold(q["kind"], at, at + len(q["text"]), q["speakers"]))
    return out


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD)
    parser.add_argument("--verbose", "-v", action="store_true", help="list every error")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line]
    articles = [Article(r["id"], r["text"], r["title"]) for r in rows]
    started = time.perf_counter()
    docs = list(code_articles(articles))
    seconds = time.perf_counter() - started

    tp = dict.fromkeys(CLASSES, 0)
    n_pred = dict.fromkeys(CLASSES, 0)
    n_gold = dict.fromkeys(CLASSES, 0)
    speaker_ok = entity_ok = phrase_ok = matched = kind_ok = fragments = 0
    for row, doc in zip(rows, docs, strict=True):
        assert isinstance(doc, CodedDocument)
        names = {a.id: a.name for a in doc.actors}
        written = {
            a.id: [doc.text[start:end] for start, end in a.mentions if end - start > 3]
            for a in doc.actors
        }
        gold = locate(doc, row["quotes"])
        pairs = []
        for gi, g in enumerate(gold):
            for pi, p in enumerate(doc.quotes):
                if _CLASS[p.kind] != _CLASS[g.kind]:
                    continue
                ov = overlap(p.span, (g.start, g.end))
                if ov * 2 >= g.end - g.start and ov > 0:
                    pairs.append((ov, -abs(p.span[0] - g.start), gi, pi))
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _, _, gi, pi in sorted(pairs, reverse=True):
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            g, p = gold[gi], doc.quotes[pi]
            cls = _CLASS[g.kind]
            tp[cls] += 1
            matched += 1
            name = names.get(p.speaker) if p.speaker else None
            ok = same_speaker(name, g.speakers)
            speaker_ok += ok
            entity_ok += ok or any(
                same_speaker(w, g.speakers) for w in written.get(p.speaker or "", ())
            )
            phrase_ok += ok or (
                p.speaker_text is not None and same_speaker(p.speaker_text, g.speakers)
            )
            if cls == "fragment":
                fragments += 1
                kind_ok += p.kind == g.kind
            if args.verbose and (not ok or (cls == "fragment" and p.kind != g.kind)):
                print(
                    f"{row['id']}: SPEAKER/KIND {p.kind} {p.text[:50]!r} -> {name!r} "
                    f"({p.speaker_text!r}); gold {g.kind} {g.speakers}"
                )
        for g in gold:
            n_gold[_CLASS[g.kind]] += 1
        for p in doc.quotes:
            n_pred[_CLASS[p.kind]] += 1
        if args.verbose:
            for gi, g in enumerate(gold):
                if gi not in used_g:
                    print(f"{row['id']}: MISSED {g.kind} {doc.text[g.start : g.end][:60]!r}")
            for pi, p in enumerate(doc.quotes):
                if pi not in used_p:
                    print(f"{row['id']}: SPURIOUS {p.kind} {p.text[:60]!r}")

    print(f"{len(rows)} articles, {sum(n_gold.values())} gold quotes, coded in {seconds:.1f} s")
    print(f"{'class':<10} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for cls in CLASSES:
        p = tp[cls] / n_pred[cls] if n_pred[cls] else 0.0
        r = tp[cls] / n_gold[cls] if n_gold[cls] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{cls:<10} {n_gold[cls]:>5} {n_pred[cls]:>5} {p:>6.3f} {r:>6.3f} {f:>6.3f}")
    if matched:
        print(f"speaker accuracy (actor) on {matched} matched: {speaker_ok / matched:.3f}")
        print(f"speaker accuracy (actor entity): {entity_ok / matched:.3f}")
        print(f"speaker accuracy (actor or phrase): {phrase_ok / matched:.3f}")
    if fragments:
        print(f"fragment kind (partial/mixed) agreement: {kind_ok / fragments:.3f}")


if __name__ == "__main__":
    sys.exit(main())
