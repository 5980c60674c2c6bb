"""An iCalendar file's text cut into its components, each line knowing where it is in the file.

`icalendar` parses content lines but keeps no line numbers, and one property that does not
read in the calendar itself (or in a VTIMEZONE or VALARM) makes it refuse the whole file.
So the file is cut here first, cheaply: lines unfolded, each VEVENT and VTIMEZONE kept apart
with the line it begins on, so that each is parsed on its own and a message can name it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A content line starts with a property name (letters, digits, hyphens), then `;` or `:`.
_NAMED = re.compile(rb"[A-Za-z0-9-]+[;:]")
_BREAKS = re.compile(rb"\r\n|\n|\r")
_ESCAPED = re.compile(r"\\([\\;,nN])")


@dataclass(frozen=True)
class Line:
    number: int  # the line of the file it starts on, from 1
    text: str  # unfolded


@dataclass
class Component:
    """A VEVENT, VTIMEZONE, VTODO… directly inside the calendar."""

    name: str  # upper case
    line: int  # where its BEGIN is
    own: list[Line] = field(default_factory=list)  # BEGIN, its properties, END
    every: list[Line] = field(default_factory=list)  # with its nested components (VALARM…)
    complete: bool = False  # its END was found

    def line_of(self, name: str) -> int:
        """The line of its first `name` property, else of its BEGIN."""
        for line in self.own:
            head = line.text[: len(name) + 1].upper()
            if head[:-1] == name and head[-1:] in (";", ":"):
                return line.number
        return self.line


@dataclass
class Split:
    properties: list[Line] = field(default_factory=list)  # the calendar's own
    components: list[Component] = field(default_factory=list)
    calendars: int = 0
    outside: int = 0  # components found outside any VCALENDAR (read as inside one)
    joined: list[int] = field(default_factory=list)  # lines that were not content lines
    encoding: tuple[str, int] | None = None  # what was assumed of it, and where


def logical_lines(data: bytes, joined: list[int]) -> tuple[list[Line], tuple[str, int] | None]:
    """The file's content lines, unfolded (RFC 5545 3.1: a line that starts with a space or a
    tab continues the one before), and what was assumed (and where) of their encoding.

    Lines are unfolded as bytes, then decoded: writers fold at 75 octets, some of them in the
    middle of a character. The text is UTF-8 (RFC 5545); a line that is not is read as
    Windows-1252, and said. A line that cannot be a content line (no name and colon: a
    writer that did not fold) is taken as more of the line before, after a line break;
    their numbers go to `joined`."""
    data = _utf8(data)
    groups: list[tuple[int, list[bytes]]] = []
    for number, physical in enumerate(_BREAKS.split(data), start=1):
        if not physical.strip():
            continue
        if physical[:1] in (b" ", b"\t"):
            if groups:
                groups[-1][1].append(physical[1:])
            continue
        if not _NAMED.match(physical) and groups:
            # An escaped line break, as the text of the line before would have had it.
            groups[-1][1].append(b"\\n" + physical)
            joined.append(number)
            continue
        groups.append((number, [physical]))
    lines: list[Line] = []
    note: tuple[str, int] | None = None
    for number, pieces in groups:
        raw = b"".join(pieces)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            text = raw.decode("cp1252", errors="replace")
            if note is None:
                byte = raw[error.start]
                note = (f"not UTF-8 (byte 0x{byte:02x}); lines like it are read as cp1252", number)
        lines.append(Line(number, text))
    return lines, note


def _utf8(data: bytes) -> bytes:
    """The file as UTF-8 (it may be UTF-16), without a byte order mark."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace").encode("utf-8")
    if data[:1] == b"\x00" or data[1:2] == b"\x00":  # UTF-16 without its byte order mark
        codec = "utf-16-be" if data[:1] == b"\x00" else "utf-16-le"
        return data.decode(codec, errors="replace").encode("utf-8")
    return data


def split(data: bytes) -> Split:
    """The calendar's properties and its components, in file order.

    Nothing is refused here: an END that closes nothing is passed over, a component outside
    a calendar is read as inside one, several calendars are read as one, and a component
    that the file ends inside is kept with `complete` false."""
    result = Split()
    stack: list[str] = []
    current: Component | None = None
    lines, result.encoding = logical_lines(data, result.joined)
    for line in lines:
        head = line.text[:6].upper()
        if head == "BEGIN:":
            name = line.text[6:].strip().upper()
            if not stack and name != "VCALENDAR":
                stack.append("VCALENDAR")  # an event with no calendar around it
                result.outside += 1
            if not stack:
                result.calendars += 1
            stack.append(name)
            if len(stack) == 2:
                current = Component(name, line.number)
                result.components.append(current)
            if current is not None:
                current.every.append(line)
                if len(stack) == 2:
                    current.own.append(line)
        elif head[:4] == "END:":
            name = line.text[4:].strip().upper()
            if name not in stack:
                continue  # closes nothing
            while stack and stack[-1] != name:  # closes what was left open inside it
                stack.pop()
            depth = len(stack)
            stack.pop()
            if current is not None and depth >= 2:
                current.every.append(line)
                if depth == 2:
                    current.own.append(line)
                    current.complete = True
                    current = None
            if depth <= 1:
                current = None
        elif len(stack) == 1:
            result.properties.append(line)
        elif current is not None:
            current.every.append(line)
            if len(stack) == 2:
                current.own.append(line)
    return result


def unescape(raw: str) -> str:
    """A TEXT value as written (RFC 5545 3.3.11: `\\,` `\\;` `\\\\` `\\n`) made plain."""
    return _ESCAPED.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), raw)
