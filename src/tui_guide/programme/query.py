"""Selecting sessions: the filters shared by `tui-guide list` and the guide's lists."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from tui_guide.programme.model import Kind, Session
from tui_guide.programme.text import fold, fold_all, matches, matches_folded, query_words

if TYPE_CHECKING:
    from tui_guide.programme.search import SearchIndex


def session_haystacks(session: Session) -> tuple[str, ...]:
    """Everything a search over sessions looks at."""
    people = tuple(" ".join(filter(None, (p.name, p.role, p.affiliation))) for p in session.people)
    venue = (session.venue.name, session.venue.city or "") if session.venue else ()
    return (
        session.title,
        session.kind.value,
        session.track or "",
        *people,
        *venue,
        *session.countries,
        *session.tags,
        session.description,
    )


@lru_cache(maxsize=65536)
def session_search_text(session: Session) -> str:
    """The folded haystacks of a session, folded once and kept: lists search on every key."""
    return fold_all(*session_haystacks(session))


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
    # A prebuilt index of the sessions to search: the same answers as the scan, found without
    # folding every session's text (sessions it does not hold are scanned as before).
    index: SearchIndex | None = field(default=None, compare=False, repr=False)

    def keeps(self, session: Session) -> bool:
        if self.festival and fold(self.festival) != fold(session.festival_id):
            return False
        if self.day is not None and session.date != self.day:
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
        if not self._words:
            return True
        if self.index is not None and (at := self.index.position(session)) is not None:
            return at in self.index.found(self._words)
        return matches_folded(self._words, session_search_text(session))

    @cached_property
    def _words(self) -> tuple[str, ...]:
        return query_words(self.search)

    def apply(self, sessions: Iterable[Session]) -> list[Session]:
        return sorted((s for s in sessions if self.keeps(s)), key=Session.sort_key)
