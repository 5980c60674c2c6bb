"""What the visitor has hidden: venues, tracks, languages and single sessions they will never
attend.

A session's languages are the tags that are language codes (`en`, `de`, `pt-BR`; `de, en`
for a talk in either): what `import` makes of a schedule's `<language>`. A session is hidden
by language when every language it is given in is hidden (a talk in German or English stays
while English is not hidden).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

from tui_guide.programme.model import Festival, Session

What = Literal["session", "venue", "track", "language"]
WHATS: tuple[What, ...] = ("session", "venue", "track", "language")

_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?")


def languages_of(session: Session) -> tuple[str, ...]:
    """The languages `session` is given in (its tags that are language codes), in order."""
    found: list[str] = []
    for tag in session.tags:
        parts = [part.strip() for part in tag.split(",")]
        if parts and all(_LANGUAGE.fullmatch(part) for part in parts):
            found += [part for part in parts if part not in found]
    return tuple(found)


@dataclass(frozen=True)
class Hidden:
    """Venues and sessions by key, tracks and languages by festival and name; an empty one
    hides nothing. Each change gives a new one (kept in the state store, `HiddenStore`)."""

    venues: frozenset[str] = frozenset()
    tracks: frozenset[tuple[str, str]] = frozenset()
    sessions: frozenset[str] = frozenset()
    languages: frozenset[tuple[str, str]] = frozenset()

    def __len__(self) -> int:
        return len(self.venues) + len(self.tracks) + len(self.sessions) + len(self.languages)

    def hides(self, session: Session) -> bool:
        """Whether `session` is hidden: itself, its venue, its track or its languages."""
        if not (self.sessions or self.venues or self.tracks or self.languages):
            return False
        if session.key in self.sessions:
            return True
        if session.venue is not None and session.venue.key in self.venues:
            return True
        if session.track is not None and (session.festival_id, session.track) in self.tracks:
            return True
        if self.languages and session.tags:
            spoken = languages_of(session)
            festival = session.festival_id
            return bool(spoken) and all((festival, lang) in self.languages for lang in spoken)
        return False

    def holds(self, what: What, session: Session) -> bool:
        """Whether `what` of `session` (itself, its venue, its track, all its languages) is
        hidden."""
        if what == "session":
            return session.key in self.sessions
        if what == "venue":
            return session.venue is not None and session.venue.key in self.venues
        if what == "language":
            spoken = languages_of(session)
            return bool(spoken) and all(
                (session.festival_id, lang) in self.languages for lang in spoken
            )
        return session.track is not None and (session.festival_id, session.track) in self.tracks

    def toggled(self, what: What, session: Session) -> Hidden:
        """`what` of `session` hidden, or shown again when it is hidden; unchanged when the
        session has no such thing (no venue, no track, no language)."""
        if what == "session":
            return replace(self, sessions=self.sessions ^ {session.key})
        if what == "venue":
            if session.venue is None:
                return self
            return replace(self, venues=self.venues ^ {session.venue.key})
        if what == "language":
            spoken = {(session.festival_id, lang) for lang in languages_of(session)}
            if not spoken:
                return self
            if self.holds("language", session):
                return replace(self, languages=self.languages - spoken)
            return replace(self, languages=self.languages | spoken)
        if session.track is None:
            return self
        return replace(self, tracks=self.tracks ^ {(session.festival_id, session.track)})

    def of(self, festival: str) -> Hidden:
        """Only what is hidden of `festival`."""
        prefix = f"{festival}/"
        return Hidden(
            venues=frozenset(v for v in self.venues if v.startswith(prefix)),
            tracks=frozenset(t for t in self.tracks if t[0] == festival),
            sessions=frozenset(s for s in self.sessions if s.startswith(prefix)),
            languages=frozenset(lang for lang in self.languages if lang[0] == festival),
        )

    def without(self, festival: str) -> Hidden:
        """What is hidden of the other festivals."""
        mine = self.of(festival)
        return Hidden(
            venues=self.venues - mine.venues,
            tracks=self.tracks - mine.tracks,
            sessions=self.sessions - mine.sessions,
            languages=self.languages - mine.languages,
        )

    def __or__(self, other: Hidden) -> Hidden:
        return Hidden(
            venues=self.venues | other.venues,
            tracks=self.tracks | other.tracks,
            sessions=self.sessions | other.sessions,
            languages=self.languages | other.languages,
        )

    def rows(self) -> frozenset[tuple[str, What, str]]:
        """Each thing hidden as (festival, what, name): the session's or venue's id within its
        festival, the track's or language's name. How the state store keeps them."""
        found: set[tuple[str, What, str]] = set()
        for what, keys in (("session", self.sessions), ("venue", self.venues)):
            for key in keys:
                festival, _, name = key.partition("/")
                found.add((festival, what, name))  # type: ignore[arg-type]
        for what, pairs in (("track", self.tracks), ("language", self.languages)):
            for festival, name in pairs:
                found.add((festival, what, name))  # type: ignore[arg-type]
        return frozenset(found)

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, What, str]]) -> Hidden:
        """The inverse of `rows`."""
        sets: dict[What, set[str]] = {"session": set(), "venue": set()}
        pairs: dict[What, set[tuple[str, str]]] = {"track": set(), "language": set()}
        for festival, what, name in rows:
            if what in sets:
                sets[what].add(f"{festival}/{name}")
            elif what in pairs:
                pairs[what].add((festival, name))
        return cls(
            venues=frozenset(sets["venue"]),
            tracks=frozenset(pairs["track"]),
            sessions=frozenset(sets["session"]),
            languages=frozenset(pairs["language"]),
        )


@dataclass(frozen=True)
class Hideable:
    """One thing of a festival that can be hidden, with how many sessions it holds."""

    what: What
    name: str  # the venue's id, the track's or language's name
    label: str  # what is shown: the venue's name, the track, the language
    sessions: int


def hideable(festival: Festival, what: What) -> list[Hideable]:
    """The festival's venues (in the file's order), tracks or languages (by name), each with
    its number of sessions; never sessions (those are hidden one by one)."""
    if what == "venue":
        return [
            Hideable("venue", v.id, v.name, len(festival.sessions_at(v))) for v in festival.venues
        ]
    counts: dict[str, int] = {}
    for session in festival.sessions:
        names = (
            (session.track,)
            if what == "track" and session.track
            else languages_of(session)
            if what == "language"
            else ()
        )
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    return [Hideable(what, name, name, n) for name, n in sorted(counts.items())]


def newly_hidden(sessions: Iterable[Session], before: Hidden, after: Hidden) -> list[Session]:
    """The sessions `after` hides that `before` did not."""
    return [s for s in sessions if after.hides(s) and not before.hides(s)]
