"""The guide in each of its languages: the days screen of the bundled programme (a snapshot
per language, clock frozen), the footer's and help's words, and the notice for a language
asked for that the guide does not speak."""

from __future__ import annotations

import pytest
from rich.align import Align
from rich.text import Text
from textual.command import CommandInput

from tui_guide.i18n import LANGUAGES, set_language
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.widgets.section_bar import SectionBar

from .helpers import open_baku_days, palette_search

CODES = sorted(LANGUAGES)


@pytest.mark.parametrize("code", CODES)
def test_days_screen_in_each_language(snap_compare, make_app, code: str) -> None:
    set_language(code)  # the test's autouse fixture puts English back after it
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=open_baku_days)


async def test_the_footer_and_the_sections_speak_turkish(make_app) -> None:
    set_language("tr")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_baku_days(pilot)
        assert isinstance(screen, DaysScreen)
        from tui_guide.tui.widgets.footer import GuideFooter

        labels = {key.description for key in screen.query_one(GuideFooter).items}
        assert {"Yıldızla", "Yardım", "Çık"} <= labels
        assert "Star" not in labels
        shown = " ".join(link.label for link in screen.query_one(SectionBar).links)
        assert "d Günler" in shown and "t Çizelge" in shown
        await pilot.press("question_mark")
        await pilot.pause()
        text = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "Tuşlar" in text and "Programım" in text


async def test_an_unknown_language_is_said_in_the_guide(make_app) -> None:
    notice = "Language 'xx' is not available, so the guide is in English (available: …)."
    app = make_app(language_notice=notice)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert [n.message for n in app._notifications] == [notice]


async def test_the_palette_says_no_matches_in_turkish(make_app) -> None:
    set_language("tr")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        results = await palette_search(pilot, "zzqxw")  # waits for the line (half a second)
        option = results.get_option_at_index(0)
        assert option.disabled and option.id == "--no-matches"
        align = option.prompt
        assert isinstance(align, Align) and isinstance(align.renderable, Text)
        assert align.renderable.plain == "Eşleşme bulunamadı"
        assert results.option_count == 1
        placeholder = app.screen.query_one(CommandInput).placeholder
        assert placeholder == "Etkinlik, kişi, mekân, festival, etiket ara…"
