"""A schedule's free-text event `type` mapped onto the guide's kinds."""

from __future__ import annotations

import re
from functools import cache

from tui_guide.programme.model import Kind

# The first rule whose word appears in the type wins; order matters ("workshop talk" is a
# workshop). A type no rule knows ("DJ Set", "contest") is `other`, never a guess: the
# session keeps the type itself in `Session.type`. No type at all is a talk, as most
# conference events are.
_RULES: tuple[tuple[Kind, tuple[str, ...]], ...] = (
    (Kind.WORKSHOP, ("workshop", "hands-on", "tutorial", "lab")),
    (Kind.MASTERCLASS, ("masterclass", "master class")),
    (Kind.ROUNDTABLE, ("roundtable", "round table")),
    (Kind.PANEL, ("panel", "podium", "discussion", "debate")),
    (Kind.MEETING, ("meeting", "meetup", "meet-up", "bof", "birds of a feather", "assembly")),
    (Kind.CEREMONY, ("ceremony", "opening", "closing", "award")),
    (Kind.SCREENING, ("screening", "film", "movie", "cinema")),
    (Kind.SIGNING, ("signing",)),
    (Kind.TOUR, ("tour", "excursion", "walk")),
    (
        Kind.TALK,
        (
            "talk",
            "lecture",
            "keynote",
            "presentation",
            "vortrag",
            "session",
            # FOSDEM's types of talk, by where they are given
            "maintrack",
            "devroom",
            "lightningtalk",
        ),
    ),
    (
        Kind.OTHER,
        ("other", "concert", "performance", "party", "music", "show", "game", "break", "social"),
    ),
)


_PATTERNS = tuple(
    (kind, re.compile("|".join(rf"(?<![a-z]){re.escape(name)}(?![a-z])" for name in names)))
    for kind, names in _RULES
)


@cache  # a schedule has a handful of types and hundreds of events
def known_kind(event_type: str) -> Kind | None:
    """The kind a rule gives the type; None when no rule knows it."""
    words = event_type.casefold()
    return next((kind for kind, pattern in _PATTERNS if pattern.search(words)), None)


def kind_of(event_type: str) -> Kind:
    if not event_type.strip():
        return Kind.TALK
    return known_kind(event_type) or Kind.OTHER
