"""The bundled programme against the news reports it is built from (../shared/seeds/*.txt).

The reports are the truth: these tests check facts they state, and that no person, venue or
country appears in the data without appearing in a report."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from tui_guide.library.load import load_programme
from tui_guide.library.sources import bundled_data
from tui_guide.programme import Festival, Kind, Programme, Session

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"

BAKU = "baku-cinema-breeze-2025"
KORKYT = "korkyt-ata-2025"
TURKSOY = "turksoy-film-leaders-2025"


@pytest.fixture(scope="module")
def programme() -> Programme:
    return load_programme([bundled_data()])


@pytest.fixture(scope="module")
def seeds() -> str:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not files:
        pytest.skip(f"the seed reports are not at {SEEDS}")
    return "\n".join(f.read_text(encoding="utf-8") for f in files)


def festival(programme: Programme, festival_id: str) -> Festival:
    found = programme.festival(festival_id)
    assert found is not None, festival_id
    return found


def one(programme: Programme, key: str) -> Session:
    found = programme.session(key)
    assert found is not None, key
    return found


def names(session: Session) -> list[str]:
    return [p.name for p in session.people]


def test_bundled_data_is_the_repositorys_data_folder() -> None:
    # From a source tree the bundled programme is data/; the packaging test covers the wheel.
    assert sorted(p.name for p in bundled_data().glob("*.toml")) == sorted(
        p.name for p in (REPO / "data").glob("*.toml")
    )


def test_bundled_data_validates(programme: Programme) -> None:
    assert [str(p) for p in programme.problems] == []
    assert programme.skipped == ()


def test_three_festivals_in_their_own_time_zones(programme: Programme) -> None:
    assert {f.id: f.timezone.key for f in programme.festivals} == {
        BAKU: "Asia/Baku",
        KORKYT: "Asia/Aqtau",
        TURKSOY: "Europe/Istanbul",
    }
    assert {f.id: f.city for f in programme.festivals} == {
        BAKU: "Baku",
        KORKYT: "Aktau",
        TURKSOY: "Istanbul",
    }


def test_every_festival_lists_its_sources(programme: Programme) -> None:
    for fest in programme.festivals:
        assert fest.sources, fest.id
        assert all(source.strip() for source in fest.sources)


def test_session_keys_stay_stable(programme: Programme) -> None:
    # Favourites are stored by these keys: renaming one loses people's favourites, so a change
    # here must be deliberate.
    assert sorted(s.key for s in programme.sessions) == [
        "baku-cinema-breeze-2025/ata-children-series-6-dec",
        "baku-cinema-breeze-2025/ata-children-series-7-dec",
        "baku-cinema-breeze-2025/ata-co-production-roundtable",
        "baku-cinema-breeze-2025/ata-masterclass-acting-for-animators",
        "baku-cinema-breeze-2025/ata-masterclass-animation-careers",
        "baku-cinema-breeze-2025/state-cooperation-panel",
        "korkyt-ata-2025/cooperation-memorandums",
        "turksoy-film-leaders-2025/azerbaijani-delegation-studio-meetings",
        "turksoy-film-leaders-2025/film-leaders-meeting",
        "turksoy-film-leaders-2025/joint-protocol-signing",
        "turksoy-film-leaders-2025/new-bridges-panel",
        "turksoy-film-leaders-2025/trt-pavilion-tour",
    ]


def test_the_two_masterclasses_on_7_december_at_14_at_yaradici(programme: Programme) -> None:
    at_hub = [
        s
        for s in programme.sessions
        if s.date == date(2025, 12, 7)
        and s.start == time(14, 0)
        and s.venue is not None
        and s.venue.name == "Yaradıcı Creative Hub"
    ]
    assert len(at_hub) == 2
    assert all(s.kind is Kind.MASTERCLASS and s.festival_id == BAKU for s in at_hub)
    by_people = {tuple(names(s)): s for s in at_hub}
    assert set(by_people) == {("Gurban Masimov",), ("Peter Nalli", "Matthew Lyon")}
    assert "acting techniques" in by_people[("Gurban Masimov",)].title.casefold()
    assert "animators" in by_people[("Gurban Masimov",)].title.casefold()
    assert "career in the animation industry" in (
        by_people[("Peter Nalli", "Matthew Lyon")].title.casefold()
    )
    for s in at_hub:
        assert s.starts_at is not None
        assert s.starts_at.isoformat() == "2025-12-07T14:00:00+04:00"


def test_the_ata_roundtable_on_9_december(programme: Programme) -> None:
    roundtables = [s for s in programme.sessions if s.kind is Kind.ROUNDTABLE]
    assert [(s.festival_id, s.date) for s in roundtables] == [(BAKU, date(2025, 12, 9))]
    (roundtable,) = roundtables
    assert "co-produc" in roundtable.title.casefold()
    assert roundtable.venue is None  # the report names no venue
    assert roundtable.start is None  # nor a time


def test_screenings_on_6_and_7_december(programme: Programme) -> None:
    screenings = [s for s in programme.sessions if s.kind is Kind.SCREENING]
    assert sorted(s.date for s in screenings) == [date(2025, 12, 6), date(2025, 12, 7)]
    for s in screenings:
        assert s.festival_id == BAKU
        assert set(s.countries) == {"Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Azerbaijan"}
        assert s.start is None and s.venue is None


def test_the_state_cooperation_panel(programme: Programme) -> None:
    panel = one(programme, f"{BAKU}/state-cooperation-panel")
    assert panel.kind is Kind.PANEL
    assert panel.venue is not None and panel.venue.name == "Baku Convention Center"
    # Trend's report of 9 December says the panel "has taken place", not on which day.
    assert panel.date is None
    roles = {p.name: p.role for p in panel.people}
    assert roles["Kamran Gasimov"] == "moderator"
    assert "Birol Güven" in roles
    assert {
        "Saadat Yusifova",
        "Zaur Gardashov",
        "Rashad Azizov",
        "Saira Raza",
        "Mamuka Bliadze",
        "Sayfullo Rajabov",
    } <= set(roles)
    assert set(panel.countries) == {
        "Azerbaijan",
        "Türkiye",
        "Uzbekistan",
        "Pakistan",
        "Georgia",
        "Italy",
    }


def test_the_turksoy_meeting_at_feriye_palace(programme: Programme) -> None:
    meeting = one(programme, f"{TURKSOY}/film-leaders-meeting")
    assert meeting.kind is Kind.MEETING
    assert meeting.venue is not None and meeting.venue.name == "Feriye Palace"
    people = {p.name: p for p in meeting.people}
    assert "Sultan Raev" in people
    assert "TURKSOY" in (people["Sultan Raev"].affiliation or "")
    assert meeting.date is None  # the report gives no date for the meeting


def test_the_new_bridges_panel_and_its_eight_people(programme: Programme) -> None:
    panel = one(programme, f"{TURKSOY}/new-bridges-panel")
    assert panel.title == "New Bridges in Joint Production between Turkiye and the Turkic World"
    assert panel.kind is Kind.PANEL
    assert names(panel) == [
        "Gurban Primov",
        "Ulan Adamaliev",
        "Asset Yernazarov",
        "Jumagali Kurmanbek",
        "Shukhratulla Rizayev",
        "Sahysalyh Bayramov",
        "Birol Guven",
        "Faruk Güven",
    ]


def test_no_session_has_an_end(programme: Programme) -> None:
    # No report gives the end of anything.
    assert [s.key for s in programme.sessions if s.end is not None] == []


def test_only_the_two_masterclasses_have_a_start_time(programme: Programme) -> None:
    assert sorted(s.key for s in programme.sessions if s.start is not None) == [
        f"{BAKU}/ata-masterclass-acting-for-animators",
        f"{BAKU}/ata-masterclass-animation-careers",
    ]


def test_every_session_date_is_one_a_report_gives(programme: Programme) -> None:
    assert sorted({s.date for s in programme.sessions if s.date is not None}) == [
        date(2025, 12, 6),
        date(2025, 12, 7),
        date(2025, 12, 9),
    ]


def test_every_person_appears_verbatim_in_a_report(programme: Programme, seeds: str) -> None:
    people = {p.name for s in programme.sessions for p in s.people}
    assert people, "the bundled data names people"
    assert sorted(name for name in people if name not in seeds) == []


def test_every_venue_appears_verbatim_in_a_report(programme: Programme, seeds: str) -> None:
    venues = {v.name for v in programme.venues}
    assert "Yaradıcı Creative Hub" in venues
    assert sorted(name for name in venues if name not in seeds) == []


def test_every_country_appears_in_a_report(programme: Programme, seeds: str) -> None:
    countries = {c for s in programme.sessions for c in s.countries}
    countries |= {f.country for f in programme.festivals}
    assert sorted(name for name in countries if name not in seeds) == []


def test_every_festival_name_appears_in_a_report(programme: Programme, seeds: str) -> None:
    assert sorted(f.name for f in programme.festivals if f.name not in seeds) == []
