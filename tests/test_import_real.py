"""The importer on real published schedules: those in `../shared/schedules/` beside the
repository (skipped, with the reason, when that folder is not there) and the small ones kept
in `tests/data/real/` (see its README for where each comes from).

Each file is also read here independently (xml.etree, json) to count what it holds: every
event must become exactly one session, at the same time, in its room, for its duration, with
all its people and links; every room a venue; nothing lost, nothing doubled.
"""

from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tui_guide.cli import main
from tui_guide.formats.load import load_file
from tui_guide.formats.schedule.read import read_schedule
from tui_guide.formats.toml.write import write_toml
from tui_guide.programme import Kind
from tui_guide.programme.model import Festival, Link, Person

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "schedules"
REAL = Path(__file__).parent / "data" / "real"
SHARED_NAMES = [
    "37c3.xml",
    "debconf23.xml",
    "frab-camp2019.json",
    "pretalx-democon.json",
    "33c3.json",
    "34c3.json",
    "invalid-example.json",
]
REAL_NAMES = [
    "lswt2019.xml",
    "lswt2021.xml",
    "pretalx-rc3-channels.json",
    "hub-38c3-schedule2.json",
]
needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"the shared real schedules are not at {SHARED}"
)
FILES = [pytest.param(SHARED / name, id=name, marks=needs_shared) for name in SHARED_NAMES] + [
    pytest.param(REAL / name, id=name) for name in REAL_NAMES
]

# What reading a real file may decide and say; anything else (or any error) is a failure.
DECISIONS = re.compile(
    r"no time_zone_name: the zone is taken as |no time zone in the file"
    r"|: the same event at \d+ times or places; kept as separate sessions "
    r"|: listed twice at the same time and place; kept once"
    r"|: runs .*; a session ends within a day of its start"
    r"|: \d+ relative links? in the file, such as "
    r"|conference: daysCount says "
    r"|^the date and start of \d+ events? disagree \("
)


# --- the file as it says itself, read without the importer -------------------------------------


@dataclass(frozen=True)
class Expected:
    """One event as the file itself says it."""

    key: str  # its guid, else id, else slug, else title
    guid: str | None
    title: str
    room: str  # "" when it names none
    starts: datetime | None  # aware when the file gives an offset, else the wall clock
    duration: timedelta | None
    people: int
    links: int
    wall: time | None = None  # its start as the wall clock, beside a date with an offset


@dataclass
class Counted:
    events: list[Expected]
    rooms: set[str]


def _words(text: Any) -> str:
    return " ".join(text.split()) if isinstance(text, str) else ""


def _duration(text: str | None) -> timedelta | None:
    text = (text or "").strip()
    if iso := re.fullmatch(r"P(?:0Y)?(?:0M)?(?:0D)?T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?", text):
        hours, minutes, seconds = iso.groups()
        return timedelta(
            hours=int(hours or 0), minutes=int(minutes or 0), seconds=float(seconds or 0)
        )
    if clock := re.fullmatch(r"(\d+):(\d\d)(?::(\d\d))?", text):
        hours, minutes, seconds = clock.groups()
        return timedelta(hours=int(hours), minutes=int(minutes), seconds=int(seconds or 0))
    return None


def _xml(path: Path) -> Counted:
    root = ET.parse(path).getroot()
    day_change = root.findtext("conference/day_change")
    boundary = time.fromisoformat(day_change) if day_change else time(0)
    events, rooms = [], set()
    for room in root.iter("room"):
        if name := _words(room.get("name")):
            rooms.add(name)
    for day in root.iter("day"):
        day_date = date.fromisoformat(day.get("date"))
        for parent in [day, *day.findall("room")]:
            for element in parent.findall("event"):
                room = _words(element.findtext("room")) or _words(parent.get("name"))
                wall = None
                if element.findtext("date"):
                    starts = datetime.fromisoformat(element.findtext("date"))
                    if element.findtext("start"):
                        wall = time.fromisoformat(element.findtext("start").strip())
                else:
                    clock = time.fromisoformat(element.findtext("start"))
                    on = day_date + timedelta(days=1) if clock < boundary else day_date
                    starts = datetime.combine(on, clock)
                people = sum(1 for p in element.findall("persons/person") if _words(p.text))
                people += sum(
                    len([n for n in (p.text or "").split(",") if n.strip()])
                    for p in element.findall("person")
                )
                links = [
                    link
                    for link in [*element.findall("links/*"), *element.findall("attachments/*")]
                    if (link.get("href") or "").strip()
                ]
                key = element.get("guid") or element.get("id") or element.findtext("slug") or ""
                events.append(
                    Expected(
                        key or _words(element.findtext("title")),
                        element.get("guid"),
                        _words(element.findtext("title")),
                        room,
                        starts,
                        _duration(element.findtext("duration")),
                        people,
                        len(links),
                        wall,
                    )
                )
                if room:
                    rooms.add(room)
    return Counted(events, rooms)


def _json_people(entries: Any) -> int:
    names = [
        entry if isinstance(entry, str) else entry.get("public_name") or entry.get("name")
        for entry in entries or ()
    ]
    return sum(1 for name in names if _words(name))


def _json_links(event: dict[str, Any]) -> int:
    return sum(
        1
        for entry in [*(event.get("links") or ()), *(event.get("attachments") or ())]
        if (entry if isinstance(entry, str) else entry.get("url"))
    )


def _json(path: Path) -> Counted:
    schedule = json.loads(path.read_text("utf-8"), strict=False)["schedule"]
    conference = schedule["conference"]
    rooms = {_words(r["name"]) for r in conference.get("rooms", ())} - {""}
    events = []
    for day in conference["days"]:
        for room, room_events in day.get("rooms", {}).items():
            if _words(room):
                rooms.add(_words(room))
            for raw in room_events:
                where = _words(raw.get("room")) or _words(room)
                events.append(
                    Expected(
                        str(raw.get("guid") or raw.get("id")),
                        raw.get("guid"),
                        _words(raw["title"]),
                        where,
                        datetime.fromisoformat(raw["date"]),
                        _duration(raw.get("duration")),
                        _json_people(raw.get("persons")),
                        _json_links(raw),
                        time.fromisoformat(raw["start"]) if raw.get("start") else None,
                    )
                )
    for raw in schedule.get("events", ()):  # the hub's second version
        starts, ends = datetime.fromisoformat(raw["start"]), datetime.fromisoformat(raw["end"])
        events.append(
            Expected(
                raw["guid"],
                raw["guid"],
                _words(raw["title"]),
                _words(raw["room"]["name"]),
                starts,
                ends - starts,
                _json_people(raw.get("participants")),
                _json_links(raw),
            )
        )
    rooms |= {e.room for e in events} - {""}
    return Counted(events, rooms)


def counted(path: Path) -> Counted:
    return _xml(path) if path.suffix == ".xml" else _json(path)


def unique(events: list[Expected]) -> list[Expected]:
    """Copies identical in what they are and where and when they happen are one event: the
    fullest copy (congress exports list some twice)."""
    best: dict[tuple[Any, ...], Expected] = {}
    for event in events:
        same = (event.key, event.title, event.room, event.starts, event.duration)
        if same not in best or event.people + event.links > best[same].people + best[same].links:
            best[same] = event
    return list(best.values())


def imported(path: Path) -> Festival:
    festival, problems = read_schedule(path, path.read_bytes())
    assert festival is not None, [str(p) for p in problems]
    unexpected = [
        str(p) for p in problems if p.severity == "error" or not DECISIONS.search(p.message)
    ]
    assert unexpected == []
    return festival


def shared(name: str) -> Festival:
    return imported(SHARED / name)


def real(name: str) -> Festival:
    return imported(REAL / name)


def local(
    moment: datetime | None, zone: ZoneInfo, wall: time | None = None
) -> tuple[date, time] | None:
    """The local date and time; when the date's offset puts it at another time than the
    wall clock `wall` (the file's start), the wall clock on the date's day."""
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moved = moment.astimezone(zone)
        if wall is not None and (moved.hour, moved.minute) != (wall.hour, wall.minute):
            return moment.date(), wall
        moment = moved
    return moment.date(), moment.time().replace(tzinfo=None)


# --- every real file -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", FILES)
def test_every_event_becomes_one_session_in_its_room_at_its_time(path: Path) -> None:
    festival = imported(path)
    events = unique(counted(path).events)
    assert len(festival.sessions) == len(events)
    assert len({s.id for s in festival.sessions}) == len(events)  # none lost, none doubled

    def place(title: str, room: str, when: tuple[date, time] | None) -> tuple[Any, ...]:
        return (title, room, when)

    expected = Counter(
        place(e.title, e.room, local(e.starts, festival.timezone, e.wall)) for e in events
    )
    got = Counter(
        place(s.title, s.venue.name if s.venue else "", (s.date, s.start) if s.start else None)
        for s in festival.sessions
    )
    assert got == expected
    assert Counter(s.guid for s in festival.sessions) == Counter(e.guid for e in events)
    for event in events:
        if event.duration is None or not timedelta(0) < event.duration < timedelta(days=1):
            continue
        when = local(event.starts, festival.timezone, event.wall)
        (session,) = [
            s
            for s in festival.sessions
            if (s.title, s.date, s.start) == (event.title, *when)
            and (s.venue.name if s.venue else "") == event.room
            and s.guid == event.guid
        ]
        assert session.ends_at - session.starts_at == event.duration, event


@pytest.mark.parametrize("path", FILES)
def test_people_links_and_rooms_are_all_kept(path: Path) -> None:
    festival = imported(path)
    found = counted(path)
    events = unique(found.events)
    assert sum(len(s.people) for s in festival.sessions) == sum(e.people for e in events)
    assert sum(len(s.links) for s in festival.sessions) == sum(e.links for e in events)
    assert {v.name for v in festival.venues} == found.rooms
    assert len(festival.venues) == len(found.rooms)
    assert all(v.name.strip() for v in festival.venues)  # no venue without a name
    assert all(p.name.strip() for s in festival.sessions for p in s.people)


@pytest.mark.parametrize("path", FILES)
def test_what_is_written_loads_back_the_same(path: Path, tmp_path: Path) -> None:
    festival = imported(path)
    out = tmp_path / f"{path.stem}.toml"
    out.write_text(write_toml(festival), encoding="utf-8")
    again, problems = load_file(out)
    assert problems == []
    # Track colours too: [[tracks]] tables.
    assert dataclasses.replace(again, source_file=festival.source_file) == festival


@pytest.mark.parametrize("path", FILES)
def test_import_then_validate_passes(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "festival.toml"
    assert main(["import", str(path), "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"Wrote {out}: ")
    assert main(["validate", "--strict", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("OK: 1 festival, ")
    assert captured.err == ""


# --- field by field ------------------------------------------------------------------------------


@needs_shared
def test_37c3_field_by_field() -> None:
    festival = shared("37c3.xml")
    berlin = ZoneInfo("Europe/Berlin")
    assert (festival.id, festival.name, festival.timezone) == (
        "37c3",
        "37th Chaos Communication Congress",
        berlin,
    )
    assert (festival.starts, festival.ends) == (date(2023, 12, 27), date(2023, 12, 30))
    assert festival.url == "https://events.ccc.de/congress/2023/hub/"
    opening = festival.session("fddf9aa7-4952-497e-b706-2e802deef3cc")
    assert opening.title == "37C3: Feierliche Eröffnung"
    assert (opening.date, opening.start, opening.end) == (
        date(2023, 12, 27),
        time(10, 30),
        time(11, 0),
    )
    assert opening.venue.name == "Saal 1"
    assert opening.venue.guid == "ba692ba3-421b-5371-8309-60acc34a3c05"
    assert opening.kind is Kind.TALK and opening.type == "lecture"
    assert opening.tags == ("de",)
    assert opening.track == "CCC"
    assert [p.name for p in opening.people] == ["derPUPE", "Katharina Nocun", "Mullana"]
    assert opening.description.startswith("Achievement unlocked! Der 37C3 öffnet")
    assert opening.url == "https://events.ccc.de/congress/2023/hub/event/37c3_feierliche_eroffnung/"
    iphone = festival.session("a06319d5-f4a6-4efa-8255-dff6317e9632")
    assert iphone.subtitle == "Hardware hacking tooling for the new iPhone generation"
    assert len(iphone.links) == 5
    assert iphone.links[0] == Link(
        "https://www.youtube.com/watch?v=D8UGlvBubkA", "Video: Getting JTAG on the iPhone 15"
    )
    # After midnight, on the next date: the congress day runs to 04:00.
    jeopardy = festival.session("68bd0b6e-5344-4ad0-94ae-5b1cc5d8ff0b")
    assert jeopardy.title == "Kein(!) Hacker Jeopardy"
    assert (jeopardy.date, jeopardy.start, jeopardy.end) == (
        date(2023, 12, 28),
        time(0, 15),
        time(2, 15),
    )
    assert "\r" not in "".join(s.description for s in festival.sessions)


@needs_shared
def test_debconf23_field_by_field() -> None:
    festival = shared("debconf23.xml")
    assert (festival.id, festival.timezone) == ("debconf23", ZoneInfo("Asia/Kolkata"))
    # wafer writes <date> in UTC: 05:00 UTC is 10:30 in Kochi.
    opening = festival.session("455d075f-48c0-2ec2-24b3-f5add30c383a")
    assert (opening.title, opening.date, opening.start, opening.end) == (
        "Opening Ceremony",
        date(2023, 9, 10),
        time(10, 30),
        time(10, 50),
    )
    assert opening.venue.name == "Anamudi"
    assert [p.name for p in opening.people] == ["Sruthi Chandran"]
    assert (opening.kind, opening.type) == (Kind.TALK, "Long talk (45 minutes)")
    assert opening.tags == ()
    assert opening.description == "Welcome to DebConf23"
    breakfast = festival.session("4bd0f4b3-ed98-8834-365c-28752657797d")
    assert (breakfast.date, breakfast.start) == (date(2023, 9, 10), time(7, 0))
    bofs = [s for s in festival.sessions if s.type == "BoF (45 minutes)"]
    assert len(bofs) == 25 and {s.kind for s in bofs} == {Kind.MEETING}


@needs_shared
def test_camp2019_field_by_field() -> None:
    festival = shared("frab-camp2019.json")
    assert (festival.id, festival.name) == ("camp2019", "Chaos Communication Camp 2019")
    opening = festival.session("a0a0fcfe-b7fb-46e3-84b6-97a5406016b4")
    assert (opening.title, opening.date, opening.start, opening.end) == (
        "Opening Ceremony",
        date(2019, 8, 21),
        time(11, 0),
        time(11, 30),
    )
    assert opening.venue.name == "Curie"
    assert [p.name for p in opening.people] == ["jinxx", "smtw"]
    assert opening.description == "A hearty welcome me lasses and lads!"


@needs_shared
def test_pretalx_democon_field_by_field() -> None:
    festival = shared("pretalx-democon.json")
    # The file names UTC as its zone and writes its times at +01:00 (09:00+01:00, start
    # 09:00): the wall clock is kept, in the zone it names, and said once.
    assert festival.timezone == ZoneInfo("UTC")
    path = SHARED / "pretalx-democon.json"
    _, problems = read_schedule(path, path.read_bytes())
    assert [p.message for p in problems] == [
        "the date and start of 36 events disagree (event 8079583e-8321-506c-95af-fd2903a5f075: "
        "date 2020-12-14T09:00:00+01:00 is 08:00 in UTC, start 09:00): each is put at its "
        "start, the wall clock, on that day"
    ]
    talk = festival.session("8079583e-8321-506c-95af-fd2903a5f075")
    assert (talk.title, talk.date, talk.start, talk.end) == (
        "Focused 5thgeneration hardware",
        date(2020, 12, 14),
        time(9, 0),
        time(9, 30),
    )
    assert talk.venue.name == "Gray Room"
    assert talk.track == "Phased" and talk.kind is Kind.TALK and talk.tags == ("en",)
    assert talk.type == "Talk"
    assert [p.name for p in talk.people] == ["Brian Robinson"]
    assert talk.url == "http://localhost/democon/talk/G9JGWY/"


@needs_shared
def test_33c3_field_by_field() -> None:
    festival = shared("33c3.json")
    assert (festival.id, festival.name, festival.url) == (
        "33c3",
        "33. Chaos Communication Congress",
        None,
    )
    # No time_zone_name: taken from the offsets (+01:00), and said.
    assert festival.timezone == ZoneInfo("Etc/GMT-1")
    assert (festival.starts, festival.ends) == (date(2016, 12, 27), date(2016, 12, 30))
    ct = festival.session("c54bec28-0cec-4472-9a0f-36be8b626dd7")
    assert (ct.title, ct.subtitle) == (
        "Everything you always wanted to know about Certificate Transparency",
        "(but were afraid to ask)",
    )
    assert (ct.date, ct.start, ct.end, ct.venue.name) == (
        date(2016, 12, 27),
        time(11, 30),
        time(12, 30),
        "Saal 6",
    )
    assert (ct.kind, ct.type, ct.track, ct.tags) == (Kind.TALK, "lecture", "Security", ("en",))
    assert ct.people == (Person("Martin Schmiedecker"),)
    # An attachment relative to a frab the file does not name: kept as written (and said).
    assert ct.links == (
        Link(
            "/system/event_attachments/attachments/000/003/104/original/33c3_CT.pdf?1482832180",
            "Slides",
        ),
    )
    # In a room named "" (a self-organised session): its venue is TBA, no nameless venue.
    nerf = festival.session("476c2527-e9cf-5e55-af56-7d85c3284551")
    assert (nerf.title, nerf.date, nerf.start, nerf.end, nerf.venue) == (
        "NerfgunBattle",
        date(2016, 12, 28),
        time(0, 10),
        time(0, 55),
        None,
    )
    assert (nerf.kind, nerf.type) == (Kind.OTHER, "game")
    assert nerf.links == (Link("https://events.ccc.de/congress/2016/wiki/Session:NerfgunBattle"),)
    angels = festival.session("87e63d0e-e34a-5fe9-b441-5c5f4923203b")
    assert (angels.title, angels.kind, angels.type, angels.venue.name) == (
        "Subtitles-Angelmeetings",
        Kind.MEETING,
        "meeting",
        "Hall A.1",
    )
    assert [p.name for p in angels.people] == ["Cube"]


@needs_shared
def test_34c3_field_by_field() -> None:
    festival = shared("34c3.json")
    assert (festival.id, festival.name) == ("34c3", "34th Chaos Communication Congress")
    assert festival.url == "https://fahrplan.events.ccc.de/congress/2017/Fahrplan/"
    nic = festival.session("19b7e5d7-bba7-46da-afbc-f16d43fe395f")
    assert (nic.title, nic.subtitle) == (
        "Demystifying Network Cards",
        "Things you always wanted to know about NIC drivers",
    )
    assert (nic.date, nic.start, nic.end, nic.venue.name, nic.track) == (
        date(2017, 12, 27),
        time(12, 45),
        time(13, 15),
        "Saal Borg",
        "Hardware & Making",
    )
    assert nic.url == "https://fahrplan.events.ccc.de/congress/2017/Fahrplan/events/9159.html"
    # frab's relative attachment, resolved against the schedule's base_url.
    assert nic.links == (
        Link("https://github.com/emmericp/ixy", "ixy on GitHub"),
        Link(
            "https://fahrplan.events.ccc.de/system/event_attachments/attachments/000/003/351/"
            "original/slides.pdf?1514331558",
            "slides.pdf",
        ),
    )
    # After midnight, on the next date; a type no kind of ours names is `other`, kept.
    carpet = festival.session("bc39559b-0b24-4b27-9e1f-4b76d52cb1a8")
    assert (carpet.title, carpet.subtitle, carpet.date, carpet.start, carpet.end) == (
        "Klangteppich",
        "CouchSofa DJ set",
        date(2017, 12, 28),
        time(0, 0),
        time(3, 30),
    )
    assert (carpet.kind, carpet.type, carpet.venue.name) == (
        Kind.OTHER,
        "other",
        "Chaos West Stage",
    )
    # Room "", a duration of 55:23 (two days): venue TBA, start only, links written as text.
    games = festival.session("dc0e7415-23b1-4097-b9df-5f3e5f6e3670")
    assert (games.title, games.date, games.start, games.end, games.venue) == (
        "Lets play Hedgewars!",
        date(2017, 12, 27),
        time(12, 0),
        None,
        None,
    )
    assert (games.kind, games.type) == (Kind.OTHER, "game")
    assert [link.url for link in games.links] == [
        "https://github.com/c3d2/hedgewars_mods/wiki",
        "https://events.ccc.de/congress/2017/wiki/index.php/Session:Lets_play_Hedgewars!",
    ]


def test_lswt2019_static_site_field_by_field() -> None:
    festival = real("lswt2019.xml")
    assert (festival.name, festival.starts, festival.ends) == (
        "7th Leipzig Semantic Web Day",
        date(2019, 5, 22),
        date(2019, 5, 22),
    )
    welcome = festival.session("101")
    # One <person> under the event lists two: both kept (they were lost).
    assert welcome.people == (Person("Dr. Sebastian Tramp"), Person("Andreas Heinecke"))
    assert (welcome.title, welcome.date, welcome.start, welcome.end) == (
        "Welcome",
        date(2019, 5, 22),
        time(9, 0),
        time(9, 10),
    )
    assert (welcome.kind, welcome.type) == (Kind.TALK, None)  # no type: a talk
    teaching = festival.session("1011")
    assert [p.name for p in teaching.people] == [
        "Prof. Dr. Andreas Both",
        "Prof. Dr. Thomas Riechert",
        "Prof. Dr. Vera Meister",
    ]
    # The same break in two rooms at once: a session in each, ids from time and room.
    breaks = sorted(s.id for s in festival.sessions if s.title == "Kaffeepause und Postersession")
    assert breaks == [
        "997-20190522-1100-tutorials",
        "997-20190522-1100-vortrage",
        "999-20190522-1530-tutorials",
        "999-20190522-1530-vortrage",
    ]
    # 25 people in all, every one of whom was lost when only <persons> was read.
    assert sum(len(s.people) for s in festival.sessions) == 25


def test_lswt2021_iso_durations_field_by_field() -> None:
    festival = real("lswt2021.xml")
    assert festival.name == "9. Leipziger Semantic Web Tag"
    keynote = festival.session("102")
    assert (keynote.date, keynote.start, keynote.end) == (
        date(2021, 7, 7),
        time(9, 15),
        time(9, 55),  # P0Y0M0DT0H40M0.000S
    )
    assert keynote.people == (Person("Dr. Sonja Schimmler"),)
    assert keynote.venue.name == "Main Track"
    # No id (id=""): the slug, an address, makes it.
    dnb = next(s for s in festival.sessions if s.title.startswith("Linked Data Services"))
    assert dnb.id == "https-lswt2021-aksw-org-2c843503-2bef-445f-be9f-592cca880436"
    assert (dnb.start, dnb.end) == (time(11, 0), time(11, 15))
    assert dnb.people == (Person("Tracy Arndt"),)
    welcome = festival.session("101")  # an empty <duration>: the end is not known
    assert (welcome.title, welcome.start, welcome.end) == ("Begrüßung", time(9, 0), None)
    assert [p.name for p in welcome.people] == ["Sebastian Tramp", "Natanael Arndt"]


def test_pretalx_rc3_channels_field_by_field() -> None:
    festival = real("pretalx-rc3-channels.json")
    assert (festival.id, festival.name) == ("rc3-channels-2020", "rC3 Channels")
    gluon = festival.session("c3642671-4c1f-5109-81ba-0535c1cc8428")
    assert (gluon.title, gluon.date, gluon.start, gluon.end) == (
        "Der faule Admin automatisiert: Gluon auf echter Hardware testen",
        date(2020, 12, 27),
        time(11, 30),
        time(12, 10),
    )
    assert (gluon.kind, gluon.type, gluon.track) == (
        Kind.TALK,
        "Talk 30 min + 10min Q&A",
        "MON r3s Rhein VHS",
    )
    assert [p.name for p in gluon.people] == ["Chris Fiege", "Kasa"]
    assert gluon.url == "https://pretalx.rc3.studio/rc3-channels-2020/talk/MJA8QY/"
    # pretalx's Markdown, hand-wrapped with \r\n: each paragraph one line, links spelt out.
    assert gluon.description.startswith(
        "Eine wichtige Komponente von Freifunk ist die Verfügbarkeit von Firmware für viele "
        "Geräte. Diese Firmware basiert bei vielen Communities auf Gluon "
        "(https://gluon.readthedocs.io/)."
    )
    waffle = festival.session("1cd19e87-f488-5e5f-b782-4984dfff7859")
    assert (waffle.title, waffle.kind, waffle.type, waffle.venue.name) == (
        "State of the Waffle",
        Kind.OTHER,
        "Other",
        "Chaos-West TV - Ennepetal",
    )
    assert (waffle.start, waffle.end) == (time(20, 0), time(22, 0))
    assert "\r" not in "".join(s.description for s in festival.sessions)


def test_hub_38c3_second_version_field_by_field() -> None:
    festival = real("hub-38c3-schedule2.json")
    assert (festival.id, festival.name, festival.timezone) == (
        "38c3",
        "38C3",
        ZoneInfo("Europe/Berlin"),
    )
    assert [v.name for v in festival.venues] == [
        "Saal 1",
        "Saal GLITCH",
        "Saal ZIGZAG",
        "Stage HUFF",
        "Stage YELL",
    ]
    opening = festival.session("270fa44c-821a-577f-8ca3-33e8d4a8c2a7")
    assert (opening.title, opening.date, opening.start, opening.end) == (
        "38C3: Opening Ceremony",
        date(2024, 12, 27),
        time(10, 30),
        time(11, 0),
    )
    assert (opening.venue.guid, opening.track, opening.kind, opening.type) == (
        "ba692ba3-421b-5371-8309-60acc34a3c05",
        "CCC",
        Kind.OTHER,
        "OTHER",
    )
    assert opening.people == (
        Person("Gabriela Bogk", "speaker"),
        Person("Aline Blankertz", "speaker"),
        Person("Senficon", "contributor"),
    )
    assert opening.links[-2:] == (
        Link(
            "https://fahrplan.events.ccc.de/congress/2024/fahrplan/talk/HQCCYH/feedback/",
            "Feedback",
        ),
        Link("https://example.net/foo/bar/1235.pdf", "Slides"),
    )
    nfs = festival.session("b1740c2f-0c44-5f1b-89ed-456a9eecf0b8")
    assert (nfs.date, nfs.start, nfs.end, nfs.venue.name, nfs.track) == (
        date(2024, 12, 28),
        time(0, 15),
        time(0, 55),
        "Saal ZIGZAG",
        "Hardware & Making",
    )
    assert nfs.subtitle == "Most Wanted Using Deep Reinforcement Learning"
    assert nfs.people == (Person("Sebastian Schwarz", "speaker"),)


@needs_shared
def test_the_invalid_example_opens_whole_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The schema validator's "invalid" example was refused whole: its event id is text
    # ("2814"), its person's id too ("dsadf"), and it lists 1 day of the 3 it counts. None of
    # that stops its one event being placed, so it opens, and only the missing days (which
    # may mean the file is incomplete) are said.
    path = SHARED / "invalid-example.json"
    festival, problems = load_file(path)
    assert festival is not None
    assert [str(p) for p in problems] == [
        f"{path}:11: warning: conference: daysCount says 3 days but the file lists 1; "
        "what is listed is read (the file may be incomplete)",
    ]
    (session,) = festival.sessions
    assert (session.id, session.title) == (
        "7a0fc001-e587-47e1-b378-b6ec7e666337",
        "Internal Penetration Testing Basics",
    )
    assert [p.name for p in session.people] == ["Mänu"]
    assert (session.date, session.start, session.end) == (
        date(2022, 12, 28),
        time(14, 0),
        time(14, 45),
    )
    out = tmp_path / "winterchaos.toml"
    assert main(["import", str(path), "-o", str(out)]) == 0
    assert "Traceback" not in capsys.readouterr().err


@needs_shared
def test_the_whole_shared_folder_opens_none_skipped() -> None:
    from tui_guide.library.load import load_programme

    programme = load_programme([SHARED / name for name in SHARED_NAMES])
    assert sorted(f.id for f in programme.festivals) == [
        "33c3",
        "34c3",
        "37c3",
        "camp2019",
        "debconf23",
        "democon",
        "winterchaos2022",
    ]
    assert programme.skipped == ()
