"""`tui-guide validate`: check programme files and report every problem with its line."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.text import Text

from tui_guide.cli.common import EXIT_OK, EXIT_PROBLEMS, data_of, data_option, report
from tui_guide.library.load import load_programme
from tui_guide.library.sources import data_paths
from tui_guide.programme.format import count


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "validate",
        help="check programme files and report every problem",
        description="Check programme files and report every problem with file and line. "
        "Exits 0 when all is well, 2 otherwise.",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    data_option(parser)


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    paths = data_paths([*args.paths, *data_of(args)])
    programme = load_programme(paths, timezone=args.timezone)
    report(programme.problems, err, programme.skipped)
    if programme.errors:
        summary = count(len(programme.errors), "problem")
        if programme.skipped:
            summary += f" in {count(len(programme.skipped), 'file')}"
        err.print(Text(summary), soft_wrap=True)
        return EXIT_PROBLEMS
    out.print(
        Text(
            f"OK: {count(len(programme.festivals), 'festival')}, "
            f"{count(len(programme.venues), 'venue')}, "
            f"{count(len(programme.sessions), 'session')}"
        ),
        soft_wrap=True,
    )
    return EXIT_OK
