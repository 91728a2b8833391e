import pytest

from dyads.places import locate


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
