"""The event vocabularies dyads codes in: PLOVER types, modes and contexts, and CAMEO codes.

Everything comes from bundled tables (see ``docs/data-files.md``):

- ``plover_types.tsv``: the 16 PLOVER event types, their modes, QuadClass and PLOVER score;
- ``plover_contexts.tsv``: the PLOVER contexts;
- ``cameo_codes.tsv``: the 312 CAMEO codes with names and Goldstein values (MIT,
  licence in ``LICENSE-cameo.md``);
- ``cameo_plover.tsv``: CAMEO code → PLOVER type, mode and contexts;
- ``cameo_countries.tsv``: CAMEO's legacy country codes → ISO 3166-1 alpha-3.

Example:
    >>> cameo_code("195").goldstein
    -10.0
    >>> plover_for_cameo("195")
    PloverCoding(type='ASSAULT', mode='aerial', contexts=('military',))
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .errors import DataFileError
from .resources import data_path, iter_tsv

QUAD_CLASSES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

# The gold-standard file and older PLOVER drafts use these names for today's types.
LEGACY_TYPES: dict[str, tuple[str, str | None]] = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
}


@dataclass(frozen=True, slots=True)
class PloverType:
    """One PLOVER event type with its modes, QuadClass and PLOVER scores."""

    name: str
    quad_class: int
    score: float
    description: str
    modes: dict[str, float]
    mode_descriptions: dict[str, str]

    def mode_score(self, mode: str | None) -> float:
        """Return the PLOVER score of a mode of this type (the type's own for none)."""
        return self.modes.get(mode, self.score) if mode else self.score


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code: its 2-digit root, short name and Goldstein value."""

    code: str
    root: str
    name: str
    goldstein: float


@dataclass(frozen=True, slots=True)
class PloverCoding:
    """The PLOVER type, mode and contexts a CAMEO code translates to."""

    type: str
    mode: str | None
    contexts: tuple[str, ...]


@functools.cache
def plover_types() -> dict[str, PloverType]:
    """Return the PLOVER event types by name, in the manual's order."""
    path = data_path("plover_types.tsv")
    rows: dict[str, dict] = {}
    for number, row in iter_tsv(path):
        name, mode = row["type"], row["mode"] or None
        try:
            score = float(row["score"])
            quad = int(row["quad_class"])
        except ValueError as exc:
            raise DataFileError(f"{path.name}:{number}: bad number ({exc})") from exc
        if quad not in QUAD_CLASSES:
            raise DataFileError(f"{path.name}:{number}: quad_class {quad} is not 1-4")
        if mode is None:
            rows[name] = {"quad": quad, "score": score, "desc": row["description"], "modes": {}}
            rows[name]["mode_desc"] = {}
        elif name not in rows:
            raise DataFileError(f"{path.name}:{number}: mode {mode!r} before its type {name!r}")
        else:
            rows[name]["modes"][mode] = score
            rows[name]["mode_desc"][mode] = row["description"]
    return {
        name: PloverType(name, r["quad"], r["score"], r["desc"], r["modes"], r["mode_desc"])
        for name, r in rows.items()
    }


@functools.cache
def plover_contexts() -> dict[str, str]:
    """Return the PLOVER contexts and their descriptions."""
    return {
        row["context"]: row["description"] for _, row in iter_tsv(data_path("plover_contexts.tsv"))
    }


@functools.cache
def cameo_codes() -> dict[str, CameoCode]:
    """Return every CAMEO code (2-, 3- and 4-digit) by its code string."""
    path = data_path("cameo_codes.tsv")
    codes = {}
    for number, row in iter_tsv(path):
        try:
            goldstein = float(row["goldstein"])
        except ValueError as exc:
            raise DataFileError(f"{path.name}:{number}: bad Goldstein value ({exc})") from exc
        codes[row["code"]] = CameoCode(row["code"], row["root"], row["name"], goldstein)
    return codes


@functools.cache
def cameo_plover_map() -> dict[str, PloverCoding]:
    """Return the CAMEO → PLOVER translation for every CAMEO code PLOVER keeps (03-20)."""
    path = data_path("cameo_plover.tsv")
    types = plover_types()
    contexts = plover_contexts()
    out = {}
    for number, row in iter_tsv(path):
        kind, mode = row["type"], row["mode"] or None
        ctx = tuple(c for c in row["contexts"].split(";") if c)
        if kind not in types or (mode and mode not in types[kind].modes):
            raise DataFileError(f"{path.name}:{number}: unknown PLOVER type or mode {kind} {mode}")
        if unknown := [c for c in ctx if c not in contexts]:
            raise DataFileError(f"{path.name}:{number}: unknown PLOVER context {unknown[0]!r}")
        out[row["cameo"]] = PloverCoding(kind, mode, ctx)
    return out


@functools.cache
def legacy_countries() -> dict[str, str]:
    """Return CAMEO's legacy country codes mapped to ISO 3166-1 alpha-3 (``JAP`` → ``JPN``)."""
    return {row["cameo"]: row["iso3"] for _, row in iter_tsv(data_path("cameo_countries.tsv"))}


def cameo_code(code: str) -> CameoCode:
    """Return a CAMEO code's record.

    Raises:
        KeyError: if the code is not a CAMEO code.
    """
    return cameo_codes()[code]


def plover_for_cameo(code: str) -> PloverCoding | None:
    """Return the PLOVER coding of a CAMEO code, or None for codes PLOVER drops (01, 02).

    A 4-digit code without a row of its own falls back to its 3-digit parent,
    then to its root.
    """
    table = cameo_plover_map()
    for prefix in (code, code[:3], code[:2]):
        if prefix in table:
            return table[prefix]
    return None


def quad_class(event_type: str) -> int:
    """Return the QuadClass (1-4) of a PLOVER event type."""
    return plover_types()[event_type].quad_class


def plover_score(event_type: str, mode: str | None = None) -> float:
    """Return the PLOVER conflict-cooperation score of a type and mode."""
    return plover_types()[event_type].mode_score(mode)


def goldstein(code: str) -> float:
    """Return the Goldstein value of a CAMEO code (of its parent when it has none)."""
    codes = cameo_codes()
    for prefix in (code, code[:3], code[:2]):
        if prefix in codes:
            return codes[prefix].goldstein
    raise KeyError(code)


def normalize_type(name: str) -> tuple[str, str | None]:
    """Return today's PLOVER type (and implied mode) for a type name, old or new.

    ``DEMAND`` → ``("REQUEST", None)``, ``INVESTIGATE`` → ``("ACCUSE", "investigate")``.

    Raises:
        KeyError: if the name is neither a PLOVER type nor a legacy one.
    """
    upper = name.strip().upper()
    if upper in LEGACY_TYPES:
        return LEGACY_TYPES[upper]
    if upper not in plover_types():
        raise KeyError(name)
    return upper, None


def country_code(code: str) -> str:
    """Return the ISO alpha-3 form of a CAMEO or PLOVER country code (``JAP`` → ``JPN``)."""
    upper = code.strip().upper()
    return legacy_countries().get(upper, upper)
