import pytest

from dyads.places import locate, region_country


@pytest.mark.parametrize(
    "name, prefer, country, has_point",
    [
        ("Aleppo", (), "SYR", True),
        ("Kiev", (), "UKR", True),
        ("the Gaza Strip", (), "PSE", True),
        ("Washington", (), "USA", True),
        ("Washington", ("GBR",), "GBR", True),
        ("Syria", (), "SYR", False),
        ("South China Sea", (), None, True),
    ],
)
def test_places_locate(name, prefer, country, has_point):
    place = locate(name, prefer)
    assert place is not None
    assert place.country == country
    assert (place.lat is not None) == has_point


@pytest.mark.parametrize("name", ["Nowhereville Xyz", "the committee", ""])
def test_places_unknown(name):
    assert locate(name) is None


@pytest.mark.parametrize(
    "name, country, has_point",
    [
        # First-level subdivisions from ISO 3166-2, written without accents.
        ("Karnataka", "IND", False),
        ("New South Wales", "AUS", False),
        ("Zamfara", "NGA", False),
        # A state with a same-named city takes the city's point.
        ("Lagos", "NGA", True),
    ],
)
def test_places_states_and_provinces(name, country, has_point):
    place = locate(name)
    assert place is not None
    assert place.country == country
    assert (place.lat is not None) == has_point


@pytest.mark.parametrize(
    "name, country",
    [("Tamil Nadu", "IND"), ("New Mexico", "USA"), ("Sindh", "PAK"), ("Ibadan", None)],
)
def test_places_region_country_names_states_not_towns(name, country):
    assert region_country(name) == country


@pytest.mark.parametrize("name", ["Central", "North West", "Delta", "Unity"])
def test_places_generic_subdivision_names_are_left_out(name):
    assert region_country(name) is None


def test_places_own_name_outranks_an_alternate_spelling():
    # "Puno" is Peru's region (and town), though a bigger city lists it as a spelling.
    place = locate("Puno")
    assert place is not None and (place.name, place.country) == ("Puno", "PER")
