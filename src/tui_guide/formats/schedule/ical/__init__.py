"""iCalendar programmes (`.ics`): one VEVENT a session, read into a schedule (`raw.py`) that
`build.py` makes a festival, as schedule.xml and schedule.json are.

`lines.py` cuts the file into components with their lines, `event.py` reads one VEVENT,
`zone.py` finds the festival's zone, `recur.py` expands repeating events; `read` here puts
them together. The files are read leniently: what cannot be read costs that field or that
event, with a warning naming its line, and a file is refused only when none of its events
can be placed.
"""

from tui_guide.formats.schedule.ical.read import read

__all__ = ["read"]
