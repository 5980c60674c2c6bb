"""Readers and writers of files: our TOML (`toml/`), the schedule.xml and schedule.json of
pretalx, frab, wafer and Pentabarf and iCalendar programmes read (`schedule/`), and calendar
files written (`ics.py`).

Nothing here imports Textual, and nothing knows where the user keeps files; `load.py` tells a
file's format from its content and reads it into the model.
"""
