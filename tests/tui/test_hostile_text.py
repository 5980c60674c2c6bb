"""Text from data files is untrusted: markup shows literally, clicking it does nothing, and
terminal control characters never reach the screen (they show as visible stand-ins)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

import pytest
from textual.command import CommandList
from textual.widgets._toast import Toast

from tui_guide.library.load import load_programme
from tui_guide.tui.app import GuideApp
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.festival import FestivalScreen
from tui_guide.tui.screens.festivals import FestivalsScreen
from tui_guide.tui.screens.filters import FiltersScreen
from tui_guide.tui.screens.help import HelpScreen
from tui_guide.tui.screens.now_next import NowNextScreen
from tui_guide.tui.screens.people import PeopleScreen
from tui_guide.tui.screens.session import SessionScreen
from tui_guide.tui.screens.sessions import SessionsScreen
from tui_guide.tui.screens.timetable import TimetableScreen
from tui_guide.tui.screens.venue import VenueScreen
from tui_guide.tui.screens.venues import VenuesScreen
from tui_guide.tui.widgets.header import GuideHeader
from tui_guide.tui.widgets.line_list import LineList

from .helpers import day_list, open_days, option_ids, palette_search, prompts, screen_text, wait_for

SIZE = (110, 50)

CLICK = "[@click=app.quit]Free tickets[/]"
BOLD = "[bold red]x"
CATS = "Cats [/dogs]"
LIVE = "Live [Acoustic]"
ACCENT = "[$accent]x"
LINK = "[@click=app.quit]link[/]"
# What the control characters must turn into on screen.
RED = "␛[31mred␛[0m"
SHOWN_TITLE = "␛[31mred␛[0m ␇bell␍"
SHOWN_PERSON = "Esc ␛]0;pwned␇ Person"

HOSTILE = r"""
[festival]
id = "hostile"
name = "[@click=app.quit]Free tickets[/]"
city = "[bold red]x"
country = "Live [Acoustic]"
timezone = "Asia/Baku"
starts = 2025-12-07
ends = 2025-12-07

[[venues]]
id = "cats"
name = "Cats [/dogs]"
address = "[$accent]x"
notes = "Notes \u001b[31mred\u001b[0m ring\u0007 over\rwrite"
url = "[@click=app.quit]link[/]"

[[venues]]
id = "esc-hall"
name = "\u001b[31mred\u001b[0m hall"

[[sessions]]
id = "free"
title = "[@click=app.quit]Free tickets[/]"
kind = "masterclass"
date = 2025-12-07
start = 14:00:00
end = 15:00:00
venue = "cats"
track = "Live [Acoustic]"
people = [{ name = "Live [Acoustic]", role = "[bold red]x", affiliation = "[$accent]x" }]
countries = ["Cats [/dogs]"]
tags = ["[$accent]x", "[bold red]x"]
description = "Line \u001b[31mred\u001b[0m\nbell\u0007 and over\rwrite [@click=app.quit]desc[/]"
url = "[@click=app.quit]link[/]"
subtitle = "[bold red]x \u001b[31mred\u001b[0m"
links = [{ url = "[@click=app.quit]link[/]", title = "Cats [/dogs]" }]

[[sessions]]
id = "bold"
title = "[bold red]x"
kind = "panel"
date = 2025-12-07
start = 14:30:00
end = 16:00:00
venue = "esc-hall"
people = [{ name = "[@click=app.quit]Free tickets[/]" }]
countries = ["[$accent]x"]
tags = ["Live [Acoustic]"]

[[sessions]]
id = "cats"
title = "Cats [/dogs]"
kind = "talk"
date = 2025-12-07
start = 18:00:00
venue = "cats"

[[sessions]]
id = "live"
title = "Live [Acoustic]"
kind = "screening"
date = 2025-12-07

[[sessions]]
id = "accent"
title = "[$accent]x"
kind = "other"

[[sessions]]
id = "escapes"
title = "\u001b[31mred\u001b[0m \u0007bell\r"
kind = "workshop"
date = 2025-12-07
start = 16:00:00
venue = "esc-hall"
people = [{ name = "Esc \u001b]0;pwned\u0007 Person" }]
"""

PLAIN = """
[festival]
id = "plain"
name = "Plain Festival"
city = "Baku"
country = "Azerbaijan"
timezone = "Asia/Baku"

[[sessions]]
id = "quiet"
title = "A quiet session"
kind = "talk"
"""


@pytest.fixture
def hostile_app(make_app, tmp_path) -> GuideApp:
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "hostile.toml").write_text(HOSTILE, encoding="utf-8")
    (folder / "plain.toml").write_text(PLAIN, encoding="utf-8")
    programme = load_programme([folder])
    assert not programme.problems, programme.problems
    assert [f.id for f in programme.festivals] == ["hostile", "plain"]
    return make_app(programme, now=datetime(2025, 12, 7, 14, 10))


def assert_clean(app: GuideApp) -> str:
    """No raw control character on the screen, in the text or in the SVG screenshot."""
    text = screen_text(app)
    svg = app.export_screenshot()
    for raw in ("\x1b", "\x07", "\r"):
        assert raw not in text, f"{raw!r} reached the screen"
        assert raw not in svg, f"{raw!r} reached the screenshot"
    assert app.is_running
    return text


# Each visit starts on the festivals screen and ends on the screen to check.


async def to_days(pilot) -> None:
    await open_days(pilot)


async def to_festivals(pilot) -> None:
    assert isinstance(pilot.app.screen, FestivalsScreen)


async def to_session(pilot) -> None:
    await to_days(pilot)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SessionScreen)
    assert pilot.app.screen.session.id == "free"


async def to_timetable(pilot) -> None:
    await to_days(pilot)
    await pilot.press("t")
    await pilot.pause()
    assert isinstance(pilot.app.screen, TimetableScreen)


async def to_venues(pilot) -> None:
    await to_days(pilot)
    await pilot.press("v")
    await pilot.pause()
    assert isinstance(pilot.app.screen, VenuesScreen)


async def to_venue(pilot) -> None:
    await to_venues(pilot)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, VenueScreen)
    assert pilot.app.screen.venue.id == "cats"


async def to_people(pilot) -> None:
    await pilot.press("p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PeopleScreen)


async def to_person(pilot) -> None:
    await to_people(pilot)
    people = pilot.app.screen.query_one("#people", LineList)
    keys = option_ids(people)
    people.highlighted = next(i for i, k in enumerate(keys) if "free tickets" in k)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SessionsScreen)
    assert pilot.app.screen.heading == CLICK


async def to_now(pilot) -> None:
    await to_days(pilot)
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, NowNextScreen)


async def to_filters(pilot) -> None:
    await to_days(pilot)
    await pilot.press("ctrl+f")
    await pilot.pause()
    assert isinstance(pilot.app.screen, FiltersScreen)


async def to_help(pilot) -> None:
    await to_days(pilot)
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HelpScreen)


async def to_about(pilot) -> None:
    await to_days(pilot)
    await pilot.press("i")
    await pilot.pause()
    assert isinstance(pilot.app.screen, FestivalScreen)


async def to_palette(pilot) -> None:
    await to_days(pilot)
    await palette_search(pilot, "free", hits=3)


VISITS: dict[str, tuple[Callable[..., Awaitable[None]], list[str]]] = {
    "festivals": (to_festivals, [CLICK, f"{BOLD}, {LIVE}", "Plain Festival"]),
    "days": (
        to_days,
        [f"Days — Asia/Baku time · {CLICK}", CLICK, BOLD, CATS, LIVE, SHOWN_TITLE, f"{RED} hall"],
    ),
    "session": (
        to_session,
        [
            f"Session — Asia/Baku time · {CLICK}",
            CLICK,
            LIVE,
            f"{BOLD}, {ACCENT}",
            f"{CATS}, {ACCENT}",
            f"{ACCENT}, {BOLD}",
            LINK,
            f"Line {RED}",
            "bell␇ and over␍write [@click=app.quit]desc[/]",
        ],
    ),
    "timetable": (to_timetable, [f"Timetable — Asia/Baku time · {CLICK}", CATS, "␛[31mred␛[0m"]),
    "venues": (to_venues, [CATS, ACCENT, f"{RED} hall"]),
    "venue": (to_venue, [CATS, ACCENT, f"Notes {RED} ring␇ over␍write", LINK, CLICK]),
    "people": (to_people, [LIVE, CLICK, SHOWN_PERSON, ACCENT]),
    "person": (to_person, [CLICK, BOLD]),
    "now": (to_now, [CLICK, BOLD, "in [bold red]x"]),
    "filters": (to_filters, [LIVE, CATS, ACCENT]),
    "help": (to_help, ["Keys"]),
    "about": (to_about, [f"About — Asia/Baku time · {CLICK}", CLICK, f"{BOLD}, {LIVE}"]),
    "palette": (to_palette, [CLICK]),
}


async def test_every_screen_shows_data_literally(hostile_app) -> None:
    """One run visits every screen (quicker than an app per screen), from the festivals
    screen each time, and checks each one's text."""
    async with hostile_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for where, (visit, expected) in VISITS.items():
            await visit(pilot)
            await pilot.pause()
            text = assert_clean(hostile_app)
            for literal in expected:
                assert literal in text, f"{literal!r} not shown on the {where} screen"
            # The markup was applied nowhere: no "Free tickets" without its brackets.
            assert text.count("Free tickets") == text.count(CLICK), where
            await back_to_festivals(pilot)


async def back_to_festivals(pilot) -> None:
    app = pilot.app
    while len(app.screen_stack) > 1:
        app.pop_screen()
        await pilot.pause()
    await app.switch_mode("festivals")
    await pilot.pause()
    assert isinstance(app.screen, FestivalsScreen)


async def test_the_palette_shows_each_kind_of_hit_literally(hostile_app) -> None:
    async with hostile_app.run_test(size=SIZE) as pilot:
        await to_palette(pilot)
        results = pilot.app.screen.query_one(CommandList)
        hits = prompts(results)
        kinds = {p.split("\n")[0].removeprefix(CLICK).strip() for p in hits if CLICK in p}
        assert {"festival", "session", "person"} <= kinds
        assert_clean(hostile_app)
        # Opening the session hit shows it, and quits nothing.
        index = next(i for i, p in enumerate(hits) if p.startswith(f"{CLICK}  session"))
        results.highlighted = index
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, SessionScreen))
        assert pilot.app.screen.session.id == "free"
        assert_clean(hostile_app)


def where_is(app: GuideApp, literal: str, below: int = 1) -> tuple[int, int]:
    """The (x, y) of the middle of the first `literal` on the screen under the header (with
    only one-cell characters before it on its line)."""
    for y, line in enumerate(screen_text(app).splitlines()):
        if y >= below and literal in line:
            return line.index(literal) + len(literal) // 2, y
    raise AssertionError(f"{literal!r} is not on the screen")


async def test_clicking_click_markup_does_not_quit(hostile_app) -> None:
    async with hostile_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # The festival's name on the festivals screen: a click opens the festival, nothing else.
        await pilot.click(offset=where_is(hostile_app, CLICK))
        await pilot.pause()
        assert hostile_app.is_running
        assert hostile_app.return_code is None
        assert isinstance(hostile_app.screen, DaysScreen)

        # The session's title in the day list: the click opens the session.
        await pilot.click(offset=where_is(hostile_app, CLICK))
        await pilot.pause()
        assert hostile_app.is_running
        assert isinstance(hostile_app.screen, SessionScreen)

        # On the detail: the title, the person, the link, the description. None is a link.
        screen = hostile_app.screen
        for literal in (CLICK, LINK, "[@click=app.quit]desc[/]"):
            await pilot.click(offset=where_is(hostile_app, literal))
            await pilot.pause()
            assert hostile_app.is_running, f"clicking {literal!r} quit the app"
            assert hostile_app.screen is screen
        assert hostile_app.return_code is None


async def test_favourite_notice_shows_the_title_literally(hostile_app) -> None:
    async with hostile_app.run_test(size=SIZE, notifications=True) as pilot:
        await to_days(pilot)
        await pilot.press("f")
        await pilot.pause()
        assert "hostile/free" in hostile_app.favourites
        message = list(hostile_app._notifications)[-1].message
        assert message.endswith(CLICK)
        await wait_for(pilot, lambda: bool(hostile_app.screen.query(Toast)))
        shown = str(hostile_app.screen.query_one(Toast).render())
        assert shown.endswith(f"My programme: {CLICK}")
        assert "Free tickets" in screen_text(hostile_app)
        assert_clean(hostile_app)


async def test_find_with_markup_in_the_query(hostile_app) -> None:
    async with hostile_app.run_test(size=SIZE) as pilot:
        await to_days(pilot)
        await pilot.press("slash", *"[/dogs]")
        await pilot.pause()
        seventh = day_list(hostile_app, "2025-12-07")
        assert [s.id for s in seventh.sessions] == ["free", "cats"]  # title or venue
        assert "[/dogs]" in assert_clean(hostile_app)


async def test_headers_never_carry_control_characters(make_app, write_festival) -> None:
    """Screen titles come from data (festival, venue, person names); an OSC sequence there
    would retitle the terminal, or worse."""
    path = write_festival(
        '[[venues]]\nid = "hall"\nname = "Hall\\u001b]2;PWNED\\u001b\\\\ B"\n\n'
        '[[sessions]]\nid = "s"\ntitle = "S"\nkind = "talk"\ndate = 2025-12-07\nvenue = "hall"\n',
        title="Fest\\u001b]2;PWNED-BY-DATA\\u0007 end\\nsecond line",
    )
    app = make_app(load_programme([path]))
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        shown = app.screen.query_one(GuideHeader).title.plain
        assert "\x1b" not in shown and "\x07" not in shown and "\n" not in shown
        assert "Fest␛]2;PWNED-BY-DATA␇ end second line" in shown
        await pilot.press("v", "enter")
        await pilot.pause()
        shown = app.screen.query_one(GuideHeader).title.plain
        assert "Hall␛]2;PWNED␛\\ B" in shown
        svg = app.export_screenshot()
        assert "\x1b" not in svg and "\x07" not in svg


async def test_an_imported_subtitle_and_links_show_literally(hostile_app) -> None:
    async with hostile_app.run_test(size=SIZE) as pilot:
        await to_session(pilot)
        text = assert_clean(hostile_app)
        assert f"[bold red]x {RED}" in text
        assert "Cats [/dogs] — [@click=app.quit]link[/]" in text
