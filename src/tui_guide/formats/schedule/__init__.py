"""The schedule.xml and schedule.json that pretalx, frab, wafer and Pentabarf publish, and
iCalendar programmes (`ical/`), read into the model: `read.py` is the way in."""
