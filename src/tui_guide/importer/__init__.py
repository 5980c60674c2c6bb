"""Reading published conference schedules (pretalx, frab, wafer, Pentabarf) into the model.

Pure: no Textual. `load_schedule` is what the programme loader calls for a file that is not
TOML; `write_toml` turns any festival back into our own format.
"""

from .detect import Format, detect
from .load import load_schedule, read_schedule
from .writer import write_toml

__all__ = ["Format", "detect", "load_schedule", "read_schedule", "write_toml"]
