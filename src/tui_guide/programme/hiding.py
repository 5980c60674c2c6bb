"""What the visitor has hidden: venues, tracks and single sessions they will never attend."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from tui_guide.programme.model import Session

What = Literal["session", "venue", "track"]


@dataclass(frozen=True)
class Hidden:
    """Venues by key, tracks by festival and name, sessions by key; an empty one hides
    nothing. Each change gives a new one (it is kept in the guide's state)."""

    venues: frozenset[str] = frozenset()
    tracks: frozenset[tuple[str, str]] = frozenset()
    sessions: frozenset[str] = frozenset()

    def __len__(self) -> int:
        return len(self.venues) + len(self.tracks) + len(self.sessions)

    def hides(self, session: Session) -> bool:
        """Whether `session` is hidden: itself, its venue or its track."""
        if not (self.sessions or self.venues or self.tracks):
            return False
        if session.key in self.sessions:
            return True
        if session.venue is not None and session.venue.key in self.venues:
            return True
        return session.track is not None and (session.festival_id, session.track) in self.tracks

    def holds(self, what: What, session: Session) -> bool:
        """Whether `what` of `session` (itself, its venue, its track) is hidden."""
        if what == "session":
            return session.key in self.sessions
        if what == "venue":
            return session.venue is not None and session.venue.key in self.venues
        return session.track is not None and (session.festival_id, session.track) in self.tracks

    def toggled(self, what: What, session: Session) -> Hidden:
        """`what` of `session` hidden, or shown again when it is hidden; unchanged when the
        session has no such thing (no venue, no track)."""
        if what == "session":
            return replace(self, sessions=self.sessions ^ {session.key})
        if what == "venue":
            if session.venue is None:
                return self
            return replace(self, venues=self.venues ^ {session.venue.key})
        if session.track is None:
            return self
        return replace(self, tracks=self.tracks ^ {(session.festival_id, session.track)})
