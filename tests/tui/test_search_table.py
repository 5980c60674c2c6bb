"""What a visitor types, and the first hit they meant: through the palette's provider, over
the bundled programme and the real schedules in `../shared/schedules/` (skipped when that
folder is not there). The hits are taken in the palette's order: by score, then as yielded."""

from __future__ import annotations

import asyncio
from functools import cache
from pathlib import Path
from typing import Any, cast

import pytest

from tui_guide.favourites import Favourites
from tui_guide.library.load import load_programme
from tui_guide.library.sources import bundled_data
from tui_guide.programme.clock import Clock
from tui_guide.tui.app import GuideApp
from tui_guide.tui.providers.programme import Palette, ProgrammeCommands

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "schedules"
BUNDLED = "bundled"

TABLE = [
    # the bundled programme (three festivals)
    (BUNDLED, "masimov", "Gurban Masimov", "person"),  # not Kamran Gasimov, a fuzzy match
    (BUNDLED, "guven", "Birol Güven", "person"),
    (BUNDLED, "yaradici", "Yaradıcı Creative Hub", "venue"),
    (BUNDLED, "turkiye", "Türkiye", "country"),
    (BUNDLED, "korkyt", "Korkyt Ata International Film Festival of the Turkic World", "festival"),
    (BUNDLED, "ISTANBUL", "Second Meeting of Film Leaders from the Turkic World", "festival"),
    (BUNDLED, "baku", "Baku Cinema Breeze International Film Festival 2025", "festival"),
    (BUNDLED, "acting animators", "Acting techniques for animators", "session"),
    (BUNDLED, "masterclass series", "masterclass series", "tag"),
    (BUNDLED, "careers", "careers", "tag"),
    (BUNDLED, "career", "Building a successful career in the animation industry", "session"),
    # 37C3 (schedule.xml)
    ("37c3.xml", "climate", "Hacking the Climate", "session"),  # was eleventh
    ("37c3.xml", "saal 1", "Saal 1", "venue"),  # not "Sendezentrum Podcast Table (X12)"
    ("37c3.xml", "toniebox", "Toniebox Reverse Engineering", "session"),
    ("37c3.xml", "tonibox", "Toniebox Reverse Engineering", "session"),  # a typo: fuzzy
    ("37c3.xml", "fefe", "Fefe", "person"),
    ("37c3.xml", "hack space", "How to Hack Your Way to Space", "session"),
    ("37c3.xml", "ramirez", "Pedro A. Ramírez", "person"),
    ("37c3.xml", "buffered daemons", "Buffered Daemons", "session"),
    # 33C3 and 34C3 (frab schedule.json)
    ("33c3.json", "papercraft",
     "Making Technology Inclusive Through Papercraft and Sound", "session"),
    ("33c3.json", "bunnie", "bunnie", "person"),
    ("33c3.json", "saal g", "Saal G", "venue"),
    ("33c3.json", "wallroth", "Sebastian Wallroth", "person"),
    ("34c3.json", "relativitatstheorie", "Relativitätstheorie für blutige Anfänger", "session"),
    ("34c3.json", "wikidata", "Introduction to Wikidata", "session"),
    ("34c3.json", "saal adams", "Saal Adams", "venue"),
    ("34c3.json", "lynx", "LynX", "person"),
    # DebConf 23 (wafer schedule.xml)
    ("debconf23.xml", "installer", "A Guided Tour to Debian Installer Development", "session"),
    ("debconf23.xml", "tille", "Andreas Tille", "person"),
    ("debconf23.xml", "anamudi", "Anamudi", "venue"),
    ("debconf23.xml", "printing scanning",
     "The New Architecture for Printing and Scanning on Debian", "session"),
    # Camp 2019 and the pretalx demo (schedule.json)
    ("frab-camp2019.json", "fomu", "Fomu - an FPGA inside your USB port!", "session"),
    ("frab-camp2019.json", "mithro", "Tim 'mithro' Ansell", "person"),
    ("frab-camp2019.json", "pritlove", "Tim Pritlove", "person"),
    ("frab-camp2019.json", "meitner", "Meitner", "venue"),
    ("pretalx-democon.json", "loyalty", "Monitored 24hour customer loyalty", "session"),
    ("pretalx-democon.json", "gray room", "Gray Room", "venue"),
    ("pretalx-democon.json", "holly noble", "Holly Noble", "person"),
    # linux.conf.au 2020 (iCalendar)
    ("linux-conf-au-2020.ics", "oxer", "Jonathan Oxer", "person"),
    ("linux-conf-au-2020.ics", "arena", "Arena", "venue"),
    ("linux-conf-au-2020.ics", "input devices", "Affordable Custom Input Devices", "session"),
    ("linux-conf-au-2020.ics", "cloud manage", "Using a cloud to manage a cloud", "session"),
]  # fmt: skip


@cache
def palette(source: str) -> Palette:
    """The palette's index over `source`, built as the guide's worker builds it."""
    paths = [bundled_data()] if source == BUNDLED else [SHARED / source]
    app = GuideApp(load_programme(paths, cache=False), clock=Clock(None), favourites=Favourites())
    app.search_indexes.build_all()
    return app.search_indexes.palette()


def hits(source: str, query: str) -> list[str]:
    """The prompts of the provider's hits for `query`, in the palette's order."""
    provider = ProgrammeCommands(cast(Any, None))  # no screen: its index is handed to it
    provider._ready = palette(source)

    async def gather() -> list[Any]:
        return [hit async for hit in provider.search(query)]

    found = sorted(asyncio.run(gather()), key=lambda hit: hit.score, reverse=True)
    return [str(hit.prompt) for hit in found]


def test_the_table_is_big_enough() -> None:
    assert len(TABLE) >= 30
    assert len({(source, query) for source, query, *_ in TABLE}) == len(TABLE)


@pytest.mark.parametrize(
    ("source", "query", "label", "what"),
    [
        pytest.param(
            *row,
            id=f"{row[0]}:{row[1]}",
            marks=pytest.mark.skipif(
                row[0] != BUNDLED and not (SHARED / row[0]).is_file(),
                reason=f"the shared real schedules are not at {SHARED}",
            ),
        )
        for row in TABLE
    ],
)
def test_the_first_hit_is_the_one_meant(source: str, query: str, label: str, what: str) -> None:
    found = hits(source, query)
    assert found, query
    assert found[0] == f"{label}  {what}", found[:5]


def test_a_person_brings_their_sessions_and_the_count() -> None:
    found = hits(BUNDLED, "guven")
    assert found[:2] == ["Birol Güven  person", "Faruk Güven  person"]
    sessions = [f for f in found if f.endswith("  session")]
    assert len(sessions) == 2  # the sessions they are in, found by their names
    assert found[-1] == "All 2 sessions matching “guven”  search"


def test_a_common_word_gives_the_best_few_and_counts_them_all() -> None:
    found = hits(BUNDLED, "a")
    shown = palette(BUNDLED).search("a")
    assert len(found) == len(shown[0]) + 1 <= 41
    assert found[-1].startswith(f"All {shown[1]} sessions matching “a”")
