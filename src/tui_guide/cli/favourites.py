"""`tui-guide favourites list|export|import`: My programme from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui_guide.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    data_option,
    load,
    minutes,
    open_store,
    output_option,
    protected,
    say,
    state_dir_option,
    unknown_festival,
    write_output,
)
from tui_guide.favourites import Favourite, Favourites, FavouritesError, changes
from tui_guide.favourites.agenda import starred_and_gone
from tui_guide.favourites.gaps import Fit, Gap, gap_label, gaps_with_fits, length
from tui_guide.favourites.transfer import TransferError, dump
from tui_guide.favourites.transfer import load as load_transfer
from tui_guide.formats.ics import calendar
from tui_guide.i18n import N_, _, ngettext, number
from tui_guide.programme.clock import Clock
from tui_guide.programme.format import count, day_label, time_range, venue_label, zone_label
from tui_guide.programme.model import Programme, Session
from tui_guide.programme.text import fold, printable

SHOWN_FITS = 5
"""The most sessions `list` prints under a gap (best fit first); the rest are counted."""

SHOWN_GONE = 1_000
"""The most favourites `list` shows under "No longer in the programme" (the first starred):
a table row costs a third of a millisecond to lay out, and a store edited to hold a million
would take minutes to list; the rest are counted, and `export --format json` has them all."""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "favourites",
        help=_("list, export or import My programme"),
        description=_(
            "My programme from the command line: list it, export it as a calendar "
            "(ics) or to move it (json), import what another machine exported."
        ),
    )
    actions = parser.add_subparsers(dest="favourites_action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help=_("print the favourites, by festival"))
    listing.add_argument("--festival", metavar="ID", help=_("only this festival's favourites"))

    export = actions.add_parser("export", help=_("write the favourites to a file"))
    export.add_argument("--format", choices=["ics", "json"], default="ics")
    output_option(export)
    export.add_argument("--festival", metavar="ID", help=_("only this festival's favourites"))
    # SUPPRESS: not given here, the one given before the command (or its default) holds.
    export.add_argument(
        "--remind",
        type=minutes,
        metavar="MINUTES",
        default=argparse.SUPPRESS,
        help=_(
            "in the calendar (ics), an alarm this many minutes before each timed favourite "
            "(default: the guide's --remind, else the settings' remind, 10; 0: no alarms)"
        ),
    )

    importing = actions.add_parser(
        "import", help=_("add the favourites of an exported file (keeps all there are)")
    )
    importing.add_argument("file", type=Path, metavar="FILE")
    for action in (listing, export, importing):
        data_option(action)
        state_dir_option(action, top=False)


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    store = open_store(args, err)
    try:
        if args.favourites_action == "import":
            return _import(args, store, out, err)
        programme = load(args)
        festival = getattr(args, "festival", None)
        # Favourites of a festival that is not loaded are still there to list and export.
        if not any(_of(key, festival) for key in store) and unknown_festival(
            programme, festival, err
        ):
            return EXIT_PROBLEMS
        if args.favourites_action == "list":
            return _list(store, programme, festival, out, Clock(getattr(args, "now", None)))
        return _export(args, store, programme, out, err)
    finally:
        store.close()


def _of(key: str, festival: str | None) -> bool:
    return festival is None or fold(key.partition("/")[0]) == fold(festival)


def _split(
    store: Favourites, programme: Programme, festival: str | None
) -> tuple[list[Session], list[Favourite]]:
    return starred_and_gone(store.entries(), programme, festival)


def _list(
    store: Favourites, programme: Programme, festival: str | None, out: Console, clock: Clock
) -> int:
    found, gone = _split(store, programme, festival)
    for fest in programme.festivals:
        sessions = [s for s in found if s.festival_id == fest.id]
        if not sessions:
            continue
        moment = clock.now(fest.timezone)
        table = Table(
            title=Text(printable(f"{fest.name} — {zone_label(fest.timezone)}")),
            title_justify="left",
            expand=True,
        )
        for index, column in enumerate(
            (N_("Date"), N_("Time"), N_("Title"), N_("Venue"), N_("Changed since starred"))
        ):
            table.add_column(_(column), overflow="fold", no_wrap=index < 2)
        for session in sessions:
            entry = store.get(session.key)
            over = session.is_past(moment)
            table.add_row(
                Text(day_label(session.date, over=over)),
                Text(time_range(session, over=over)),
                Text(printable(session.title, clip=True)),
                Text(printable(venue_label(session, over=over), clip=True)),
                Text(printable("; ".join(changes(entry.snapshot if entry else None, session)))),
            )
        out.print(table)
        _print_gaps(gaps_with_fits(sessions, programme), out)
    if gone:
        title = _("No longer in the programme ({count})").format(
            count=number(len(gone), grouped=True)
        )
        table = Table(title=title, title_justify="left", expand=True)
        for column in (N_("Last known title"), N_("When"), N_("Key")):
            table.add_column(_(column), overflow="fold")
        for favourite in gone[:SHOWN_GONE]:
            when = favourite.snapshot.when() if favourite.snapshot else ""
            table.add_row(
                Text(printable(favourite.title, clip=True)),
                Text(when),
                Text(printable(favourite.key)),
            )
        out.print(table)
        if len(gone) > SHOWN_GONE:
            out.print(
                Text(
                    ngettext(
                        "… and {n} more no longer in the programme; "
                        "`tui-guide favourites export --format json -o FILE` writes them all",
                        "… and {n} more no longer in the programme; "
                        "`tui-guide favourites export --format json -o FILE` writes them all",
                        len(gone) - SHOWN_GONE,
                    )
                )
            )
    if not found and not gone:
        out.print(Text(_("No favourites yet: star sessions in the guide with s.")))
    return EXIT_OK


def _print_gaps(found: list[tuple[Gap, list[Fit]]], out: Console) -> None:
    """The free time between favourites, a line each, with the sessions that fit under it."""
    if not found:
        return
    out.print(Text(_("Free time between favourites, and what fits"), style="bold"))
    for gap, fits in found:
        line = f"{day_label(gap.day)}  {gap_label(gap)}"
        line += _(" — after {title}, before {next}").format(
            title=gap.after.title, next=gap.before.title
        )
        out.print(Text(printable(line)), soft_wrap=True)
        if not fits:
            out.print(Text("    " + _("nothing fits")))
        for fit in fits[:SHOWN_FITS]:
            spare = (
                _("{time} to spare").format(time=length(fit.spare))
                if fit.spare
                else _("fills the gap")
            )
            where = venue_label(fit.session)
            row = f"    {time_range(fit.session)}  {fit.session.title} · {where} ({spare})"
            out.print(Text(printable(row)), soft_wrap=True)
        if len(fits) > SHOWN_FITS:
            more = ngettext(
                "… and {n} more that fits", "… and {n} more that fit", len(fits) - SHOWN_FITS
            )
            out.print(Text("    " + more))


def _export(
    args: argparse.Namespace,
    store: Favourites,
    programme: Programme,
    out: Console,
    err: Console,
) -> int:
    found, gone = _split(store, programme, args.festival)
    if args.format == "json":
        chosen = [f for f in store.entries() if _of(f.key, args.festival)]
        data, written = dump(chosen), count(len(chosen), "favourite")
        notes: tuple[str, ...] = ()
    else:
        result = calendar(found, name="My programme", remind=args.remind)
        data, written = result.data, count(result.events, "event")
        notes = result.notes + tuple(
            f"left out, no longer in the programme: {f.title} ({f.key})" for f in gone
        )
    return write_output(args.output, data, written, notes, out, err, protected(args))


def _import(args: argparse.Namespace, store: Favourites, out: Console, err: Console) -> int:
    try:
        loaded = load_transfer(args.file)
    except TransferError as error:
        say(err, str(error))
        return EXIT_PROBLEMS
    for problem in loaded.problems:
        say(err, problem)
    if store.path is None:
        say(err, _("nothing imported: the favourites store cannot be written"))
        return EXIT_PROBLEMS
    try:
        added = store.merge(loaded.favourites)
    except FavouritesError as error:
        say(err, str(error))
        return EXIT_PROBLEMS
    there = len(loaded.favourites) - added
    said = ngettext(
        "{n} favourite added, {there} already there; {all} in all",
        "{n} favourites added, {there} already there; {all} in all",
        added,
    )
    say(out, said.format(there=there, all=len(store)))
    return EXIT_PROBLEMS if loaded.problems else EXIT_OK
