"""Snapshots of the timetable at 80x24 and 120x40 with the clock frozen: the real 37C3
schedule at 12:05 on day 1 (its track colours, the line at now; at 160x45 too, Saal 1, Saal
Granville and their neighbours side by side), and the bundled programme.

Regenerate after a deliberate change to the look, then look at the SVGs before committing:

    .venv/bin/pytest tests/tui/test_timetable_snapshots.py --snapshot-update
"""

from __future__ import annotations

from datetime import datetime

import pytest
from textual.pilot import Pilot

from tui_guide.library.load import load_programme
from tui_guide.tui.screens.timetable import TimetableScreen

from .helpers import open_baku_days, wait_for
from .test_timetable import CONGRESS, needs_congress

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
CONGRESS_SIZES = {**SIZES, "160x45": (160, 45)}


async def congress(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.press("t")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, TimetableScreen))
    await pilot.pause()


async def bundled(pilot: Pilot) -> None:
    await open_baku_days(pilot)
    await congress(pilot)


@needs_congress
@pytest.mark.parametrize("size", list(CONGRESS_SIZES))
def test_37c3_timetable(snap_compare, make_app, size: str) -> None:
    app = make_app(load_programme([CONGRESS], cache=False), now=datetime(2023, 12, 27, 12, 5))
    assert snap_compare(app, terminal_size=CONGRESS_SIZES[size], run_before=congress)


@pytest.mark.parametrize("size", list(SIZES))
def test_bundled_timetable(snap_compare, make_app, size: str) -> None:
    assert snap_compare(make_app(), terminal_size=SIZES[size], run_before=bundled)
