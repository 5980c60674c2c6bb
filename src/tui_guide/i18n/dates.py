"""Dates in the guide's language, with Babel's CLDR data: 'Sun 7 Dec' in English (written
by hand, as the guide always has, so it never follows the machine's locale), 'bazar, 7
dekabr' in Azerbaijani, '7 Ara Paz' in Turkish, 'вс, 7 дек.' in Russian."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from tui_guide.i18n import ENGLISH, language

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_PATTERNS: dict[str, tuple[str, str]] = {
    # Azerbaijani's short weekdays are one or two letters ("B.", "Ç.a."): the whole word.
    "az": ("EEEE, d MMMM", "EEEE, d MMMM y"),
}
"""A language's own (day, day with year) patterns where CLDR's skeletons read badly."""


def day_label(day: date, *, year: bool = False, code: str | None = None) -> str:
    """The weekday, day and month of `day` (and its year), short: as the language writes a
    date in a calendar's heading (CLDR's `MMMEd` and `yMMMEd`)."""
    code = code or language()
    if code == ENGLISH:
        label = f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"
        return f"{label} {day.year}" if year else label
    return _babel_label(day, year, code)


@lru_cache(maxsize=4096)
def _babel_label(day: date, year: bool, code: str) -> str:
    """Babel's label, kept: a festival has a few dozen dates, and a list or the palette's
    index asks for each of them for every session (Babel takes ~0.2 ms a date)."""
    from babel.dates import format_date, format_skeleton

    own = _PATTERNS.get(code)
    if own is not None:
        return str(format_date(day, own[1] if year else own[0], locale=code))
    return str(format_skeleton("yMMMEd" if year else "MMMEd", day, locale=code))


def weekday(day: date, *, code: str | None = None) -> str:
    """The short name of `day`'s weekday: 'Mon' in English, 'Pzt' in Turkish, 'пн' in Russian."""
    code = code or language()
    if code == ENGLISH:
        return _DAYS[day.weekday()]
    return _babel_weekday(day.weekday(), code)


@lru_cache(maxsize=64)
def _babel_weekday(number: int, code: str) -> str:
    from babel.dates import format_date

    monday = date(2024, 1, 1)  # a Monday: the weekday `number` days after it
    return str(format_date(date.fromordinal(monday.toordinal() + number), "EEE", locale=code))
