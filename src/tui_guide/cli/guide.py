"""`tui-guide` with no subcommand: the guide itself."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.text import Text

from tui_guide.cli.common import EXIT_PROBLEMS, data_of, open_store, report
from tui_guide.cli.load_status import LoadStatus
from tui_guide.favourites.hidden import HiddenStore
from tui_guide.favourites.versions import ProgrammeVersions
from tui_guide.i18n import _
from tui_guide.library.cache import Deferred
from tui_guide.library.load import load_programme
from tui_guide.library.sources import data_paths


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    """Load the programme (saying so on a slow load), open the store, and run the guide."""
    from tui_guide.tui.app import run_guide  # Textual is imported only when the guide opens

    # A cache file is used on its cheap checks; its hash is compared after the first paint.
    later: list[Deferred] = []
    with LoadStatus(err) as status:  # on a terminal, when the load takes a while
        programme = load_programme(
            data_paths(data_of(args)), progress=status, timezone=args.timezone, later=later
        )
    if not programme.festivals:
        report(programme.problems, err, programme.skipped)
        err.print(Text(_("No festival could be loaded; nothing to show.")))
        return EXIT_PROBLEMS
    favourites = open_store(args, err)
    versions = ProgrammeVersions.beside(favourites.path)
    hidden_store = HiddenStore.beside(favourites.path)
    try:
        return run_guide(
            programme,
            favourites=favourites,
            now=args.now,
            remind=args.remind,
            versions=versions,
            language_notice=getattr(args, "language_notice", None),
            settings=args.settings,
            hidden_store=hidden_store,
            cache_checks=later,
        )
    finally:
        favourites.close()
        if versions is not None:
            versions.close()
        if hidden_store is not None:
            hidden_store.close()
