"""A session page you can move from: each person, the venue, the track and each link take
focus (Tab) and open with Enter or a click; the footer names the keys."""

from __future__ import annotations

from datetime import datetime

from tui_guide.library.load import load_programme
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.session import SessionScreen
from tui_guide.tui.screens.sessions import SessionsScreen
from tui_guide.tui.screens.venue import VenueScreen
from tui_guide.tui.widgets.footer import GuideFooter
from tui_guide.tui.widgets.jump import Jump, LinkJump

from .helpers import SIZE, open_baku_days, screen_text

BODY = """
[[venues]]
id = "main-hall"
name = "Main Hall"
address = "1 Example Street"
city = "Baku"

[[sessions]]
id = "opening-shorts"
title = "Opening programme: new short films"
kind = "screening"
date = 2026-05-14
start = 19:00:00
end = 20:45:00
venue = "main-hall"
track = "Competition"
people = [
    { name = "Jane Example", role = "host" },
    { name = "Ali Sample", role = "director" },
]
url = "https://example.org/film-days/opening"
links = [{ url = "https://example.org/film-days/opening/trailer", title = "Trailer" }]

[[sessions]]
id = "closing-shorts"
title = "Closing programme"
kind = "screening"
date = 2026-05-15
start = 19:00:00
end = 20:00:00
venue = "main-hall"
track = "Competition"
people = [{ name = "Ali Sample" }]

[[sessions]]
id = "talk"
title = "A talk of another track"
kind = "talk"
date = 2026-05-15
start = 10:00:00
end = 11:00:00
venue = "main-hall"
"""

NOW = datetime(2026, 5, 14, 12, 0)


async def open_opening(pilot) -> SessionScreen:
    app = pilot.app
    assert isinstance(app.screen, DaysScreen)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, SessionScreen)
    assert app.screen.session.id == "opening-shorts"
    return app.screen


def footer_keys(app) -> dict[str, str]:
    return {k.key: k.description for k in app.screen.query_one(GuideFooter).items}


async def test_tab_reaches_track_venue_people_and_links_in_order(make_app, write_festival):
    app = make_app(load_programme([write_festival(BODY).parent]), now=NOW)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_opening(pilot)
        reached = []
        for _ in range(6):
            await pilot.press("tab")
            await pilot.pause()
            assert isinstance(app.focused, Jump)
            reached.append(str(app.focused.render()))
        assert [r.split(",")[0].split(" — ")[0] for r in reached] == [
            "Competition",
            "Main Hall",
            "Jane Example",
            "Ali Sample",
            "https://example.org/film-days/opening",
            "Trailer",
        ]
        assert footer_keys(app)["enter"] == "Copy link"  # on a link
        assert footer_keys(app)["tab"] == "Next"


async def test_enter_on_a_person_opens_their_sessions_and_escape_comes_back(
    make_app, write_festival
):
    app = make_app(load_programme([write_festival(BODY).parent]), now=NOW)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_opening(pilot)
        ali = [j for j in screen.query(".person-link").results(Jump)][1]
        ali.focus()
        await pilot.pause()
        assert footer_keys(app)["enter"] == "Open"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
        assert app.screen.heading == "Ali Sample"  # as People opens a person
        assert [s.id for s in app.screen.sessions] == ["opening-shorts", "closing-shorts"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_the_venue_opens_its_page_and_the_track_its_sessions(make_app, write_festival):
    app = make_app(load_programme([write_festival(BODY).parent]), now=NOW)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_opening(pilot)
        screen.query_one("#venue-link", Jump).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, VenueScreen)
        assert app.screen.venue is not None and app.screen.venue.name == "Main Hall"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#track-link")  # a click does what Enter does
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
        assert app.screen.heading == "Track: Competition"
        assert [s.id for s in app.screen.sessions] == ["opening-shorts", "closing-shorts"]


async def test_a_link_is_shown_and_copied_never_opened(make_app, write_festival, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url))
    app = make_app(load_programme([write_festival(BODY).parent]), now=NOW)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        screen = await open_opening(pilot)
        trailer = list(screen.query(LinkJump))[1]
        trailer.focus()
        await pilot.press("enter")
        await pilot.pause()
        (notice,) = [n for n in app._notifications if n.title == "Link copied"]
        assert notice.message == "https://example.org/film-days/opening/trailer"
        assert copied == ["https://example.org/film-days/opening/trailer"]
        assert opened == []
        assert isinstance(app.screen, SessionScreen)


async def test_the_bundled_masterclass_opens_its_person_and_venue(make_app) -> None:
    """The report of issue 19: no way to open Gurban Masimov or Yaradıcı Creative Hub."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await pilot.press("enter", "tab", "tab", "tab")
        await pilot.pause()
        assert "Gurban Masimov" in str(app.focused.render())
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.title == "Gurban Masimov"
        await pilot.press("escape", "shift+tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, VenueScreen)
        assert "Yaradıcı Creative Hub" in screen_text(app)
