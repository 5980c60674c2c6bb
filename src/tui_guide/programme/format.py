"""How dates, times and gaps read, the same in the guide and on the command line."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from tui_guide.i18n import N_, _, ngettext
from tui_guide.i18n import dates as _dates
from tui_guide.programme.model import Festival, Kind, Session

TBA = N_("TBA")
NOT_GIVEN = N_("not given")
"""What an unknown reads once it can no longer be announced: the session is over, or the
report that gave it came after it. "TBA" there would read as still to come. (Both in
English: `unknown()` says them in the guide's language.)"""

KIND_LABELS: dict[Kind, str] = {
    Kind.SCREENING: N_("screening"),
    Kind.MASTERCLASS: N_("masterclass"),
    Kind.WORKSHOP: N_("workshop"),
    Kind.PANEL: N_("panel"),
    Kind.ROUNDTABLE: N_("roundtable"),
    Kind.TALK: N_("talk"),
    Kind.CEREMONY: N_("ceremony"),
    Kind.MEETING: N_("meeting"),
    Kind.SIGNING: N_("signing"),
    Kind.TOUR: N_("tour"),
    Kind.OTHER: N_("other"),
}
"""The kinds as shown (in the guide's language); files and `--kind` keep `Kind.value`."""


COMPACT_WIDTH = 13
"""The most cells a `compact` time takes: '23:55–00:35⁺¹'."""


def count(number: int, noun: str, plural: str | None = None) -> str:
    """'1 session', '2 sessions'; `plural` for nouns that do not just take an s."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def unknown(over: bool = False) -> str:
    """The word for a missing date, time or venue: 'TBA', or 'not given' for what is over."""
    return _(NOT_GIVEN) if over else _(TBA)


def kind_name(kind: Kind) -> str:
    """A kind as the guide's language says it ('masterclass', 'ustad dərsi')."""
    label = KIND_LABELS.get(kind)
    return _(label) if label else kind.value


def day_label(day: date | None, *, year: bool = False, over: bool = False) -> str:
    """'Sun 7 Dec' (or 'Sun 7 Dec 2025'); 'Date TBA' (or, `over`, 'Date not given') for an
    unknown date.

    In the guide's language (tui_guide.i18n.dates), never the machine's locale.
    """
    if day is None:
        return _("Date not given") if over else _("Date TBA")
    return _dates.day_label(day, year=year)


def day_tab_label(festival: Festival, day: date | None) -> str:
    """A festival day as its tab reads: 'Day 1 · Wed 27 Dec' when the festival's own dates
    are known, else 'Wed 27 Dec'; 'Date TBA' for the sessions with no date."""
    if day is None:
        return day_label(None)
    number = festival.day_number(day)
    if number is None:
        return day_label(day)
    return _("Day {number} · {date}").format(number=number, date=day_label(day))


def venue_label(session: Session, *, over: bool = False) -> str:
    """The venue's name, or 'Venue TBA' ('Venue not given' once the session is over)."""
    if session.venue:
        return session.venue.name
    return _("Venue not given") if over else _("Venue TBA")


def kind_label(session: Session) -> str:
    """The session's kind, and the source's own word for it when that says more: a schedule's
    "DJ Set" that is `other` here reads "other · DJ Set"; "Talk" beside `talk` says nothing."""
    kind = kind_name(session.kind)
    own = " ".join((session.type or "").split())
    return f"{kind} · {own}" if own and own.casefold() != session.kind.value else kind


# POSIX signs: `Etc/GMT-1` is one hour *ahead* of UTC, which reads as its opposite.
_FIXED_OFFSET = re.compile(r"Etc/GMT([+-])(\d{1,2})")
_UTC = frozenset({"UTC", "Etc/UTC", "Etc/GMT", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0"})


def zone_label(zone: ZoneInfo) -> str:
    """How a festival's time zone is named to people: its IANA name (`Europe/Berlin`),
    except that a fixed offset with no place, `Etc/GMT-1`, is `UTC+1` (and `Etc/GMT` is
    `UTC`). Files keep the IANA name: the TOML `timezone`, a calendar's TZID."""
    key = zone.key
    if key in _UTC:
        return "UTC"
    match = _FIXED_OFFSET.fullmatch(key)
    if match is None:
        return key
    sign, hours = match.groups()
    return f"UTC{'-' if sign == '+' else '+'}{int(hours)}"


def time_range(
    session: Session,
    *,
    compact: bool = False,
    zone: ZoneInfo | None = None,
    over: bool = False,
) -> str:
    """'14:00', '14:00–15:30', '23:00–01:00 (+1 day)' or 'Time TBA' ('Time not given' when
    `over`); `compact` writes the next day as '23:00–01:00⁺¹', for narrow columns (13 cells
    at most). In the festival's wall clock, or in `zone` when given (the viewer's own)."""
    if session.start is None:
        # "Time not given" is a cell too wide for a list's time column: "not given" says it.
        if compact and over:
            return _(NOT_GIVEN)
        label = _("Time not given") if over else _("Time TBA")
        # A language's "Time TBA" longer than the column says the word alone ("уточняется").
        return _(TBA) if compact and len(label) > COMPACT_WIDTH else label
    starts, ends = session.starts_at, session.ends_at
    if zone is None or starts is None:
        text = session.start.strftime("%H:%M")
        if session.end is None:
            return text
        text += "–" + session.end.strftime("%H:%M")
        later = session.end < session.start
    else:
        starts = starts.astimezone(zone)
        text = f"{starts:%H:%M}"
        if ends is None:
            return text
        ends = ends.astimezone(zone)
        text += f"–{ends:%H:%M}"
        later = ends.date() > starts.date()
    if later:
        text += "⁺¹" if compact else _(" (+1 day)")
    return text


def calendar_date(session: Session, zone: ZoneInfo | None = None) -> date | None:
    """The date the session starts on: its own, or in `zone` (the viewer's) when given."""
    starts = session.starts_at
    if zone is None or starts is None:
        return session.date
    return starts.astimezone(zone).date()


def until(moment: datetime, later: datetime) -> str:
    """'in 5 min', 'in 2 h 10 min', 'in 3 days' from `moment` to `later`."""
    gap = later.astimezone(UTC) - moment.astimezone(UTC)  # elapsed, across clock changes
    if gap < timedelta(0):
        return _("started")
    minutes = int(gap.total_seconds() // 60)
    if minutes < 60:
        return _("in {minutes} min").format(minutes=minutes)
    if minutes < 24 * 60:
        hours, rest = divmod(minutes, 60)
        if rest:
            return _("in {hours} h {minutes} min").format(hours=hours, minutes=rest)
        return _("in {hours} h").format(hours=hours)
    return ngettext("in {n} day", "in {n} days", gap.days)


def night_groups(
    day: date | None, sessions: Sequence[Session], zone: ZoneInfo | None = None
) -> list[tuple[str | None, list[Session]]]:
    """A festival day's sessions (in time order) split by the date they start on as shown:
    the day's own first (no heading), then 'After midnight · Thu 28 Dec' for its night, so
    a session keeps its true date; in `zone` (the viewer's), dates the shift moves to carry
    '(your time)'."""
    groups: dict[date | None, list[Session]] = {}
    for session in sessions:
        shown = calendar_date(session, zone)
        groups.setdefault(None if shown == day or day is None else shown, []).append(session)
    mine = _(" (your time)") if zone is not None else ""
    result: list[tuple[str | None, list[Session]]] = []
    for shown, found in sorted(groups.items(), key=lambda item: _group_order(day, item[0])):
        if shown is None:
            result.append((None, found))
        elif day is not None and shown > day:
            label = _("After midnight · {date}").format(date=day_label(shown))
            result.append((label + mine, found))
        else:
            result.append((f"{day_label(shown)}{mine}", found))
    return result


def _group_order(day: date | None, shown: date | None) -> tuple[int, date]:
    if shown is None or day is None:
        return (0, date.min)
    return (-1 if shown < day else 1, shown)


def festival_dates(festival: Festival) -> str:
    """'Fri 5 Dec – Thu 11 Dec 2025'; when the festival's own dates are not given, the span
    of its sessions, said to be only that: 'Sessions Sat 6 Dec – Tue 9 Dec 2025 (its own dates
    not given)'; with no dated session, 'Dates TBA', or for one a report says took place,
    'Held by Tue 22 Jul 2025 (dates not given)'."""
    if festival.starts and festival.ends:
        if festival.starts == festival.ends:
            return day_label(festival.starts, year=True)
        return f"{day_label(festival.starts)} – {day_label(festival.ends, year=True)}"
    days = festival.days
    if not days:
        if festival.held_by is not None:
            held = day_label(festival.held_by, year=True)
            return _("Held by {date} (dates not given)").format(date=held)
        return _("Dates TBA")
    first, last = days[0], days[-1]
    if first == last:
        return _("Sessions on {date} (its own dates not given)").format(
            date=day_label(first, year=True)
        )
    return _("Sessions {first} – {last} (its own dates not given)").format(
        first=day_label(first), last=day_label(last, year=True)
    )
