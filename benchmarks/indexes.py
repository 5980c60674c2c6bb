"""The search indexes at a start from the cache, as the guide starts: how long after the first
screen they are ready, and a key's latency while they are made and after.

    python -m benchmarks.indexes PATH [--repeat N] [--against OTHER/src]

Each run is a fresh process that loads PATH through a cache folder of its checkout's own
(its hash left for after the paint, as `tui-guide` does), runs the guide headless at 120x40
with those cache checks, and times, from the first settled screen, until the command
palette's index is ready; meanwhile a key (down or up in the day's list) every 50 ms, timed
from its arrival to the highlight moving; then as many keys once the indexes are ready. The
first run of each checkout (not timed) writes its cache, and whatever the guide saves after
its build (this branch: the index of sessions). With `--against`, the other checkout's guide
runs in the same turns.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

WORKER = r"""
import asyncio, json, sys, time
from datetime import datetime
from pathlib import Path
from tui_guide.favourites import Favourites
from tui_guide.library.load import load_programme
from tui_guide.programme.clock import Clock
from tui_guide.tui.app import GuideApp
from tui_guide.tui.widgets.session_list import SessionList
from benchmarks.settle import settle

path, folder, count = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
later = []
programme = load_programme([path], later=later)
festival = programme.festivals[0]
first = datetime.combine(festival.days[0], datetime.min.time())


async def main():
    app = GuideApp(
        programme,
        clock=Clock(first),
        favourites=Favourites(path=folder / "f.sqlite3"),
        cache_checks=later,
    )
    app.animation_level = "none"

    async def key(listing, name):
        before = listing.highlighted
        started = time.perf_counter()
        app.simulate_key(name)
        while listing.highlighted == before:
            await asyncio.sleep(0.0005)
        return time.perf_counter() - started

    building, after = [], []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        started = time.perf_counter()
        listing = app.screen.query(SessionList).first()
        listing.focus()
        keys = iter(["down", "up"] * 10_000)
        while not app.search_indexes.palette_ready:
            building.append(await key(listing, next(keys)))
            await asyncio.sleep(0.05)  # a visitor's pace
        ready = time.perf_counter() - started
        await app.workers.wait_for_complete()
        await settle(pilot)
        for _ in range(count):
            after.append(await key(listing, next(keys)))
            await asyncio.sleep(0.05)
    print(json.dumps({"ready": ready, "building": building, "after": after}))


asyncio.run(main())
"""


def _run(src: Path, path: Path, folder: Path, count: int) -> dict[str, object]:
    env = {
        **os.environ,
        "PYTHONPATH": str(src),
        "TUI_GUIDE_CACHE": str(folder / "cache"),
        "TEXTUAL_ANIMATIONS": "none",
    }
    done = subprocess.run(
        [sys.executable, "-c", WORKER, str(path), str(folder), str(count)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keys", type=int, default=20, help="keys timed once they are ready")
    parser.add_argument("--against", type=Path, help="another checkout's src folder")
    args = parser.parse_args(argv)
    checkouts = {"this": REPO / "src"}
    if args.against is not None:
        checkouts["other"] = args.against.resolve()
    path = args.path.resolve()
    with tempfile.TemporaryDirectory(prefix="bench-indexes-") as scratch:
        folders = {name: Path(scratch) / name for name in checkouts}
        for name, src in checkouts.items():  # the cache written, and what the guide saves
            folders[name].mkdir()
            _run(src, path, folders[name], 1)
        runs: dict[str, list[dict[str, object]]] = {name: [] for name in checkouts}
        for _ in range(args.repeat):
            for name, src in checkouts.items():  # in turns
                runs[name].append(_run(src, path, folders[name], args.keys))
    print(f"{args.path.name}, {args.repeat} fresh processes each, in turns")
    names = list(checkouts)
    ratio = "other" in checkouts
    print("| | " + " | ".join(names) + (" | this / other |" if ratio else " |"))
    print("|---" * (len(names) + 1 + ratio) + "|")
    figures: dict[str, dict[str, float]] = {}
    for name, found in runs.items():
        building = [k for run in found for k in run["building"]]  # type: ignore[attr-defined]
        after = [k for run in found for k in run["after"]]  # type: ignore[attr-defined]
        figures[name] = {
            "search indexes ready, after the first screen settled": statistics.median(
                [run["ready"] for run in found]  # type: ignore[misc]
            ),
            "a key while they are made (median)": statistics.median(building or [0.0]),
            "keys while they are made": float(len(building)),
            "a key once they are ready (median)": statistics.median(after or [0.0]),
        }
    for row in figures["this"]:
        cells = [
            str(int(figures[n][row])) if row.startswith("keys") else _ms(figures[n][row])
            for n in names
        ]
        line = f"| {row} | " + " | ".join(cells)
        if ratio and not row.startswith("keys") and figures["other"][row]:
            line += f" | {figures['this'][row] / figures['other'][row]:.2f}"
        elif ratio:
            line += " | "
        print(line + " |")


if __name__ == "__main__":
    main()
