"""A festival's time zone as people read it: the IANA name, but a fixed offset with no place
as `UTC+1`, never `Etc/GMT-1` (POSIX signs, which read as their opposite)."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tui_guide.cli import main
from tui_guide.formats.ics import calendar
from tui_guide.formats.load import load_file
from tui_guide.programme.format import zone_label

FIXED = Path(__file__).parent / "data" / "schedules" / "fixed-offset.xml"


@pytest.mark.parametrize(
    ("key", "label"),
    [
        ("Etc/GMT-1", "UTC+1"),
        ("Etc/GMT+5", "UTC-5"),
        ("Etc/GMT-14", "UTC+14"),
        ("Etc/GMT+12", "UTC-12"),
        ("Etc/GMT", "UTC"),
        ("Etc/GMT0", "UTC"),
        ("Etc/GMT-0", "UTC"),
        ("Etc/UTC", "UTC"),
        ("UTC", "UTC"),
        ("Europe/Berlin", "Europe/Berlin"),
        ("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"),
        ("Asia/Kolkata", "Asia/Kolkata"),
    ],
)
def test_zone_label(key: str, label: str) -> None:
    assert zone_label(ZoneInfo(key)) == label


def test_the_label_has_the_sign_of_the_offset() -> None:
    for hours in range(-12, 15):
        zone = ZoneInfo("UTC" if hours == 0 else f"Etc/GMT{-hours:+d}")
        offset = zone.utcoffset(None)
        assert offset is not None and offset.total_seconds() == hours * 3600
        assert zone_label(zone) == ("UTC" if hours == 0 else f"UTC{hours:+d}")


def test_list_titles_a_fixed_offset_festival_utc_plus_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--data", str(FIXED)]) == 0
    out = capsys.readouterr().out
    assert "Fixed Offset Days — place TBA, UTC+1" in out
    assert "Etc/GMT" not in out


def test_the_calendar_keeps_the_iana_name_that_calendar_apps_know() -> None:
    festival, _ = load_file(FIXED)
    assert festival is not None and festival.timezone.key == "Etc/GMT-1"
    parsed = Calendar.from_ical(calendar(festival.sessions, name="x").data)
    (zone,) = parsed.walk("VTIMEZONE")
    assert zone["tzid"] == "Etc/GMT-1"  # a real IANA name, with its rules beside it
    (rule,) = zone.walk("STANDARD")
    assert rule["tzoffsetto"].td.total_seconds() == 3600
    (event,) = parsed.walk("VEVENT")
    assert event["dtstart"].params["TZID"] == "Etc/GMT-1"
