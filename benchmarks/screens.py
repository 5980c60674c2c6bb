"""A section's new screen, from its key to the first frame that shows it.

    python -m benchmarks.screens PATH [--now ISO] [--keys t,p,m] [--repeat 5] [--against OTHER/src]

Each run is a fresh process: the guide headless at 120x40 (the programme through its cache,
as `tui-guide` loads it), left until the work after its first paint is done (the days not
shown, the search indexes), then each key in turn is sent as the terminal sends it (through
the driver, not Pilot) and timed to the first frame the App writes with that key's screen
on top (`App._display`), and to the first idle after it (Pilot's `pause()`). Each key opens
a section not yet opened, so each pays for building its screen. With `--against`, another
checkout's guide (its `src` folder, a cache folder of its own) runs in turns with this one.
Never asserts a time.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCREENS = {"t": "TimetableScreen", "p": "PeopleScreen", "m": "MineScreen", "v": "VenuesScreen"}
SCREENS |= {"n": "NowNextScreen", "c": "ChangesScreen", "d": "DaysScreen"}


async def _once(path: Path, now: str | None, keys: list[str]) -> dict[str, float]:
    from textual import events

    from tui_guide.favourites import Favourites
    from tui_guide.library.load import load_programme
    from tui_guide.programme.clock import Clock
    from tui_guide.tui.app import GuideApp

    from .settle import after_start, settle

    later: list = []  # type: ignore[type-arg]  # as tui-guide does: the hash after the paint
    programme = load_programme([path], later=later)
    moment = datetime.fromisoformat(now) if now else None
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="tui-guide-bench-screens-") as folder:
        favourites = Favourites(path=Path(folder) / "favourites.sqlite3")
        app = GuideApp(programme, clock=Clock(moment), favourites=favourites, cache_checks=later)
        gc.freeze()  # as `run_guide` does
        frames: list[tuple[float, str]] = []
        display = app._display

        def spy(screen, renderable) -> None:  # type: ignore[no-untyped-def]
            frames.append((time.perf_counter(), type(app.screen).__name__))
            display(screen, renderable)

        app._display = spy  # type: ignore[method-assign]
        async with app.run_test(size=(120, 40)) as pilot:
            await after_start(pilot)
            for key in keys:
                wanted = SCREENS[key]
                frames.clear()
                event = events.Key(key, key)
                event.set_sender(app)
                started = time.perf_counter()
                app._driver.send_message(event)  # type: ignore[union-attr]
                while time.perf_counter() - started < 60:
                    if any(name == wanted for _, name in frames):
                        break
                    await asyncio.sleep(0.001)
                first = next(t for t, name in frames if name == wanted)
                times[f"{key}: first frame"] = first - started
                await settle(pilot)
                times[f"{key}: settled"] = time.perf_counter() - started
    return times


def child(path: Path, now: str | None, keys: list[str], src: Path | None, cache: str) -> dict:  # type: ignore[type-arg]
    """One run in a fresh process, on this checkout's guide or on `src`'s."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(src or REPO / "src")
    env["TEXTUAL_ANIMATIONS"] = "none"
    env["TUI_GUIDE_CACHE"] = cache
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as an installed guide: with its bytecode
    env.setdefault("PYTHONPYCACHEPREFIX", str(Path(cache) / "pyc"))
    command = [sys.executable, "-m", "benchmarks.screens", str(path), "--child"]
    command += ["--keys", ",".join(keys)] + (["--now", now] if now else [])
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True, cwd=REPO)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--now", help="the guide's clock (YYYY-MM-DDTHH:MM)")
    parser.add_argument("--keys", default="t,p,m", help="section keys, in turn (default t,p,m)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--against", type=Path, help="another checkout's src/, timed in turn")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    keys = [key for key in args.keys.split(",") if key]
    if args.child:
        print(json.dumps(asyncio.run(_once(args.path, args.now, keys))))
        return 0
    with tempfile.TemporaryDirectory(prefix="tui-guide-bench-screens-") as folder:
        runs: dict[str, list[dict[str, float]]] = {"this": [], "other": []}
        sources = [("this", None)] + ([("other", args.against)] if args.against else [])
        for name, src in sources:  # the caches written first, untimed
            child(args.path, args.now, keys, src, f"{folder}/{name}")
        for _ in range(args.repeat):
            for name, src in sources:
                runs[name].append(child(args.path, args.now, keys, src, f"{folder}/{name}"))
    for step in runs["this"][0]:
        this = statistics.median(run[step] for run in runs["this"])
        line = f"{step}: {this * 1e3:.0f} ms"
        if runs["other"]:
            other = statistics.median(run[step] for run in runs["other"])
            line += f", other {other * 1e3:.0f} ms, this/other {this / other:.2f}"
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
