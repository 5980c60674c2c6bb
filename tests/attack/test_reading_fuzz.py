"""Fuzzing the readers of other systems' schedules: schedule.xml, schedule.json and
iCalendar files (the small real-shaped ones in tests/data), cut, spliced and salted with the
hostile fragments of issue 15 (numbers too long, nesting too deep, lone surrogates, times on
the nights the clocks change, control characters).

Whatever comes in: no exception, every problem well formed, and a festival that keeps the
model's promises and survives what is done with it (the cache, every export)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.formats.ics import calendar
from tui_guide.formats.listing import as_csv, as_json
from tui_guide.formats.load import load_file
from tui_guide.library import cache
from tui_guide.programme.model import Festival, Problem
from tui_guide.programme.rules import FIRST_YEAR, LAST_YEAR, MAX_DAYS

DATA = Path(__file__).resolve().parents[1] / "data"
SEEDS = {
    path.name: path.read_bytes()
    for path in sorted(
        [
            *(DATA / "schedules").glob("*.xml"),
            *(DATA / "schedules").glob("*.json"),
            *(DATA / "ical").glob("*.ics"),
        ]
    )
}
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")

HOSTILE = [
    b"9" * 4400,  # past Python's 4,300 digits
    b"-" + b"1" * 5000,
    b"<x>" * 150,  # deeper than the 100 levels XML may nest
    b"</x>" * 150,
    b"[" * 3000,
    b'{"a":' * 3000,
    b"\\ud800",  # a lone surrogate, escaped as JSON writes it
    b'"\\udfff"',
    b"\\ud83d\\ude00",  # a pair: one character
    b"&#xd800;",
    b"2024-03-31T02:30:00",  # in Europe/Berlin's spring-forward gap
    b"2024-10-27T02:30:00+01:00",  # the second 02:30 of its fall-back night
    b"20240331T023000",
    b"TZID=Europe/Berlin:20241027T023000",
    b"Europe/Berlin",
    b"America/Santiago",
    b"0001-01-01",
    b"9999-12-31T23:59:59",
    b"99:99",
    b"\x1b]0;title\x07",
    b"\x00",
    b"\xff\xfe",
    b"\xed\xa0\x80",
    b"\r\n BEGIN:VEVENT\r\n",
    b"\r\nEND:VCALENDAR\r\n",
    b"A" * 3000,
]

_FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = SEEDS[name]
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["insert", "replace", "cut", "repeat"]))
        if op == "insert":
            data = data[:at] + draw(st.sampled_from(HOSTILE)) + data[at:]
        elif op == "replace":
            end = min(len(data), at + draw(st.integers(1, 40)))
            data = data[:at] + draw(st.sampled_from(HOSTILE)) + data[end:]
        elif op == "cut":
            data = data[:at]
        else:  # a stretch of the file many times: repeated events, guids, rooms
            end = min(len(data), at + draw(st.integers(1, 400)))
            data = data[:at] + data[at:end] * draw(st.integers(2, 30)) + data[end:]
    return name, data


def check(path: Path, data: bytes, festival: Festival | None, problems: list[Problem]) -> None:
    lines = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
    if festival is None:
        assert any(p.severity == "error" for p in problems), problems
    for problem in problems:
        assert problem.file == path
        assert problem.message and not CONTROL.search(problem.message), problem.message
        if problem.line is not None:
            assert 1 <= problem.line <= lines, (str(problem), lines)
    if festival is None:
        return
    assert not any(p.severity == "error" for p in problems)
    if festival.starts and festival.ends:
        assert 0 <= (festival.ends - festival.starts).days < MAX_DAYS
    for session in festival.sessions:
        if session.date is not None:
            assert FIRST_YEAR <= session.date.year <= LAST_YEAR
        starts, ends = session.starts_at, session.ends_at
        if starts is not None and ends is not None:
            assert ends >= starts, session  # never ending before it starts
        if starts is not None:  # a wall clock that exists, and is the one shown
            real = starts.astimezone(UTC).astimezone(session.timezone)
            assert real.replace(tzinfo=None) == starts.replace(tzinfo=None), session
    # What is done with a festival: cached and read back the same, and every export.
    loaded = (festival, problems)
    assert cache.decode(cache.encode(loaded, path), str(path), path) == loaded
    stamp = datetime(2024, 1, 1, tzinfo=UTC)
    calendar(festival.sessions, name=festival.name, stamp=stamp)
    as_json([festival], festival.sessions).encode("utf-8")
    as_csv(festival.sessions).encode("utf-8")


@settings(_FUZZ, max_examples=examples(500))
@given(case=mutated())
def test_mutated_schedules_never_crash_and_keep_the_rules(
    tmp_path: Path, case: tuple[str, bytes]
) -> None:
    name, data = case
    path = tmp_path / name
    path.write_bytes(data)
    festival, problems = load_file(path)
    check(path, data, festival, problems)


@settings(_FUZZ, max_examples=examples(150))
@given(
    zone=st.sampled_from(["Europe/Berlin", "America/Santiago", "Australia/Lord_Howe"]),
    day=st.sampled_from(["2024-03-31", "2024-10-27", "2024-04-07", "2024-09-08"]),
    hour=st.integers(0, 3),
    minute=st.integers(0, 59),
    minutes=st.integers(0, 180),
)
def test_any_time_on_a_night_the_clocks_change_is_one_real_moment(
    tmp_path: Path, zone: str, day: str, hour: int, minute: int, minutes: int
) -> None:
    """Every reader, on the hours around every kind of change (an hour, half an hour, at
    midnight): the wall clock kept is one that exists, and the session ends after it starts."""
    start = f"{hour:02d}:{minute:02d}"
    duration = f"{minutes // 60:02d}:{minutes % 60:02d}"
    stamp = day.replace("-", "") + f"T{hour:02d}{minute:02d}00"
    files = {
        "t.json": (
            f'{{"schedule": {{"conference": {{"title": "T", "time_zone_name": "{zone}", '
            f'"days": [{{"date": "{day}", "rooms": {{"R": [{{"guid": "e", "title": "E", '
            f'"start": "{start}", "duration": "{duration}"}}]}}}}]}}}}}}'
        ),
        "t.xml": (
            f"<schedule><conference><title>T</title><time_zone_name>{zone}</time_zone_name>"
            f"</conference><day date='{day}'><room name='R'><event guid='e'><title>E</title>"
            f"<start>{start}</start><duration>{duration}</duration></event></room></day>"
            "</schedule>"
        ),
        "t.ics": (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-WR-CALNAME:T\r\nBEGIN:VEVENT\r\n"
            f"UID:e\r\nSUMMARY:E\r\nDTSTART;TZID={zone}:{stamp}\r\n"
            f"DURATION:PT{minutes}M\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ),
    }
    for name, text in files.items():
        path = tmp_path / name
        path.write_text(text)
        festival, problems = load_file(path)
        assert festival is not None, (name, problems)
        check(path, text.encode(), festival, problems)
        [session] = festival.sessions
        assert session.start is not None
