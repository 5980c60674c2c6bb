"""Keys in a real terminal: tmux, on a socket of its own, at 120x40, from the key to the
first capture of the screen that shows its answer.

    python -m benchmarks.keys PATH [--now ISO] [--repeat N] [--settle S] [--against OTHER/src]

Starts `tui-guide` (its entry point, a state folder holding 100 favourites drawn at random,
a settings file and a cache folder of the run's own) in a fresh tmux session, waits for its
first screen and then `--settle` seconds (the search indexes' worker, after the first paint,
shares the interpreter with the keys), then sends keys with `tmux send-keys` and reads the
screen with `capture-pane` every few milliseconds until the answer is on it:

- `down` in the day's list (one row's highlight moved: the screen with its colours changes),
  the floor: the guide's smallest answer, through tmux, as a user sees it;
- `right` from the day before the busiest (the clock, `--now`, on that day): one of the
  busiest day's first titles;
- `p`: the People list's first name; then `d`;
- `m`: My programme's first favourite.

Each text looked for is one that was not on the screen before the key. With `--against`,
another checkout's guide (its `src` folder) is timed in turns with this one. The times hold
tmux's own part (the key through its server to the guide, the screen read back), a few
milliseconds, which the floor shows. Never asserts a time.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from .terminal import REPO, SIZE, _quote, _tmux, guide_command, guide_painted

_RUNS = itertools.count()
STEPS = ("floor: down", "busiest day", "People", "My programme (100)")


def _capture(socket: str, colours: bool = False) -> str:
    args = ["capture-pane", "-p", "-t", "b"] + (["-e"] if colours else [])
    return _tmux(socket, *args).stdout


def _wait(socket: str, wanted: Callable[[str], bool], started: float, colours: bool) -> float:
    deadline = started + 60
    while time.perf_counter() < deadline:
        if wanted(_capture(socket, colours)):
            return time.perf_counter() - started
        time.sleep(0.002)
    raise SystemExit(f"no answer within 60 s:\n{_capture(socket)}")


def _unseen(candidates: list[str], screen: str) -> str:
    for text in candidates:
        text = text.strip()[:24].strip()
        if text and text not in screen:
            return text
    raise SystemExit(f"every candidate is on the screen already: {candidates[:5]}")


class Programme:
    """What the keys' answers show, from the programme itself (loaded once, here)."""

    def __init__(self, path: Path, favourites: int = 100) -> None:
        sys.path.insert(0, str(REPO / "src"))
        from tui_guide.favourites.agenda import starred_and_gone
        from tui_guide.library.load import load_programme
        from tui_guide.programme.people import index_people

        programme = load_programme([path])
        festival = programme.festivals[0]
        counts = {day: len(festival.sessions_on(day)) for day in festival.days}
        self.day: date = max(counts, key=lambda d: (counts[d], d))
        if festival.days.index(self.day) == 0:
            raise SystemExit("the busiest day is the first: no day before it to come from")
        self.before: date = festival.days[festival.days.index(self.day) - 1]
        self.day_titles = [s.title for s in festival.sessions_on(self.day)[:8]]
        self.people = [entry.name for entry in index_people(programme.sessions)[:8]]
        rng = random.Random(5)
        chosen = rng.sample(programme.sessions, min(favourites, len(programme.sessions)))
        self.favourite_keys = [s.key for s in chosen]

        class _Entry:  # what starred_and_gone reads of a favourite
            def __init__(self, key: str) -> None:
                self.key = key

        starred = starred_and_gone([_Entry(k) for k in self.favourite_keys], programme)[0]
        self.mine = [s.title for s in starred[:8]]

    def state(self, folder: Path) -> None:
        """A state folder holding the favourites."""
        from tui_guide.favourites import Favourites
        from tui_guide.favourites.location import DATABASE_NAME

        folder.mkdir(parents=True, exist_ok=True)
        favourites = Favourites(path=folder / DATABASE_NAME)
        for key in self.favourite_keys:
            if key not in favourites:
                favourites.add(key)


def one_run(
    command: list[str], env: dict[str, str], facts: Programme, settle: float
) -> dict[str, float]:
    """One guide in a fresh tmux session: each key of STEPS, timed to its answer."""
    socket = f"tui-guide-bench-keys-{os.getpid()}-{next(_RUNS)}"
    shell = " ".join(_quote(part) for part in command)
    envs = " ".join(f"{k}={_quote(v)}" for k, v in env.items())
    times: dict[str, float] = {}
    try:
        started = _tmux(
            socket, "new-session", "-d", "-s", "b", "-x", str(SIZE[0]), "-y", str(SIZE[1])
        )
        if started.returncode != 0:
            raise SystemExit(f"tmux failed: {started.stderr}")
        time.sleep(0.3)
        _tmux(socket, "send-keys", "-t", "b", "clear", "Enter")
        time.sleep(0.2)
        _tmux(socket, "send-keys", "-t", "b", f"exec env {envs} {shell}", "Enter")
        _wait(socket, guide_painted, time.perf_counter(), False)
        time.sleep(settle)

        def key(name: str, key: str, wanted: Callable[[str], bool], colours: bool = False) -> None:
            begun = time.perf_counter()
            _tmux(socket, "send-keys", "-t", "b", key)
            times[name] = _wait(socket, wanted, begun, colours)
            time.sleep(0.5)  # the screen settled (a worker, a second frame) before the next

        before = _capture(socket, colours=True)
        key("floor: down", "Down", lambda screen: screen != before, colours=True)
        _tmux(socket, "send-keys", "-t", "b", "Up")
        time.sleep(0.5)
        text = _unseen(facts.day_titles, _capture(socket))
        key("busiest day", "Right", lambda screen: text in screen)
        name = _unseen(facts.people, _capture(socket))
        key("People", "p", lambda screen: name in screen)
        _tmux(socket, "send-keys", "-t", "b", "d")
        time.sleep(0.5)
        title = _unseen(facts.mine, _capture(socket))
        key("My programme (100)", "m", lambda screen: title in screen)
        _tmux(socket, "send-keys", "-t", "b", "q")
    finally:
        _tmux(socket, "kill-server")
    return times


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--settle", type=float, default=12.0, help="seconds after the first paint")
    parser.add_argument("--against", type=Path, help="another checkout's src/, timed in turn")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tui-guide-bench-keys-") as folder:
        os.environ["TUI_GUIDE_CACHE"] = f"{folder}/facts-cache"  # never the user's
        facts = Programme(args.path)
        command = guide_command(args.path, facts.before.isoformat() + "T10:00")
        base = {"TEXTUAL_ANIMATIONS": "none"}
        if "TZ" in os.environ:
            base["TZ"] = os.environ["TZ"]
        guides: dict[str, dict[str, str]] = {}
        for name, src in (("this checkout", REPO / "src"), (str(args.against), args.against)):
            if src is None:
                continue
            mine = Path(folder) / f"{len(guides)}"
            facts.state(mine / "state")
            guides[name] = {
                **base,
                "PYTHONPATH": str(src),
                "TUI_GUIDE_CACHE": str(mine / "cache"),
                "TUI_GUIDE_STATE_DIR": str(mine / "state"),
                "TUI_GUIDE_CONFIG": str(mine / "settings.toml"),
            }
        for env in guides.values():  # each writes its cache: not timed
            one_run(command, env, facts, 0.5)
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in guides}
        for _ in range(args.repeat):
            for name, env in guides.items():
                runs[name].append(one_run(command, env, facts, args.settle))
    names = list(guides)
    print(f"{args.path.name}: in tmux, {SIZE[0]}x{SIZE[1]}; median of {args.repeat} runs")
    print("| key | " + " | ".join(names) + (" | ratio |" if len(names) > 1 else " |"))
    print("|---|" + "---:|" * (len(names) + (len(names) > 1)))
    for step in STEPS:
        medians = [statistics.median(r[step] for r in runs[name]) for name in names]
        cells = [f"{m * 1000:.0f} ms" for m in medians]
        ratio = f" | {medians[0] / medians[1]:.2f} |" if len(names) > 1 else " |"
        print(f"| {step} | " + " | ".join(cells) + ratio)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
