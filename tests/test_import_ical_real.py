"""The iCalendar reader on real published calendars: the ones kept in `tests/data/ical/real/`
(see the README there) and linux.conf.au 2020 in `../shared/schedules/` beside the repository
(skipped, with the reason, when that folder is not there).

Each file is also read here on its own, with a few lines of plain text handling and no
icalendar, to count what it holds: every VEVENT must become one session (a repeating one,
one for each of its times) at the same instant, in its room, with its people and links;
nothing lost, nothing doubled.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr

from tui_guide.cli import main
from tui_guide.formats.load import load_file
from tui_guide.formats.schedule.read import read_schedule
from tui_guide.formats.toml.write import write_toml
from tui_guide.programme import Kind
from tui_guide.programme.model import Festival

REAL = Path(__file__).parent / "data" / "ical" / "real"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "schedules"
LCA = SHARED / "linux-conf-au-2020.ics"
FILES = [
    *sorted(REAL.glob("*.ics")),
    pytest.param(LCA, marks=pytest.mark.skipif(not LCA.is_file(), reason=f"no {LCA}")),
]


# --- the file read on its own -------------------------------------------------------------------


@dataclass
class Prop:
    params: str
    value: str

    def param(self, name: str) -> list[str]:
        found = re.search(rf'(?:^|;){name}=("[^"]*"|[^;:]*)', self.params, re.IGNORECASE)
        if not found:
            return []
        raw = found.group(1)
        parts = [raw] if raw.startswith('"') else raw.split(",")
        return [p.strip().strip('"').strip() for p in parts if p.strip()]


@dataclass
class Vevent:
    props: dict[str, list[Prop]] = field(default_factory=dict)

    def get(self, name: str) -> str:
        found = self.props.get(name)
        return text(found[0].value) if found else ""


def text(raw: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), raw)


def one_line(value: str) -> str:
    return " ".join(value.split())


def read_plainly(path: Path) -> tuple[dict[str, str], list[Vevent]]:
    """The calendar's properties and its VEVENTs, by unfolding and splitting lines."""
    lines: list[bytes] = []
    for raw in re.split(rb"\r\n|\n|\r", path.read_bytes()):
        if raw[:1] in (b" ", b"\t") and lines:
            lines[-1] += raw[1:]
        elif raw.strip():
            lines.append(raw)
    calendar: dict[str, str] = {}
    events: list[Vevent] = []
    depth = 0
    for line in (raw.decode("utf-8") for raw in lines):
        head, value = re.match(r'((?:[^":]|"[^"]*")*):(.*)', line).groups()
        name, _, params = head.partition(";")
        name = name.upper()
        if name == "BEGIN":
            depth += 1
            if depth == 2 and value.upper() == "VEVENT":
                events.append(Vevent())
        elif name == "END":
            depth -= 1
        elif depth == 1:
            calendar.setdefault(name, text(value).strip())
        elif depth == 2 and events:
            events[-1].props.setdefault(name, []).append(Prop(params, value))
    return calendar, events


def instant(prop: Prop, zone: ZoneInfo) -> datetime | date:
    value = prop.value.strip()
    if len(value) == 8:
        return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    moment = datetime.strptime(value.rstrip("Z"), "%Y%m%dT%H%M%S")
    if value.endswith("Z"):
        return moment.replace(tzinfo=UTC)
    tzid = prop.param("TZID")
    return moment.replace(tzinfo=ZoneInfo(tzid[0]) if tzid else zone)


def speakers(description: str) -> list[str]:
    for line in description.split("\n")[:3]:
        found = re.match(r"\s*Speakers?\s*:\s*(.+)", line)
        if found:
            return [n.strip() for n in re.split(r",| and | & ", found.group(1)) if n.strip()]
    return []


@dataclass
class Expected:
    uids: Counter[str]
    starts: Counter[datetime | date]  # aware instants, or dates for all-day events
    rooms: set[str]
    people: set[str]
    urls: int
    titles: Counter[str]
    calendar: dict[str, str]


def expected(path: Path, zone: ZoneInfo) -> Expected:
    calendar, events = read_plainly(path)
    found = Expected(Counter(), Counter(), set(), set(), 0, Counter(), calendar)
    organisers = {
        tuple(e.props["ORGANIZER"][0].param("CN")) for e in events if "ORGANIZER" in e.props
    }
    for event in events:
        starts = [instant(event.props["DTSTART"][0], zone)]
        if "RRULE" in event.props:  # the one repeating file: expanded by dateutil alone
            first = starts[0]
            written = event.props["RRULE"][0].value
            until = re.search(r"UNTIL=(\w+)", written).group(1)
            last = datetime.strptime(until, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            rule = rrulestr(re.sub(r";?UNTIL=\w+", "", written), dtstart=first.replace(tzinfo=None))
            starts = []
            for moment in rule:
                if moment.replace(tzinfo=first.tzinfo) > last:
                    break
                starts.append(moment.replace(tzinfo=first.tzinfo))
        for start in starts:
            found.uids[event.get("UID")] += 1
            found.starts[start] += 1
            found.titles[one_line(event.get("SUMMARY"))] += 1
            found.urls += bool(event.get("URL"))
        if room := one_line(event.get("LOCATION")):
            found.rooms.add(room)
        for attendee in event.props.get("ATTENDEE", []):
            found.people.update(attendee.param("CN"))
        found.people.update(speakers(event.get("DESCRIPTION")))
        if len(organisers) > 1 and "ORGANIZER" in event.props:
            found.people.update(event.props["ORGANIZER"][0].param("CN"))
    return found


def imported(path: Path) -> tuple[Festival, list[str]]:
    festival, problems = read_schedule(path, path.read_bytes())
    assert festival is not None, [str(p) for p in problems]
    assert all(p.severity == "warning" for p in problems)
    return festival, [p.message for p in problems]


# --- every file ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_event_is_one_session_at_its_time_in_its_room(path: Path) -> None:
    festival, _ = imported(path)
    want = expected(path, festival.timezone)
    sessions = festival.sessions
    assert len(sessions) == sum(want.uids.values())
    assert len({s.id for s in sessions}) == len(sessions)  # none lost, none doubled
    assert Counter(s.guid for s in sessions) == want.uids
    got_starts = Counter(s.starts_at or s.date for s in sessions)
    assert got_starts == want.starts
    assert {v.name for v in festival.venues} == want.rooms
    assert {p.name for s in sessions for p in s.people} == want.people
    assert sum(1 for s in sessions if s.url) == want.urls
    titles = Counter()
    for title, number in want.titles.items():
        titles[title or "Untitled event"] += number  # an empty SUMMARY, named
    assert Counter(s.title for s in sessions) == titles
    assert all(s.starts_at is None or s.starts_at.tzinfo == festival.timezone for s in sessions)
    if name := want.calendar.get("X-WR-CALNAME"):
        assert festival.name == one_line(name)
    if zone := want.calendar.get("X-WR-TIMEZONE"):
        assert festival.timezone == ZoneInfo(zone)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_what_is_written_loads_back_the_same(path: Path, tmp_path: Path) -> None:
    festival, _ = imported(path)
    out = tmp_path / f"{path.stem}.toml"
    out.write_text(write_toml(festival), encoding="utf-8")
    again, problems = load_file(out)
    assert problems == []
    assert dataclasses.replace(again, source_file=festival.source_file) == festival


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_import_then_validate_passes(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "festival.toml"
    assert main(["import", str(path), "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"Wrote {out}: ")
    assert main(["validate", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("OK: 1 festival, ") and captured.err == ""


# --- three events of each, field by field -------------------------------------------------------


def session(festival: Festival, guid: str, day: date | None = None):
    (found,) = [s for s in festival.sessions if s.guid == guid and day in (None, s.date)]
    return found


def when(s) -> tuple[date | None, time | None, time | None]:
    return (s.date, s.start, s.end)


@pytest.mark.skipif(not LCA.is_file(), reason=f"no {LCA}")
def test_linux_conf_au_2020() -> None:
    festival, warnings = imported(LCA)
    assert warnings == []
    assert (festival.id, festival.name) == ("linux-conf-au-2020", "linux.conf.au 2020")
    assert festival.timezone == ZoneInfo("Australia/Brisbane")
    assert (festival.starts, festival.ends) == (date(2020, 1, 12), date(2020, 1, 17))
    assert len(festival.days) == 6 and len(festival.venues) == 7  # as Giggity counts them
    welcome = session(festival, "94@lca2020.linux.org.au")
    assert welcome.id == "94-lca2020-linux-org-au"
    assert (welcome.title, when(welcome)) == (
        "Wednesday Welcome",
        (date(2020, 1, 15), time(9), time(9, 10)),
    )
    assert welcome.venue.name == "Arena" and [p.name for p in welcome.people] == ["Joel Addison"]
    assert welcome.description == "Opening Remarks and Housekeeping"  # its Speaker: line is people
    assert welcome.url == "http://lca2020.linux.org.au/schedule/presentation/221/"
    democracy = session(festival, "85@lca2020.linux.org.au")
    assert democracy.title == "Keynote: Who cares about Democracy?"
    assert when(democracy) == (date(2020, 1, 16), time(9, 10), time(10, 10))
    assert [p.name for p in democracy.people] == ["A/Prof Vanessa Teague"]
    assert democracy.description.startswith("I'll begin with analysis of the Swiss e-voting")
    breakfast = session(festival, "201@lca2020.linux.org.au")
    assert when(breakfast) == (date(2020, 1, 14), time(7), time(9))
    assert breakfast.venue.name == "Room 5" and breakfast.people == ()
    # HTML made plain; a relative link has no address to show.
    assert breakfast.description == (
        "Women of Open Technology Breakfast, Presented by ThoughtWorks\n\n"
        "Only for attendees with a ticket.\n\nGold Coast Convention and Exhibition Centre, Room 5"
    )


def test_kielux_2020() -> None:
    festival, warnings = imported(REAL / "kielux-2020.ics")
    assert festival.name == "18. Kieler Open Source und Linux Tage"
    assert festival.timezone == ZoneInfo("UTC")  # the file names none: said, and UTC kept
    assert warnings == [
        "the file names no time zone and gives its times in UTC: the festival's zone is taken "
        "as UTC (give --timezone to name the real one)"
    ]
    hub = session(festival, "460@KOLT20")
    assert (hub.title, when(hub)) == (
        "OpenCelium - Der generische OpenSoure API-Hub",
        (date(2020, 9, 18), time(11), time(12)),
    )
    assert (hub.venue.name, [p.name for p in hub.people]) == ("Ravensberg", ["Jakob Semere"])
    assert hub.description.startswith("von: Jakob Semere\n\nSie möchten wertvolle Daten")
    assert hub.url == "https://kielux.de/programm/KOLT20#460"
    xen = session(festival, "467@KOLT20")
    assert [p.name for p in xen.people] == ["Jürgen Groß"]
    assert "Xen war lange Zeit die Plattform" in xen.description  # <i> made plain
    writer = session(festival, "468@KOLT20")
    assert (writer.venue.name, when(writer)) == ("Laboe", (date(2020, 9, 19), time(12), time(14)))


def test_jres_2022() -> None:
    festival, warnings = imported(REAL / "jres-2022.ics")
    assert warnings == []
    assert (festival.id, festival.name) == ("jres-2021-22", "JRES 2021/22")
    assert festival.timezone == ZoneInfo("Europe/Paris")
    assert len(festival.days) == 4
    welcome = session(festival, "presentation_94@conf-ng.jres.org")
    assert (welcome.title, welcome.venue.name) == ("Accueil congressistes", "Accueil Parc Chanot")
    assert when(welcome) == (date(2022, 5, 17), time(11), time(12, 30))
    geo = session(festival, "presentation_129@conf-ng.jres.org")
    assert geo.title.startswith("182 - Numérique : Enjeux géopolitiques")
    assert geo.venue.name == "Amphithéâtre 1600"
    assert geo.description.startswith("Les interdépendances du monde numérique commencent")
    # Folded in the middle of "d’" (three bytes): read whole.
    assert any("d’exploitation" in s.description for s in festival.sessions)
    moodle = session(festival, "presentation_3@conf-ng.jres.org")
    assert (moodle.venue.name, when(moodle)) == (
        "Salle Endoume",
        (date(2022, 5, 17), time(16, 30), time(17, 10)),
    )


def test_pyconau_2023_a_pretalx_export() -> None:
    festival, warnings = imported(REAL / "pyconau-2023.ics")
    assert warnings == ['the calendar has no name (X-WR-CALNAME); it is named "pyconau-2023"']
    assert festival.timezone == ZoneInfo("Australia/Adelaide")
    geo = session(festival, "pretalx-pyconau-2023-ZNMZYW@pretalx.com")
    assert geo.id == "pretalx-pyconau-2023-znmzyw-pretalx-com"
    assert geo.title.startswith("Unpacking the geospatial engineering toolbox – an overview")
    assert geo.title.endswith(" - Long Dang, Christine Seeliger")  # pretalx: speakers in it
    assert (geo.venue.name, when(geo)) == (
        "Hall C (Plenary)",
        (date(2023, 8, 18), time(10), time(10, 30)),
    )
    assert "buildings' shapes and locations, in order to solve" in geo.description
    assert geo.url == "https://pretalx.com/pyconau-2023/talk/ZNMZYW/"
    opening = session(festival, "pretalx-pyconau-2023-EJWEMK@pretalx.com")
    assert when(opening) == (date(2023, 8, 18), time(9), time(9, 20))
    assert opening.starts_at.utcoffset() == timedelta(hours=9, minutes=30)
    bio = session(festival, "pretalx-pyconau-2023-TX9KTX@pretalx.com")
    assert (bio.title, bio.venue.name) == (
        "Building a biological database with Python - Alan Rubin",
        "Hall E",
    )


def test_pyconuk_2015_empty_summaries_and_a_uid_twice() -> None:
    festival, warnings = imported(REAL / "pyconuk-2015.ics")
    assert festival.name == "PyCon UK 2015 Schedule" and festival.timezone == ZoneInfo("UTC")
    assert sum("no SUMMARY (title)" in w for w in warnings) == 4
    assert sum(s.title == "Untitled event" for s in festival.sessions) == 4
    twice = [s for s in festival.sessions if s.guid.startswith("20160417T070217Z-58703@")]
    assert len(twice) == 2 and len({s.id for s in twice}) == 2
    gil = next(s for s in festival.sessions if s.title.startswith("Python's Infamous GIL"))
    assert gil.title == "Python's Infamous GIL (talk by Larry Hastings)"
    assert (gil.venue.name, when(gil)) == (
        "PythonAnywhere Room (CC1.3)",
        (date(2015, 9, 18), time(10, 30), time(11)),
    )
    assert gil.url == "http://www.pyconuk.org/talks/pythons-infamous-gil/"
    keynote = next(s for s in festival.sessions if s.title.startswith("Keynote: Van Lindberg"))
    assert keynote.title == "Keynote: Van Lindberg, PSF Chair"
    registration = festival.sessions[0]
    assert (registration.title, when(registration)) == (
        "Registration / Breakfast",
        (date(2015, 9, 18), time(7), time(8, 30)),
    )


def test_nightlybuild_2014_and_cucai() -> None:
    nightly, warnings = imported(REAL / "nightlybuild-2014.ics")
    assert warnings == []
    (conference,) = nightly.sessions
    assert (conference.title, when(conference)) == (
        "nightlybuild.io Conference",
        (date(2014, 9, 26), time(18, 30), time(23)),
    )
    assert conference.venue.name.startswith("LOCATION:Kölner Künstler Theater, Grüner Weg 5")
    cucai, warnings = imported(REAL / "cucai-2021.ics")
    assert warnings == [] and cucai.timezone == ZoneInfo("America/Toronto")
    one = session(cucai, "28r5a1mhep9dqr69fegt2tha7j@google.com")
    assert (one.title, one.venue.name, one.description, when(one)) == (
        "Event One",
        "Here",
        "1",
        (date(2021, 3, 6), time(12), time(13)),  # 17:00 UTC
    )
    assert one.kind is Kind.TALK
