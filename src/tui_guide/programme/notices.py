"""What the guide says about the problems of a load, short enough for a notice: each skipped
file with its first problem, and for every other file only how many warnings it has (the
`validate` command lists them), the paths cut in the middle to fit."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tui_guide.i18n import _, ngettext
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
            name = middle_cut(printable(str(path)), width)
            lines.append(_("{file}: skipped").format(file=name))
            continue
        first = found[0]
        line = f"{_where(first, width)}: {printable(first.message)}"
        if len(found) > 1:
            line += ngettext(
                " (and {n} more problem: `tui-guide validate`)",
                " (and {n} more problems: `tui-guide validate`)",
                len(found) - 1,
            )
        lines.append(line)
    for path, found in by_file.items():
        if path in skipped:
            continue
        name = middle_cut(printable(path.name), width)
        if all(p.severity != "error" for p in found):
            line = ngettext(
                "{n} warning in {file}: `tui-guide validate` lists it",
                "{n} warnings in {file}: `tui-guide validate` lists them",
                len(found),
            )
        else:
            line = ngettext(
                "{n} problem in {file}: `tui-guide validate` lists it",
                "{n} problems in {file}: `tui-guide validate` lists them",
                len(found),
            )
        lines.append(line.format(file=name))
    if len(lines) > MOST_FILES:
        rest = len(lines) - MOST_FILES + 1
        more = ngettext(
            "… and {n} more file with problems", "… and {n} more files with problems", rest
        )
        lines = [*lines[: MOST_FILES - 1], more]
    return lines
