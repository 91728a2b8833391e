"""The actor knowledge base: countries, organisations, people, metonyms, places and role nouns.

:class:`KnowledgeBase` loads the bundled ``kb_*.tsv`` files and ``en_roles.tsv``
once, plus any user dictionaries (dyads YAML/TSV, PETRARCH ``.actors`` and
``.agents``), and indexes every name by its lower-cased token tuple so that a
document is matched with one left-to-right pass of dict look-ups
(:meth:`KnowledgeBase.scan`). :func:`interpret` turns the pieces found in one
phrase into a :class:`Reading` (name, kind, country, sector, role); both
:func:`resolve_phrase` and the in-document linker in :mod:`dyads.actors` use it.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import yaml

from .codes import legacy_countries
from .errors import DataFileError
from .places import locate, region_country
from .resources import data_path, iter_lines, iter_tsv, table, word_list

KB_FILES = ("kb_countries.tsv", "kb_metonyms.tsv", "kb_organisations.tsv", "kb_people.tsv")
ROLES_FILE = "en_roles.tsv"
# A place is a town or region that is no state ("in Kharkiv"); a capital acting for its
# government ("Moscow said") is a state.
KINDS = frozenset({"person", "organisation", "state", "group", "place"})
# Codes PLOVER puts in the country field for non-state actors; dyads keeps them as sectors.
NON_STATE = {"IGO": "IGO", "UNO": "IGO", "EUR": "IGO", "NGO": "NGO", "IMG": "IMG", "MNC": "MNC"}
NON_STATE["ISM"] = "ISM"

# CAMEO agent codes that PLOVER renamed or dropped, as the bundled organisations table and
# PETRARCH dictionaries write them: CAMEO's MED is the media, HLH health.
CAMEO_SECTORS = {
    "MED": "JRN",
    "HLH": "MED",
    "HRI": "NGO",
    "ENV": "SOC",
    "INS": "REB",
    "SEP": "REB",
    "RAD": "REB",
    "MOD": "SOC",
}

# Words before a title that change the office ("deputy foreign minister") or its tense.
OFFICE_PREFIXES = frozenset(
    {"deputy", "vice", "acting", "interim", "assistant", "junior", "associate", "under"}
)
# Kept in the role text ("top envoy") but not part of the office for linking.
ROLE_QUALIFIERS = frozenset({"top", "senior", "chief", "special", "lead", "principal"})
# Collective nouns whose sector comes from the noun before them ("opposition coalition").
GENERIC_HEADS = frozenset(
    {"coalition", "alliance", "bloc", "group", "groups", "movement", "party", "parties"}
    | {"leader", "leaders", "member", "members", "supporters", "candidates", "figures"}
)
STATE_OWNED = frozenset({"official", "state", "state-run", "state-owned", "government-run"})
# Nouns for places where people live: "the village of Kfar Nabl", "the Bosnian town of
# Gorazde", "Iraqi towns" name places, not people.
SETTLEMENT_NOUNS = frozenset(
    {"city", "town", "village", "province", "region", "district", "suburb", "port", "island"}
    | {"neighbourhood", "neighborhood", "enclave", "camp", "municipality", "county"}
)
# Nouns after a place's name that make it the region around it ("the Kharkiv region").
REGION_SUFFIXES = (
    " region", " province", " district", " oblast", " governorate", " county", " state"
)  # fmt: skip
# Directions before a place's name: "northern Idlib province" is in Idlib province.
COMPASS_WORDS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western"}
    | {"central", "northeastern", "northwestern", "southeastern", "southwestern"}
)
# People of a body: "members of the Taliban" are the Taliban's, with its country and sector.
PARTITIVE_HEADS = frozenset(
    {"member", "members", "leader", "leaders", "supporter", "supporters"}
    | {"follower", "followers", "loyalist", "loyalists", "leadership"}
)
# Last words of waters' names: "the South China Sea" is no mention of China.
WATER_WORDS = frozenset({"sea", "gulf", "bay", "strait", "straits", "ocean", "lake"})
# Word parts before a hyphen that leave the role noun after it whole ("ex-minister").
HYPHEN_PREFIXES = frozenset({"ex", "co", "vice", "deputy", "under", "sub", "arch", "acting"})
FORMER = frozenset({"former", "ex", "ousted", "exiled", "deposed", "late", "toppled", "retired"})
# "pro-Russian separatists", "U.S.-backed rebels": the country named is a patron, not a member.
PATRON_SUFFIXES = (
    "-backed",
    "-supported",
    "-sponsored",
    "-funded",
    "-allied",
    "-aligned",
    "-armed",
    "-trained",
    # "the Israeli-occupied West Bank": the occupier is not the place's country either.
    "-occupied",
    "-annexed",
    "-held",
)
MEMBER_SUFFIXES = ("-led", "-based", "-born", "-run", "-owned", "-controlled", "-made")
# Capitalised words of titles and body names that the gazetteer also knows as towns.
TITLE_WORDS = frozenset(
    {"federal", "national", "central", "state", "royal", "supreme", "general", "regional"}
    | {"provincial", "interim", "transitional", "popular", "democratic", "republican"}
    | {"islamic", "revolutionary", "united", "liberation", "people", "special", "joint"}
    | {"grand", "high", "senior", "chief", "military", "civil", "new", "free", "independent"}
)
# States whose people's names put the family name first ("Xi Jinping" is Mr Xi).
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "PRK", "KOR", "VNM", "KHM", "HKG", "MAC"})
NEGATORS = frozenset({"pro", "anti", "non"})
# Words an actor's name does not start with ("the Kremlin", "any Chinese state bank").
# Honorifics before a name (without their full stop) and the gender they tell ("Ms. Vance").
HONORIFICS: dict[str, str | None] = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "mx": None,
    "dr": None,
    "prof": None,
    "sir": "m",
    "dame": "f",
    "lord": "m",
    "lady": "f",
}
DETERMINERS = frozenset(
    {"the", "a", "an", "any", "some", "both", "either", "each", "every", "all", "this"}
    | {"that", "these", "those", "its", "their", "his", "her", "our", "my", "your"}
)
POSSESSIVE = frozenset({"'s", "'"})
LINKING_WORDS = frozenset(
    {
        "of",
        "to",
        "in",
        "at",
        "from",
        "for",
        "near",
        "throughout",
        "across",
        "inside",
        "outside",
        "within",
        "based",
        "operating",
        "living",
    }
)


@functools.cache
def given_names() -> dict[str, str | None]:
    """Return given name → ``m``/``f`` from ``en_first_names.tsv`` (None: given to both)."""
    return {row["name"].lower(): row["gender"] or None for row in table("en_first_names.tsv")}


def norm(text: str) -> str:
    """Return the look-up form of a token: lower case, straight apostrophes."""
    return text.replace("\u2019", "'").replace("\u2018", "'").lower()


@functools.cache
def tokenizer():
    """Return spaCy's English tokenizer alone (no model): the same splits as the pipeline."""
    import spacy

    return spacy.blank("en").tokenizer


def split_words(text: str) -> list[str]:
    """Split a phrase into tokens exactly as the dyads pipeline would."""
    return [t.text for t in tokenizer()(text) if not t.is_space]


def parse_date(value: str, end: bool = False) -> dt.date | None:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a partial end date means its last day."""
    value = value.strip()
    if not value:
        return None
    parts = value.split("-")
    if not all(p.isdigit() for p in parts) or len(parts) > 3 or len(parts[0]) != 4:
        raise ValueError(f"bad date {value!r}; use YYYY-MM-DD")
    year = int(parts[0])
    if len(parts) == 1:
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    month = int(parts[1])
    if len(parts) == 2:
        if not end:
            return dt.date(year, month, 1)
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(year, month, int(parts[2]))


@dataclass(frozen=True, slots=True)
class Entry:
    """One named actor the KB knows: a state, organisation, person (one office) or place.

    ``category`` says where it came from: country, metonym, organisation, person,
    place or user. A person has one entry per office, bounded by ``start``/``end``.
    """

    name: str
    kind: str
    country: str | None
    sector: str | None
    category: str
    role: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    gender: str | None = None
    origin: str = ""

    def holds(self, date: dt.date) -> bool:
        """Return True when this entry's office covers ``date``."""
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True, slots=True)
class Role:
    """A role noun or title from ``en_roles.tsv`` (or a PETRARCH ``.agents`` file)."""

    phrase: str
    sector: str
    kind: str
    title: bool
    cls: str | None
    plural: bool = False


@dataclass(frozen=True, slots=True)
class Piece:
    """One knowledge-base match in a token sequence: tokens ``start``–``end`` (exclusive).

    ``what`` is ``name`` (``entries``), ``demonym`` (``country``) or ``role`` (``role``).
    ``proper`` is False for a name matched in lower case (only lower-case aliases match so).
    """

    start: int
    end: int
    what: str
    entries: tuple[Entry, ...] = ()
    country: str | None = None
    role: Role | None = None


@dataclass(slots=True)
class Reading:
    """What a phrase refers to, as far as its own words tell."""

    text: str
    name: str
    kind: str | None
    country: str | None
    sector: str | None
    role: str | None = None
    entry: Entry | None = None
    role_class: str | None = None
    plural: bool = False
    former: bool = False
    head: str = "none"  # name | role | demonym | none
    person_name: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON-ready result of :func:`resolve_phrase`."""
        return {
            "text": self.text,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
        }


class _Loader(yaml.SafeLoader):
    """A YAML loader that remembers the line of every mapping (as ``__line__``)."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

_PETRARCH_CODE = re.compile(
    r"\[\s*([A-Za-z~+\-#*]{3,})\s*([<>]?\s*\d{6,8})?\s*(?:-\s*(\d{6,8})?)?\s*\]"
)
_SUBSTITUTION = re.compile(r"^!(\w+)!\s*=\s*(.+)$")


class KnowledgeBase:
    """Indexed names, demonyms and role nouns, with the warnings raised while loading."""

    def __init__(self) -> None:
        self.names: dict[tuple[str, ...], list[Entry]] = {}
        self.name_case: dict[tuple[str, ...], bool] = {}
        self.acronyms: dict[tuple[str, ...], frozenset[int]] = {}
        self.demonyms: dict[tuple[str, ...], str] = {}
        self.roles: dict[tuple[str, ...], Role] = {}
        self.surnames: dict[str, list[Entry]] = {}
        self.countries: dict[str, Entry] = {}
        self.cameo: dict[str, str] = {}
        self.capitals: set[tuple[str, ...]] = set()
        self.warnings: list[str] = []
        self.max_len = 1
        self._seen: dict[tuple[str, str], str] = {}
        self._user_keys: set[tuple[str, ...]] = set()
        self._first_words: dict[str, tuple[int, ...]] | None = None
        self._near: dict[str, dict[str, set[str]]] = {}
        self._country_words: dict[str, Entry] | None = None
        self._demonyms_of: dict[str, list[tuple[str, ...]]] | None = None  # built on demand
        self.name_words: dict[str, set[str]] = {}  # person → words of all their names
        # Metonyms that stand for a body the KB lists: (phrase, body name, file:line).
        self._metonym_bodies: list[tuple[str, str, str]] = []

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(
        cls,
        extra_files: Iterable[str | Path] = (),
        kb_files: Iterable[str | Path] | None = None,
        roles_file: str | Path | None = None,
    ) -> KnowledgeBase:
        """Load the bundled knowledge base, then the user dictionaries over it.

        Args:
            extra_files: User dictionaries: dyads ``.yaml``/``.yml``, ``.tsv`` in the
                ``kb_people``/``kb_organisations`` column formats, PETRARCH ``.actors``
                and ``.agents`` files. Their entries override the bundled ones.
            kb_files: KB tables to load instead of the bundled ``kb_*.tsv`` (tests).
            roles_file: Role-noun table to load instead of ``en_roles.tsv`` (tests).

        Raises:
            DataFileError: A file is missing or has a malformed line (``file:line: cause``).
        """
        kb = cls()
        kb.cameo.update(legacy_countries())
        paths = (
            [Path(p) for p in kb_files]
            if kb_files is not None
            else [data_path(n) for n in KB_FILES]
        )
        # Countries first: other tables check their country codes against them.
        paths.sort(key=lambda p: 0 if "countries" in p.name else 1)
        for path in paths:
            kb._load_table(path, user=False)
        kb._link_metonym_bodies()
        kb._load_roles(Path(roles_file) if roles_file else data_path(ROLES_FILE))
        for extra in extra_files:
            kb.load_user_file(Path(extra))
        return kb

    def load_user_file(self, path: Path) -> None:
        """Add a user dictionary; its entries replace the KB's entries of the same names."""
        if not path.exists():
            raise DataFileError(f"{path}: actor dictionary not found")
        suffix = path.suffix.lower()
        name = path.name.lower()
        if suffix in (".yaml", ".yml"):
            self._load_yaml(path)
        elif suffix == ".tsv":
            self._load_table(path, user=True)
        elif name.endswith(".agents") or name.endswith(".agents.txt"):
            self._load_agents(path)
        elif name.endswith(".actors") or name.endswith(".actors.txt"):
            self._load_actors(path)
        else:
            raise DataFileError(
                f"{path}: unknown dictionary format; use .yaml, .tsv, .actors or .agents"
            )
        self._link_metonym_bodies()

    def _check_country(self, code: str, where: str) -> str | None:
        code = code.strip().upper()
        if not code:
            return None
        if code in self.countries or not self.countries:
            return code
        if code in self.cameo:
            return self.cameo[code]
        raise DataFileError(f"{where}: unknown country code {code!r}; use ISO 3166 alpha-3")

    def _load_table(self, path: Path, user: bool) -> None:
        header_checked = False
        for number, row in iter_tsv(path):
            where = f"{path.name}:{number}"
            if not header_checked:
                header_checked = True
                if not ({"iso3", "phrase", "name"} & row.keys()):
                    raise DataFileError(f"{where}: no 'name' column; see docs/data-files.md")
            try:
                if "phrase" in row:
                    self._add_metonym(row, where, user)
                elif "iso3" in row:
                    self._add_country(row, where)
                elif "role" in row and "start" in row:
                    self._add_person(row, where, user)
                else:
                    self._add_organisation(row, where, user)
            except ValueError as exc:
                raise DataFileError(f"{where}: {exc}") from exc

    def _add_country(self, row: dict[str, str], where: str) -> None:
        iso3 = row["iso3"].upper()
        if len(iso3) != 3 or not iso3.isalpha():
            raise ValueError(f"bad iso3 code {row['iso3']!r}")
        if not row.get("name"):
            raise ValueError("empty name")
        entry = Entry(row["name"], "state", iso3, None, "country", origin=where)
        self._duplicate(("country", iso3), where)
        self.countries[iso3] = entry
        for cameo in _multi(row.get("cameo", "")):
            self.cameo[cameo.upper()] = iso3
        for alias in (row["name"], *_multi(row.get("aliases", ""))):
            self._index_name(alias, entry)
        for demonym in _multi(row.get("demonyms", "")):
            key = self._key(demonym)
            previous = self.demonyms.get(key)
            if previous is not None and previous != iso3:
                self.warnings.append(
                    f"{where}: demonym {demonym!r} also names {previous}; the later entry wins"
                )
            self.demonyms[key] = iso3
            self._demonyms_of = None
            self._first_words = None
            self._near = {}
        # Capitals act for their governments ("Moscow said"); an alias or demonym wins.
        for capital in _multi(row.get("capital", "")):
            key = self._key(capital)
            self.capitals.add(key)
            if key not in self.names:
                seat = Entry(capital, "state", iso3, "GOV", "metonym", origin=where)
                self._index_name(capital, seat)

    def _add_metonym(self, row: dict[str, str], where: str, user: bool) -> None:
        variants = _multi(row["phrase"])
        if not variants:
            raise ValueError("empty phrase")
        country = self._check_country(row.get("iso3", ""), where)
        kind = "state" if self._key(variants[0]) in self.capitals else "organisation"
        sector = row.get("sector") or "GOV"
        entry = Entry(variants[0], kind, country, sector, "metonym", origin=where)
        for phrase in variants:
            self._duplicate(("metonym", " ".join(self._key(phrase))), where)
            self._index_name(phrase, entry, replace_all=True, user=user)
            if row.get("body"):
                self._metonym_bodies.append((phrase, row["body"], where))

    def _link_metonym_bodies(self) -> None:
        """Make a metonym a name of the body it stands for ("the Pentagon" is the Department
        of Defense), so that both names in one text are one actor."""
        for phrase, body, where in self._metonym_bodies:
            found = [
                e
                for e in self.names.get(self._key(body), ())
                if e.category == "organisation" and e.name == body
            ]
            if not found:
                raise DataFileError(f"{where}: body {body!r} is no name in kb_organisations.tsv")
            key = self._key(phrase)
            self.names[key] = [e for e in self.names.get(key, ()) if e.category != "metonym"]
            self.names[key].append(found[0])
        self._metonym_bodies = []

    def _add_organisation(self, row: dict[str, str], where: str, user: bool) -> None:
        name = row.get("name", "")
        if not name:
            raise ValueError("empty name")
        kind = row.get("kind") or "organisation"
        if kind not in KINDS:
            raise ValueError(f"kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
        sector = row.get("sector") or None
        if not user:
            sector = CAMEO_SECTORS.get(sector or "", sector)
        country = self._check_country(row.get("country", ""), where)
        if sector in ("IGO", "NGO", "IMG", "MNC", "ISM"):
            country = None
        entry = Entry(
            name,
            kind,
            country,
            sector,
            "user" if user else "organisation",
            role=row.get("role") or None,
            start=parse_date(row.get("start", "")),
            end=parse_date(row.get("end", ""), end=True),
            origin=where,
        )
        self._duplicate(("organisation", name.lower()), where)
        for alias in (name, *_multi(row.get("aliases", ""))):
            self._index_name(alias, entry, replace_all=True, user=user)

    def _add_person(self, row: dict[str, str], where: str, user: bool) -> None:
        name = row.get("name", "")
        if not name:
            raise ValueError("empty name")
        start = parse_date(row.get("start", ""))
        end = parse_date(row.get("end", ""), end=True)
        if start and end and end < start:
            raise ValueError(f"end {row['end']} is before start {row['start']}")
        gender = (row.get("gender") or "").lower() or None
        if gender not in (None, "m", "f", "male", "female"):
            raise ValueError(f"gender {row['gender']!r} is not m or f")
        entry = Entry(
            name,
            "person",
            self._check_country(row.get("country", ""), where),
            row.get("sector") or None,
            "user" if user else "person",
            role=row.get("role") or None,
            start=start,
            end=end,
            gender=gender[0] if gender else None,
            origin=where,
        )
        if self._duplicate(
            ("person", f"{name.lower()}|{start}|{(entry.role or '').lower()}"), where
        ):
            self._drop_person(entry)
        aliases = (name, *_multi(row.get("aliases", "")))
        for alias in aliases:
            self._index_name(alias, entry, user=user)
        for alias in aliases:
            words = self._key(alias)
            self.name_words.setdefault(name, set()).update(words)
            suffixes = word_list("en_quote_postnominals.txt")
            while len(words) > 2 and words[-1].rstrip(".") in suffixes:
                words = words[:-1]  # "Ferdinand Marcos Jr.": the surname is Marcos
            if len(words) < 2:
                continue
            # "Xi Jinping", "Kim Jong Un": the family name comes first.
            family = words[0] if entry.country in FAMILY_NAME_FIRST else words[-1]
            if family[:1].isalpha():
                bucket = self.surnames.setdefault(family, [])
                if user:
                    bucket[:] = [e for e in bucket if e.name.lower() != name.lower()]
                if entry not in bucket:
                    bucket.append(entry)

    def _drop_person(self, entry: Entry) -> None:
        """Remove an earlier row for the same person and office (a duplicate's later row wins)."""

        def same(e: Entry) -> bool:
            return (e.kind, e.name.lower(), e.start, (e.role or "").lower()) == (
                "person",
                entry.name.lower(),
                entry.start,
                (entry.role or "").lower(),
            )

        for bucket in (*self.names.values(), *self.surnames.values()):
            bucket[:] = [e for e in bucket if not same(e)]

    def _duplicate(self, key: tuple[str, str], where: str) -> bool:
        previous = self._seen.get(key)
        self._seen[key] = where
        if previous is not None:
            self.warnings.append(f"{where}: duplicate of {previous}; the later entry wins")
            return True
        return False

    def _key(self, text: str) -> tuple[str, ...]:
        return tuple(norm(w) for w in split_words(text))

    def _index_name(
        self, alias: str, entry: Entry, replace_all: bool = False, user: bool = False
    ) -> None:
        key = self._key(alias)
        if not key:
            return
        self._first_words = None
        self._near, self._country_words = {}, None  # typo indexes are rebuilt on demand
        self.max_len = max(self.max_len, len(key))
        self.name_case[key] = self.name_case.get(key, False) or any(c.isupper() for c in alias)
        # All-capital words of an alias (WHO, IS, AP) match only all-capital text.
        upper = frozenset(
            n
            for n, w in enumerate(split_words(alias))
            if sum(c.isalpha() for c in w) > 1 and w.isupper()
        )
        self.acronyms[key] = upper & self.acronyms.get(key, upper)
        bucket = self.names.setdefault(key, [])
        if user and key not in self._user_keys:
            # A user entry replaces whatever the KB says about this name.
            bucket.clear()
            self._user_keys.add(key)
        if replace_all or entry.kind != "person":
            bucket[:] = [e for e in bucket if e.name.lower() != entry.name.lower()]
        bucket.append(entry)

    def _load_roles(self, path: Path) -> None:
        for number, row in iter_tsv(path):
            where = f"{path.name}:{number}"
            kind = row.get("kind", "")
            if kind not in ("person", "group", "organisation"):
                raise DataFileError(f"{where}: kind {kind!r} is not person, group or organisation")
            if row.get("title") not in ("yes", "no"):
                raise DataFileError(f"{where}: title must be yes or no")
            if not row.get("phrase") or not row.get("sector"):
                raise DataFileError(f"{where}: phrase and sector are required")
            role = Role(
                row["phrase"],
                row["sector"],
                kind,
                row["title"] == "yes",
                row["class"] or None,
                plural=kind == "group",
            )
            self._add_role(row["phrase"], role, where)
            for plural in _multi(row.get("plural", "")):
                kind = "group" if role.kind == "person" else role.kind
                self._add_role(plural, replace(role, kind=kind, plural=True), where)

    def _add_role(self, phrase: str, role: Role, where: str, user: bool = False) -> None:
        key = self._key(phrase)
        self._first_words = None
        if not user:
            self._duplicate(("role", " ".join(key)), where)
        self.roles[key] = role
        self.max_len = max(self.max_len, len(key))

    # ------------------------------------------------------------------ user dictionaries

    def _load_yaml(self, path: Path) -> None:
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 1}" if mark is not None else ""
            raise DataFileError(f"{path.name}{line}: malformed YAML ({exc.problem})") from exc
        if isinstance(data, dict) and "actors" in data:
            data = data["actors"]
        if not isinstance(data, list):
            raise DataFileError(f"{path.name}:1: expected a list of actor entries")
        for item in data:
            if not isinstance(item, dict):
                raise DataFileError(f"{path.name}: every entry must be a mapping with a name")
            where = f"{path.name}:{item.pop('__line__', '?')}"
            unknown = set(item) - {
                "name",
                "aliases",
                "kind",
                "country",
                "sector",
                "role",
                "start",
                "end",
                "gender",
            }
            if unknown:
                raise DataFileError(f"{where}: unknown key {sorted(unknown)[0]!r}")
            if not item.get("name"):
                raise DataFileError(f"{where}: entry has no name")
            aliases = item.get("aliases") or []
            row = {k: "" if v is None else str(v) for k, v in item.items() if k != "aliases"}
            row["aliases"] = "|".join(aliases) if isinstance(aliases, list) else str(aliases)
            kind = row.get("kind") or ("person" if row.get("role") else "organisation")
            if kind not in KINDS:
                raise DataFileError(
                    f"{where}: kind {kind!r} is not one of {', '.join(sorted(KINDS))}"
                )
            try:
                if kind == "person":
                    self._add_person(row, where, user=True)
                else:
                    row["kind"] = kind
                    self._add_organisation(row, where, user=True)
            except ValueError as exc:
                raise DataFileError(f"{where}: {exc}") from exc

    def _petrarch_code(self, code: str, where: str) -> tuple[str | None, str | None]:
        code = code.upper().strip("~+ ")
        head, rest = code[:3], code[3:6]
        if head in NON_STATE:
            return None, NON_STATE[head]
        country = self.cameo.get(head) or (head if head in self.countries else None)
        if country is None:
            raise DataFileError(f"{where}: unknown country code {head!r} in [{code}]")
        return country, (CAMEO_SECTORS.get(rest, rest) or None)

    def _load_actors(self, path: Path) -> None:
        """Read a PETRARCH/TABARI ``.actors`` dictionary (the subset in docs/actors.md)."""
        current: dict[str, Any] | None = None
        records: list[dict[str, Any]] = []
        for number, raw in _petrarch_lines(path):
            where = f"{path.name}:{number}"
            line = raw.strip()
            if line.startswith("+"):
                if current is None:
                    raise DataFileError(f"{where}: synonym before any actor")
                current["aliases"].append(_petrarch_phrase(line[1:]))
                continue
            if line.startswith("["):
                if current is None:
                    raise DataFileError(f"{where}: code line before any actor")
                current["codes"].extend(self._petrarch_codes(line, where))
                continue
            name, _, codes = line.partition("[")
            if not name.strip():
                raise DataFileError(f"{where}: no actor name before '['")
            current = {
                "name": _petrarch_phrase(name),
                "aliases": [],
                "codes": self._petrarch_codes("[" + codes, where) if codes else [],
                "where": where,
            }
            records.append(current)
        for record in records:
            if not record["codes"]:
                raise DataFileError(f"{record['where']}: actor has no [CODE]")
            aliases = "|".join(record["aliases"])
            for (country, sector), start, end in record["codes"]:
                row = {
                    "name": record["name"].title(),
                    "aliases": aliases,
                    "country": country or "",
                    "sector": sector or "",
                }
                if self._looks_personal(record["name"], record["codes"]):
                    row |= {"role": "", "start": start or "", "end": end or ""}
                    self._add_person(row, record["where"], user=True)
                else:
                    self._add_organisation(row, record["where"], user=True)

    def _looks_personal(self, name: str, codes: list) -> bool:
        """Guess whether a PETRARCH actor is a person: the format does not say.

        Dated codes mark office holders; otherwise two to four words of which
        none is a known place, demonym or role noun ("John Kamau", not "Tokyo Club").
        """
        if any(start or end for _, start, end in codes):
            return True
        words = name.split()
        if not 2 <= len(words) <= 4:
            return False
        return not any(
            (w,) in self.names or (w,) in self.demonyms or (w,) in self.roles for w in words
        )

    def _petrarch_codes(
        self, text: str, where: str
    ) -> list[tuple[tuple[str | None, str | None], str | None, str | None]]:
        found = []
        for match in _PETRARCH_CODE.finditer(text):
            code, first, second = match.groups()
            start = end = None
            if first and first.strip().startswith("<"):
                end = _petrarch_date(first.strip("< "), where)
            elif first and first.strip().startswith(">"):
                start = _petrarch_date(first.strip("> "), where)
            elif first:
                start = _petrarch_date(first.strip(), where)
                end = _petrarch_date(second, where) if second else None
            if code.startswith("#") or code.startswith("-"):
                continue  # "###"/"---": a discard code, nothing to index
            found.append((self._petrarch_code(code, where), start, end))
        if "[" in text and not found and "###" not in text and "---" not in text:
            raise DataFileError(f"{where}: malformed code block {text.strip()!r}")
        return found

    def _load_agents(self, path: Path) -> None:
        """Read a PETRARCH ``.agents`` dictionary: role nouns with ``[~SEC]`` codes."""
        substitutions: dict[str, list[str]] = {}
        for number, raw in _petrarch_lines(path):
            where = f"{path.name}:{number}"
            line = raw.strip()
            sub = _SUBSTITUTION.match(line)
            if sub:
                substitutions[sub.group(1).upper()] = [
                    w.strip().lower() for w in sub.group(2).split(",") if w.strip()
                ]
                continue
            match = re.match(r"^([^\[{]+?)\s*(\{[^}]*\})?\s*\[\s*([^\]]+?)\s*\]", line)
            if not match:
                raise DataFileError(f"{where}: expected 'PHRASE {{PLURAL}} [~CODE]'")
            phrase, plural, code = match.groups()
            if "~" not in code:
                raise DataFileError(f"{where}: agent code {code!r} needs '~'")
            sector = code.replace("~", "").strip().upper()[:3]
            sector = CAMEO_SECTORS.get(sector, sector)
            if not sector.isalpha():
                raise DataFileError(f"{where}: bad agent code {code!r}")
            for form in _expand(phrase, substitutions, where):
                role = Role(form, sector, "person", False, None)
                self._add_role(form, role, where, user=True)
                plurals = (
                    [_petrarch_phrase(plural.strip("{}"))]
                    if plural and plural.strip("{} ")
                    else ([] if plural else [form + "s"])
                )
                for extra in plurals:
                    self._add_role(extra, replace(role, kind="group", plural=True), where, True)

    # ------------------------------------------------------------------ look-ups

    def country_name(self, iso3: str | None) -> str | None:
        """Return a country's name, or None."""
        entry = self.countries.get(iso3 or "")
        return entry.name if entry else None

    def scan(self, words: Sequence[str], spaces: Sequence[bool] | None = None) -> list[Piece]:
        """Find names, demonyms and role nouns in a token sequence, longest match first.

        Names and demonyms must be capitalised in the text unless the KB spells
        them in lower case; role nouns match in any case, and only as whole words:
        not the end of a hyphenated word ("tank" in "think-tank"; ``spaces[i]`` tells
        whether whitespace follows token i, all True when not given) unless the word
        before the hyphen is a prefix of offices ("ex-minister", "co-founder").
        """
        keys = [norm(w) for w in words]
        lengths = self._lengths()
        pieces: list[Piece] = []
        i, n = 0, len(keys)
        while i < n:
            found = None
            # Only the lengths some entry starting with this word has: most words have none.
            for size in lengths.get(keys[i], ()):
                if i + size > n:
                    continue
                piece = self._match(tuple(keys[i : i + size]), words[i : i + size], i)
                if piece is not None:
                    found = piece
                    break
            if found is None and "-" in keys[i]:
                found = self._match_hyphenated(keys[i], words[i], i)
            if found is not None and found.what == "role" and _hyphen_tail(keys, spaces, i):
                found = None
            if found is not None and found.what == "name":
                found = _region_around(words, pieces, found) or found
                while pieces and pieces[-1].end > found.start:
                    pieces.pop()  # "New" read as something else before "New Mexico"
            if found is not None:
                pieces.append(found)
                i = found.end
            else:
                i += 1
        return pieces

    def _lengths(self) -> dict[str, tuple[int, ...]]:
        """Return first word → entry lengths (longest first), built once after loading."""
        if self._first_words is None:
            lengths: dict[str, set[int]] = {}
            for index in (self.names, self.demonyms, self.roles):
                for key in index:
                    lengths.setdefault(key[0], set()).add(len(key))
            self._first_words = {w: tuple(sorted(v, reverse=True)) for w, v in lengths.items()}
        return self._first_words

    def _match(self, key: tuple[str, ...], surface: Sequence[str], i: int) -> Piece | None:
        size = len(key)
        cap = surface[0][:1].isupper()
        entries = self.names.get(key)
        if entries and not cap and size > 1:
            # "al-Shabab", "de Klerk": a lower-case particle before a capitalised name.
            cap = any(w[:1].isupper() for w in surface[1:])
        if (
            entries
            and (cap or not self.name_case.get(key, True))
            and all(surface[n].isupper() for n in self.acronyms.get(key, ()))
        ):
            return Piece(i, i + size, "name", tuple(entries))
        country = self.demonyms.get(key)
        if country and cap:
            return Piece(i, i + size, "demonym", country=country)
        role = self.roles.get(key)
        if role is not None:
            return Piece(i, i + size, "role", role=role)
        return None

    def _match_hyphenated(self, key: str, word: str, i: int) -> Piece | None:
        """Match "U.S.-backed" or "Russian-led" by the part before the hyphen."""
        if "-" not in key[1:] or not word[:1].isupper():
            return None
        for suffix in PATRON_SUFFIXES + MEMBER_SUFFIXES:
            if key.endswith(suffix):
                stem = (key[: -len(suffix)],)
                piece = self._match(stem, [word[: -len(suffix)]], i)
                if piece is None or piece.what == "role":
                    return None
                if suffix in PATRON_SUFFIXES:
                    # The patron is an actor of its own ("U.S.-backed"), not the member's country.
                    country = piece.country or (
                        self.pick(piece.entries, None)[0].country if piece.entries else None
                    )
                    return Piece(i, i + 1, "patron", piece.entries, country)
                return piece
        return None

    def pick(self, entries: Sequence[Entry], date: dt.date | None) -> tuple[Entry, bool]:
        """Choose among a name's entries by date; return (entry, office is current).

        Non-person entries win over people of the same name. For a person, the
        office held on ``date`` (today when None) wins; else the latest office
        that ended before it (reported as former); else the earliest future one.
        """
        others = [e for e in entries if e.kind != "person"]
        if others:
            return others[-1], True
        day = date or dt.date.today()
        current = [e for e in entries if e.holds(day)]
        if current:
            # Several concurrent offices: prefer the most recently taken one.
            return max(current, key=lambda e: e.start or dt.date.min), True
        past = [e for e in entries if e.end is not None and e.end < day]
        if past:
            return max(past, key=lambda e: e.end or dt.date.min), False
        return min(entries, key=lambda e: e.start or dt.date.max), False

    def near_surnames(self, word: str) -> list[str]:
        """Return the known surnames one typing slip away from ``word`` ("Mitterand").

        Only words of five letters or more: shorter names are too often other names.
        """
        return self._near_keys("surnames", self.surnames.keys(), norm(word))

    def near_country(self, word: str) -> Entry | None:
        """Return the country whose one-word name is one typing slip from ``word``
        ("Afganistan"), when exactly one is."""
        if self._country_words is None:
            self._country_words = {
                key[0]: entry
                for key, entries in self.names.items()
                if len(key) == 1
                for entry in entries
                if entry.category == "country"
            }
        found = self._near_keys("countries", self._country_words.keys(), norm(word))
        return self._country_words[found[0]] if len(found) == 1 else None

    def near_demonym(self, word: str) -> str | None:
        """Return the country of the one-word demonym one typing slip from ``word``
        ("Ghanians"), when exactly one is."""
        single = {key[0]: iso3 for key, iso3 in self.demonyms.items() if len(key) == 1}
        found = self._near_keys("demonyms", single.keys(), norm(word))
        return single[found[0]] if len(found) == 1 else None

    def _near_keys(self, index: str, keys: Iterable[str], word: str) -> list[str]:
        if len(word) < 5 or not word.isalpha():
            return []
        if index not in self._near:
            # Symmetric-delete index: a key and each of its one-letter deletions.
            table: dict[str, set[str]] = {}
            for key in keys:
                if len(key) >= 5:
                    for variant in {key, *_deletions(key)}:
                        table.setdefault(variant, set()).add(key)
            self._near[index] = table
        table = self._near[index]
        found: set[str] = set()
        for variant in {word, *_deletions(word)}:
            found |= table.get(variant, set())
        return sorted(k for k in found if k != word and one_slip(k, word))

    def national_body(self, country: str, role: tuple[str, ...]) -> Entry | None:
        """The KB's body of ``country`` named by a demonym and the role noun ``role``.

        "Russia's Foreign Ministry" and "the Ministry of Foreign Affairs of Russia" are the
        KB's "Russian Foreign Ministry", one entry whatever the wording.
        """
        if self._demonyms_of is None:
            self._demonyms_of = {}
            for demonym, iso3 in self.demonyms.items():
                self._demonyms_of.setdefault(iso3, []).append(demonym)
        for demonym in self._demonyms_of.get(country, ()):
            for entry in self.names.get(demonym + role, ()):
                if entry.kind == "organisation" and entry.country == country:
                    return entry
        return None

    def person_by_surname(self, word: str, date: dt.date | None) -> list[Entry]:
        """Return the distinct people whose last name is ``word``."""
        bucket = self.surnames.get(norm(word), [])
        by_name: dict[str, list[Entry]] = {}
        for entry in bucket:
            by_name.setdefault(entry.name, []).append(entry)
        return [self.pick(group, date)[0] for group in by_name.values()]


def _region_around(words: Sequence[str], pieces: list[Piece], found: Piece) -> Piece | None:
    """A region whose name holds a country's: "New South Wales", "New Mexico",
    "Northern Ireland" (one or two capitalised words before the country), or None.
    """
    if not any(e.category == "country" for e in found.entries):
        return None
    for size in (2, 1):
        start = found.start - size
        if start < 0 or not all(w[:1].isupper() for w in words[start : found.start]):
            continue
        if pieces and pieces[-1].end > start and pieces[-1].start != start:
            continue  # the words before are part of another match
        name = " ".join(words[start : found.end])
        country = region_country(name)
        if country is not None:
            entry = Entry(name, "place", country, "CVL", "place")
            return Piece(start, found.end, "name", (entry,))
    return None


def _hyphen_tail(keys: Sequence[str], spaces: Sequence[bool] | None, i: int) -> bool:
    """Whether token i ends a hyphenated word whose first part is no office prefix."""
    if spaces is None or i < 2 or keys[i - 1] != "-":
        return False
    if spaces[i - 2] or spaces[i - 1]:
        return False  # "the attack - police said": a dash between words
    return keys[i - 2] not in HYPHEN_PREFIXES


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def one_slip(a: str, b: str) -> bool:
    """Whether two words differ by one inserted, dropped, changed or swapped letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _multi(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _petrarch_lines(path: Path) -> Iterable[tuple[int, str]]:
    """Yield the meaningful lines of a PETRARCH file, without comments."""
    for number, line in iter_lines(path):
        stripped = line.strip()
        if stripped.startswith("<") or stripped.startswith("#"):
            continue
        for marker in (" #", "\t#", ";"):
            cut = line.find(marker)
            if cut >= 0:
                line = line[:cut]
        if line.strip():
            yield number, line


def _petrarch_phrase(text: str) -> str:
    """Turn ``VLADIMIR_PUTIN_`` into ``vladimir putin``."""
    return " ".join(text.replace("_", " ").split()).lower()


def _petrarch_date(text: str, where: str) -> str:
    text = text.strip()
    if len(text) <= 7:
        year = int(text[:2])
        text = f"{2000 + year if year <= 30 else 1900 + year}{text[2:]}"
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()
    except ValueError as exc:
        raise DataFileError(f"{where}: bad date {text!r} in code block") from exc


def _expand(phrase: str, substitutions: dict[str, list[str]], where: str) -> list[str]:
    """Expand ``!MINST!_OF_FINANCE`` into one phrase per substitution word."""
    forms = [_petrarch_phrase(phrase)]
    for name in re.findall(r"!(\w+)!", phrase):
        words = substitutions.get(name.upper())
        if words is None:
            raise DataFileError(f"{where}: substitution !{name}! is not defined")
        marker = f"!{name.lower()}!"
        forms = [f.replace(marker, w) for f in forms for w in words]
    return [" ".join(f.split()) for f in forms]


@functools.cache
def default_kb() -> KnowledgeBase:
    """Return the bundled knowledge base, loaded once per process."""
    return KnowledgeBase.load()


@functools.cache
def kb_with(extra_files: tuple[str, ...]) -> KnowledgeBase:
    """Return the bundled knowledge base plus user dictionaries, loaded once per set."""
    return KnowledgeBase.load(extra_files) if extra_files else default_kb()


# ---------------------------------------------------------------------- interpretation


def interpret(
    kb: KnowledgeBase,
    words: Sequence[str],
    pieces: Sequence[Piece],
    date: dt.date | None = None,
    label: str | None = None,
    spaces: Sequence[bool] | None = None,
) -> Reading:
    """Read what a phrase refers to from the KB pieces found in it.

    Args:
        kb: The knowledge base the pieces came from.
        words: The phrase's tokens.
        pieces: :meth:`KnowledgeBase.scan` matches, with token offsets into ``words``.
        date: Publication date, choosing office holders (today when None).
        label: spaCy entity label of the phrase, when known (PERSON, ORG, GPE, NORP…).
        spaces: Whether each token is followed by a space (all True when None).
    """
    keys = [norm(w) for w in words]
    gaps = list(spaces) if spaces is not None else [True] * len(words)

    def join(start: int, end: int) -> str:
        return "".join(
            w + (" " if gaps[i] else "") for i, w in enumerate(words[:end]) if i >= start
        ).strip()

    text = join(0, len(words))
    pieces = _with_possessor_names(kb, words, keys, pieces, date)
    # Cut trailing prepositional phrases ("rebels in Darfur"): they name a place, not the head.
    cut = len(words)
    if pieces:
        for i in range(pieces[0].end, len(keys)):
            if keys[i] in LINKING_WORDS and not any(p.start < i < p.end for p in pieces):
                cut = i
                break
    core = [p for p in pieces if p.end <= cut and p.what != "patron"]
    after = [p for p in pieces if p.start > cut]
    # "Putin's advisers": Putin is possessed; "President Reagan's" ends the phrase: he is the head.
    possessed = {p.start for p in core if p.end < len(keys) - 1 and keys[p.end] in POSSESSIVE}
    heads = [p for p in core if p.start not in possessed and p.what in ("name", "role")]
    head = heads[-1] if heads else None
    # "Foreign Minister Dubem Oniya": a title followed by capitalised words the KB does not know.
    person_words: tuple[str, ...] = ()
    if head is not None and head.what == "role" and head.role and head.role.kind == "person":
        tail = words[head.end : cut]
        if (
            tail
            and all(w[:1].isupper() for w in tail)
            and not any(p.start >= head.end for p in core)
        ):
            person_words = tuple(tail)
    former = any(k in FORMER for k in keys[: head.start if head else cut])
    negated = {p.start for p in core if p.start > 0 and keys[p.start - 1] in NEGATORS}
    negated |= {
        p.start
        for p in core
        if p.start > 1 and keys[p.start - 1] == "-" and keys[p.start - 2] in NEGATORS
    }

    negated |= {p.start for p in core if p.start > 0 and keys[p.start - 1] == "ethnic"}
    # "Russian-backed separatists" (tokens "Russian", "-", "backed"): a patron, not a member.
    negated |= {
        p.start
        for p in core
        if p.end + 1 < len(keys) and keys[p.end] == "-" and f"-{keys[p.end + 1]}" in PATRON_SUFFIXES
    }
    # "Bosnian Serbs": the first demonym is the country, the second an ethnic group.
    negated |= {
        q.start
        for p, q in itertools.pairwise(core)
        if p.what == q.what == "demonym" and p.end == q.start
    }
    reading = Reading(
        text=text, name=join(_det_count(words), len(words)), kind=None, country=None, sector=None
    )
    reading.former = former
    # "the Bosnian town of Gorazde", "Iraqi towns", "the port city of Odesa": a place.
    of = keys.index("of") if "of" in keys else len(keys)
    settlement = next((n for n in (of, cut) if n <= cut and _settlement_head(keys[:n])), None)
    if settlement is not None and (head is None or head.end < settlement):
        _read_settlement(kb, reading, words, keys, pieces, settlement, date)
        return reading
    if head is None:
        _read_headless(kb, reading, words, keys, core, negated, label, date)
    elif head.what == "name":
        entry, current = kb.pick(head.entries, date)
        titles = [p for p in core if p.what == "role" and p.end <= head.start and p.role.title]
        if titles and entry.kind == "person" and not former:
            # "President Obama" in a 2019 story: the title the text gives names the office
            # meant, when the person held it, whatever the date.
            written = _role_text(words, keys, titles[-1])
            held = [e for e in head.entries if e.role and _same_office(kb, e.role, written)]
            if held:
                entry, current = kb.pick(held, date)[0], True
        lead = keys[head.start]
        if not titles and entry.kind == "person" and not former and (lead,) in kb.roles:
            # "King Hassan", an alias that starts with the title: the office it names.
            held = [e for e in head.entries if e.role and _same_office(kb, e.role, lead)]
            if held:
                entry, current = kb.pick(held, date)[0], True
        leaders = [
            p
            for p in core
            if p.what == "role" and p.end <= head.start and p.role.cls in ("head", "leader")
        ]
        if leaders and not titles and entry.kind == "person" and not former:
            # "Libyan leader Muammar Gaddafi": the text calls him its leader, so he led then.
            held = [e for e in head.entries if _office_class(kb, e.role) in ("head", "leader")]
            if held:
                entry, current = kb.pick(held, date)[0], True
        owner = _country_before(kb, keys, core, head.start)
        if owner and entry.kind == "organisation" and entry.country != owner:
            # "Russia's Security Council" is Russia's, not the UN's "Security Council".
            entry = kb.national_body(owner, tuple(keys[head.start : head.end])) or entry
        reading.head = "name"
        reading.entry = entry
        reading.name = entry.name
        reading.kind = entry.kind
        reading.country = entry.country
        reading.sector = entry.sector
        reading.role = entry.role
        if entry.kind == "person":
            if titles:
                reading.role_class = titles[-1].role.cls
                if not entry.role:
                    reading.role = _role_text(words, keys, titles[-1])
            if not current:
                reading.former = True
        if entry.category == "place":
            reading.sector = "CVL"
    else:
        role = head.role
        assert role is not None
        reading.head = "role"
        reading.sector = role.sector
        reading.kind = role.kind
        reading.plural = role.plural
        reading.role_class = role.cls
        reading.role = _role_text(words, keys, head)
        if person_words:
            reading.kind = "person"
            reading.person_name = person_words
            reading.name = join(head.end, cut)
            person_by_name(kb, reading, person_words, date)
        _apply_modifiers(kb, reading, core, head, negated, date)
        if reading.country is None and reading.sector not in NON_STATE.values():
            reading.country = _place_modifier(kb, words, core, head)
    if (
        reading.head == "demonym"
        and reading.plural
        and cut < len(words)
        and keys[cut] in ("in", "of")
    ):
        # "the Albanians of southern Serbia": a people is placed where it lives.
        homes = [p.entries[0].country for p in after if p.what == "name" and p.entries]
        homes = [c for c in homes if c]
        reading.country = homes[0] if homes else reading.country
    if reading.country is None and reading.sector not in NON_STATE.values() and cut < len(words):
        countries = [
            _piece_country(kb, piece, date)
            for piece in after
            if _places_head(words, keys, piece, after)
        ]
        found = next((c for c in countries if c), None)
        if found is None:
            # "rebels in Darfur": a place the KB does not name, from the gazetteer.
            tail = [w for w in words[cut + 1 :] if w[:1].isupper()]
            place = locate(" ".join(tail)) if tail else None
            found = place.country if place is not None else None
        reading.country = found
    if (
        head is not None
        and head.what == "role"
        and keys[head.end - 1] in PARTITIVE_HEADS
        and cut + 1 < len(words)
        and keys[cut] == "of"
    ):
        _read_members_of(kb, reading, words[cut + 1 :], after, cut + 1, date)
    owner = next((p for p in core if p.end == head.start - 1), None) if head is not None else None
    if (
        owner is not None
        and head is not None
        and head.what == "role"
        and keys[head.end - 1] in PARTITIVE_HEADS
        and keys[head.start - 1] in POSSESSIVE
        and owner.what == "role"
        and owner.role is not None
        and owner.role.kind in ("organisation", "group")
    ):
        reading.sector = owner.role.sector  # "the opposition party's leader": OPP
    if (
        head is not None
        and reading.head == "role"
        and reading.kind == "organisation"
        and reading.country
        and not reading.former
    ):
        body = kb.national_body(reading.country, tuple(keys[head.start : head.end]))
        if body is not None:
            reading.entry, reading.name, reading.sector = body, body.name, body.sector
            reading.role = None
    if (
        reading.sector == "JRN"
        and head is not None
        and any(k in STATE_OWNED for k in keys[: head.start])
    ):
        reading.sector = "GOV"  # "official Syrian newspaper", "state-run television"
    if reading.former:
        if reading.role and not reading.role.lower().startswith("former"):
            reading.role = f"former {reading.role}"
        if reading.sector in ("GOV", "MIL", "LEG", "JUD", "COP", "SPY"):
            reading.sector = "ELI"
    return reading


def _places_head(
    words: Sequence[str], keys: Sequence[str], piece: Piece, after: Sequence[Piece]
) -> bool:
    """Whether a piece in a trailing phrase tells where the head is.

    A state or place does ("rebels in Darfur", "police in the Syrian capital"); not a
    nationality adjective of another noun ("students near the Israeli embassy") nor a
    name inside waters named after a country ("the South China Sea").
    """
    end = piece.end
    while end < len(words) and words[end][:1].isupper():
        end += 1
    if end > piece.end and keys[end - 1] in WATER_WORDS:
        return False
    if piece.what == "demonym" and end == piece.end:
        # Before a place noun or an actor noun ("a spokesman for the Turkish president",
        # "doctors from American aid groups"), but not before a mission abroad.
        rest = " ".join(keys[piece.end :])
        nouns = word_list("en_place_nouns.txt")
        return not rest.startswith(tuple(word_list("en_mission_nouns.txt"))) and (
            (piece.end < len(keys) and keys[piece.end] in nouns)
            or any(p.what in ("role", "name") for p in after if p.start > piece.start)
        )
    return True


def _read_settlement(
    kb: KnowledgeBase,
    reading: Reading,
    words: Sequence[str],
    keys: Sequence[str],
    pieces: Sequence[Piece],
    end: int,
    date: dt.date | None,
) -> None:
    """Read a phrase headed by a settlement noun that ends at ``end`` as a place: named by
    the capitalised words after its "of", with the country of a demonym or name in it, or
    the gazetteer's for that name ("the Tyumen region")."""
    reading.head, reading.kind, reading.sector = "name", "place", "CVL"
    after = end + 1 if end + 1 < len(words) and keys[end] == "of" else len(words)
    if after < len(words) and all(w[:1].isupper() for w in words[after:]):
        reading.name = " ".join(words[after:])
    countries = [_piece_country(kb, p, date) for p in pieces if p.what in ("demonym", "name")]
    countries = [c for c in countries if c]
    if countries:
        reading.country = countries[-1]
    elif after < len(words):
        reading.country = place_country(" ".join(words[after:]))
    else:
        reading.country = place_country(" ".join(words[:end]))


def _country_before(
    kb: KnowledgeBase, keys: Sequence[str], core: Sequence[Piece], start: int
) -> str | None:
    """The country of a demonym or state name right before token ``start``, possessive or
    not ("Russia's", "Russian")."""
    end = start - 1 if start > 0 and keys[start - 1] in POSSESSIVE else start
    for piece in core:
        if piece.end != end:
            continue
        if piece.what == "demonym":
            return piece.country
        if piece.what == "name" and all(e.kind == "state" for e in piece.entries):
            return piece.entries[0].country
    return None


def _settlement_head(keys: Sequence[str]) -> bool:
    """Whether a phrase ends in a noun for a settlement, singular or plural ("towns")."""
    if not keys:
        return False
    word = keys[-1]
    singular = word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")
    return word in SETTLEMENT_NOUNS or singular in SETTLEMENT_NOUNS


def _read_members_of(
    kb: KnowledgeBase,
    reading: Reading,
    body_words: Sequence[str],
    pieces: Sequence[Piece],
    offset: int,
    date: dt.date | None,
) -> None:
    """Give "members of X", "leaders of X" X's country and sector when X is a body.

    "members of the Taliban" (AFG/REB), "leaders of the opposition party" (OPP): the
    people belong to the body. A state ("leaders of Russia") leaves the head's sector.
    """
    shifted = [replace(p, start=p.start - offset, end=p.end - offset) for p in pieces]
    body = interpret(kb, body_words, shifted, date)
    if body.kind not in ("organisation", "group") or not body.sector:
        return
    reading.sector = body.sector
    reading.country = None if body.sector in NON_STATE.values() else body.country


def _with_possessor_names(
    kb: KnowledgeBase,
    words: Sequence[str],
    keys: Sequence[str],
    pieces: Sequence[Piece],
    date: dt.date | None,
) -> list[Piece]:
    """Add KB people named by surname before a noun ("Lebedev's advisers", "the Assad regime")."""
    covered = {i for p in pieces for i in range(p.start, p.end)}
    role_starts = {p.start for p in pieces if p.what == "role"}
    extra: list[Piece] = []
    for i, key in enumerate(keys):
        if i == 0 or (i - 1) in covered or (key not in POSSESSIVE and i not in role_starts):
            continue
        j = i
        while (
            j > 0
            and words[j - 1][:1].isupper()
            and (j - 1) not in covered
            and keys[j - 1] not in DETERMINERS  # "The Bush administration"
        ):
            j -= 1
        if j == i:
            continue
        probe = Reading(text="", name="", kind=None, country=None, sector=None)
        if person_by_name(kb, probe, words[j:i], date) and probe.entry is not None:
            extra.append(Piece(j, i, "name", (probe.entry,)))
        elif i - j == 1:
            # "the Bush administration": namesakes who all served one state give its country.
            people = kb.person_by_surname(words[j], date)
            if people and len({p.country for p in people}) == 1 and people[0].country:
                extra.append(Piece(j, i, "name", (people[0],)))
    return sorted([*pieces, *extra], key=lambda p: p.start) if extra else list(pieces)


def _same_place_name(name: str, query: str) -> bool:
    """Return True when a gazetteer name is the query up to accents and a short ending.

    "Kandahār" is "Kandahar" and "Basrah" is "Basra", but "Pompéu" is not "Pompeo".
    """
    a, b = _plain(name), _plain(query)
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and len(long) - len(short) <= 1


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _det_count(words: Sequence[str]) -> int:
    count = 0
    while count < len(words) - 1 and norm(words[count]) in DETERMINERS:
        count += 1
    return count


def _strip_det(words: Sequence[str]) -> str:
    start = 0
    while start < len(words) - 1 and norm(words[start]) in DETERMINERS:
        start += 1
    return " ".join(words[start:])


def _office_class(kb: KnowledgeBase, office: str | None) -> str | None:
    """The class of an office title ("State President" → head), from its last words."""
    words = tuple(split_words(norm(office or "")))
    for size in range(len(words), 0, -1):
        role = kb.roles.get(words[-size:])
        if role is not None:
            return role.cls
    return None


def _same_office(kb: KnowledgeBase, office: str, written: str) -> bool:
    """Return True when a KB office and a title as written name the same office."""
    a, b = norm(office), norm(written)
    if a == b:
        return True
    a = a.split(" of ")[0] if " of " in a and " of " not in b else a  # "President of Yugoslavia"
    if a == b:
        return True
    role_a = kb.roles.get(tuple(split_words(a)))
    role_b = kb.roles.get(tuple(split_words(b)))
    return role_a is not None and role_a == role_b


def _role_text(words: Sequence[str], keys: Sequence[str], piece: Piece) -> str:
    """Return the office as written, with a prefix such as "deputy" kept."""
    start = piece.start
    while start > 0 and keys[start - 1] in OFFICE_PREFIXES | ROLE_QUALIFIERS | {"-"}:
        start -= 1
    while start < piece.start and keys[start] == "-":
        start += 1
    # "think-tank": a hyphen inside the office joins its words.
    return " ".join(w.lower() for w in words[start : piece.end]).replace(" - ", "-")


def _piece_country(kb: KnowledgeBase, piece: Piece, date: dt.date | None) -> str | None:
    if piece.what == "demonym":
        return piece.country
    if piece.what == "name":
        return kb.pick(piece.entries, date)[0].country
    return None


def _apply_modifiers(
    kb: KnowledgeBase,
    reading: Reading,
    core: Sequence[Piece],
    head: Piece,
    negated: set[int],
    date: dt.date | None,
) -> None:
    """Give a role noun the country (and organisation sector) of the words before it."""
    before = [p for p in core if p.end <= head.start]
    for piece in reversed(before):
        if piece.start in negated:
            continue
        generic = bool(reading.role) and reading.role.split()[-1] in GENERIC_HEADS
        if generic and piece.what == "role" and piece.end == head.start and piece.role:
            # "opposition coalition", "rebel leaders": the specific noun gives the sector.
            reading.sector = piece.role.sector
        if piece.what == "demonym" and reading.country is None:
            reading.country = piece.country
        elif piece.what == "name":
            entry = kb.pick(piece.entries, date)[0]
            if entry.kind in ("organisation", "group"):
                # "Hezbollah fighters", "UN peacekeepers": the organisation decides.
                if entry.sector and (
                    reading.kind in ("person", "group") or entry.sector in ("IGO", "NGO")
                ):
                    # An international body's court or agency is the body's ("the U.N.
                    # war crimes court": IGO); a state's is the role noun's.
                    reading.sector = entry.sector
                if reading.country is None:
                    reading.country = entry.country
                if entry.sector in NON_STATE.values():
                    reading.country = None
                    break
            elif reading.country is None:
                reading.country = entry.country


def _place_modifier(
    kb: KnowledgeBase, words: Sequence[str], core: Sequence[Piece], head: Piece
) -> str | None:
    """The country of a place the KB does not name, written before a role noun.

    "Darfur rebels", "Kandahar police": capitalised words right before the head that
    the gazetteer knows under that very name.
    """
    # "Kharkiv's mayor": the town may own the role.
    owned = head.start > 0 and norm(words[head.start - 1]) in POSSESSIVE
    end = head.start - 1 if owned else head.start
    if not owned and head.role is not None and head.role.title:
        # "Tamil Nadu water resources minister": a portfolio in lower case between them.
        portfolio = end
        while portfolio > max(0, end - 3) and words[portfolio - 1].isalpha():
            if not words[portfolio - 1].islower():
                break
            portfolio -= 1
        if portfolio < end and portfolio > 0 and words[portfolio - 1][:1].isupper():
            end = portfolio
    start = end
    taken = {i for p in core for i in range(p.start, p.end)}
    while start > 0 and words[start - 1][:1].isupper() and (start - 1) not in taken:
        start -= 1
    if start == end:
        return None
    query = " ".join(words[start:end])
    if len(query) < 4 or (norm(words[end - 1]) in kb.surnames and not region_country(query)):
        return None  # "the Kim regime", "the Bush administration": a family, not a town
    if any(norm(w) in TITLE_WORDS for w in words[start:end]) and not region_country(query):
        return None  # "Federal Minister": a title word, though a town is called Federal
    return place_country(query)


def place_country(name: str) -> str | None:
    """Return the country of a place the gazetteer knows under this very name, or None.

    "Kandahar", "the Tyumen region" (its first word): yes; a town that only shares an
    alternate spelling with the name: no.
    """
    words = name.split()
    start = _det_count(words)
    while start < len(words) - 1 and words[start].lower() in COMPASS_WORDS:
        start += 1  # "the southern Puno region"
    query = " ".join(words[start:])
    found = locate(query)
    if found is None and query.lower().endswith(REGION_SUFFIXES):
        query = query.rsplit(" ", 1)[0]  # "the Tyumen region": the region of Tyumen
        found = locate(query)
    if found is None or not _same_place_name(found.name, query):
        return None
    return found.country


def _read_headless(
    kb: KnowledgeBase,
    reading: Reading,
    words: Sequence[str],
    keys: Sequence[str],
    core: Sequence[Piece],
    negated: set[int],
    label: str | None,
    date: dt.date | None = None,
) -> None:
    """Read a phrase with no name or role head: a demonym, a possessive, a place, or nothing."""
    demonyms = [p for p in core if p.what == "demonym" and p.start not in negated]
    # "Fed's Halvorsen": a possessor followed by more words is not what the phrase names.
    names = [
        p
        for p in core
        if p.what == "name" and not (p.end < len(keys) - 1 and keys[p.end] in POSSESSIVE)
    ]
    ethnic = [p for p in core if p.what == "demonym" and p.start and keys[p.start - 1] == "ethnic"]
    if not demonyms and ethnic and keys[ethnic[-1].end - 1].endswith("s"):
        # "ethnic Albanians": people of that descent, wherever they live (country from context).
        reading.head, reading.kind, reading.sector, reading.plural = "demonym", "group", "CVL", True
        return
    if demonyms:
        last = demonyms[-1]
        reading.head = "demonym"
        reading.country = last.country
        reading.kind = "group"
        word = keys[[p for p in core if p.what == "demonym"][-1].end - 1]
        # "Syrians", "the Palestinians": people of the country.
        if word.endswith("s") and word != norm(kb.country_name(last.country) or "").split(" ")[-1]:
            reading.plural = True
            # "Syrians" are people; "the Russians" as often means their government.
            reading.sector = None if keys[0] == "the" else "CVL"
        elif last.end < len(words):
            # "Iraqi Kurds": a people the KB does not list, after a demonym; "Tibetan
            # monks": people the KB has no role noun for (no sector).
            if words[-1][:1].isupper() and keys[-1].endswith("s"):
                reading.plural = True
                reading.sector = None if keys[0] == "the" else "CVL"
        elif keys[0] in ("a", "an"):
            reading.kind, reading.sector = "person", "CVL"  # "an Israeli was wounded"
        else:
            # "Israeli" in "Israeli air raids": the adjective stands for the state.
            reading.kind = "state"
            reading.name = kb.country_name(last.country) or reading.name
        return
    if names:
        entry = kb.pick(names[-1].entries, None)[0]
        reading.head = "name"
        reading.entry, reading.name, reading.kind = entry, entry.name, entry.kind
        reading.country, reading.sector, reading.role = entry.country, entry.sector, entry.role
        return
    caps = [w for w in words if w[:1].isupper()]
    if not caps:
        return
    all_caps = len(caps) == len(words) - _det_count(words)
    if all_caps and label in (None, "PERSON"):
        probe = replace(reading)
        matched = person_by_name(kb, probe, caps, date)
        # A lone word that is a former leader's surname and a town ("Lagos"): with no
        # label, the town; a current office holder or namesakes of one state: the person.
        town = label is None and len(caps) == 1 and (probe.former if matched else not probe.country)
        if not (town and locate(caps[0]) is not None) and (matched or probe.country):
            for item in fields(Reading):
                setattr(reading, item.name, getattr(probe, item.name))
            if matched:
                reading.head = "name"
                return
            reading.kind = "person"
            return
    # A town the tagger took for a people ("Idlib and Aleppo" tagged NORP) is the town.
    town_as_people = label == "NORP" and len(caps) == 1 and not keys[-1].endswith("s")
    if label in (None, "GPE", "LOC", "ORG", "FAC") or town_as_people:
        query = _strip_det(words)
        found = locate(query) if len(caps) == len(words) - _det_count(words) else None
        if (
            found is not None
            and label not in ("GPE", "LOC")
            and not _same_place_name(found.name, query)
        ):
            found = None  # an alternate spelling of some town, not tagged as a place: not trusted
        if found is not None and found.country:
            reading.head = "name"
            reading.name = found.name
            reading.kind, reading.country, reading.sector = "place", found.country, "CVL"
            reading.entry = Entry(found.name, "place", found.country, "CVL", "place")
            return
    query = _strip_det(words)
    if (
        label in (None, "GPE", "LOC", "ORG", "FAC")
        and len(caps) == len(words) - _det_count(words) - 1
        and query.lower().endswith(REGION_SUFFIXES)
    ):
        # "the Kharkiv region", "Idlib province": the region of a place the gazetteer knows.
        country = place_country(query)
        if country is not None:
            reading.head, reading.name = "name", query
            reading.kind, reading.country, reading.sector = "place", country, "CVL"
            reading.entry = Entry(query, "place", country, "CVL", "place")
            return
    if label in ("GPE", "LOC") and len(caps) == 1:
        country = kb.near_country(caps[0])
        if country is not None:
            # "Afganistan": a place the tagger saw, one typing slip from a country's name.
            reading.head, reading.entry, reading.name = "name", country, country.name
            reading.kind, reading.country = "state", country.country
            return
    if label == "NORP" and len(caps) == 1 and caps[0][-1:] == "s":
        iso3 = kb.near_demonym(caps[0])
        if iso3 is not None:
            # "Ghanians": people the tagger saw, one typing slip from a demonym.
            reading.head, reading.kind, reading.country = "demonym", "group", iso3
            reading.plural, reading.sector = True, None if keys[0] == "the" else "CVL"
            return
    region = region_country(query) if label == "PERSON" and all_caps else None
    if region is not None and region != "USA" and norm(caps[0]) not in given_names():
        # "Karnataka said" tagged as a person: a state or province, not a person. Not the
        # US states, whose names are also people's ("Washington", "Virginia").
        reading.head, reading.name = "name", query
        reading.kind, reading.country, reading.sector = "place", region, "CVL"
        reading.entry = Entry(query, "place", region, "CVL", "place")
        return
    if label == "PERSON" and len(caps) == 1 and keys[0] in DETERMINERS:
        return  # "the Bill", "this Bill": a thing spelt like a given name, not a person
    if label == "PERSON":
        reading.kind = "person"
        reading.person_name = tuple(w for w in words if norm(w) not in POSSESSIVE)
    elif label == "ORG":
        reading.kind = "organisation"
    elif label == "NORP":
        reading.kind = "group"
    elif label == "GPE":
        reading.kind = "place"  # no state the KB knows: a town or region
    elif label in ("LOC", "FAC") and _name_by_given_name(words):
        # "Oleksandr Kovalenko" tagged as a location: a known given name makes it a person.
        reading.kind = "person"
        reading.person_name = _name_by_given_name(words)


def person_by_name(
    kb: KnowledgeBase, reading: Reading, names: Sequence[str], date: dt.date | None
) -> bool:
    """Resolve a personal name the KB lacks as written through its last word (the surname).

    Only one person may fit: several namesakes are narrowed to those in office on
    ``date``; a given name that differs (not a transliteration) vetoes the match.
    Returns True when the reading was filled from the KB.
    """
    if not names:
        return False
    people = kb.person_by_surname(names[-1], date)
    given = [norm(w) for w in names[:-1]]
    slip = False
    if not people and (given or reading.role):
        # "President Mitterand", "Abdelaziz Bouteflicka": a misspelt surname, trusted only
        # with a title or a given name that agrees, and only when one person fits.
        near = kb.near_surnames(names[-1])
        people = [p for word in near for p in kb.person_by_surname(word, date)]
        slip = True
    day = date or dt.date.today()
    if len(people) > 1 and given:
        # "Omar El Bashir": the given name picks among namesakes before the date does.
        agreeing = [
            p for p in people if any(_same_given_name(g, _name_words(kb, p)) for g in given)
        ]
        people = agreeing or people
    if len(people) > 1:
        namesakes = people
        people = [p for p in people if p.holds(day)]
        countries = {p.country for p in namesakes}
        if len(people) != 1 and len(countries) == 1 and not given and not slip:
            # "President Bush": two presidents, one country; the person stays unresolved.
            reading.country = reading.country or countries.pop()
    if len(people) != 1:
        return False
    entry = people[0]
    known = set(norm(entry.name).split())
    if given and not any(_same_given_name(g, known) for g in given):
        return False
    if slip and given and not {_plain(g) for g in given} & {_plain(k) for k in known}:
        return False
    entries = kb.names.get(tuple(norm(w) for w in split_words(entry.name)), [entry])
    offices = [e for e in entries if e.kind == "person"] or [entry]
    entry, current = kb.pick(offices, date)
    held = [
        e for e in offices if reading.role and e.role and _same_office(kb, e.role, reading.role)
    ]
    if held and not reading.former:
        entry, current = kb.pick(held, date)[0], True  # the title written names the office
    reading.entry = entry
    reading.name = entry.name
    reading.kind = "person"
    reading.country = reading.country or entry.country
    reading.person_name = ()
    if not reading.role or reading.role_class is None:
        reading.role = entry.role
    reading.sector = entry.sector
    if not current:
        reading.former = True
        if entry.role:
            reading.role = f"former {entry.role}"
        if reading.sector in ("GOV", "MIL", "LEG", "JUD", "COP", "SPY"):
            reading.sector = "ELI"
    elif entry.role and reading.role and reading.role_class:
        reading.role = entry.role
    return True


def _name_words(kb: KnowledgeBase, entry: Entry) -> set[str]:
    """The lower-cased words of a person's name and aliases."""
    return set(norm(entry.name).split()) | kb.name_words.get(entry.name, set())


def _same_given_name(word: str, known: set[str]) -> bool:
    """Return True for a given name the KB has, or a transliteration of it (Sergei/Sergey)."""
    word = _plain(word)
    return any(
        word == k or (len(word) >= 4 and len(k) >= 4 and word[:4] == k[:4])
        for k in map(_plain, known)
    )


@functools.cache
def name_particles() -> tuple[tuple[str, ...], ...]:
    """Particles inside personal names (``en_name_particles.txt``), longest first."""
    found = (tuple(p.split()) for p in word_list("en_name_particles.txt"))
    return tuple(sorted(found, key=len, reverse=True))


def _name_word(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() and word.replace("'", "").isalpha()


def person_name(name: str) -> str:
    """Drop the lower-case words a person's name cannot start with ("his nom de guerre
    Abu Karim"), keeping name particles ("al-Sisi", "de Gaulle") and descriptions
    ("retired nurse", "former Bolivian interior minister")."""
    words = name.split()
    start = next((i for i, w in enumerate(words) if w[:1].isupper()), None)
    particles = {w for p in name_particles() for w in p}
    if start is None or any(w.islower() and w not in particles for w in words[start:]):
        return name
    while start > 0 and words[start - 1] in particles:
        start -= 1
    return " ".join(words[start:])


def particle_name_end(words: Sequence[str], start: int) -> int:
    """Return the end of a personal name with particles that starts at ``start``.

    The name starts with a given name of ``en_first_names.tsv`` and joins capitalised
    words with at least one particle of ``en_name_particles.txt`` ("Hans Van den Broek",
    "Charles de Gaulle", "Hamad bin Khalifa al-Thani"), at most six tokens in all.
    Returns ``start`` when the words there are no such name.
    """
    if not _name_word(words[start]) or norm(words[start]) not in given_names():
        return start
    end, particle = start + 1, False
    while end < len(words) and end - start < 6:
        size = next(
            (
                len(p)
                for p in name_particles()
                if tuple(norm(w) for w in words[end : end + len(p)]) == p
            ),
            0,
        )
        if size and end + size < len(words) and _name_word(words[end + size]):
            end, particle = end + size + 1, True
        elif _name_word(words[end]):
            end += 1
        else:
            break
    return end if particle else start


def _name_by_given_name(words: Sequence[str]) -> tuple[str, ...]:
    """The two or three capitalised words ending a phrase, after any honorific, when they
    start with a given name of ``en_first_names.tsv`` and name no body or place; or a
    name with particles that ends the phrase ("Ludwig van Beethoven")."""
    body_words = word_list("en_org_name_words.txt") | word_list("en_body_nouns.txt")
    for first in range(len(words)):
        if particle_name_end(words, first) == len(words):
            name = tuple(words[first:])
            if not any(norm(w) in body_words for w in name) and locate(" ".join(name)) is None:
                return name
    start = len(words)
    while start > 0 and words[start - 1][:1].isupper():
        start -= 1
    while start < len(words) and norm(words[start]).rstrip(".") in HONORIFICS:
        start += 1
    name = tuple(words[start:])
    if not 2 <= len(name) <= 3 or norm(name[0]) not in given_names():
        return ()
    if any(norm(w).rstrip(".") in body_words or w.isupper() for w in name):
        return ()
    return () if locate(" ".join(name)) is not None else name


def resolve_phrase(
    text: str, date: dt.date | None = None, kb: KnowledgeBase | None = None
) -> dict[str, Any]:
    """Resolve a stand-alone actor phrase to name, kind, country, sector and role.

    Uses the same knowledge base and rules as in-document resolution, on the
    phrase's own words (no parse, no context).

    Args:
        text: The phrase, e.g. ``"Russian officials"`` or ``"Chinese President Xi Jinping"``.
        date: The date the phrase is read at (chooses office holders); today when None.
        kb: Knowledge base to use; the bundled one by default.

    Returns:
        ``{"text", "name", "kind", "country", "sector", "role"}``; values are None when
        the phrase does not tell.

    Example:
        >>> resolve_phrase("Russian officials")["country"]
        'RUS'
    """
    kb = kb or default_kb()
    tokens = [t for t in tokenizer()(text) if not t.is_space]
    words = [t.text for t in tokens]
    spaces = [bool(t.whitespace_) for t in tokens]
    reading = interpret(kb, words, kb.scan(words, spaces), date, spaces=spaces)
    if reading.kind is None:
        # "Maria Lopez", "fan favourite Maria Lopez": a name that starts with a known given name.
        name = _name_by_given_name(words)
        if name:
            written = "".join(t.text_with_ws for t in tokens[len(tokens) - len(name) :])
            reading.kind, reading.name = "person", written.strip()
    result = reading.as_dict()
    result["text"] = text
    return result
