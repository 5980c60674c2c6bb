"""`tui-guide list`: the programme as a table (or JSON or CSV, for scripts), in each
festival's local time, filtered."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui_guide.cli.columns import fit_widths
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
from tui_guide.i18n import N_, _
from tui_guide.programme.clock import Clock
from tui_guide.programme.format import day_label, kind_name, time_range, venue_label, zone_label
from tui_guide.programme.model import Festival, Session
from tui_guide.programme.text import printable


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "list",
        help=_("print the programme as a table, JSON or CSV"),
        description=_(
            "Print sessions in each festival's local time, filtered: as a table, or "
            "for scripts as JSON (every field) or CSV (a header row, then a row per session)."
        ),
    )
    data_option(parser)
    parser.add_argument(
        "--format",
        choices=["table", "json", "csv"],
        default="table",
        help=_("table (the default), json or csv; problems still go to standard error"),
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


HEADERS = (N_("Date"), N_("Time"), N_("Title"), N_("Kind"), N_("Venue"), N_("People"))
"""The table's headings (in the guide's language; JSON and CSV keep their English names)."""
# The columns that wrap, served in this order: Title, Venue, People, then Date and Time (a
# date or time itself never wraps, "Time not given" may).
GROWING = (2, 4, 5, 0, 1)
WHOLE = (0, 1)


def _tables(chosen: list[tuple[Festival, list[Session]]], out: Console, clock: Clock) -> None:
    """A table for each festival with sessions to show; what an over session lacks is "not
    given", not "to be announced"."""
    for festival, sessions in chosen:
        moment = clock.now(festival.timezone)
        table = Table(
            title=Text(
                printable(
                    f"{festival.name} — {festival.city or _('place TBA')}, "
                    f"{zone_label(festival.timezone)}",
                    clip=True,
                )
            ),
            title_justify="left",
        )
        rows = [
            [
                day_label(session.date, over=(over := session.is_past(moment))),
                time_range(session, over=over),
                printable(session.title, clip=True),
                kind_name(session.kind),
                printable(venue_label(session, over=over), clip=True),
                printable(", ".join(p.name for p in session.people), clip=True),
            ]
            for session in sessions
        ]
        # Dates, times and kinds stay on one line; the prose columns share what is left by
        # their content, titles first (`fit_widths`).
        headers = [_(header) for header in HEADERS]
        widths = fit_widths(headers, rows, out.width, growing=GROWING, whole=WHOLE)
        for index, column in enumerate(headers):
            table.add_column(
                column,
                overflow="fold",  # only a word longer than its column is split
                no_wrap=index not in GROWING,
                width=widths[index],
            )
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        out.print(table)
    if not chosen:
        out.print(Text(_("No sessions match.")))
