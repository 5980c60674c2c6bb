"""What the guide says about the problems of a load, short enough for a notice: each skipped
file with its first problem, and for every other file only how many warnings it has (the
`validate` command lists them), the paths cut in the middle to fit."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tui_guide.programme.format import count
from tui_guide.programme.model import Problem
from tui_guide.programme.text import middle_cut, printable

MOST_FILES = 4
"""The files a notice names; the others are counted on a last line."""


def _where(problem: Problem, width: int) -> str:
    where = middle_cut(printable(str(problem.file)), width)
    if problem.line is not None:
        where += f":{problem.line}"
        if problem.column is not None:
            where += f":{problem.column}"
    return where


def load_notice(problems: Sequence[Problem], skipped: Sequence[Path], width: int) -> list[str]:
    """The notice's lines, none with a path longer than `width` (a notice's line): a skipped
    file's first problem in full, '36 warnings in 36c3.json: `tui-guide validate` lists
    them' for a file read with warnings."""
    by_file: dict[Path, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    lines = []
    for path in skipped:
        found = by_file.get(path, [])
        if not found:
            lines.append(f"{middle_cut(printable(str(path)), width)}: skipped")
            continue
        first = found[0]
        line = f"{_where(first, width)}: {printable(first.message)}"
        if len(found) > 1:
            line += f" (and {count(len(found) - 1, 'more problem')}: `tui-guide validate`)"
        lines.append(line)
    for path, found in by_file.items():
        if path in skipped:
            continue
        noun = "warning" if all(p.severity != "error" for p in found) else "problem"
        them = "it" if len(found) == 1 else "them"
        name = middle_cut(printable(path.name), width)
        lines.append(f"{count(len(found), noun)} in {name}: `tui-guide validate` lists {them}")
    if len(lines) > MOST_FILES:
        rest = len(lines) - MOST_FILES + 1
        lines = [*lines[: MOST_FILES - 1], f"… and {count(rest, 'more file')} with problems"]
    return lines
