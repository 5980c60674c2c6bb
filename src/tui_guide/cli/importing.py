"""`tui-guide import`: another system's schedule.xml, schedule.json or iCalendar file written
as our TOML."""

from __future__ import annotations

import argparse
import dataclasses
import json
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

from rich.console import Console

from tui_guide.atomic import write_atomically
from tui_guide.cli.common import EXIT_OK, EXIT_PROBLEMS, report, say
from tui_guide.formats.detect import Format, detect
from tui_guide.formats.load import load_file
from tui_guide.formats.schedule.read import read_schedule
from tui_guide.formats.toml.write import write_toml
from tui_guide.programme.format import count
from tui_guide.programme.model import Festival, Problem


def _zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except Exception:  # zoneinfo raises several types for odd names
        raise argparse.ArgumentTypeError(
            f"unknown time zone {value!r} (use an IANA name such as Europe/Berlin)"
        ) from None
    return value


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    importing = commands.add_parser(
        "import",
        help="convert a schedule.xml, schedule.json or .ics into a programme TOML file",
        description="Convert a schedule.xml or schedule.json (pretalx, frab, wafer, Pentabarf) "
        "or an iCalendar (.ics) programme into the guide's TOML format, to edit and publish. "
        "Exits 2 on any problem.",
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


def _not_a_schedule(data: bytes) -> str:
    """Why a file that starts with neither `<` nor `{` is refused: JSON that is no object (an
    array, a number: never a TOML table) is not a schedule; anything else is taken as TOML."""
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return "not a schedule.xml, schedule.json or iCalendar (a TOML programme needs no import)"
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
        say(err, f"{path}: cannot read: {error.strerror or error}")
        return EXIT_PROBLEMS
    if detect(data) is Format.TOML:
        say(err, f"{path}: {_not_a_schedule(data)}")
        return EXIT_PROBLEMS
    festival, problems = read_schedule(path, data, timezone=args.timezone)
    report(problems, err)
    if festival is None:
        say(err, f"{path}: nothing written ({count(len(problems), 'problem')})")
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
        say(err, f"{target}: already exists; give --force to overwrite it")
        return EXIT_PROBLEMS
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        written, again = _check_loads(text, target)  # what we write must load: check first
        if written is not None:
            write_atomically(target, text.encode("utf-8"))
    except OSError as error:
        say(err, f"{target}: cannot write: {error.strerror or error}")
        return EXIT_PROBLEMS
    if written is None:
        report(again, err)
        say(err, f"{target}: nothing written")
        return EXIT_PROBLEMS
    say(
        out,
        f"Wrote {target}: {festival.name}, {count(len(festival.venues), 'venue')}, "
        f"{count(len(festival.sessions), 'session')}",
    )
    return EXIT_OK


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    return _import(args, out, err)
