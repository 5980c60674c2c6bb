"""The command line: `tui-guide` (the guide), `tui-guide validate`, `tui-guide list`; the
other subcommands (`import`, `add`, `refresh`, `favourites`, `export`) live in commands/."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .commands import export as export_command
from .commands import favourites as favourites_command
from .commands import importing
from .commands.common import (
    filter_options,
    minutes,
    open_store,
    session_filter,
    state_dir_option,
    unknown_festival,
)
from .programme import Programme, load_programme
from .programme.format import count, day_label, time_range
from .programme.loader import FIRST_YEAR, LAST_YEAR
from .programme.sources import DATA_ENV, data_paths
from .programme.text import printable

EXIT_OK = 0
EXIT_PROBLEMS = 2


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
        from . import __version__

        print(f"{parser.prog} {__version__}")
        parser.exit()


def _data_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # Before and after the subcommand --data lands in two lists, joined by `_data`: argparse
    # would otherwise let the subcommand's list replace the main one.
    parser.add_argument(
        "--data",
        action="append",
        type=Path,
        metavar="PATH",
        dest="data" if top else "sub_data",
        default=None,
        help=f"a programme folder or file to load instead of the bundled one "
        f"(repeatable; also ${DATA_ENV})",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tui-guide",
        description="An offline terminal guide to festival programmes. "
        "With no command, opens the guide.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    _data_option(parser, top=True)
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
        help="notify when a favourite starts within this many minutes (default 10; 0: never)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check programme files and report every problem",
        description="Check programme files and report every problem with file and line. "
        "Exits 0 when all is well, 2 otherwise.",
    )
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    _data_option(validate, top=False)

    listing = commands.add_parser(
        "list",
        help="print the programme as a table",
        description="Print sessions in each festival's local time, filtered.",
    )
    _data_option(listing, top=False)
    filter_options(listing)
    importing.add_parsers(commands)
    favourites_command.add_parser(commands, lambda p: _data_option(p, top=False))
    export_command.add_parser(commands, lambda p: _data_option(p, top=False))
    return parser


def _data(args: argparse.Namespace) -> list[Path]:
    """Every --data given, before the subcommand and after it, in order."""
    return [*(args.data or ()), *(getattr(args, "sub_data", None) or ())]


def _report(programme: Programme, err: Console) -> None:
    for problem in programme.problems:
        err.print(Text(printable(str(problem))), soft_wrap=True)
    for path in programme.skipped:
        err.print(Text(printable(f"{path}: skipped (see the problems above)")), soft_wrap=True)


def _validate(args: argparse.Namespace, out: Console, err: Console) -> int:
    programme = load_programme(data_paths([*args.paths, *_data(args)]))
    _report(programme, err)
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


def _list(args: argparse.Namespace, out: Console, err: Console) -> int:
    programme = load_programme(data_paths(_data(args)))
    _report(programme, err)
    wanted = session_filter(args, programme.sessions)
    if unknown_festival(programme, args.festival, err):
        return EXIT_PROBLEMS
    shown_any = False
    for festival in programme.festivals:
        sessions = wanted.apply(festival.sessions)
        if not sessions:
            continue
        shown_any = True
        table = Table(
            title=Text(
                printable(
                    f"{festival.name} — {festival.city or 'place TBA'}, {festival.timezone.key}"
                )
            ),
            title_justify="left",
            expand=True,
        )
        for column in ("Date", "Time", "Title", "Kind", "Venue", "People"):
            # Dates, times and kinds stay on one line; the prose columns share what is left.
            wraps = column in ("Title", "Venue", "People")
            table.add_column(
                column,
                overflow="fold",
                no_wrap=not wraps,
                ratio={"Title": 3, "Venue": 2, "People": 2}.get(column),
            )
        for session in sessions:
            table.add_row(
                Text(day_label(session.date)),
                Text(time_range(session)),
                Text(printable(session.title)),
                Text(session.kind.value),
                Text(printable(session.venue.name) if session.venue else "Venue TBA"),
                Text(printable(", ".join(p.name for p in session.people))),
            )
        out.print(table)
    if not shown_any:
        out.print(Text("No sessions match."))
    return EXIT_PROBLEMS if not programme.festivals else EXIT_OK


def _guide(args: argparse.Namespace, err: Console) -> int:
    from .load_status import LoadStatus
    from .tui.app import run_guide  # Textual is imported only when the guide opens

    with LoadStatus(err) as status:  # on a terminal, when the load takes a while
        programme = load_programme(data_paths(_data(args)), progress=status)
    if not programme.festivals:
        _report(programme, err)
        err.print(Text("No festival could be loaded; nothing to show."))
        return EXIT_PROBLEMS
    favourites = open_store(args, err)
    try:
        return run_guide(programme, favourites=favourites, now=args.now, remind=args.remind)
    finally:
        favourites.close()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    out = Console(highlight=False, markup=False, emoji=False)
    err = Console(stderr=True, highlight=False, markup=False, emoji=False)
    try:
        if args.command == "validate":
            return _validate(args, out, err)
        if args.command == "list":
            return _list(args, out, err)
        if args.command in importing.COMMANDS:
            return importing.run(args, out, err)
        if args.command == "favourites":
            return favourites_command.run(args, out, err)
        if args.command == "export":
            return export_command.run(args, out, err)
        return _guide(args, err)
    except KeyboardInterrupt:
        return 130
