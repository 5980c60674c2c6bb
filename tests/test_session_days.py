"""A festival's sessions a day at a time: from a tuple as every reader gives them, or from a
loader's source that makes each day only when it is asked for, with the same answers."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tui_guide.library.load import load_programme
from tui_guide.library.sources import bundled_data
from tui_guide.programme.model import Festival, Session, SessionDays, reported


def _festival() -> Festival:
    programme = load_programme([bundled_data()], cache=False)
    return max(programme.festivals, key=lambda f: len(f.days))


class _Source:
    """A source over a festival's days that records which it was asked for."""

    def __init__(self, festival: Festival) -> None:
        self.festival = festival
        self.asked: list[date | None] = []
        self.counts: Mapping[date | None, int] = festival.by_day.counts

    def on(self, day: date | None) -> tuple[Session, ...]:
        self.asked.append(day)
        return self.festival.sessions_on(day)

    def in_order(self, days: Mapping[date | None, tuple[Session, ...]]) -> tuple[Session, ...]:
        found = {id(s) for sessions in days.values() for s in sessions}
        assert len(found) == sum(self.counts.values())  # every day was made first
        return self.festival.sessions

    def reported(self, day: date | None) -> date | None:
        return reported(self.festival.sessions_on(day))


def test_a_festival_from_a_source_makes_only_the_days_asked_for() -> None:
    read = _festival()
    source = _Source(read)
    lazy = dataclasses.replace(read, by_day=SessionDays(source=source))
    assert lazy.days == read.days and lazy.session_count == len(read.sessions)
    assert all(lazy.has_sessions_on(day) for day in read.by_day.counts)
    assert not lazy.by_day.made and source.asked == []
    day = read.days[1]
    assert lazy.sessions_on(day) == read.sessions_on(day)
    assert lazy.sessions_on(day) is lazy.sessions_on(day)  # made once, the same each time
    assert source.asked == [day] and not lazy.by_day.made
    assert lazy.sessions == read.sessions  # the whole programme, in the order of the file
    assert lazy.by_day.made and sorted(source.asked, key=str) == sorted(read.by_day.counts, key=str)
    assert lazy == read and hash(lazy) == hash(read)


def test_sessions_given_win_over_the_days_of_another() -> None:
    read = _festival()
    first = read.sessions[:1]
    replaced = dataclasses.replace(read, sessions=first)
    assert replaced.sessions == first and replaced.session_count == 1
    assert set(replaced.days) <= set(read.days) and replaced.by_day.counts == {first[0].day: 1}
    assert replaced != read
    moved = dataclasses.replace(read, source_file=Path("elsewhere.toml"))
    assert moved.by_day is read.by_day and moved.sessions == read.sessions


def test_a_day_with_no_sessions_is_empty_and_made_by_no_source() -> None:
    read = _festival()
    source = _Source(read)
    lazy = dataclasses.replace(read, by_day=SessionDays(source=source))
    assert lazy.sessions_on(date(1999, 1, 1)) == () and source.asked == []
    assert not lazy.has_sessions_on(date(1999, 1, 1))


def _reports(read: Festival, held_by: list[date | None]) -> Festival:
    """`read` with each session's `held_by` from `held_by` in turn (the date-TBA ones too)."""
    sessions = tuple(
        dataclasses.replace(s, held_by=held_by[n % len(held_by)])
        for n, s in enumerate(read.sessions)
    )
    return dataclasses.replace(read, sessions=sessions)


@pytest.mark.parametrize(
    "held_by",
    [
        [None],
        [date(2025, 12, 1)],
        [date(2025, 12, 1), date(2025, 12, 3)],
        [date(2025, 12, 1), None],
    ],
    ids=["none", "one-date", "two-dates", "one-missing"],
)
def test_what_a_days_label_needs_is_known_without_making_the_day(held_by) -> None:
    read = _reports(_festival(), held_by)
    source = _Source(read)
    lazy = dataclasses.replace(read, by_day=SessionDays(source=source))
    for day in read.by_day.counts:
        expected = reported(read.sessions_on(day))
        assert lazy.by_day.reported(day) == read.by_day.reported(day) == expected
        for moment in (datetime(2025, 12, 2, 12, tzinfo=UTC), datetime(2025, 12, 4, tzinfo=UTC)):
            sessions = read.sessions_on(day)
            over = bool(sessions) and all(
                s.held_by is not None and moment.astimezone(s.timezone).date() > s.held_by
                for s in sessions
            )
            if day is None:  # what the days screen's "Date TBA" tab asked before
                assert over is (bool(sessions) and all(s.is_past(moment) for s in sessions))
            assert lazy.reported_over(day, moment) is read.reported_over(day, moment) is over
    assert source.asked == []  # no day made for it
    assert lazy.by_day.reported(date(1999, 1, 1)) is None and source.asked == []


def test_the_latest_report_of_a_day_is_the_one_that_decides() -> None:
    read = _festival()
    first, second = read.sessions[:2]
    early = dataclasses.replace(first, held_by=date(2025, 1, 1))
    late = dataclasses.replace(second, held_by=date(2025, 1, 5))
    assert reported([early, late]) == reported([late, early]) == date(2025, 1, 5)
    assert reported([early, dataclasses.replace(second, held_by=None)]) is None
    assert reported([]) is None
