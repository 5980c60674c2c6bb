"""The timetable at size: opening the busiest day's grid in the guide, and building it alone.

"timetable: open the busiest day" is the key (`]` on the day before) to the busiest day's
grid on screen, the first time that day is shown (its grid built, then drawn), and again
once it has been (the grid kept); `t` opening the section is a new screen, measured too.
`python -m benchmarks` reports them for every size; `python -m benchmarks.timetable PATH`
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

from .settle import after_start
from .settle import settle as _settle


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
            await after_start(pilot)
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


async def _first_open_once(programme: Programme, day: date) -> tuple[float, float, float]:
    """Seconds from `]` on the day before `day` to `day` settled, the first time it is shown
    (the clock on the day before: the timetable opens there); the same once it has been
    shown; and a key that does nothing in the same harness."""
    from tui_guide.favourites import Favourites
    from tui_guide.programme.clock import Clock
    from tui_guide.tui.app import GuideApp
    from tui_guide.tui.screens.timetable import TimetableScreen

    festival = programme.festivals[0]
    days = [d for d in festival.days if festival.sessions_on(d)]
    # The day before, or after when the busiest is the first: `]` (or `[`) goes to it.
    place = days.index(day)
    before = days[place - 1] if place > 0 else days[place + 1]
    there, back = (
        ("right_square_bracket", "left_square_bracket")
        if place > 0
        else ("left_square_bracket", "right_square_bracket")
    )
    with tempfile.TemporaryDirectory(prefix="tui-guide-bench-tt-") as folder:
        app = GuideApp(
            programme,
            clock=Clock(datetime.combine(before, datetime.min.time()).replace(hour=10)),
            favourites=Favourites(path=Path(folder) / "favourites.sqlite3"),
        )
        gc.freeze()
        async with app.run_test(size=(120, 40)) as pilot:
            await after_start(pilot)
            await pilot.press("t")
            await _settle(pilot)
            if not isinstance(app.screen, TimetableScreen) or app.screen.day != before:
                raise SystemExit(f"the timetable did not open on {before}")
            started = time.perf_counter()
            await pilot.press("x")
            await _settle(pilot)
            idle = time.perf_counter() - started
            started = time.perf_counter()
            await pilot.press(there)
            await _settle(pilot)
            first = time.perf_counter() - started
            if app.screen.day != day:
                raise SystemExit(f"the timetable did not go to {day}")
            await pilot.press(back)
            await _settle(pilot)
            started = time.perf_counter()
            await pilot.press(there)
            await _settle(pilot)
            kept = time.perf_counter() - started
        gc.unfreeze()
    return first, kept, idle


def first_open_times(programme: Programme, day: date, repeat: int) -> tuple[float, float, float]:
    """Medians of `_first_open_once`: the busiest day opened first, again, and the floor."""
    first, kept, idle = [], [], []
    for _ in range(repeat):
        gc.collect()
        f, k, i = asyncio.run(_first_open_once(programme, day))
        first.append(f)
        kept.append(k)
        idle.append(i)
    return statistics.median(first), statistics.median(kept), statistics.median(idle)


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
    first, kept, floor = first_open_times(programme, day, 3)
    opened, switched, idle = open_times(programme, day, 3)
    print(f"{count} sessions on {day}: grid built in {fmt(build_time(programme, day, 5))}")
    print(
        f"timetable: open the busiest day (]) in {fmt(first)} the first time, {fmt(kept)} "
        f"again; a key that does nothing: {fmt(floor)}"
    )
    print(
        f"timetable opened (t) on that day in {fmt(opened)}, back to it (]) in {fmt(switched)}; "
        f"a key that does nothing: {fmt(idle)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
