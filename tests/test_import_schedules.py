"""The importer on small schedules written for the edge cases: every field mapped, times
past midnight and across non-midnight day boundaries, missing zones, repeated events,
and every kind of bad input with a clear message."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.formats.detect import Format, detect
from tui_guide.formats.load import load_file
from tui_guide.formats.schedule.kinds import kind_of
from tui_guide.formats.schedule.plaintext import plain_text
from tui_guide.formats.schedule.read import read_schedule
from tui_guide.formats.toml.write import write_toml
from tui_guide.library.load import load_programme
from tui_guide.programme import Kind
from tui_guide.programme.model import Festival, Link

DATA = Path(__file__).parent / "data" / "schedules"


def xml_schedule(events: str, *, conference: str | None = None, day: str = "") -> bytes:
    conference = (
        conference
        if conference is not None
        else (
            "<acronym>demo-con</acronym><title>Demo Con</title><start>2024-03-01</start>"
            "<end>2024-03-02</end><time_zone_name>Europe/Berlin</time_zone_name>"
        )
    )
    day = day or 'index="1" date="2024-03-01" start="2024-03-01T09:00:00+01:00"'
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<schedule>\n'
        f"<conference>{conference}</conference>\n"
        f'<day {day}>\n<room name="Main Hall" guid="r-1">\n{events}\n</room>\n</day>\n'
        "</schedule>\n"
    ).encode()


def event(guid: str = "e1", *, title: str = "<title>A talk</title>", **fields: str) -> str:
    when = fields.pop("when", "<date>2024-03-01T10:00:00+01:00</date><start>10:00</start>")
    duration = fields.pop("duration", "00:45")
    extra = "".join(f"<{k}>{v}</{k}>" for k, v in fields.items())
    return (
        f'<event guid="{guid}" id="1">{when}<duration>{duration}</duration>'
        f"<room>Main Hall</room>{title}{extra}</event>"
    )


def read(tmp_path: Path, data: bytes, name: str = "schedule.xml", **options):
    path = tmp_path / name
    path.write_bytes(data)
    return read_schedule(path, data, **options)


def loaded(tmp_path: Path, data: bytes, **options) -> Festival:
    festival, problems = read(tmp_path, data, **options)
    assert festival is not None, [str(p) for p in problems]
    return festival


def errors(problems) -> list[str]:
    return [str(p) for p in problems if p.severity == "error"]


def warnings(problems) -> list[str]:
    return [p.message for p in problems if p.severity == "warning"]


# --- format detection -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'[festival]\nid = "x"\n', Format.TOML),
        (b"# a comment\n[festival]\n", Format.TOML),
        (b"  \n<?xml version='1.0'?><schedule/>", Format.XML),
        (b"\xef\xbb\xbf<schedule/>", Format.XML),
        (b'\n  {"schedule": {}}', Format.JSON),
        ("<schedule/>".encode("utf-16"), Format.XML),
    ],
)
def test_format_is_told_from_content(data: bytes, expected: Format) -> None:
    assert detect(data) is expected


def test_a_schedule_named_toml_still_loads_as_a_schedule(tmp_path: Path) -> None:
    path = tmp_path / "misnamed.toml"
    path.write_bytes(xml_schedule(event()))
    festival, problems = load_file(path)
    assert problems == []
    assert festival is not None and festival.name == "Demo Con"


# --- mapping ----------------------------------------------------------------------------------


def test_every_field_of_an_event_is_mapped(tmp_path: Path) -> None:
    body = event(
        "3F2504E0-4F89-11D3-9A0C-0305E82C3301",
        subtitle="The &lt;i&gt;sub&lt;/i&gt;title",
        track="Security",
        type="lecture",
        language="en",
        abstract="&lt;p&gt;First &amp;amp; &lt;b&gt;bold&lt;/b&gt;.&lt;/p&gt;"
        "&lt;p&gt;Second.&lt;/p&gt;",
        description="More, in **Markdown** with [a link](https://example.org/x).",
        url="https://example.org/talk",
        persons='<person id="1">Ada Lovelace</person><person id="2"> Alan  Turing </person>',
        links='<link href="https://example.org/slides">Slides</link>',
        attachments='<attachment href="https://example.org/paper.pdf">Paper</attachment>',
    )
    festival = loaded(tmp_path, xml_schedule(body))
    assert festival.id == "demo-con"
    assert festival.name == "Demo Con"
    assert festival.timezone == ZoneInfo("Europe/Berlin")
    assert (festival.starts, festival.ends) == (date(2024, 3, 1), date(2024, 3, 2))
    (venue,) = festival.venues
    assert (venue.id, venue.name, venue.guid) == ("main-hall", "Main Hall", "r-1")
    (session,) = festival.sessions
    assert session.id == "3f2504e0-4f89-11d3-9a0c-0305e82c3301"  # the guid, as an id
    assert session.guid == "3F2504E0-4F89-11D3-9A0C-0305E82C3301"  # kept as written
    assert session.title == "A talk"
    assert session.subtitle == "The subtitle"
    assert session.kind is Kind.TALK
    assert session.type == "lecture"  # the file's own word, kept beside the kind
    assert session.tags == ("en",)  # the language
    assert session.track == "Security"
    assert [p.name for p in session.people] == ["Ada Lovelace", "Alan Turing"]
    assert session.description == (
        "First & bold.\n\nSecond.\n\nMore, in Markdown with a link (https://example.org/x)."
    )
    assert session.url == "https://example.org/talk"
    assert session.links == (
        Link("https://example.org/slides", "Slides"),
        Link("https://example.org/paper.pdf", "Paper"),
    )
    assert (session.date, session.start, session.end) == (
        date(2024, 3, 1),
        time(10, 0),
        time(10, 45),
    )
    assert session.venue == venue


def test_times_are_converted_into_the_festival_zone(tmp_path: Path) -> None:
    # wafer writes <date> in UTC and <start> in local time: the date with its offset wins.
    body = event(when="<date>2023-09-10T05:00:00+00:00</date><start>10:30</start>")
    conference = "<title>D</title><acronym>d</acronym><time_zone_name>Asia/Kolkata</time_zone_name>"
    (session,) = loaded(tmp_path, xml_schedule(body, conference=conference)).sessions
    assert (session.date, session.start, session.end) == (
        date(2023, 9, 10),
        time(10, 30),
        time(11, 15),
    )
    assert session.starts_at == datetime(2023, 9, 10, 10, 30, tzinfo=ZoneInfo("Asia/Kolkata"))


def test_an_event_past_midnight_ends_the_next_day(tmp_path: Path) -> None:
    body = event(when="<date>2024-03-01T23:30:00+01:00</date>", duration="01:30")
    (session,) = loaded(tmp_path, xml_schedule(body)).sessions
    assert (session.start, session.end) == (time(23, 30), time(1, 0))
    assert session.ends_at == datetime(2024, 3, 2, 1, 0, tzinfo=ZoneInfo("Europe/Berlin"))


def test_an_event_over_the_summer_time_change_ends_at_the_wall_clock_time(
    tmp_path: Path,
) -> None:
    # 31 March 2024, Berlin: clocks go from 02:00 to 03:00.
    body = event(when="<date>2024-03-31T01:30:00+01:00</date>", duration="01:00")
    (session,) = loaded(tmp_path, xml_schedule(body)).sessions
    assert (session.start, session.end) == (time(1, 30), time(3, 30))


def test_day_change_puts_small_hours_on_the_next_date(tmp_path: Path) -> None:
    festival = loaded(tmp_path, (DATA / "pentabarf.xml").read_bytes(), timezone="Europe/Brussels")
    by_title = {s.title: s for s in festival.sessions}
    late = by_title["Late night hacking"]  # day 1, 01:30, day_change 06:00
    assert (late.date, late.start, late.end) == (date(2020, 2, 2), time(1, 30), time(2, 30))
    midnight = by_title["Midnight screening"]
    assert (midnight.date, midnight.start, midnight.end) == (
        date(2020, 2, 1),
        time(23, 30),
        time(0, 30),
    )
    assert midnight.kind is Kind.SCREENING
    assert festival.city == "Brussels"
    assert festival.timezone == ZoneInfo("Europe/Brussels")
    welcome = by_title["Welcome to the days"]
    assert welcome.description == "Welcome, and where things are.\n\n- rooms\n- food"
    assert welcome.id == "9001"  # no guid: the event id


def test_the_day_start_is_the_boundary_when_there_is_no_day_change(tmp_path: Path) -> None:
    body = event(when="<start>02:00</start>")  # a time alone, before the day's 09:00 start
    (session,) = loaded(tmp_path, xml_schedule(body)).sessions
    assert (session.date, session.start) == (date(2024, 3, 2), time(2, 0))


def test_an_offset_on_a_start_time_alone_is_ignored(tmp_path: Path) -> None:
    body = event(when="<start>10:30+05:00</start>")
    (session,) = loaded(tmp_path, xml_schedule(body)).sessions
    assert (session.date, session.start) == (date(2024, 3, 1), time(10, 30))


def test_an_unknown_zone_name_falls_back_to_the_offsets(tmp_path: Path) -> None:
    conference = "<title>T</title><time_zone_name>Europe/Atlantis</time_zone_name>"
    festival, problems = read(tmp_path, xml_schedule(event(), conference=conference))
    assert festival is not None and festival.timezone == ZoneInfo("Etc/GMT-1")
    assert warnings(problems)[0] == 'conference: unknown time_zone_name "Europe/Atlantis"'


def test_no_time_zone_at_all_falls_back_to_utc_with_a_warning(tmp_path: Path) -> None:
    festival, problems = read(tmp_path, (DATA / "pentabarf.xml").read_bytes())
    assert festival is not None and festival.timezone == ZoneInfo("UTC")
    assert warnings(problems) == [
        "no time zone in the file: times are read as UTC (give --timezone)"
    ]


def test_no_zone_name_is_taken_from_the_offsets_and_said(tmp_path: Path) -> None:
    conference = "<title>T</title><acronym>t</acronym>"
    festival, problems = read(tmp_path, xml_schedule(event(), conference=conference))
    assert festival is not None and festival.timezone == ZoneInfo("Etc/GMT-1")
    assert festival.sessions[0].start == time(10, 0)
    assert warnings(problems) == [
        "no time_zone_name: the zone is taken as UTC+1 (Etc/GMT-1) from the offsets of the "
        "times in the file (give --timezone to name the real one)"
    ]


def test_offsets_that_change_with_summer_time_find_a_real_zone(tmp_path: Path) -> None:
    conference = "<title>T</title><acronym>t</acronym>"
    body = event("a") + event("b", when="<date>2024-07-01T10:00:00+02:00</date>")
    day = 'index="1" date="2024-03-01"'
    festival, problems = read(tmp_path, xml_schedule(body, conference=conference, day=day))
    assert festival is not None
    assert "from the offsets" in warnings(problems)[0]
    zone = festival.timezone
    assert zone.key.startswith("Europe/"), zone
    assert [s.start for s in festival.sessions] == [time(10, 0), time(10, 0)]


def test_the_timezone_option_leaves_a_zone_the_file_names_and_says_so(tmp_path: Path) -> None:
    # --timezone names the zone of times that come without one; it used to replace the
    # file's, moving every wall clock (10:00 in Berlin became 09:00 in London).
    festival, problems = read(tmp_path, xml_schedule(event()), timezone="Europe/London")
    assert festival is not None and festival.timezone == ZoneInfo("Europe/Berlin")
    assert festival.sessions[0].start == time(10, 0)
    assert warnings(problems) == [
        'the file names its time zone, "Europe/Berlin"; --timezone Europe/London is for '
        "files that name none, and is not used"
    ]


def test_the_timezone_option_names_the_zone_of_a_file_with_offsets_only(tmp_path: Path) -> None:
    # +01:00 everywhere and no time_zone_name: the wall clock stays, the zone is the one given.
    conference = "<title>T</title><acronym>t</acronym>"
    data = xml_schedule(event(), conference=conference)
    festival, problems = read(tmp_path, data, timezone="Europe/Lisbon")
    assert festival is not None and festival.timezone == ZoneInfo("Europe/Lisbon")
    (session,) = festival.sessions
    assert (session.date, session.start, session.end) == (
        date(2024, 3, 1),
        time(10, 0),
        time(10, 45),
    )
    assert warnings(problems) == [
        "the date and start of 1 event disagree (event e1: date 2024-03-01T10:00:00+01:00 is "
        "09:00 in Europe/Lisbon, start 10:00): each is put at its start, the wall clock, on "
        "that day"
    ]


def test_the_timezone_option_stands_in_for_an_unknown_zone_name(tmp_path: Path) -> None:
    conference = "<title>T</title><time_zone_name>Europe/Atlantis</time_zone_name>"
    body = event(when="<date>2024-03-01T10:00:00</date><start>10:00</start>")  # no offset
    festival, problems = read(
        tmp_path, xml_schedule(body, conference=conference), timezone="Asia/Baku"
    )
    assert festival is not None and festival.timezone == ZoneInfo("Asia/Baku")
    assert festival.sessions[0].starts_at == datetime(2024, 3, 1, 10, tzinfo=ZoneInfo("Asia/Baku"))
    assert warnings(problems) == [
        'conference: unknown time_zone_name "Europe/Atlantis"; times are read in Asia/Baku '
        "(--timezone)"
    ]


def test_a_repeated_event_becomes_separate_sessions_with_stable_ids(tmp_path: Path) -> None:
    festival, problems = read(tmp_path, (DATA / "repeated.json").read_bytes(), "r.json")
    assert festival is not None
    base = "aaaaaaaa-0000-4000-8000-000000000001"
    solder = [s for s in festival.sessions if s.guid == base]
    assert [(s.id, s.date, s.start, s.venue.name) for s in solder] == [
        (f"{base}-20240701-1400", date(2024, 7, 1), time(14, 0), "Workshop Tent"),
        (f"{base}-20240702-1100", date(2024, 7, 2), time(11, 0), "Lab"),
    ]
    # Of the two identical copies at 14:00, the fuller one is kept.
    assert solder[0].people[0].name == "Grace Example"
    assert solder[0].description == "Learn to solder a badge (https://example.org/badge)."
    assert solder[0].kind is Kind.WORKSHOP and solder[0].tags == ("en",)
    assert solder[0].type == "Workshop"
    assert warnings(problems) == [
        f"event {base}: listed twice at the same time and place; kept once",
        f"event {base}: the same event at 2 times or places; kept as separate sessions "
        f"{base}-20240701-1400, {base}-20240702-1100",
    ]
    assert {p.line for p in problems} == {22}
    # The same file again gives the same ids: favourites stay put.
    again, _ = read(tmp_path, (DATA / "repeated.json").read_bytes(), "r.json")
    assert again is not None
    assert [s.id for s in again.sessions] == [s.id for s in festival.sessions]


def test_an_earlier_run_added_later_shifts_no_id(tmp_path: Path) -> None:
    def at(hour: int) -> str:
        return event(
            "w", when=f"<date>2024-03-01T{hour}:00:00+01:00</date><start>{hour}:00</start>"
        )

    rep1 = loaded(tmp_path, xml_schedule(at(14) + at(16)))
    rep2 = loaded(tmp_path, xml_schedule(at(10) + at(14) + at(16)))
    first = {s.start: s.id for s in rep1.sessions}
    second = {s.start: s.id for s in rep2.sessions}
    assert first == {time(14): "w-20240301-1400", time(16): "w-20240301-1600"}
    assert second == {time(10): "w-20240301-1000", **first}


def test_copies_at_one_time_in_two_rooms_get_the_room_too(tmp_path: Path) -> None:
    in_lab = event("w").replace("<room>Main Hall</room>", "<room>Lab</room>")
    other = '<room name="Lab" guid="r-2">' + in_lab + "</room>"
    data = xml_schedule(event("w")).replace(b"</day>", other.encode() + b"</day>")
    festival = loaded(tmp_path, data)
    assert sorted(s.id for s in festival.sessions) == [
        "w-20240301-1000-lab",
        "w-20240301-1000-main-hall",
    ]


def test_events_without_guid_or_id_get_ids_from_their_slug_or_title(tmp_path: Path) -> None:
    body = (
        "<event><start>10:00</start><duration>00:30</duration><room>Main Hall</room>"
        "<slug>My_Slug</slug><title>One</title></event>"
        "<event><start>11:00</start><duration>00:30</duration><room>Main Hall</room>"
        "<title>Ünïcode Títle!</title></event>"
    )
    festival = loaded(tmp_path, xml_schedule(body))
    assert [s.id for s in festival.sessions] == ["my-slug", "unicode-title"]


@pytest.mark.parametrize(
    ("event_type", "kind"),
    [
        ("lecture", Kind.TALK),
        ("Talk 30 min + 10 min Q&A", Kind.TALK),
        ("Workshop (2h)", Kind.WORKSHOP),
        ("BoF (45 minutes)", Kind.MEETING),
        ("Podium discussion", Kind.PANEL),
        ("Opening ceremony", Kind.CEREMONY),
        ("concert", Kind.OTHER),
        ("other", Kind.OTHER),
        # No kind of ours: `other` (it was `talk`), the type itself kept in Session.type.
        ("Live podcast stage (45 minutes)", Kind.OTHER),
        ("DJ Set", Kind.OTHER),
        ("djset", Kind.OTHER),
        ("Game show", Kind.OTHER),
        ("contest", Kind.OTHER),
        ("Lightning Talk", Kind.TALK),
        ("lightning_talk", Kind.TALK),
        ("maintrack", Kind.TALK),  # FOSDEM
        ("devroom", Kind.TALK),
        ("lightningtalk", Kind.TALK),
        ("", Kind.TALK),
        ("  ", Kind.TALK),
        ("film screening", Kind.SCREENING),
    ],
)
def test_event_types_map_to_kinds(event_type: str, kind: Kind) -> None:
    assert kind_of(event_type) is kind


def test_a_type_with_no_kind_is_other_and_kept_through_toml(tmp_path: Path) -> None:
    body = event("dj", type="DJ Set") + event("quiz", type=" Game  show ") + event("plain")
    festival = loaded(tmp_path, xml_schedule(body))
    kept = {s.id: (s.kind, s.type) for s in festival.sessions}
    assert kept == {
        "dj": (Kind.OTHER, "DJ Set"),
        "quiz": (Kind.OTHER, "Game show"),
        "plain": (Kind.TALK, None),  # no type: a talk, and nothing to keep
    }
    text = write_toml(festival)
    assert 'kind = "other"\ntype = "DJ Set"\n' in text
    out = tmp_path / "types.toml"
    out.write_text(text, encoding="utf-8")
    again, problems = load_file(out)
    assert problems == []
    assert {s.id: (s.kind, s.type) for s in again.sessions} == kept
    # Search finds a session by its type.
    from tui_guide.programme.query import SessionFilter

    assert [s.id for s in SessionFilter(search="dj set").apply(again.sessions)] == ["dj"]


def test_a_folder_with_toml_xml_and_json_loads_them_all(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_bytes(xml_schedule(event()))
    (tmp_path / "b.json").write_bytes((DATA / "repeated.json").read_bytes())
    example = Path(__file__).parent / "data" / "example.toml"
    (tmp_path / "c.toml").write_bytes(example.read_bytes())
    (tmp_path / "notes.txt").write_text("not a programme")
    programme = load_programme([tmp_path])
    assert programme.errors == ()
    assert sorted(f.id for f in programme.festivals) == [
        "demo-con",
        "example-film-days-2026",
        "repeat-camp",
    ]


# --- bad input --------------------------------------------------------------------------------


def test_not_xml_names_file_and_line(tmp_path: Path) -> None:
    festival, problems = read(tmp_path, b"<schedule>\n<conference>\n</schedule>\n")
    assert festival is None
    (problem,) = problems
    assert problem.line == 3
    assert str(problem).startswith(f"{tmp_path / 'schedule.xml'}:3:")
    assert "not valid XML: mismatched tag" in problem.message


def test_an_unknown_encoding_is_not_valid_xml_at_line_1(tmp_path: Path) -> None:
    data = b'<?xml version="1.0" encoding="bogus-enc"?><schedule/>'
    festival, problems = read(tmp_path, data)
    assert festival is None
    assert errors(problems) == [
        f"{tmp_path / 'schedule.xml'}:1: not valid XML: unknown encoding 'bogus-enc'"
    ]


@settings(max_examples=examples(60), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    encoding=st.one_of(
        st.sampled_from(["utf-8", "UTF-16", "utf-32", "latin-1", "ascii", "cp1252", "idna"]),
        st.sampled_from(["big5", "shift_jis", "euc-jp", "rot13", "hex", "base64", "zlib"]),
        st.text(
            st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters="\"'"),
            max_size=12,
        ),
    ),
    version=st.sampled_from(["1.0", "1.1", "2.0", ""]),
)
def test_any_xml_declaration_is_read_or_reported_never_raised(
    tmp_path: Path, encoding: str, version: str
) -> None:
    data = f'<?xml version="{version}" encoding="{encoding}"?><schedule/>'.encode()
    festival, problems = read(tmp_path, data)
    assert festival is None  # an empty schedule: never a festival, always a reason
    assert errors(problems)


def test_xml_that_is_not_a_schedule(tmp_path: Path) -> None:
    festival, problems = read(tmp_path, b'<?xml version="1.0"?>\n<html><body/></html>')
    assert festival is None
    assert errors(problems) == [
        f"{tmp_path / 'schedule.xml'}:2: not a schedule: the root element is <html>, not <schedule>"
    ]


def test_an_event_with_no_title_or_no_start_is_kept_with_a_warning_and_its_line(
    tmp_path: Path,
) -> None:
    # Both were errors that refused the whole file; each is now placed as far as it can be.
    body = event("e1", title="") + "\n" + event("e2", when="")
    festival, problems = read(tmp_path, xml_schedule(body))
    assert festival is not None
    assert [(p.line, p.severity, p.message) for p in problems] == [
        (
            7,
            "warning",
            "event e2: no start (no date or start that reads); its time is to be announced",
        ),
        (6, "warning", 'event e1: no title; shown as "Title TBA"'),
    ]
    e1, e2 = festival.session("e1"), festival.session("e2")
    assert (e1.title, e1.start) == ("Title TBA", time(10, 0))
    assert (e2.title, e2.date, e2.start) == ("A talk", date(2024, 3, 1), None)


def test_a_bad_duration_is_a_warning_and_the_end_unknown(tmp_path: Path) -> None:
    festival, problems = read(tmp_path, xml_schedule(event(duration="forever")))
    assert festival is not None
    assert (festival.sessions[0].start, festival.sessions[0].end) == (time(10, 0), None)
    assert warnings(problems) == [
        "event e1, duration: not a duration such as 01:30: 'forever'; its end is not known"
    ]


def test_entity_expansion_is_refused(tmp_path: Path) -> None:
    bomb = (
        b'<?xml version="1.0"?>\n<!DOCTYPE schedule [\n<!ENTITY a "aaaaaaaaaa">\n'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n<schedule>&b;</schedule>\n'
    )
    festival, problems = read(tmp_path, bomb)
    assert festival is None
    (problem,) = problems
    assert "refused" in problem.message and "EntitiesForbidden" in problem.message
    assert problem.line is not None


def test_an_external_entity_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    hostile = (
        f'<?xml version="1.0"?>\n<!DOCTYPE schedule [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        "<schedule><conference><title>&x;</title></conference></schedule>\n"
    ).encode()
    festival, problems = read(tmp_path, hostile)
    assert festival is None
    assert "refused" in problems[0].message
    assert "TOP SECRET" not in str(problems)


def test_not_json_names_line_and_column(tmp_path: Path) -> None:
    festival, problems = read(tmp_path, b'{\n  "schedule": {,\n}', "s.json")
    assert festival is None
    (problem,) = problems
    assert (problem.line, problem.column) == (2, 16)
    assert problem.message.startswith("not valid JSON: ")


def test_json_that_is_not_a_schedule(tmp_path: Path) -> None:
    festival, problems = read(tmp_path, b'{"name": "package"}', "package.json")
    assert festival is None
    assert errors(problems) == [
        f"{tmp_path / 'package.json'}:1: not a schedule: no schedule.conference object"
    ]


def test_json_fields_of_the_wrong_type_are_warnings_naming_file_and_event(
    tmp_path: Path,
) -> None:
    event = {
        "guid": "g-1",
        "date": "2024-03-01T10:00:00+01:00",
        "duration": "00:30",
        "title": "A talk",
        "persons": {"name": "Ada"},
        "links": [42],
        "attachments": "https://example.org/slides",
    }
    doc = {
        "schedule": {
            "conference": {
                "acronym": "demo",
                "title": "Demo",
                "time_zone_name": 1,
                "days": [{"date": "2024-03-01", "rooms": {"Hall": [event]}}],
            }
        }
    }
    festival, problems = read(tmp_path, json.dumps(doc, indent=1).encode(), "s.json")
    assert festival is not None and festival.sessions[0].people == ()
    file = tmp_path / "s.json"
    assert [str(p) for p in problems if p.severity == "warning"][:4] == [
        f"{file}:13: warning: event g-1, field persons: expected a list, "
        "got \"{'name': 'Ada'}\"; ignored",
        f'{file}:13: warning: event g-1, field links: expected text or an object, got "42"',
        f"{file}:13: warning: event g-1, field attachments: expected a list, "
        'got "https://example.org/slides"; ignored',
        f'{file}:6: warning: conference, field time_zone_name: expected text, got "1"; ignored',
    ]


def test_an_unreadable_schedule_is_skipped_and_the_others_load(tmp_path: Path) -> None:
    (tmp_path / "bad.xml").write_bytes(b"<schedule>")
    (tmp_path / "good.xml").write_bytes(xml_schedule(event()))
    programme = load_programme([tmp_path])
    assert [f.id for f in programme.festivals] == ["demo-con"]
    assert programme.skipped == (tmp_path / "bad.xml",)


# --- plain text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # The file's own line breaks go (it was "plain\ntext"): a paragraph is one line.
        ("plain\r\ntext", "plain text"),
        (
            "<p>A long line\nwrapped by\n  the file.</p><p>Second</p>",
            "A long line wrapped by the file.\n\nSecond",
        ),
        ("Hello <b>you</b>,\nall.\n\nSecond\nparagraph.", "Hello you, all.\n\nSecond paragraph."),
        ("a<br>b\nc", "a\nb c"),
        ("Q&amp;A\nfor all:\n* one\n* two", "Q&A for all:\n- one\n- two"),
        ("Q&A, <i>R&D</i>:\n* one\n* two\n# Next\ntext", "Q&A, R&D:\n- one\n- two\nNext text"),
        ("<pre>kept\n  as is</pre>", "kept\nas is"),
        (
            "One\ntwo\n\n* item\n  goes on\n* item two\n1. first\n2) second",
            "One two\n\n- item goes on\n- item two\n1. first\n2) second",
        ),
        ("# Title\nText\nafter.", "Title\nText after."),
        ("Hard  \nbreak, and\\\nanother", "Hard\nbreak, and\nanother"),
        ("Text\n```\ncode 1\ncode 2\n```\nafter", "Text\ncode 1\ncode 2\nafter"),
        ("| a | b |\n| 1 | 2 |\n> quoted\n> more", "| a | b |\n| 1 | 2 |\n> quoted\n> more"),
        ("<p>One</p><p>Two<br>three</p>", "One\n\nTwo\nthree"),
        ("a &amp; b &lt;c&gt;", "a & b <c>"),
        ('See <a href="https://x.org">the site</a>.', "See the site (https://x.org)."),
        ("<script>alert(1)</script>Hi", "Hi"),
        ("# Heading\n\n* one\n* two", "Heading\n\n- one\n- two"),
        ("**bold** and _not_ and `code`", "bold and _not_ and code"),
        (
            "[x](https://y.org) and ![img](https://y.org/i.png)",
            "x (https://y.org) and img (https://y.org/i.png)",
        ),
        ("Q&A at 5 < 6", "Q&A at 5 < 6"),
        ("", ""),
    ],
)
def test_html_and_markdown_become_plain_text(source: str, expected: str) -> None:
    assert plain_text(source) == expected


@given(st.text())
def test_plain_text_never_fails_and_keeps_no_tags(text: str) -> None:
    result = plain_text(text)
    assert "<p>" not in result and "<br>" not in result
    assert result == result.strip()


# --- writing TOML -----------------------------------------------------------------------------


def test_written_toml_is_readable_and_round_trips(tmp_path: Path) -> None:
    festival, _ = read(tmp_path, (DATA / "repeated.json").read_bytes(), "r.json")
    assert festival is not None
    text = write_toml(festival)
    assert text.startswith("[festival]\n")
    assert text.count("\n[[venues]]\n") == 2
    assert text.count("[[sessions]]\n") == 3
    assert "date = 2024-07-01\nstart = 14:00:00\nend = 16:00:00\n" in text
    out = tmp_path / "repeat.toml"
    out.write_text(text, encoding="utf-8")
    again, problems = load_file(out)
    assert problems == []
    assert dataclasses.replace(again, source_file=festival.source_file) == festival


def test_many_people_are_written_as_tables_that_still_load(tmp_path: Path) -> None:
    persons = "".join(
        f'<person id="{n}">Person with a long name number {n}</person>' for n in range(6)
    )
    body = event(persons=persons, description="Line one\nLine two")
    festival = loaded(tmp_path, xml_schedule(body))
    text = write_toml(festival)
    out = tmp_path / "out.toml"
    out.write_text(text, encoding="utf-8")
    again, problems = load_file(out)
    assert problems == [], text
    assert again.sessions == festival.sessions


_texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=examples(40), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_texts.filter(str.strip), description=_texts, person=_texts.filter(str.strip))
@example(title="0\r\n", description="a\r\nb", person="0")  # tomli-w wrote "\r\n" as "\n"
def test_any_text_round_trips_through_the_writer(
    tmp_path: Path, title: str, description: str, person: str
) -> None:
    festival = loaded(tmp_path, xml_schedule(event()))
    session = dataclasses.replace(
        festival.sessions[0],
        title=title,
        description=description,
        people=(dataclasses.replace(festival.sessions[0].people[0], name=person),)
        if festival.sessions[0].people
        else (),
    )
    festival = dataclasses.replace(festival, sessions=(session,))
    out = tmp_path / "any.toml"
    out.write_text(write_toml(festival), encoding="utf-8")
    again, problems = load_file(out)
    assert problems == []
    assert again.sessions == festival.sessions


# --- no input, however broken, escapes as an exception ----------------------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=30,
)
_event_keys = st.sampled_from(
    ["id", "guid", "title", "date", "start", "duration", "room", "persons", "links", "type"]
)


@settings(
    max_examples=examples(150),
    deadline=None,  # a first example pays for imports; on a loaded machine over 200 ms
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    conference=st.dictionaries(
        st.sampled_from(
            [
                "title",
                "acronym",
                "days",
                "daysCount",
                "rooms",
                "time_zone_name",
                "start",
                "day_change",
            ]
        ),
        _json_values,
    ),
    event=st.dictionaries(_event_keys, _json_values),
)
def test_any_json_schedule_gives_a_festival_or_problems(
    tmp_path: Path, conference: dict, event: dict
) -> None:
    import json

    conference.setdefault("title", "T")
    conference["days"] = [{"date": "2024-01-01", "rooms": {"R": [event]}}]
    data = json.dumps({"schedule": {"conference": conference}}).encode()
    festival, problems = read(tmp_path, data, "fuzz.json")
    assert festival is not None or any(p.severity == "error" for p in problems)


@settings(max_examples=examples(150), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    date_text=st.text(max_size=30) | st.datetimes().map(datetime.isoformat),
    start=st.text(max_size=8) | st.times().map(lambda t: t.strftime("%H:%M")),
    duration=st.text(max_size=8),
    title=st.text(max_size=20),
)
def test_any_xml_event_gives_a_festival_or_problems(
    tmp_path: Path, date_text: str, start: str, duration: str, title: str
) -> None:
    from xml.sax.saxutils import escape

    body = event(
        when=f"<date>{escape(date_text)}</date><start>{escape(start)}</start>",
        duration=escape(duration),
        title=f"<title>{escape(title)}</title>",
    )
    try:
        data = xml_schedule(body)
    except UnicodeEncodeError:
        return
    festival, problems = read(tmp_path, data)
    assert festival is not None or any(p.severity == "error" for p in problems)


def test_an_event_outside_a_days_room_is_read_not_lost(tmp_path: Path) -> None:
    data = xml_schedule(event("inside")).replace(
        b"</day>",
        b'<event guid="loose"><date>2024-03-01T15:00:00+01:00</date><duration>00:30</duration>'
        b"<room>Garden</room><title>Loose event</title></event></day>",
    )
    festival = loaded(tmp_path, data)
    assert sorted(s.id for s in festival.sessions) == ["inside", "loose"]
    loose = festival.session("loose")
    assert (loose.start, loose.venue.name) == (time(15, 0), "Garden")
    # With a time and no day at all, it is still kept (it was refused): its date is TBA.
    nowhere = xml_schedule(event("inside")).replace(
        b"</schedule>", b"<event><start>10:00</start><title>Kept</title></event></schedule>"
    )
    festival, problems = read(tmp_path, nowhere)
    assert festival is not None and errors(problems) == []
    kept = next(s for s in festival.sessions if s.title == "Kept")
    assert (kept.date, kept.start, kept.venue) == (None, time(10, 0), None)
    assert [(p.line, p.message) for p in problems] == [
        (9, "an event: a start time but no day to put it on; its date is to be announced")
    ]


def test_a_schedule_longer_than_a_year_is_refused_as_the_toml_would_be(tmp_path: Path) -> None:
    body = event("a") + event("b", when="<date>2025-06-01T10:00:00+02:00</date>")
    festival, problems = read(tmp_path, xml_schedule(body))
    assert festival is None
    assert errors(problems) == [
        f"{tmp_path / 'schedule.xml'}: the schedule runs from 2024-03-01 to 2025-06-01, "
        "longer than 366 days"
    ]


# --- other systems' shapes, read liberally: a warning at most, every event kept ---------------


def test_text_ids_of_events_and_people_are_read_not_refused(tmp_path: Path) -> None:
    # rC3 (2020) lost all its 442 events over person ids like "ct-djarnold" that the guide
    # never uses; event ids written as text ("5167") are ids all the same.
    festival, problems = read(tmp_path, (DATA / "text-ids.json").read_bytes(), "s.json")
    assert problems == []
    assert festival is not None
    by_title = {s.title: s for s in festival.sessions}
    assert sorted(by_title) == ["Night at the club", "Soldering contest"]
    club = by_title["Night at the club"]
    assert club.id == "e0b0c0d0-0000-4000-8000-000000005167"
    assert [p.name for p in club.people] == ["(DJ) Arnold", "Karin"]
    assert (club.kind, club.type, club.tags) == (Kind.OTHER, "DJ Set", ("de",))
    assert (club.date, club.start, club.end) == (date(2020, 12, 27), time(22, 0), time(0, 0))
    # Relative links are resolved against the schedule's base_url.
    assert club.links == (
        Link("https://example.org/remote/schedule/media/5167/setlist.txt", "Set list"),
    )
    contest = by_title["Soldering contest"]
    assert (contest.kind, contest.type) == (Kind.OTHER, "contest")
    assert contest.links == (Link("https://example.org/wiki/Soldering_contest", "Rules"),)
    assert [p.name for p in contest.people] == ["Grace Example"]


def test_frab_2013_json_with_raw_line_breaks_in_strings_reads(tmp_path: Path) -> None:
    data = (DATA / "frab-2013.json").read_bytes()
    with pytest.raises(json.JSONDecodeError):
        json.loads(data)  # strict JSON refuses it: raw line breaks inside strings
    festival, problems = read(tmp_path, data, "s.json")
    assert errors(problems) == []
    assert festival is not None and [s.title for s in festival.sessions] == [
        "Opening",
        "Night show",
    ]
    opening, night = festival.sessions
    # Older frab named people full_public_name.
    assert [p.name for p in opening.people] == ["Ada Example", "Grace Example"]
    assert [p.name for p in night.people] == ["Alan Example"]
    assert opening.description == (
        "Two lines written in the file as they were typed.\n\n"
        "First paragraph, wrapped by hand.\n\nSecond paragraph."
    )
    assert (night.date, night.start, night.kind, night.type) == (
        date(2013, 12, 29),
        time(1, 0),
        Kind.OTHER,
        "Game show",
    )
    # No base_url and no url: the relative attachment is kept as written, and said once.
    assert opening.links[1] == Link("/system/attachments/5605/slides.pdf", "Slides")
    assert warnings(problems)[1] == (
        "event c5a5a3f0-0000-4000-8000-000000005605: 1 relative link in the file, such as "
        '"/system/attachments/5605/slides.pdf", and no address (base_url) to resolve them '
        "against; kept as written"
    )


@pytest.mark.parametrize(
    ("content", "message", "where"),
    [
        (b'{"schedule": {"title": "x\\q"}}', "not valid JSON: Invalid \\escape", (1, 26)),
        (b'{"schedule": \n  {"title": "x', "not valid JSON: Unterminated string", (2, 13)),
        (b'{"schedule": }', "not valid JSON: Expecting value", (1, 14)),
    ],
)
def test_a_json_syntax_error_reads_whole_with_its_line_and_column(
    tmp_path: Path, content: bytes, message: str, where: tuple[int, int]
) -> None:
    festival, problems = read(tmp_path, content, "s.json")
    assert festival is None
    (problem,) = problems
    assert problem.message == message  # no dangling "at" at the end
    assert (problem.line, problem.column) == where


def _json_event(**fields: object) -> dict[str, object]:
    return {
        "guid": "g-1",
        "date": "2024-03-01T10:00:00+01:00",
        "start": "10:00",
        "duration": "00:30",
        "title": "A talk",
        **fields,
    }


def _json_schedule(*events: object, **conference: object) -> bytes:
    doc = {
        "schedule": {
            "conference": {
                "acronym": "demo",
                "title": "Demo",
                "time_zone_name": "Europe/Berlin",
                "days": [{"date": "2024-03-01", "rooms": {"Hall": list(events)}}],
                **conference,
            }
        }
    }
    return json.dumps(doc, indent=1).encode()


def test_days_count_that_does_not_match_is_a_warning(tmp_path: Path) -> None:
    festival, problems = read(tmp_path, _json_schedule(_json_event(), daysCount=3), "s.json")
    assert festival is not None and len(festival.sessions) == 1
    assert warnings(problems) == [
        "conference: daysCount says 3 days but the file lists 1; what is listed is read "
        "(the file may be incomplete)"
    ]


def test_an_event_missing_what_places_it_is_kept_to_be_announced(tmp_path: Path) -> None:
    data = _json_schedule(
        _json_event(guid="no-title", title=""),
        _json_event(guid="no-start", date=None, start=None),
        _json_event(guid="bad-time", date="soon", start="later", duration="long"),
        _json_event(guid="bad-date", date="2024-13-45T10:00:00+01:00", start="11:00"),
        "not an event",
    )
    festival, problems = read(tmp_path, data, "s.json")
    assert errors(problems) == []
    assert festival is not None
    kept = {s.id: (s.title, s.date, s.start, s.end) for s in festival.sessions}
    assert kept == {
        "no-title": ("Title TBA", date(2024, 3, 1), time(10, 0), time(10, 30)),
        "no-start": ("A talk", date(2024, 3, 1), None, None),  # on its day, time TBA
        "bad-time": ("A talk", date(2024, 3, 1), None, None),
        "bad-date": ("A talk", date(2024, 3, 1), time(11, 0), time(11, 30)),  # day + start
    }
    assert warnings(problems) == [
        "event bad-time, date: not a date and time such as 2023-12-27T10:30:00+01:00: 'soon'; "
        "ignored",
        "event bad-time, start: not a time such as 10:30: 'later'; its time is to be announced",
        "event bad-time, duration: not a duration such as 01:30: 'long'; its end is not known",
        "event bad-date, date: not a date and time such as 2023-12-27T10:30:00+01:00: "
        "'2024-13-45T10:00:00+01:00'; ignored",
        'day 1, Hall #5: an event must be an object, got "not an event"; ignored',
        "event no-start: no start (no date or start that reads); its time is to be announced",
        "event bad-time: no start (no date or start that reads); its time is to be announced",
        'event no-title: no title; shown as "Title TBA"',
    ]


def test_a_file_is_refused_only_when_none_of_its_events_can_be_read(tmp_path: Path) -> None:
    festival, problems = read(tmp_path, _json_schedule(1, [2], None), "s.json")
    assert festival is None
    assert errors(problems) == [
        f"{tmp_path / 's.json'}: none of the 3 events in the file could be read"
    ]


def test_persons_written_as_one_text_are_each_a_person(tmp_path: Path) -> None:
    data = _json_schedule(_json_event(persons="Ada Lovelace, Alan Turing; Jane Doe, PhD"))
    festival, problems = read(tmp_path, data, "s.json")
    assert problems == [] and festival is not None
    assert [p.name for p in festival.sessions[0].people] == [
        "Ada Lovelace",
        "Alan Turing",
        "Jane Doe, PhD",
    ]


def test_the_hubs_second_version_with_one_list_of_events_reads(tmp_path: Path) -> None:
    # c3voc's hub (38C3) writes schedule.events, each with start and end, room and track as
    # objects and participants; the first reader found no day's rooms and lost them all.
    doc = {
        "schedule": {
            "version": "1",
            "base_url": "https://example.org/hub/",
            "conference": {
                "acronym": "hubcon",
                "title": "Hub Con",
                "time_zone_name": "Europe/Berlin",
                "tracks": [{"slug": "ccc", "name": "CCC"}],
                "rooms": [{"name": "Saal 1", "guid": "r-1"}],
                "days": [{"index": 1, "date": "2024-12-27"}],
            },
            "events": [
                {
                    "type": "TALK",
                    "guid": "h-1",
                    "start": "2024-12-27T23:30:00+01:00",
                    "end": "2024-12-28T00:15:00+01:00",
                    "room": {"name": "Saal 1", "guid": "r-1"},
                    "title": "Late talk",
                    "subtitle": None,
                    "track": {"slug": "ccc"},
                    "participants": [
                        {"name": "Ada Example", "role": "SPEAKER"},
                        {"name": "Grace Example", "role": "CONTRIBUTOR"},
                    ],
                    "links": [{"type": "FEEDBACK", "url": "event/h-1/feedback/"}],
                }
            ],
        }
    }
    festival, problems = read(tmp_path, json.dumps(doc).encode(), "s.json")
    assert problems == [] and festival is not None
    (talk,) = festival.sessions
    assert (talk.title, talk.date, talk.start, talk.end) == (
        "Late talk",
        date(2024, 12, 27),
        time(23, 30),
        time(0, 15),
    )
    assert (talk.venue.name, talk.venue.guid, talk.track) == ("Saal 1", "r-1", "CCC")
    assert [(p.name, p.role) for p in talk.people] == [
        ("Ada Example", "speaker"),
        ("Grace Example", "contributor"),
    ]
    assert talk.links == (Link("https://example.org/hub/event/h-1/feedback/", "Feedback"),)
    assert (talk.kind, talk.type) == (Kind.TALK, "TALK")


def test_events_straight_in_a_dated_day_are_on_that_day(tmp_path: Path) -> None:
    # Pentabarf 2007: no <room> around the events; every one was refused with "a start time
    # but no day to put it on", though each sits in a dated day.
    festival, problems = read(tmp_path, (DATA / "pentabarf-2007.xml").read_bytes())
    assert errors(problems) == []
    assert festival is not None
    got = [(s.title, s.date, s.start, s.end, s.venue.name) for s in festival.sessions]
    assert got == [
        ("Opening", date(2007, 12, 27), time(11, 0), time(11, 30), "Saal 1"),
        # 02:00 on day 1 is before the day_change of 04:00: the small hours of 28 December.
        ("Night hacking", date(2007, 12, 28), time(2, 0), time(3, 0), "Saal 2"),
        ("Lockpicking contest", date(2007, 12, 28), time(12, 0), time(13, 0), "Saal 1"),
    ]
    assert [v.name for v in festival.venues] == ["Saal 1", "Saal 2"]
    opening = festival.sessions[0]
    assert [p.name for p in opening.people] == ["Ada Example", "Grace Example"]
    assert opening.links == (Link("http://example.org/opening", "Opening notes"),)
    assert (festival.sessions[2].kind, festival.sessions[2].type) == (Kind.OTHER, "contest")


def test_what_static_site_generators_write_is_read_whole(tmp_path: Path) -> None:
    festival, problems = read(tmp_path, (DATA / "static-site.xml").read_bytes())
    assert problems == []
    assert festival is not None
    welcome, keynote, coffee = festival.sessions
    # One <person> straight under <event> lists everyone; a title after a comma stays.
    assert [p.name for p in welcome.people] == ["Dr. Ada Example", "Grace Example"]
    assert [p.name for p in keynote.people] == ["Prof. Dr. Alan Example", "Jane Doe, PhD"]
    # ISO 8601 durations.
    assert (welcome.start, welcome.end) == (time(9, 0), time(9, 10))
    assert (keynote.start, keynote.end) == (time(9, 10), time(9, 55))
    # A link's title in a <title> child; a relative href resolved against the conference url.
    assert welcome.links == (
        Link("https://example.org/web-day/welcome", "The welcome page"),
        Link("https://example.org/web-day/files/welcome.pdf", "Slides"),
    )
    assert welcome.description == "Welcome to the day."
    # A room with no name: no venue of no name (the TOML would refuse it), the venue is TBA.
    assert [v.name for v in festival.venues] == ["Main Track"]
    assert coffee.venue is None and coffee.people == ()


def test_a_schedule_with_a_nameless_room_imports_and_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui_guide.cli import main

    out = tmp_path / "web-day.toml"
    assert main(["import", str(DATA / "static-site.xml"), "-o", str(out)]) == 0
    assert main(["validate", str(out)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "OK: 1 festival, 1 venue, 3 sessions"


def test_no_title_for_the_conference_names_it_after_its_acronym(tmp_path: Path) -> None:
    # Its zone fits the events' +01:00, so that only the title is warned of.
    conference = "<acronym>quiet-con</acronym><time_zone_name>Europe/Berlin</time_zone_name>"
    festival, problems = read(tmp_path, xml_schedule(event(), conference=conference))
    assert festival is not None and (festival.id, festival.name) == ("quiet-con", "quiet-con")
    assert warnings(problems) == [
        "conference: no <title>; the festival is named after its acronym or the file"
    ]


def test_a_json_room_named_nothing_gives_no_nameless_venue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui_guide.cli import main

    doc = json.loads(_json_schedule(_json_event(room="")))
    day = doc["schedule"]["conference"]["days"][0]
    day["rooms"] = {"": day["rooms"]["Hall"], "Hall": [_json_event(guid="g-2")]}
    path = tmp_path / "s.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    festival, problems = load_file(path)
    assert problems == [] and festival is not None
    assert [v.name for v in festival.venues] == ["Hall"]
    assert festival.session("g-1").venue is None
    out = tmp_path / "s.toml"
    assert main(["import", str(path), "-o", str(out)]) == 0
    assert main(["validate", str(out)]) == 0


def test_a_room_listed_with_no_events_is_still_a_venue(tmp_path: Path) -> None:
    doc = json.loads(_json_schedule(_json_event()))
    doc["schedule"]["conference"]["days"][0]["rooms"]["Quiet Room"] = []
    festival, problems = read(tmp_path, json.dumps(doc).encode(), "s.json")
    assert problems == [] and festival is not None
    assert [v.name for v in festival.venues] == ["Hall", "Quiet Room"]


def test_an_address_without_its_scheme_is_kept_not_taken_for_a_path(tmp_path: Path) -> None:
    links = [{"url": "example.org/notes", "title": "Notes"}, {"url": "/wiki/A", "title": "A"}]
    doc = json.loads(_json_schedule(_json_event(links=links)))
    doc["schedule"]["base_url"] = "https://fahrplan.example.net/2024/"
    festival, problems = read(tmp_path, json.dumps(doc).encode(), "s.json")
    assert festival is not None
    assert festival.sessions[0].links == (
        Link("example.org/notes", "Notes"),  # not https://fahrplan.example.net/2024/example.org/…
        Link("https://fahrplan.example.net/wiki/A", "A"),
    )
    assert problems == []  # kept as written: nothing decided, nothing to say
