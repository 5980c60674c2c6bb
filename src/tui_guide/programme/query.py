"""Selecting sessions: the filters shared by `tui-guide list` and the guide's lists."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Protocol

from tui_guide.programme.haystacks import session_search_text
from tui_guide.programme.hiding import Hidden
from tui_guide.programme.model import Kind, Session
from tui_guide.programme.text import fold, matches, matches_folded, query_words


class Matcher(Protocol):
    """A prebuilt index that answers a text search for the sessions it holds (`SearchIndex`)."""

    def holds(self, session: Session, words: tuple[str, ...]) -> bool | None:
        """Whether `session` matches every one of the folded `words`; None when the index
        does not hold this very session (it is then scanned)."""


@dataclass(frozen=True)
class SessionFilter:
    """A conjunction of optional conditions; an empty filter keeps everything."""

    festival: str | None = None
    day: date | None = None
    venue: str | None = None
    kinds: frozenset[Kind] = frozenset()
    tracks: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    search: str = ""
    hide_past_before: datetime | None = None
    # The texts of the sessions' festival that the search also looks at (its name and city,
    # `haystacks.festival_texts`): a filter is made for one festival's sessions.
    festival_texts: tuple[str, ...] = ()
    hidden: Hidden | None = None  # what the visitor hid (venues, tracks, sessions)

    def keeps(self, session: Session, index: Matcher | None = None) -> bool:
        """Whether `session` meets every condition. An `index` of the sessions to search
        gives the same answers as the scan, without folding every session's text."""
        if self.festival and fold(self.festival) != fold(session.festival_id):
            return False
        if self.day is not None and session.day != self.day:  # its festival day, night included
            return False
        if self.venue is not None:
            venue = session.venue
            if venue is None or not (
                fold(self.venue) == fold(venue.id) or matches(self.venue, venue.name)
            ):
                return False
        if self.kinds and session.kind not in self.kinds:
            return False
        if self.tracks and session.track not in self.tracks:
            return False
        if self.countries and not self.countries.intersection(session.countries):
            return False
        if self.hide_past_before is not None and session.is_past(self.hide_past_before):
            return False
        if self.hidden is not None and self.hidden.hides(session):
            return False
        if not self._words:
            return True
        if index is not None and (held := index.holds(session, self._words)) is not None:
            return held
        return matches_folded(self._words, session_search_text(session, self.festival_texts))

    @cached_property
    def _words(self) -> tuple[str, ...]:
        return query_words(self.search)

    def apply(
        self, sessions: Iterable[Session], index: Matcher | None = None, *, in_order: bool = False
    ) -> list[Session]:
        """The sessions kept, in time order (see `keeps` for `index`). `in_order` says they
        come in it already (a festival day's, from `Festival.sessions_on`): they are kept in
        it, not sorted again (at 3,050 sessions, a third of a day's opening)."""
        kept = [session for session in sessions if self.keeps(session, index)]
        return kept if in_order else sorted(kept, key=Session.sort_key)
