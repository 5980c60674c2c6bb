"""Attacks on what the guide writes (issue 15, items 4 and 5): `-o` onto an input, the
favourites store or the cache is refused before anything is written, whatever the command;
an empty `-o` is said as such; the calendar's name carries no control character."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from tui_guide.atomic import Protected, Refused, write_atomically
from tui_guide.cli import main
from tui_guide.favourites import Favourites
from tui_guide.library.cache import CACHE_ENV

EXAMPLE = (Path(__file__).parents[1] / "data" / "example.toml").read_text(encoding="utf-8")
SCHEDULE = Path(__file__).parents[1] / "data" / "schedules" / "pentabarf.xml"
KEY = "example-film-days-2026/opening-night"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A programme, a store with one favourite and a cache, all in `tmp_path`."""
    (tmp_path / "fest.toml").write_text(EXAMPLE, encoding="utf-8")
    store = Favourites(path=tmp_path / "state" / "favourites.sqlite3")
    store.add(KEY)
    store.close()
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def favourites_in(folder: Path) -> list[str]:
    with sqlite3.connect(folder / "state" / "favourites.sqlite3") as db:
        return [key for (key,) in db.execute("SELECT key FROM favourites")]


def refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def test_export_onto_the_programme_it_reads_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = refused(["export", "--data", "fest.toml", "-o", "fest.toml"], capsys)
    assert "fest.toml: not written" in err and "a programme file being read" in err
    assert (folder / "fest.toml").read_text(encoding="utf-8") == EXAMPLE


def test_export_onto_a_file_in_a_folder_it_reads_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = refused(["export", "--data", ".", "-o", "./sub/../fest.toml"], capsys)
    assert "not written" in err
    assert (folder / "fest.toml").read_text(encoding="utf-8") == EXAMPLE


def test_export_onto_a_hard_link_or_symlink_of_the_programme_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.link(folder / "fest.toml", folder / "hard.toml")
    (folder / "soft.ics").symlink_to(folder / "fest.toml")
    for name in ("hard.toml", "soft.ics"):
        assert "not written" in refused(["export", "--data", "fest.toml", "-o", name], capsys)
    assert (folder / "fest.toml").read_text(encoding="utf-8") == EXAMPLE


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_favourites_export_onto_the_store_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    target = f"state/favourites.sqlite3{suffix}"
    argv = ["favourites", "export", "--format", "json", "-o", target]
    err = refused([*argv, "--data", "fest.toml", "--state-dir", "state"], capsys)
    assert "the favourites store" in err
    assert favourites_in(folder) == [KEY]


def test_favourites_export_onto_the_store_named_from_the_environment_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TUI_GUIDE_STATE_DIR", str(folder / "state"))
    argv = ["favourites", "export", "--format", "ics", "--data", "fest.toml"]
    assert "the favourites store" in refused([*argv, "-o", "state/favourites.sqlite3"], capsys)
    assert favourites_in(folder) == [KEY]


def test_an_output_into_the_cache_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "--data", "fest.toml"]) == 0  # fills the cache
    (entry, *_) = (folder / "cache").iterdir()
    before = entry.read_bytes()
    err = refused(["export", "--data", "fest.toml", "-o", str(entry)], capsys)
    assert "the programme cache" in err and entry.read_bytes() == before


def test_import_onto_its_own_input_is_refused_even_with_force(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = folder / "schedule.xml"
    copy.write_bytes(SCHEDULE.read_bytes())
    err = refused(["import", "schedule.xml", "-o", "schedule.xml", "--force"], capsys)
    assert "the file being read" in err and copy.read_bytes() == SCHEDULE.read_bytes()
    err = refused(["--data", ".", "import", "schedule.xml", "-o", "fest.toml", "--force"], capsys)
    assert "a programme file being read" in err


def test_import_onto_the_store_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--state-dir", "state", "import", str(SCHEDULE), "--force"]
    err = refused([*argv, "-o", "state/favourites.sqlite3"], capsys)
    assert "the favourites store" in err and favourites_in(folder) == [KEY]


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--data", "fest.toml"],
        ["favourites", "export", "--data", "fest.toml"],
        ["import", str(SCHEDULE)],
    ],
    ids=["export", "favourites-export", "import"],
)
def test_an_empty_output_is_said_as_such(
    folder: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main([*argv, "-o", ""])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "an empty file name" in err and "busy" not in err


def test_an_output_onto_a_folder_is_said_as_such(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = refused(["export", "--data", "fest.toml", "-o", "state"], capsys)
    assert "state: is a folder" in err and "busy" not in err


def test_an_output_elsewhere_is_written(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--data", "fest.toml", "-o", "out.ics"]) == 0
    assert (folder / "out.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_write_atomically_refuses_what_it_is_told_to_keep(tmp_path: Path) -> None:
    kept = tmp_path / "kept.txt"
    kept.write_text("keep me", encoding="utf-8")
    with pytest.raises(Refused, match="the precious file"):
        write_atomically(kept, b"gone", protected=[Protected(kept, "the precious file")])
    with pytest.raises(Refused, match="inside the folder"):
        write_atomically(
            tmp_path / "new.txt", b"x", protected=[Protected(tmp_path, "the folder", folder=True)]
        )
    assert kept.read_text(encoding="utf-8") == "keep me" and not (tmp_path / "new.txt").exists()


# -- 5: the calendar's name ------------------------------------------------------------------

HOSTILE = "Fest\x1b]0;owned\x07\x1b[2J\x1bc\x9b31m\x00\x7f"


def test_the_calendar_name_carries_no_control_character(
    folder: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    escaped = "".join(c if c.isalnum() else f"\\u{ord(c):04x}" for c in HOSTILE)
    hostile = EXAMPLE.replace('name = "Example Film Days 2026"', f'name = "{escaped}"', 1)
    assert hostile != EXAMPLE
    (folder / "fest.toml").write_text(hostile, encoding="utf-8")
    assert main(["export", "--data", "fest.toml", "-o", "-"]) == 0
    data = capsysbinary.readouterr().out
    (name,) = [line for line in data.splitlines() if line.startswith(b"X-WR-CALNAME")]
    assert b"Fest]0;owned[2Jc31m" in name
    text = data.decode("utf-8")
    assert not [c for c in text if (ord(c) < 32 and c not in "\r\n") or 0x7F <= ord(c) <= 0x9F]


async def test_the_guides_own_export_never_replaces_a_programme_it_reads(tmp_path: Path) -> None:
    """`e` in My programme writes my-programme.ics beside the store: when that is the name of
    a programme being read (an iCalendar one, opened from that folder), it is refused."""
    from tui_guide.library.load import load_programme
    from tui_guide.programme.clock import Clock
    from tui_guide.tui.app import GuideApp
    from tui_guide.tui.screens.mine import EXPORT_NAME, MineScreen

    source = Path(__file__).parents[1] / "data" / "ical" / "zoned.ics"
    calendar = tmp_path / EXPORT_NAME
    calendar.write_bytes(source.read_bytes())
    programme = load_programme([calendar], cache=False)
    assert programme.festivals
    app = GuideApp(
        programme,
        clock=Clock(datetime(2026, 5, 14, 9, 0)),
        favourites=Favourites(),
        export_dir=tmp_path,
    )
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MineScreen)
        await pilot.press("e")
        for _ in range(100):
            await pilot.pause(0.02)
            said = [n for n in app._notifications if n.title == "Not exported"]
            if said:
                break
        assert said and "a programme file being read" in str(said[0].message)
    assert calendar.read_bytes() == source.read_bytes()
