"""Save SVG screenshots of the guide's main screens into docs/images/, for the README.

Run from the repository root:

    .venv/bin/python docs/screenshots.py

The guide runs on the bundled programme at 100x30, with the clock frozen at 2025-12-07 14:10
(festival-local time) and the process in UTC, so the pictures are the same on every machine.
Pilot drives it with the keys a person would press.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from datetime import datetime
from pathlib import Path

os.environ["TZ"] = "UTC"
time.tzset()

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from textual.command import CommandPalette  # noqa: E402
from textual.pilot import Pilot  # noqa: E402
from textual.widgets import OptionList  # noqa: E402

from tui_guide.favourites import Favourites  # noqa: E402
from tui_guide.library.load import load_programme  # noqa: E402
from tui_guide.programme.clock import Clock  # noqa: E402
from tui_guide.tui.app import GuideApp  # noqa: E402
from tui_guide.tui.screens.days import DaysScreen  # noqa: E402
from tui_guide.tui.screens.help import HelpScreen  # noqa: E402
from tui_guide.tui.screens.now_next import NowNextScreen  # noqa: E402
from tui_guide.tui.screens.people import PeopleScreen  # noqa: E402
from tui_guide.tui.screens.session import SessionScreen  # noqa: E402
from tui_guide.tui.screens.venue import VenueScreen  # noqa: E402
from tui_guide.tui.screens.venues import VenuesScreen  # noqa: E402
from tui_guide.tui.widgets.line_list import LineList  # noqa: E402
from tui_guide.tui.widgets.session_list import SessionList  # noqa: E402

DATA = REPO / "data"
IMAGES = REPO / "docs" / "images"
FROZEN = datetime(2025, 12, 7, 14, 10)
SIZE = (100, 30)
FESTIVAL = "baku-cinema-breeze-2025"
SESSION = "ata-masterclass-acting-for-animators"
VENUE = "baku-convention-center"


def expect(app: GuideApp, kind: type, name: str) -> None:
    if not isinstance(app.screen, kind):
        raise SystemExit(f"{name}: expected {kind.__name__}, found {type(app.screen).__name__}")


async def highlight(pilot: Pilot, widget: OptionList | LineList, option_id: str) -> None:
    """Move the highlight to `option_id` with the arrow keys, as a person would."""
    if isinstance(widget, LineList):
        target = list(widget.keys).index(option_id)
    else:
        target = widget.get_option_index(option_id)
    widget.focus()
    await pilot.pause()
    while widget.highlighted != target:
        await pilot.press("down" if (widget.highlighted or 0) < target else "up")


async def shoot(app: GuideApp, pilot: Pilot, name: str) -> None:
    await pilot.pause()
    await pilot.pause()
    path = app.save_screenshot(f"{name}.svg", str(IMAGES))
    print(Path(path).relative_to(REPO))


async def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    programme = load_programme([DATA])
    if programme.problems:
        raise SystemExit("\n".join(str(p) for p in programme.problems))
    app = GuideApp(programme, clock=Clock(FROZEN), favourites=Favourites())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await shoot(app, pilot, "festivals")

        festivals = app.screen.query_one("#festivals", OptionList)
        await highlight(pilot, festivals, FESTIVAL)
        await pilot.press("enter")
        await pilot.pause()
        expect(app, DaysScreen, "days")
        await shoot(app, pilot, "days")

        day_list = app.screen.query_one("#day-list", SessionList)
        await highlight(pilot, day_list, f"{FESTIVAL}/{SESSION}")
        await pilot.press("enter")
        await pilot.pause()
        expect(app, SessionScreen, "session")
        await shoot(app, pilot, "session")

        await pilot.press("escape", "v")
        await pilot.pause()
        expect(app, VenuesScreen, "venues")
        await shoot(app, pilot, "venues")

        await highlight(pilot, app.screen.query_one("#venues", LineList), VENUE)
        await pilot.press("enter")
        await pilot.pause()
        expect(app, VenueScreen, "venue")
        await shoot(app, pilot, "venue-baku-convention-center")

        await pilot.press("escape", "p")
        await pilot.pause()
        expect(app, PeopleScreen, "people")
        await shoot(app, pilot, "people")

        await pilot.press("n")
        await pilot.pause()
        expect(app, NowNextScreen, "now")
        await shoot(app, pilot, "now-next")

        await pilot.press("ctrl+p")
        await pilot.pause()
        expect(app, CommandPalette, "palette")
        await pilot.press(*"yaradici")
        await pilot.pause(0.5)  # the palette searches in the background
        await shoot(app, pilot, "search-palette")

        await pilot.press("escape", "question_mark")
        await pilot.pause()
        expect(app, HelpScreen, "help")
        await shoot(app, pilot, "help")


if __name__ == "__main__":
    asyncio.run(main())
