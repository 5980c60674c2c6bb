"""Everyone named in the programme, one entry per person across festivals.

The same name written with and without diacritics ("Birol Guven", "Birol Güven") is one
person: names are compared folded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from tui_guide.programme.model import Person, Session
from tui_guide.programme.text import fold


@dataclass(frozen=True)
class Appearance:
    """One person in one session, with the role and affiliation given there."""

    session: Session
    person: Person


@dataclass(frozen=True)
class PersonEntry:
    key: str  # the folded name
    name: str  # the spelling to show: the one with the most letters beyond ASCII
    spellings: tuple[str, ...]
    appearances: tuple[Appearance, ...]

    @cached_property
    def sessions(self) -> tuple[Session, ...]:
        seen: dict[str, Session] = {}
        for appearance in self.appearances:
            seen.setdefault(appearance.session.key, appearance.session)
        return tuple(sorted(seen.values(), key=Session.sort_key))

    @cached_property
    def session_count(self) -> int:
        """`len(self.sessions)`, without sorting them (a list of everyone shows the count)."""
        return len({id(appearance.session) for appearance in self.appearances})

    @cached_property
    def affiliations(self) -> tuple[str, ...]:
        return tuple(
            dict.fromkeys(a.person.affiliation for a in self.appearances if a.person.affiliation)
        )


def person_key(name: str) -> str:
    return " ".join(fold(name).split())


def _richness(name: str) -> int:
    return sum(1 for c in name if ord(c) > 127)


def index_people(sessions: Iterable[Session]) -> tuple[PersonEntry, ...]:
    """Group every person of `sessions` by folded name, sorted by name."""
    groups: dict[str, list[Appearance]] = {}
    keys: dict[str, str] = {}  # each name folded once: a person appears in many sessions
    for session in sessions:
        for person in session.people:
            key = keys.get(person.name)
            if key is None:
                key = keys[person.name] = person_key(person.name)
            groups.setdefault(key, []).append(Appearance(session, person))
    entries = []
    for key, appearances in groups.items():
        spellings = tuple(dict.fromkeys(a.person.name for a in appearances))
        name = max(spellings, key=_richness)
        entries.append(PersonEntry(key, name, spellings, tuple(appearances)))
    return tuple(sorted(entries, key=lambda e: e.key))
