"""The command line. `main.py` builds the parser and runs a subcommand; each subcommand has a
module of its own (`validate`, `listing`, `importing`, `fetching` for add and refresh,
`favourites`, `export`), and `guide.py` opens the guide; `common.py` holds what they share."""

from tui_guide.cli.main import main

__all__ = ["main"]
