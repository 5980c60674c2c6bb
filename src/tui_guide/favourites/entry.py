"""One favourite: its key, when it was added, and what its session looked like then."""

from __future__ import annotations

from datetime import date, datetime, time

import msgspec

from tui_guide.i18n import _
from tui_guide.programme.format import day_label
from tui_guide.programme.model import Session
from tui_guide.reading import whole


class Snapshot(msgspec.Struct, frozen=True):
    """What a session was when it was starred: enough to name it when it is gone, and to
    say what changed when the programme moves it."""

    title: str
    date: date | None = None
    start: time | None = None
    end: time | None = None
    venue: str | None = None

    @classmethod
    def of(cls, session: Session) -> Snapshot:
        return cls(
            # whole(): a lone surrogate, should a title hold one, cannot go into SQLite.
            title=whole(session.title),
            date=session.date,
            start=session.start,
            end=session.end,
            venue=whole(session.venue.name) if session.venue else None,
        )

    def when(self) -> str:
        """'Sun 7 Dec 14:00–15:00', 'Sun 7 Dec' or 'Date TBA'."""
        text = day_label(self.date)
        if self.start is not None:
            text += f" {self.start:%H:%M}"
            if self.end is not None:
                text += f"–{self.end:%H:%M}"
        return text


class Favourite(msgspec.Struct, frozen=True):
    """A starred session, keyed on `festival-id/session-id`."""

    key: str
    added_at: datetime
    snapshot: Snapshot | None = None

    @property
    def festival_id(self) -> str:
        return self.key.partition("/")[0]

    @property
    def title(self) -> str:
        """The last known title, or the key when none was ever seen."""
        return self.snapshot.title if self.snapshot else self.key


def _hm(value: time | None) -> str:
    return _("TBA") if value is None else f"{value:%H:%M}"


def changes(snapshot: Snapshot | None, session: Session) -> list[str]:
    """What differs between the session now and when it was starred ('time 14:00 → 15:00')."""
    if snapshot is None:
        return []
    now = Snapshot.of(session)
    found = []
    if now.title != snapshot.title:
        found.append(_("title was {title}").format(title=repr(snapshot.title)))
    if now.date != snapshot.date:
        found.append(
            _("date {was} → {now}").format(was=day_label(snapshot.date), now=day_label(now.date))
        )
    if (now.start, now.end) != (snapshot.start, snapshot.end):
        before = _hm(snapshot.start) + (f"–{_hm(snapshot.end)}" if snapshot.end else "")
        after = _hm(now.start) + (f"–{_hm(now.end)}" if now.end else "")
        found.append(_("time {was} → {now}").format(was=before, now=after))
    if now.venue != snapshot.venue:
        found.append(
            _("venue {was} → {now}").format(
                was=snapshot.venue or _("TBA"), now=now.venue or _("TBA")
            )
        )
    return found
