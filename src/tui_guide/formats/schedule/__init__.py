"""The schedule.xml and schedule.json that pretalx, frab, wafer and Pentabarf publish, read
into the model: `read.py` is the way in."""
