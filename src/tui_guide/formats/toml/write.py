"""A festival written out in our own TOML format, readable and loadable again.

tomli-w writes the TOML: it quotes and escapes every string correctly (a title with quotes,
backslashes or control characters round-trips), which string formatting would get wrong.
"""

from __future__ import annotations

import re
from typing import Any

import tomli_w

from tui_guide.programme.model import Festival, Session, Venue


def _some(values: dict[str, Any]) -> dict[str, Any]:
    """Only the keys with something in them: a missing key means "not known"."""
    return {k: v for k, v in values.items() if v not in (None, "", (), [])}


def _venue(venue: Venue) -> dict[str, Any]:
    return _some(
        {
            "id": venue.id,
            "name": venue.name,
            "address": venue.address,
            "city": venue.city,
            "notes": venue.notes,
            "url": venue.url,
            "guid": venue.guid,
        }
    )


def _session(session: Session, festival: Festival) -> dict[str, Any]:
    # A session's own held_by only where the festival's does not already say it.
    held_by = session.held_by if session.held_by != festival.held_by else None
    return _some(
        {
            "id": session.id,
            "title": session.title,
            "subtitle": session.subtitle,
            "kind": session.kind.value,
            "type": session.type,
            "date": session.date,
            "start": session.start,
            "end": session.end,
            "venue": session.venue.id if session.venue else None,
            "track": session.track,
            "people": [
                _some({"name": p.name, "role": p.role, "affiliation": p.affiliation})
                for p in session.people
            ],
            "countries": list(session.countries),
            "tags": list(session.tags),
            "url": session.url,
            "links": [_some({"url": link.url, "title": link.title}) for link in session.links],
            "guid": session.guid,
            "held_by": held_by,
            "description": session.description,
        }
    )


def festival_document(festival: Festival) -> dict[str, Any]:
    head = _some(
        {
            "id": festival.id,
            "name": festival.name,
            "city": festival.city,
            "country": festival.country,
            "timezone": festival.timezone.key,
            "starts": festival.starts,
            "ends": festival.ends,
            "day_starts": festival.day_starts,
            "held_by": festival.held_by,
            "url": festival.url,
            "organisers": list(festival.organisers),
            "description": festival.description,
            "sources": list(festival.sources),
        }
    )
    return _some(
        {
            "festival": head,
            "venues": [_venue(v) for v in festival.venues],
            "tracks": [{"name": name, "color": colour} for name, colour in festival.track_colours],
            "sessions": [_session(s, festival) for s in festival.sessions],
        }
    )


def _dumps(values: dict[str, Any], *, multiline: bool = True) -> str:
    # tomli-w writes a "\r\n" inside a multi-line string as a bare line break, which a TOML
    # reader gives back as "\n": a value holding "\r" is written on one line, escaped.
    multiline = multiline and not _has_cr(values)
    return tomli_w.dumps(values, multiline_strings=multiline, indent=4)


def _has_cr(value: Any) -> bool:
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, dict):
        return any(_has_cr(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_has_cr(v) for v in value)
    return False


def _sessions_table(values: dict[str, Any]) -> str:
    """One `[[sessions]]` table. tomli-w writes a list of tables inline when each fits on a
    line and as `[[people]]` tables when not; those must become `[[sessions.people]]` and
    come last, after every plain key of the session."""
    nested = {k: values.pop(k) for k in ("people", "links") if k in values}
    description = {"description": values.pop("description")} if "description" in values else {}
    inline, tables = [], []
    for key, entries in nested.items():
        # Single-line strings here, so a header can only be a header, never text in a value.
        chunk = _dumps({key: entries}, multiline=False)
        if chunk.startswith(f"[[{key}]]"):
            tables.append(re.sub(rf"^\[\[{key}\]\]$", f"[[sessions.{key}]]", chunk, flags=re.M))
        else:
            inline.append(chunk)
    parts = ["[[sessions]]\n", _dumps(values), *inline, _dumps(description), *tables]
    return "".join(parts)


def write_toml(festival: Festival) -> str:
    """The festival as a TOML document in the format of docs/data-format.md: `[festival]`,
    then one `[[venues]]`, one `[[tracks]]` (a track's colour) and one `[[sessions]]` table
    each."""
    document = festival_document(festival)
    parts = [_dumps({"festival": document["festival"]})]
    parts += ["[[venues]]\n" + _dumps(venue) for venue in document.get("venues", ())]
    parts += ["[[tracks]]\n" + _dumps(track) for track in document.get("tracks", ())]
    parts += [_sessions_table(session) for session in document.get("sessions", ())]
    return "\n".join(parts)
