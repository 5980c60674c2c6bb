"""Shared fixtures. Keep this file small: fixtures used by one test module live in it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis_profiles import load as load_hypothesis_profile

from tui_guide.favourites import FAVOURITES_ENV, STATE_ENV
from tui_guide.i18n import ENGLISH, set_language
from tui_guide.library.cache import CACHE_ENV
from tui_guide.library.sources import DATA_ENV
from tui_guide.settings import CONFIG_ENV

load_hypothesis_profile()  # before any test module builds its @settings


def pytest_collection_finish(session: pytest.Session) -> None:
    """Make Python's cycle collector cheaper for this process (each xdist worker too).

    Each Pilot test builds and drops an app: tens of thousands of objects in cycles that live
    long enough to reach the oldest generation, whose collections then walk everything alive,
    every imported module included. That was a third of the CPU time of tests/tui (a full
    collection every second or so, 80 to 160 ms each). Freezing what exists once the tests are
    collected takes the modules out of those walks, and a higher first threshold collects less
    often. Garbage is still collected, and nothing a test checks depends on when.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 10)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "packaging: builds a wheel (needs pip, and PyPI for the build backend); runs by default",
    )


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point HOME and the XDG folders at fresh temporary folders and forget $TUI_GUIDE_DATA,
    $TUI_GUIDE_STATE_DIR, $TUI_GUIDE_FAVOURITES and $TUI_GUIDE_CACHE, so no test reads or
    writes a real user's files (their favourites above all, or their programme cache) or picks
    up their programme; $TUI_GUIDE_CONFIG names a settings file of the test's own (not there
    until something writes it). It covers tests/tui too."""
    home = tmp_path_factory.mktemp("home")
    for name, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        folder = home / sub
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv(DATA_ENV, raising=False)
    monkeypatch.delenv(FAVOURITES_ENV, raising=False)
    monkeypatch.delenv(STATE_ENV, raising=False)
    monkeypatch.delenv(CACHE_ENV, raising=False)  # the programme cache goes to XDG_CACHE_HOME
    monkeypatch.setenv(CONFIG_ENV, str(home / "settings.toml"))
    return home


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Every test starts in English, whatever the machine's locale (LC_ALL, LC_MESSAGES and
    LANG choose the guide's language), and leaves the guide in English for the next one."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("LC_ALL", raising=False)
        patch.delenv("LC_MESSAGES", raising=False)
        patch.setenv("LANG", "C.UTF-8")
        set_language(ENGLISH)
        yield
    set_language(ENGLISH)
