"""`tui-guide validate`: check programme files and report every problem with its line."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.text import Text

from tui_guide.cli.common import EXIT_OK, EXIT_PROBLEMS, data_of, data_option, report, tally
from tui_guide.i18n import _, ngettext
from tui_guide.library.load import load_programme
from tui_guide.library.sources import data_paths
from tui_guide.programme.format import count
from tui_guide.programme.model import DEFAULT_DAY_STARTS, Festival
from tui_guide.programme.text import printable


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "validate",
        help=_("check programme files and report every problem"),
        description=_(
            "Check programme files and report every problem with file and line. "
            "Exits 0 when nothing is wrong or there are only warnings (and says how many), "
            "2 on any error; with --strict, warnings fail too."
        ),
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    parser.add_argument(
        "--strict",
        action="store_true",
        help=_(
            "fail (exit 2) on warnings too: what was decided in reading another system's "
            "schedule, such as a time zone taken from its offsets"
        ),
    )
    data_option(parser)


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    paths = data_paths([*args.paths, *data_of(args)])
    # A file parsed is not cached: writing the cache would double the wait for the answer,
    # and the guide writes it at its next start (what the cache holds is still used).
    programme = load_programme(paths, timezone=args.timezone, write=False)
    report(programme.problems, err, programme.skipped)
    summary = tally(programme.problems, programme.skipped)
    if programme.errors:
        err.print(Text(summary), soft_wrap=True)
        return EXIT_PROBLEMS
    if programme.problems and args.strict:
        said = _("{summary}, and --strict makes warnings fail").format(summary=summary)
        err.print(Text(said), soft_wrap=True)
        return EXIT_PROBLEMS
    loaded = _("OK: {festivals}, {venues}, {sessions}").format(
        festivals=ngettext("{n} festival", "{n} festivals", len(programme.festivals)),
        venues=ngettext("{n} venue", "{n} venues", len(programme.venues)),
        sessions=ngettext("{n} session", "{n} sessions", len(programme.sessions)),
    )
    out.print(Text(f"{loaded}; {summary}" if programme.problems else loaded), soft_wrap=True)
    for festival in programme.festivals:
        if (note := boundary_note(festival)) is not None:
            out.print(Text(note), soft_wrap=True)
    return EXIT_OK


def boundary_note(festival: Festival) -> str | None:
    """What the default day boundary did, when the file gives none and it moved a session:
    a festival that means 03:00 as the start of a new day should say so."""
    if festival.day_starts is not None:
        return None
    moved = sum(1 for s in festival.sessions if s.day is not None and s.day != s.date)
    if not moved:
        return None
    boundary = f"{DEFAULT_DAY_STARTS:%H:%M}"
    return (
        f"note: {printable(str(festival.source_file))}: festival {festival.id} gives no day "
        f"boundary, so {count(moved, 'session')} starting before {boundary} "
        f"{'is' if moved == 1 else 'are'} listed in the night before (day_starts in "
        "[festival] says otherwise; 00:00:00 keeps calendar days)"
    )
