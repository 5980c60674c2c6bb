"""The command palette's search, timed through its provider: `python -m benchmarks.palette`.

    python -m benchmarks.palette --sizes 1000,10000,50000

For each size it writes the programme of `make_programme.py`, builds the guide as the command
line does (not run), builds the palette's index as the guide's worker does, and answers the
200 queries of `run.queries` through `ProgrammeCommands.search`, as the palette asks for them:
every hit it yields (the best 40, and the count of matching sessions). Also every prefix of
40 of those queries, as they are typed (a letter, two, ...), since the palette asks again at
every key. Each answer is timed by the clock on the wall and by the CPU time of the thread
that answers (`time.thread_time`), which other processes on a shared machine do not inflate.
Then a key that does nothing in the guide, while its worker builds the indexes and
after (the keys are not to slow down while it builds). `python -m benchmarks` measures the
same with the rest.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from tui_guide.library.load import load_programme
from tui_guide.programme import Programme

from .make_programme import write_programme
from .run import _mp, fmt, queries


def typed(wanted: list[str], count: int = 40) -> list[str]:
    """Every prefix of the first `count` queries, one more letter each, as typed."""
    return [query[:end] for query in wanted[:count] for end in range(1, len(query) + 1)]


def palette_times(programme: Programme, wanted: list[str]) -> dict[str, float]:
    """Seconds to build the palette's entries and index; the median and 95th percentile of
    answering each query of `wanted`, and of each prefix of them typed (`typed`)."""
    from tui_guide.favourites import Favourites
    from tui_guide.programme.clock import Clock
    from tui_guide.tui.app import GuideApp
    from tui_guide.tui.providers.programme import ProgrammeCommands

    with tempfile.TemporaryDirectory(prefix="tui-guide-bench-palette-") as folder:
        favourites = Favourites(path=Path(folder) / "favourites.sqlite3")
        app = GuideApp(programme, clock=Clock(None), favourites=favourites)
        times: dict[str, float] = {}
        started = time.perf_counter()
        app.search_indexes.build_all()  # as the guide's worker does, after the first paint
        times["build"] = time.perf_counter() - started
        palette = app.search_indexes.palette()
        # The provider as the palette makes it, its index ready (the guide's worker built it).
        provider = ProgrammeCommands(cast(Any, None))
        provider._ready = palette

        async def answer(query: str) -> tuple[float, float]:
            started, cpu = time.perf_counter(), time.thread_time()
            hits = [hit async for hit in provider.search(query)]
            spent = time.perf_counter() - started, time.thread_time() - cpu
            assert hits or not palette.search(query)[0], query  # the hits are the answer
            return spent

        async def run(every: list[str]) -> tuple[list[float], list[float]]:
            spent = [await answer(query) for query in every]
            return [wall for wall, _ in spent], [cpu for _, cpu in spent]

        wall, cpu = asyncio.run(run(wanted))
        times["median"], times["p95"] = _mp(wall)
        times["cpu median"], times["cpu p95"] = _mp(cpu)
        wall, cpu = asyncio.run(run(typed(wanted)))
        times["typed median"], times["typed p95"] = _mp(wall)
        times["typed cpu median"], times["typed cpu p95"] = _mp(cpu)
        return times


async def _keys(programme: Programme, folder: Path, count: int) -> tuple[list[float], list[float]]:
    from tui_guide.favourites import Favourites
    from tui_guide.programme.clock import Clock
    from tui_guide.tui.app import GuideApp
    from tui_guide.tui.widgets.session_list import SessionList

    from .run import _settle

    festival = programme.festivals[0]
    first = datetime.combine(festival.days[0], datetime.min.time())
    app = GuideApp(programme, clock=Clock(first), favourites=Favourites(path=folder / "f.sqlite3"))

    async def key(listing: SessionList, name: str) -> float:
        """Seconds from a key's arrival to the list moving its highlight."""
        before = listing.highlighted
        started = time.perf_counter()
        app.simulate_key(name)
        while listing.highlighted == before:
            await asyncio.sleep(0.0005)
        return time.perf_counter() - started

    building: list[float] = []
    after: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        # Pilot's pause waits for the process to be idle, which it is not while the worker
        # builds: the key is timed by what it does instead.
        await asyncio.sleep(0.05)
        listing = app.screen.query(SessionList).first()
        listing.focus()
        keys = iter(["down", "up"] * count)
        while not app.search_indexes.palette_ready and len(building) < count:
            building.append(await key(listing, next(keys)))
            await asyncio.sleep(0.05)  # a visitor's pace
        await app.workers.wait_for_complete()
        await _settle(pilot)
        keys = iter(["down", "up"] * count)
        for _ in range(count):
            after.append(await key(listing, next(keys)))
            await asyncio.sleep(0.05)
    return building, after


def keys_while_building(programme: Programme, count: int = 20) -> dict[str, float]:
    """The median of a key moving the list's highlight in the guide (headless) while the
    search indexes' worker builds them, and after."""
    with tempfile.TemporaryDirectory(prefix="tui-guide-bench-keys-") as folder:
        building, after = asyncio.run(_keys(programme, Path(folder), count))
    times = {"after": statistics.median(after)}
    if building:
        times["building"] = statistics.median(building)
        times["building keys"] = len(building)
    return times


def rows(found: dict[str, float]) -> dict[str, str]:
    return {
        "search indexes (sessions, then the palette's): build (once)": fmt(found["build"]),
        "palette search: median / p95 of 200": f"{fmt(found['median'])} / {fmt(found['p95'])}",
        "palette search, its own CPU time: median / p95": (
            f"{fmt(found['cpu median'])} / {fmt(found['cpu p95'])}"
        ),
        "palette search as typed, every prefix: median / p95": (
            f"{fmt(found['typed median'])} / {fmt(found['typed p95'])}"
        ),
        "palette search as typed, its own CPU time: median / p95": (
            f"{fmt(found['typed cpu median'])} / {fmt(found['typed cpu p95'])}"
        ),
    }


def key_rows(found: dict[str, float]) -> dict[str, str]:
    during = "—"
    if "building" in found:
        ratio = found["building"] / found["after"]
        during = f"{fmt(found['building'])} ({ratio:.2f}×, {found['building keys']:.0f} keys)"
    return {
        "a key (down in the list), while the indexes build": during,
        "the same key, once they are built": fmt(found["after"]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="session counts")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    os.environ.setdefault("TZ", "UTC")
    time.tzset()
    results = {}
    with tempfile.TemporaryDirectory(prefix="tui-guide-bench-") as tmp:
        for size in sizes:
            print(f"  {size}: writing and loading", file=sys.stderr, flush=True)
            path = write_programme(Path(tmp) / str(size), size)
            programme = load_programme([path], cache=False)
            print(f"  {size}: palette", file=sys.stderr, flush=True)
            results[size] = rows(palette_times(programme, queries(programme)))
            print(f"  {size}: keys while the indexes build", file=sys.stderr, flush=True)
            results[size].update(key_rows(keys_while_building(programme)))
    names = list(next(iter(results.values())))
    print("| | " + " | ".join(f"{size:,} sessions" for size in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for name in names:
        print(f"| {name} | " + " | ".join(results[size][name] for size in sizes) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
