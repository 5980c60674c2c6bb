"""The long lists at size: the busiest day, People and My programme, from the key to their rows.

    python -m benchmarks.lists PATH [--repeat 3] [--against OTHER/src]

Each run starts the guide headless at 120x40 under `App.run_test()` (the clock on the
festival's first day, the search indexes built first, as `run.py` does), then times, each
until Pilot's `pause()` returns: a key that does nothing (the harness's floor); the busiest
day opened from the first; `end` on it (scrolled to its last row); `p` (People) and, after
100 favourites are starred, `m` (My programme) until its rows are drawn, and until the
worker that counts what fits in its gaps is done. With `--against`, another checkout's guide
(its `src` folder) is timed in turns with this one, each run a fresh process, so the ratios
compare runs of the same minutes. Never asserts a time.

A second fresh process per turn times the same keys to the frame a user sees
(`benchmarks/frames.py`): from the key's arrival, sent as the terminal driver sends it, to
the first frame written after it that shows the answer: the busiest day's first rows after
`right` from the day before it (the clock on that day, which the guide opens on), the day's
last row after `end`, the People list's first name after `p`, My programme's first
favourite after `m`, and each again once made; `down` in the list (one row redrawn) is the
floor. Those are the "frame" column, with the process's CPU time over the same span (every
thread's); the Pilot figures are the "Pilot" one.
`--profile FOLDER` writes a cProfile of each frame step's timed span there (`STEP.prof`).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from datetime import time as dt_time
from pathlib import Path

from .settle import after_start, day_strip
from .settle import settle as _settle

STEPS = ("idle key", "busiest day", "scroll to the end", "People", "My programme (100)")
STEPS += ("My programme: gaps counted",)


async def _once(path: Path) -> dict[str, float]:
    from textual import events
    from textual.strip import Strip

    from tui_guide.favourites import Favourites
    from tui_guide.library.load import load_programme
    from tui_guide.programme.clock import Clock
    from tui_guide.tui.app import GuideApp
    from tui_guide.tui.screens.days import tab_id
    from tui_guide.tui.screens.mine import MineScreen
    from tui_guide.tui.widgets.session_list import SessionList

    programme = load_programme([path])
    festival = programme.festivals[0]
    counts = {day: len(festival.sessions_on(day)) for day in festival.days}
    day = max(counts, key=lambda d: (counts[d], d))
    first_day = festival.days[0] if festival.days[0] != day else festival.days[-1]
    times: dict[str, float] = {"rows": counts[day]}
    with tempfile.TemporaryDirectory(prefix="tui-guide-bench-lists-") as folder:
        favourites = Favourites(path=Path(folder) / "favourites.sqlite3")
        app = GuideApp(
            programme,
            clock=Clock(datetime.combine(first_day, datetime.min.time())),
            favourites=favourites,
        )
        gc.freeze()  # as `run_guide` does
        async with app.run_test(size=(120, 40)) as pilot:
            await after_start(pilot)

            async def timed(name: str, key: str | None = None) -> None:
                started = time.perf_counter()
                if key is None:
                    app.screen.query_one(day_strip()).active = tab_id(day)
                else:
                    await pilot.press(key)
                await _settle(pilot)
                times[name] = time.perf_counter() - started

            await timed("idle key", "x")
            await timed("busiest day")
            app.screen.query_one("#day-list").focus()
            await _settle(pilot)
            await timed("scroll to the end", "end")
            await timed("People", "p")
            await pilot.press("d")
            await _settle(pilot)
            rng = random.Random(5)
            for session in rng.sample(programme.sessions, min(100, len(programme.sessions))):
                if session.key not in favourites:
                    favourites.add(session.key)
            app.favourites_version += 1
            await _settle(pilot)
            # My programme's rows come first; what fits in each gap is counted by a worker
            # after them. Pilot waits for the process to idle, worker threads included, so
            # the key is sent as the terminal would and the rows' first frame is caught
            # where the list draws a line.
            drawn: list[float] = []
            render_line = SessionList.render_line

            def spy(listing: SessionList, y: int) -> Strip:
                if not drawn and listing.sessions and isinstance(listing.screen, MineScreen):
                    drawn.append(time.perf_counter())
                return render_line(listing, y)

            SessionList.render_line = spy  # type: ignore[method-assign]
            try:
                key = events.Key("m", "m")
                key.set_sender(app)
                started = time.perf_counter()
                app._driver.send_message(key)  # type: ignore[union-attr]
                while not drawn and time.perf_counter() - started < 60:
                    await asyncio.sleep(0.002)
            finally:
                SessionList.render_line = render_line  # type: ignore[method-assign]
            times["My programme (100)"] = drawn[0] - started
            await app.workers.wait_for_complete()
            await _settle(pilot)
            times["My programme: gaps counted"] = time.perf_counter() - started
    return times


FRAME_STEPS = ("floor: down", "busiest day", "scroll to the end", "People")
FRAME_STEPS += ("My programme (100)", "People again", "My programme again")
"""The frame steps; the last two switch back to a screen already made (what every screen
pays for its chrome and Textual's switch, its content made before)."""


def _unseen(candidates: list[str], screen: str) -> str:
    """The first of `candidates` not on the screen already (cut to fit on one line), so
    that a frame showing it shows the answer, not what was there before."""
    for text in candidates:
        text = text.strip()[:24].strip()
        if text and text not in screen:
            return text
    raise SystemExit(f"every candidate is on the screen already: {candidates[:5]}")


async def _frames(path: Path, profile: Path | None) -> dict[str, float]:
    """The keys of `_once`, each timed from its arrival to the first frame written that
    shows its answer (`benchmarks/frames.py`), with no Pilot pause in the timed span."""
    from tui_guide.favourites import Favourites
    from tui_guide.favourites.agenda import starred_and_gone
    from tui_guide.library.load import load_programme
    from tui_guide.programme.clock import Clock
    from tui_guide.tui.app import GuideApp
    from tui_guide.tui.screens.days import tab_id

    from .frames import FrameWatch

    programme = load_programme([path])
    festival = programme.festivals[0]
    counts = {day: len(festival.sessions_on(day)) for day in festival.days}
    day = max(counts, key=lambda d: (counts[d], d))
    before = festival.days.index(day) - 1
    if before < 0:
        raise SystemExit("the busiest day is the first: no day before it to come from")
    times: dict[str, float] = {"rows": counts[day]}
    with tempfile.TemporaryDirectory(prefix="tui-guide-bench-frames-") as folder:
        favourites = Favourites(path=Path(folder) / "favourites.sqlite3")
        app = GuideApp(
            programme,
            # The clock on the day before the busiest, at 10:00, as `benchmarks.keys` has it:
            # the guide opens on it, and `right` goes to the busiest day.
            clock=Clock(datetime.combine(festival.days[before], dt_time(10, 0))),
            favourites=favourites,
        )
        gc.freeze()  # as `run_guide` does
        async with app.run_test(size=(120, 40)) as pilot:
            await _settle(pilot)
            while app.search_indexes.sessions is None:
                await pilot.pause(0.01)
            await app.workers.wait_for_complete()
            app.screen.query_one(day_strip()).active = tab_id(festival.days[before])
            await _settle(pilot)
            app.screen.query_one("#day-list").focus()
            await _settle(pilot)
            watch = FrameWatch(app)

            async def timed(name: str, key: str, wanted: str | None) -> None:
                out = (
                    profile / f"{name.replace(' ', '-').replace(':', '')}.prof" if profile else None
                )
                times[name] = await watch.key(key, wanted, profile=out)
                assert watch.cpu is not None
                times[f"{name} (CPU)"] = watch.cpu
                await _settle(pilot)

            try:
                await timed("floor: down", "down", None)
                await watch.key("up", None)  # back where it was
                await _settle(pilot)
                rows = festival.sessions_on(day)
                await timed(
                    "busiest day",
                    "right",
                    _unseen([s.title for s in rows[:8]], watch.screen_text()),
                )
                last = [s.title for s in reversed(app.screen.query_one("#day-list").sessions)]  # type: ignore[attr-defined]
                await timed("scroll to the end", "end", _unseen(last[:8], watch.screen_text()))
                people = [row[1] for row, _ in app.people_rows[:8]]
                await timed("People", "p", _unseen(people, watch.screen_text()))
                await watch.key("d", None)
                await _settle(pilot)
                rng = random.Random(5)
                for session in rng.sample(programme.sessions, min(100, len(programme.sessions))):
                    if session.key not in favourites:
                        favourites.add(session.key)
                app.favourites_version += 1
                await _settle(pilot)
                starred = starred_and_gone(favourites.entries(), programme)[0]
                wanted = _unseen([s.title for s in starred[:8]], watch.screen_text())
                await timed("My programme (100)", "m", wanted)
                await app.workers.wait_for_complete()
                await watch.key("d", None)
                await _settle(pilot)
                await timed("People again", "p", _unseen(people, watch.screen_text()))
                await watch.key("d", None)
                await _settle(pilot)
                await timed("My programme again", "m", wanted)
            finally:
                watch.close()
    return times


def child(path: Path, src: Path | None, mode: str = "pilot") -> dict[str, float]:
    """One run in a fresh process, on this checkout's guide or on `src`'s; `mode` "pilot"
    (`_once`) or "frames" (`_frames`)."""
    command = ["benchmarks.lists", str(path), "--child", mode]
    if mode == "frames" and PROFILE is not None:
        command += ["--profile", str(PROFILE / ("this" if src is None else "other"))]
    return run_child(command, src, name=f"{mode} run")


def run_child(
    command: list[str], src: Path | None, env: dict[str, str] | None = None, name: str = "run"
) -> dict[str, float]:
    """`python -m COMMAND...` from the repository's root with this checkout's guide or
    `src`'s (and `env` added), animations off; the JSON its last line prints."""
    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, **(env or {}), TEXTUAL_ANIMATIONS="none")
    env["PYTHONPATH"] = str(src) if src else str(root / "src")
    done = subprocess.run(
        [sys.executable, "-m", *command],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=root,
    )
    if done.returncode != 0:
        raise SystemExit(f"{name} failed ({src or 'this checkout'}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


PROFILE: Path | None = None


def fmt(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main(argv: list[str] | None = None) -> int:
    global PROFILE
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--against", type=Path, help="another checkout's src folder")
    parser.add_argument("--child", choices=("pilot", "frames"), help=argparse.SUPPRESS)
    parser.add_argument("--profile", type=Path, help="write each frame step's cProfile here")
    args = parser.parse_args(argv)
    if args.child == "pilot":
        print(json.dumps(asyncio.run(_once(args.path))))
        return 0
    if args.child == "frames":
        if args.profile:
            args.profile.mkdir(parents=True, exist_ok=True)
        print(json.dumps(asyncio.run(_frames(args.path, args.profile))))
        return 0
    PROFILE = args.profile
    with tempfile.TemporaryDirectory(prefix="tui-guide-bench-lists-cache-") as cache:
        os.environ["TUI_GUIDE_CACHE"] = cache  # a cache of the run's own, warmed
        guides: dict[str, Path | None] = {"this checkout": None}
        if args.against:
            guides[f"{args.against}"] = args.against
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in guides}
        frames: dict[str, list[dict[str, float]]] = {name: [] for name in guides}
        for src in guides.values():  # the cache each writes, not timed
            child(args.path, src)
        for _ in range(args.repeat):
            for name, src in guides.items():
                frames[name].append(child(args.path, src, "frames"))
                runs[name].append(child(args.path, src))
    rows = int(next(iter(runs.values()))[0]["rows"])
    print(f"{args.path.name}: busiest day {rows:,} rows; median of {args.repeat} runs")
    names = list(guides)
    heads = [f"{name}: {kind}" for name in names for kind in ("frame", "Pilot")]
    if len(names) > 1:
        heads += ["ratio: frame", "ratio: Pilot"]
    print("| step | " + " | ".join(heads) + " |")
    print("|---|" + "---:|" * len(heads))
    steps = [name for step in FRAME_STEPS for name in (step, f"{step} (CPU)")]
    for step in dict.fromkeys((*steps, *STEPS)):
        medians = {}
        for kind, found in (("frame", frames), ("Pilot", runs)):
            for name in names:
                if all(step in r for r in found[name]):
                    medians[name, kind] = statistics.median(r[step] for r in found[name])
        cells = [
            fmt(medians[name, kind]) if (name, kind) in medians else "–"
            for name in names
            for kind in ("frame", "Pilot")
        ]
        if len(names) > 1:
            for kind in ("frame", "Pilot"):
                pair = [medians.get((name, kind)) for name in names[:2]]
                cells.append(f"{pair[0] / pair[1]:.2f}" if pair[0] and pair[1] else "–")
        print(f"| {step} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
