"""Score dyads.kb.resolve_phrase: country and sector accuracy, with the misses.

Usage:
    python scripts/eval_resolve.py [--misses] [--gold PATH]

Reads tests/data/actor_phrases.tsv (dyads's own held-out phrases) and, when the
reference folder ../shared exists, the actorText strings of the PLOVER gold set
(PLOVER_GSR_CAMEO.txt, CC BY-SA 4.0, Open Event Data Alliance). The gold set
mixes ISO alpha-3 with CAMEO's own country codes (JAP) and puts IGO/NGO/IMG in
the country field; dyads puts those in the sector, so a gold ``IGO`` expects
country None and sector IGO. Gold sectors are compared on their first three
letters (``CVLalb`` → CVL); records with no sector or ``***`` are scored on
country only. Gold dates are placeholders (2000-01-01) and are not used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from dyads.codes import country_code
from dyads.kb import KnowledgeBase, resolve_phrase
from dyads.resources import iter_tsv

ROOT = Path(__file__).resolve().parent.parent
PHRASES = ROOT / "tests" / "data" / "actor_phrases.tsv"
GOLD = ROOT.parent / "shared" / "data" / "plover" / "PLOVER_GSR_CAMEO.txt"
NON_STATE = {"IGO", "NGO", "IMG", "ISM", "MNC", "UNO", "EUR"}


def score(
    cases: list[tuple[str, str | None, str | None, dt.date | None, bool]],
    kb,
    label: str,
    show: bool,
) -> None:
    """Print country and sector accuracy over ``(phrase, country, sector, date, score_sector)``."""
    country_hits = sector_hits = sector_total = 0
    misses = []
    for phrase, country, sector, date, with_sector in cases:
        got = resolve_phrase(phrase, date, kb=kb)
        ok_country = got["country"] == country
        ok_sector = got["sector"] == sector
        country_hits += ok_country
        if with_sector:
            sector_total += 1
            sector_hits += ok_sector
        if not ok_country or (with_sector and not ok_sector):
            misses.append(
                f"  {phrase!r}: expected {country}/{sector if with_sector else '-'}, "
                f"got {got['country']}/{got['sector']}"
            )
    total = len(cases)
    print(
        f"{label}: country {country_hits}/{total} = {country_hits / total:.1%}; "
        f"sector {sector_hits}/{sector_total} = {sector_hits / max(sector_total, 1):.1%}"
    )
    if show:
        print("\n".join(misses))


def own_cases() -> list:
    cases = []
    for _, row in iter_tsv(PHRASES):
        date = dt.date.fromisoformat(row["date"]) if row.get("date") else None
        cases.append((row["phrase"], row["country"] or None, row["sector"] or None, date, True))
    return cases


def gold_cases(path: Path) -> list:
    cases = []
    for record in json.loads(path.read_text(encoding="utf-8"))[1:]:
        for side in ("source", "target"):
            actors = record.get(side)
            if not isinstance(actors, list):
                continue
            for actor in actors:
                text = (actor.get("actorText") or "").strip()
                code = (actor.get("code") or "").strip().upper()
                if not text or not code:
                    continue
                raw_sector = (actor.get("sector") or "").strip()
                if code in NON_STATE:
                    country, sector = None, "IGO" if code in ("UNO", "EUR") else code
                    with_sector = True
                else:
                    country = country_code(code)
                    sector = raw_sector[:3].upper() or None
                    with_sector = bool(sector) and sector != "***"
                cases.append((text, country, sector, None, with_sector))
    return cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument("--gold", type=Path, default=GOLD, help="PLOVER gold set path")
    args = parser.parse_args()
    kb = KnowledgeBase.load()
    score(own_cases(), kb, f"own phrases ({PHRASES.name})", args.misses)
    if args.gold.exists():
        score(gold_cases(args.gold), kb, "PLOVER gold actorText", args.misses)
    else:
        print(f"PLOVER gold set not found at {args.gold}: skipped (it lives in ../shared)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
