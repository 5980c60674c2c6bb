"""The status line shown on stderr while a big programme loads, and the loader's progress."""

from __future__ import annotations

import io
import time
from pathlib import Path

from rich.console import Console

from tui_guide.cli.load_status import LoadStatus
from tui_guide.library.load import load_programme
from tui_guide.library.sources import bundled_data


def _wait_for(out: io.StringIO, text: str, timeout: float = 5.0) -> None:
    """Until the status line (drawn by Rich's refresh thread) has shown `text`."""
    deadline = time.monotonic() + timeout
    while text not in out.getvalue():
        assert time.monotonic() < deadline, f"{text!r} not shown: {out.getvalue()!r}"
        time.sleep(0.01)


def _console(terminal: bool) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=terminal, width=100, color_system=None), out


def test_load_programme_tells_its_progress() -> None:
    told = []
    programme = load_programme([bundled_data()], progress=lambda *a: told.append(a))
    names = sorted(p.name for p in bundled_data().glob("*.toml"))
    assert [(path.name, done, total) for path, done, total, _ in told[:-1]] == [
        (name, done, 3) for done, name in enumerate(names)
    ]
    assert told[-1][1:] == (3, 3, len(programme.sessions))
    assert told[0][3] == 0


def test_a_slow_load_shows_file_and_sessions_on_a_terminal() -> None:
    console, out = _console(terminal=True)
    with LoadStatus(console, delay=0.0) as status:
        status(Path("big-festival.toml"), 0, 2, 0)
        _wait_for(out, "Loading big-festival.toml")
        status(Path("other.toml"), 1, 2, 50_000)
        _wait_for(out, "Loading other.toml")
    shown = out.getvalue()
    assert "Loading big-festival.toml (file 1 of 2), 0 sessions so far" in shown
    assert "Loading other.toml (file 2 of 2), 50000 sessions so far" in shown


def test_a_quick_load_shows_nothing() -> None:
    console, out = _console(terminal=True)
    with LoadStatus(console, delay=5.0) as status:
        status(Path("small.toml"), 0, 1, 0)
    assert out.getvalue() == ""


def test_nothing_is_shown_when_stderr_is_not_a_terminal() -> None:
    console, out = _console(terminal=False)
    with LoadStatus(console, delay=0.0) as status:
        status(Path("big.toml"), 0, 1, 0)
        time.sleep(0.2)
    assert out.getvalue() == ""


def test_file_names_are_made_printable() -> None:
    console, out = _console(terminal=True)
    with LoadStatus(console, delay=0.0) as status:
        status(Path("evil\x1b[2J.toml"), 0, 1, 0)
        _wait_for(out, "evil")
    assert "\x1b[2J" not in out.getvalue()
    assert "evil␛[2J.toml" in out.getvalue()
