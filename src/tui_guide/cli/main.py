"""The command line: the parser, and a module per subcommand that adds its options and runs it.

`tui-guide` with no subcommand opens the guide (`guide.py`)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from types import ModuleType

from rich.console import Console

from tui_guide.cli import (
    changes,
    export,
    favourites,
    fetching,
    guide,
    importing,
    listing,
    validate,
)
from tui_guide.cli.common import data_option, minutes, state_dir_option
from tui_guide.programme.rules import FIRST_YEAR, LAST_YEAR

# Each subcommand's module, by the names it adds: `add_parser(commands)`, `run(args, out, err)`.
SUBCOMMANDS: dict[str, ModuleType] = {
    "validate": validate,
    "list": listing,
    "import": importing,
    "add": fetching,
    "refresh": fetching,
    "favourites": favourites,
    "export": export,
    "changes": changes,
}


def _moment(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date and time such as 2025-12-07T14:10: {value!r}"
        ) from None
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(f"{value!r} is out of range (years 1900 to 2999)")
    return moment


class _Version(argparse.Action):
    """--version, looking the version up only when asked (importlib.metadata is slow to
    import, and every start would pay for it)."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        from tui_guide import __version__

        print(f"{parser.prog} {__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tui-guide",
        description="An offline terminal guide to festival programmes. "
        "With no command, opens the guide.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    data_option(parser, top=True)
    parser.add_argument(
        "--now",
        type=_moment,
        metavar="YYYY-MM-DDTHH:MM",
        help="freeze the clock at this moment (in each festival's own time zone unless an "
        "offset is given), for demos and tests",
    )
    state_dir_option(parser, top=True)
    parser.add_argument("--favourites", type=Path, help=argparse.SUPPRESS)  # deprecated
    parser.add_argument(
        "--remind",
        type=minutes,
        default=10,
        metavar="MINUTES",
        help="notify when a favourite starts within this many minutes (default 10; 0: never; "
        "at most 10080, a week)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in dict.fromkeys(SUBCOMMANDS.values()):  # each once, in the order above
        module.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    out = Console(highlight=False, markup=False, emoji=False)
    err = Console(stderr=True, highlight=False, markup=False, emoji=False)
    try:
        run = SUBCOMMANDS[args.command].run if args.command else guide.run
        return int(run(args, out, err))
    except KeyboardInterrupt:
        return 130
