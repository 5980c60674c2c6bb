"""Times in schedules whose `<date>` (with its offset) and `<start>` (the wall clock)
disagree: the wall clock wins, on that day, with one warning per file; a session past
midnight keeps the date it starts on."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from tui_guide.formats.load import load_file
from tui_guide.formats.schedule.wallclock import start_of
from tui_guide.programme.model import Festival, Problem

DATA = Path(__file__).parent / "data" / "schedules"
MONTREAL = ZoneInfo("America/Montreal")
BERLIN = ZoneInfo("Europe/Berlin")
ZONES = [ZoneInfo(n) for n in ("America/Montreal", "Europe/Berlin", "Asia/Kolkata", "UTC")]


def opened(name: str) -> tuple[Festival, list[Problem]]:
    festival, problems = load_file(DATA / name)
    assert festival is not None, [str(p) for p in problems]
    assert all(p.severity == "warning" for p in problems), [str(p) for p in problems]
    return festival, problems


def times(festival: Festival) -> dict[str, tuple[date | None, time | None, time | None]]:
    return {s.title: (s.date, s.start, s.end) for s in festival.sessions}


def test_wafer_montreal_times_labelled_utc_show_at_their_wall_clock() -> None:
    festival, problems = opened("wafer-montreal.xml")
    assert festival.timezone == MONTREAL
    assert times(festival) == {
        "Opening": (date(2017, 8, 6), time(10, 0), time(10, 45)),  # was 06:00, 4 hours off
        "Late talk": (date(2017, 8, 6), time(23, 30), time(1, 0)),
        "Night hacking": (date(2017, 8, 7), time(0, 30), time(1, 30)),  # not 6 Aug, 20:30
        "Closing": (date(2017, 8, 7), time(16, 0), time(16, 30)),
    }
    late = next(s for s in festival.sessions if s.title == "Late talk")
    assert late.ends_at == datetime(2017, 8, 7, 1, 0, tzinfo=MONTREAL)
    assert late.starts_at is not None and late.starts_at.astimezone(UTC) == datetime(
        2017, 8, 7, 3, 30, tzinfo=UTC
    )
    # One warning for the file, on the first event's line.
    assert [(p.message, p.line) for p in problems] == [
        (
            "the date and start of 4 events disagree (event a1000000-0000-4000-8000-"
            "000000000001: date 2017-08-06T10:00:00+00:00 is 06:00 in America/Montreal, start "
            "10:00): each is put at its start, the wall clock, on that day",
            20,  # <event id="1">
        )
    ]


def test_schedule_json_date_and_start_are_compared_the_same_way() -> None:
    festival, problems = opened("disagreeing.json")
    assert festival.timezone == BERLIN
    assert times(festival) == {
        "Labelled UTC": (date(2024, 7, 1), time(10, 0), time(11, 0)),
        "Right offset": (date(2024, 7, 1), time(12, 0), time(12, 30)),
        "Late, in UTC": (date(2024, 7, 1), time(23, 30), time(1, 30)),  # agrees: kept
        "Past midnight, labelled UTC": (date(2024, 7, 2), time(0, 30), time(1, 30)),
    }
    (warning,) = problems
    assert warning.message.startswith(
        "the date and start of 2 events disagree (event cccccccc-0000-4000-8000-000000000001: "
        "date 2024-07-01T10:00:00+00:00 is 12:00 in Europe/Berlin, start 10:00)"
    )


def test_a_file_whose_dates_and_starts_agree_is_not_warned() -> None:
    festival, problems = opened("fixed-offset.xml")
    assert [p.message for p in problems if "disagree" in p.message] == []
    assert times(festival) == {"Only talk": (date(2024, 3, 1), time(10, 0), time(11, 0))}


# --- start_of, on any time ------------------------------------------------------------------

wall_clocks = st.datetimes(min_value=datetime(1990, 1, 2), max_value=datetime(2090, 12, 30))
minutes = wall_clocks.map(lambda d: d.replace(second=0, microsecond=0))


@given(minutes, st.sampled_from(ZONES), st.integers(-11 * 60, 11 * 60))
def test_a_wrong_offset_never_moves_the_wall_clock(
    wall: datetime, zone: ZoneInfo, offset: int
) -> None:
    # The wall clock written with any offset (right or wrong by up to 11 hours either way):
    # the start is that wall clock, on its own date.
    moment = wall.replace(tzinfo=timezone(timedelta(minutes=offset)))
    start, moved = start_of(moment, wall.time(), zone)
    assert start.replace(tzinfo=None) == wall and start.tzinfo is zone
    if not moved:
        assert start == moment  # the same instant: the offset was right


@given(minutes, st.sampled_from(ZONES), st.integers(-14 * 60, 14 * 60))
def test_a_right_offset_keeps_the_instant_whatever_offset_it_is_written_in(
    instant: datetime, zone: ZoneInfo, offset: int
) -> None:
    # wafer writes <date> in UTC and <start> in local time: both right, nothing moves.
    aware = instant.replace(tzinfo=UTC)
    local = aware.astimezone(zone)
    written = aware.astimezone(timezone(timedelta(minutes=offset)))
    assert start_of(written, local.time(), zone) == (local, False)


def test_a_date_without_an_offset_is_a_wall_clock_in_the_zone() -> None:
    moment = datetime(2024, 3, 1, 10, 0)
    assert start_of(moment, None, BERLIN) == (moment.replace(tzinfo=BERLIN), False)
    assert start_of(moment, time(11, 0), BERLIN) == (datetime(2024, 3, 1, 11, tzinfo=BERLIN), True)


def test_seconds_in_the_date_do_not_make_a_disagreement() -> None:
    moment = datetime(2024, 3, 1, 10, 0, 30, tzinfo=BERLIN)
    assert start_of(moment, time(10, 0), BERLIN) == (moment, False)
