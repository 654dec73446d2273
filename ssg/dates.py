"""Dates as people write them, read to the ISO 8601 that front matter takes.

Front matter stays strict: `date: 5 марта 2019, 14:30` is an error, but one that says the exact value to write
(`write date: 2019-03-05T14:30:00`), and why a date is none where it is impossible (`2019-02-30`: February 2019 has
28 days). `ssg new --date` takes these forms and writes the ISO date. Dates in words (Russian and English, with
weekdays, `MSK` or `+0300`) are read by the `dateparser` library, imported only here, on the path of an error or of
`ssg new`: a build of good articles never loads it.

A date relative to when it was copied (`сегодня в 09:15`, `вчера, 18:30`, `2 hours ago`), as news sites show their
latest items, is read by `relative`, a small parser of the common Russian and English forms, not by dateparser: it
reads most of them (given the build's moment as its RELATIVE_BASE), but fills in the moment's time where the text gave
none (`вчера` became yesterday at the build's hour, a time the news never had, where the message must name the day
alone), tells no text that depends on the moment from one that does not, and misses `только что`. Front matter refuses them (what a file says must
not change with the day it is built) with the day it would be if copied then; `ssg new --date` writes that day.
"""

from __future__ import annotations

import calendar
import functools
import re
import zoneinfo
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from datetime import timezone as dt_timezone
from typing import Any, NamedTuple

from babel.dates import get_month_names

DATE_HINT = "use 2021-05-24 or 2021-05-24T10:15:00+03:00"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")

# A date in numbers, not as ISO 8601 writes it: the day or month first (31.12.2025, 12/31/2025), or the year first with
# other marks or digits short (2025.12.31, 2025-1-5); maybe with a time (31.12.2025 10:15).
_TIME = r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
_NUMBERS_FIRST = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})" + _TIME)
_YEAR_FIRST = re.compile(r"(\d{4})([./-])(\d{1,2})\2(\d{1,2})" + _TIME)
# A day and a month in numbers without the year, maybe with a time (09.07 09:51, as a news site's latest list shows it).
_NO_YEAR = re.compile(r"(\d{1,2})[./](\d{1,2})" + _TIME)
_A_YEAR = re.compile(r"(?<![\d+:-])\d{4}(?!\d)")  # four digits that are no offset's (+0300)
YEAR = "YYYY"  # what a message writes for a year the text did not give
YEAR_HOLDER = 2000  # the year such a text is read in: a leap year, so that 29 February is a day
# An offset written in hours alone after a time (`10:15 +3`, as people write Moscow's), which dateparser does not read.
_SHORT_OFFSET = re.compile(r"(\d{1,2}:\d{2}(?::\d{2})?)\s*([+-])(\d{1,2})$")
_ISO_LIKE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")  # (2019-02-30, 2024-12-32T10:00)
_CLOCK = re.compile(r"[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?")  # the time after an ISO-like day (10:66:00 in a clipper's)
# Moscow time as Russian outlets write it (`14:30 мск`, `по московскому времени`), which dateparser knows as MSK only.
_MOSCOW = re.compile(r"\(?\b(?:мск|msk)\b\)?|по\s+московскому\s+времени|по\s+москве", re.I)
# A zone named after a time, which is that zone's time on that day: dateparser gives each one offset (MSK +03:00, ET
# -05:00), an hour off for Moscow from 2011 to 2014 (UTC+4) and for an American summer's time (EDT, -04:00). A name of
# one offset (EST, EDT, CET, UTC, +0300) is left to dateparser.
_ZONE_NAMED = (
    (_MOSCOW, "Europe/Moscow"),
    (re.compile(r"\bET\b"), "America/New_York"),
    (re.compile(r"\bCT\b"), "America/Chicago"),
    (re.compile(r"\bMT\b"), "America/Denver"),
    (re.compile(r"\bPT\b"), "America/Los_Angeles"),
)


# A day named from today, maybe with the time: `сегодня в 09:15`, `Вчера, 18:30`, `today at 9:15`, `yesterday 18:30`,
# and one ahead, as an editor schedules an article (`завтра в 10:00`, `tomorrow 10:00`: a day back of -1).
_DAYS_BACK = {"сегодня": 0, "вчера": 1, "позавчера": 2, "today": 0, "yesterday": 1, "завтра": -1, "послезавтра": -2, "tomorrow": -1}
_NAMED_DAY = re.compile(
    r"(сегодня|вчера|позавчера|завтра|послезавтра|today|yesterday|tomorrow)(?:\s*,?\s*(?:в|at)?\s*(\d{1,2})[:.](\d{2}))?", re.I
)
# A time back from now: `5 минут назад`, `час назад`, `2 hours ago`, `an hour ago`; `только что`, `just now`.
_UNITS = {"сек": 1, "мин": 60, "час": 3600, "ден": 86400, "дн": 86400, "second": 1, "sec": 1, "minute": 60, "min": 60}
_UNITS |= {"hour": 3600, "hr": 3600, "day": 86400}
_AGO = re.compile(
    r"(?:(\d+|an?|одну|один|одна)\s+)?(секунд[уы]?|сек|минут[уы]?|мин|час(?:а|ов)?|день|дня|дней|"
    r"seconds?|secs?|minutes?|mins?|hours?|hrs?|days?)\.?\s+(назад|ago)",
    re.I,
)
_JUST_NOW = re.compile(r"только\s+что|just\s+now", re.I)
# A time ahead: `через 2 часа`, `через час`, `in 2 hours`, `in an hour` (an article scheduled from now).
_AHEAD = re.compile(
    r"(?:через|in)\s+(?:(\d+|an?|одну|один|одна)\s+)?(секунд[уы]?|сек|минут[уы]?|мин|час(?:а|ов)?|день|дня|дней|"
    r"seconds?|secs?|minutes?|mins?|hours?|hrs?|days?)\.?",
    re.I,
)
# A day in eight digits without marks (20210524), as a database's export or a file's name writes it.
_COMPACT_DAY = re.compile(r"(\d{4})(\d{2})(\d{2})")
# A Unix time, as CMS databases and APIs export a date: seconds since 1970 (nine or ten digits: 1973 to 2286, maybe with
# a fraction), or milliseconds (thirteen digits, JavaScript's Date.now()); read as one up to a year from now.
_UNIX_TIME = re.compile(r"(\d{9,10})(?:\.\d+)?|(\d{13})")
UNIX_TIME_AHEAD = timedelta(days=366)


class Relative(NamedTuple):
    """A date written relative to when it was read (`вчера в 18:30`), and the ISO 8601 date it is at a given moment."""

    iso: str  # in the site's time zone, without an offset (`2026-12-05T18:30:00`), or a day alone (`вчера`)
    timed: bool


def relative(value: Any, now: datetime, timezone: str) -> Relative | None:
    """What `value` means at `now` if it is a date relative to the moment it was read, in the site's `timezone`: a
    named day (`сегодня`, `вчера`, `позавчера`, `today`, `yesterday`, and ahead `завтра`, `послезавтра`, `tomorrow`;
    with a time or not) or a time back or ahead (`5 минут назад`, `2 hours ago`, `только что`, `через 2 часа`, `in
    an hour`); None for any other text. A time back is kept to the minute (a page
    showing `5 минут назад` rounded it to that already); days back name the day alone. None too for a day before the
    year 1 or after 9999 (`99999999 дней назад`, `вчера` at `--clock 0001-01-02T00:00:00+00:00`), which stopped the
    build, and `ssg new --date`, on "OverflowError: date value out of range"."""
    try:
        return _relative(value, now, timezone)
    except OverflowError:
        return None


def _relative(value: Any, now: datetime, timezone: str) -> Relative | None:
    text = " ".join(str(value).split()).strip()
    local = now.astimezone(zoneinfo.ZoneInfo(timezone))
    if match := _NAMED_DAY.fullmatch(text):
        day = local.date() - timedelta(days=_DAYS_BACK[match[1].lower()])
        if match[2] is None:
            return Relative(day.isoformat(), False)
        hours, minutes = int(match[2]), int(match[3])
        if hours > 23 or minutes > 59:
            return None
        return Relative(f"{day.isoformat()}T{hours:02d}:{minutes:02d}:00", True)
    if match := _AGO.fullmatch(text) or _AHEAD.fullmatch(text):
        count = int(match[1]) if match[1] and match[1].isdigit() else 1
        unit = next(seconds for stem, seconds in _UNITS.items() if match[2].lower().startswith(stem))
        back = count * unit if match.re is _AGO else -count * unit
        then = (now - timedelta(seconds=back)).astimezone(local.tzinfo).replace(second=0, microsecond=0, tzinfo=None)
        if unit == 86400:  # (`3 дня назад` names a day; its time is the time it was read, which the article never had)
            return Relative(then.date().isoformat(), False)
    elif _JUST_NOW.fullmatch(text):
        then = local.replace(second=0, microsecond=0, tzinfo=None)
    else:
        return None
    return Relative(then.isoformat(), True)


def relative_fix(value: Any, label: str, now: datetime, timezone: str) -> str | None:
    """What the error on a relative date in front matter says after the value (`relative`): that it is relative to
    when it was copied, and what to write if it was copied at `now` (the build's moment); None for another text."""
    found = relative(value, now, timezone)
    if found is None:
        return None
    zone = f"; with no offset written, the time is in the site's time zone, {timezone}" if found.timed else ""
    today = now.astimezone(zoneinfo.ZoneInfo(timezone)).date().isoformat()
    return f"is a date relative to when it was copied: write the day it means (if it was copied today, {today}, write {label}{found.iso}{zone})"


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
    text = _SHORT_OFFSET.sub(lambda m: f"{m[1]} {m[2]}{int(m[3]):02d}:00", str(value).strip())
    named = next(((pattern, name) for pattern, name in _ZONE_NAMED if pattern.search(text)), None)
    zone = named[1] if named else None
    if named:
        text = named[0].sub(" ", text).strip(" ,")
    numbers = _in_numbers(text)
    if numbers is not None:
        return [_in_zone(reading, zone) for reading in numbers]
    if not re.search(r"\d{4}", text):  # (`May 24`: no year)
        return []
    found = []
    for order in ("DMY", "MDY"):
        parsed = _parser(order).get_date_data(text)
        if parsed.date_obj is not None and str(parsed.date_obj.year) in text:
            found.append(_in_zone(_reading(parsed.date_obj, parsed.period == "time"), zone))
    return list(dict.fromkeys(found))


def _in_zone(reading: Reading, zone: str | None) -> Reading:
    """`reading` with the offset `zone` had at its time, where the text named that zone and no offset (a day alone
    has none)."""
    if zone is None or not reading.timed or reading.zoned:
        return reading
    moment = datetime.fromisoformat(reading.iso).replace(tzinfo=zoneinfo.ZoneInfo(zone))
    return Reading(moment.replace(tzinfo=dt_timezone(moment.utcoffset())).isoformat(timespec="seconds"), True, True)


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
    elif (match := _WORDED.fullmatch(text)) and (month := _month_named(match[2])):
        year, day = int(match[3]), int(match[1])  # (31 апреля 2015: dateparser reads no day, and tells none)
    elif (match := _MONTH_WORDED_FIRST.fullmatch(text)) and (month := _month_named(match[1])):
        year, day = int(match[3]), int(match[2])  # (April 31, 2015)
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
    return _impossible_time(text[match.end(3) :] if match.re is _ISO_LIKE else "")


# A day, its month in words and a year, as Russian, British and German sites write them (`31 апреля 2015 г., 10:00`,
# `31 June 2015`, `31st June 2015`, `31. April 2015`); and the month first, as American ones do (`April 31, 2015`).
_WORDED = re.compile(r"(\d{1,2})(?:\.|st|nd|rd|th)?\s+(?:of\s+)?([^\W\d_]+\.?),?\s+(\d{4})(?!\d).*", re.DOTALL)
_MONTH_WORDED_FIRST = re.compile(r"([^\W\d_]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d).*", re.DOTALL)
WORDED_LANGUAGES = ("ru", "en", "uk", "de")  # (the languages of the default theme's strings)


def _month_named(word: str) -> int | None:
    """The number of the month `word` names in one of `WORDED_LANGUAGES` (апреля, апр., April, Apr), as Babel spells
    them, or None."""
    return _month_numbers().get(word.rstrip(".").casefold())


@functools.cache
def _month_numbers() -> dict[str, int]:
    """Each month's names, case folded, without a final dot -> its number (read once a process, where one is asked)."""
    numbers: dict[str, int] = {}
    for lang in WORDED_LANGUAGES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, lang).items():
                    numbers.setdefault(name.rstrip(".").casefold(), number)
    return numbers


def _impossible_time(text: str) -> str | None:
    """Why the time after an ISO-like day is no time of a day (`T10:66:00`: there is no minute 66), or None."""
    clock = _CLOCK.match(text)
    if clock is None:
        return None
    for value, unit, most in zip(clock.groups(), ("hour", "minute", "second"), (23, 59, 59), strict=True):
        if value is not None and int(value) > most:
            return f"there is no {unit} {int(value)} (a day's time runs from 00:00:00 to 23:59:59)"
    return None


def understand(value: Any, label: str, timezone: str) -> tuple[str | None, str]:
    """A date that is not ISO 8601 (`5 марта 2019, 14:30`, `2019-02-30`, `01.07.2019`), as both the reader and `ssg new
    --date` take it: the ISO 8601 text it means where it reads one way only (else None), and what to say after the
    value where it is refused: why it is no date, the exact value to write (`write date: 2019-03-05T14:30:00+03:00`,
    `label` being how the value is given: `date: `, `--date `), or the generic hint where it reads as no date. The
    reader refuses even the one reading (front matter stays ISO 8601); `ssg new` writes it."""
    unix = unix_time(value, timezone)
    if unix is not None:
        return unix, (
            f"is not an ISO 8601 date: a Unix time, {'milli' * _in_milliseconds(value)}seconds since 1970"
            f" (write {label}{unix}, that moment in the site's time zone, {timezone})"
        )
    if (compact := _COMPACT_DAY.fullmatch(str(value).strip())) and (day := _day(*map(int, compact.groups()))):
        # (YAML reads it as a number; in quotes, ISO 8601's basic form, it is read as the day)
        return day.isoformat(), f"is a number to YAML, not a date ({write([Reading(day.isoformat(), False, False)], label, timezone)})"
    if isinstance(value, float) and re.fullmatch(r"\d+\.\d", repr(value)):
        # (`date: 10.10` is YAML's number 10.1, whose digits read as 10 January or 1 October: both wrong. Two digits
        # after the dot, 29.02, are the ones written, a day's zero before the dot aside, and read as the text would.)
        return None, (
            f"is a number to YAML, which drops a trailing zero ({value}0 is read as {value}), so its day and month are not"
            f" known: write the full date, with its year, in ISO 8601 ({label}YYYY-MM-DD)"
        )
    why = impossible(value)
    if why:
        return None, f"is not a date: {why}"
    found = readings(value)
    if not found:
        yearless = _without_year(str(value).strip())
        if yearless:
            return None, f"has no year ({write(yearless, label, timezone, YEAR)})"
        return None, f"is not a date ({DATE_HINT})"
    return (found[0].iso if len(found) == 1 else None), f"is not an ISO 8601 date ({write(found, label, timezone)})"


def local_time_doubt(value: Any, timezone: str) -> str | None:
    """What to say of a time written without an offset that the site's `timezone` never showed (its clocks moved on:
    2024-03-10T02:30 in New York) or showed twice (they went back: 2024-11-03T01:30), read by the offset before the
    change; None for any other value. It was taken without a word, each way (a date trial)."""
    if isinstance(value, str):
        if not _CLOCK.search(value):  # (a day alone is that day, whenever its clocks started it: Cairo's at 01:00)
            return None
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    if not isinstance(value, datetime) or value.tzinfo is not None:
        return None
    zone = zoneinfo.ZoneInfo(timezone)
    first, second = value.replace(tzinfo=zone, fold=0), value.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return None
    written = value.isoformat(timespec="minutes").replace("T", " ")
    read, other = (moment.isoformat(timespec="seconds") for moment in (first, second))
    shown = first.astimezone(UTC).astimezone(zone)
    if shown.replace(tzinfo=None) != value:
        clocks = shown.isoformat(timespec="minutes").replace("T", " ")[:16]
        return f"{written} is a time {timezone}'s clocks never showed (they moved on then): it is read as {read}, which they showed as {clocks}; write the offset the outlet meant"
    return f"{written} is a time {timezone}'s clocks showed twice (they went back then): it is read as the first, {read}; write {other} for the second"


def unix_time(value: Any, timezone: str) -> str | None:
    """The ISO 8601 date of a Unix time (`1625813460`, as an export from a CMS's database writes a date) in the site's
    `timezone`, with its offset, or None for another value. A moment: the offset written keeps it that moment, and shows
    it as the site's readers read the time."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    digits = str(value).strip()
    match = _UNIX_TIME.fullmatch(digits)
    if match is None or _starts_with_a_day(digits):
        return None
    seconds = int(match[1]) if match[1] else int(match[2]) // 1000
    moment = datetime.fromtimestamp(seconds, zoneinfo.ZoneInfo(timezone))
    if moment - datetime.now(moment.tzinfo) > UNIX_TIME_AHEAD:
        return None  # (2021052410, a day and its hour, is a Unix time of 2034: no clipping's date)
    return moment.isoformat(timespec="seconds")


def _starts_with_a_day(digits: str) -> bool:
    """Whether the digits start with a day in eight (20210524...): a day and its time without marks, or a day's digits
    mistyped, rather than a Unix time of the archive's years (whose first eight digits make no day from 1900 on)."""
    compact = _COMPACT_DAY.fullmatch(digits[:8])
    return compact is not None and int(compact[1]) >= 1900 and _day(*map(int, compact.groups())) is not None


def _in_milliseconds(value: Any) -> bool:
    return len(str(value).strip()) == 13 and str(value).strip().isdigit()


def date_fix(value: Any, key: str, timezone: str) -> str:
    """What the error on `key: value`, a date that is not ISO 8601, says after the value (`understand`)."""
    return understand(value, f"{key}: ", timezone)[1]


class PathDisagreement(NamedTuple):
    """What a file's path says of its date that the date is not: the day of its name's Jekyll-style prefix
    (`2019-03-05-x.md`), the year of its folder (`2019/`); None for what agrees."""

    named: date | None
    year: int | None

    @property
    def told(self) -> str:
        """`the file name says 2019-03-05 and its folder 2019`, `the file is in the folder of 2019`."""
        if self.named is None:
            return f"the file is in the folder of {self.year}"
        return f"the file name says {self.named.isoformat()}" + (f" and its folder {self.year}" if self.year is not None else "")


def against_path(days: Iterable[date], named: date | None, year: int | None) -> PathDisagreement | None:
    """Where an article's date disagrees with what its path says of it (`named`: its name's prefix day, `year`: its
    folder's, None where the path says nothing of it), or None where it agrees. `days`: the days the date may be
    read as (as written, and in the site's time zone: `2019-03-04T22:30:00Z` is 5 March in Moscow), any one of which
    agrees. The reader warns of a disagreement; `ssg new` refuses to write one."""
    days = set(days)
    wrong = PathDisagreement(named if named not in days else None, year if year not in {d.year for d in days} else None)
    return wrong if wrong != (None, None) else None


def write(found: list[Reading], label: str, timezone: str, year: str = "") -> str:
    """`write date: 2019-03-05T14:30:00+03:00`, or both readings of a date that may be either (`label` is how the value
    is given: `date: `, `--date `); a time without an offset is in the site's time zone, which is said. `year`: what
    stands for the year, which the text did not give (`YYYY`), in the readings of `_without_year`."""
    shown = [r.iso if not year else year + r.iso[4:] for r in found]
    if len(found) == 1:
        text = f"write {label}{shown[0]}"
    else:
        text = "write " + ", or ".join(
            f"{label}{iso} if it is {r.day.day} {MONTHS[r.day.month - 1]}" for iso, r in zip(shown, found, strict=True)
        )
    if year:
        text += f", the article's year for {year}"
    if any(r.timed and not r.zoned for r in found):
        text += f"; with no offset written, the time is in the site's time zone, {timezone}"
    return text


def _without_year(text: str) -> list[Reading]:
    """The readings of a date written with its day and month but no year, as a news site's list of latest articles
    shows one (`09.07 09:51`, `9 июля 09:51`, `May 24`), each in a leap year (`YEAR_HOLDER`) that `write` shows as
    `YYYY`; none for another text. No year is guessed: an archive holds past news, and this year would often be wrong.
    A text with a four-digit number is not one (`readings` found no date in it for another reason)."""
    if _A_YEAR.search(text):
        return []
    if match := _NO_YEAR.fullmatch(text):
        return _in_numbers(f"{match[1]}.{match[2]}.{YEAR_HOLDER}{text[match.end(2) :]}") or []
    if not re.search(r"\d", text):  # (`вчера`, `июль`: no day)
        return []
    parsed = _parser("DMY", ("day", "month")).get_date_data(_MOSCOW.sub("MSK", text))
    if parsed.date_obj is None or "year" in (getattr(parsed, "parts", None) or ("year",)):  # (31.12.25: a year, of two digits)
        return []
    reading = _reading(parsed.date_obj.replace(year=YEAR_HOLDER), parsed.period == "time")
    return [reading] if _day(YEAR_HOLDER, parsed.date_obj.month, parsed.date_obj.day) else []


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
def _parser(order: str, parts: tuple[str, ...] = ("day", "month", "year")) -> Any:
    """dateparser's reader of Russian and English dates with the day, month and year all written (no relative dates:
    "вчера" would be the day of the build), taking numbers in this `order` (DMY, MDY). Imported here, when first asked:
    it takes a tenth of a second and more, which a build of good articles never pays."""
    from dateparser.date import DateDataParser

    settings = {
        "PARSERS": ["custom-formats", "absolute-time"],
        "RETURN_TIME_AS_PERIOD": True,  # (to tell `5 March 2019` from `5 March 2019 00:00`)
        "DATE_ORDER": order,
        "PREFER_LOCALE_DATE_ORDER": False,
        "REQUIRE_PARTS": list(parts),
    }
    return DateDataParser(languages=["ru", "en"], settings=settings)


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
