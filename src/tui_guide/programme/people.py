"""Everyone named in the programme, one entry per person across festivals.

The same name written with and without diacritics ("Birol Guven", "Birol Güven") is one
person: names are compared folded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

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

    @property
    def sessions(self) -> tuple[Session, ...]:
        seen: dict[str, Session] = {}
        for appearance in self.appearances:
            seen.setdefault(appearance.session.key, appearance.session)
        return tuple(sorted(seen.values(), key=Session.sort_key))

    @property
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
    for session in sessions:
        for person in session.people:
            groups.setdefault(person_key(person.name), []).append(Appearance(session, person))
    entries = []
    for key, appearances in groups.items():
        spellings = tuple(dict.fromkeys(a.person.name for a in appearances))
        name = max(spellings, key=_richness)
        entries.append(PersonEntry(key, name, spellings, tuple(appearances)))
    return tuple(sorted(entries, key=lambda e: e.key))
