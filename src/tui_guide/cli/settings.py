"""The settings file on the command line: `--config FILE`, reading it once for every
command, and what the settings change in the options (`--remind`'s default)."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.text import Text

from tui_guide.i18n import ENGLISH, language
from tui_guide.programme.text import printable
from tui_guide.settings import CONFIG_ENV, LoadedSettings, config_path, read_settings


def config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help=f"the settings file (default: ${CONFIG_ENV}, else settings.toml in your config "
        "folder, ~/.config/tui-guide/ on Linux)",
    )


def apply_settings(
    args: argparse.Namespace,
    err: Console,
    *,
    report: bool,
    loaded: LoadedSettings | None = None,
) -> LoadedSettings:
    """Read the settings file the options point at (or take `loaded`, read from it already
    for its language); an option given beats a setting, and a setting beats the default.
    `report`: say what is wrong in the file on stderr (the guide says it in a notice)."""
    path = config_path(args.config)
    # Read again when what was read before the language was known has problems to say in it.
    if loaded is None or loaded.path != path or (loaded.problems and language() != ENGLISH):
        loaded = read_settings(path)
    if report:
        for problem in loaded.problems:
            err.print(Text(printable(str(problem))), soft_wrap=True)  # the path kept whole
    if args.remind is None:
        args.remind = loaded.settings.remind
    return loaded
