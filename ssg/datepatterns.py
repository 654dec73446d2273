"""Babel date patterns: checking one that site.yaml or a strings file gives, and a language's own.

Apart from `theme`, so that `config` checks site.yaml's `date_format` when it reads it, before any theme is loaded,
by the rules the pages are then formatted with: a bad pattern was reported on the template line that formatted the
first date, as a Babel error (`templates/article.html:28: ValueError: Invalid length for field: 'MMMMMM'`).
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

from babel import Locale
from babel import dates as babel_dates

BABEL_STYLES = ("short", "medium", "long", "full")
EXAMPLE = "d MMMM y, HH:mm"
_SAMPLE = datetime(2026, 12, 5, 15, 19, tzinfo=UTC)
PATTERN_TOKEN = re.compile(r"'(?:[^']|'')*'|([A-Za-z])\1*|[^A-Za-z']+")
_LETTERS = re.compile("[A-Za-z]+")


def pattern_problem(pattern: str) -> str | None:
    """What is wrong with a Babel date pattern or style, said so that it can be fixed; None when nothing is.

    Babel itself takes letters it has no field for as text, so `d MMMM y at HH:mm` printed "5 December 2026 PMt
    15:19": a word of such letters is refused here (text goes in quotes)."""
    if pattern in BABEL_STYLES:
        return None
    if not pattern.strip():
        return "is empty"
    if pattern.count("'") % 2:
        return "has a ' that opens text no ' closes (text goes between two, an apostrophe is written '')"
    foreign = _foreign_pattern(pattern)
    if foreign is not None:
        return foreign
    for match in PATTERN_TOKEN.finditer(pattern):
        token, letter = match[0], match[1]
        if letter is None:
            continue
        if letter not in babel_dates.PATTERN_CHARS:
            word = next(w[0] for w in _LETTERS.finditer(pattern) if w.start() <= match.start() < w.end())
            return f"{word!r} is no date field (text goes in single quotes: '{word}')"
        lengths = babel_dates.PATTERN_CHARS[letter]
        if lengths is not None and len(token) not in lengths:
            return f"{token} has {len(token)} letters, and {letter} takes {_lengths(lengths)}"
    mistaken = _mistaken_field(pattern)
    if mistaken is not None:
        return mistaken
    try:
        babel_dates.format_datetime(_SAMPLE, pattern, locale="en")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:  # (what the checks above let through)
        return f"Babel cannot use it ({exc})"
    return None


# Another tool's way to write a date, which Babel takes as text or as other fields: `%d.%m.%Y` (strftime: Python,
# Jekyll's date filter) printed "%5.%19.%2026", `02.01.2006` (Go's reference date: Hugo's dateFormat) "02.01.2006" under
# every article. Each is written as Babel writes it, where every part of it has a field here.
_STRFTIME = {"d": "dd", "-d": "d", "e": "d", "m": "MM", "-m": "M", "B": "MMMM", "b": "MMM", "Y": "y", "y": "yy"}
_STRFTIME |= {"H": "HH", "-H": "H", "I": "hh", "-I": "h", "M": "mm", "S": "ss", "p": "a", "A": "EEEE", "a": "EEE"}
_GO = {"2006": "y", "January": "MMMM", "Monday": "EEEE", "Jan": "MMM", "Mon": "EEE", "01": "MM", "02": "dd", "03": "hh"}
_GO |= {"04": "mm", "05": "ss", "06": "yy", "15": "HH", "_2": "d", "PM": "a", "1": "M", "2": "d", "3": "h", "4": "m", "5": "s"}
_GO_TOKEN = re.compile("|".join(sorted(_GO, key=len, reverse=True)))


def _foreign_pattern(pattern: str) -> str | None:
    """What is wrong with a strftime or Go date pattern (`%d.%m.%Y`, `2 January 2006`), with Babel's for it; else None."""
    unquoted = re.sub("'(?:[^']|'')*'", "", pattern)
    if re.search(r"%-?[A-Za-z]", unquoted):
        written = re.sub(r"%(-?[A-Za-z])", lambda m: _STRFTIME.get(m[1], m[0]), pattern)
        said = "%-letters are strftime's (Python's, Jekyll's date filter)"
    elif "2006" in unquoted:
        written = _GO_TOKEN.sub(lambda m: _GO[m[0]], pattern)
        said = "2006 is Go's reference date (Hugo's dateFormat)"
    else:
        return None
    fields = _LETTERS.findall(re.sub("'(?:[^']|'')*'", "", written))  # (a part with no field here is left to the user)
    fits = "%" not in written and all(set(word) <= set(babel_dates.PATTERN_CHARS) and len(set(word)) == 1 for word in fields)
    return f"{said}; Babel's fields are letters" + (f": {written}" if fits and written != pattern else " (e.g. dd.MM.y, d MMMM y)")


def _mistaken_field(pattern: str) -> str | None:
    """A field Babel takes, written where another was surely meant: `dd/mm/yyyy` showed the minutes as its month,
    `YYYY` the year of the week (2026 on 29 December 2025), `DD` the day of the year."""
    runs = [m[0] for m in PATTERN_TOKEN.finditer(pattern) if m[1]]
    letters = {run[0] for run in runs}
    for letter, meant, unless, what in (
        ("m", "M", "HhKks", "minutes, and the pattern shows no hour: the month is"),
        ("Y", "y", "w", "the year of the week (29 December 2025 is in 2026's first week): the year is"),
        ("D", "d", "", "the day of the year (5 December is its 339th): the day of the month is"),
    ):
        if letter in letters and not letters & set(unless):
            run = next(r for r in runs if r[0] == letter)
            fixed = "".join(meant * len(m[0]) if m[1] == letter else m[0] for m in PATTERN_TOKEN.finditer(pattern))
            return f"{run} is {what} {meant * len(run)} ({fixed})"
    return None


def bad_pattern(pattern: str, problem: str) -> str:
    """The message for a pattern `pattern_problem` refused, with what a right one looks like."""
    return f"{pattern!r} is not a Babel date pattern: {problem} (e.g. {EXAMPLE!r}, or a style: {', '.join(BABEL_STYLES)})"


def _lengths(lengths: list[int]) -> str:
    """[1, 2, 3, 4, 5] -> "1 to 5 letters"; [1, 4] -> "1 or 4 letters"."""
    if lengths == list(range(lengths[0], lengths[-1] + 1)) and len(lengths) > 2:
        return f"{lengths[0]} to {lengths[-1]} letters"
    return f"{', '.join(map(str, lengths[:-1]))} or {lengths[-1]} letters" if len(lengths) > 1 else f"{lengths[0]} letter"


# The date part of each pattern `locale_patterns` made, for a date written without a time (`theme.date_part`): the
# locale's date pattern keeps what a pattern's fields alone do not tell ("d MMMM y 'р'.": the "р." of a year).
_DATE_PARTS: dict[str, str] = {}


@functools.cache
def locale_patterns(lang: str) -> tuple[str, str]:
    """The long and the short date-and-time pattern of `lang`'s own locale (Babel's CLDR data): its long and its medium
    date with its short time, joined as the locale joins them. For a language the theme has no `datetime_long` and
    `datetime_short` for: the English ones gave "грудня 5, 2026, 3:19 дп" ("5 грудня 2026 р., 03:19" here)."""
    locale = Locale.parse(lang.replace("-", "_"))
    glue, time = locale.datetime_formats["medium"], locale.time_formats["short"].pattern
    made = []
    for style in ("long", "medium"):
        date = locale.date_formats[style].pattern
        pattern = glue.replace("{1}", date).replace("{0}", time)
        _DATE_PARTS[pattern] = date
        made.append(pattern)
    return made[0], made[1]


def locale_date_part(pattern: str) -> str | None:
    """The date pattern of a pattern `locale_patterns` made, or None for any other."""
    return _DATE_PARTS.get(pattern)
