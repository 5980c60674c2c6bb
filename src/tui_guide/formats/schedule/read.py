"""From a file's bytes to a festival, for any schedule format."""

from __future__ import annotations

from pathlib import Path

from tui_guide.formats.detect import Format, detect
from tui_guide.formats.schedule import schedule_json, schedule_xml
from tui_guide.formats.schedule.build import Origin, build
from tui_guide.formats.schedule.raw import RawSchedule
from tui_guide.programme.model import Festival, Problem


def _ical(
    path: Path, data: bytes, timezone: str | None = None
) -> tuple[RawSchedule | None, list[Problem]]:
    # Imported when needed: icalendar takes a tenth of a second to import, and a schedule.xml
    # has no use for it.
    from tui_guide.formats.schedule import ical

    return ical.read(path, data, timezone=timezone)


_READERS = {Format.XML: schedule_xml.read, Format.JSON: schedule_json.read, Format.ICAL: _ical}


def read_schedule(
    path: Path,
    data: bytes,
    *,
    timezone: str | None = None,
    origins: dict[str, Origin] | None = None,
) -> tuple[Festival | None, list[Problem]]:
    """The festival in a schedule.xml, schedule.json or iCalendar file's bytes, with every
    problem (errors, and warnings for what was decided on the way); None when any error.
    `origins`: see `build`."""
    kind = detect(data)
    if kind is Format.TOML:
        return None, [Problem(path, "not a schedule.xml, schedule.json or iCalendar file")]
    # A calendar places floating and repeating times as it reads: it needs the zone already.
    if kind is Format.ICAL:
        raw, problems = _ical(path, data, timezone)
    else:
        raw, problems = _READERS[kind](path, data)
    if raw is None:
        return None, problems
    festival, found = build(path, raw, f"{path.name} ({kind.value})", timezone, origins)
    return festival, [*problems, *found]
