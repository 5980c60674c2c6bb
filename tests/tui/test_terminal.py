"""End to end in a real terminal: tmux runs the installed `tui-guide` command in a shell,
real keys go in, and capture-pane reads what the terminal shows."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tui_guide.favourites import Favourites

from .helpers import in_ci

PROMPT = "READY$ "
TIMEOUT = 15.0


def installed_command() -> Path:
    beside = Path(sys.executable).parent / "tui-guide"
    if beside.is_file():
        return beside
    found = shutil.which("tui-guide")
    if found is None:
        pytest.fail("the tui-guide command is not installed (pip install -e .)")
    return Path(found)


class Terminal:
    """One tmux session with a plain shell in it, on a private tmux server (-L) so the test
    neither sees nor disturbs anyone else's sessions."""

    def __init__(self, name: str) -> None:
        self.name = name

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.name, *args],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=True,
        )
        return done.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def send(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.name, "-l", text)

    def wait_for(self, condition: Callable[[str], bool], what: str) -> str:
        """Poll the screen until `condition(screen)`; fail with the screen after TIMEOUT."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            screen = self.screen()
            if condition(screen):
                return screen
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for {what}; the screen shows:\n{screen}")
            time.sleep(0.05)

    def wait_for_text(self, *texts: str) -> str:
        return self.wait_for(lambda s: all(t in s for t in texts), " and ".join(map(repr, texts)))


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    if shutil.which("tmux") is None:
        if in_ci():
            pytest.fail("tmux is required in CI (.ci/run installs it)")
        pytest.skip("tmux is not installed")
    home = tmp_path / "home"
    env = {
        "TERM": "xterm-256color",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TZ": "UTC",
        "PS1": PROMPT,
        "TUI_GUIDE_CONFIG": str(home / "settings.toml"),
    }
    for folder in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        Path(env[folder]).mkdir(parents=True)
    term = Terminal(f"tui-guide-test-{uuid.uuid4().hex[:12]}")
    # The shell starts from a clean environment: only what is set above.
    assignments = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
    shell = f"env -i {assignments} bash --norc --noprofile"
    term.tmux(
        "-f", "/dev/null", "new-session", "-d", "-s", term.name, "-x", "100", "-y", "30", shell
    )
    try:
        term.wait_for(lambda s: s.rstrip().endswith(PROMPT.rstrip()), "the shell prompt")
        yield term
    finally:
        subprocess.run(
            ["tmux", "-L", term.name, "kill-server"], capture_output=True, timeout=TIMEOUT
        )


def test_the_installed_command_in_a_real_terminal(terminal: Terminal, tmp_path: Path) -> None:
    command = installed_command()
    terminal.type(f"{command} --now 2025-12-07T14:10")
    terminal.send("Enter")

    # More than one festival: the festivals screen first, Baku at the top.
    terminal.wait_for_text("Festivals", "Baku Cinema Breeze International Film Festival 2025")
    terminal.send("Enter")

    # The days of Baku, open on 7 December (the --now day): both 14:00 masterclasses.
    days = terminal.wait_for_text(
        "Sun 7 Dec", "Acting techniques for animators", "Building a successful career"
    )
    acting = next(line for line in days.splitlines() if "Acting techniques" in line)
    careers = next(line for line in days.splitlines() if "Building a successful career" in line)
    assert acting.lstrip().startswith("14:00")
    assert careers.lstrip().startswith("14:00")

    terminal.send("Enter")
    detail = terminal.wait_for_text("Gurban Masimov", "Yaradıcı Creative Hub")
    assert "leads the workshop" in detail
    assert "Sun 7 Dec 2025 · 14:00 (Asia/Baku)" in detail

    # Escape on its own (then wait), or the terminal reads ESC and the next key as alt+key.
    terminal.send("Escape")
    terminal.wait_for(
        lambda s: "Gurban Masimov" not in s and "Building a successful career" in s,
        "the day list again",
    )

    # Star the highlighted session: the mark shows, and My programme is saved on disk.
    terminal.send("f")
    terminal.wait_for(
        lambda s: any("★" in line and "Acting techniques" in line for line in s.splitlines()),
        "the star on the session",
    )

    terminal.send("q")
    after = terminal.wait_for(
        lambda s: s.rstrip().endswith(PROMPT.rstrip()) and "Acting techniques" not in s,
        "the shell prompt after q",
    )
    assert after.count(PROMPT.rstrip()) >= 2  # the prompt before the command, and after it
    store = Favourites(path=tmp_path / "home/.local/share/tui-guide/favourites.sqlite3")
    assert list(store) == ["baku-cinema-breeze-2025/ata-masterclass-acting-for-animators"]
    store.close()


HOSTILE = r"""
[festival]
id = "hostile"
name = "Hostile"
city = "Baku"
country = "Azerbaijan"
timezone = "Asia/Baku"

[[sessions]]
id = "escapes"
title = "\u001b[2J\u001b[31mRED\u001b[0m title\u0007 [bold]x"
kind = "talk"
date = 2025-12-07
start = 14:00:00
"""


def test_control_characters_in_data_never_reach_the_terminal(
    terminal: Terminal, tmp_path: Path
) -> None:
    data = tmp_path / "hostile.toml"
    data.write_text(HOSTILE, encoding="utf-8")
    terminal.type(f"{installed_command()} --data {data} --now 2025-12-07T14:10")
    terminal.send("Enter")
    # Shown as visible stand-ins: had the ESC reached the terminal, it would have cleared the
    # screen and coloured the text instead.
    shown = terminal.wait_for_text("␛[2J␛[31mRED␛[0m title␇ [bold]x")
    assert "Days" in shown
    terminal.send("q")
    terminal.wait_for(lambda s: s.rstrip().endswith(PROMPT.rstrip()), "the shell prompt")


def test_a_star_on_screen_survives_kill_9_of_the_guide(terminal: Terminal, tmp_path: Path) -> None:
    """The star shows only once it is committed: SIGKILL right after it loses nothing."""
    state = tmp_path / "state"
    # exec: the guide takes the shell's place, so the pane's process is the guide itself.
    terminal.type(f"exec {installed_command()} --now 2025-12-07T14:10 --state-dir {state}")
    terminal.send("Enter")
    terminal.wait_for_text("Festivals", "Baku Cinema Breeze International Film Festival 2025")
    terminal.send("Enter")
    terminal.wait_for_text("Acting techniques for animators")
    pid = int(terminal.tmux("display-message", "-p", "-t", terminal.name, "#{pane_pid}"))
    terminal.send("f")
    terminal.wait_for(
        lambda s: any("★" in line and "Acting techniques" in line for line in s.splitlines()),
        "the star on the session",
    )
    os.kill(pid, signal.SIGKILL)
    store = Favourites(path=state / "favourites.sqlite3")
    assert list(store) == ["baku-cinema-breeze-2025/ata-masterclass-acting-for-animators"]
    store.close()


def test_the_palette_finds_a_speaker_and_their_session_in_a_real_terminal(
    terminal: Terminal,
) -> None:
    """ctrl+p says what it searches; a surname typed without its letters' marks puts the
    person first with their sessions below; Enter on a session's title opens it."""
    terminal.type(f"{installed_command()} --now 2025-12-07T14:10")
    terminal.send("Enter")
    terminal.wait_for_text("Festivals", "Baku Cinema Breeze International Film Festival 2025")
    terminal.send("C-p")
    terminal.wait_for_text("Search sessions, people, venues")
    terminal.type("masimov")
    shown = terminal.wait_for_text("Gurban Masimov", "Acting techniques for animators")
    lines = shown.splitlines()
    person = next(i for i, line in enumerate(lines) if "Gurban Masimov" in line)
    session = next(i for i, line in enumerate(lines) if "Acting techniques" in line)
    assert person < session and "person" in lines[person]
    assert "Kamran Gasimov" not in shown[: shown.index("Acting techniques")]

    # A title's words, typed: the session is the first hit, and Enter opens it.
    terminal.send("C-u")  # the input cleared
    terminal.wait_for(lambda s: "Gurban Masimov" not in s, "the hits cleared")
    terminal.type("acting animators")
    terminal.wait_for_text("Acting techniques for animators", "session")
    time.sleep(0.3)  # the palette shows its hits in batches: let the last one land
    terminal.send("Enter")
    detail = terminal.wait_for_text("leads the workshop", "Yaradıcı Creative Hub")
    assert "Sun 7 Dec 2025 · 14:00 (Asia/Baku)" in detail
    terminal.send("q")
    terminal.wait_for(lambda s: s.rstrip().endswith(PROMPT.rstrip()), "the shell prompt")


def test_a_theme_chosen_in_a_real_terminal_is_there_at_the_next_start(
    terminal: Terminal, tmp_path: Path
) -> None:
    """The installed command, twice, on the settings file the shell names: the theme chosen
    in the palette the first time is the one the second opens with."""
    settings = tmp_path / "home" / "settings.toml"  # $TUI_GUIDE_CONFIG in the shell
    command = f"{installed_command()} --now 2025-12-07T14:10"
    terminal.type(command)
    terminal.send("Enter")
    terminal.wait_for_text("Festivals", "Baku Cinema Breeze International Film Festival 2025")
    terminal.send("C-p")
    terminal.wait_for_text("Search sessions, people, venues")
    terminal.type("theme")
    terminal.wait_for_text("Change the current theme")
    time.sleep(0.3)  # the palette shows its hits in batches: let the last one land
    terminal.send("Enter")
    terminal.wait_for_text("Search for themes")
    terminal.type("gruvbox")
    terminal.wait_for(
        lambda s: "gruvbox" in s and "dracula" not in s and "nord" not in s, "the theme's hit"
    )
    time.sleep(0.3)
    terminal.send("Enter")
    terminal.wait_for(lambda s: "Search for themes" not in s, "the palette closed")
    terminal.send("q")
    terminal.wait_for(lambda s: s.rstrip().endswith(PROMPT.rstrip()), "the shell prompt")
    assert 'theme = "gruvbox"' in settings.read_text(encoding="utf-8")

    terminal.send("C-l")  # a clear screen for the second start
    terminal.type(command)
    terminal.send("Enter")
    terminal.wait_for_text("Festivals", "Baku Cinema Breeze International Film Festival 2025")
    terminal.send(",")
    shown = terminal.wait_for_text("Settings", "Theme", "Times shown in")
    lines = shown.splitlines()
    label = next(i for i, line in enumerate(lines) if " Theme " in line and "▼" not in line)
    assert "gruvbox" in lines[label + 1] and "▼" in lines[label + 1]  # the theme's list
    terminal.send("Escape")
    terminal.wait_for(lambda s: "Times shown in" not in s, "the dialog closed")
    terminal.send("q")
    terminal.wait_for(lambda s: s.rstrip().endswith(PROMPT.rstrip()), "the shell prompt")
