"""Reading the small values of a schedule: dates, times, durations, written as strings."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

_DURATION = re.compile(r"^\s*(?:(\d+)[d:.]\s*)??(\d{1,3}):(\d{2})(?::(\d{2}))?\s*$")


def duration(text: str) -> timedelta:
    """`00:30`, `1:30`, `01:30:00`, `1:02:30:00` (days first): a duration."""
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
