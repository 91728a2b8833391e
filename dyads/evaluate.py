"""Score dyads's events against a gold file in the PLOVER gold-standard format.

The gold file is the JSON list of ``PLOVER_GSR_CAMEO.txt`` or JSON Lines with
the same fields (``#`` lines are skipped). Each record is one sentence:

- ``text``: the sentence; ``event``: its PLOVER type (old names DEMAND,
  DISAPPROVE, INVESTIGATE, FIGHT are read as REQUEST, ACCUSE, ACCUSE, ASSAULT);
- ``source`` / ``target``: lists of ``{"actorText", "code", "sector"}``
  (``code`` a country code, ISO alpha-3 or CAMEO's own such as ``JAP``, or a
  PLOVER non-state code such as ``IGO``); a record may give only ``actorText``;
- optional ``modality`` (asserted, negated, hypothetical, future).

``DOCUMENT`` records are skipped. The measures are defined in ``docs/events.md``.

Example:
    >>> report = evaluate("PLOVER_GSR_CAMEO.txt")
    >>> print(report.render())
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from . import codes
from .errors import InputError
from .records import Actor, Article, CodedDocument, Event

_IGO_LIKE = frozenset({"IGO", "UNO", "EUR"})
# Three letters per column keep the confusion matrix within 80 columns.
_SHORT = {
    "AGREE": "AGR",
    "CONSULT": "CNS",
    "SUPPORT": "SUP",
    "CONCEDE": "CNC",
    "COOPERATE": "COO",
    "AID": "AID",
    "RETREAT": "RET",
    "REQUEST": "REQ",
    "ACCUSE": "ACC",
    "REJECT": "REJ",
    "THREATEN": "THR",
    "PROTEST": "PRO",
    "SANCTION": "SAN",
    "MOBILIZE": "MOB",
    "COERCE": "COE",
    "ASSAULT": "ASL",
    "NONE": "---",
}


@dataclass(frozen=True, slots=True)
class GoldActor:
    """One gold actor: its text and, where given, its country or non-state code."""

    text: str
    code: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """One gold record: a sentence and the event it states."""

    id: str
    text: str
    type: str
    mode: str | None
    source: tuple[GoldActor, ...]
    target: tuple[GoldActor, ...]
    modality: str | None = None


@dataclass(slots=True)
class SentenceResult:
    """How dyads did on one gold sentence."""

    id: str
    gold_type: str
    predicted: tuple[str, ...]
    type_ok: bool
    actor_ok: bool
    recipient_ok: bool
    actor_text_ok: bool
    recipient_text_ok: bool
    modality_ok: bool | None
    extra: int


@dataclass(slots=True)
class EvaluationReport:
    """Scores over a gold file; :meth:`render` prints them, :meth:`to_dict` serialises them."""

    gold: str
    results: list[SentenceResult] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.results)

    def _rate(self, name: str) -> float:
        return sum(getattr(r, name) for r in self.results) / self.n if self.n else 0.0

    def scores(self) -> dict[str, float]:
        """Return the headline measures as fractions (extra events as a mean per sentence)."""
        out = {
            "type": self._rate("type_ok"),
            "type_actor": self._rate("actor_ok"),
            "type_actor_recipient": self._rate("recipient_ok"),
            "type_actor_text": self._rate("actor_text_ok"),
            "type_actor_recipient_text": self._rate("recipient_text_ok"),
            "extra_per_sentence": self._rate("extra"),
        }
        judged = [r.modality_ok for r in self.results if r.modality_ok is not None]
        if judged:
            out["modality"] = sum(judged) / len(judged)
        return out

    def confusion(self) -> dict[str, dict[str, int]]:
        """Return gold type → predicted type → count (``NONE`` when nothing was coded)."""
        table: dict[str, Counter[str]] = {}
        for r in self.results:
            guess = r.gold_type if r.type_ok else (r.predicted[0] if r.predicted else "NONE")
            table.setdefault(r.gold_type, Counter())[guess] += 1
        return {gold: dict(row) for gold, row in sorted(table.items())}

    def to_dict(self) -> dict[str, Any]:
        """Return the report as a JSON-ready dict."""
        return {
            "gold": self.gold,
            "sentences": self.n,
            "scores": {k: round(v, 4) for k, v in self.scores().items()},
            "confusion": self.confusion(),
            "misses": [r.id for r in self.results if not r.type_ok],
        }

    def render(self) -> str:
        """Return the report as plain text: measures, then the confusion matrix."""
        s = self.scores()
        lines = [
            f"gold: {self.gold} ({self.n} sentences)",
            f"type                    {s['type']:7.1%}",
            f"type+actor              {s['type_actor']:7.1%}",
            f"type+actor+recipient    {s['type_actor_recipient']:7.1%}",
            f"type+actor (by text)    {s['type_actor_text']:7.1%}",
            f"type+actor+rec. (text)  {s['type_actor_recipient_text']:7.1%}",
            f"extra events/sentence   {s['extra_per_sentence']:7.2f}",
        ]
        if "modality" in s:
            lines.append(f"modality                {s['modality']:7.1%}")
        confusion = self.confusion()
        columns = sorted({c for row in confusion.values() for c in row})
        lines.append("")
        lines.append("confusion (rows gold, columns predicted):")
        lines.append(" " * 10 + "".join(f"{_SHORT.get(c, c[:3]):>4}" for c in columns))
        for gold, row in confusion.items():
            cells = "".join(f"{row.get(c, 0) or '.':>4}" for c in columns)
            lines.append(f"{gold[:9]:<10}{cells}")
        return "\n".join(lines)


def _actors(value: Any) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()
    out = []
    for item in value:
        if isinstance(item, dict) and (item.get("actorText") or item.get("code")):
            code = item.get("code") or None
            out.append(
                GoldActor(
                    text=str(item.get("actorText") or ""),
                    code=codes.country_code(code) if code else None,
                    sector=item.get("sector") or None,
                )
            )
    return tuple(out)


def read_gold(path: str | Path) -> list[GoldSentence]:
    """Read a gold file (JSON list or JSON Lines), skipping DOCUMENT records.

    Raises:
        InputError: if the file cannot be read or a record has no text or event type.
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read gold file ({exc})") from exc
    records: list[tuple[str, dict]] = []
    stripped = raw.lstrip()
    if stripped.startswith("["):
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{exc.lineno}: malformed JSON ({exc.msg})") from exc
        records = [(f"{path.name}[{i}]", r) for i, r in enumerate(data)]
    else:
        for number, line in enumerate(raw.splitlines(), start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                records.append((f"{path.name}:{number}", json.loads(line)))
            except json.JSONDecodeError as exc:
                raise InputError(f"{path.name}:{number}: malformed JSON ({exc.msg})") from exc
    out = []
    for origin, record in records:
        event = str(record.get("event") or "")
        if event.upper() == "DOCUMENT":
            continue
        if not record.get("text") or not event:
            raise InputError(f"{origin}: gold record needs 'text' and 'event'")
        try:
            kind, mode = codes.normalize_type(event)
        except KeyError as exc:
            raise InputError(f"{origin}: unknown PLOVER event type {event!r}") from exc
        out.append(
            GoldSentence(
                id=str(record.get("id") or origin),
                text=record["text"],
                type=kind,
                mode=record.get("mode") or mode,
                source=_actors(record.get("source")),
                target=_actors(record.get("target")),
                modality=record.get("modality"),
            )
        )
    return out


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def actor_matches(gold: GoldActor, actor: Actor, doc_text: str) -> bool:
    """Whether a dyads actor is the gold actor: by code where the gold gives one, else by text.

    A country code matches the actor's country; a non-state code (IGO, NGO, ...)
    matches the actor's country or sector (UN and EU codes count as IGO).
    """
    if gold.code:
        code = gold.code
        if code == actor.country or code == actor.sector:
            return True
        return code in _IGO_LIKE and (actor.sector in _IGO_LIKE or actor.country in _IGO_LIKE)
    return text_matches(gold, actor, doc_text)


def text_matches(gold: GoldActor, actor: Actor, doc_text: str) -> bool:
    """Whether the gold actor's text and one of the actor's mentions overlap as words."""
    want = _norm(gold.text)
    if not want:
        return False
    for start, end in actor.mentions or ():
        have = _norm(doc_text[start:end])
        if have and (f" {want} " in f" {have} " or f" {have} " in f" {want} "):
            return True
    name = _norm(actor.name)
    return bool(name) and (f" {want} " in f" {name} " or f" {name} " in f" {want} ")


def _any(
    golds: Iterable[GoldActor],
    ids: Iterable[str],
    actors: dict[str, Actor],
    text: str,
    by_text: bool,
) -> bool:
    check = text_matches if by_text else actor_matches
    return any(check(g, actors[i], text) for g in golds for i in ids if i in actors)


def score_sentence(gold: GoldSentence, doc: CodedDocument) -> SentenceResult:
    """Score dyads's coding of one gold sentence."""
    actors = {a.id: a for a in doc.actors}
    same: list[Event] = [e for e in doc.events if e.type == gold.type]
    actor_ok = recipient_ok = text_ok = recipient_text_ok = False
    for e in same:
        a_ok = _any(gold.source, e.actor, actors, doc.text, False) if gold.source else not e.actor
        t_ok = _any(gold.source, e.actor, actors, doc.text, True) if gold.source else not e.actor
        r_ok = _any(gold.target, e.recipient, actors, doc.text, False) if gold.target else True
        rt_ok = _any(gold.target, e.recipient, actors, doc.text, True) if gold.target else True
        recipient_text_ok = recipient_text_ok or (t_ok and rt_ok)
        actor_ok = actor_ok or a_ok
        recipient_ok = recipient_ok or (a_ok and r_ok)
        text_ok = text_ok or t_ok
    modality_ok = None
    if gold.modality:
        modality_ok = any(e.modality == gold.modality for e in same)
    ranked = sorted(doc.events, key=lambda e: -e.confidence)
    return SentenceResult(
        id=gold.id,
        gold_type=gold.type,
        predicted=tuple(e.type for e in ranked),
        type_ok=bool(same),
        actor_ok=actor_ok,
        recipient_ok=recipient_ok,
        actor_text_ok=text_ok,
        recipient_text_ok=recipient_text_ok,
        modality_ok=modality_ok,
        extra=len(doc.events) - (1 if same else 0),
    )


def evaluate(gold_path: str | Path, nlp: Language | None = None) -> EvaluationReport:
    """Code every sentence of a gold file and score the events against it.

    Args:
        gold_path: A PLOVER gold-standard file (JSON list or JSON Lines).
        nlp: A pipeline from :func:`dyads.nlp.build_pipeline`; the shared one by default.

    Returns:
        The report; ``report.render()`` gives the text summary.
    """
    from .pipeline import code_articles

    gold = read_gold(gold_path)
    articles = [Article(g.id, g.text) for g in gold]
    report = EvaluationReport(gold=str(gold_path))
    for g, doc in zip(gold, code_articles(articles, nlp=nlp), strict=True):
        if isinstance(doc, CodedDocument):
            report.results.append(score_sentence(g, doc))
    return report


def main(argv: list[str] | None = None) -> int:
    """``python -m dyads.evaluate GOLD [--json]``: print the report."""
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m dyads.evaluate GOLD [--json]", file=sys.stderr)
        return 2
    report = evaluate(args[0])
    if "--json" in args:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(report.render())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
