"""The search indexes are built in a worker after the first screen, and used when ready; the
palette answers correctly when opened before they are, and `/` finds the same sessions."""

from __future__ import annotations

import threading
import time

import pytest

from tui_guide.programme.haystacks import session_search_text
from tui_guide.programme.query import SessionFilter
from tui_guide.programme.search import Cancelled
from tui_guide.tui.providers import programme as provider
from tui_guide.tui.search_indexes import SearchIndexes

from .helpers import (
    CAREERS,
    SIZE,
    choose,
    day_list,
    ids,
    open_baku_days,
    palette_search,
    prompts,
    wait_for,
)


async def test_indexes_are_built_after_the_first_screen_without_a_search(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.search_indexes.palette_ready)  # nobody opened it
        assert app.search_indexes.sessions is not None  # built first: the palette uses it
        assert len(app.search_indexes.sessions) == len(app.programme.sessions)


async def test_palette_opened_while_the_worker_builds_waits_for_its_index(
    make_app, monkeypatch
) -> None:
    built = provider.build_entries
    started = threading.Event()
    calls = []

    def slow_build(app, *args):
        calls.append(threading.current_thread().name)
        started.set()
        time.sleep(0.5)  # the user is quicker than the worker
        return built(app, *args)

    monkeypatch.setattr(provider, "build_entries", slow_build)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, started.is_set)
        assert not app.search_indexes.palette_ready
        results = await palette_search(pilot, "yaradici")
        assert prompts(results)[0].startswith("Yaradıcı Creative Hub")
        assert len(calls) == 1  # the palette waited for the worker's build, no second one
        await choose(pilot, results, "Yaradıcı Creative Hub")
        assert app.screen.venue.id == "yaradici-creative-hub"


async def test_palette_builds_its_index_when_no_worker_did(make_app, monkeypatch) -> None:
    monkeypatch.setattr(SearchIndexes, "build_all", lambda self, cancelled: None)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.search_indexes.palette_ready
        results = await palette_search(pilot, "guven")
        people = [p.split("\n")[0] for p in prompts(results) if "person" in p]
        assert people == ["Birol Güven  person", "Faruk Güven  person"]


async def test_slash_uses_the_index_and_finds_what_the_scan_finds(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_baku_days(pilot)
        await wait_for(pilot, lambda: app.search_indexes.sessions is not None)
        assert screen.session_index is app.search_indexes.sessions
        day = day_list(app, "2025-12-07").sessions
        word = "careers"
        expected = ids(SessionFilter(search=word).apply(day))
        session_search_text.cache_clear()
        await pilot.press("slash", *word)
        await pilot.pause()
        assert ids(day_list(app, "2025-12-07").sessions) == expected == [CAREERS]
        assert 0 < len(expected) < len(day)
        assert session_search_text.cache_info().currsize == 0  # no session's text folded


async def test_slash_before_the_index_scans(make_app, monkeypatch) -> None:
    monkeypatch.setattr(SearchIndexes, "build_all", lambda self, cancelled: None)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        day = day_list(app, "2025-12-07").sessions
        word = "careers"
        expected = ids(SessionFilter(search=word).apply(day))
        await pilot.press("slash", *word)
        await pilot.pause()
        assert app.search_indexes.sessions is None
        assert ids(day_list(app, "2025-12-07").sessions) == expected == [CAREERS]
        assert 0 < len(expected) < len(day)


def test_a_build_gives_up_when_the_guide_closes(make_app) -> None:
    indexes = make_app().search_indexes
    with pytest.raises(Cancelled):
        indexes.build_all(lambda: True)
    assert not indexes.palette_ready and indexes.sessions is None
    indexes.build_all()  # built afterwards by whoever asks
    assert indexes.palette_ready and indexes.sessions is not None
