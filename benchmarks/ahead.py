"""My programme and People opened after a reader's pause, as a user opens them: from the key
to the first frame with their rows (`benchmarks/frames.py`).

    python -m benchmarks.ahead PATH [--now ISO] [--repeat 5] [--against OTHER/src]

`benchmarks.lists` presses `m` at once after 100 favourites arrive; here the 100 favourites
are in the store at the start (starred on an earlier day), the guide is left until the work
after its first paint is done and then `QUIET` seconds more (someone reading the first
screen), and `m`, then `d`, `f` on a session, a pause, and `m` again (a star made elsewhere
meanwhile), then `p`, are each timed to the first frame that shows their answer, with the
CPU time of the span. Each run a fresh process at 120x40; with `--against`, another
checkout's guide in turns. Never asserts a time.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import random
import statistics
import tempfile
from datetime import datetime
from pathlib import Path

from .lists import _unseen, fmt, run_child

QUIET = 1.5  # seconds of reading before each timed key
STEPS = ("m: My programme (100)", "m: again, after a star", "p: People")


async def _once(path: Path, now: str | None) -> dict[str, float]:
    from tui_guide.favourites import Favourites
    from tui_guide.favourites.agenda import starred_and_gone
    from tui_guide.library.load import load_programme
    from tui_guide.programme.clock import Clock
    from tui_guide.tui.app import GuideApp

    from .frames import FrameWatch
    from .settle import after_start, settle

    programme = load_programme([path])
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="tui-guide-bench-ahead-") as folder:
        favourites = Favourites(path=Path(folder) / "favourites.sqlite3")
        rng = random.Random(5)
        for session in rng.sample(programme.sessions, min(100, len(programme.sessions))):
            favourites.add(session.key)
        moment = datetime.fromisoformat(now) if now else None
        app = GuideApp(programme, clock=Clock(moment), favourites=favourites)
        gc.freeze()  # as `run_guide` does
        async with app.run_test(size=(120, 40)) as pilot:
            await after_start(pilot)
            watch = FrameWatch(app)

            async def timed(name: str, key: str, wanted: str) -> None:
                await asyncio.sleep(QUIET)
                times[name] = await watch.key(key, wanted)
                assert watch.cpu is not None
                times[f"{name} (CPU)"] = watch.cpu
                await settle(pilot)

            try:
                starred = starred_and_gone(favourites.entries(), programme)[0]
                titles = [s.title for s in starred[:8]]
                await timed(STEPS[0], "m", _unseen(titles, watch.screen_text()))
                await watch.key("d", None)
                await settle(pilot)
                await watch.key("f", None)  # a star on the day's first row
                await settle(pilot)
                await timed(STEPS[1], "m", _unseen(titles, watch.screen_text()))
                people = [row[1] for row, _ in app.people_rows[:8]]
                await timed(STEPS[2], "p", _unseen(people, watch.screen_text()))
            finally:
                watch.close()
    return times


def child(path: Path, now: str | None, src: Path | None, cache: str) -> dict[str, float]:
    command = ["benchmarks.ahead", str(path), "--child", *(["--now", now] if now else [])]
    return run_child(command, src, {"TUI_GUIDE_CACHE": cache})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--now", help="the clock, ISO (default: the real one)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--against", type=Path, help="another checkout's src folder")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(asyncio.run(_once(args.path, args.now))))
        return 0
    guides: dict[str, Path | None] = {"this checkout": None}
    if args.against:
        guides[str(args.against)] = args.against
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in guides}
    with tempfile.TemporaryDirectory(prefix="tui-guide-bench-ahead-cache-") as folder:
        caches = {name: f"{folder}/{i}" for i, name in enumerate(guides)}  # one each
        for name, src in guides.items():  # the cache each writes, not timed
            child(args.path, args.now, src, caches[name])
        for _ in range(args.repeat):
            for name, src in guides.items():
                runs[name].append(child(args.path, args.now, src, caches[name]))
    names = list(guides)
    print(f"{args.path.name}: median of {args.repeat} runs")
    heads = [*names, "ratio"] if len(names) > 1 else names
    print("| step | " + " | ".join(heads) + " |")
    print("|---|" + "---:|" * len(heads))
    for step in (row for name in STEPS for row in (name, f"{name} (CPU)")):
        medians = [statistics.median(r[step] for r in runs[name]) for name in names]
        cells = [fmt(m) for m in medians]
        if len(medians) > 1:
            cells.append(f"{medians[0] / medians[1]:.2f}")
        print(f"| {step} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
