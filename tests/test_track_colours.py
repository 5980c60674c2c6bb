"""Track colours through `import`: `<track color>` (schedule.xml) and `tracks[].color`
(schedule.json) come out as `[[tracks]]` tables in the TOML written, which the TOML reader
and `validate` take back; a colour that is not `#rrggbb` is a warning naming the file, the
line and the field, and the festival still loads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui_guide.cli import main
from tui_guide.formats.load import load_file

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "schedules"
CONGRESS = SHARED / "37c3.xml"

HEAD = """\
[festival]
id = "fest"
name = "Fest"
timezone = "Europe/Berlin"

[[sessions]]
id = "a"
title = "A"
kind = "talk"
track = "Security"
"""


@pytest.mark.skipif(not CONGRESS.is_file(), reason="../shared/schedules is absent")
def test_37c3_track_colours_survive_import(tmp_path: Path) -> None:
    out = tmp_path / "37c3.toml"
    assert main(["import", str(CONGRESS), "-o", str(out)]) == 0
    imported, _ = load_file(CONGRESS)
    written, problems = load_file(out)
    assert imported is not None and written is not None
    assert not [p for p in problems if p.severity == "error"]
    assert ("Security", "#18386b") in imported.track_colours
    assert written.track_colours == imported.track_colours
    assert '[[tracks]]\nname = "Security"\ncolor = "#18386b"\n' in out.read_text("utf-8")


def test_schedule_json_track_colours_survive_import(tmp_path: Path) -> None:
    source = tmp_path / "schedule.json"
    event = {
        "id": 1,
        "guid": "7d3a6b3e-0000-4000-8000-000000000001",
        "date": "2024-05-01T10:00:00+02:00",
        "start": "10:00",
        "duration": "00:30",
        "room": "Hall",
        "title": "Talk",
        "track": "Art",
        "type": "lecture",
        "language": "en",
    }
    schedule = {
        "schedule": {
            "version": "1",
            "conference": {
                "acronym": "fest",
                "title": "Fest",
                "start": "2024-05-01",
                "end": "2024-05-01",
                "time_zone_name": "Europe/Berlin",
                "tracks": [{"name": "Art", "color": "#F9B000"}],
                "days": [
                    {
                        "index": 1,
                        "date": "2024-05-01",
                        "day_start": "2024-05-01T09:00:00+02:00",
                        "day_end": "2024-05-01T20:00:00+02:00",
                        "rooms": {"Hall": [event]},
                    }
                ],
            },
        }
    }
    source.write_text(json.dumps(schedule), "utf-8")
    out = tmp_path / "fest.toml"
    assert main(["import", str(source), "-o", str(out)]) == 0
    written, problems = load_file(out)
    assert written is not None, problems
    assert written.track_colours == (("Art", "#f9b000"),)


def test_a_bad_colour_is_a_warning_naming_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "fest.toml"
    path.write_text(
        HEAD + '\n[[tracks]]\nname = "Security"\ncolor = "red"\n\n'
        '[[tracks]]\nname = "Art"\ncolor = "#00A356"\n',
        "utf-8",
    )
    festival, problems = load_file(path)
    assert festival is not None
    assert festival.track_colours == (("Art", "#00a356"),)
    (warning,) = problems
    assert warning.severity == "warning" and warning.file == path and warning.line == 14
    assert 'track "Security", field color' in warning.message
    assert "#0084b0" in warning.message
    assert main(["validate", str(path)]) == 0  # a warning only
    assert main(["validate", "--strict", str(path)]) != 0


def test_a_track_table_with_an_unknown_field_or_no_name_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "fest.toml"
    path.write_text(HEAD + '\n[[tracks]]\nname = "Security"\ncolour = "#000000"\n', "utf-8")
    festival, problems = load_file(path)
    assert festival is None
    assert any(
        'unknown field "colour" (did you mean "color"?)' in p.message and p.line == 14
        for p in problems
    )
    path.write_text(HEAD + '\n[[tracks]]\ncolor = "#000000"\n', "utf-8")
    festival, problems = load_file(path)
    assert festival is None
    assert any("track #1: missing required field name" in p.message for p in problems)
