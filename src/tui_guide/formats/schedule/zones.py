"""The festival's time zone when the schedule does not name one."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

# Region/City names only, the most populous regions first: the legacy aliases (US/...,
# Etc/...) say nothing of a place. Any fit is a guess, and the warning says so.
_REGIONS = ("Europe", "America", "Asia", "Australia", "Pacific", "Africa", "Atlantic", "Indian")


@cache
def _candidates() -> tuple[str, ...]:
    names = [n for n in available_timezones() if n.split("/")[0] in _REGIONS and "/" in n]
    return tuple(sorted(names, key=lambda n: (_REGIONS.index(n.split("/")[0]), n)))


def zone_from_offsets(moments: list[datetime]) -> ZoneInfo | None:
    """A zone in which every aware moment has the offset it was written with.

    One whole-hour offset gives its `Etc/GMT` zone (which claims no place); offsets that
    change (summer time) or are not whole hours give the first Region/City zone that fits.
    """
    # One moment per offset is enough to tell the zones apart.
    by_offset: dict[timedelta, datetime] = {}
    for moment in moments:
        if (offset := moment.utcoffset()) is not None:
            by_offset[offset] = moment
    if not by_offset:
        return None
    if len(by_offset) == 1:
        seconds = int(next(iter(by_offset)).total_seconds())
        hours, rest = divmod(seconds, 3600)
        if rest == 0 and -12 <= hours <= 14:
            return ZoneInfo("UTC" if hours == 0 else f"Etc/GMT{-hours:+d}")
    sample = list(by_offset.values())
    for name in _candidates():
        zone = ZoneInfo(name)
        if all(m.astimezone(zone).utcoffset() == m.utcoffset() for m in sample):
            return zone
    return None
