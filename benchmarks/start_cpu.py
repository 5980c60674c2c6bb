"""The guide's start as `tui-guide` runs it, to its first frame, by CPU time.

    python -m benchmarks.start_cpu [PATH] [--now ISO] [--repeat N] [--against OTHER/src]

Each run is a fresh process that calls the command line's `main` (`tui_guide.cli.main`, which
imports Textual itself and leaves the collector as the guide's start has it), with the App
run headless at 120x40; it notes the process's CPU time (`time.process_time()`, every thread)
and the wall clock since its start when `App._display` first has a frame to write, and exits
once the App is idle. A bare Textual app (one Static) is started the same way, and with
`--against` another checkout's guide, in turns. On a shared machine the CPU time is
steadier than the wall clock (`terminal.py`, which times the same start in tmux); both are
printed, each a median. `first_paint.py` starts the App itself, without the command line.
"""

from __future__ import annotations

# Only what the child's start would import anyway: the child runs the guide's start in this
# module's process, so that argparse, json and the like are imported by the parent alone.
import importlib.machinery
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

STARTED = time.perf_counter()
REPO = Path(__file__).resolve().parents[1]
SIZE = (120, 40)
FIRST: list[tuple[float, float]] = []  # (CPU seconds, wall seconds) at the first frame


async def _exit_when_idle(pilot: Any) -> None:
    await pilot.pause()
    pilot.app.exit()


def _watched(module: ModuleType) -> None:
    """Textual's App as this run needs it: the first frame noted, headless, exited when idle."""
    app_class = module.App
    display, run = app_class._display, app_class.run

    def _display(self: Any, screen: Any, renderable: Any) -> None:
        display(self, screen, renderable)
        if renderable is not None and not FIRST:
            FIRST.append((time.process_time(), time.perf_counter() - STARTED))

    def _run(self: Any, *args: Any, **kwargs: Any) -> Any:
        return run(self, headless=True, size=SIZE, auto_pilot=_exit_when_idle)

    app_class._display, app_class.run = _display, _run


class _WatchTextual:
    """Wraps textual.app as it is first imported, by whoever imports it (the guide's own
    start does, inside `main`), so that nothing is imported before it would be. (A finder
    on `sys.meta_path` needs only `find_spec`: importlib.abc would import
    importlib.resources, which the guide's start does without.)"""

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != "textual.app":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        assert spec is not None and spec.loader is not None
        execute = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            execute(module)
            _watched(module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def child(which: str, words: list[str]) -> int:
    sys.meta_path.insert(0, _WatchTextual())
    if which == "bare":
        from textual.app import App, ComposeResult
        from textual.widgets import Static

        class Bare(App[None]):
            def compose(self) -> ComposeResult:
                yield Static("Hello")

        Bare().run()
    else:
        from tui_guide.cli import main

        main(words)
    if not FIRST:
        raise SystemExit("no frame was written")
    print(f"first frame: {FIRST[0][0]!r} {FIRST[0][1]!r}")
    return 0


def _run_child(which: str, words: list[str], env: dict[str, str]) -> tuple[float, float]:
    import subprocess

    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.start_cpu", "--child", which, *words],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{which} failed:\n{done.stderr[-3000:]}")
    cpu, wall = done.stdout.splitlines()[-1].removeprefix("first frame: ").split()
    return float(cpu), float(wall)


def starts(words: list[str], repeat: int, against: Path | None) -> dict[str, tuple[float, float]]:
    """Median (CPU, wall) seconds to the first frame of the bare app, this checkout's guide
    and (with `against`) the other's, each run a fresh process, taken in turns."""
    import os
    import statistics
    import tempfile

    with tempfile.TemporaryDirectory(prefix="tui-guide-bench-start-") as folder:
        base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        base |= {
            "TEXTUAL_ANIMATIONS": "none",
            "TUI_GUIDE_STATE_DIR": f"{folder}/state",
            "TUI_GUIDE_CONFIG": f"{folder}/settings.toml",  # none there: the defaults
            # Bytecode written once (by the untimed first run of each) and read after.
            "PYTHONPYCACHEPREFIX": f"{folder}/pyc",
        }
        checkouts = {"this": REPO / "src", **({"other": against} if against else {})}
        envs = {"bare": {**base, "PYTHONPATH": str(REPO)}}
        for name, src in checkouts.items():
            envs[name] = {
                **base,
                "PYTHONPATH": os.pathsep.join([str(src), str(REPO)]),
                "TUI_GUIDE_CACHE": f"{folder}/cache-{name}",
            }
        order = list(envs)
        for name in order:  # bytecode, and each checkout's cache, written
            _run_child("bare" if name == "bare" else "guide", words, envs[name])
        found: dict[str, list[tuple[float, float]]] = {name: [] for name in order}
        for turn in range(repeat):
            for name in order if turn % 2 == 0 else order[::-1]:
                which = "bare" if name == "bare" else "guide"
                found[name].append(_run_child(which, words, envs[name]))
    return {
        name: (statistics.median(c for c, _ in runs), statistics.median(w for _, w in runs))
        for name, runs in found.items()
    }


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        return child(argv[1], argv[2:])
    from .terminal import start_arguments

    args = start_arguments(__doc__ or "", argv, repeat=9)
    words = ["--data", str(args.path or REPO / "data")]
    if args.now:
        words += ["--now", args.now]
    found = starts(words, args.repeat, args.against)
    bare_cpu, bare_wall = found["bare"]
    print(f"bare: CPU {bare_cpu * 1e3:.0f} ms, wall {bare_wall * 1e3:.0f} ms")
    for name in ("this", "other"):
        if name in found:
            cpu, wall = found[name]
            print(
                f"{name}: CPU {cpu * 1e3:.0f} ms ({cpu / bare_cpu:.2f}x bare), "
                f"wall {wall * 1e3:.0f} ms ({wall / bare_wall:.2f}x bare)"
            )
    if "other" in found:
        print(f"this/other: CPU {found['this'][0] / found['other'][0]:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
