"""Settings that are remembered, with Pilot: a theme chosen in the palette, `z`, and the
Settings dialog are there at the next start (two App runs on one settings file); a broken
file is said once and never written over; and a snapshot of the dialog."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandInput, CommandPalette
from textual.widgets import Input, Select

from tui_guide.settings import Settings, read_settings
from tui_guide.tui.app import GuideApp
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.festivals import FestivalsScreen
from tui_guide.tui.screens.help import HelpScreen
from tui_guide.tui.screens.people import PeopleScreen
from tui_guide.tui.screens.settings import LANGUAGE_NOTE, SettingsScreen
from tui_guide.tui.screens.timetable import TimetableScreen

from .conftest import MakeApp
from .helpers import SIZE, choose, palette_search, plain, prompts, screen_text, wait_for


def started(make_app: MakeApp, path: Path) -> GuideApp:
    """An app started the way the command line starts it: on the settings in `path`."""
    return make_app(settings=read_settings(path))


def notices(app: GuideApp) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]


async def finished(app: GuideApp) -> None:
    app.kept.wait()  # as run_guide does once the App has stopped


async def test_a_theme_chosen_in_the_palette_is_there_at_the_next_start(
    make_app: MakeApp, tmp_path: Path
) -> None:
    path = tmp_path / "settings.toml"
    app = started(make_app, path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        results = await palette_search(pilot, "theme")
        results.highlighted = next(
            i for i, p in enumerate(prompts(results)) if p.startswith("Theme")
        )
        await pilot.press("enter")  # Textual's Theme command: a palette of the themes
        await wait_for(
            pilot,
            lambda: (
                isinstance(app.screen, CommandPalette)
                and (app.screen.query_one(CommandInput).placeholder.startswith("Search for themes"))
            ),
        )
        themes = await palette_search_in_place(pilot, "nord")
        await choose(pilot, themes, "nord")
        assert app.theme == "nord"
    await finished(app)
    assert read_settings(path).settings.theme == "nord"

    again = started(make_app, path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "nord"
        assert notices(again) == []


async def palette_search_in_place(pilot, query: str):
    """Type `query` into the palette that is open (the theme list), and wait for its hits."""
    from textual.command import CommandList

    palette = pilot.app.screen
    await pilot.press(*query)
    results = palette.query_one(CommandList)
    await wait_for(pilot, lambda: results.option_count >= 1)
    return results


async def test_z_is_there_at_the_next_start(make_app: MakeApp, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    app = started(make_app, path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.own_zone
        await pilot.press("z")
        await pilot.pause()
        assert app.own_zone
    await finished(app)
    assert 'zone = "own"' in path.read_text(encoding="utf-8")

    again = started(make_app, path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.own_zone
        assert "your time" in screen_text(again).splitlines()[0]
        await pilot.press("z")  # and back: festival time is written too
        await pilot.pause()
    await finished(again)
    assert read_settings(path).settings.zone == "festival"


async def test_nothing_is_written_until_the_visitor_changes_something(
    make_app: MakeApp, tmp_path: Path
) -> None:
    path = tmp_path / "settings.toml"
    app = started(make_app, path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d", "v", "p")
        await pilot.pause()
    await finished(app)
    assert not path.exists()


async def test_the_settings_dialog_changes_every_setting_for_the_next_start(
    make_app: MakeApp, tmp_path: Path
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("# mine\nfuture = 1\n", encoding="utf-8")
    app = started(make_app, path)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("comma")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        dialog = app.screen
        assert LANGUAGE_NOTE in screen_text(app)
        assert app.focused is dialog.query_one("#theme", Select)
        # By the keys: tab to the zone, open its list, the second choice ("your own").
        await pilot.press("tab", "tab", "enter")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert dialog.query_one("#zone", Select).value == "own"
        dialog.query_one("#theme", Select).value = "gruvbox"
        dialog.query_one("#language", Select).value = "tr"
        dialog.query_one("#section", Select).value = "people"
        remind = dialog.query_one("#remind", Input)
        remind.focus()
        remind.value = ""
        await pilot.press(*"45")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, SettingsScreen))
        assert (app.theme, app.own_zone, app.remind) == ("gruvbox", True, 45)
        await wait_for(pilot, lambda: any("Saved in" in n for n in notices(app)))
    await finished(app)
    loaded = read_settings(path)
    assert loaded.problems == ()
    assert loaded.settings == Settings("gruvbox", "tr", "own", 45, "people")
    assert path.read_text(encoding="utf-8").startswith("# mine\nfuture = 1\n")

    written = path.read_bytes()
    again = started(make_app, path)
    async with again.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, PeopleScreen)  # the section it opens on
        assert (again.theme, again.own_zone) == ("gruvbox", True)
        await pilot.press("comma")
        await wait_for(pilot, lambda: isinstance(again.screen, SettingsScreen))
        assert again.screen.query_one("#language", Select).value == "tr"
        await pilot.press("escape")  # cancelled: nothing changes, nothing is written
        await pilot.pause()
        assert isinstance(again.screen, PeopleScreen)
        await pilot.press("comma")
        await wait_for(pilot, lambda: isinstance(again.screen, SettingsScreen))
        await pilot.press("ctrl+s")  # saved as it was: said, and nothing written
        await wait_for(pilot, lambda: "Settings: Nothing changed" in notices(again))
    await finished(again)
    assert path.read_bytes() == written


async def test_a_reminder_lead_out_of_range_is_refused_in_the_dialog(
    make_app: MakeApp, tmp_path: Path
) -> None:
    path = tmp_path / "settings.toml"
    app = started(make_app, path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("comma")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        remind = app.screen.query_one("#remind", Input)
        remind.value = "10081"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)  # still open, saying what is wanted
        assert app.screen.query_one("#remind-wrong").display
        assert "from 0 to 10080" in screen_text(app)
        remind.value = "0"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, SettingsScreen))
        assert app.remind == 0
    await finished(app)
    assert read_settings(path).settings.remind == 0


async def test_a_language_the_guide_does_not_offer_is_kept(
    make_app: MakeApp, tmp_path: Path
) -> None:
    path = tmp_path / "settings.toml"
    # Kept as written, shown as plain text: no markup read, no escape sent to the terminal.
    path.write_text('language = "de [/dogs] [b]x\\u001b[2J"\n', encoding="utf-8")
    app = started(make_app, path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("comma")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        assert app.screen.query_one("#language", Select).value == "de [/dogs] [b]x[2J"
        assert "de [/dogs] [b]x[2J (from the settings file)" in screen_text(app)
        app.screen.query_one("#zone", Select).value = "own"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, SettingsScreen))
    await finished(app)
    assert read_settings(path).settings == Settings(language="de [/dogs] [b]x[2J", zone="own")


async def test_the_settings_are_in_the_palette_the_help_and_the_footer(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = started(make_app, tmp_path / "settings.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert ", Settings" in screen_text(app).splitlines()[-1]
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = "\n".join(plain(static.content) for static in app.screen.query("Static"))
        assert "Settings: theme, language, time zone, reminders" in keys
        await pilot.press("escape")
        results = await palette_search(pilot, "settings")
        await choose(pilot, results, "Settings")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))


async def test_a_broken_file_is_said_once_and_never_written_over(
    make_app: MakeApp, tmp_path: Path
) -> None:
    path = tmp_path / "settings.toml"
    broken = b'theme = "nord"\nzone = \n'
    path.write_bytes(broken)
    app = started(make_app, path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"  # the defaults
        (said,) = notices(app)
        assert said.startswith(f"Settings: {path}:2: not TOML: Invalid value")
        assert "the defaults are used, and the file is left as it is" in said
        await pilot.press("z")  # used while the guide runs, but not saved
        await wait_for(pilot, lambda: any("not saved" in n for n in notices(app)))
        assert app.own_zone
        failed = next(n for n in notices(app) if n.startswith("Settings not saved"))
        assert f"{path}:2: not TOML" in failed and "the file is left as it is" in failed
    await finished(app)
    assert path.read_bytes() == broken


async def test_wrong_fields_and_an_unknown_theme_are_said_with_their_lines(
    make_app: MakeApp, tmp_path: Path
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        'theme = "no-such-theme"\nsection = "timetable"\nremind = "ten"\n', encoding="utf-8"
    )
    app = started(make_app, path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TimetableScreen)  # what is right is used
        assert app.theme == "textual-dark" and app.remind == 0  # the App's own default
        said = notices(app)
        assert len(said) == 2
        assert any(f"{path}:3: remind: must be a number of minutes" in n for n in said)
        assert any(
            f"{path}:1: theme: 'no-such-theme' is not a theme the guide has" in n for n in said
        )
        await pilot.press("z")  # the file was read: a change is written, the rest left
        await pilot.pause()
    await finished(app)
    text = path.read_text(encoding="utf-8")
    assert 'theme = "no-such-theme"' in text and 'remind = "ten"' in text
    assert 'zone = "own"' in text


async def test_festivals_opens_on_days_when_there_is_one_festival(
    make_app: MakeApp, write_festival, tmp_path: Path
) -> None:
    from tui_guide.library.load import load_programme

    one = load_programme([write_festival("")], cache=False)
    path = tmp_path / "settings.toml"
    app = make_app(one, settings=read_settings(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen)
    three = started(make_app, path)
    async with three.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(three.screen, FestivalsScreen)


def test_the_settings_dialog(snap_compare, make_app: MakeApp, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('language = "kk"\nremind = 30\n', encoding="utf-8")

    async def open_settings(pilot) -> None:
        await pilot.pause()
        await pilot.press("comma")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, SettingsScreen))
        await pilot.pause()

    assert snap_compare(started(make_app, path), terminal_size=(80, 24), run_before=open_settings)
