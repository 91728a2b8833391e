"""Validate the actor knowledge-base files (kb_*.tsv): provenance, codes, dates, spot checks."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from functools import cache

import pycountry
import pytest

from dyads.resources import data_path, iter_tsv

# CAMEO/PLOVER agent codes allowed in the sector columns.
SECTORS = frozenset(
    {
        *("GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "LEG", "ELI", "MED", "EDU"),
        *("BUS", "CRM", "CVL", "REF", "NGO", "IGO", "REL", "LAB", "HRI", "ENV", "HLH", "AGR"),
        "IMG",
    }
)
KINDS = frozenset({"organisation", "group"})
# Kosovo has no official ISO 3166-1 code; XKX is the user-assigned code in common use.
EXTRA_ISO3 = frozenset({"XKX"})
PROVENANCE_KEYS = ("source:", "license:", "retrieved:", "notes:")

COLUMNS = {
    "kb_countries.tsv": ["iso3", "name", "aliases", "demonyms", "capital", "cameo"],
    "kb_metonyms.tsv": ["phrase", "iso3", "sector", "notes", "body"],
    "kb_organisations.tsv": ["name", "aliases", "kind", "country", "sector", "notes"],
    "kb_people.tsv": [
        "name",
        "aliases",
        "country",
        "sector",
        "role",
        "start",
        "end",
        "gender",
        "notes",
    ],
}
FILES = sorted(COLUMNS)


@cache
def rows(name: str) -> tuple[tuple[int, dict[str, str]], ...]:
    """Return ``(line number, row)`` pairs of a KB file, read once per session."""
    return tuple(iter_tsv(data_path(name)))


def split(cell: str) -> list[str]:
    """Return the values of a ``|``-separated cell, without empty ones."""
    return [value for value in cell.split("|") if value]


def is_iso3(code: str) -> bool:
    """Return whether ``code`` is an ISO 3166-1 alpha-3 code (or Kosovo's XKX)."""
    return code in EXTRA_ISO3 or pycountry.countries.get(alpha_3=code) is not None


def parse_date(text: str) -> dt.date:
    """Parse a strict ``YYYY-MM-DD`` date."""
    return dt.datetime.strptime(text, "%Y-%m-%d").date()


def countries_by_string() -> dict[str, set[str]]:
    """Map every case-folded name, alias, demonym and capital to the iso3 codes using it."""
    owners: dict[str, set[str]] = defaultdict(set)
    for _, row in rows("kb_countries.tsv"):
        for column in ("name", "aliases", "demonyms", "capital"):
            for value in split(row[column]):
                owners[value.casefold()].add(row["iso3"])
    return owners


@pytest.mark.parametrize("name", FILES)
def test_kb_data_provenance_lines(name):
    head = []
    with data_path(name).open(encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                break
            head.append(line[1:].strip())
    for key in PROVENANCE_KEYS:
        assert any(line.startswith(key) for line in head), f"{name}: no '# {key}' line"


@pytest.mark.parametrize("name", FILES)
def test_kb_data_header_row(name):
    with data_path(name).open(encoding="utf-8") as handle:
        header = next(line for line in handle if not line.startswith("#"))
    assert header.rstrip("\n").split("\t") == COLUMNS[name]


@pytest.mark.parametrize("name", FILES)
def test_kb_data_no_blank_required_cells(name):
    first = COLUMNS[name][0]
    blank = [number for number, row in rows(name) if not row[first]]
    assert blank == [], f"{name}: empty {first!r} on lines {blank}"


@pytest.mark.parametrize(
    "name, column",
    [
        ("kb_countries.tsv", "iso3"),
        ("kb_metonyms.tsv", "iso3"),
        ("kb_organisations.tsv", "country"),
        ("kb_people.tsv", "country"),
    ],
)
def test_kb_data_country_codes_are_iso3(name, column):
    bad = [(n, row[column]) for n, row in rows(name) if row[column] and not is_iso3(row[column])]
    assert bad == []


def test_kb_data_metonyms_have_a_country():
    assert [number for number, row in rows("kb_metonyms.tsv") if not row["iso3"]] == []


def test_kb_data_countries_unique_codes():
    codes = [row["iso3"] for _, row in rows("kb_countries.tsv")]
    assert len(codes) == len(set(codes))


def test_kb_data_countries_cover_un_members_and_partial_states():
    codes = {row["iso3"] for _, row in rows("kb_countries.tsv")}
    # A sample spanning every region plus the non-member states and territories news covers.
    expected = {"AFG", "BRA", "CHN", "COD", "FJI", "ISL", "PSE", "XKX", "TWN", "VAT", "ESH"}
    assert expected <= codes
    assert len(codes) >= 200


def test_kb_data_countries_cameo_codes_differ_from_iso3():
    bad = [
        (n, row["cameo"])
        for n, row in rows("kb_countries.tsv")
        if row["cameo"]
        and (len(row["cameo"]) != 3 or not row["cameo"].isupper() or row["cameo"] == row["iso3"])
    ]
    assert bad == []


def test_kb_data_countries_strings_belong_to_one_country():
    conflicts = {s: sorted(c) for s, c in countries_by_string().items() if len(c) > 1}
    assert conflicts == {}, f"strings used by several countries: {conflicts}"


@pytest.mark.parametrize("name", ["kb_metonyms.tsv", "kb_organisations.tsv", "kb_people.tsv"])
def test_kb_data_sectors_allowed(name):
    bad = [(number, row["sector"]) for number, row in rows(name) if row["sector"] not in SECTORS]
    assert bad == []


def test_kb_data_organisation_kinds_allowed():
    bad = [(n, row["kind"]) for n, row in rows("kb_organisations.tsv") if row["kind"] not in KINDS]
    assert bad == []


def test_kb_data_organisation_names_unique():
    owners: dict[str, list[str]] = defaultdict(list)
    for _, row in rows("kb_organisations.tsv"):
        for value in [row["name"], *split(row["aliases"])]:
            owners[value].append(row["name"])
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_kb_data_people_dates_parse_and_are_ordered():
    bad = []
    for number, row in rows("kb_people.tsv"):
        try:
            start = parse_date(row["start"])
            end = parse_date(row["end"]) if row["end"] else None
        except ValueError as exc:
            bad.append((number, str(exc)))
            continue
        if end is not None and end < start:
            bad.append((number, f"end {end} before start {start}"))
    assert bad == []


def test_kb_data_people_gender_values():
    genders = [(n, row["gender"]) for n, row in rows("kb_people.tsv")]
    assert [(n, gender) for n, gender in genders if gender not in {"m", "f"}] == []


def test_kb_data_people_unique_name_role_start():
    seen: dict[tuple[str, str, str], int] = {}
    duplicates = []
    for number, row in rows("kb_people.tsv"):
        key = (row["name"], row["role"], row["start"])
        if key in seen:
            duplicates.append((seen[key], number, key))
        seen[key] = number
    assert duplicates == []


def test_kb_data_people_same_office_spells_do_not_overlap():
    spells: dict[tuple[str, str, str, str], list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for _, row in rows("kb_people.tsv"):
        end = parse_date(row["end"]) if row["end"] else dt.date.max
        key = (row["name"], row["country"], row["role"], row["notes"].split(",")[0])
        spells[key].append((parse_date(row["start"]), end))
    overlaps = []
    for key, periods in spells.items():
        periods.sort()
        for (_, end), (start, _) in itertools.pairwise(periods):
            if start < end:
                overlaps.append(key)
    assert overlaps == []


def test_kb_data_people_surname_is_not_an_alias():
    bad = []
    for number, row in rows("kb_people.tsv"):
        surname = row["name"].split()[-1]
        if len(row["name"].split()) > 1 and surname in split(row["aliases"]):
            bad.append((number, row["name"]))
    assert bad == []


@pytest.mark.parametrize("name", ["kb_organisations.tsv", "kb_people.tsv"])
def test_kb_data_alias_differs_from_name(name):
    bad = [n for n, row in rows(name) if row["name"] in split(row["aliases"])]
    assert bad == []


def test_kb_data_people_enough_rows():
    assert len(rows("kb_people.tsv")) >= 700


@pytest.mark.parametrize(
    "text, iso3",
    [
        ("Kiev", "UKR"),
        ("Kyiv", "UKR"),
        ("Burma", "MMR"),
        ("Zaire", "COD"),
        ("USSR", "RUS"),
        ("Yugoslavia", "SRB"),
        ("Swaziland", "SWZ"),
        ("Czechoslovakia", "CZE"),
        ("Ivory Coast", "CIV"),
        ("Türkiye", "TUR"),
        ("U.S.", "USA"),
        ("Britons", "GBR"),
        ("Russians", "RUS"),
        ("Pristina", "XKX"),
        ("Chechens", "RUS"),
        ("Tibetan", "CHN"),
        ("Igbo", "NGA"),
        ("Kampuchean", "KHM"),
        ("Yugoslav", "SRB"),
    ],
)
def test_kb_data_countries_spot_checks(text, iso3):
    assert countries_by_string()[text.casefold()] == {iso3}


@pytest.mark.parametrize(
    "phrase, iso3, sector",
    [
        ("Kremlin", "RUS", "GOV"),
        ("White House", "USA", "GOV"),
        ("Pentagon", "USA", "MIL"),
        ("Capitol Hill", "USA", "LEG"),
        ("Élysée Palace", "FRA", "GOV"),
        ("Zhongnanhai", "CHN", "GOV"),
    ],
)
def test_kb_data_metonyms_spot_checks(phrase, iso3, sector):
    found = [
        (row["iso3"], row["sector"])
        for _, row in rows("kb_metonyms.tsv")
        if phrase in split(row["phrase"])
    ]
    assert found == [(iso3, sector)]


@pytest.mark.parametrize(
    "alias, name, country, sector",
    [
        ("IRGC", "Islamic Revolutionary Guard Corps", "IRN", "MIL"),
        ("State Department", "US Department of State", "USA", "GOV"),
        ("Congress", "US Congress", "USA", "LEG"),
        ("Daesh", "Islamic State", "", "IMG"),
        ("TASS", "TASS", "RUS", "MED"),
        ("IDF", "Israel Defense Forces", "ISR", "MIL"),
        ("UNHCR", "UN Refugee Agency", "", "IGO"),
        ("EEC", "European Community", "", "IGO"),
        ("ICC", "International Criminal Court", "", "IGO"),
        ("al-Qaida", "al-Qaeda", "", "IMG"),
        ("UNITA", "National Union for the Total Independence of Angola", "AGO", "REB"),
    ],
)
def test_kb_data_organisations_spot_checks(alias, name, country, sector):
    found = [
        (row["name"], row["country"], row["sector"])
        for _, row in rows("kb_organisations.tsv")
        if alias == row["name"] or alias in split(row["aliases"])
    ]
    assert found == [(name, country, sector)]


@pytest.mark.parametrize(
    "name, role, start, end",
    [
        ("Vladimir Putin", "President", "2012-05-07", ""),
        ("Vladimir Putin", "Prime Minister", "2008-05-08", "2012-05-07"),
        ("Sergey Lavrov", "Foreign Minister", "2004-03-09", ""),
        ("Barack Obama", "President", "2009-01-20", "2017-01-20"),
        ("Robert Mugabe", "President", "1987-12-31", "2017-11-21"),
        ("Carlos Menem", "President", "1989-07-08", "1999-12-10"),
        ("António Guterres", "Secretary-General", "2017-01-01", ""),
    ],
)
def test_kb_data_people_spot_checks(name, role, start, end):
    found = [
        row["end"]
        for _, row in rows("kb_people.tsv")
        if (row["name"], row["role"], row["start"]) == (name, role, start)
    ]
    assert found == [end]


@pytest.mark.parametrize("alias, name", [("Sergei Lavrov", "Sergey Lavrov")])
def test_kb_data_people_alias_spot_checks(alias, name):
    names = {row["name"] for _, row in rows("kb_people.tsv") if alias in split(row["aliases"])}
    assert names == {name}


def test_kb_data_metonym_bodies_are_organisations_of_the_same_state():
    bodies = {row["name"]: row for _, row in rows("kb_organisations.tsv")}
    linked = [(n, row) for n, row in rows("kb_metonyms.tsv") if row["body"]]
    assert len(linked) >= 10
    for number, row in linked:
        body = bodies.get(row["body"])
        assert body is not None, f"kb_metonyms.tsv:{number}: no organisation {row['body']!r}"
        assert (body["country"], body["sector"]) == (row["iso3"], row["sector"]), number
