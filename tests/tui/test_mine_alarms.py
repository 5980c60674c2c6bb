"""`e` in My programme writes the calendar with an alarm per timed favourite, the guide's
`--remind` minutes before it starts (none with 0)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from tui_guide.favourites import Favourites
from tui_guide.tui.screens.mine import EXPORT_NAME, MineScreen

from .helpers import ACTING_KEY, SIZE, wait_for


def triggers(path: Path) -> list[timedelta]:
    return [
        alarm.decoded("trigger")
        for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        for alarm in event.walk("VALARM")
    ]


@pytest.mark.parametrize(("remind", "expected"), [(25, [timedelta(minutes=-25)]), (0, [])])
async def test_e_writes_alarms_remind_minutes_ahead(
    make_app, tmp_path: Path, remind: int, expected: list[timedelta]
) -> None:
    app = make_app(favourites=Favourites([ACTING_KEY]), export_dir=tmp_path, remind=remind)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MineScreen)
        await pilot.press("e")
        await wait_for(
            pilot, lambda: any(n.title == "Calendar exported" for n in app._notifications)
        )
        assert triggers(tmp_path / EXPORT_NAME) == expected
