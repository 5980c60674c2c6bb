"""`tui-guide add` and `tui-guide refresh`: published programmes kept for offline use."""

from __future__ import annotations

import argparse

from rich.console import Console

from tui_guide.cli.common import EXIT_OK, EXIT_PROBLEMS, load, open_store, report, say
from tui_guide.favourites.versions import ProgrammeVersions
from tui_guide.i18n import _
from tui_guide.library.fetch import Outcome, add, refresh


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    adding = commands.add_parser(
        "add",
        help=_("download a published programme for offline use"),
        description=_(
            "Download a programme (TOML, schedule.xml or schedule.json) into your data "
            "folder; the guide then shows it next to the bundled one."
        ),
    )
    adding.add_argument("url", metavar="URL")
    commands.add_parser(
        "refresh",
        help=_("update the programmes added with `add`"),
        description=_(
            "Download a new copy of every added programme, only when it changed "
            "(ETag, If-Modified-Since). A failed download or a broken copy keeps the last "
            "good one."
        ),
    )


def _outcome(outcome: Outcome, out: Console, err: Console) -> None:
    report(outcome.problems, err)
    say(out if outcome.ok else err, f"{outcome.url}: {outcome.message}")


def _summary(args: argparse.Namespace, out: Console, err: Console) -> None:
    """One line on what changed in the programmes now loaded (the versions kept are updated)."""
    programme = load(args)
    store = open_store(args, err)
    versions = ProgrammeVersions.beside(store.path)
    store.close()
    if versions is None:
        return
    try:
        say(out, versions.record(programme.festivals).summary())
    finally:
        versions.close()


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    if args.command == "add":
        outcome = add(args.url)
        _outcome(outcome, out, err)
        return EXIT_OK if outcome.ok else EXIT_PROBLEMS
    outcomes = refresh()
    if not outcomes:
        say(out, _("No programmes added yet: add one with `tui-guide add URL`."))
    for outcome in outcomes:
        _outcome(outcome, out, err)
    if outcomes:
        _summary(args, out, err)
    return EXIT_OK if all(o.ok for o in outcomes) else EXIT_PROBLEMS
