"""The guide's sense of "now": the real clock, or one frozen for demos and tests."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo


class Clock:
    """Gives the current moment in a festival's time zone.

    A frozen moment without an offset is read as wall-clock time in each festival's own zone,
    so `--now 2025-12-07T14:10` means 14:10 in Baku for a Baku festival.
    """

    def __init__(self, frozen: datetime | None = None) -> None:
        self._frozen = frozen

    @property
    def frozen(self) -> bool:
        return self._frozen is not None

    def now(self, zone: ZoneInfo) -> datetime:
        if self._frozen is None:
            return datetime.now(zone)
        if self._frozen.tzinfo is None:
            return self._frozen.replace(tzinfo=zone)
        return self._frozen.astimezone(zone)
