"""One start of an app in a fresh process, which exits as soon as its first screen is painted.

    python -m benchmarks.first_paint bare
    python -m benchmarks.first_paint guide PATH [--now 2025-08-01T10:00]

`bare` is the smallest Textual app: one Static. `guide` starts the guide the way
`tui-guide` does (the programme through its cache, then the app). Both run headless at
120x40 and stop after the first idle (`pilot.pause()`), the same way, so that the parent's
wall-clock time of the whole process compares them. The last line printed is JSON: the
seconds spent loading and the peak resident memory of the process.
"""

from __future__ import annotations

import gc
import json
import resource
import sys
import time

STARTED = time.perf_counter()


PAINTED: list[int] = []  # the peak memory when the first screen is up


async def _exit_when_painted(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    PAINTED.append(peak_kib())  # before the threads that start after the paint add theirs
    pilot.app.exit()


def bare() -> float:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Hello")

    Bare().run(headless=True, size=(120, 40), auto_pilot=_exit_when_painted)
    return 0.0


def guide(path: str, now: str | None) -> float:
    from datetime import datetime
    from pathlib import Path

    from tui_guide.favourites import Favourites
    from tui_guide.library.cache import Deferred
    from tui_guide.library.load import load_programme
    from tui_guide.programme.clock import Clock
    from tui_guide.tui.app import GuideApp

    started = time.perf_counter()
    later: list[Deferred] = []  # as tui-guide does: the hash after the first paint
    programme = load_programme([Path(path)], later=later)
    loaded = time.perf_counter() - started
    if not programme.festivals:
        raise SystemExit(f"nothing loaded from {path}")
    moment = datetime.fromisoformat(now) if now else None
    app = GuideApp(programme, clock=Clock(moment), favourites=Favourites(), cache_checks=later)
    gc.freeze()  # as run_guide does
    app.run(headless=True, size=(120, 40), auto_pilot=_exit_when_painted)
    return loaded


def peak_kib() -> int:
    """The peak resident memory of this process, in KiB. On Linux from VmHWM: ru_maxrss
    survives exec, so it would count the parent's memory at the fork (the benchmark's
    parent holds big programmes) as this process's own."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:  # pragma: no cover - not Linux
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes there, KiB elsewhere


def main(argv: list[str]) -> int:
    which = argv[0]
    loaded = bare() if which == "bare" else guide(argv[1], argv[3] if len(argv) > 3 else None)
    peak = PAINTED[0] if PAINTED else peak_kib()
    report = {"load": loaded, "inside": time.perf_counter() - STARTED, "peak_kib": peak}
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
