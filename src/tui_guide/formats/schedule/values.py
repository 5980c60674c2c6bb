"""Reading the small values of a schedule: dates, times, durations, written as strings."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

_DURATION = re.compile(r"^\s*(?:(\d+)[d:.]\s*)??(\d{1,3}):(\d{2})(?::(\d{2}))?\s*$")


def duration(text: str) -> timedelta:
    """`00:30`, `1:30`, `01:30:00`, `1:02:30:00` (days first), or ISO 8601's `PT1H30M`
    (static-site generators write that): a duration."""
    if text.strip().upper().startswith("P"):
        return iso_duration(text.strip().upper())
    match = _DURATION.match(text)
    if not match:
        raise ValueError(f"not a duration such as 01:30: {text!r}")
    days, hours, minutes, seconds = match.groups()
    return timedelta(
        days=int(days or 0), hours=int(hours), minutes=int(minutes), seconds=int(seconds or 0)
    )


def clock(text: str) -> time:
    """`10:30` or `10:30:00`: a time of day."""
    try:
        # An offset on a time alone means nothing without its date; the day's zone rules.
        return time.fromisoformat(text.strip()).replace(tzinfo=None)
    except ValueError:
        raise ValueError(f"not a time such as 10:30: {text!r}") from None


def moment(text: str) -> datetime:
    """An ISO 8601 date and time, with or without an offset (`Z` included)."""
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            f"not a date and time such as 2023-12-27T10:30:00+01:00: {text!r}"
        ) from None


def day(text: str) -> date:
    """`2023-12-27`, or the date of a date and time."""
    text = text.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"not a date such as 2023-12-27: {text!r}") from None


_ISO_DURATION = re.compile(
    r"^\s*P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?"
    r"(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d*)?)S)?)?\s*$"
)


def iso_duration(text: str) -> timedelta:
    """An ISO 8601 duration such as `PT1H30M` or `P0Y0M0DT0H40M0.000S` (years and months
    must be 0: their length depends on the calendar)."""
    match = _ISO_DURATION.match(text)
    if not match or text.strip() in ("P", "PT") or text.strip().endswith("T"):
        raise ValueError(f"not a duration such as 01:30 or PT1H30M: {text!r}")
    years, months, weeks, days, hours, minutes, seconds = match.groups()
    if int(years or 0) or int(months or 0):
        raise ValueError(f"a duration in years or months has no fixed length: {text!r}")
    return timedelta(
        weeks=int(weeks or 0),
        days=int(days or 0),
        hours=int(hours or 0),
        minutes=int(minutes or 0),
        seconds=float(seconds or 0),
    )


_NAME_LIST = re.compile(r"\s*[,;]\s*")
# What follows a name after a comma without being another person: "Jane Doe, PhD".
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "phd", "ph.d.", "md", "m.d.", "msc", "m.sc.", "ii", "iii"}


def names(text: str) -> list[str]:
    """The people of one free-text field that lists several: "Ada, Grace; Alan" is three
    (a title after a comma, "Jane Doe, PhD", stays with its name)."""
    found: list[str] = []
    for part in _NAME_LIST.split(text.strip()):
        part = " ".join(part.split())
        if not part:
            continue
        if found and part.casefold() in _SUFFIXES:
            found[-1] += f", {part}"
        else:
            found.append(part)
    return found


_COLOUR = re.compile(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")


def colour(text: str) -> str:
    """`#0084b0` (or `#08b`, or without the `#`): a track's colour, as `#rrggbb` in lower
    case. Nothing else is kept: a colour from a file never reaches the screen as text."""
    match = _COLOUR.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not a colour such as #0084b0: {text!r}")
    digits = match.group(1).lower()
    if len(digits) == 3:
        digits = "".join(2 * c for c in digits)
    return f"#{digits}"
