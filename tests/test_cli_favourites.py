"""`tui-guide favourites list|export|import` and `tui-guide export`: files that parse back,
merges that never drop, problems as messages with exit code 2, never a traceback."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from icalendar import Calendar

from tui_guide.cli import main
from tui_guide.favourites import Favourite, Favourites, Snapshot

DATA = Path(__file__).resolve().parents[1] / "data"
BAKU = "baku-cinema-breeze-2025"
ACTING = f"{BAKU}/ata-masterclass-acting-for-animators"
CAREERS = f"{BAKU}/ata-masterclass-animation-careers"
ADDED = datetime(2025, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "300")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def state(tmp_path: Path) -> Path:
    """A state folder with two favourites: one loaded, one no longer in the programme."""
    folder = tmp_path / "state"
    store = Favourites(path=folder / "favourites.sqlite3")
    gone = Snapshot("Old screening", date(2025, 12, 5), time(19, 30), None, "Nizami")
    store.merge([Favourite(ACTING, ADDED), Favourite("gone-fest/old", ADDED, gone)])
    store.close()
    return folder


def keys(folder: Path) -> list[str]:
    store = Favourites(path=folder / "favourites.sqlite3")
    try:
        return list(store)
    finally:
        store.close()


def test_list_shows_favourites_and_those_no_longer_in_the_programme(capsys, state) -> None:
    code, out, err = run(capsys, "favourites", "list", "--state-dir", str(state))
    assert code == 0, err
    assert "Acting techniques for animators" in out
    assert "No longer in the programme" in out
    assert "Old screening" in out and "Fri 5 Dec 19:30" in out and "gone-fest/old" in out


def test_state_dir_from_the_environment_or_before_the_command(capsys, state, monkeypatch) -> None:
    assert "Acting techniques" in run(capsys, "--state-dir", str(state), "favourites", "list")[1]
    monkeypatch.setenv("TUI_GUIDE_STATE_DIR", str(state))
    assert "Acting techniques" in run(capsys, "favourites", "list")[1]


def test_list_by_festival(capsys, state) -> None:
    code, out, _ = run(
        capsys, "favourites", "list", "--state-dir", str(state), "--festival", "gone-fest"
    )
    assert code == 0 and "Old screening" in out and "Acting" not in out
    code, _, err = run(
        capsys, "favourites", "list", "--state-dir", str(state), "--festival", "nope"
    )
    assert code == 2 and "no festival with id 'nope'" in err


def test_export_ics_parses_back_in_utc(capsys, state, tmp_path) -> None:
    out_file = tmp_path / "mine.ics"
    code, out, err = run(
        capsys,
        "favourites",
        "export",
        "--format",
        "ics",
        "-o",
        str(out_file),
        "--state-dir",
        str(state),
    )
    assert code == 0, err
    assert f"{out_file}: 1 event written" in out
    assert "left out, no longer in the programme: Old screening (gone-fest/old)" in err
    (event,) = Calendar.from_ical(out_file.read_bytes()).walk("VEVENT")
    assert str(event["uid"]) == f"{ACTING}@tui-guide"
    assert event.decoded("dtstart").astimezone(UTC) == datetime(2025, 12, 7, 10, tzinfo=UTC)


def test_json_export_then_import_on_another_machine_merges(capsys, state, tmp_path) -> None:
    moved = tmp_path / "favourites.json"
    code, _, err = run(
        capsys,
        "favourites",
        "export",
        "--format",
        "json",
        "-o",
        str(moved),
        "--state-dir",
        str(state),
    )
    assert code == 0, err
    document = json.loads(moved.read_text("utf-8"))
    assert [e["key"] for e in document["favourites"]] == [ACTING, "gone-fest/old"]
    other = tmp_path / "laptop"
    laptop = Favourites(path=other / "favourites.sqlite3")
    laptop.add(CAREERS)
    laptop.close()
    code, out, err = run(capsys, "favourites", "import", str(moved), "--state-dir", str(other))
    assert code == 0, err
    assert "2 favourites added, 0 already there; 3 in all" in out
    assert keys(other) == [CAREERS, ACTING, "gone-fest/old"]  # nothing dropped
    imported = Favourites(path=other / "favourites.sqlite3").get("gone-fest/old")
    assert imported is not None and imported.title == "Old screening"
    assert imported.added_at == ADDED
    code, out, _ = run(capsys, "favourites", "import", str(moved), "--state-dir", str(other))
    assert "0 favourites added, 2 already there; 3 in all" in out


def test_import_reads_the_first_release_file_and_reports_bad_entries(capsys, tmp_path) -> None:
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"version": 1, "favourites": [ACTING, 7, "nokey"]}), "utf-8")
    code, _, err = run(capsys, "favourites", "import", str(old), "--state-dir", str(tmp_path / "s"))
    assert code == 2
    assert f"{old}: favourites entry 2: expected a key" in err
    assert f"{old}: favourites entry 3: field key" in err
    assert keys(tmp_path / "s") == [ACTING]  # the good one is in all the same


@pytest.mark.parametrize("content", ["{broken", "[]", "\udcff"])
def test_import_of_a_bad_file_is_a_message_not_a_traceback(capsys, tmp_path, content) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content.encode("utf-8", "surrogateescape"))
    code, _, err = run(capsys, "favourites", "import", str(bad), "--state-dir", str(tmp_path))
    assert code == 2 and str(bad) in err and "Traceback" not in err


def test_export_to_a_folder_that_does_not_exist_exits_2(capsys, state, tmp_path) -> None:
    target = tmp_path / "no" / "such" / "mine.ics"
    code, _, err = run(capsys, "favourites", "export", "-o", str(target), "--state-dir", str(state))
    assert code == 2 and f"{target}: cannot write" in err


def test_whole_programme_export_with_filters(capsys, tmp_path) -> None:
    target = tmp_path / "baku-7.ics"
    code, out, err = run(
        capsys,
        "export",
        "--format",
        "ics",
        "--festival",
        BAKU,
        "--day",
        "2025-12-07",
        "--kind",
        "masterclass",
        "-o",
        str(target),
    )
    assert code == 0, err
    parsed = Calendar.from_ical(target.read_bytes())
    uids = sorted(str(e["uid"]) for e in parsed.walk("VEVENT"))
    assert uids == sorted([f"{ACTING}@tui-guide", f"{CAREERS}@tui-guide"])
    assert str(parsed["x-wr-calname"]) == "Baku Cinema Breeze International Film Festival 2025"
    assert "2 events written" in out


def test_whole_programme_export_notes_undated_sessions_and_is_stable(capsys, tmp_path) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert run(capsys, "export", "-o", str(first))[0] == 0
    code, _, err = run(capsys, "--data", str(DATA), "export", "-o", str(second))
    assert code == 0
    assert "left out, its date is to be announced" in err
    uids = [
        sorted(str(e["uid"]) for e in Calendar.from_ical(p.read_bytes()).walk("VEVENT"))
        for p in (first, second)
    ]
    assert uids[0] == uids[1] and len(uids[0]) == 5  # the dated sessions


def test_whole_programme_export_of_an_unknown_festival_exits_2(capsys, tmp_path) -> None:
    code, _, err = run(capsys, "export", "--festival", "nope", "-o", str(tmp_path / "x.ics"))
    assert code == 2 and "no festival with id 'nope'" in err
    assert not (tmp_path / "x.ics").exists()


def test_the_deprecated_favourites_option_moves_the_old_file_in(capsys, tmp_path) -> None:
    old = tmp_path / "favourites.json"
    old.write_text(json.dumps({"version": 1, "favourites": [ACTING]}), "utf-8")
    code, out, err = run(capsys, "--favourites", str(old), "favourites", "list")
    assert code == 0
    assert "deprecated" in err and "Acting techniques" in out
    assert keys(tmp_path) == [ACTING]
    assert list(tmp_path.glob("favourites.json.moved-to-sqlite-*"))


def test_remind_must_be_minutes(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--remind", "-3"])
    assert exit_.value.code == 2
    assert "not a number of minutes" in capsys.readouterr().err


def test_export_to_standard_output(capfdbinary) -> None:
    code = main(["export", "--festival", BAKU, "--day", "2025-12-07", "-o", "-"])
    captured = capfdbinary.readouterr()
    assert code == 0
    parsed = Calendar.from_ical(captured.out)
    assert len(parsed.walk("VEVENT")) == 3


def test_list_says_not_given_for_what_an_over_favourite_lacks(capsys, tmp_path) -> None:
    """Before the session, what is missing is to be announced; once it is over, not given."""
    folder = tmp_path / "state"
    store = Favourites(path=folder / "favourites.sqlite3")
    store.merge([Favourite(f"{BAKU}/ata-children-series-6-dec", ADDED)])
    store.close()
    argv = ("favourites", "list", "--state-dir", str(folder))
    before = run(capsys, "--now", "2025-12-01T10:00", *argv)
    after = run(capsys, "--now", "2026-01-10T10:00", *argv)
    assert before[0] == after[0] == 0, before[2] + after[2]
    assert "Venue TBA" in before[1] and "Time TBA" in before[1]
    assert "not given" not in before[1]
    assert "Venue not given" in after[1] and "Time not given" in after[1]
    assert "TBA" not in after[1]
