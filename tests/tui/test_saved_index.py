"""A start from the cache reads the index of sessions an earlier start saved, instead of
building it: the palette and `/` answer from it as from the one built."""

from __future__ import annotations

import shutil
from pathlib import Path

from tui_guide.library import cache
from tui_guide.library.index_cache import SUFFIX
from tui_guide.library.load import load_programme
from tui_guide.library.sources import bundled_data
from tui_guide.programme import search
from tui_guide.tui.app import GuideApp

from .helpers import SIZE, palette_search, prompts, wait_for


async def _indexed(make_app, folder: Path) -> tuple[GuideApp, list[str]]:
    """A guide started from the cache, once its indexes are ready: it, and the palette's
    hits for "film"."""
    later: list[cache.Deferred] = []
    app = make_app(load_programme([folder], later=later), cache_checks=later)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.search_indexes.palette_ready, timeout=20)
        hits = prompts(await palette_search(pilot, "film"))
    return app, hits


async def test_a_second_start_reads_the_index_the_first_saved(
    make_app, tmp_path: Path, monkeypatch
) -> None:
    folder = tmp_path / "programme"
    shutil.copytree(bundled_data(), folder)
    load_programme([folder])  # the cache written, as a first start does
    built: list[int] = []
    original = search.SearchIndex.__init__

    def counting(self, sessions, **options) -> None:
        built.append(1)
        original(self, sessions, **options)

    monkeypatch.setattr(search.SearchIndex, "__init__", counting)
    first, first_hits = await _indexed(make_app, folder)
    assert built == [1]  # nothing saved yet: built, then saved
    [entry, *_] = first.cache_checks
    assert list(entry.entry.parent.glob(f"*{SUFFIX}"))
    second, second_hits = await _indexed(make_app, folder)
    assert built == [1]  # read back, not built again
    assert second_hits == first_hits and any("film" in hit.casefold() for hit in second_hits)
    first_index, second_index = first.search_indexes.sessions, second.search_indexes.sessions
    assert first_index is not None and second_index is not None
    assert second_index.index.state() == first_index.index.state()
    assert [s.key for s in second_index.sessions] == [s.key for s in first_index.sessions]
