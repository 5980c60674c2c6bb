"""The first paint in a real terminal: tmux, on a socket of its own, at 120x40.

    python -m benchmarks.terminal [PATH] [--now ISO] [--repeat N] [--against OTHER/src]

Starts a command in a fresh tmux session and reads the screen (`capture-pane`) every few
milliseconds until what it waits for is on it: the bare app's "Hello", or the guide's days
screen (its strip of days and a time in its list). The time is from the launch of the
command to the first capture that shows it, so it holds the interpreter's start, the
imports, the load through the cache and Textual's first frame, as a user waits for it. The
bare app and the guide are taken in turns, the same way.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SIZE = (120, 40)
_RUNS = itertools.count()
BARE = """\
from textual.app import App
from textual.widgets import Static


class Bare(App):
    def compose(self):
        yield Static("Hello")


Bare().run()
"""


def guide_painted(screen: str) -> bool:
    """The guide's first screen is up (the typed command gone): its footer, and either a
    session's time in the days' list or the festivals' session counts."""
    return (
        "exec env" not in screen
        and "q Quit" in screen
        and bool(re.search(r"\d\d:\d\d[–-]|Time TBA|\d sessions?\s*$", screen, re.M))
    )


def bare_painted(screen: str) -> bool:
    return "exec env" not in screen and "Hello" in screen


def available() -> bool:
    return shutil.which("tmux") is not None


def _tmux(socket: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["tmux", "-L", socket, *args], capture_output=True, text=True, check=False
    )


def first_text(command: list[str], wanted: Callable[[str], bool], env: dict[str, str]) -> float:
    """Seconds from launching `command` in a fresh tmux session to `wanted` on its screen."""
    # A socket of its own each time: a server just killed may still hold the last one.
    socket = f"tui-guide-bench-{os.getpid()}-{next(_RUNS)}"
    shell = " ".join(_quote(part) for part in command)
    envs = " ".join(f"{k}={_quote(v)}" for k, v in env.items())
    try:
        # An idle shell first, so that tmux's own start is not timed; then the command.
        started_server = _tmux(
            socket, "new-session", "-d", "-s", "b", "-x", str(SIZE[0]), "-y", str(SIZE[1])
        )
        if started_server.returncode != 0:
            raise SystemExit(f"tmux failed: {started_server.stderr}")
        time.sleep(0.3)
        _tmux(socket, "send-keys", "-t", "b", "clear", "Enter")
        time.sleep(0.2)
        started = time.perf_counter()
        # Bytecode is written and read (in the prefix the caller names), whatever the caller's
        # PYTHONDONTWRITEBYTECODE: an installed guide has its .pyc files, as Textual has.
        launch = f"exec env -u PYTHONDONTWRITEBYTECODE {envs} {shell}"
        _tmux(socket, "send-keys", "-t", "b", launch, "Enter")
        deadline = started + 60
        while time.perf_counter() < deadline:
            screen = _tmux(socket, "capture-pane", "-p", "-t", "b").stdout
            if wanted(screen):
                return time.perf_counter() - started
            time.sleep(0.005)
        raise SystemExit(f"not painted within 60 s: {command}\n{screen}")
    finally:
        _tmux(socket, "kill-server")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def terminal_starts(
    guide: list[str], env: dict[str, str], repeat: int, against: Path | None = None
) -> tuple[float, ...]:
    """Median seconds to the first paint in tmux of the guide command and of a bare app,
    taken in turns; with `against` (another checkout's `src`, its own cache folder), that
    checkout's guide too, in the same turns: (this guide, bare[, the other guide])."""
    with tempfile.TemporaryDirectory(prefix="tui-guide-bench-tty-") as folder:
        bare_script = Path(folder) / "bare.py"
        bare_script.write_text(BARE, "utf-8")
        bare = [sys.executable, str(bare_script)]
        extra = {k: env[k] for k in ("TUI_GUIDE_CACHE", "TEXTUAL_ANIMATIONS", "TZ") if k in env}
        extra["TUI_GUIDE_STATE_DIR"] = str(Path(folder) / "state")
        # A settings file of its own (not there: the defaults), not the user's, whose section
        # or theme would change what is painted first.
        extra["TUI_GUIDE_CONFIG"] = str(Path(folder) / "settings.toml")
        extra["PYTHONPATH"] = str(REPO / "src")
        # Every command's bytecode in a folder of the run's own (the first, untimed start of
        # each writes it), so that no start compiles its modules from source and no
        # checkout's tree gets a __pycache__ written into it.
        extra["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pyc")
        other = {**extra, "PYTHONPATH": str(against), "TUI_GUIDE_CACHE": f"{folder}/other"}
        first_text(bare, bare_painted, extra)  # warm the file system caches
        first_text(guide, guide_painted, extra)  # and the guide's cache
        if against is not None:
            first_text(guide, guide_painted, other)
        guides: list[float] = []
        bares: list[float] = []
        others: list[float] = []
        for _ in range(repeat):
            bares.append(first_text(bare, bare_painted, extra))
            guides.append(first_text(guide, guide_painted, extra))
            if against is not None:
                others.append(first_text(guide, guide_painted, other))
    found = (statistics.median(guides), statistics.median(bares))
    return (*found, statistics.median(others)) if others else found


def guide_command(path: Path | None, now: str | None) -> list[str]:
    """`tui-guide` as a user starts it: the command line's entry point."""
    command = [sys.executable, "-c", "from tui_guide.cli import main; raise SystemExit(main())"]
    if path is not None:
        command += ["--data", str(path)]
    if now is not None:
        command += ["--now", now]
    return command


def start_arguments(doc: str, argv: list[str], repeat: int) -> argparse.Namespace:
    """The options of a benchmark of the start (this one's, `start_cpu`'s): a programme, the
    clock, the repeats, and another checkout to time in turns."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, help="a programme (default: the bundled)")
    parser.add_argument("--now", help="the guide's clock (YYYY-MM-DDTHH:MM)")
    parser.add_argument("--repeat", type=int, default=repeat)
    parser.add_argument("--against", type=Path, help="another checkout's src/, timed in turn")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = start_arguments(__doc__, argv, repeat=5)
    env = {**os.environ, "TEXTUAL_ANIMATIONS": "none"}
    found = terminal_starts(
        guide_command(args.path or REPO / "data", args.now), env, args.repeat, args.against
    )
    guide, bare = found[:2]
    print(f"guide {guide * 1e3:.0f} ms, bare {bare * 1e3:.0f} ms: {guide / bare:.2f}x")
    if len(found) > 2:
        print(
            f"other {found[2] * 1e3:.0f} ms: {found[2] / bare:.2f}x; "
            f"this/other {guide / found[2]:.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
