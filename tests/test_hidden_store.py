"""What the visitor hid, kept beside the favourites: the schema-3 migration keeps every
favourite and version, each change is written at once and read back by the next guide, and
languages are hidden when every language a session is given in is."""

from __future__ import annotations

import sqlite3
from datetime import date, time
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.favourites import Favourites
from tui_guide.favourites.database import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from tui_guide.favourites.hidden import HiddenError, HiddenStore
from tui_guide.programme.hiding import Hidden, languages_of
from tui_guide.programme.model import Kind, Session, Venue

ZONE = ZoneInfo("Europe/Berlin")
HALL = Venue("fest", "hall", "Hall")


def talk(ident: str, tags: tuple[str, ...] = (), track: str | None = None) -> Session:
    return Session(
        festival_id="fest",
        id=ident,
        title=ident,
        kind=Kind.TALK,
        timezone=ZONE,
        date=date(2023, 12, 27),
        start=time(12),
        venue=HALL,
        track=track,
        tags=tags,
    )


def test_a_schema_2_store_gains_the_table_and_keeps_its_favourites(tmp_path: Path) -> None:
    path = tmp_path / "favourites.sqlite3"
    db = sqlite3.connect(path)
    for step in (1, 2):
        for statement in MIGRATIONS[step]:
            db.execute(statement)
    db.execute("INSERT INTO favourites (key, added_at) VALUES ('fest/talk', '2025-12-01')")
    db.execute("INSERT INTO festival_versions (festival, digest) VALUES ('fest', 'abc')")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()
    store = HiddenStore(path)
    assert store.load() == Hidden()
    store.close()
    assert list(Favourites(path=path)) == ["fest/talk"]
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,) == (3,)
    assert db.execute("SELECT festival, digest FROM festival_versions").fetchall() == [
        ("fest", "abc")
    ]
    db.close()


def test_each_change_is_kept_and_read_back_by_the_next_guide(tmp_path: Path) -> None:
    path = tmp_path / "favourites.sqlite3"
    first = HiddenStore(path)
    hidden = Hidden().toggled("venue", talk("a")).toggled("language", talk("b", ("de",)))
    first.change(Hidden(), hidden)
    # A second guide open at once hides something of its own; neither loses the other's.
    second = HiddenStore(path)
    other = second.load().toggled("session", talk("c"))
    second.change(second.load(), other)
    more = hidden.toggled("track", talk("d", track="Science"))
    first.change(hidden, more)
    first.close()
    second.close()
    again = HiddenStore(path)
    loaded = again.load()
    assert loaded.venues == {"fest/hall"}
    assert loaded.languages == {("fest", "de")}
    assert loaded.sessions == {"fest/c"}
    assert loaded.tracks == {("fest", "Science")}
    # Shown again: the row goes.
    again.change(loaded, loaded.toggled("venue", talk("a")))
    assert HiddenStore(path).load().venues == frozenset()
    again.close()


def test_rows_a_hand_edit_left_unreadable_are_passed_over(tmp_path: Path) -> None:
    path = tmp_path / "favourites.sqlite3"
    HiddenStore(path).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO hidden VALUES ('fest', 'planet', 'mars')")
    db.execute("INSERT INTO hidden VALUES ('fest', 'venue', 'hall')")
    db.execute("INSERT INTO hidden VALUES (1, 'venue', x'ff')")
    db.commit()
    db.close()
    assert HiddenStore(path).load() == Hidden(venues=frozenset({"fest/hall"}))


def test_a_closed_store_says_so_rather_than_fail_silently(tmp_path: Path) -> None:
    store = HiddenStore(tmp_path / "favourites.sqlite3")
    store.close()
    try:
        store.change(Hidden(), Hidden().toggled("venue", talk("a")))
    except HiddenError as error:
        assert "favourites.sqlite3" in str(error)
    else:
        raise AssertionError("a change to a closed store was taken")


def test_no_store_beside_a_store_in_memory() -> None:
    assert HiddenStore.beside(None) is None


def test_languages_are_the_tags_that_are_language_codes() -> None:
    assert languages_of(talk("a", ("de, en", "security", "en", "pt-BR"))) == ("de", "en", "pt-BR")
    assert languages_of(talk("a", ("Hardware", "CCC"))) == ()


def test_a_session_is_hidden_by_language_when_each_of_its_languages_is() -> None:
    german = talk("a", ("de",))
    either = talk("b", ("de, en",))
    none = talk("c", ("security",))
    hidden = Hidden().toggled("language", german)
    assert hidden.hides(german)
    assert not hidden.hides(either)  # still given in English
    assert not hidden.hides(none)
    both = hidden.toggled("language", talk("d", ("en",)))
    assert both.hides(either)
    assert not both.toggled("language", either).hides(german)  # shown again: both go


names = st.text(st.characters(codec="utf-8", exclude_characters="/"), min_size=1, max_size=8)


@given(
    st.frozensets(st.tuples(names, names)),
    st.frozensets(st.tuples(names, names)),
    st.frozensets(st.tuples(names, names)),
    st.frozensets(st.tuples(names, names)),
)
@settings(max_examples=examples(200))
def test_rows_and_back_give_the_same_hidden(venues, sessions, tracks, languages) -> None:
    hidden = Hidden(
        venues=frozenset(f"{f}/{n}" for f, n in venues),
        sessions=frozenset(f"{f}/{n}" for f, n in sessions),
        tracks=tracks,
        languages=languages,
    )
    assert Hidden.from_rows(hidden.rows()) == hidden
    for festival in {f for f, _ in venues | sessions | tracks | languages}:
        assert hidden.of(festival) | hidden.without(festival) == hidden
