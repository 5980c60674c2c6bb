"""An event's start when the schedule gives it twice: `<date>` (a date and time with an
offset) and `<start>` (the wall clock, as the printed programme shows it).

They should say the same. When the offset is wrong — wafer has labelled Montreal times
`+00:00`, pretalx has written `+01:00` for a conference that names UTC — the time in `<date>`,
moved into the festival's zone, is not the wall clock, and would show hours off. The wall
clock `<start>` wins, on that day; the builder says so once per file.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from tui_guide.formats.schedule.raw import RawEvent
from tui_guide.programme.format import count, zone_label


def start_of(moment: datetime, clock: time | None, zone: ZoneInfo) -> tuple[datetime, bool]:
    """The start in `zone`, and whether `clock` overruled `moment` to get it.

    `moment` without an offset is a wall clock in `zone` already; with one, it is moved into
    `zone`. When `clock` is given and that is not its hour and minute, the start is `clock`
    on the day `moment` is written on — or the day before or after, whichever is nearest to
    what `moment` says: an offset hours off can move a time across midnight, and a session
    past midnight keeps the date it starts on."""
    local = moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)
    if clock is None or (local.hour, local.minute) == (clock.hour, clock.minute):
        return local, False
    written = moment.replace(tzinfo=None)
    candidates = [
        datetime.combine(written.date() + timedelta(days=shift), clock) for shift in (0, -1, 1)
    ]
    nearest = min(candidates, key=lambda c: abs(c - written))  # the written day on a tie
    return nearest.replace(tzinfo=zone), True


def disagreement(events: Sequence[RawEvent], zone: ZoneInfo) -> str:
    """The one warning for the file: how many events, and the first as an example."""
    first = events[0]
    assert first.moment is not None and first.start is not None
    local = first.moment.astimezone(zone) if first.moment.tzinfo else first.moment
    return (
        f"the date and start of {count(len(events), 'event')} disagree ({first.where}: "
        f"date {first.moment.isoformat()} is {local:%H:%M} in {zone_label(zone)}, start "
        f"{first.start:%H:%M}): each is put at its start, the wall clock, on that day"
    )
