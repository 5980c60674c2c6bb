"""`tui-guide export --format ics`: the whole programme, or a filter of it, as a calendar."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from rich.console import Console

from ..export.ics import calendar
from ..programme.format import count
from ..programme.model import Kind
from ..programme.query import SessionFilter
from .common import EXIT_PROBLEMS, load, say, unknown_festival
from .favourites import write_output


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def add_parser(commands, data_option: Callable[[argparse.ArgumentParser], None]) -> None:
    parser = commands.add_parser(
        "export",
        help="write the programme (or a filter of it) as a calendar file",
        description="Write sessions as an iCalendar file, in each festival's time zone, "
        "filtered as `list` filters. Sessions with no date are left out (and named); "
        "sessions with no time are all-day events.",
    )
    data_option(parser)
    parser.add_argument("--format", choices=["ics"], default="ics")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE",
        help="the file to write ('-' for standard output)",
    )
    parser.add_argument("--festival", metavar="ID", help="only this festival (its id)")
    parser.add_argument("--day", type=_day, metavar="YYYY-MM-DD", help="only this local date")
    parser.add_argument("--venue", metavar="VENUE", help="only this venue (id or name)")
    parser.add_argument(
        "--kind",
        choices=[k.value for k in Kind],
        action="append",
        help="only this kind of session (repeatable)",
    )
    parser.add_argument("--search", metavar="TEXT", default="", help="only sessions matching")


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    programme = load(args)
    if not programme.festivals or unknown_festival(programme, args.festival, err):
        for problem in programme.problems:
            say(err, str(problem))
        return EXIT_PROBLEMS
    wanted = SessionFilter(
        festival=args.festival,
        day=args.day,
        venue=args.venue,
        kinds=frozenset(Kind(k) for k in args.kind or ()),
        search=args.search,
    )
    sessions = wanted.apply(programme.sessions)
    names = sorted({s.festival_id for s in sessions})
    festivals = [f.name for f in programme.festivals if f.id in names]
    result = calendar(sessions, name=" · ".join(festivals) or "tui-guide")
    return write_output(
        args.output, result.data, count(result.events, "event"), result.notes, out, err
    )
