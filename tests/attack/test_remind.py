"""A huge `--remind` (issue 15, item 7): refused on the command line with a message, and a
reminder asked for that far ahead never crashes the guide (it used to, with OverflowError
in `starting_soon`)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tui_guide.cli import main
from tui_guide.cli.common import MAX_MINUTES
from tui_guide.favourites import Favourites
from tui_guide.favourites.agenda import starting_soon
from tui_guide.library.load import load_programme
from tui_guide.programme.clock import Clock
from tui_guide.tui.app import GuideApp

REPO = Path(__file__).resolve().parents[2]
KEY = "baku-cinema-breeze-2025/ata-masterclass-acting-for-animators"
BEFORE = datetime(2025, 12, 6, 9, 0)  # the day before that masterclass


@pytest.mark.parametrize("given", ["1" + "0" * 30, "9" * 5000, str(MAX_MINUTES + 1), "-1", "x"])
def test_a_remind_out_of_range_is_refused(given: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--remind", given, "validate"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert f"from 0 to {MAX_MINUTES}" in err and "Traceback" not in err and len(err) < 1000


@pytest.mark.parametrize("minutes", [10**9, 10**30])
def test_starting_soon_that_far_ahead_is_every_later_session(minutes: int) -> None:
    programme = load_programme([REPO / "data"])
    (festival,) = [f for f in programme.festivals if f.id == "baku-cinema-breeze-2025"]
    moment = Clock(BEFORE).now(festival.timezone)
    later = [s for s in festival.sessions if s.starts_at is not None and s.starts_at >= moment]
    found = starting_soon(festival.sessions, moment, minutes)
    assert later and {s.key for s in found} == {s.key for s in later}


async def test_the_guide_reminds_that_far_ahead_without_a_crash() -> None:
    programme = load_programme([REPO / "data"])
    app = GuideApp(programme, clock=Clock(BEFORE), favourites=Favourites([KEY]), remind=10**30)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        titles = [str(n.title) for n in app._notifications]
        assert any(title.startswith("Starts") for title in titles)
