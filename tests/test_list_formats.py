"""`list --format json|csv`: the programme for scripts, parsed back here with json and csv.
JSON carries every field exactly; neither ever writes a raw control character."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tui_guide.cli import main
from tui_guide.formats.listing import CSV_COLUMNS, session_record
from tui_guide.formats.listing import as_json as as_json_text
from tui_guide.formats.load import load_file
from tui_guide.programme.model import Kind, Person, Session
from tui_guide.programme.text import CONTROL, printable

TESTS = Path(__file__).parent
EXAMPLE = TESTS / "data" / "example.toml"
NO_ZONE = TESTS / "data" / "schedules" / "no-zone.xml"


def listed(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[str, str]:
    assert main(["list", *argv]) == 0
    captured = capsys.readouterr()
    return captured.out, captured.err


def as_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    out, _ = listed(capsys, *argv, "--format", "json")
    document: dict[str, Any] = json.loads(out)
    return document


def as_csv(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, str]]:
    out, _ = listed(capsys, *argv, "--format", "csv")
    reader = csv.DictReader(io.StringIO(out, newline=""))
    assert reader.fieldnames == list(CSV_COLUMNS)  # the header row
    return list(reader)


def test_json_holds_every_session_with_local_and_utc_times(
    capsys: pytest.CaptureFixture[str],
) -> None:
    document = as_json(capsys, "--data", str(EXAMPLE))
    (festival,) = document["festivals"]
    assert festival == {
        "id": "example-film-days-2026",
        "name": "Example Film Days 2026",
        "city": "Baku",
        "country": "Azerbaijan",
        "timezone": "Asia/Baku",
        "starts": "2026-05-14",
        "ends": "2026-05-16",
        "day_starts": "04:00:00",
        "held_by": "2026-05-17",
        "url": "https://example.org/film-days",
        "organisers": ["Example Film Society", "Example City Cinema"],
        "description": festival["description"],
        "sources": ["Example Film Society, programme announcement, 1 April 2026"],
    }
    sessions = {s["id"]: s for s in document["sessions"]}
    assert list(sessions) == [
        "opening-shorts",
        "night-screening",
        "after-party",  # 01:30 on 16 May, before day_starts: the end of 15 May's night
        "closing-talk",
        "sound-masterclass",
        "studio-tour",
    ]  # in time order, by festival day, as the table lists them
    assert sessions["opening-shorts"] == {
        "festival": "example-film-days-2026",
        "id": "opening-shorts",
        "key": "example-film-days-2026/opening-shorts",
        "title": "Opening programme: new short films",
        "subtitle": "Six premieres from the region",
        "kind": "screening",
        "type": "Premiere screening",  # the file's own word; the kind is ours
        "date": "2026-05-14",
        "day": "2026-05-14",
        "day_starts": "04:00:00",
        "start": "19:00:00",
        "end": "20:45:00",
        "timezone": "Asia/Baku",
        "starts_at": "2026-05-14T19:00:00+04:00",
        "ends_at": "2026-05-14T20:45:00+04:00",
        "starts_at_utc": "2026-05-14T15:00:00Z",
        "ends_at_utc": "2026-05-14T16:45:00Z",
        "venue": {
            "id": "main-hall",
            "key": "example-film-days-2026/main-hall",
            "name": "Main Hall",
            "address": "1 Example Street",
            "city": "Baku",
            "notes": "Step-free entrance on the side street.",
            "url": "https://example.org/venues/main-hall",
            "guid": "5f0c6a52-9a1e-4d0b-8a57-0c1f2e3d4b5a",
        },
        "track": "Competition",
        "people": [
            {"name": "Jane Example", "role": "host", "affiliation": "Example Film Society"},
            {"name": "Ali Sample", "role": "director", "affiliation": None},
        ],
        "countries": ["Azerbaijan", "Georgia"],
        "tags": ["shorts", "premiere"],
        "description": "Six new short films, followed by a talk with the directors.",
        "url": "https://example.org/film-days/opening",
        "links": [
            {"url": "https://example.org/film-days/opening/trailer", "title": "Trailer"},
            {"url": "https://example.org/film-days/opening/notes.pdf", "title": ""},
        ],
        "guid": "0b7e2d4c-3f61-4a8e-9c2d-7a5b1e6f8c90",
        "held_by": "2026-05-17",  # the festival's
    }
    party = sessions["after-party"]  # dated 16 May, in the festival day of 15 May
    assert (party["date"], party["day"], party["start"]) == ("2026-05-16", "2026-05-15", "01:30:00")
    night = sessions["night-screening"]  # past midnight: ends the next day, keeps its date
    assert (night["date"], night["start"], night["end"]) == ("2026-05-15", "23:30:00", "01:15:00")
    assert (night["starts_at"], night["ends_at"]) == (
        "2026-05-15T23:30:00+04:00",
        "2026-05-16T01:15:00+04:00",
    )
    assert night["ends_at_utc"] == "2026-05-15T21:15:00Z"
    untimed = sessions["sound-masterclass"]  # a date, no time
    assert (untimed["date"], untimed["start"], untimed["starts_at"]) == ("2026-05-16", None, None)
    undated = sessions["studio-tour"]
    assert (undated["date"], undated["starts_at_utc"], undated["venue"]) == (None, None, None)


def test_csv_has_a_header_and_a_row_per_session(capsys: pytest.CaptureFixture[str]) -> None:
    rows = as_csv(capsys, "--data", str(EXAMPLE))
    document = as_json(capsys, "--data", str(EXAMPLE))
    assert [r["key"] for r in rows] == [s["key"] for s in document["sessions"]]
    for row, session in zip(rows, document["sessions"], strict=True):
        for column in CSV_COLUMNS:  # what JSON holds as text, CSV holds the same
            if isinstance(session.get(column), str):
                assert row[column] == session[column], column
            elif column in session and session[column] is None:
                assert row[column] == "", column
    opening = rows[0]
    assert opening["people"] == "Jane Example (host, Example Film Society); Ali Sample (director)"
    assert (opening["venue_id"], opening["venue"]) == ("main-hall", "Main Hall")
    assert opening["countries"] == "Azerbaijan; Georgia"
    assert opening["links"] == (
        "https://example.org/film-days/opening/trailer "
        "https://example.org/film-days/opening/notes.pdf"
    )
    assert rows[1]["ends_at"] == "2026-05-16T01:15:00+04:00"
    assert (rows[2]["date"], rows[2]["day"]) == ("2026-05-16", "2026-05-15")


def test_a_night_session_is_listed_on_its_festival_day(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--data", str(EXAMPLE), "--day", "2026-05-15"]
    assert [s["id"] for s in as_json(capsys, *argv)["sessions"]] == [
        "night-screening",
        "after-party",
    ]


def test_the_filters_apply_as_to_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--data", str(EXAMPLE), "--day", "2026-05-16"]  # the after-party is 15 May's night
    document = as_json(capsys, *argv)
    assert [s["id"] for s in document["sessions"]] == ["closing-talk", "sound-masterclass"]
    assert [r["id"] for r in as_csv(capsys, *argv)] == ["closing-talk", "sound-masterclass"]


def test_nothing_to_list_is_still_a_document(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--data", str(EXAMPLE), "--day", "1999-01-01"]
    assert as_json(capsys, *argv) == {"festivals": [], "sessions": []}
    assert as_csv(capsys, *argv) == []


def test_problems_go_to_stderr_and_stdout_stays_json(capsys: pytest.CaptureFixture[str]) -> None:
    out, err = listed(capsys, "--data", str(NO_ZONE), "--format", "json")
    assert "warning: no time_zone_name" in err
    assert len(json.loads(out)["sessions"]) == 4


def test_timezone_gives_the_offset_and_utc_of_the_zone_named(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["--data", str(NO_ZONE), "--timezone", "America/Montreal"]
    opening = as_json(capsys, *argv)["sessions"][0]
    assert (opening["title"], opening["timezone"]) == ("Opening", "America/Montreal")
    assert opening["starts_at"] == "2017-08-06T10:00:00-04:00"
    assert opening["starts_at_utc"] == "2017-08-06T14:00:00Z"


# --- every field, and the one to come ------------------------------------------------------

SESSION = Session(
    festival_id="f",
    id="s",
    title="T",
    kind=Kind.TALK,
    timezone=ZoneInfo("Asia/Baku"),
    people=(Person("P", "speaker", "Org"),),
)


def test_json_carries_every_field_of_the_model() -> None:
    record = session_record(SESSION)
    named = {"festival_id": "festival"}  # the rest by their own names
    for field in dataclasses.fields(Session):
        assert named.get(field.name, field.name) in record, field.name


def test_the_original_type_is_carried_and_null_when_there_is_none() -> None:
    assert session_record(SESSION)["type"] is None
    typed = dataclasses.replace(SESSION, type="Lightning talk")
    assert session_record(typed)["type"] == "Lightning talk"


# --- hostile text ---------------------------------------------------------------------------

HOSTILE = (
    "ESC\x1b[31mred\x1b]0;owned\x07 NUL\x00 CR\r DEL\x7f C1\x9b\x85 bidi\u202e\u2066 "
    'lone\ud800 quote" comma, semi; back\\slash'
)


def hostile_schedule(tmp_path: Path) -> Path:
    event = {
        "guid": "e1",
        "id": 1,
        "date": "2024-03-01T10:00:00+01:00",
        "start": "10:00",
        "duration": "01:00",
        "room": "Room " + HOSTILE,
        "title": "Title " + HOSTILE,
        "subtitle": HOSTILE,
        "track": HOSTILE,
        "type": "talk",
        "abstract": "",
        "description": "line one\r\n\ttabbed " + HOSTILE + "\nline three",
        "persons": [{"id": 1, "public_name": "Person " + HOSTILE}],
        "links": [{"url": "https://example.org/" + HOSTILE, "title": HOSTILE}],
    }
    conference = {
        "acronym": "hostile",
        "title": "Hostile " + HOSTILE,
        "time_zone_name": "Europe/Berlin",
        "days": [{"index": 1, "date": "2024-03-01", "rooms": {"Room " + HOSTILE: [event]}}],
    }
    path = tmp_path / "hostile.json"
    # json.dumps escapes the lone surrogate ("\ud800"), as a hostile file would; the reader
    # makes it U+FFFD (no UTF-8 file or terminal can hold it).
    path.write_text(json.dumps({"schedule": {"conference": conference}}), encoding="utf-8")
    return path


def test_json_escapes_every_control_character_and_keeps_the_text_exact(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = hostile_schedule(tmp_path)
    festival, _ = load_file(path)
    assert festival is not None
    (session,) = festival.sessions
    assert "\x1b" in session.title and "\x9b" in session.title  # the model has them raw
    assert "lone\ufffd" in session.title
    out, _ = listed(capsys, "--data", str(path), "--format", "json")
    assert CONTROL.search(out) is None  # nothing raw: not ESC, not C1, not bidi, no surrogate
    out.encode("utf-8")  # strict: a lone surrogate would not encode
    assert "\\u001b[31m" in out and "\\u009b" in out and "\\u202e" in out
    document = json.loads(out)
    (record,) = document["sessions"]
    assert record == json.loads(json.dumps(session_record(session)))  # exactly the model's
    assert record["title"] == session.title
    assert record["description"] == session.description
    assert record["people"][0]["name"] == session.people[0].name
    assert document["festivals"][0]["name"] == festival.name


def test_csv_shows_control_characters_as_the_terminal_does(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = hostile_schedule(tmp_path)
    festival, _ = load_file(path)
    assert festival is not None
    (session,) = festival.sessions
    out, _ = listed(capsys, "--data", str(path), "--format", "csv")
    assert CONTROL.search(out) is None
    out.encode("utf-8")
    # Line breaks only end rows, or sit inside the quoted description.
    (row,) = csv.DictReader(io.StringIO(out, newline=""))
    assert row["title"] == printable(session.title)
    assert "␛[31mred" in row["title"] and "\ufffd" in row["title"]
    assert row["description"] == printable(session.description, multiline=True)
    assert row["people"] == printable(session.people[0].name)
    assert row["venue"] == printable(session.venue.name if session.venue else "")
    assert row["links"] == printable(session.links[0].url)
    for column, cell in row.items():
        if column != "description":
            assert "\n" not in cell and "\t" not in cell, column


def test_json_escapes_a_lone_surrogate_should_a_model_ever_hold_one() -> None:
    # No reader gives one today (schedule.json's are made U+FFFD); the writer holds anyway.
    text = as_json_text([], [dataclasses.replace(SESSION, title="lone \ud800")])
    assert "\\ud800" in text and CONTROL.search(text) is None
    text.encode("utf-8")
    assert json.loads(text)["sessions"][0]["title"] == "lone \ud800"


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["list", "--format", "json"],
        ["list", "--format", "csv"],
        ["validate"],
        ["export", "-o", "-"],
    ],
)
def test_every_writer_takes_a_schedule_with_a_lone_surrogate(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    path = hostile_schedule(tmp_path)
    command, *rest = argv
    paths = [str(path)] if command == "validate" else ["--data", str(path)]
    assert main([command, *paths, *rest]) == 0
    out = capsys.readouterr().out
    out.encode("utf-8")  # what reached standard output is all writable text
    assert "\ud800" not in out


def test_import_writes_a_lone_surrogate_as_the_replacement_character(tmp_path: Path) -> None:
    out = tmp_path / "hostile.toml"
    assert main(["import", str(hostile_schedule(tmp_path)), "-o", str(out)]) == 0
    assert "lone\ufffd" in out.read_text("utf-8")
