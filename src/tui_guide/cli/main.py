"""The command line: the parser, and a module per subcommand that adds its options and runs it.

`tui-guide` with no subcommand opens the guide (`guide.py`)."""

from __future__ import annotations

import gc
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

# What the commands use (argparse, the guide's words, the programme, the store, the
# settings, rich's consoles) is imported by `main` once the collector is off for the start
# (see `main`), not by this module, which `from tui_guide.cli import main` imports first.
if TYPE_CHECKING:
    import argparse
    from types import ModuleType

    from tui_guide.i18n import Choice

# Each subcommand's module (in tui_guide.cli), by the names it adds: `add_parser(commands)`,
# `run(args, out, err)`. A module is imported only when its command is asked for (or for
# --help): between them they load icalendar, dateutil, email, http.client…, which the
# guide's start does without.
SUBCOMMANDS: dict[str, str] = {
    "validate": "validate",
    "list": "listing",
    "import": "importing",
    "add": "fetching",
    "refresh": "fetching",
    "favourites": "favourites",
    "export": "export",
    "changes": "changes",
}


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"tui_guide.cli.{SUBCOMMANDS[name]}")


def _asked_for(argv: Sequence[str] | None) -> set[str]:
    """The modules of the subcommands some word of `argv` names (all of them for help, or
    for no `argv`): only these are imported and given their options. A word that is an
    option's value ("--data list") only costs that import; the parse stays exact."""
    if argv is None or any(word in ("-h", "--help") for word in argv):
        return set(SUBCOMMANDS.values())
    return {SUBCOMMANDS[word] for word in argv if word in SUBCOMMANDS}


# The top-level options that take a value, so that their values are not taken for paths.
_VALUED = frozenset(
    [
        "--data",
        "--timezone",
        "--now",
        "--state-dir",
        "--lang",
        "--favourites",
        "--remind",
        "--config",
    ]
)
_PROGRAMME_SUFFIXES = (".toml", ".xml", ".json", ".ics")


def _paths_as_data(words: Sequence[str]) -> list[str]:
    """`tui-guide FILE...` as `tui-guide --data FILE...`: the guide opened on the programmes a
    user names, as a pager opens a file. Words before any subcommand that are not options and
    look like paths (they exist, name a folder, or end in a programme's suffix) are given to
    --data; a mistyped command is left for the parser to name."""
    out: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word in SUBCOMMANDS or word == "--":
            return [*out, *words[index:]]
        if word.startswith("-"):
            out.append(word)
            if word in _VALUED and index + 1 < len(words):
                out.append(words[index + 1])
                index += 1
        elif _looks_like_path(word):
            out += ["--data", word]
        else:
            out.append(word)
        index += 1
    return out


def _looks_like_path(word: str) -> bool:
    return os.sep in word or word.lower().endswith(_PROGRAMME_SUFFIXES) or os.path.lexists(word)


def _option(words: Sequence[str], name: str) -> str | None:
    """The value of the top-level option `name` (`--lang`, `--config`) in `words`, read
    before the parser is built so that its help is in the language (the parser still checks
    the option itself)."""
    for index, word in enumerate(words):
        if word in SUBCOMMANDS or word == "--":
            break
        if word == name and index + 1 < len(words):
            return words[index + 1]
        if word.startswith(f"{name}="):
            return word.partition("=")[2]
    return None


def language(words: Sequence[str], setting: str | None = None) -> Choice:
    """The language from --lang, then the `language` setting, then the locale (see
    tui_guide.i18n), spoken from now on."""
    from tui_guide.i18n import choose, set_language

    choice = choose(_option(words, "--lang"), setting, os.environ)
    set_language(choice.code)
    return choice


def _moment(value: str) -> datetime:
    import argparse

    from tui_guide.i18n import _
    from tui_guide.programme.rules import FIRST_YEAR, LAST_YEAR

    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a date and time such as 2025-12-07T14:10: {value}").format(value=repr(value))
        ) from None
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            _("{value} is out of range (years 1900 to 2999)").format(value=repr(value))
        )
    return moment


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser, with the options of the subcommands `argv` may ask for (every one when
    `argv` is None); the others are there by name only, so that a mistyped command is still
    told apart and the guide's start imports none of them. Its words (and argparse's) are in
    the language chosen (`language`)."""
    import argparse

    from tui_guide.cli.argparse_words import speak
    from tui_guide.cli.common import data_option, minutes, state_dir_option
    from tui_guide.cli.settings import config_option
    from tui_guide.i18n import _

    class _Version(argparse.Action):
        """--version, looking the version up only when asked (importlib.metadata is slow to
        import, and every start would pay for it)."""

        def __call__(
            self, parser: argparse.ArgumentParser, *args: object, **kwargs: object
        ) -> None:
            from tui_guide import __version__

            print(f"{parser.prog} {__version__}")
            parser.exit()

    speak()
    parser = argparse.ArgumentParser(
        prog="tui-guide",
        description=_(
            "An offline terminal guide to festival programmes. With no command, opens the "
            "guide; with files or folders, opens it on them (as --data does)."
        ),
    )
    parser.add_argument("--version", action=_Version, nargs=0, help=_("show the version and exit"))
    data_option(parser, top=True)
    parser.add_argument(
        "--now",
        type=_moment,
        metavar="YYYY-MM-DDTHH:MM",
        help=_(
            "freeze the clock at this moment (in each festival's own time zone unless an "
            "offset is given), for demos and tests"
        ),
    )
    state_dir_option(parser, top=True)
    parser.add_argument(
        "--lang",
        metavar="CODE",
        help=_(
            "the language of the guide: az, en, kk, ky, ru, tr or uz (default: the "
            "settings, else the locale's, else English)"
        ),
    )
    parser.add_argument("--favourites", type=Path, help=argparse.SUPPRESS)  # deprecated
    parser.add_argument(
        "--remind",
        type=minutes,
        default=None,  # the settings' remind (10 unless set): see cli/settings.py
        metavar="MINUTES",
        help=_(
            "notify when a favourite starts within this many minutes (default: the "
            "settings' remind, else 10; 0: never; at most 10080, a week)"
        ),
    )
    config_option(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted, added = _asked_for(argv), set()
    for name, module in SUBCOMMANDS.items():  # in the order above, each module once
        if module not in wanted:
            commands.add_parser(name)  # not asked for: its name, for the parser's errors
        elif module not in added:
            added.add(module)
            importlib.import_module(f"tui_guide.cli.{module}").add_parser(commands)
    return parser


# The options of a plain start of the guide, by name: where the parser puts each (`dest`).
# `plain_start` reads these alone, each with its type (`_plain_types`), as the parser would.
_PLAIN: dict[str, str] = {
    "--data": "data",  # appended: every --data, in order
    "--timezone": "timezone",
    "--now": "now",
    "--state-dir": "state_dir",
    "--lang": "lang",
    "--remind": "remind",
    "--config": "config",
}


def _plain_types() -> dict[str, Callable[[str], object]]:
    """The type of each of `_PLAIN`'s options, by `dest`: the parser's."""
    from tui_guide.cli.common import minutes, zone

    return {
        "data": Path,
        "timezone": zone,
        "now": _moment,
        "state_dir": Path,
        "lang": str,
        "remind": minutes,
        "config": Path,
    }


# Every name the parser sets on a start of the guide, in its order, and their defaults.
_DESTS = (
    *("version", "data", "timezone", "now", "state_dir", "lang", "favourites", "remind"),
    *("config", "command"),
)


def plain_start(words: Sequence[str]) -> argparse.Namespace | None:
    """What the parser gives for `words`, without building it, when they are a plain start
    of the guide: no command, no help, only the options of `_PLAIN`, each spelled in full
    with its value (`--now X` or `--now=X`). None for anything else, for a value the parser
    could take otherwise (empty, or starting with '-') and for one its type refuses: the
    parser reads those, and says what is wrong."""
    import argparse

    found: dict[str, object] = dict.fromkeys(_DESTS)
    data: list[object] = []
    types: dict[str, Callable[[str], object]] | None = None
    index = 0
    while index < len(words):
        name, equals, value = words[index].partition("=")
        if name not in _PLAIN:
            return None
        if not equals:
            if index + 1 == len(words):
                return None
            index += 1
            value = words[index]
        if not value or value.startswith("-"):
            return None
        dest = _PLAIN[name]
        types = types or _plain_types()
        try:
            read = types[dest](value)
        except (argparse.ArgumentTypeError, TypeError, ValueError):
            return None
        if dest == "data":
            data.append(read)
        else:
            found[dest] = read  # given twice, the last one (as the parser has it)
        index += 1
    if data:
        found["data"] = data
    return argparse.Namespace(**found)


def main(argv: Sequence[str] | None = None) -> int:
    """`tui-guide`: a subcommand, or the guide. The collector is as it was when this ends."""
    # No collection while the guide starts (Textual and the App imported, the programme
    # read, the App made): more than a hundred of them walked what had just been made, for
    # nothing, 10 ms and more of CPU before the first paint. run_guide freezes all of it
    # and collects again from there; a subcommand collects as usual from its start.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(argv, collecting)
    finally:
        if collecting:
            gc.enable()


def _main(argv: Sequence[str] | None, collecting: bool) -> int:
    from rich.console import Console
    from rich.text import Text

    from tui_guide.cli.settings import apply_settings
    from tui_guide.settings import config_path, read_settings

    words = _paths_as_data(sys.argv[1:] if argv is None else list(argv))
    # The settings first, for their language: the parser's own words are in it.
    given = _option(words, "--config")
    loaded = read_settings(config_path(Path(given) if given else None))
    choice = language(words, loaded.settings.language)
    # The parser is built only when the words need it: a plain start of the guide does not.
    args = plain_start(words)
    if args is None:
        args = build_parser(words).parse_args(words)
    out = Console(highlight=False, markup=False, emoji=False)
    err = Console(stderr=True, highlight=False, markup=False, emoji=False)
    # The guide says what is wrong in the settings in a notice; the other commands here.
    args.settings = apply_settings(args, err, report=bool(args.command), loaded=loaded)
    # The guide shows it as a notice (the screen would cover it); a command says it first.
    args.language_notice = choice.notice
    if choice.notice and args.command:
        err.print(Text(choice.notice))
    if args.command and collecting:
        gc.enable()
    try:
        if args.command:
            run = _module(args.command).run
        else:
            from tui_guide.cli import guide

            run = guide.run
        return int(run(args, out, err))
    except KeyboardInterrupt:
        return 130
