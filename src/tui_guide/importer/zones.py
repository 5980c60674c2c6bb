"""The festival's time zone when the schedule does not name one."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo, available_timezones


@cache
def _candidates() -> tuple[str, ...]:
    # Region/City names only: the legacy aliases (US/..., Etc/...) say nothing of a place.
    return tuple(
        sorted(
            name
            for name in available_timezones()
            if "/" in name and name.split("/")[0] not in {"Etc", "SystemV", "US", "posix", "right"}
        )
    )


def zone_from_offsets(moments: list[datetime]) -> ZoneInfo | None:
    """A zone in which every aware moment has the offset it was written with.

    One whole-hour offset gives its `Etc/GMT` zone (which claims no place); offsets that
    change (summer time) or are not whole hours give the first Region/City zone that fits.
    """
    aware = [m for m in moments if m.utcoffset() is not None]
    if not aware:
        return None
    offsets = {m.utcoffset() for m in aware}
    if len(offsets) == 1:
        seconds = int(next(iter(offsets)).total_seconds())
        hours, rest = divmod(seconds, 3600)
        if rest == 0 and -12 <= hours <= 14:
            return ZoneInfo("UTC" if hours == 0 else f"Etc/GMT{-hours:+d}")
    # One moment per offset is enough to tell the zones apart.
    sample = list({m.utcoffset(): m for m in aware}.values())
    for name in _candidates():
        zone = ZoneInfo(name)
        if all(m.astimezone(zone).utcoffset() == m.utcoffset() for m in sample):
            return zone
    return None
