"""Resolve date expressions in news text against the publication date.

News dates are mostly relative ("Tuesday", "last week", "earlier in the day"),
and a weekday alone means the most recent such day for past events and the next
one for future events. The result is an ISO 8601 string with the precision the
text gives: ``2019-05-14`` (day), ``2019-05`` (month), ``2019`` (year). A week
resolves to its Monday with precision ``week``.

Common patterns are handled here, quickly; other absolute dates go to
``dateparser`` (imported on first use).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Literal

Direction = Literal["past", "future"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH = {m: i for i, m in enumerate(MONTHS, start=1)}
_MONTH.update({m[:3]: i for i, m in enumerate(MONTHS, start=1)})
_MONTH["sept"] = 9
_NUMBER = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "several": None,
    "few": None,
}
_PARTS_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_FILLER = re.compile(r"^(?:on|in|at|during|since|by|from|until|of|the|as of)\s+")


@functools.cache
def resolve_date(
    text: str, published: dt.date | None, direction: Direction = "past"
) -> tuple[str | None, str]:
    """Resolve a date expression to an ISO string and its precision.

    Args:
        text: The expression as written ("Tuesday", "last week", "May 14, 2019", "in 2015").
        published: The publication date relative expressions count from; without it only
            absolute dates resolve.
        direction: Whether an ambiguous relative date ("Tuesday", "in May") lies before or
            after publication; use ``"future"`` for events stated in the future tense.

    Returns:
        ``(iso, precision)`` with precision one of ``day``, ``week``, ``month``, ``year``;
        ``(None, "none")`` when the text is not a resolvable date.
    """
    phrase = re.sub(r"\s+", " ", text.strip().lower().replace("’", "'")).rstrip(".,")
    while (stripped := _FILLER.sub("", phrase)) != phrase:
        phrase = stripped
    result = _absolute(phrase)
    if result is None and published is not None:
        result = _relative(phrase, published, direction)
    if result is None and re.search(r"\d", phrase) and re.search(r"[a-z]{3}", phrase):
        result = _dateparser(phrase, published)
    if result is None:
        return None, "none"
    day, precision = result
    return _format(day, precision), precision


def _format(day: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _absolute(phrase: str) -> tuple[dt.date, str] | None:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", phrase):
        return _safe_date(int(m[1]), int(m[2]), int(m[3]), "day")
    if m := re.fullmatch(r"(?:the )?(?:year )?((?:19|20)\d\d)", phrase):
        return dt.date(int(m[1]), 1, 1), "year"
    month = r"([a-z]{3,9})\.?"
    if m := re.fullmatch(rf"{month} (\d{{1,2}})(?:st|nd|rd|th)?,? ((?:19|20)\d\d)", phrase):
        return _month_day(m[1], int(m[2]), int(m[3]))
    if m := re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{month},? ((?:19|20)\d\d)", phrase):
        return _month_day(m[2], int(m[1]), int(m[3]))
    if (m := re.fullmatch(rf"{month},? ((?:19|20)\d\d)", phrase)) and m[1] in _MONTH:
        return dt.date(int(m[2]), _MONTH[m[1]], 1), "month"
    return None


def _month_day(month: str, day: int, year: int) -> tuple[dt.date, str] | None:
    if month not in _MONTH:
        return None
    return _safe_date(year, _MONTH[month], day, "day")


def _safe_date(year: int, month: int, day: int, precision: str) -> tuple[dt.date, str] | None:
    try:
        return dt.date(year, month, day), precision
    except ValueError:
        return None


def _relative(phrase: str, published: dt.date, direction: Direction) -> tuple[dt.date, str] | None:
    day_words = {
        "today": 0,
        "tonight": 0,
        "this morning": 0,
        "this afternoon": 0,
        "this evening": 0,
        "earlier today": 0,
        "earlier in the day": 0,
        "later in the day": 0,
        "later today": 0,
        "yesterday": -1,
        "last night": -1,
        "overnight": 0,
        "tomorrow": 1,
        "the day before": -1,
        "the previous day": -1,
    }
    base = re.sub(rf"^(yesterday|tomorrow){_PARTS_OF_DAY}$", r"\1", phrase)
    if base in day_words:
        return published + dt.timedelta(days=day_words[base]), "day"
    if (
        m := re.fullmatch(
            rf"(last |next |this |this past |this coming )?([a-z]+){_PARTS_OF_DAY}", phrase
        )
    ) and m[2] in WEEKDAYS:
        return _weekday(WEEKDAYS.index(m[2]), (m[1] or "").strip(), published, direction), "day"
    if m := re.fullmatch(
        r"(last|next|this|earlier this|later this|the past|the previous) (week|month|year)", phrase
    ):
        return _period(m[1], m[2], published)
    if m := re.fullmatch(r"(\w+) (day|week|month|year)s? (ago|earlier|later|from now)", phrase):
        n = int(m[1]) if m[1].isdigit() else _NUMBER.get(m[1])
        if n is None:
            return None
        sign = 1 if m[3] in ("later", "from now") else -1
        return _shift(published, m[2], sign * n)
    if (
        m := re.fullmatch(
            r"(?:early |mid-|late |the end of |the beginning of )?([a-z]{3,9})\.?", phrase
        )
    ) and m[1] in _MONTH:
        return _month(_MONTH[m[1]], published, direction), "month"
    if m := re.fullmatch(r"([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?", phrase) or re.fullmatch(
        r"(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]{3,9})\.?", phrase
    ):
        month, day = (m[1], m[2]) if m[1].isalpha() else (m[2], m[1])
        if month in _MONTH:
            return _day_in_year(_MONTH[month], int(day), published, direction)
    return None


def _weekday(index: int, qualifier: str, published: dt.date, direction: Direction) -> dt.date:
    back = (published.weekday() - index) % 7
    ahead = (index - published.weekday()) % 7
    if qualifier == "last" or qualifier == "this past":
        return published - dt.timedelta(days=back or 7)
    if qualifier in ("next", "this coming"):
        return published + dt.timedelta(days=ahead or 7)
    if direction == "future":
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back)


def _period(qualifier: str, unit: str, published: dt.date) -> tuple[dt.date, str]:
    step = {"last": -1, "the past": -1, "the previous": -1, "next": 1}.get(qualifier, 0)
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday())
        return monday + dt.timedelta(weeks=step), "week"
    if unit == "month":
        months = published.year * 12 + published.month - 1 + step
        return dt.date(months // 12, months % 12 + 1, 1), "month"
    return dt.date(published.year + step, 1, 1), "year"


def _shift(published: dt.date, unit: str, n: int) -> tuple[dt.date, str]:
    if unit == "day":
        return published + dt.timedelta(days=n), "day"
    if unit == "week":
        day = published + dt.timedelta(weeks=n)
        return day - dt.timedelta(days=day.weekday()), "week"
    if unit == "month":
        months = published.year * 12 + published.month - 1 + n
        return dt.date(months // 12, months % 12 + 1, 1), "month"
    return dt.date(published.year + n, 1, 1), "year"


def _month(month: int, published: dt.date, direction: Direction) -> dt.date:
    year = published.year
    if direction == "past" and month > published.month:
        year -= 1
    elif direction == "future" and month < published.month:
        year += 1
    return dt.date(year, month, 1)


def _day_in_year(
    month: int, day: int, published: dt.date, direction: Direction
) -> tuple[dt.date, str] | None:
    found = _safe_date(published.year, month, day, "day")
    if found is None:
        return None
    date = found[0]
    # Without a year, a date more than two months on the wrong side of publication is
    # read as the same date in the neighbouring year.
    if direction == "past" and date > published + dt.timedelta(days=2):
        return _safe_date(published.year - 1, month, day, "day")
    if direction == "future" and date < published - dt.timedelta(days=2):
        return _safe_date(published.year + 1, month, day, "day")
    return found


def _dateparser(phrase: str, published: dt.date | None) -> tuple[dt.date, str] | None:
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["year"]}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    try:
        parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    return (parsed.date(), "day") if parsed else None
