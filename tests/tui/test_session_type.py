"""A schedule's own word for a session ("DJ Set") is shown beside the kind it became, on the
session's page and in lists; a word that only repeats the kind is not shown twice."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from tui_guide.library.load import load_programme
from tui_guide.programme.format import kind_label
from tui_guide.programme.model import Kind, Session
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.session import SessionScreen

from .helpers import screen_text, wait_for

BODY = """\
[[venues]]
id = "club"
name = "Club"

[[sessions]]
id = "night"
title = "Closing night"
kind = "other"
type = "DJ Set"
date = 2025-12-07
start = 22:00:00
venue = "club"

[[sessions]]
id = "lecture"
title = "On sound"
kind = "talk"
type = "Talk"
date = 2025-12-07
start = 20:00:00
venue = "club"
"""


def session(kind: Kind, type: str | None) -> Session:
    return Session(
        festival_id="f", id="s", title="t", kind=kind, timezone=ZoneInfo("UTC"), type=type
    )


def test_the_label_adds_the_sources_word_only_when_it_says_more() -> None:
    assert kind_label(session(Kind.OTHER, "DJ Set")) == "other · DJ Set"
    assert kind_label(session(Kind.TALK, "Talk")) == "talk"
    assert kind_label(session(Kind.TALK, None)) == "talk"
    assert kind_label(session(Kind.OTHER, " Game\nshow ")) == "other · Game show"


async def test_lists_and_the_page_show_the_sources_word(make_app, write_festival) -> None:
    programme = load_programme([write_festival(BODY)], cache=False)
    assert not programme.problems
    app = make_app(programme, now=datetime(2025, 12, 7, 19, 0, tzinfo=ZoneInfo("Asia/Baku")))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DaysScreen))
        await pilot.pause()
        text = screen_text(app)
        assert "other · DJ Set · Club" in text
        assert "talk · Club" in text and "Talk" not in text.replace("talk · Club", "")
        assert app.screen.festival.session("night").date == date(2025, 12, 7)
        await pilot.press("down", "enter")  # the second row: the 22:00 DJ set
        await wait_for(pilot, lambda: isinstance(app.screen, SessionScreen))
        await pilot.pause()
        assert app.screen.session.id == "night"
        assert "other · DJ Set" in screen_text(app)
