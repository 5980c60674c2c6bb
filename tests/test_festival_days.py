"""Festival time: a festival day runs to its night's end, "now" is the festival's, and an
unknown is "to be announced" only while it can still be. On the bundled data, a small TOML
festival, and the real 37C3, 34C3 and camp 2019 exports in `../shared/schedules/`."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.cli import main
from tui_guide.library.load import load_programme
from tui_guide.programme.format import (
    day_tab_label,
    festival_dates,
    night_groups,
    time_range,
)
from tui_guide.programme.model import (
    DEFAULT_DAY_STARTS,
    Festival,
    Kind,
    Session,
    day_bounds,
    festival_day,
)
from tui_guide.programme.now import first_current, now_and_next, opening_day

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
SHARED = REPO.parent / "shared" / "schedules"
BERLIN = ZoneInfo("Europe/Berlin")
BAKU = ZoneInfo("Asia/Baku")
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/schedules is absent")


def session(ident: str, day: date | None, start: time | None = None, **more: object) -> Session:
    return Session("fest", ident, ident, Kind.TALK, BAKU, date=day, start=start, **more)  # type: ignore[arg-type]


def festival(*sessions: Session, **more: object) -> Festival:
    return Festival(
        "fest",
        "Fest",
        "Baku",
        "",
        BAKU,
        Path("fest.toml"),
        sessions=sessions,
        **more,  # type: ignore[arg-type]
    )


# --- the model ----------------------------------------------------------------------------


def test_a_start_before_the_boundary_belongs_to_the_night_before() -> None:
    evening = session("evening", date(2025, 12, 7), time(23, 0))
    night = session("night", date(2025, 12, 8), time(0, 30))
    dawn = session("dawn", date(2025, 12, 8), time(5, 0))  # the boundary itself: a new day
    untimed = session("untimed", date(2025, 12, 8))
    assert (evening.day, night.day, dawn.day, untimed.day) == (
        date(2025, 12, 7),
        date(2025, 12, 7),
        date(2025, 12, 8),
        date(2025, 12, 8),
    )
    assert night.date == date(2025, 12, 8)  # its true date is kept
    calendar = dataclasses.replace(night, day_starts=time(0, 0))
    assert calendar.day == date(2025, 12, 8)  # day_starts = 00:00: calendar days
    assert session("undated", None, time(1, 0)).day is None


def test_a_festival_day_is_listed_evening_then_night() -> None:
    fest = festival(
        session("night", date(2025, 12, 8), time(0, 30)),
        session("evening", date(2025, 12, 7), time(23, 0)),
        session("morning", date(2025, 12, 8), time(10, 0)),
        session("afternoon", date(2025, 12, 7), time(14, 0)),
    )
    assert fest.days == (date(2025, 12, 7), date(2025, 12, 8))
    assert [s.id for s in fest.sessions_on(date(2025, 12, 7))] == ["afternoon", "evening", "night"]
    assert [s.id for s in fest.sessions_on(date(2025, 12, 8))] == ["morning"]


def test_untimed_sessions_keep_the_order_of_the_file() -> None:
    meeting = session("zz-meeting", date(2025, 7, 1))  # sorts last by title
    signing = session("aa-signing", date(2025, 7, 1))  # at the end of the meeting
    timed = session("talk", date(2025, 7, 1), time(18, 0))
    fest = festival(meeting, signing, timed)
    assert [s.id for s in fest.sessions_on(date(2025, 7, 1))] == [
        "talk",
        "zz-meeting",
        "aa-signing",
    ]
    undated = festival(session("b", None), session("a", None))
    assert [s.id for s in undated.sessions_on(None)] == ["b", "a"]


@given(
    moment=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
    boundary=st.times(),
)
@settings(max_examples=examples(200))
def test_a_moment_is_in_the_festival_day_whose_bounds_hold_it(
    moment: datetime, boundary: time
) -> None:
    aware = moment.replace(tzinfo=ZoneInfo("UTC"))
    day = festival_day(aware, BAKU, boundary)
    begins, ends = day_bounds(day, BAKU, boundary)
    local = aware.astimezone(BAKU)
    assert day in (local.date(), local.date() - timedelta(days=1))
    # Wall-clock bounds: a moment in the day's span of wall-clock time (zone gaps aside).
    assert begins.replace(tzinfo=None) <= local.replace(tzinfo=None) < ends.replace(tzinfo=None)


def test_past_is_the_end_of_the_festival_day_or_the_day_after_a_report() -> None:
    open_ended = session("late", date(2025, 12, 7), time(23, 0))
    assert not open_ended.is_past(datetime(2025, 12, 8, 3, 0, tzinfo=BAKU))
    assert open_ended.is_past(datetime(2025, 12, 8, 5, 0, tzinfo=BAKU))
    reported = session("held", None, held_by=date(2025, 7, 22))
    assert not reported.is_past(datetime(2025, 7, 22, 20, 0, tzinfo=BAKU))
    assert reported.is_past(datetime(2025, 7, 23, 0, 0, tzinfo=BAKU))


def test_marks_for_the_next_day_show_whole() -> None:
    late = session("late", date(2025, 12, 7), time(23, 55), end=time(0, 35))
    assert time_range(late, compact=True) == "23:55–00:35⁺¹"
    assert len(time_range(late, compact=True)) <= 13  # the time column of a list row
    assert time_range(late) == "23:55–00:35 (+1 day)"
    # In London it is 19:55-20:35, the same day: no mark.
    assert time_range(late, zone=ZoneInfo("Europe/London")) == "19:55–20:35"
    # In Tokyo 04:55-05:35 the next morning; the range itself does not cross midnight.
    assert time_range(late, zone=ZoneInfo("Asia/Tokyo")) == "04:55–05:35"
    crossing = session("crossing", date(2025, 12, 7), time(20, 0), end=time(21, 30))
    assert time_range(crossing, zone=ZoneInfo("Asia/Tokyo"), compact=True) == "01:00–02:30"
    assert time_range(crossing, zone=ZoneInfo("Pacific/Kiritimati")) == "06:00–07:30"
    midnight = session("m", date(2025, 12, 7), time(22, 0), end=time(23, 30))
    assert time_range(midnight, zone=ZoneInfo("Asia/Kolkata")) == "23:30–01:00 (+1 day)"


def test_night_groups_keep_the_true_date() -> None:
    day = date(2025, 12, 7)
    evening = session("evening", day, time(23, 0))
    night = session("night", date(2025, 12, 8), time(0, 30))
    assert night_groups(day, [evening, night]) == [
        (None, [evening]),
        ("After midnight · Mon 8 Dec", [night]),
    ]
    # In Lisbon (UTC+0) 23:00 Baku is 19:00 the same day and 00:30 is 20:30 the day before.
    lisbon = ZoneInfo("Europe/Lisbon")
    assert night_groups(day, [evening, night], lisbon) == [(None, [evening, night])]


def test_unknowns_say_not_given_once_over() -> None:
    untimed = session("u", date(2025, 12, 9))
    assert time_range(untimed) == "Time TBA"
    assert time_range(untimed, over=True) == "Time not given"


def test_dates_that_come_only_from_sessions_are_said_to() -> None:
    fest = festival(session("a", date(2025, 12, 6)), session("b", date(2025, 12, 9)))
    assert festival_dates(fest) == "Sessions Sat 6 Dec – Tue 9 Dec 2025 (its own dates not given)"
    held = festival(session("x", None), held_by=date(2025, 7, 22))
    assert festival_dates(held) == "Held by Tue 22 Jul 2025 (dates not given)"
    assert festival_dates(festival(session("x", None))) == "Dates TBA"
    dated = festival(starts=date(2026, 5, 14), ends=date(2026, 5, 16))
    assert festival_dates(dated) == "Thu 14 May – Sat 16 May 2026"
    assert day_tab_label(dated, date(2026, 5, 15)) == "Day 2 · Fri 15 May"
    assert day_tab_label(fest, date(2025, 12, 9)) == "Tue 9 Dec"  # no own dates: no number


# --- the bundled programme ------------------------------------------------------------------


def bundled(festival_id: str) -> Festival:
    programme = load_programme([DATA])
    found = programme.festival(festival_id)
    assert found is not None
    return found


def test_on_8_december_the_roundtable_is_still_to_come() -> None:
    baku = bundled("baku-cinema-breeze-2025")
    moment = datetime(2025, 12, 8, 12, 0, tzinfo=BAKU)
    state = now_and_next(baku, moment)
    assert [s.id for s in state.later_time_tba] == ["ata-co-production-roundtable"]
    assert opening_day(baku, moment) == date(2025, 12, 9)  # not the past 6 December
    assert opening_day(baku, datetime(2025, 12, 8, 3, 0, tzinfo=BAKU)) == date(2025, 12, 7)
    assert opening_day(baku, datetime(2026, 1, 1, tzinfo=BAKU)) == date(2025, 12, 9)
    assert opening_day(baku, datetime(2025, 1, 1, tzinfo=BAKU)) == date(2025, 12, 6)


def test_reported_meetings_are_over_and_keep_their_order() -> None:
    turksoy = bundled("turksoy-film-leaders-2025")
    assert turksoy.held_by == date(2025, 7, 22)
    ids = [s.id for s in turksoy.sessions_on(None)]
    assert ids.index("film-leaders-meeting") < ids.index("joint-protocol-signing")
    later = datetime(2025, 8, 1, tzinfo=turksoy.timezone)
    assert all(s.is_past(later) for s in turksoy.sessions)
    panel = bundled("baku-cinema-breeze-2025").session("state-cooperation-panel")
    assert panel is not None and panel.held_by == date(2025, 12, 9)


def test_hide_past_hides_what_a_report_says_took_place(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--now", "2025-12-01T10:00", "list", "--festival", "korkyt-ata-2025"]) == 0
    out = capsys.readouterr().out
    assert "Date not given" in out and "TBA" not in out


# --- a TOML festival --------------------------------------------------------------------------


HEAD = """\
[festival]
id = "night-fest"
name = "Night Fest"
timezone = "Europe/Berlin"
starts = 2025-06-01
ends = 2025-06-02
{extra}
"""
NIGHT = """
[[sessions]]
id = "closing-set"
title = "Closing set"
kind = "other"
date = 2025-06-03
start = 01:30:00
"""


def night_fest(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "night.toml"
    path.write_text(HEAD.format(extra=extra) + NIGHT, encoding="utf-8")
    return path


def test_a_night_after_the_last_day_is_in_the_festival(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = night_fest(tmp_path)
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: 1 festival, 0 venues, 1 session\n")
    assert (
        "no day boundary, so 1 session starting before 05:00 is listed in the night before" in out
    )
    assert main(["list", "--data", str(path), "--day", "2025-06-02", "--format", "json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)["sessions"]
    assert (listed["date"], listed["day"]) == ("2025-06-03", "2025-06-02")


def test_day_starts_moves_the_boundary_and_silences_the_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = night_fest(tmp_path, "day_starts = 01:00:00")
    # 01:30 is now the start of 3 June: outside the festival's dates.
    assert main(["validate", str(path)]) == 2
    assert "field date: 2025-06-03 is outside the festival's dates" in capsys.readouterr().err
    path = night_fest(tmp_path, "day_starts = 02:00:00")
    assert main(["validate", str(path)]) == 0
    assert "note:" not in capsys.readouterr().out
    (fest,) = load_programme([path]).festivals
    assert fest.day_starts == time(2, 0) and fest.sessions[0].day == date(2025, 6, 2)


def test_the_toml_writer_keeps_the_boundary_and_reports(tmp_path: Path) -> None:
    from tui_guide.formats.toml.write import write_toml

    (fest,) = load_programme(
        [night_fest(tmp_path, "day_starts = 04:00:00\nheld_by = 2025-06-04")]
    ).festivals
    again = tmp_path / "again.toml"
    again.write_text(write_toml(fest), encoding="utf-8")
    (read,) = load_programme([again]).festivals
    assert (read.day_starts, read.held_by) == (time(4, 0), date(2025, 6, 4))
    assert read.sessions[0].day == date(2025, 6, 2)
    assert read.sessions[0].held_by == date(2025, 6, 4)


# --- real congress exports --------------------------------------------------------------------


def shared(name: str) -> Festival:
    (fest,) = load_programme([SHARED / name]).festivals
    return fest


@needs_shared
def test_37c3_jeopardy_is_at_the_end_of_its_night() -> None:
    congress = shared("37c3.xml")
    assert congress.day_starts == time(4, 0)  # its days run to 04:00
    assert len(congress.days) == 4
    jeopardy = next(s for s in congress.sessions if s.title == "Kein(!) Hacker Jeopardy")
    assert (jeopardy.date, jeopardy.start, jeopardy.day) == (
        date(2023, 12, 28),
        time(0, 15),
        date(2023, 12, 27),
    )
    day1 = congress.sessions_on(date(2023, 12, 27))
    assert jeopardy in day1 and day1.index(jeopardy) > len(day1) // 2
    day2 = congress.sessions_on(date(2023, 12, 28))
    assert all(s.start is None or s.start >= time(4, 0) for s in day2[:5])
    assert day2[0].start is not None and day2[0].start >= time(9, 0)


@needs_shared
def test_37c3_at_01_30_on_the_first_night(capsys: pytest.CaptureFixture[str]) -> None:
    congress = shared("37c3.xml")
    moment = datetime(2023, 12, 28, 1, 30, tzinfo=BERLIN)
    assert opening_day(congress, moment) == date(2023, 12, 27)
    day1 = congress.sessions_on(date(2023, 12, 27))
    current = first_current(day1, moment)
    assert current is not None and day1[current].is_on_at(moment)
    # At 00:30, "next" is the night's next starts, never the next morning's talks.
    state = now_and_next(congress, datetime(2023, 12, 28, 0, 30, tzinfo=BERLIN))
    assert state.next and len(state.next) < 10
    assert all(s.starts_at and s.starts_at.hour < 5 for s in state.next)
    assert state.today == date(2023, 12, 27)
    argv = ["list", "--data", str(SHARED / "37c3.xml"), "--day", "2023-12-27", "--format", "json"]
    assert main(argv) == 0
    titles = [s["title"] for s in json.loads(capsys.readouterr().out)["sessions"]]
    assert "Kein(!) Hacker Jeopardy" in titles[len(titles) // 2 :]


@needs_shared
def test_34c3_has_four_days_not_five() -> None:
    congress = shared("34c3.json")  # its conference `end` is 31 December, the last night's end
    assert congress.days == tuple(date(2017, 12, d) for d in (27, 28, 29, 30))
    assert congress.day_starts == time(3, 0)


@needs_shared
def test_camp2019_days_run_to_four_in_the_morning() -> None:
    camp = shared("frab-camp2019.json")
    assert camp.day_starts == time(4, 0)
    assert len(camp.days) == 5
    for day in camp.days:
        for s in camp.sessions_on(day):
            begins, ends = day_bounds(day, camp.timezone, time(4, 0))
            assert s.starts_at is None or begins <= s.starts_at < ends


def test_the_default_boundary_is_five() -> None:
    assert time(5, 0) == DEFAULT_DAY_STARTS


# --- edges found in review ------------------------------------------------------------------


def test_the_small_hours_of_the_first_date_are_the_first_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "early.toml"
    path.write_text(
        HEAD.format(extra="")
        + '\n[[sessions]]\nid = "opening-party"\ntitle = "Opening party"\nkind = "other"\n'
        "date = 2025-06-01\nstart = 00:30:00\n",
        encoding="utf-8",
    )
    assert main(["validate", str(path)]) == 0
    capsys.readouterr()
    (fest,) = load_programme([path]).festivals
    assert fest.sessions[0].day == date(2025, 6, 1)  # no night before the festival
    assert fest.days == (date(2025, 6, 1), date(2025, 6, 2))


def test_a_day_boundary_past_noon_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(night_fest(tmp_path, "day_starts = 13:00:00"))]) == 2
    assert "field day_starts: 13:00:00 is not a time in the small hours" in capsys.readouterr().err


def test_a_night_outside_the_festival_is_named_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "late.toml"
    path.write_text(NIGHT.replace("2025-06-03", "2025-06-04").join([HEAD.format(extra=""), ""]))
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "2025-06-04 is outside the festival's dates (2025-06-01 to 2025-06-02)" in err
    assert "before the day boundary, it is the night of 2025-06-03" in err


def test_day_numbers_count_from_the_festival_start() -> None:
    fest = festival(session("a", date(2026, 5, 15)), starts=date(2026, 5, 14))
    assert day_tab_label(fest, date(2026, 5, 15)) == "Day 2 · Fri 15 May"


def test_a_festival_with_no_dated_session_opens_on_its_date_tba_list() -> None:
    fest = festival(session("x", None), starts=date(2026, 5, 14), ends=date(2026, 5, 15))
    assert opening_day(fest, datetime(2026, 5, 14, 12, 0, tzinfo=BAKU)) is None


def test_each_venue_tba_session_is_a_next_of_its_own() -> None:
    day = date(2025, 12, 7)
    fest = festival(*(session(f"s{h}", day, time(h, 0)) for h in (10, 11, 12)))
    state = now_and_next(fest, datetime(2025, 12, 7, 9, 0, tzinfo=BAKU))
    assert [s.id for s in state.next] == ["s10", "s11", "s12"]


def test_until_counts_elapsed_time_across_a_change_of_the_clocks() -> None:
    from tui_guide.programme.format import until

    before = datetime(2026, 3, 29, 1, 30, tzinfo=BERLIN)  # clocks go from 02:00 to 03:00
    assert until(before, datetime(2026, 3, 29, 3, 30, tzinfo=BERLIN)) == "in 1 h"


@needs_shared
def test_debconf_days_dated_in_utc_add_no_empty_day() -> None:
    debconf = shared("debconf23.xml")
    assert debconf.starts == date(2023, 9, 10)
    assert all(debconf.sessions_on(day) for day in debconf.days[:1])
