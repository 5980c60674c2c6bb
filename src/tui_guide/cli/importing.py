"""`tui-guide import`: another system's schedule.xml, schedule.json or iCalendar file written
as our TOML."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from rich.console import Console

from tui_guide.atomic import Refused, check_target
from tui_guide.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    output_file,
    protected,
    report,
    say,
    tally,
    timezone_option,
    write_file,
)
from tui_guide.formats.detect import Format, detect
from tui_guide.formats.load import json_kind
from tui_guide.formats.schedule.build import Origin
from tui_guide.formats.schedule.read import read_schedule
from tui_guide.formats.toml.lines import LineIndex
from tui_guide.formats.toml.read import read_toml
from tui_guide.formats.toml.write import write_toml
from tui_guide.i18n import _, ngettext
from tui_guide.programme.model import Festival, Problem
from tui_guide.reading import MAX_PROGRAMME_BYTES, JsonError, ReadError, loads_json, read_limited


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    importing = commands.add_parser(
        "import",
        help=_("convert a schedule.xml, schedule.json or .ics into a programme TOML file"),
        description=_(
            "Convert a schedule.xml or schedule.json (pretalx, frab, wafer, Pentabarf) "
            "or an iCalendar (.ics) programme into the guide's TOML format, to edit and "
            "publish. What it writes is first read by the guide's own loader. Exits 0 when "
            "written (warnings are said and counted), 2 on any error, and then writes nothing."
        ),
    )
    importing.add_argument("file", type=Path, metavar="FILE")
    importing.add_argument(
        "-o",
        "--output",
        type=output_file,
        metavar="OUT",
        help=_("the TOML file to write (default: print it)"),
    )
    timezone_option(importing, top=False)
    importing.add_argument("--city", default="", help=_("the festival's city (schedules lack it)"))
    importing.add_argument("--country", default="", help=_("the festival's country"))
    importing.add_argument("--force", action="store_true", help=_("overwrite OUT if it exists"))


def _not_a_schedule(data: bytes) -> str:
    """Why a file that starts with neither `<` nor `{` is refused: JSON that is no object (an
    array, a number: never a TOML table) is not a schedule; anything else is taken as TOML."""
    try:
        value = loads_json(data)
    except JsonError:
        return "not a schedule.xml, schedule.json or iCalendar (a TOML programme needs no import)"
    return f"not a schedule: JSON holding {json_kind(value)}, where a schedule.json holds an object"


def _checked(
    text: str, festival: Festival, source: Path, origins: dict[str, Origin]
) -> list[Problem]:
    """The errors of `text` (the TOML about to be written) when read by the guide's own
    loader, each said of the source file's event or room it came from, at its line: never
    of the file that is not written."""
    _, problems = read_toml(source, text.encode("utf-8"))
    errors = [p for p in problems if p.severity == "error"]
    lines = LineIndex(text)
    found = []
    for problem in errors:
        table = (
            lines.table_at(problem.line, ("festival", "venues", "sessions"))
            if problem.line
            else None
        )
        origin = None
        if table is not None:
            name, index = table
            ids = {
                "venues": [v.id for v in festival.venues],
                "sessions": [s.id for s in festival.sessions],
            }.get(name, [])
            origin = origins.get(f"{name}/{ids[index]}" if index < len(ids) else name)
        origin = origin or Origin("the festival", None)
        found.append(
            Problem(
                source,
                f"{origin.where}: cannot be written as the guide's TOML: {problem.message}",
                origin.line,
            )
        )
    return found


def _import(args: argparse.Namespace, out: Console, err: Console) -> int:
    path: Path = args.file
    keep = protected(args, path)
    if args.output is not None and str(args.output) != "-":
        try:  # before reading: an -o onto the input (or the store) is refused whatever it holds
            check_target(args.output, keep)
        except Refused as error:
            say(err, str(error))
            return EXIT_PROBLEMS
    try:
        data = read_limited(path, MAX_PROGRAMME_BYTES)
    except ReadError as error:
        say(err, f"{path}: {error}")
        return EXIT_PROBLEMS
    if detect(data) is Format.TOML:
        say(err, f"{path}: {_not_a_schedule(data)}")
        return EXIT_PROBLEMS
    origins: dict[str, Origin] = {}
    festival, problems = read_schedule(path, data, timezone=args.timezone, origins=origins)
    if festival is not None:
        festival = dataclasses.replace(
            festival,
            city=args.city.strip() or festival.city,
            country=args.country.strip() or festival.country,
        )
        text = write_toml(festival)
        # Strict in what we write: the TOML must load in the guide's own loader, checked
        # before anything is written.
        problems += _checked(text, festival, path, origins)
    report(problems, err)
    if festival is None or any(p.severity == "error" for p in problems):
        say(
            err,
            _("{file}: nothing written ({problems})").format(file=path, problems=tally(problems)),
        )
        return EXIT_PROBLEMS
    warned = f"; {tally(problems)}" if problems else ""
    if args.output is None or str(args.output) == "-":
        out.file.write(text)
        return EXIT_OK
    target: Path = args.output
    if target.exists() and not args.force:
        say(err, _("{file}: already exists; give --force to overwrite it").format(file=target))
        return EXIT_PROBLEMS
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        say(
            err,
            _("{file}: cannot write: {error}").format(file=target, error=error.strerror or error),
        )
        return EXIT_PROBLEMS
    if not write_file(target, text.encode("utf-8"), err, keep):
        return EXIT_PROBLEMS
    say(
        out,
        _("Wrote {file}: {festival}, {venues}, {sessions}").format(
            file=target,
            festival=festival.name,
            venues=ngettext("{n} venue", "{n} venues", len(festival.venues)),
            sessions=ngettext("{n} session", "{n} sessions", len(festival.sessions)),
        )
        + warned,
    )
    return EXIT_OK


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    return _import(args, out, err)
