"""What a search over sessions looks at, and how much each field counts: shared by the
filters' scan, the prebuilt indexes and the command palette."""

from __future__ import annotations

from functools import lru_cache

from tui_guide.programme.model import Session
from tui_guide.programme.text import fold_all

# Field weights, best first: a match in a title or a person's name counts more than one in a
# venue, a track, a subtitle or a festival's name, which counts more than one in a tag, a
# country or a kind, and a match in the description counts least of all (`search.KEYS`).
TITLE = 0
PLACE = 1
LABEL = 2
DESCRIPTION = 3
WEIGHTS = (TITLE, PLACE, LABEL, DESCRIPTION)

Fields = tuple[tuple[int, str], ...]  # (weight, text) pairs, as written in the file


def session_fields(session: Session, festival: tuple[str, ...] = ()) -> Fields:
    """Everything a search over sessions looks at, each text with its weight; `festival` is
    the texts of the session's festival (its name and city: `festival_texts`)."""
    fields: list[tuple[int, str]] = [(TITLE, session.title)]
    for person in session.people:
        fields.append((TITLE, person.name))
        fields.extend((LABEL, text) for text in (person.role, person.affiliation) if text)
    places = (session.subtitle, session.track, *festival)
    if session.venue is not None:
        places += (session.venue.name, session.venue.city or "")
    fields.extend((PLACE, text) for text in places if text)
    labels = (session.kind.value, session.type or "", *session.countries, *session.tags)
    fields.extend((LABEL, text) for text in labels if text)
    if session.description:
        fields.append((DESCRIPTION, session.description))
    return tuple(fields)


def festival_texts(name: str, city: str) -> tuple[str, ...]:
    """A festival's texts that find its sessions (`session_fields`)."""
    return tuple(text for text in (name, city) if text)


def session_haystacks(session: Session, festival: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The texts of `session_fields`, without their weights."""
    return tuple(text for _, text in session_fields(session, festival))


@lru_cache(maxsize=65536)
def session_search_text(session: Session, festival: tuple[str, ...] = ()) -> str:
    """The folded haystacks of a session, folded once and kept: lists search on every key."""
    return fold_all(*session_haystacks(session, festival))
