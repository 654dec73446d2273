"""Dates as people write them, read to the ISO 8601 that front matter takes.

Front matter stays strict: `date: 5 марта 2019, 14:30` is an error, but one that says the exact value to write
(`write date: 2019-03-05T14:30:00`), and why a date is none where it is impossible (`2019-02-30`: February 2019 has
28 days). `ssg new --date` takes these forms and writes the ISO date. Dates in words (Russian and English, with
weekdays, `MSK` or `+0300`) are read by the `dateparser` library, imported only here, on the path of an error or of
`ssg new`: a build of good articles never loads it.
"""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date, datetime
from datetime import timezone as dt_timezone
from typing import Any, NamedTuple

DATE_HINT = "use 2021-05-24 or 2021-05-24T10:15:00+03:00"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")

# A date in numbers, not as ISO 8601 writes it: the day or month first (31.12.2025, 12/31/2025), or the year first with
# other marks or digits short (2025.12.31, 2025-1-5); maybe with a time (31.12.2025 10:15).
_TIME = r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
_NUMBERS_FIRST = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})" + _TIME)
_YEAR_FIRST = re.compile(r"(\d{4})([./-])(\d{1,2})\2(\d{1,2})" + _TIME)
_ISO_LIKE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")  # (2019-02-30, 2024-12-32T10:00)
# Moscow time as Russian outlets write it (`14:30 мск`, `по московскому времени`), which dateparser knows as MSK only.
_MOSCOW = re.compile(r"\(?\bмск\b\)?|по\s+московскому\s+времени|по\s+москве", re.I)


class Reading(NamedTuple):
    """One way to read a date written otherwise: its ISO 8601 text, and whether that names an offset and a time."""

    iso: str  # 2019-03-05T14:30:00+03:00, 2019-03-05T14:30:00 or 2019-03-05
    zoned: bool  # the text named its offset (+0300, MSK, UTC): without one, the site's time zone applies
    timed: bool

    @property
    def day(self) -> date:
        return date.fromisoformat(self.iso[:10])


def readings(value: Any) -> list[Reading]:
    """The ISO dates a text that is no ISO 8601 date can mean: none (no date, or no year, which a guess would get wrong
    for an archive of past news), one, or two where the day and the month may come first either way (01.02.2025),
    the day first before the month first."""
    text = str(value).strip()
    numbers = _in_numbers(text)
    if numbers is not None:
        return numbers
    if not re.search(r"\d{4}", text):  # (`May 24`: no year)
        return []
    found = []
    for order in ("DMY", "MDY"):
        parsed = _parser(order).get_date_data(_MOSCOW.sub("MSK", text))
        if parsed.date_obj is not None and str(parsed.date_obj.year) in text:
            found.append(_reading(parsed.date_obj, parsed.period == "time"))
    return list(dict.fromkeys(found))


def impossible(value: Any) -> str | None:
    """Why a date in numbers names no day of the calendar (`2019-02-30`: February 2019 has 28 days), or None where it
    is not such a date. A date whose numbers read either way is impossible only when the day-first reading is."""
    text = str(value).strip()
    if match := _ISO_LIKE.fullmatch(text):
        year, month, day = map(int, match.groups())
    elif match := _YEAR_FIRST.fullmatch(text):
        year, month, day = int(match[1]), int(match[3]), int(match[4])
    elif match := _NUMBERS_FIRST.fullmatch(text):
        year, month, day = int(match[4]), int(match[3]), int(match[1])
        if _day(year, day, month) is not None:  # (it reads month first)
            return None
    else:
        return None
    if not 1 <= month <= 12:
        swapped = (
            f": {year}-{day:02d}-{month:02d} if it is {month} {MONTHS[day - 1]}"
            if 1 <= day <= 12 and 1 <= month <= calendar.monthrange(year, day)[1]
            else ""
        )
        return f"there is no month {month} (in ISO 8601 the month comes before the day{swapped})"
    if day < 1:
        return f"there is no day {day}"
    length = calendar.monthrange(year, month)[1]
    if day > 31:
        return "a month has at most 31 days"
    if day > length:
        return f"{MONTHS[month - 1]} {year} has {length} days"
    return None


def date_fix(value: Any, key: str, timezone: str) -> str:
    """What the error on `key: value`, a date that is not ISO 8601, says after the value: why it is no date, or the
    exact value to write (`write date: 2019-03-05T14:30:00+03:00`), saying whose time zone a time without an offset
    is in; the generic hint where the text reads as no date."""
    why = impossible(value)
    if why:
        return f"is not a date: {why}"
    found = readings(value)
    if not found:
        return f"is not a date ({DATE_HINT})"
    return f"is not an ISO 8601 date ({write(found, f'{key}: ', timezone)})"


def write(found: list[Reading], label: str, timezone: str) -> str:
    """`write date: 2019-03-05T14:30:00+03:00`, or both readings of a date that may be either (`label` is how the value
    is given: `date: `, `--date `); a time without an offset is in the site's time zone, which is said."""
    if len(found) == 1:
        text = f"write {label}{found[0].iso}"
    else:
        text = "write " + ", or ".join(f"{label}{r.iso} if it is {r.day.day} {MONTHS[r.day.month - 1]}" for r in found)
    if any(r.timed and not r.zoned for r in found):
        text += f"; with no offset written, the time is in the site's time zone, {timezone}"
    return text


def _in_numbers(text: str) -> list[Reading] | None:
    """The readings of a date written in numbers alone (31.12.2025 10:15, 2025-1-5); None for another text."""
    if match := _YEAR_FIRST.fullmatch(text):
        year, month, day = int(match[1]), int(match[3]), int(match[4])
        days = [(year, month, day)]
    elif match := _NUMBERS_FIRST.fullmatch(text):
        first, second, year = int(match[1]), int(match[3]), int(match[4])
        days = list(dict.fromkeys([(year, second, first), (year, first, second)]))  # day first, then month first
    else:
        return None
    clock = ""
    if match[5] is not None:
        hours, minutes, seconds = int(match[5]), int(match[6]), int(match[7] or 0)
        if hours > 23 or minutes > 59 or seconds > 59:
            return []
        clock = f"T{hours:02d}:{minutes:02d}:{seconds:02d}"
    return [Reading(day.isoformat() + clock, False, bool(clock)) for day in map(lambda d: _day(*d), days) if day is not None]


def _reading(moment: datetime, timed: bool) -> Reading:
    if not timed:
        return Reading(moment.date().isoformat(), False, False)
    offset = moment.utcoffset()
    if offset is not None:  # (dateparser's own time zone class: as a fixed offset, which prints as +03:00)
        moment = moment.replace(tzinfo=dt_timezone(offset))
    return Reading(moment.isoformat(timespec="seconds"), offset is not None, True)


@functools.cache
def _parser(order: str) -> Any:
    """dateparser's reader of Russian and English dates with the day, month and year all written (no relative dates:
    "вчера" would be the day of the build), taking numbers in this `order` (DMY, MDY). Imported here, when first asked:
    it takes a tenth of a second and more, which a build of good articles never pays."""
    from dateparser.date import DateDataParser

    settings = {
        "PARSERS": ["custom-formats", "absolute-time"],
        "RETURN_TIME_AS_PERIOD": True,  # (to tell `5 March 2019` from `5 March 2019 00:00`)
        "DATE_ORDER": order,
        "PREFER_LOCALE_DATE_ORDER": False,
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    return DateDataParser(languages=["ru", "en"], settings=settings)


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
