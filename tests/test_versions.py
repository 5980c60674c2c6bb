"""Changes for every session: edited copies of a programme (a moved session, a new one, one
taken out, a renamed venue) are marked new, changed (saying what) or cancelled against the
version last seen, until marked seen; two guides recording the same load mark each change
once; `tui-guide changes` prints them and `--seen` takes them away; `refresh` sums them up."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.cli import main
from tui_guide.favourites import Favourites
from tui_guide.favourites.versions import ProgrammeVersions
from tui_guide.programme.model import Festival, Kind, Person, Session, Venue
from tui_guide.programme.versions import Change, differing, fingerprint, fingerprints

BAKU = ZoneInfo("Asia/Baku")
HALL = Venue("fest", "hall", "Hall A")
ROOM = Venue("fest", "room", "Room 2")


def session(id: str, start: str = "14:00", **more) -> Session:
    values = {
        "title": id.title(),
        "kind": Kind.TALK,
        "timezone": BAKU,
        "date": date(2025, 12, 7),
        "start": time.fromisoformat(start),
        "end": None,
        "venue": HALL,
    }
    return Session("fest", id, **(values | more))


def festival(*sessions: Session) -> Festival:
    return Festival(
        id="fest",
        name="Fest",
        city="Baku",
        country="AZ",
        timezone=BAKU,
        sessions=tuple(sessions),
        venues=(HALL, ROOM),
        source_file=Path("fest.toml"),
    )


FIRST = festival(session("talk"), session("film", "16:00"), session("panel", "18:00"))


@pytest.fixture
def versions(tmp_path: Path):
    found = ProgrammeVersions(tmp_path / "favourites.sqlite3")
    yield found
    found.close()


def kinds(changes: list[Change]) -> dict[str, str]:
    return {c.session_id: c.kind for c in changes}


def test_the_first_load_marks_nothing_and_an_unchanged_one_neither(versions) -> None:
    assert versions.record([FIRST]).found == ()
    assert versions.record([FIRST]).found == () and versions.changes() == []


def test_an_edited_copy_marks_moved_new_cancelled_and_the_renamed_venue(versions) -> None:
    versions.record([FIRST])
    renamed = replace(HALL, name="Hall A (Nizami)")
    edited = festival(
        session("talk", "15:00", venue=renamed),  # moved, and its venue renamed
        session("film", "16:00", venue=ROOM),  # moved to another room
        session("late", "22:00", venue=renamed),  # new
    )  # the panel is taken out
    recorded = versions.record([edited])
    assert kinds(list(recorded.found)) == {
        "talk": "changed",
        "film": "changed",
        "late": "new",
        "panel": "cancelled",
    }
    assert recorded.summary() == (
        "Changed sessions: 1 new, 2 changed, 1 cancelled; 4 changes not seen yet "
        "(tui-guide changes)."
    )
    found = {c.session_id: c for c in versions.changes()}
    assert found["talk"].fields == ("time", "venue")
    assert found["talk"].what() == "time 14:00 → 15:00; venue Hall A → Hall A (Nizami)"
    assert found["film"].what() == "venue Hall A → Room 2"
    assert found["panel"].title == "Panel" and found["panel"].after is None
    assert found["late"].before is None and found["late"].what() == ""
    assert versions.seen(list(found.values())) == 4
    assert versions.changes() == [] and versions.record([edited]).found == ()


def test_changes_are_against_the_version_last_seen(versions) -> None:
    versions.record([FIRST])
    versions.record([festival(session("talk", "15:00"), session("film", "16:00"))])
    # Moved again, and the panel back as it was: one mark for the talk, from 14:00; none
    # for the panel.
    versions.record(
        [festival(session("talk", "16:00"), session("film", "16:00"), *FIRST.sessions[2:])]
    )
    (change,) = versions.changes()
    assert change.session_id == "talk" and change.what() == "time 14:00 → 16:00"
    versions.record([FIRST])  # back as it was seen: no mark
    assert versions.changes() == []


def test_a_new_session_taken_out_before_it_was_seen_leaves_no_mark(versions) -> None:
    versions.record([FIRST])
    versions.record([festival(*FIRST.sessions, session("extra", "20:00"))])
    assert kinds(versions.changes()) == {"extra": "new"}
    versions.record([FIRST])
    assert versions.changes() == []


def test_people_and_title_are_part_of_a_session(versions) -> None:
    versions.record([FIRST])
    talk = session("talk", title="A better title", people=(Person("Birol Güven"),))
    versions.record([festival(talk, *FIRST.sessions[1:])])
    (change,) = versions.changes()
    assert change.fields == ("title", "people")


def test_marks_for_one_festival_and_in_any_case(versions) -> None:
    other = replace(FIRST, id="Other")
    versions.record([FIRST, other])
    versions.record([festival(*FIRST.sessions[:2]), replace(other, sessions=other.sessions[:1])])
    assert len(versions.changes()) == 3
    assert kinds(versions.changes("FEST")) == {"panel": "cancelled"}
    assert len(versions.changes("other")) == 2


def test_two_guides_recording_the_same_load_mark_each_change_once(tmp_path: Path) -> None:
    path = tmp_path / "favourites.sqlite3"
    first, second = ProgrammeVersions(path), ProgrammeVersions(path)
    try:
        first.record([FIRST])
        edited = festival(*FIRST.sessions[:2])
        assert kinds(list(first.record([edited]).found)) == {"panel": "cancelled"}
        assert second.record([edited]).found == ()  # the other guide found it done
        assert kinds(second.changes()) == {"panel": "cancelled"}
        assert second.seen(second.changes()) == 1 and first.changes() == []
    finally:
        first.close()
        second.close()


def test_the_store_keeps_its_favourites_beside_the_versions(tmp_path: Path) -> None:
    path = tmp_path / "favourites.sqlite3"
    store = Favourites(path=path)
    store.add("fest/talk")
    versions = ProgrammeVersions.beside(store.path)
    assert versions is not None
    versions.record([FIRST])
    versions.close()
    store.close()
    assert list(Favourites(path=path)) == ["fest/talk"]
    assert ProgrammeVersions.beside(None) is None


def test_a_hand_edited_fingerprint_counts_as_unknown(versions, tmp_path: Path) -> None:
    versions.record([FIRST])
    db = sqlite3.connect(tmp_path / "favourites.sqlite3")
    db.execute("UPDATE session_versions SET fingerprint = '[1, 2]' WHERE session = 'film'")
    db.execute("UPDATE festival_versions SET digest = 'x'")
    db.commit()
    db.close()
    assert kinds(list(versions.record([FIRST]).found)) == {"film": "new"}


PRINTS = st.dictionaries(
    st.sampled_from([f"s{n}" for n in range(12)]),
    st.tuples(*(st.sampled_from(["", "a", "b"]) for _ in range(5))),
)


@settings(max_examples=examples(200))
@given(old=PRINTS, new=PRINTS)
def test_differing_is_every_id_whose_fingerprint_differs(old, new) -> None:
    found = differing(old, new)
    assert sorted(found) == sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
    assert len(found) == len(set(found))


def test_a_fingerprint_holds_time_day_venue_title_and_people() -> None:
    talk = session("talk", end=time(15, 30), people=(Person("A"), Person("B")))
    assert fingerprint(talk) == ("14:00–15:30", "2025-12-07", "Hall A", "Talk", "A; B")
    assert fingerprint(session("t", venue=None, date=None)) == ("14:00", "", "", "T", "")
    assert list(fingerprints(FIRST)) == ["talk", "film", "panel"]


# The command line, on a programme file edited between two runs.
TOML = """\
[festival]
id = "fest"
name = "Fest"
city = "Baku"
country = "Azerbaijan"
timezone = "Asia/Baku"

[[venues]]
id = "hall"
name = "{hall}"
{sessions}"""


def write(path: Path, hall: str, *rows: tuple[str, str]) -> None:
    sessions = "".join(
        f'\n[[sessions]]\nid = "{id}"\ntitle = "{id.title()}"\nkind = "talk"\n'
        f'date = 2025-12-07\nstart = {start}:00\nvenue = "hall"\n'
        for id, start in rows
    )
    path.write_text(TOML.format(hall=hall, sessions=sessions), "utf-8")


def test_changes_command_lists_then_marks_seen(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    data, state = tmp_path / "fest.toml", tmp_path / "state"
    options = ["--data", str(data), "--state-dir", str(state)]
    write(data, "Hall A", ("talk", "14:00"), ("panel", "18:00"))
    assert main(["changes", *options]) == 0
    assert "No changes since you last looked." in capsys.readouterr().out
    write(data, "Hall A", ("talk", "15:00"), ("late", "22:00"))
    assert main(["changes", *options]) == 0
    out = capsys.readouterr().out
    assert "Fest — 1 new, 1 changed, 1 cancelled" in out
    rows = [" ".join(line.strip("│ ").split()) for line in out.splitlines() if "│" in line]
    assert rows == [
        "changed │ Sun 7 Dec │ 15:00 │ Talk │ Hall A │ time 14:00 → 15:00",
        "cancelled │ Sun 7 Dec │ 18:00 │ Panel │ Hall A",
        "new │ Sun 7 Dec │ 22:00 │ Late │ Hall A",
    ]
    assert main(["changes", *options, "--festival", "nope"]) == 2
    assert "no festival with id 'nope'" in capsys.readouterr().err
    assert main(["changes", *options, "--seen"]) == 0
    assert "3 changes marked seen." in capsys.readouterr().out
    assert main(["changes", *options]) == 0
    assert "No changes since you last looked." in capsys.readouterr().out


def test_refresh_ends_with_a_one_line_summary(capsys, tmp_path: Path, monkeypatch) -> None:
    import tui_guide.cli.fetching as fetching
    from tui_guide.library.fetch import Outcome

    data, state = tmp_path / "fest.toml", tmp_path / "state"
    write(data, "Hall A", ("talk", "14:00"))
    monkeypatch.setenv("TUI_GUIDE_DATA", str(data))
    monkeypatch.setenv("TUI_GUIDE_STATE_DIR", str(state))
    outcome = Outcome("https://example.org/fest.toml", "updated", "updated")
    monkeypatch.setattr(fetching, "refresh", lambda: [outcome])
    assert main(["refresh"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "No session changed."
    write(data, "Hall A", ("talk", "14:30"), ("new", "20:00"))
    assert main(["refresh"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Changed sessions: 1 new, 1 changed; 2 changes not seen yet (tui-guide changes)."
    )


def test_a_first_schema_store_is_migrated_and_keeps_its_favourites(tmp_path: Path) -> None:
    from tui_guide.favourites.database import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

    path = tmp_path / "favourites.sqlite3"
    db = sqlite3.connect(path)
    for statement in MIGRATIONS[1]:
        db.execute(statement)
    db.execute("INSERT INTO favourites (key, added_at) VALUES ('fest/talk', '2025-12-01')")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    versions = ProgrammeVersions(path)
    versions.record([FIRST])
    versions.close()
    assert list(Favourites(path=path)) == ["fest/talk"]
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,) == (3,)
    assert db.execute("SELECT count(*) FROM session_versions").fetchone() == (3,)
    db.close()
