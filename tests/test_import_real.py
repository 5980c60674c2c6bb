"""The importer on real published schedules, from `../shared/schedules/` beside the
repository (skipped, with the reason, when that folder is not there).

Each file is also read here independently (xml.etree, json) to count what it holds: every
event must become exactly one session, at the same instant, in its room, for its duration.
"""

from __future__ import annotations

import dataclasses
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tui_guide.cli import main
from tui_guide.formats.load import load_file
from tui_guide.formats.schedule.read import read_schedule
from tui_guide.formats.schedule.values import duration
from tui_guide.formats.toml.write import write_toml
from tui_guide.programme import Kind
from tui_guide.programme.model import Festival, Link

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "schedules"
VALID = ["37c3.xml", "debconf23.xml", "frab-camp2019.json", "pretalx-democon.json"]

pytestmark = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"the shared real schedules are not at {SHARED}"
)


@dataclass(frozen=True)
class Expected:
    """One event as the file itself says it."""

    guid: str
    title: str
    room: str
    starts: datetime
    duration: timedelta


def expected_events(path: Path) -> tuple[list[Expected], set[str], int]:
    """Every event, the rooms and the number of days, read straight from the file."""
    events: list[Expected] = []
    if path.suffix == ".xml":
        root = ET.parse(path).getroot()
        days = root.findall("day")
        rooms = {r.get("name") for r in root.iter("room") if r.get("name")}
        for element in root.iter("event"):
            events.append(
                Expected(
                    element.get("guid"),
                    element.findtext("title").strip(),
                    element.findtext("room"),
                    datetime.fromisoformat(element.findtext("date")),
                    duration(element.findtext("duration")),
                )
            )
    else:
        conference = json.loads(path.read_text("utf-8"))["schedule"]["conference"]
        days = conference["days"]
        rooms = {r["name"] for r in conference.get("rooms", ())}
        for day in days:
            for room, room_events in day["rooms"].items():
                rooms.add(room)
                for raw in room_events:
                    events.append(
                        Expected(
                            raw["guid"],
                            raw["title"].strip(),
                            raw["room"],
                            datetime.fromisoformat(raw["date"]),
                            duration(raw["duration"]),
                        )
                    )
    rooms |= {e.room for e in events}
    return events, rooms, len(days)


def imported(name: str) -> Festival:
    path = SHARED / name
    festival, problems = read_schedule(path, path.read_bytes())
    assert festival is not None, [str(p) for p in problems]
    assert problems == [], [str(p) for p in problems]
    return festival


@pytest.fixture(params=VALID)
def real(request: pytest.FixtureRequest) -> Iterator[tuple[str, Festival]]:
    yield request.param, imported(request.param)


def test_every_event_becomes_one_session_in_its_room_at_its_time(
    real: tuple[str, Festival],
) -> None:
    name, festival = real
    events, rooms, day_count = expected_events(SHARED / name)
    assert len(festival.sessions) == len(events)
    assert len({s.id for s in festival.sessions}) == len(events)  # none lost, none doubled
    assert sorted(s.guid for s in festival.sessions) == sorted(e.guid for e in events)
    assert {v.name for v in festival.venues} == rooms
    assert len(festival.venues) == len(rooms)
    by_guid = {s.guid: s for s in festival.sessions}
    for event in events:
        session = by_guid[event.guid]
        assert session.title == " ".join(event.title.split())
        assert session.venue is not None and session.venue.name == event.room
        assert session.starts_at == event.starts, event
        assert session.starts_at.tzinfo == festival.timezone
        if event.duration:
            assert session.ends_at - session.starts_at == event.duration, event
    # The days: the festival's local dates of the file's events, each a day of the guide.
    local_days = {e.starts.astimezone(festival.timezone).date() for e in events}
    assert {s.date for s in festival.sessions} == local_days
    assert local_days <= set(festival.days)
    assert len(festival.days) >= day_count


def test_what_is_written_loads_back_the_same(real: tuple[str, Festival], tmp_path: Path) -> None:
    name, festival = real
    out = tmp_path / f"{Path(name).stem}.toml"
    out.write_text(write_toml(festival), encoding="utf-8")
    again, problems = load_file(out)
    assert problems == []
    assert dataclasses.replace(again, source_file=festival.source_file) == festival


@pytest.mark.parametrize("name", VALID)
def test_import_then_validate_passes(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "festival.toml"
    assert main(["import", str(SHARED / name), "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"Wrote {out}: ")
    assert main(["validate", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("OK: 1 festival, ")
    assert captured.err == ""


def test_37c3_field_by_field() -> None:
    festival = imported("37c3.xml")
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


def test_debconf23_field_by_field() -> None:
    festival = imported("debconf23.xml")
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


def test_camp2019_field_by_field() -> None:
    festival = imported("frab-camp2019.json")
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


def test_pretalx_democon_field_by_field() -> None:
    festival = imported("pretalx-democon.json")
    # The file names UTC as its zone and writes its times at +01:00: the instant is kept.
    assert festival.timezone == ZoneInfo("UTC")
    talk = festival.session("8079583e-8321-506c-95af-fd2903a5f075")
    assert (talk.title, talk.date, talk.start, talk.end) == (
        "Focused 5thgeneration hardware",
        date(2020, 12, 14),
        time(8, 0),
        time(8, 30),
    )
    assert talk.venue.name == "Gray Room"
    assert talk.track == "Phased" and talk.kind is Kind.TALK and talk.tags == ("en",)
    assert talk.type == "Talk"
    assert [p.name for p in talk.people] == ["Brian Robinson"]
    assert talk.url == "http://localhost/democon/talk/G9JGWY/"


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


def test_the_whole_shared_folder_opens_none_skipped() -> None:
    from tui_guide.library.load import load_programme

    programme = load_programme([SHARED / name for name in [*VALID, "invalid-example.json"]])
    assert sorted(f.id for f in programme.festivals) == [
        "37c3",
        "camp2019",
        "debconf23",
        "democon",
        "winterchaos2022",
    ]
    assert programme.skipped == ()
