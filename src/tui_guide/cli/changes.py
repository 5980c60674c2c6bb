"""`tui-guide changes [--festival ID] [--seen]`: every new, changed and cancelled session
since the visitor last looked, by festival; `--seen` takes the marks away once printed."""

from __future__ import annotations

import argparse
from datetime import date

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui_guide.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    data_option,
    load,
    open_store,
    say,
    state_dir_option,
    unknown_festival,
)
from tui_guide.favourites.versions import ProgrammeVersions
from tui_guide.i18n import N_, _, ngettext
from tui_guide.programme.format import day_label
from tui_guide.programme.model import Programme
from tui_guide.programme.text import printable
from tui_guide.programme.versions import KIND_COUNTS, KINDS, Change


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "changes",
        help=_("list the sessions new, changed or cancelled since you last looked"),
        description=_(
            "Load the programme, compare it with the version last loaded, and list "
            "every session that is new, changed (saying what) or cancelled since the changes "
            "were last marked seen."
        ),
    )
    parser.add_argument("--festival", metavar="ID", help=_("only this festival's changes"))
    parser.add_argument(
        "--seen", action="store_true", help=_("mark the changes listed as seen (they go away)")
    )
    data_option(parser)
    state_dir_option(parser, top=False)


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    programme = load(args)
    if unknown_festival(programme, args.festival, err):
        return EXIT_PROBLEMS
    store = open_store(args, err)
    versions = ProgrammeVersions.beside(store.path)
    store.close()
    if versions is None:
        say(err, _("changes cannot be kept: the favourites store cannot be written"))
        return EXIT_PROBLEMS
    try:
        versions.record(programme.festivals)
        found = versions.changes(args.festival)
        show(found, programme, out)
        if args.seen and found:
            done = versions.seen(found)
            say(out, ngettext("{n} change marked seen.", "{n} changes marked seen.", done))
    finally:
        versions.close()
    return EXIT_OK


COLUMNS = (N_("Kind"), N_("Date"), N_("Time"), N_("Title"), N_("Venue"), N_("What"))
CHANGE_KINDS = {"new": N_("new"), "changed": N_("changed"), "cancelled": N_("cancelled")}


def show(found: list[Change], programme: Programme, out: Console) -> None:
    """The changes as a table per festival, with a count per kind above it."""
    if not found:
        out.print(Text(_("No changes since you last looked.")))
        return
    by_festival: dict[str, list[Change]] = {}
    for change in found:
        by_festival.setdefault(change.festival_id, []).append(change)
    for festival_id, changes in by_festival.items():
        festival = programme.festival(festival_id)
        name = festival.name if festival else festival_id
        counts = ", ".join(
            KIND_COUNTS[kind](n)
            for kind in KINDS
            if (n := sum(1 for c in changes if c.kind == kind))
        )
        table = Table(
            title=Text(printable(f"{name} — {counts}")), title_justify="left", expand=True
        )
        for index, column in enumerate(COLUMNS):
            table.add_column(_(column), overflow="fold", no_wrap=index < 3)
        for change in sorted(changes, key=_order):
            shown = change.after or change.before
            assert shown is not None
            times, day, venue, title, _people = shown
            table.add_row(
                Text(_(CHANGE_KINDS[change.kind])),
                Text(_day(day)),
                Text(times or _("TBA")),
                Text(printable(title)),
                Text(printable(venue or _("TBA"))),
                Text(printable(change.what())),
            )
        out.print(table)


def _day(text: str) -> str:
    """'Sun 7 Dec' for a fingerprint's ISO date; the text itself if it is none (edited)."""
    try:
        return day_label(date.fromisoformat(text)) if text else _("Date TBA")
    except ValueError:
        return printable(text)


def _order(change: Change) -> tuple[str, str, str]:
    shown = change.after or change.before
    assert shown is not None
    return (shown[1] or "9999", shown[0] or "99", shown[3].casefold())
