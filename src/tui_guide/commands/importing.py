"""`tui-guide import`, `tui-guide add` and `tui-guide refresh`: other systems' schedules."""

from __future__ import annotations

import argparse
import dataclasses
import json
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

from rich.console import Console
from rich.text import Text

from ..export.files import write_atomically
from ..importer import Format, detect, read_schedule, write_toml
from ..importer.fetch import Outcome, add, refresh
from ..programme.format import count
from ..programme.loader import load_file
from ..programme.model import Festival, Problem
from ..programme.text import printable

COMMANDS = ("import", "add", "refresh")
EXIT_OK, EXIT_PROBLEMS = 0, 2


def _zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except Exception:  # zoneinfo raises several types for odd names
        raise argparse.ArgumentTypeError(
            f"unknown time zone {value!r} (use an IANA name such as Europe/Berlin)"
        ) from None
    return value


def add_parsers(commands: argparse._SubParsersAction) -> None:
    importing = commands.add_parser(
        "import",
        help="convert a schedule.xml or schedule.json into a programme TOML file",
        description="Convert a schedule.xml or schedule.json (pretalx, frab, wafer, Pentabarf) "
        "into the guide's TOML format, to edit and publish. Exits 2 on any problem.",
    )
    importing.add_argument("file", type=Path, metavar="FILE")
    importing.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help="the TOML file to write (default: print it)",
    )
    importing.add_argument(
        "--timezone",
        type=_zone,
        metavar="ZONE",
        help="the festival's IANA time zone, for files that name none (or to override theirs)",
    )
    importing.add_argument("--city", default="", help="the festival's city (schedules lack it)")
    importing.add_argument("--country", default="", help="the festival's country")
    importing.add_argument("--force", action="store_true", help="overwrite OUT if it exists")

    adding = commands.add_parser(
        "add",
        help="download a published programme for offline use",
        description="Download a programme (TOML, schedule.xml or schedule.json) into your data "
        "folder; the guide then shows it next to the bundled one.",
    )
    adding.add_argument("url", metavar="URL")
    commands.add_parser(
        "refresh",
        help="update the programmes added with `add`",
        description="Download a new copy of every added programme, only when it changed "
        "(ETag, If-Modified-Since). A failed download or a broken copy keeps the last good one.",
    )


def _say(console: Console, message: str) -> None:
    console.print(Text(printable(message)), soft_wrap=True)


def _problems(problems: list[Problem] | tuple[Problem, ...], err: Console) -> None:
    for problem in problems:
        _say(err, str(problem))


def _not_a_schedule(data: bytes) -> str:
    """Why a file that starts with neither `<` nor `{` is refused: JSON that is no object (an
    array, a number: never a TOML table) is not a schedule; anything else is taken as TOML."""
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return "not a schedule.xml or schedule.json (a TOML programme needs no import)"
    kind = {list: "an array", str: "a string", bool: "true or false", type(None): "null"}
    found = kind.get(type(value), "a number")
    return f"not a schedule: JSON holding {found}, where a schedule.json holds an object"


def _check_loads(text: str, target: Path) -> tuple[Festival | None, list[Problem]]:
    """Load `text` as the guide will, from a file beside `target`; problems name `target`."""
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".check-") as folder:
        trial = Path(folder) / target.name
        trial.write_text(text, encoding="utf-8")
        festival, problems = load_file(trial)
    return festival, [dataclasses.replace(p, file=target) for p in problems]


def _import(args: argparse.Namespace, out: Console, err: Console) -> int:
    path: Path = args.file
    try:
        data = path.read_bytes()
    except OSError as error:
        _say(err, f"{path}: cannot read: {error.strerror or error}")
        return EXIT_PROBLEMS
    if detect(data) is Format.TOML:
        _say(err, f"{path}: {_not_a_schedule(data)}")
        return EXIT_PROBLEMS
    festival, problems = read_schedule(path, data, timezone=args.timezone)
    _problems(problems, err)
    if festival is None:
        _say(err, f"{path}: nothing written ({count(len(problems), 'problem')})")
        return EXIT_PROBLEMS
    festival = dataclasses.replace(
        festival,
        city=args.city.strip() or festival.city,
        country=args.country.strip() or festival.country,
    )
    text = write_toml(festival)
    if args.output is None:
        out.file.write(text)
        return EXIT_OK
    target: Path = args.output
    if target.exists() and not args.force:
        _say(err, f"{target}: already exists; give --force to overwrite it")
        return EXIT_PROBLEMS
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        written, again = _check_loads(text, target)  # what we write must load: check first
        if written is not None:
            write_atomically(target, text.encode("utf-8"))
    except OSError as error:
        _say(err, f"{target}: cannot write: {error.strerror or error}")
        return EXIT_PROBLEMS
    if written is None:
        _problems(again, err)
        _say(err, f"{target}: nothing written")
        return EXIT_PROBLEMS
    _say(
        out,
        f"Wrote {target}: {festival.name}, {count(len(festival.venues), 'venue')}, "
        f"{count(len(festival.sessions), 'session')}",
    )
    return EXIT_OK


def _outcome(outcome: Outcome, out: Console, err: Console) -> None:
    _problems(outcome.problems, err)
    _say(out if outcome.ok else err, f"{outcome.url}: {outcome.message}")


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    if args.command == "import":
        return _import(args, out, err)
    if args.command == "add":
        outcome = add(args.url)
        _outcome(outcome, out, err)
        return EXIT_OK if outcome.ok else EXIT_PROBLEMS
    outcomes = refresh()
    if not outcomes:
        _say(out, "No programmes added yet: add one with `tui-guide add URL`.")
    for outcome in outcomes:
        _outcome(outcome, out, err)
    return EXIT_OK if all(o.ok for o in outcomes) else EXIT_PROBLEMS
