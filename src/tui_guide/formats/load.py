"""From a file to a festival, in whichever format it is: told by content, never by name."""

from __future__ import annotations

from pathlib import Path

from tui_guide.formats.detect import Format, detect
from tui_guide.formats.toml.read import read_toml
from tui_guide.programme.model import Festival, Problem

# What a folder is read as: our TOML, and the schedule.xml / schedule.json / iCalendar of
# other systems.
SUFFIXES = (".toml", ".xml", ".json", ".ics")


def load_file(path: Path, *, timezone: str | None = None) -> tuple[Festival | None, list[Problem]]:
    """Load one festival file: the festival, or None and the reasons.

    `timezone` (an IANA name, --timezone) is the zone of the wall-clock times of a schedule
    that names none; our TOML names its zone, and ignores it."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem(path, f"cannot read: {error.strerror or error}")]
    if detect(data) is Format.TOML:
        return read_toml(path, data)
    # Imported here: a cached programme never needs the schedule readers (defusedxml, html),
    # and every start would pay for importing them.
    from tui_guide.formats.schedule.read import read_schedule

    return read_schedule(path, data, timezone=timezone)
