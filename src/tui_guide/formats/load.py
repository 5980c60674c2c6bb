"""From a file to a festival, in whichever format it is: told by content, never by name."""

from __future__ import annotations

from pathlib import Path

from tui_guide.formats.detect import Format, detect
from tui_guide.programme.model import Festival, Problem
from tui_guide.reading import MAX_PROGRAMME_BYTES, JsonError, ReadError, loads_json, read_limited

# What a folder is read as: our TOML, and the schedule.xml / schedule.json / iCalendar of
# other systems.
SUFFIXES = (".toml", ".xml", ".json", ".ics")


def load_file(path: Path, *, timezone: str | None = None) -> tuple[Festival | None, list[Problem]]:
    """Load one festival file: the festival, or None and the reasons.

    `timezone` (an IANA name, --timezone) is the zone of the wall-clock times of a schedule
    that names none; our TOML names its zone, and ignores it."""
    try:
        data = read_limited(path, MAX_PROGRAMME_BYTES)
    except ReadError as error:
        return None, [Problem(path, str(error))]
    if detect(data) is Format.TOML:
        # Imported here too: a start from the cache reads no TOML (its parser and checks).
        from tui_guide.formats.toml.read import read_toml

        festival, problems = read_toml(path, data)
        if festival is None and (other := _json_not_schedule(data)):
            return None, [Problem(path, other, 1)]
        return festival, problems
    # Imported here: a cached programme never needs the schedule readers (defusedxml, html),
    # and every start would pay for importing them.
    from tui_guide.formats.schedule.read import read_schedule

    return read_schedule(path, data, timezone=timezone)


_JSON_KINDS = {list: "an array", str: "a string", bool: "true or false", type(None): "null"}


def json_kind(value: object) -> str:
    return _JSON_KINDS.get(type(value), "a number")


def _json_not_schedule(data: bytes) -> str | None:
    """What to say of a file that is not TOML but JSON holding no object (`[1, 2, 3]`, a
    number): no TOML file is also valid JSON, so it is not called a TOML syntax error."""
    first = data.lstrip()[:1]
    if not (first in (b"[", b'"', b"-", b"t", b"f", b"n") or first.isdigit()):
        return None
    try:
        value = loads_json(data)
    except JsonError:
        return None
    return (
        f"not a programme: JSON holding {json_kind(value)}, where a schedule.json holds an "
        "object with schedule.conference"
    )
