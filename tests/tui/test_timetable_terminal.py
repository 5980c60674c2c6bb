"""The timetable of the installed command in a real terminal (tmux): 37C3 at 12:05 on day 1,
Saal 1 and Saal Granville side by side, Enter opening the block on now, and a venue hidden
from the Filters dialog still hidden when the guide is started again."""

from __future__ import annotations

import time
from pathlib import Path

from .test_terminal import PROMPT, Terminal, installed_command, terminal  # noqa: F401
from .test_timetable import CONGRESS, needs_congress

pytestmark = needs_congress


def _start(terminal: Terminal, state: Path) -> None:  # noqa: F811
    terminal.type(
        f"{installed_command()} --data {CONGRESS} --now 2023-12-27T12:05 --state-dir {state}"
    )
    terminal.send("Enter")
    terminal.wait_for_text("37th Chaos Communication Congress")
    terminal.send("t")


def _header(screen: str) -> str:
    return next(line for line in screen.splitlines() if "Saal 1" in line and "Saal" in line[8:])


def _quit(terminal: Terminal) -> None:  # noqa: F811
    terminal.send("q")
    terminal.wait_for(lambda s: s.rstrip().endswith(PROMPT.rstrip()), "the shell prompt after q")


def test_the_37c3_timetable_in_a_real_terminal(terminal: Terminal, tmp_path: Path) -> None:  # noqa: F811
    state = tmp_path / "state"
    _start(terminal, state)
    grid = terminal.wait_for_text("Day 1 · Wed 27 Dec", "Saal Granville", "12:05▶")
    header = _header(grid)
    assert header.index("Saal 1") < header.index("Saal Granville") < header.index("Saal Zuse")
    now = next(line for line in grid.splitlines() if "12:05▶" in line)
    assert "Apple's iPhone 15" in now and "Unsere Worte sind" in now  # on in both at 12:05

    terminal.send("Enter")
    page = terminal.wait_for_text("Apple's iPhone 15: Under the C", "12:00–12:40")
    assert "Saal 1" in page
    terminal.send("Escape")
    terminal.wait_for_text("12:05▶", "Saal Granville")

    # Hide Saal Granville from the Filters dialog: found by name, ticked, applied.
    terminal.send("C-f")
    terminal.wait_for_text("Filters", "Kind")
    for _ in range(3):  # kinds, tracks, hide past: to the find box
        terminal.send("Tab")
        time.sleep(0.3)  # focus moves when the guide has read the key: no screen tells it
    terminal.type("granville")
    terminal.wait_for(
        lambda s: "Saal Granville · 39 sessions" in s and "Saal Zuse ·" not in s, "the find"
    )
    terminal.send("Tab")
    time.sleep(0.3)
    terminal.send("Space")
    time.sleep(0.3)
    terminal.send("C-s")
    hidden = terminal.wait_for_text("1 thing hidden", "Saal Zuse")
    assert "Saal Granville" not in _header(hidden)
    _quit(terminal)

    # Started again: still hidden, and the badge says how to see it.
    _start(terminal, state)
    again = terminal.wait_for_text("Day 1 · Wed 27 Dec", "Saal Zuse", "1 thing hidden")
    assert "Saal Granville" not in _header(again)
    assert "H shows" in again
    terminal.send("H")
    shown = terminal.wait_for_text("Saal Granville", "hidden ·")
    assert "Saal Granville" in _header(shown)
    _quit(terminal)
