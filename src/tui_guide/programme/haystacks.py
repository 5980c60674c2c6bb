"""What a search over sessions looks at, shared by the filters' scan and the prebuilt index."""

from __future__ import annotations

from functools import lru_cache

from tui_guide.programme.model import Session
from tui_guide.programme.text import fold_all


def session_haystacks(session: Session) -> tuple[str, ...]:
    """Everything a search over sessions looks at."""
    people = tuple(" ".join(filter(None, (p.name, p.role, p.affiliation))) for p in session.people)
    venue = (session.venue.name, session.venue.city or "") if session.venue else ()
    return (
        session.title,
        session.kind.value,
        session.type or "",
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
