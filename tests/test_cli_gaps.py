"""`favourites list` prints the free time between favourites and the sessions that fit."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_guide.cli import main
from tui_guide.favourites import Favourites

FESTIVAL = """\
[festival]
id = "gapfest"
name = "Gap Fest"
city = "Baku"
country = "Azerbaijan"
timezone = "Asia/Baku"

[[venues]]
id = "a"
name = "Hall A"

[[venues]]
id = "b"
name = "Hall B"
"""
ROWS = [
    ("morning", "Morning keynote", "09:00", "11:00", "a"),
    ("lunch", "Lunch talk", "14:00", "15:00", "a"),
    ("away", "Afternoon screening", "16:00", "17:00", "b"),
    ("panel", "Long panel", "11:00", "13:45", "a"),
    ("films", "Short film block", "11:30", "13:30", "b"),
    ("quick", "Quick talk", "15:15", "16:00", "b"),
]


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setenv("COLUMNS", "200")
    data = tmp_path / "fest.toml"
    data.write_text(
        FESTIVAL
        + "".join(
            f'\n[[sessions]]\nid = "{id}"\ntitle = "{title}"\nkind = "talk"\n'
            f'date = 2025-12-07\nstart = {start}:00\nend = {end}:00\nvenue = "{venue}"\n'
            for id, title, start, end, venue in ROWS
        ),
        "utf-8",
    )
    state = tmp_path / "state"
    store = Favourites(path=state / "favourites.sqlite3")
    for key in ("morning", "lunch", "away"):
        store.add(f"gapfest/{key}")
    store.close()
    return data, state


def test_list_prints_each_gap_with_the_sessions_that_fit(capsys, folders) -> None:
    data, state = folders
    code = main(["favourites", "list", "--data", str(data), "--state-dir", str(state)])
    out = capsys.readouterr().out
    assert code == 0
    tail = out[out.index("Free time between favourites") :].splitlines()
    assert tail == [
        "Free time between favourites, and what fits",
        "Sun 7 Dec  free 11:00–14:00, 3 h — after Morning keynote, before Lunch talk",
        "    11:00–13:45  Long panel · Hall A (15 min to spare)",
        "    11:30–13:30  Short film block · Hall B (30 min to spare)",
        "Sun 7 Dec  free 15:00–16:00, 45 min and 15 min to walk to Hall B — after Lunch talk, "
        "before Afternoon screening",
        "    15:15–16:00  Quick talk · Hall B (fills the gap)",
    ]


def test_no_gap_no_heading(capsys, folders) -> None:
    data, state = folders
    code = main(["favourites", "list", "--data", str(data), "--state-dir", str(state / "empty")])
    assert code == 0 and "Free time" not in capsys.readouterr().out
