"""Rules every programme keeps, whatever file it came from."""

from __future__ import annotations

import re

# Dates far out are typing mistakes, and at the edges of Python's calendar they overflow.
FIRST_YEAR, LAST_YEAR = 1900, 2999
MAX_DAYS = 366  # the longest festival: a day tab each
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""An id: lower-case ASCII letters, digits and single hyphens."""
