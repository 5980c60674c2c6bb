"""The programme for scripts: sessions as JSON or CSV, as `list --format json|csv` writes them.

Dates and times are ISO 8601: a session's local date and wall-clock times, the same start
and end with the festival's offset (`2017-08-06T10:00:00-04:00`) and in UTC
(`2017-08-06T14:00:00Z`); `null` (empty in CSV) for what is to be announced. A zone is
its IANA name, as a program wants it (`Etc/GMT-1`, not the `UTC+1` people are shown).

No raw control character is ever written, in two ways:

- JSON keeps every string exact, and escapes. json.dumps writes C0 characters (ESC, NUL,
  CR…) as `\\u001b`, `\\n`…, even with ensure_ascii=False; what it leaves raw — DEL, the C1
  controls, bidi overrides, lone surrogates, the rest of `programme.text.CONTROL` — is
  escaped here the same way. An escape is six ASCII characters that no terminal acts on;
  any JSON reader turns it back into the very character, so a script gets the text as the
  programme has it, and it is for the script to decide how to show it.
- CSV has no escapes: a cell is the text itself. Every string goes through
  `programme.text.printable`, as on the terminal (ESC becomes `␛`); only the description
  keeps its line breaks and tabs, inside a quoted cell. The csv module quotes what needs
  quoting and writes a header row.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from tui_guide.programme.model import Festival, Session, Venue
from tui_guide.programme.text import CONTROL, printable

Record = dict[str, Any]  # a JSON object, as json.dumps takes it


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _utc(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().removesuffix("+00:00") + "Z"


def _venue(venue: Venue | None) -> Record | None:
    if venue is None:
        return None
    return {
        "id": venue.id,
        "key": venue.key,
        "name": venue.name,
        "address": venue.address,
        "city": venue.city,
        "notes": venue.notes,
        "url": venue.url,
        "guid": venue.guid,
    }


def session_record(session: Session) -> Record:
    """Every field of the session, and its times with the offset and in UTC."""
    starts, ends = session.starts_at, session.ends_at
    return {
        "festival": session.festival_id,
        "id": session.id,
        "key": session.key,
        "title": session.title,
        "subtitle": session.subtitle,
        "kind": session.kind.value,
        "type": session.type,  # the source's own word for it ("Lightning talk"), or null
        "date": session.date.isoformat() if session.date else None,
        # The festival day it belongs to: the day before `date` for a night's small hours.
        "day": session.day.isoformat() if session.day else None,
        "day_starts": session.day_starts.isoformat(),
        "start": session.start.isoformat() if session.start else None,
        "end": session.end.isoformat() if session.end else None,
        "timezone": session.timezone.key,
        "starts_at": _iso(starts),
        "ends_at": _iso(ends),
        "starts_at_utc": _utc(starts),
        "ends_at_utc": _utc(ends),
        "venue": _venue(session.venue),
        "track": session.track,
        "people": [
            {"name": p.name, "role": p.role, "affiliation": p.affiliation} for p in session.people
        ],
        "countries": list(session.countries),
        "tags": list(session.tags),
        "description": session.description,
        "url": session.url,
        "links": [{"url": link.url, "title": link.title} for link in session.links],
        "guid": session.guid,
        "held_by": session.held_by.isoformat() if session.held_by else None,
    }


def festival_record(festival: Festival) -> Record:
    """The festival, without its venues and sessions (each session names its own)."""
    return {
        "id": festival.id,
        "name": festival.name,
        "city": festival.city,
        "country": festival.country,
        "timezone": festival.timezone.key,
        "starts": festival.starts.isoformat() if festival.starts else None,
        "ends": festival.ends.isoformat() if festival.ends else None,
        "day_starts": festival.boundary.isoformat(),
        "held_by": festival.held_by.isoformat() if festival.held_by else None,
        "url": festival.url,
        "organisers": list(festival.organisers),
        "description": festival.description,
        "sources": list(festival.sources),
    }


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def as_json(festivals: Iterable[Festival], sessions: Iterable[Session]) -> str:
    """`{"festivals": [...], "sessions": [...]}`, indented, ending in a newline."""
    document = {
        "festivals": [festival_record(f) for f in festivals],
        "sessions": [session_record(s) for s in sessions],
    }
    text = json.dumps(document, ensure_ascii=False, indent=2)
    # Outside strings JSON is ASCII, spaces and newlines: whatever CONTROL finds is in a
    # string, where its \u escape means the same character.
    return CONTROL.sub(_escape, text) + "\n"


CSV_COLUMNS: Sequence[str] = (
    "festival",
    "id",
    "key",
    "title",
    "subtitle",
    "kind",
    "type",
    "date",
    "day",
    "start",
    "end",
    "timezone",
    "starts_at",
    "ends_at",
    "starts_at_utc",
    "ends_at_utc",
    "venue_id",
    "venue",
    "track",
    "people",
    "countries",
    "tags",
    "url",
    "links",
    "guid",
    "held_by",
    "description",
)


def _person(name: str, role: str | None, affiliation: str | None) -> str:
    details = ", ".join(filter(None, (role, affiliation)))
    return f"{name} ({details})" if details else name


def _row(session: Session) -> list[str]:
    record = session_record(session)
    venue = session.venue
    cells: dict[str, str | None] = {
        **{k: v for k, v in record.items() if isinstance(v, str)},
        "venue_id": venue.id if venue else None,
        "venue": venue.name if venue else None,
        "people": "; ".join(_person(p.name, p.role, p.affiliation) for p in session.people),
        "countries": "; ".join(session.countries),
        "tags": "; ".join(session.tags),
        "links": " ".join(link.url for link in session.links),
    }
    return [printable(cells.get(c) or "", multiline=c == "description") for c in CSV_COLUMNS]


def as_csv(sessions: Iterable[Session]) -> str:
    """A header row, then a row per session: people as `name (role, affiliation)` and
    countries and tags joined by `; `, links by spaces (JSON keeps them apart)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_row(s) for s in sessions)
    return buffer.getvalue()
