"""The tables kept beside the favourites (the programme's versions, what is hidden) are
opened after the store, on the same file: SQLite's check of every page, which the store has
just run, is not run again for each (at the guide's start, about 30 ms each for a store that
keeps a 50,000-session programme's versions). Opened on their own, they check it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_guide.favourites import Favourites, database
from tui_guide.favourites.hidden import HiddenStore
from tui_guide.favourites.versions import ProgrammeVersions


@pytest.fixture
def page_checks(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    seen: list[bool] = []
    check = database._check_snapshot

    def spy(connection, path, *, pages=True):  # type: ignore[no-untyped-def]
        seen.append(pages)
        check(connection, path, pages=pages)

    monkeypatch.setattr(database, "_check_snapshot", spy)
    return seen


def test_the_tables_beside_an_open_store_do_not_check_its_pages_again(
    tmp_path: Path, page_checks: list[bool]
) -> None:
    store = Favourites(path=tmp_path / "favourites.sqlite3")
    assert page_checks == [True]
    versions = ProgrammeVersions.beside(store.path)
    hidden = HiddenStore.beside(store.path)
    assert versions is not None and hidden is not None
    assert page_checks == [True, False, False]
    for opened in (versions, hidden, store):
        opened.close()


def test_a_table_opened_on_its_own_checks_the_pages(
    tmp_path: Path, page_checks: list[bool]
) -> None:
    Favourites(path=tmp_path / "favourites.sqlite3").close()
    page_checks.clear()
    ProgrammeVersions(tmp_path / "favourites.sqlite3").close()
    assert page_checks == [True]


def test_a_damaged_file_is_still_found_by_the_store_first(tmp_path: Path) -> None:
    path = tmp_path / "favourites.sqlite3"
    Favourites(path=path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the first page's schema, garbled
    path.write_bytes(bytes(data))
    store = Favourites(path=path)
    assert store.problem  # said, and the damaged file set aside
    store.close()
