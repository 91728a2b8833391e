import datetime as dt

import pytest

from dyads.dates import resolve_date

TUESDAY = dt.date(2024, 3, 5)


@pytest.mark.parametrize(
    "text, direction, expected",
    [
        ("Tuesday", "past", ("2024-03-05", "day")),
        ("on Monday", "past", ("2024-03-04", "day")),
        ("Wednesday", "past", ("2024-02-28", "day")),
        ("Wednesday", "future", ("2024-03-06", "day")),
        ("last Tuesday", "past", ("2024-02-27", "day")),
        ("next Friday", "past", ("2024-03-08", "day")),
        ("Sunday night", "past", ("2024-03-03", "day")),
        ("yesterday", "past", ("2024-03-04", "day")),
        ("Yesterday morning", "past", ("2024-03-04", "day")),
        ("earlier in the day", "past", ("2024-03-05", "day")),
        ("tomorrow", "future", ("2024-03-06", "day")),
        ("last week", "past", ("2024-02-26", "week")),
        ("next week", "future", ("2024-03-11", "week")),
        ("last month", "past", ("2024-02", "month")),
        ("last year", "past", ("2023", "year")),
        ("in 2015", "past", ("2015", "year")),
        ("three days ago", "past", ("2024-03-02", "day")),
        ("two years ago", "past", ("2022", "year")),
        ("May 14, 2019", "past", ("2019-05-14", "day")),
        ("14 May 2019", "past", ("2019-05-14", "day")),
        ("Jan. 3", "past", ("2024-01-03", "day")),
        ("December 20", "past", ("2023-12-20", "day")),
        ("December 20", "future", ("2024-12-20", "day")),
        ("in June", "past", ("2023-06", "month")),
        ("March 2022", "past", ("2022-03", "month")),
        ("2019-05-14", "past", ("2019-05-14", "day")),
        ("the 1990s", "past", (None, "none")),
        ("several days", "past", (None, "none")),
    ],
)
def test_dates_resolve(text, direction, expected):
    assert resolve_date(text, TUESDAY, direction) == expected


def test_dates_relative_needs_publication_date():
    assert resolve_date("Tuesday", None) == (None, "none")
    assert resolve_date("May 14, 2019", None) == ("2019-05-14", "day")
