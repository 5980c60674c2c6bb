"""The guide's start imports the first screen's module and not the others: each section's
screen, the dialogs and the timetable's grid are imported when first opened, or after the first
paint (whichever comes first)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data"

# Modules the first screen (Festivals, for the bundled programme; Days for one festival)
# does without.
NOT_AT_START = (
    "tui_guide.tui.screens.changes",
    "tui_guide.tui.screens.filters",
    "tui_guide.tui.screens.gap",
    "tui_guide.tui.screens.help",
    "tui_guide.tui.screens.mine",
    "tui_guide.tui.screens.now_next",
    "tui_guide.tui.screens.people",
    "tui_guide.tui.screens.session",
    "tui_guide.tui.screens.settings",
    "tui_guide.tui.screens.timetable",
    "tui_guide.tui.screens.venues",
    "tui_guide.tui.widgets.timetable",
    # The search indexes' modules: the worker that builds (or reads back) them imports them.
    "tui_guide.library.index_cache",
    "tui_guide.programme.search",
    # What runs after the paint or on a key: the programme's versions compared, My
    # programme's gaps and reminders.
    "tui_guide.programme.versions",
    "tui_guide.favourites.gaps",
    "tui_guide.favourites.agenda",
)
# Libraries the first frame does without, which a bare Textual app does not import either:
# the viewer's own zone (only for a time shown in it), hashlib's OpenSSL (the cache's
# blake2b is hashlib's own, from _blake2), the settings' writer thread, importlib.resources.
NOT_AT_START_ELSEWHERE = ("tzlocal", "_hashlib", "concurrent.futures.thread", "importlib.resources")

SCRIPT = """
import json, sys
from pathlib import Path
from tui_guide.favourites import Favourites
from tui_guide.library.load import load_programme
import tui_guide.tui.app
from tui_guide.tui.app import GuideApp

programme = load_programme([Path(sys.argv[1])])
if sys.argv[2] == "one":
    programme = type(programme)(festivals=programme.festivals[:1])
seen = {}

class Guide(GuideApp):
    CSS_PATH = str(Path(tui_guide.tui.app.__file__).with_name("app.tcss"))

    def _after_first_paint(self):
        # What the first frame needed, before anything that follows it is started.
        seen["painted"] = sorted(m for m in sys.modules if m.startswith("tui_guide."))
        seen["others"] = sorted(m for m in OTHERS if m in sys.modules)
        seen["screen"] = type(self.screen).__name__
        super()._after_first_paint()

async def painted(pilot):
    await pilot.pause()
    while "tui_guide.tui.screens.settings" not in sys.modules:  # imported after the paint
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    pilot.app.exit()

app = Guide(programme, favourites=Favourites())
app.run(headless=True, size=(120, 40), auto_pilot=painted)
later = sorted(m for m in sys.modules if m.startswith("tui_guide."))
print(json.dumps([seen["screen"], seen["painted"], later, seen["others"]]))
"""


def _start(which: str) -> tuple[str, list[str], list[str]]:
    script = f"OTHERS = {NOT_AT_START_ELSEWHERE!r}\n{SCRIPT}"
    done = subprocess.run(
        [sys.executable, "-c", script, str(DATA), which],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    screen, painted, later, others = json.loads(done.stdout.splitlines()[-1])
    assert others == []  # NOT_AT_START_ELSEWHERE, none of them loaded by the first frame
    return screen, painted, later


def test_the_festivals_screen_starts_without_the_other_screens() -> None:
    screen, loaded, later = _start("all")
    assert screen == "FestivalsScreen"
    assert "tui_guide.tui.screens.festivals" in loaded
    assert [m for m in NOT_AT_START if m in loaded] == []
    assert "tui_guide.tui.screens.days" not in loaded
    # Imported after the first paint, ready for the first key to another section.
    assert [m for m in (*NOT_AT_START, "tui_guide.tui.screens.days") if m not in later] == []


def test_the_days_screen_starts_without_the_other_screens() -> None:
    screen, loaded, _later = _start("one")
    assert screen == "DaysScreen"
    assert "tui_guide.tui.screens.days" in loaded
    assert [m for m in NOT_AT_START if m in loaded] == []
    assert "tui_guide.tui.screens.festivals" not in loaded
