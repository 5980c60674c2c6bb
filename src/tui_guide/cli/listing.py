"""`tui-guide list`: the programme as a table (or JSON or CSV, for scripts), in each
festival's local time, filtered."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui_guide.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    chosen_sessions,
    data_option,
    filter_options,
    load,
    report,
    unknown_festival,
)
from tui_guide.formats.listing import as_csv, as_json
from tui_guide.programme.clock import Clock
from tui_guide.programme.format import day_label, time_range, venue_label, zone_label
from tui_guide.programme.model import Festival, Session
from tui_guide.programme.text import printable


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "list",
        help="print the programme as a table, JSON or CSV",
        description="Print sessions in each festival's local time, filtered: as a table, or "
        "for scripts as JSON (every field) or CSV (a header row, then a row per session).",
    )
    data_option(parser)
    parser.add_argument(
        "--format",
        choices=["table", "json", "csv"],
        default="table",
        help="table (the default), json or csv; problems still go to standard error",
    )
    filter_options(parser)


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    programme = load(args)
    report(programme.problems, err, programme.skipped)
    if unknown_festival(programme, args.festival, err):
        return EXIT_PROBLEMS
    chosen = [(f, found) for f, found in chosen_sessions(programme, args) if found]
    if args.format == "json":
        sessions = [s for _, found in chosen for s in found]
        out.file.write(as_json([festival for festival, _ in chosen], sessions))
    elif args.format == "csv":
        out.file.write(as_csv(s for _, found in chosen for s in found))
    else:
        _tables(chosen, out, Clock(args.now))
    return EXIT_PROBLEMS if not programme.festivals else EXIT_OK


def _tables(chosen: list[tuple[Festival, list[Session]]], out: Console, clock: Clock) -> None:
    """A table for each festival with sessions to show; what an over session lacks is "not
    given", not "to be announced"."""
    for festival, sessions in chosen:
        moment = clock.now(festival.timezone)
        table = Table(
            title=Text(
                printable(
                    f"{festival.name} — {festival.city or 'place TBA'}, "
                    f"{zone_label(festival.timezone)}",
                    clip=True,
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
            over = session.is_past(moment)
            table.add_row(
                Text(day_label(session.date, over=over)),
                Text(time_range(session, over=over)),
                Text(printable(session.title, clip=True)),
                Text(session.kind.value),
                Text(printable(venue_label(session, over=over), clip=True)),
                Text(printable(", ".join(p.name for p in session.people), clip=True)),
            )
        out.print(table)
    if not chosen:
        out.print(Text("No sessions match."))
