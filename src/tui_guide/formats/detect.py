"""Which format a file is in, told from its content and never from its name."""

from __future__ import annotations

import re
from enum import StrEnum


class Format(StrEnum):
    TOML = "toml"
    XML = "schedule.xml"
    JSON = "schedule.json"
    ICAL = "iCalendar"


_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# UTF-16 without a byte order mark: every other byte is zero around the first character.
_UTF16 = re.compile(rb"^(?:\x00[<{Bb]|[<{Bb]\x00)")
# An iCalendar file begins with its calendar (RFC 5545 names are case-insensitive); a bare
# event is taken too. Neither can start a TOML file: a key is not followed by a colon.
_ICAL = re.compile(rb"BEGIN:V(?:CALENDAR|EVENT)\b", re.IGNORECASE)


def detect(data: bytes) -> Format:
    """XML when the first thing in the file is `<`, JSON when it is `{`, iCalendar when it is
    `BEGIN:VCALENDAR`, TOML otherwise.

    A TOML file can start with none of them (a table starts with `[`, a key with a letter or
    a quote and is followed by `=`), so this never mistakes one of ours for a schedule.
    """
    head = data[:4096]
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    head = head.replace(b"\x00", b"") if _UTF16.match(head) or head[:1] == b"\x00" else head
    head = head.lstrip()
    first = head[:1]
    if first == b"<":
        return Format.XML
    if first == b"{":
        return Format.JSON
    if _ICAL.match(head):
        return Format.ICAL
    return Format.TOML
