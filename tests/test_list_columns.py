"""`tui-guide list` sizes its columns by their content, titles first: at 80 columns no word
of a title is split on the bundled programme, nor on a real congress export's first rows."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tui_guide.cli.columns import fit_widths

TUI_GUIDE = Path(sys.executable).parent / "tui-guide"


def test_fixed_columns_keep_their_width_and_titles_are_served_first() -> None:
    headers = ("Time", "Title", "People")
    rows = [("14:00–15:30", "A rather long title of a session", "Ada Lovelace")]
    widths = fit_widths(headers, rows, 62, growing=(1, 2))
    assert widths[0] == len("14:00–15:30")
    assert widths[1] == len(rows[0][1])  # the title whole, before the people's room
    assert sum(widths) + 3 * 3 + 1 <= 62


def test_short_of_room_every_longest_word_still_fits_where_it_can() -> None:
    headers = ("Date", "Title", "Venue", "People")
    rows = [("Sun 7 Dec", "Acting techniques for animators", "Yaradıcı Creative Hub", "Gurban")]
    widths = fit_widths(headers, rows, 50, growing=(1, 2, 3, 0), whole=(0,))
    assert widths[0] == len("Sun 7 Dec")
    assert widths[1] >= len("techniques") and widths[2] >= len("Yaradıcı")
    assert sum(widths) + 3 * 4 + 1 <= 50


def test_a_time_with_a_note_may_put_the_note_under_it() -> None:
    rows = [("23:30–01:00 (+1 day)", "x")]
    widths = fit_widths(("Time", "Title"), rows, 40, growing=(1, 0), whole=(0,))
    assert widths[0] == len("23:30–01:00 (+1 day)")  # room enough: whole
    widths = fit_widths(("Time", "Title"), rows, 23, growing=(1, 0), whole=(0,))
    assert widths[0] >= len("23:30–01:00")


def list_at_80(*args: str) -> str:
    done = subprocess.run(
        [str(TUI_GUIDE), "list", *args],
        capture_output=True,
        text=True,
        env={"COLUMNS": "80", "PATH": "", "TUI_GUIDE_CACHE": "off", "TZ": "UTC"},
        check=False,
    )
    return done.stdout


def title_cells(table: str) -> list[str]:
    return [row.split("│")[3].strip() for row in table.splitlines() if row.startswith("│")]


def test_no_word_of_a_bundled_title_is_split_at_80() -> None:
    table = list_at_80()
    assert table, "list printed nothing"
    assert max(len(line) for line in table.splitlines()) <= 80
    words = {w for line in title_cells(table) for w in line.split()}
    assert "Children's" in words and "techniques" in words
    assert not any(re.fullmatch(r"[a-z]+", w) and w + "s" in words for w in words)
