"""Reading and checking our own TOML programme files into the model.

Every problem in a file is collected in one pass, each with its line; a file with any error
gives no festival. No exception escapes `read_toml` for any input.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import tomli  # compiled, faster than tomllib: see pyproject.toml

from tui_guide.formats.localtime import resolve_session
from tui_guide.formats.toml.fast import fast_loads
from tui_guide.formats.toml.lines import LineIndex
from tui_guide.formats.toml.quick import COLOUR as _COLOUR
from tui_guide.formats.toml.quick import quick_festival
from tui_guide.programme.model import (
    DEFAULT_DAY_STARTS,
    Festival,
    Kind,
    Link,
    Person,
    Problem,
    Session,
    Venue,
)
from tui_guide.programme.rules import FIRST_YEAR, LAST_YEAR, MAX_DAYS, SLUG
from tui_guide.programme.text import shown
from tui_guide.reading import number_problem


@dataclass(frozen=True)
class Field:
    """One key of the format: its type, whether it must be there, how to describe it."""

    kind: str  # "text", "slug", "date", "time", "texts", "people", "links"
    required: bool = False


FESTIVAL_FIELDS = {
    "id": Field("slug", required=True),
    "name": Field("text", required=True),
    "city": Field("text"),
    "country": Field("text"),
    "timezone": Field("text", required=True),
    "starts": Field("date"),
    "ends": Field("date"),
    "day_starts": Field("time"),
    "held_by": Field("date"),
    "url": Field("text"),
    "organisers": Field("texts"),
    "description": Field("text"),
    "sources": Field("texts"),
}
VENUE_FIELDS = {
    "id": Field("slug", required=True),
    "name": Field("text", required=True),
    "address": Field("text"),
    "city": Field("text"),
    "notes": Field("text"),
    "url": Field("text"),
    "guid": Field("text"),
}
SESSION_FIELDS = {
    "id": Field("slug", required=True),
    "title": Field("text", required=True),
    "kind": Field("text", required=True),
    "type": Field("text"),
    "date": Field("date"),
    "start": Field("time"),
    "end": Field("time"),
    "venue": Field("slug"),
    "track": Field("text"),
    "people": Field("people"),
    "countries": Field("texts"),
    "tags": Field("texts"),
    "description": Field("text"),
    "url": Field("text"),
    "subtitle": Field("text"),
    "links": Field("links"),
    "guid": Field("text"),
    "held_by": Field("date"),
}
PERSON_FIELDS = {
    "name": Field("text", required=True),
    "role": Field("text"),
    "affiliation": Field("text"),
}
TRACK_FIELDS = {
    "name": Field("text", required=True),
    "color": Field("text"),
}
TOP_LEVEL = ("festival", "venues", "sessions", "tracks")

_TYPE_NAMES = {
    "text": "text",
    "slug": "an id (lower-case letters, digits and single hyphens)",
    "date": "a TOML date such as 2025-12-07",
    "time": "a TOML time such as 14:00:00",
    "texts": "a list of text",
    "people": "a list of inline tables such as { name = ..., role = ... }",
    "links": "a list of inline tables such as { url = ..., title = ... }",
}


def _ident(value: str) -> str:
    """An id for a message: as it is when it is a valid id, else quoted and made safe (an
    invalid id can hold anything, terminal control characters included)."""
    return value if SLUG.match(value) else shown(value)


def suggest(word: str, choices: Iterable[str]) -> str:
    """' (did you mean "x"?)' for the nearest choice, or nothing: a choice spelt alike
    (case aside), else the one choice that the word begins (`desc` for `description`)."""
    options = list(choices)
    by_fold = {option.casefold(): option for option in options}
    close = difflib.get_close_matches(word.casefold(), list(by_fold), n=1, cutoff=0.6)
    if not close and len(word) >= 3:
        close = [o for o in by_fold if o.startswith(word.casefold())]
        close = close if len(close) == 1 else []
    return f' (did you mean "{by_fold[close[0]]}"?)' if close else ""


def _type_ok(kind: str, value: Any) -> bool:
    if kind in ("text", "slug"):
        return isinstance(value, str)
    if kind == "date":
        return isinstance(value, date) and not isinstance(value, datetime)
    if kind == "time":
        return isinstance(value, time)
    if kind == "texts":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind == "people":
        return isinstance(value, list) and all(isinstance(v, dict) for v in value)
    if kind == "links":
        return isinstance(value, list) and all(
            isinstance(v, dict)
            and isinstance(v.get("url"), str)
            and isinstance(v.get("title", ""), str)
            and set(v) <= {"url", "title"}
            for v in value
        )
    return False  # pragma: no cover


# (table, index, key): the line of a key, looked up only if a problem is reported there.
_KeyLine = tuple[str, int, str]  # table, index, key: found when a problem needs it
_ItemLine = tuple[str, int, str, int]  # the same, and which inline table of the key's array


class _FileCheck:
    """Validates one parsed document, collecting problems with lines."""

    def __init__(self, path: Path, source: str) -> None:
        self.path = path
        self.source = source
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []  # said, but the festival still loads
        self.festival_id = "?"

    @cached_property
    def lines(self) -> LineIndex:
        """Where keys stand, found only when a problem needs a line (a valid file never
        pays for it)."""
        return LineIndex(self.source)

    def error(self, message: str, line: int | _KeyLine | _ItemLine | None) -> None:
        if isinstance(line, tuple):
            line = self.lines.key(*line[:3]) if len(line) == 3 else self.lines.item(*line)
        self.problems.append(Problem(self.path, message, line))

    def warn(self, message: str, line: int | None) -> None:
        self.warnings.append(Problem(self.path, message, line, severity="warning"))

    def where(self, table: str, index: int, record_id: str | None) -> str:
        if table == "festival":
            return f"festival {self.festival_id}"
        noun = "venue" if table == "venues" else "session"
        ident = _ident(record_id) if record_id is not None else f"#{index + 1}"
        return f"festival {self.festival_id}, {noun} {ident}"

    def fields(
        self, table: str, index: int, raw: dict[str, Any], spec: dict[str, Field]
    ) -> dict[str, Any]:
        """Check keys and types of one table; return the values that passed."""
        record_id = raw.get("id") if isinstance(raw.get("id"), str) else None
        where = self.where(table, index, record_id)
        good: dict[str, Any] = {}
        for key, value in raw.items():
            field = spec.get(key)
            line = (table, index, key)
            if field is None:
                self.error(
                    f"{where}: unknown field {shown(key)}{suggest(key, spec)}",
                    line,
                )
                continue
            if not _type_ok(field.kind, value):
                self.error(
                    f"{where}, field {key}: expected {_TYPE_NAMES[field.kind]}, "
                    f"got {type(value).__name__} {shown(value)}",
                    line,
                )
                continue
            if field.kind == "slug" and not SLUG.match(value):
                self.error(
                    f"{where}, field {key}: {shown(value)} is not a valid id "
                    "(use lower-case letters, digits and single hyphens)",
                    line,
                )
                continue
            if field.kind == "text" and field.required and not value.strip():
                self.error(f"{where}, field {key}: must not be empty", line)
                continue
            if field.kind == "date" and not FIRST_YEAR <= value.year <= LAST_YEAR:
                self.error(
                    f"{where}, field {key}: {value} is out of range "
                    f"(years {FIRST_YEAR} to {LAST_YEAR})",
                    line,
                )
                continue
            good[key] = value
        for key, field in spec.items():
            if field.required and key not in raw:
                self.error(
                    f"{where}: missing required field {key}",
                    self.lines.table(table, index),
                )
        return good


def _first_at(line: int | None) -> str:
    return f" (first used at line {line})" if line is not None else ""


def _tables(check: _FileCheck, doc: dict[str, Any], name: str) -> list[tuple[int, dict[str, Any]]]:
    value = doc.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        check.error(
            f"festival {check.festival_id}: {name} must be written as [[{name}]] tables",
            check.lines.table(name) or check.lines.key("", 0, name),
        )
        return []
    return list(enumerate(value))


def _timezone(check: _FileCheck, name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ValueError, OSError, KeyError):
        pass
    except Exception:  # pragma: no cover - zoneinfo raises odd types for odd names
        pass
    check.error(
        f"festival {check.festival_id}, field timezone: unknown time zone {shown(name)} "
        '(use an IANA name such as "Asia/Baku")',
        check.lines.key("festival", 0, "timezone"),
    )
    return None


def _people(
    check: _FileCheck, index: int, session_id: str, raw: list[dict[str, Any]]
) -> tuple[Person, ...]:
    people = []
    for number, entry in enumerate(raw, start=1):
        line: _ItemLine = ("sessions", index, "people", number - 1)
        where = f"festival {check.festival_id}, session {_ident(session_id)}, people #{number}"
        ok = True
        for key, value in entry.items():
            if key not in PERSON_FIELDS:
                check.error(
                    f"{where}: unknown field {shown(key)}{suggest(key, PERSON_FIELDS)}", line
                )
                ok = False
            elif not isinstance(value, str):
                check.error(f"{where}, field {key}: expected text, got {shown(value)}", line)
                ok = False
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            check.error(f"{where}: missing required field name", line)
        elif ok:
            people.append(Person(name, entry.get("role"), entry.get("affiliation")))
    return tuple(people)


def _check_document(check: _FileCheck, doc: dict[str, Any]) -> Festival | None:
    for key in doc:
        if key not in TOP_LEVEL:
            check.error(
                f"unknown top-level key {shown(key)}{suggest(key, TOP_LEVEL)}",
                check.lines.table(key) or check.lines.key("", 0, key),
            )
    head = doc.get("festival")
    if not isinstance(head, dict):
        check.error("missing the [festival] table", check.lines.table("festival"))
        return None
    if isinstance(head.get("id"), str):
        check.festival_id = _ident(head["id"])
    fest = check.fields("festival", 0, head, FESTIVAL_FIELDS)
    zone = _timezone(check, fest["timezone"]) if "timezone" in fest else None
    boundary = fest.get("day_starts")
    if boundary is not None and (boundary > time(12) or boundary.tzinfo is not None):
        check.error(
            f"festival {check.festival_id}, field day_starts: {boundary} is not a time in the "
            "small hours (00:00:00 to 12:00:00, with no offset): a day that began later would "
            "put its morning in the day before",
            check.lines.key("festival", 0, "day_starts"),
        )
        fest = {k: v for k, v in fest.items() if k != "day_starts"}
    starts, ends = fest.get("starts"), fest.get("ends")
    if starts and ends and starts > ends:
        check.error(
            f"festival {check.festival_id}, field starts: {starts} is after ends {ends}",
            check.lines.key("festival", 0, "starts"),
        )
        starts = ends = None  # do not also flag every session as outside the range
    elif starts and ends and (ends - starts).days >= MAX_DAYS:
        check.error(
            f"festival {check.festival_id}, field ends: {starts} to {ends} is longer than "
            f"{MAX_DAYS} days (a day tab each); split it into festivals",
            check.lines.key("festival", 0, "ends"),
        )
        starts = ends = None

    venues: dict[str, Venue] = {}
    venue_ids: dict[str, int] = {}  # the index of each id's first table
    for index, raw in _tables(check, doc, "venues"):
        values = check.fields("venues", index, raw, VENUE_FIELDS)
        if "id" not in values:
            continue
        if values["id"] in venue_ids:
            check.error(
                f"{check.where('venues', index, values['id'])}, field id: duplicate venue id"
                f"{_first_at(check.lines.key('venues', venue_ids[values['id']], 'id'))}",
                check.lines.key("venues", index, "id"),
            )
            continue
        venue_ids[values["id"]] = index
        if "name" in values:
            venues[values["id"]] = Venue(festival_id=check.festival_id, **values)

    sessions: dict[str, Session] = {}
    session_ids: dict[str, int] = {}
    for index, raw in _tables(check, doc, "sessions"):
        values = check.fields("sessions", index, raw, SESSION_FIELDS)
        duplicate = "id" in values and values["id"] in session_ids
        if duplicate:
            # Checked on the id alone, so a duplicate is found even when either copy has
            # other problems; the copy is still checked for its own problems.
            check.error(
                f"{check.where('sessions', index, values['id'])}, field id: duplicate session id"
                f"{_first_at(check.lines.key('sessions', session_ids[values['id']], 'id'))}",
                check.lines.key("sessions", index, "id"),
            )
        elif "id" in values:
            session_ids[values["id"]] = index
        session = _session(check, index, values, venues, venue_ids, zone, (starts, ends), fest)
        if session is not None and not duplicate:
            sessions[session.id] = session

    colours = _track_colours(check, doc)
    if check.problems or zone is None:
        return None
    return Festival(
        id=fest["id"],
        name=fest["name"],
        city=fest.get("city", ""),
        country=fest.get("country", ""),
        timezone=zone,
        source_file=check.path,
        starts=fest.get("starts"),
        ends=fest.get("ends"),
        url=fest.get("url"),
        organisers=tuple(fest.get("organisers", ())),
        description=fest.get("description", ""),
        sources=tuple(fest.get("sources", ())),
        venues=tuple(venues.values()),
        sessions=tuple(sessions.values()),
        day_starts=fest.get("day_starts"),
        held_by=fest.get("held_by"),
        track_colours=colours,
    )


def _track_colours(check: _FileCheck, doc: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """Each `[[tracks]]` table's colour (`#rrggbb`), by track name; a colour that is not one
    is a warning, and that track is drawn in its kind's colour."""
    found: dict[str, str] = {}
    for index, raw in _tables(check, doc, "tracks"):
        name = raw.get("name")
        where = f"festival {check.festival_id}, track {shown(name) if name else f'#{index + 1}'}"
        values = {}
        for key, value in raw.items():
            if key not in TRACK_FIELDS:
                check.error(
                    f"{where}: unknown field {shown(key)}{suggest(key, TRACK_FIELDS)}",
                    ("tracks", index, key),
                )
            elif not isinstance(value, str):
                check.error(
                    f"{where}, field {key}: expected text, got {type(value).__name__} "
                    f"{shown(value)}",
                    ("tracks", index, key),
                )
            else:
                values[key] = value
        if not values.get("name", "").strip():
            if "name" not in raw:
                check.error(
                    f"{where}: missing required field name", check.lines.table("tracks", index)
                )
            elif isinstance(raw["name"], str):
                check.error(f"{where}, field name: must not be empty", ("tracks", index, "name"))
            continue
        colour = values.get("color")
        if colour is None:
            continue
        line = check.lines.key("tracks", index, "color")
        if not _COLOUR.fullmatch(colour):
            check.warn(
                f"{where}, field color: {shown(colour)} is not a colour such as #0084b0; ignored",
                line,
            )
            continue
        if values["name"] in found:
            check.warn(f"{where}, field color: the track's colour is given again; ignored", line)
            continue
        found[values["name"]] = colour.lower()
    return tuple(found.items())


def _session(
    check: _FileCheck,
    index: int,
    values: dict[str, Any],
    venues: dict[str, Venue],
    declared: Collection[str],
    zone: ZoneInfo | None,
    dates: tuple[date | None, date | None],
    fest: dict[str, Any],
) -> Session | None:
    if "id" not in values:
        return None
    starts, ends = dates
    day_starts = fest.get("day_starts") or DEFAULT_DAY_STARTS
    where = check.where("sessions", index, values["id"])

    def line(key: str) -> int | None:
        return check.lines.key("sessions", index, key)

    kind = None
    if "kind" in values:
        try:
            kind = Kind(values["kind"])
        except ValueError:
            choices = ", ".join(k.value for k in Kind)
            check.error(
                f"{where}, field kind: unknown kind {shown(values['kind'])}"
                f"{suggest(values['kind'], [k.value for k in Kind])}; one of {choices}",
                line("kind"),
            )
    venue = None
    venue_ok = True
    if "venue" in values:
        venue = venues.get(values["venue"])
        if venue is None and values["venue"] in declared:
            venue_ok = False  # the venue is there but broken, and reported already
        elif venue is None:
            check.error(
                f"{where}, field venue: no venue with id {shown(values['venue'])} in this file"
                f"{suggest(values['venue'], venues)}",
                line("venue"),
            )
            venue_ok = False  # keep checking the rest of the session
    day = values.get("date")
    # Its festival day is checked, not its date: 01:00 after the last evening is in its night.
    # The small hours of the first date have no night before them in the festival: they are
    # its first day (the session keeps a boundary of midnight).
    start = values.get("start")
    night = day is not None and start is not None and start < day_starts
    if night and starts is not None and day == starts:
        night, day_starts = False, time(0)
    festival_day = day - timedelta(days=1) if day is not None and night else day
    if festival_day is not None and (
        (starts is not None and festival_day < starts) or (ends is not None and festival_day > ends)
    ):
        night_of = ""
        if night:
            night_of = f" (at {start:%H:%M}, before the day boundary, it is the night of "
            night_of += f"{festival_day})"
        check.error(
            f"{where}, field date: {day} is outside the festival's dates "
            f"({starts or '…'} to {ends or '…'}){night_of}",
            line("date"),
        )
    if "end" in values and "start" not in values:
        check.error(f"{where}, field end: an end needs a start", line("end"))
    people = _people(check, index, values["id"], values.get("people", []))
    if kind is None or "title" not in values or zone is None or not venue_ok:
        return None
    start, end = values.get("start"), values.get("end")
    if day is not None and start is not None:  # the nights the clocks change (localtime.py)
        day, start, end, notes = resolve_session(day, start, end, zone)
        for field, note in notes:
            check.warn(f"{where}, field {field}: {note}", line(field))
    return Session(
        festival_id=check.festival_id,
        id=values["id"],
        title=values["title"],
        kind=kind,
        timezone=zone,
        date=day,
        start=start,
        end=end,
        venue=venue,
        track=values.get("track"),
        people=people,
        countries=tuple(values.get("countries", ())),
        tags=tuple(values.get("tags", ())),
        description=values.get("description", ""),
        url=values.get("url"),
        subtitle=values.get("subtitle", ""),
        links=tuple(Link(v["url"], v.get("title", "")) for v in values.get("links", ())),
        guid=values.get("guid"),
        type=values.get("type") or None,
        day_starts=day_starts,
        held_by=values.get("held_by") or fest.get("held_by"),
    )


def _encoding_problem(path: Path, error: UnicodeDecodeError) -> Problem:
    """Where the first byte that is not UTF-8 stands, as a line and column."""
    before = bytes(error.object[: error.start])
    line = before.count(b"\n") + 1
    column = error.start - (before.rfind(b"\n") + 1) + 1
    return Problem(
        path,
        f"not UTF-8 text (byte {error.start}, {error.object[error.start]:#04x}): {error.reason}; "
        "save the file as UTF-8",
        line,
        column,
    )


_SHORT_TIME = re.compile(r"=\s*\d{2}:\d{2}\s*(?:#.*)?\r?$")
_LINE_COL = re.compile(r"\(at line (\d+), column (\d+)\)")


def _syntax_problem(path: Path, error: Exception, source: str) -> Problem:
    message = str(error)
    line = getattr(error, "lineno", None)
    column = getattr(error, "colno", None)
    if line is None and (match := _LINE_COL.search(message)):
        line, column = int(match.group(1)), int(match.group(2))
    message = _LINE_COL.sub("", message).strip()
    if "(at end of document)" in message:
        message = message.replace("(at end of document)", "").strip() + " at the end of the file"
        if line is None:  # the end of the file is a place too: its last line
            line = source.count("\n") + 1
            column = len(source) - (source.rfind("\n") + 1) + 1
    lines = source.split("\n")
    if line is not None and 1 <= line <= len(lines) and _SHORT_TIME.search(lines[line - 1]):
        message += " (a TOML time needs seconds: write 14:00:00, not 14:00)"
    return Problem(path, f"TOML syntax error: {message}", line, column)


def read_toml(path: Path, data: bytes) -> tuple[Festival | None, list[Problem]]:
    """The festival in one TOML file's bytes, or None and the reasons, in the file's order."""
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [_encoding_problem(path, error)]
    # The common case, fast: a file the fast reader reads and the quick check passes has
    # nothing to say. Anything else is read again by tomli (its messages, with line and
    # column, and exactly its values) and explained by the detailed checker.
    fast = fast_loads(source, data)
    if fast is not None and (festival := quick_festival(path, fast)) is not None:
        return festival, []
    try:
        doc = tomli.loads(source)
    except tomli.TOMLDecodeError as error:
        return None, [_syntax_problem(path, error, source)]
    except RecursionError:
        return None, [Problem(path, "TOML syntax error: nested too deeply")]
    except ValueError:  # tomllib's int() of a number of more than 4,300 digits
        line, message = number_problem(data)
        return None, [Problem(path, message, line)]
    check = _FileCheck(path, source)
    try:
        festival = _check_document(check, doc)
    except RecursionError:  # pragma: no cover - deeply nested values
        return None, [Problem(path, "nested too deeply to check")]
    # In the order of the file, so a long report reads top to bottom.
    problems = check.problems + (check.warnings if festival is not None else [])
    return festival, sorted(problems, key=lambda p: p.line or 0)
