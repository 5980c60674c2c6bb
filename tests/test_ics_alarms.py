"""Alarms in the favourites calendar: a VALARM per timed favourite, `--remind` minutes before
its start, read back with icalendar; none for an all-day event, none with `--remind 0`."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples
from icalendar import Calendar

from tui_guide.cli import main
from tui_guide.cli.common import MAX_MINUTES
from tui_guide.favourites import Favourites
from tui_guide.formats.ics import calendar
from tui_guide.programme.model import Kind, Session, Venue

BAKU = ZoneInfo("Asia/Baku")
STAMP = datetime(2025, 11, 1, 12, 0, tzinfo=UTC)
HALL = Venue("fest", "hall", "Hall")
ACTING = "baku-cinema-breeze-2025/ata-masterclass-acting-for-animators"


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


def alarms(data: bytes) -> dict[str, list]:
    """Each event's alarms, by its summary."""
    parsed = Calendar.from_ical(data)
    return {str(e["summary"]): list(e.walk("VALARM")) for e in parsed.walk("VEVENT")}


def test_a_timed_session_rings_remind_minutes_before_it_starts() -> None:
    data = calendar([session()], name="Mine", stamp=STAMP, remind=15).data
    ((alarm,),) = alarms(data).values()
    assert str(alarm["action"]) == "DISPLAY"
    assert alarm.decoded("trigger") == timedelta(minutes=-15)
    assert b"TRIGGER:-PT15M" in data
    assert str(alarm["description"]) == "A talk at Hall, starts in 15 min"


def test_an_all_day_session_and_remind_0_ring_nothing() -> None:
    untimed = session("u", title="All day", start=None, end=None)
    found = alarms(calendar([session(), untimed], name="Mine", stamp=STAMP, remind=10).data)
    assert len(found["A talk"]) == 1 and found["All day"] == []
    assert alarms(calendar([session()], name="Mine", stamp=STAMP).data) == {"A talk": []}
    assert b"VALARM" not in calendar([session()], name="Mine", stamp=STAMP, remind=0).data


def test_the_alarm_description_holds_no_control_character() -> None:
    hostile = session(title="Evil\x1b[31m talk\x07", venue=Venue("fest", "v", "Room\x00 1"))
    ((alarm,),) = alarms(calendar([hostile], name="Mine", stamp=STAMP, remind=5).data).values()
    assert str(alarm["description"]) == "Evil[31m talk at Room 1, starts in 5 min"


@settings(max_examples=examples(100))
@given(
    remind=st.integers(1, MAX_MINUTES),
    start=st.times(),
    day=st.dates(date(1990, 1, 1), date(2990, 12, 31)),
)
def test_the_alarm_rings_at_start_minus_remind_for_any_lead(
    remind: int, start: time, day: date
) -> None:
    start = start.replace(second=0, microsecond=0)
    data = calendar([session(date=day, start=start, end=None)], name="x", remind=remind).data
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    (alarm,) = event.walk("VALARM")
    rings = event.decoded("dtstart") + alarm.decoded("trigger")
    assert rings == datetime.combine(day, start, BAKU) - timedelta(minutes=remind)


@pytest.fixture
def state(tmp_path: Path) -> Path:
    folder = tmp_path / "state"
    store = Favourites(path=folder / "favourites.sqlite3")
    store.add(ACTING)
    store.close()
    return folder


def triggers(path: Path) -> list[timedelta]:
    return [
        alarm.decoded("trigger")
        for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        for alarm in event.walk("VALARM")
    ]


def run(state: Path, out: Path, before: tuple[str, ...] = (), after: tuple[str, ...] = ()) -> int:
    argv = [*before, "favourites", "export", "-o", str(out), "--state-dir", str(state), *after]
    return main(argv)


def test_favourites_export_rings_10_min_before_by_default(capsys, state, tmp_path) -> None:
    out = tmp_path / "mine.ics"
    assert run(state, out) == 0
    assert triggers(out) == [timedelta(minutes=-10)]


def test_remind_before_or_after_the_command_sets_the_lead(capsys, state, tmp_path) -> None:
    out = tmp_path / "mine.ics"
    assert run(state, out, before=("--remind", "30")) == 0
    assert triggers(out) == [timedelta(minutes=-30)]
    assert run(state, out, before=("--remind", "30"), after=("--remind", "5")) == 0
    assert triggers(out) == [timedelta(minutes=-5)]
    assert run(state, out, after=("--remind", "0")) == 0
    assert triggers(out) == [] and b"VALARM" not in out.read_bytes()


def test_remind_after_the_command_must_be_minutes(capsys, state, tmp_path) -> None:
    with pytest.raises(SystemExit) as exit:
        run(state, tmp_path / "mine.ics", after=("--remind", "soon"))
    assert exit.value.code == 2
    assert "not a number of minutes" in capsys.readouterr().err
    assert not (tmp_path / "mine.ics").exists()


def test_the_whole_programme_export_has_no_alarms(capsys, tmp_path) -> None:
    out = tmp_path / "all.ics"
    assert (
        main(["--remind", "15", "export", "--festival", "baku-cinema-breeze-2025", "-o", str(out)])
        == 0
    )
    assert triggers(out) == []
