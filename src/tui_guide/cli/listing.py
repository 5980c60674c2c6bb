"""`tui-guide list`: the programme as a table, in each festival's local time, filtered."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui_guide.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    data_option,
    filter_options,
    load,
    report,
    search_index,
    session_filter,
    unknown_festival,
)
from tui_guide.programme.format import day_label, time_range, zone_label
from tui_guide.programme.text import printable


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "list",
        help="print the programme as a table",
        description="Print sessions in each festival's local time, filtered.",
    )
    data_option(parser)
    filter_options(parser)


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    programme = load(args)
    report(programme.problems, err, programme.skipped)
    wanted = session_filter(args)
    index = search_index(args, programme.sessions)
    if unknown_festival(programme, args.festival, err):
        return EXIT_PROBLEMS
    shown_any = False
    for festival in programme.festivals:
        sessions = wanted.apply(festival.sessions, index)
        if not sessions:
            continue
        shown_any = True
        table = Table(
            title=Text(
                printable(
                    f"{festival.name} — {festival.city or 'place TBA'}, "
                    f"{zone_label(festival.timezone)}"
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
