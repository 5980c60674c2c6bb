"""The load notice: a skipped file's first problem, a count for a file read with warnings,
no path longer than a notice's line."""

from __future__ import annotations

from pathlib import Path

from tui_guide.programme.model import Problem
from tui_guide.programme.notices import MOST_FILES, load_notice

LONG = Path("/home/someone/Downloads/congress/exports/2019/36c3.json")


def warning(path: Path, n: int) -> Problem:
    return Problem(path, f"event {n} has no room, skipped", line=n, severity="warning")


def test_warnings_of_a_file_read_are_counted_not_listed() -> None:
    problems = [warning(LONG, n) for n in range(36)]
    assert load_notice(problems, [], 40) == [
        "36 warnings in 36c3.json: `tui-guide validate` lists them"
    ]
    assert load_notice(problems[:1], [], 40) == [
        "1 warning in 36c3.json: `tui-guide validate` lists it"
    ]


def test_a_skipped_file_shows_its_first_problem_with_the_path_cut_in_the_middle() -> None:
    problems = [Problem(LONG, "not JSON", line=3, column=8), Problem(LONG, "no events")]
    (line,) = load_notice(problems, [LONG], 30)
    assert (
        line == "/home/someone/…/36c3.json:3:8: not JSON (and 1 more problem: `tui-guide validate`)"
    )
    assert len(line.split(":")[0]) <= 30


def test_many_files_end_in_a_count() -> None:
    paths = [Path(f"f{n}.json") for n in range(MOST_FILES + 3)]
    lines = load_notice([warning(p, 1) for p in paths], [], 40)
    assert len(lines) == MOST_FILES
    assert lines[-1] == "… and 4 more files with problems"


def test_control_characters_in_a_file_name_are_made_visible() -> None:
    (line,) = load_notice([warning(Path("evil\x1b[2J.json"), 1)], [], 40)
    assert "\x1b" not in line and "␛" in line
