"""The timetable at size: opening the busiest day's grid in the guide, and building it alone.

`python -m benchmarks` reports both for every size; `python -m benchmarks.timetable PATH`
measures one programme file on its own.
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from tui_guide.programme import Programme


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """`pilot.pause()`, again while a pause ran into Textual's one-second idle cap."""
    while True:
        started = time.perf_counter()
        await pilot.pause()
        if time.perf_counter() - started < 0.9:
            return


async def _open_once(programme: Programme, day: date) -> tuple[float, float, float]:
    """Seconds from `t` to the timetable settled on `day` (the clock at 10:00 on it: a new
    screen, and the grid); from `]` on the day before to `day` settled (the grid alone); and
    of a key that does nothing in the same harness (its floor)."""
    from tui_guide.favourites import Favourites
    from tui_guide.programme.clock import Clock
    from tui_guide.tui.app import GuideApp
    from tui_guide.tui.screens.timetable import TimetableScreen

    with tempfile.TemporaryDirectory(prefix="tui-guide-bench-tt-") as folder:
        app = GuideApp(
            programme,
            clock=Clock(datetime.combine(day, datetime.min.time()).replace(hour=10)),
            favourites=Favourites(path=Path(folder) / "favourites.sqlite3"),
        )
        gc.freeze()  # as `run_guide` does: the programme out of the collector's sight
        async with app.run_test(size=(120, 40)) as pilot:
            await _settle(pilot)
            while app.search_indexes.sessions is None:  # the indexes' worker: not timed here
                await pilot.pause(0.01)
            await app.workers.wait_for_complete()
            await _settle(pilot)
            started = time.perf_counter()
            await pilot.press("x")
            await _settle(pilot)
            idle = time.perf_counter() - started
            started = time.perf_counter()
            await pilot.press("t")
            await _settle(pilot)
            opened = time.perf_counter() - started
            if not isinstance(app.screen, TimetableScreen) or app.screen.day != day:
                raise SystemExit(f"the timetable did not open on {day}")
            # The grid alone: the day before, then back to the busiest day, timed.
            await pilot.press("left_square_bracket")
            await _settle(pilot)
            started = time.perf_counter()
            await pilot.press("right_square_bracket")
            await _settle(pilot)
            switched = time.perf_counter() - started
            if app.screen.day != day:
                raise SystemExit(f"the timetable did not come back to {day}")
        gc.unfreeze()
    return opened, switched, idle


def open_times(programme: Programme, day: date, repeat: int) -> tuple[float, float, float]:
    """Medians of opening the timetable on `day`, of switching it to `day`, and of the
    harness's floor."""
    opened, switched, idle = [], [], []
    for _ in range(repeat):
        gc.collect()
        o, s, i = asyncio.run(_open_once(programme, day))
        opened.append(o)
        switched.append(s)
        idle.append(i)
    return statistics.median(opened), statistics.median(switched), statistics.median(idle)


def build_time(programme: Programme, day: date, repeat: int) -> float:
    """Median seconds of `build_grid` for `day` alone (no Textual)."""
    from tui_guide.programme.timetable import build_grid

    festival = programme.festivals[0]
    sessions = festival.sessions_on(day)
    times = []
    for _ in range(max(3, repeat)):
        started = time.perf_counter()
        build_grid(day, sessions, festival.venues)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    from tui_guide.library.load import load_programme

    from .run import busiest_day, fmt

    programme = load_programme([Path(argv[0])])
    day = busiest_day(programme.festivals[0])
    count = len(programme.festivals[0].sessions_on(day))
    opened, switched, idle = open_times(programme, day, 3)
    print(f"{count} sessions on {day}: grid built in {fmt(build_time(programme, day, 5))}")
    print(f"timetable opened (t) in {fmt(opened)}; switched to that day (]) in {fmt(switched)}")
    print(f"a key that does nothing: {fmt(idle)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
