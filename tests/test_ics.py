"""Calendar export: the file parses back with icalendar, times are right in UTC, UIDs are
stable, undated sessions are left out with a note and untimed ones are all day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from tui_guide.formats.ics import calendar, uid
from tui_guide.library.load import load_programme
from tui_guide.programme.model import Kind, Person, Session, Venue

DATA = Path(__file__).resolve().parents[1] / "data"
BAKU = ZoneInfo("Asia/Baku")
STAMP = datetime(2025, 11, 1, 12, 0, tzinfo=UTC)
HALL = Venue("fest", "hall", "Hall, Old Town", address="1 Main St", city="Baku")


def session(id: str = "s", **fields) -> Session:
    values = {
        "title": "A talk",
        "kind": Kind.TALK,
        "timezone": BAKU,
        "date": date(2025, 12, 7),
        "start": time(14, 0),
        "end": time(15, 30),
        "venue": HALL,
    }
    return Session("fest", id, **(values | fields))


def events(data: bytes) -> dict[str, object]:
    parsed = Calendar.from_ical(data)
    return {str(event["uid"]): event for event in parsed.walk("VEVENT")}


def test_14_00_in_baku_is_10_00_utc_with_the_festival_zone() -> None:
    result = calendar([session()], name="Test", stamp=STAMP)
    (event,) = events(result.data).values()
    starts, ends = event.decoded("dtstart"), event.decoded("dtend")
    assert starts.astimezone(UTC) == datetime(2025, 12, 7, 10, 0, tzinfo=UTC)
    assert ends.astimezone(UTC) == datetime(2025, 12, 7, 11, 30, tzinfo=UTC)
    assert event["dtstart"].params["TZID"] == "Asia/Baku"
    assert b"DTSTART;TZID=Asia/Baku:20251207T140000" in result.data
    (zone,) = Calendar.from_ical(result.data).walk("VTIMEZONE")
    assert zone["tzid"] == "Asia/Baku"


def test_the_fields_a_calendar_shows() -> None:
    talk = session(
        title="Cats, dogs; and [bold]x[/bold]",
        people=(Person("Ayla Əliyeva", "moderator", "ADA"), Person("Birol Güven")),
        description="About animation.\nTwo lines.",
        url="https://example.org/talk",
    )
    (event,) = events(calendar([talk], name="Test", stamp=STAMP).data).values()
    assert str(event["summary"]) == "Cats, dogs; and [bold]x[/bold]"
    assert str(event["location"]) == "Hall, Old Town, 1 Main St, Baku"
    assert str(event["description"]) == (
        "Ayla Əliyeva — moderator, ADA\nBirol Güven\n\nAbout animation.\nTwo lines.\n\n"
        "https://example.org/talk"
    )
    assert event.decoded("dtstamp") == STAMP
    assert str(event["url"]) == "https://example.org/talk"


def test_uids_are_the_same_in_every_export() -> None:
    first = events(calendar([session("a"), session("b")], name="x", stamp=STAMP).data)
    later = events(calendar([session("b")], name="x", stamp=STAMP + timedelta(days=3)).data)
    assert sorted(first) == ["fest/a@tui-guide", "fest/b@tui-guide"]
    assert list(later) == ["fest/b@tui-guide"] == [uid(session("b"))]


def test_no_date_is_left_out_with_a_note_and_no_time_is_all_day() -> None:
    undated = session("undated", title="Some day", date=None, start=None, end=None)
    untimed = session("untimed", title="All day", start=None, end=None)
    result = calendar([undated, untimed], name="x", stamp=STAMP)
    assert result.events == 1
    assert result.notes == ("left out, its date is to be announced: Some day (fest/undated)",)
    (event,) = events(result.data).values()
    assert event.decoded("dtstart") == date(2025, 12, 7)
    assert event.decoded("dtend") == date(2025, 12, 8)


def test_past_midnight_ends_the_next_day_and_no_end_has_no_dtend() -> None:
    late = session("late", start=time(23, 0), end=time(1, 0))
    open_ended = session("open", end=None)
    found = events(calendar([late, open_ended], name="x", stamp=STAMP).data)
    assert found["fest/late@tui-guide"].decoded("dtend") == datetime(2025, 12, 8, 1, tzinfo=BAKU)
    assert "dtend" not in found["fest/open@tui-guide"]


def test_control_characters_from_data_never_reach_the_file() -> None:
    hostile = session(title="\x1b[31mRed\x07 title", description="bell\x07")
    data = calendar([hostile], name="x", stamp=STAMP).data
    assert b"\x1b" not in data and b"\x07" not in data
    (event,) = events(data).values()
    assert str(event["summary"]) == "[31mRed title"


def test_the_bundled_programme_exports_every_dated_session() -> None:
    programme = load_programme([DATA])
    result = calendar(programme.sessions, name="all", stamp=STAMP)
    dated = [s for s in programme.sessions if s.date is not None]
    assert result.events == len(dated) == len(events(result.data))
    zones = {z["tzid"] for z in Calendar.from_ical(result.data).walk("VTIMEZONE")}
    # A zone for every festival with a timed session (all-day events carry none).
    timed = {s.timezone.key for s in programme.sessions if s.starts_at is not None}
    assert zones == timed and "Asia/Baku" in zones
    assert len(result.notes) == len(programme.sessions) - len(dated)


@pytest.mark.parametrize("zone", ["Asia/Baku", "Asia/Aqtau", "Europe/Istanbul", "UTC"])
@given(
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31)),
    start=st.times().map(lambda t: t.replace(second=0, microsecond=0)),
)
def test_any_time_parses_back_to_the_same_instant(zone: str, day: date, start: time) -> None:
    talk = session(timezone=ZoneInfo(zone), date=day, start=start, end=None)
    (event,) = events(calendar([talk], name="x", stamp=STAMP).data).values()
    assert talk.starts_at is not None
    assert event.decoded("dtstart").astimezone(UTC) == talk.starts_at.astimezone(UTC)
