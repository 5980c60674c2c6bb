"""iCalendar programmes on small calendars written for each shape (`tests/data/ical/`) and on
inline ones for the edge cases: zones (TZID with a VTIMEZONE, UTC, floating), all-day
events, DTEND and DURATION, repeating events, and everything broken that must cost no more
than a warning naming its line."""

from __future__ import annotations

import dataclasses
from datetime import date, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.cli import main
from tui_guide.formats.detect import Format, detect
from tui_guide.formats.load import load_file
from tui_guide.formats.schedule.ical.read import INTERNAL
from tui_guide.formats.schedule.read import read_schedule
from tui_guide.formats.toml.write import write_toml
from tui_guide.library.load import load_programme
from tui_guide.programme import Kind
from tui_guide.programme.model import Festival, Link, Problem

DATA = Path(__file__).parent / "data" / "ical"
FIXTURES = sorted(DATA.glob("*.ics"))


def read(path: Path, **options: str) -> tuple[Festival | None, list[Problem]]:
    return read_schedule(path, path.read_bytes(), **options)


def fixture(name: str) -> Festival:
    festival, problems = read(DATA / name)
    assert festival is not None, [str(p) for p in problems]
    return festival


def calendar(
    *events: str, head: str = "X-WR-CALNAME:Test Days\nX-WR-TIMEZONE:Europe/Berlin"
) -> bytes:
    body = "\n".join(f"BEGIN:VEVENT\n{e.strip()}\nEND:VEVENT" for e in events)
    return f"BEGIN:VCALENDAR\nVERSION:2.0\n{head}\n{body}\nEND:VCALENDAR\n".encode()


def inline(tmp_path: Path, data: bytes, **options: str) -> tuple[Festival | None, list[str]]:
    path = tmp_path / "test.ics"
    path.write_bytes(data)
    festival, problems = read_schedule(path, data, **options)
    return festival, [f"{p.line}: {p.message}" if p.line else p.message for p in problems]


def loaded(tmp_path: Path, data: bytes, **options: str) -> Festival:
    festival, problems = inline(tmp_path, data, **options)
    assert festival is not None, problems
    return festival


EVENT = "UID:e1\nDTSTART;TZID=Europe/Berlin:20260514T100000\nSUMMARY:A talk"


# --- telling it apart ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n",
        b"\xef\xbb\xbf\r\n  BEGIN:VCALENDAR\n",
        b"begin:vcalendar\n",
        b"BEGIN:VEVENT\nEND:VEVENT\n",
        "BEGIN:VCALENDAR\n".encode("utf-16"),
        "BEGIN:VCALENDAR\n".encode("utf-16-le"),
    ],
)
def test_a_calendar_is_told_by_its_content(data: bytes) -> None:
    assert detect(data) is Format.ICAL


@pytest.mark.parametrize("data", [b'[festival]\nid = "x"\n', b"BEGIN = 1\n", b"BEGIN:VTODOX\n"])
def test_toml_is_not_taken_for_a_calendar(data: bytes) -> None:
    assert detect(data) is Format.TOML


def test_a_calendar_named_toml_still_loads_as_a_calendar(tmp_path: Path) -> None:
    path = tmp_path / "misnamed.toml"
    path.write_bytes(calendar(EVENT))
    festival, problems = load_file(path)
    assert problems == [] and festival is not None and festival.name == "Test Days"


# --- the shapes, one fixture each ---------------------------------------------------------------


def test_zoned_a_vtimezone_with_a_made_up_tzid_and_every_field() -> None:
    festival, problems = read(DATA / "zoned.ics")
    assert problems == []
    assert festival is not None
    assert (festival.id, festival.name) == ("zoned-days-2026", "Zoned Days 2026")
    assert festival.description == "Three days of talks, written by hand for the tests."
    # Two events in Berlin (one through "Custom Berlin", whose X-LIC-LOCATION names it),
    # one in New York: the festival is where most are.
    assert festival.timezone == ZoneInfo("Europe/Berlin")
    assert (festival.starts, festival.ends) == (date(2026, 5, 14), date(2026, 5, 16))
    assert [(v.id, v.name) for v in festival.venues] == [
        ("main-hall", "Main Hall"),
        ("roof-terrace", "Roof Terrace"),
    ]
    opening = festival.session("opening-zoned-example")
    assert opening.guid == "opening@zoned.example"
    assert opening.title == "Opening: welcome, and a map"  # \, is a comma
    assert (opening.date, opening.start, opening.end) == (
        date(2026, 5, 14),
        time(10, 0),
        time(10, 30),
    )
    assert opening.kind is Kind.CEREMONY  # the first category that names a kind
    assert (opening.track, opening.tags) == ("Ceremony", ("Plenary",))
    # ATTENDEEs by their CN; the one that is a room is no person.
    assert [p.name for p in opening.people] == ["Ada Lovelace", "Alan Turing"]
    assert opening.description == "Welcome to Zoned Days.\n\nSee the map (https://example.org/map)."
    assert opening.url == "https://example.org/opening"
    assert opening.links == (Link("https://example.org/opening/slides.pdf"),)
    # Past midnight: it keeps its start date, and ends "earlier" the next morning.
    night = festival.session("night-zoned-example")
    assert (night.date, night.start, night.end) == (date(2026, 5, 15), time(23, 30), time(1, 15))
    assert (night.kind, night.track, night.tags) == (Kind.SCREENING, "Film", ())
    # 08:00 in New York (EDT) is 14:00 in Berlin (CEST); DURATION gives the end.
    remote = festival.session("remote-zoned-example")
    assert (remote.date, remote.start, remote.end) == (date(2026, 5, 16), time(14), time(14, 45))
    # "Speakers:" on the first line of the description: people, and the line is not repeated.
    assert [p.name for p in remote.people] == ["Grace Hopper", "Katherine Johnson"]
    assert remote.description == "Live from New York."


def test_utc_times_are_shown_in_the_calendars_zone() -> None:
    festival = fixture("utc.ics")
    assert festival.timezone == ZoneInfo("Asia/Baku")
    panel, late = festival.sessions
    assert (panel.date, panel.start, panel.end) == (date(2025, 12, 7), time(14), time(15, 30))
    # 20:00 UTC is midnight in Baku: the next day there.
    assert (late.date, late.start, late.end) == (date(2025, 12, 8), time(0), time(1))
    # The same ORGANIZER on every event is the festival's, not a person of each.
    assert festival.organisers == ("Utc Fest Office",)
    assert all(s.people == () for s in festival.sessions)


def test_floating_times_are_in_x_wr_timezone_and_a_track_keeps_its_commas() -> None:
    festival, problems = read(DATA / "floating.ics")
    assert problems == []
    assert festival.timezone == ZoneInfo("Europe/Brussels")
    scoring, workshop = festival.sessions
    assert (scoring.start, scoring.end) == (time(10), time(10, 25))
    # Pentabarf writes a track with commas unescaped: one name, not four categories.
    assert scoring.track == "APIs: GraphQL, OpenAPI, AsyncAPI, and friends"
    assert scoring.tags == ()
    assert (workshop.kind, workshop.track, workshop.tags) == (Kind.WORKSHOP, "Workshop", ())
    assert (workshop.start, workshop.end) == (time(11), time(12))  # DURATION:PT1H


def test_all_day_events_are_on_their_date_with_no_time() -> None:
    festival, problems = read(DATA / "all-day.ics")
    assert [str(p) for p in problems] == [
        f"{DATA / 'all-day.ics'}:13: warning: event exhibition@days.example: runs 3 days, to "
        "2026-06-03; a session is on one date, so it is kept on its first"
    ]
    market, exhibition, talk = festival.sessions
    assert (market.date, market.start, market.end) == (date(2026, 6, 1), None, None)
    assert (exhibition.date, exhibition.start) == (date(2026, 6, 1), None)
    assert (talk.date, talk.start) == (date(2026, 6, 2), time(15))
    assert festival.days == (date(2026, 6, 1), date(2026, 6, 2))


def test_repeating_events_are_expanded_with_their_exceptions() -> None:
    path = DATA / "repeats.ics"
    festival, problems = read(path)
    runs = [s for s in festival.sessions if s.guid == "run@repeat.example"]
    # COUNT=5 from 26 March: the 28th is an EXDATE, the 29th moved to 09:00 (its own title),
    # the 30th cancelled. Summer time starts on the 29th: still 08:00 wall-clock until then.
    assert [(s.date, s.start, s.title) for s in runs] == [
        (date(2026, 3, 26), time(8), "Morning run"),
        (date(2026, 3, 27), time(8), "Morning run"),
        (date(2026, 3, 29), time(9), "Morning run (late: clocks change)"),
    ]
    assert [s.id for s in runs] == [
        "run-repeat-example-20260326-0800",
        "run-repeat-example-20260327-0800",
        "run-repeat-example-20260329-0900",
    ]
    assert runs[0].starts_at.utcoffset().total_seconds() == 3600
    # A rule without an end runs to the programme's last day, and says so.
    teas = [(s.date, s.start, s.end) for s in festival.sessions if s.title == "Tea"]
    assert teas == [(date(2026, 3, d), time(16), time(16, 30)) for d in (27, 28, 29)]
    assert [(p.line, p.message) for p in problems] == [
        (
            34,
            "event tea@repeat.example: it repeats without end (no COUNT or UNTIL); its times "
            "to 2026-03-29, the programme's last day, are kept",
        ),
        (
            23,
            "event run@repeat.example: its time on 2026-03-30 is cancelled (STATUS:CANCELLED); "
            "left out",
        ),
        (
            6,
            "event run@repeat.example: the same event at 3 times or places; kept as separate "
            "sessions run-repeat-example-20260326-0800, run-repeat-example-20260327-0800, "
            "run-repeat-example-20260329-0900",
        ),
        (
            30,
            "event tea@repeat.example: the same event at 3 times or places; kept as separate "
            "sessions tea-repeat-example-20260327-1600, tea-repeat-example-20260328-1600, "
            "tea-repeat-example-20260329-1600",
        ),
    ]
    assert all(p.severity == "warning" for p in problems)


def test_a_rough_calendar_costs_warnings_with_lines_and_nothing_else() -> None:
    path = DATA / "rough.ics"
    festival, problems = read(path)
    assert festival is not None
    assert [(p.line, p.message) for p in problems] == [
        (41, "not UTF-8 (byte 0xe9); lines like it are read as cp1252"),
        (
            30,
            "2 lines are not iCalendar content lines (the lines were not folded); each is read "
            "as a line break in the text before it",
        ),
        (7, 'event no-title@rough.example: no SUMMARY (title); shown as "Bring water."'),
        (14, "event no-start@rough.example: no DTSTART (start) to place it at; left out"),
        (
            26,
            'event unfolded@rough.example: DTSTART "2026-07-10T14:00:00" is not in '
            "iCalendar's form; read as 2026-07-10 14:00:00",
        ),
        (46, "the file ends inside this event (cut short?); it is left out"),
        (None, "1 VTODO component left out: the guide reads events (VEVENT)"),
        (18, "event cancelled@rough.example: cancelled (STATUS:CANCELLED); left out"),
        (
            40,
            'event elsewhere@rough.example: TZID "Mars/Olympus" is no time zone known here, '
            "and no VTIMEZONE in the file defines it; its times are read in the festival's zone",
        ),
        (27, "event unfolded@rough.example: ends before it starts; only its start is kept"),
    ]
    assert all(p.severity == "warning" for p in problems)
    untitled, unfolded, elsewhere = festival.sessions
    assert (untitled.title, untitled.description) == ("Bring water.", "Bring water.")
    assert unfolded.description == "First line second line, not folded third line"  # reflows
    assert (unfolded.start, unfolded.end) == (time(14), None)
    assert (elsewhere.title, elsewhere.start, elsewhere.timezone.key) == (
        "Café talk",
        time(15),
        "Europe/Lisbon",
    )


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_each_fixture_written_as_toml_loads_back_the_same(path: Path, tmp_path: Path) -> None:
    festival = fixture(path.name)
    out = tmp_path / f"{path.stem}.toml"
    out.write_text(write_toml(festival), encoding="utf-8")
    again, problems = load_file(out)
    assert problems == []
    assert dataclasses.replace(again, source_file=festival.source_file) == festival


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_each_fixture_imports_then_validates(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "festival.toml"
    assert main(["import", str(path), "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"Wrote {out}: ")
    assert main(["validate", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("OK: 1 festival, ") and captured.err == ""


# --- zones --------------------------------------------------------------------------------------


def test_utc_times_and_no_zone_are_shown_in_utc_and_said(tmp_path: Path) -> None:
    festival, problems = inline(
        tmp_path, calendar("UID:e1\nDTSTART:20260514T100000Z\nSUMMARY:A", head="NAME:Quiet")
    )
    assert festival.timezone == ZoneInfo("UTC") and festival.name == "Quiet"
    assert problems == [
        "the file names no time zone and gives its times in UTC: the festival's zone is "
        "taken as UTC (give --timezone to name the real one)"
    ]


def test_floating_times_and_no_zone_and_the_timezone_option(tmp_path: Path) -> None:
    data = calendar("UID:e1\nDTSTART:20260514T100000\nSUMMARY:A", head="X-WR-CALNAME:Q")
    festival, problems = inline(tmp_path, data)
    assert festival.timezone == ZoneInfo("UTC")
    assert "gives floating times (in no zone)" in problems[0]
    festival = loaded(tmp_path, data, timezone="Asia/Tokyo")
    assert festival.timezone == ZoneInfo("Asia/Tokyo")
    assert festival.sessions[0].starts_at.isoformat() == "2026-05-14T10:00:00+09:00"


def test_floating_times_take_the_zone_most_events_name(tmp_path: Path) -> None:
    data = calendar(
        "UID:a\nDTSTART;TZID=Asia/Almaty:20260514T100000\nSUMMARY:A",
        "UID:b\nDTSTART;TZID=Asia/Almaty:20260514T110000\nSUMMARY:B",
        "UID:c\nDTSTART:20260514T120000\nSUMMARY:C",
        head="X-WR-CALNAME:Q",
    )
    festival, problems = inline(tmp_path, data)
    assert problems == []
    assert festival.timezone == ZoneInfo("Asia/Almaty")
    assert [s.start for s in festival.sessions] == [time(10), time(11), time(12)]


def test_windows_and_vendor_zone_names_are_known(tmp_path: Path) -> None:
    festival, problems = inline(
        tmp_path,
        calendar(
            'UID:a\nDTSTART;TZID="W. Europe Standard Time":20260514T100000\nSUMMARY:A',
            "UID:b\nDTSTART;TZID=/freeassociation.sourceforge.net/Europe/Berlin:20260514T110000"
            "\nSUMMARY:B",
            head="X-WR-CALNAME:Q",
        ),
    )
    assert problems == []
    assert festival.timezone == ZoneInfo("Europe/Berlin")
    assert [s.start for s in festival.sessions] == [time(10), time(11)]


def test_a_made_up_tzid_with_no_location_is_placed_by_its_offsets(tmp_path: Path) -> None:
    zone = (
        "BEGIN:VTIMEZONE\nTZID:Our Time\nBEGIN:STANDARD\nDTSTART:19700101T000000\n"
        "TZOFFSETFROM:+0530\nTZOFFSETTO:+0530\nEND:STANDARD\nEND:VTIMEZONE"
    )
    festival, problems = inline(
        tmp_path,
        calendar(
            "UID:a\nDTSTART;TZID=Our Time:20260514T100000\nSUMMARY:A",
            head=f"X-WR-CALNAME:Q\n{zone}",
        ),
    )
    assert festival.timezone.key.startswith("Asia/")  # +05:30 is no whole hour: a city's zone
    assert festival.sessions[0].starts_at.isoformat() == "2026-05-14T10:00:00+05:30"
    assert problems == [
        f"its VTIMEZONE names no known zone; the festival's zone is taken as "
        f"{festival.timezone.key} from the offsets of its times (give --timezone to name the "
        "real one)"
    ]


def test_an_unknown_x_wr_timezone_is_said_and_the_events_zone_used(tmp_path: Path) -> None:
    festival, problems = inline(
        tmp_path, calendar(EVENT, head="X-WR-CALNAME:Q\nX-WR-TIMEZONE:Europe/Berlinn")
    )
    assert festival.timezone == ZoneInfo("Europe/Berlin")
    assert problems == ['its X-WR-TIMEZONE "Europe/Berlinn" is no known time zone']


# --- times --------------------------------------------------------------------------------------


def test_dtend_in_another_zone_and_duration(tmp_path: Path) -> None:
    festival = loaded(
        tmp_path,
        calendar(
            "UID:a\nDTSTART;TZID=Europe/Berlin:20260514T100000\nDTEND:20260514T093000Z\nSUMMARY:A",
            "UID:b\nDTSTART;TZID=Europe/Berlin:20260514T230000\nDURATION:PT2H15M\nSUMMARY:B",
            "UID:c\nDTSTART;TZID=Europe/Berlin:20260514T120000\nDURATION:P60M\nSUMMARY:C",
        ),
    )
    a, c, b = festival.sessions
    assert (a.start, a.end) == (time(10), time(11, 30))
    assert (b.date, b.start, b.end) == (date(2026, 5, 14), time(23), time(1, 15))
    assert (c.start, c.end) == (time(12), None)


def test_a_timed_event_of_days_keeps_only_its_start(tmp_path: Path) -> None:
    festival, problems = inline(
        tmp_path,
        calendar(
            "UID:camp\nDTSTART;TZID=Europe/Berlin:20260514T100000\n"
            "DTEND;TZID=Europe/Berlin:20260516T180000\nSUMMARY:Camp"
        ),
    )
    (camp,) = festival.sessions
    assert (camp.date, camp.start, camp.end) == (date(2026, 5, 14), time(10), None)
    assert problems == [
        "5: event camp: runs 2 days, 8:00:00; a session ends within a day of its start, so "
        "only its start is kept"
    ]


def test_date_values_without_value_date_and_a_date_only_dtend(tmp_path: Path) -> None:
    festival, problems = inline(
        tmp_path,
        calendar(
            "UID:a\nDTSTART:20260514\nSUMMARY:All day",
            "UID:b\nDTSTART;TZID=Europe/Berlin:20260514T100000\nDTEND;VALUE=DATE:20260515\n"
            "SUMMARY:Mixed",
        ),
    )
    all_day, mixed = festival.session("a"), festival.session("b")
    assert (all_day.date, all_day.start) == (date(2026, 5, 14), None)
    assert (mixed.start, mixed.end) == (time(10), None)
    assert problems == [
        "13: event b: DTEND is a date where DTSTART is a time; its end is not known"
    ]


# --- repeats ------------------------------------------------------------------------------------


def test_a_rule_alone_without_end_keeps_its_first_time(tmp_path: Path) -> None:
    festival, problems = inline(
        tmp_path, calendar(EVENT + "\nRRULE:FREQ=WEEKLY", head="X-WR-CALNAME:Q")
    )
    assert len(festival.sessions) == 1
    assert problems == [
        "8: event e1: it repeats without end (no COUNT or UNTIL) and nothing else in the "
        "programme says until when; only its first time is kept"
    ]


def test_a_rule_past_a_year_is_cut_at_a_year(tmp_path: Path) -> None:
    festival, problems = inline(tmp_path, calendar(EVENT + "\nRRULE:FREQ=DAILY;COUNT=400"))
    assert len(festival.sessions) == 366
    assert festival.sessions[-1].date == date(2027, 5, 14)
    assert problems[0] == (
        "9: event e1: it repeats past 2027-05-14, more than 366 days from its first time; "
        "the later times are left out"
    )


def test_until_as_a_date_rdate_and_a_rule_that_does_not_read(tmp_path: Path) -> None:
    festival, problems = inline(
        tmp_path,
        calendar(
            EVENT + "\nRRULE:FREQ=DAILY;UNTIL=20260516\nRDATE;TZID=Europe/Berlin:20260520T180000"
            "\nEXDATE;VALUE=DATE:20260515",
            "UID:e2\nDTSTART;TZID=Europe/Berlin:20260514T120000\nSUMMARY:B\nRRULE:FREQ=SOMETIMES",
        ),
    )
    assert [(s.date, s.start) for s in festival.sessions if s.guid == "e1"] == [
        (date(2026, 5, 14), time(10)),
        (date(2026, 5, 16), time(10)),
        (date(2026, 5, 20), time(18)),
    ]
    assert [s.title for s in festival.sessions if s.guid == "e2"] == ["B"]
    assert any("e2: RRULE" in p and "the event is not repeated" in p for p in problems)


def test_a_repeating_event_is_warned_of_once(tmp_path: Path) -> None:
    festival, problems = inline(
        tmp_path,
        calendar(
            "UID:fair\nDTSTART;VALUE=DATE:20260514\nDTEND;VALUE=DATE:20260517\nSUMMARY:Fair\n"
            "RRULE:FREQ=WEEKLY;COUNT=2"
        ),
    )
    assert [(s.date, s.start) for s in festival.sessions] == [
        (date(2026, 5, 14), None),
        (date(2026, 5, 21), None),
    ]
    assert sum("runs 3 days" in p for p in problems) == 1


# --- what the events say ------------------------------------------------------------------------


def test_organisers_that_differ_are_the_people_of_their_events(tmp_path: Path) -> None:
    festival = loaded(
        tmp_path,
        calendar(
            EVENT + "\nORGANIZER;CN=Ann One, Bo Two:mailto:x@example.org",
            "UID:e2\nDTSTART;TZID=Europe/Berlin:20260514T120000\nSUMMARY:B\n"
            "ORGANIZER:mailto:cy@example.org\nATTENDEE:mailto:di@example.org",
        ),
    )
    assert festival.organisers == ()
    assert [[p.name for p in s.people] for s in festival.sessions] == [
        ["Ann One", "Bo Two"],
        ["di@example.org", "cy@example.org"],
    ]


def test_a_person_named_twice_is_one_person_of_the_event(tmp_path: Path) -> None:
    festival = loaded(
        tmp_path,
        calendar(
            EVENT + "\nATTENDEE;CN=Ann One:mailto:a@x\nATTENDEE;CN=ann one:mailto:b@x\n"
            "DESCRIPTION:Speakers: Ann One and Bo Two\\nAbout it."
        ),
    )
    (session,) = festival.sessions
    assert [p.name for p in session.people] == ["Ann One", "Bo Two"]
    assert session.description == "About it."


@pytest.mark.parametrize(
    ("categories", "kind"),
    [
        ("Workshops", Kind.WORKSHOP),
        ("Talk,Panel", Kind.PANEL),
        ("Game Development", Kind.TALK),  # a topic, not a kind of session
        ("Music Production,Concert", Kind.OTHER),
        ("Keynote", Kind.TALK),
    ],
)
def test_the_kind_is_a_category_of_one_word(tmp_path: Path, categories: str, kind: Kind) -> None:
    festival = loaded(tmp_path, calendar(EVENT + f"\nCATEGORIES:{categories}"))
    (session,) = festival.sessions
    assert session.kind is kind
    assert (session.track, *session.tags) == tuple(categories.split(","))


def test_text_escapes_x_alt_desc_and_a_description_escaped_twice(tmp_path: Path) -> None:
    festival, problems = inline(
        tmp_path,
        calendar(
            EVENT + "\nLOCATION:Hall 1\\, upstairs\nX-ALT-DESC;FMTTYPE=text/html:<p>Hi</p>",
            "UID:e2\nDTSTART;TZID=Europe/Berlin:20260514T120000\nSUMMARY:B; C\\; D\n"
            "DESCRIPTION:One\\\\nTwo",
        ),
    )
    first, second = festival.sessions
    assert (first.venue.name, first.description) == ("Hall 1, upstairs", "Hi")
    assert (second.title, second.description) == ("B; C; D", "One Two")  # one paragraph
    assert problems == [
        "12: 1 descriptions hold line breaks escaped twice (\\\\n); read as line breaks"
    ]


def test_the_same_uid_twice_is_two_sessions_and_a_copy_is_one(tmp_path: Path) -> None:
    later = "UID:e1\nDTSTART;TZID=Europe/Berlin:20260515T100000\nSUMMARY:A talk"
    festival, problems = inline(tmp_path, calendar(EVENT, later, EVENT))
    assert [s.id for s in festival.sessions] == ["e1-20260514-1000", "e1-20260515-1000"]
    assert "listed twice at the same time and place; kept once" in problems[0]


def test_folding_inside_a_character_and_several_calendars(tmp_path: Path) -> None:
    title = "SUMMARY:Caf\xc3".encode("latin-1") + b"\r\n \xa9 cr\xc3\xa8me"
    data = (
        b"BEGIN:VCALENDAR\r\nX-WR-CALNAME:One\r\nBEGIN:VEVENT\r\nUID:a\r\n"
        b"DTSTART:20260514T100000Z\r\n" + title + b"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTART:20260514T110000Z\r\n"
        b"SUMMARY:Two\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    festival, problems = inline(tmp_path, data)
    assert [s.title for s in festival.sessions] == ["Café crème", "Two"]
    assert problems[0] == "the file holds 2 calendars; they are read as one"


def test_hostile_text_is_kept_and_messages_show_it_safely(tmp_path: Path) -> None:
    festival, problems = inline(
        tmp_path,
        calendar(
            "UID:\x1b[31mred\nDTSTART;TZID=Europe/Berlin:20260514T100000\n"
            "SUMMARY:Cats [/dogs] \x1b]0;pwned\x07\nLOCATION:[b]Hall[/b]\nSTATUS:TENTATIVE",
            "UID:\x1b[2J\nDTSTART;TZID=Europe/Berlin:20260514T100000\nSTATUS:CANCELLED",
        ),
    )
    (session,) = festival.sessions
    assert session.title == "Cats [/dogs] \x1b]0;pwned\x07"  # the model keeps it; the UI shows
    assert session.venue.name == "[b]Hall[/b]"
    assert problems and all("\x1b" not in p for p in problems)


# --- what cannot be placed ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n", "it holds no events (VEVENT)"),
        (calendar("UID:a\nSUMMARY:No start"), "of its 1 event, none is kept (see above)"),
        (calendar(EVENT + "\nSTATUS:CANCELLED"), "of its 1 event, none is kept (see above)"),
    ],
)
def test_a_calendar_with_nothing_to_place_is_refused(tmp_path: Path, data: bytes, why: str) -> None:
    festival, problems = inline(tmp_path, data)
    assert festival is None
    assert problems[-1] == f"nothing in this calendar can be placed: {why}"


# --- the guide's ways in ------------------------------------------------------------------------


def test_a_folder_loads_its_calendars_and_the_cache_gives_them_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui_guide.library import load as loader_module

    parsed: list[str] = []

    def counting(path: Path, **options):
        parsed.append(path.name)
        return load_file(path, **options)

    monkeypatch.setattr(loader_module, "load_file", counting)
    folder = tmp_path / "programmes"
    folder.mkdir()
    for name in ("zoned.ics", "utc.ics", "rough.ics"):
        (folder / name).write_bytes((DATA / name).read_bytes())
    first = load_programme([folder])
    assert sorted(f.id for f in first.festivals) == ["rough-edges", "utc-fest", "zoned-days-2026"]
    second = load_programme([folder])
    assert parsed == ["rough.ics", "utc.ics", "zoned.ics"]  # parsed once, then the cache
    assert second == first  # the sessions, and the warnings with their lines
    assert len(second.problems) == 10


def test_list_and_validate_read_a_calendar(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["validate", str(DATA / "zoned.ics")]) == 0
    assert capsys.readouterr().out.startswith("OK: 1 festival, 2 venues, 3 sessions")
    assert main(["list", "--data", str(DATA / "floating.ics")]) == 0
    out = capsys.readouterr().out
    assert "API scoring" in out and "Hands-on session" in out
    assert main(["validate", str(DATA / "rough.ics")]) == 0  # warnings only


def test_import_names_a_calendar_that_is_broken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "empty.ics"
    path.write_bytes(b"BEGIN:VCALENDAR\nEND:VCALENDAR\n")
    assert main(["import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "nothing in this calendar can be placed" in err and "Traceback" not in err


# --- nothing breaks it --------------------------------------------------------------------------

_LINES = [line for path in FIXTURES for line in path.read_bytes().splitlines()] + [
    b"RRULE:FREQ=DAILY",
    b"RRULE:FREQ=MINUTELY;COUNT=5000",
    b"DTSTART:99991231T235959Z",
    b"DTSTART;VALUE=DATE:00010101",
    b"RECURRENCE-ID;TZID=Europe/Berlin:20260326T080000",
    b"RDATE;VALUE=PERIOD:20260101T100000Z/PT1H",
    b"EXDATE:garbage",
    b"DURATION:-PT1H",
    b"BEGIN:VTIMEZONE",
    b"END:VTIMEZONE",
]


@settings(
    max_examples=examples(120),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.sampled_from(_LINES) | st.binary(max_size=40), max_size=60))
def test_calendar_shaped_noise_never_raises(tmp_path: Path, lines: list[bytes]) -> None:
    data = b"BEGIN:VCALENDAR\r\n" + b"\r\n".join(lines)
    path = tmp_path / "noise.ics"
    path.write_bytes(data)
    festival, problems = load_file(path)
    total = data.count(b"\n") + 2
    assert festival is not None or any(p.severity == "error" for p in problems)
    for problem in problems:
        assert problem.file == path
        assert problem.line is None or 1 <= problem.line <= total
        assert INTERNAL not in problem.message, problem.message
