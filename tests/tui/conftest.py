"""Fixtures for the guide's tests: the programme, a frozen clock, an app factory, and a
helper that writes a one-festival programme to a temporary folder."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Protocol

import pytest

from tui_guide.favourites import Favourites
from tui_guide.library.load import load_programme
from tui_guide.programme import Programme
from tui_guide.programme.clock import Clock
from tui_guide.tui.app import GuideApp

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
FROZEN = datetime(2025, 12, 7, 14, 10)


@pytest.fixture(autouse=True)
def utc_zone() -> Iterator[None]:
    """Run in UTC, so the session screen's "your time" line is the same on every machine."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TZ", "UTC")
        time.tzset()
        try:
            yield
        finally:
            mp.undo()
            time.tzset()


@pytest.fixture(scope="session")
def programme() -> Programme:
    """The bundled programme: three festivals, loaded without problems."""
    loaded = load_programme([DATA])
    assert not loaded.problems, loaded.problems
    assert len(loaded.festivals) == 3
    return loaded


@pytest.fixture
def clock() -> Clock:
    """The clock frozen at 14:10 on 7 December 2025 (festival-local time)."""
    return Clock(FROZEN)


class MakeApp(Protocol):
    def __call__(
        self,
        programme: Programme | None = None,
        now: datetime | None = FROZEN,
        favourites: Favourites | None = None,
        **options,
    ) -> GuideApp: ...


@pytest.fixture
def make_app(programme: Programme) -> MakeApp:
    """Build a GuideApp the way the command line does: programme, clock and store handed in."""

    def make(
        programme_: Programme | None = None,
        now: datetime | None = FROZEN,
        favourites: Favourites | None = None,
        **options,
    ) -> GuideApp:
        app = GuideApp(
            programme_ if programme_ is not None else programme,
            clock=Clock(now),
            favourites=favourites if favourites is not None else Favourites(),
            **options,  # remind, export_dir
        )
        # No animations (tab underlines, scrolling): the same end state, sooner, every time.
        app.animation_level = "none"
        return app

    return make


WriteFestival = Callable[..., Path]

FESTIVAL_HEAD = """\
[festival]
id = "{id}"
name = "{name}"
city = "{city}"
country = "{country}"
timezone = "{timezone}"
"""


@pytest.fixture
def write_festival(tmp_path: Path) -> WriteFestival:
    """Write one festival's TOML to tmp_path and return the file.

    `body` is the TOML after the [festival] table ([[venues]], [[sessions]]); `head` replaces
    the whole [festival] table when given.
    """

    def write(
        body: str,
        *,
        name: str = "festival.toml",
        head: str | None = None,
        id: str = "test-fest",
        title: str = "Test Festival",
        city: str = "Baku",
        country: str = "Azerbaijan",
        timezone: str = "Asia/Baku",
    ) -> Path:
        folder = tmp_path / "programme"
        folder.mkdir(exist_ok=True)
        if head is None:
            head = FESTIVAL_HEAD.format(
                id=id, name=title, city=city, country=country, timezone=timezone
            )
        path = folder / name
        path.write_text(head + "\n" + body, encoding="utf-8")
        return path

    return write
