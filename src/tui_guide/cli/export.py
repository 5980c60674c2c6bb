"""`tui-guide export --format ics`: the whole programme, or a filter of it, as a calendar."""

from __future__ import annotations

import argparse

from rich.console import Console

from tui_guide.cli.common import (
    EXIT_PROBLEMS,
    chosen_sessions,
    data_option,
    filter_options,
    load,
    output_option,
    protected,
    say,
    unknown_festival,
    write_output,
)
from tui_guide.formats.ics import calendar
from tui_guide.i18n import _
from tui_guide.programme.format import count
from tui_guide.programme.model import Session


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "export",
        help=_("write the programme (or a filter of it) as a calendar file"),
        description=_(
            "Write sessions as an iCalendar file, in each festival's time zone, "
            "filtered as `list` filters. Sessions with no date are left out (and named); "
            "sessions with no time are all-day events."
        ),
    )
    data_option(parser)
    parser.add_argument("--format", choices=["ics"], default="ics")
    output_option(parser)
    filter_options(parser)


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    programme = load(args)
    if not programme.festivals or unknown_festival(programme, args.festival, err):
        for problem in programme.problems:
            say(err, str(problem))
        return EXIT_PROBLEMS
    chosen = [s for _, found in chosen_sessions(programme, args) for s in found]
    sessions = sorted(chosen, key=Session.sort_key)  # a calendar in time order, as ever
    names = sorted({s.festival_id for s in sessions})
    festivals = [f.name for f in programme.festivals if f.id in names]
    result = calendar(sessions, name=" · ".join(festivals) or "tui-guide")
    written = count(result.events, "event")
    return write_output(args.output, result.data, written, result.notes, out, err, protected(args))
