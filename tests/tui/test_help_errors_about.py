"""Help, load problems, quitting and About, driven with Pilot: `?` lists every key of every
screen, a bad file is a notice naming its file and line, `q` quits, a programme with no
festival is refused, and `i` shows the festival and its sources."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from tui_guide.library.load import load_programme
from tui_guide.tui.app import GuideApp
from tui_guide.tui.screens.base import ListScreen
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.festival import FestivalScreen
from tui_guide.tui.screens.filters import FiltersScreen
from tui_guide.tui.screens.help import HelpScreen
from tui_guide.tui.screens.session import SessionScreen
from tui_guide.tui.screens.venue import VenueScreen

from .helpers import (
    MIXED,
    SIZE,
    open_baku_days,
    plain,
    screen_text,
    wait_for,
)

# Help -----------------------------------------------------------------------------------------


async def test_help_lists_the_keys_of_every_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        # The whole table, not only the rows that fit on the screen.
        shown = "\n".join(plain(static.content) for static in app.screen.query(Static))
        for owner in (GuideApp, ListScreen, DaysScreen, SessionScreen, VenueScreen, FiltersScreen):
            for binding in owner.BINDINGS:
                if (binding.id or "").startswith("dialog.go."):
                    continue  # a dialog's copy of a section key, listed under Sections
                if binding.id == "zone.festival":
                    continue  # `z` is listed once, as what it does now (the next test)
                text = binding.tooltip or binding.description
                assert text in shown, f"{owner.__name__}: {binding.key} ({text}) not in help"
        for key in ("d", "v", "p", "n", "F", "f", "^f", "^p", "?", "q", "/", "s", "esc"):
            assert any(line.strip().startswith(key) for line in shown.splitlines()), key
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen)


async def test_help_lists_z_once_as_what_it_does_now(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        for pressed, says, not_says in (
            (False, "your own time zone", "festival's own time zone again"),
            (True, "festival's own time zone again", "your own time zone"),
        ):
            if pressed:
                await pilot.press("z")
                await pilot.pause()
            await pilot.press("question_mark")
            await pilot.pause()
            shown = "\n".join(plain(static.content) for static in app.screen.query(Static))
            rows = [line for line in shown.splitlines() if line.strip().startswith("z ")]
            assert len(rows) == 1, rows
            assert says in rows[0] and not_says not in rows[0]
            await pilot.press("escape")
            await pilot.pause()


# Load problems and quitting -------------------------------------------------------------------


async def test_a_bad_file_shows_a_notice_with_file_and_line(
    make_app, write_festival, monkeypatch
) -> None:
    good = write_festival(MIXED, name="good.toml")
    (good.parent / "zz-bad.toml").write_text(
        '[festival]\nid = "bad"\nname = = 3\n', encoding="utf-8"
    )
    monkeypatch.chdir(good.parent.parent)  # a short relative path, so the notice fits a line
    programme = load_programme([Path(good.parent.name)])
    assert [f.id for f in programme.festivals] == ["test-fest"]
    app = make_app(programme)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, DaysScreen)
        notices = list(app._notifications)
        assert len(notices) == 1
        notice = notices[0]
        assert notice.severity == "warning"
        assert notice.title == "1 file skipped"
        assert notice.message.startswith("programme/zz-bad.toml:3:8: TOML syntax error")
        # ...and it is on the screen, not only in the app's list.
        await wait_for(pilot, lambda: "programme/zz-bad.toml:3:8" in screen_text(app))
        assert "1 file skipped" in screen_text(app)


async def test_q_quits(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


def test_a_programme_with_no_festival_is_refused() -> None:
    from tui_guide.programme import Programme

    with pytest.raises(ValueError):
        GuideApp(Programme())


def test_fixture_programme_is_the_bundled_one(programme) -> None:
    assert Path(programme.festivals[0].source_file).name == "baku-cinema-breeze-2025.toml"


# About ----------------------------------------------------------------------------------------


async def test_about_shows_the_festival_and_its_sources(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_baku_days(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, FestivalScreen)
        text = screen_text(app)
        assert "Sessions Sat 6 Dec – Tue 9 Dec 2025 (its own dates not given)" in text
        assert "Time zone Asia/Baku" in text
        assert "Sources" in text and "Paul Dubar" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen)
