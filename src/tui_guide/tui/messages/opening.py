"""Asking to open something: a screen, a section, the filters."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from tui_guide.programme.model import Festival, Session, Venue

if TYPE_CHECKING:  # My programme's gaps: imported with its screen, not at the start
    from tui_guide.favourites.gaps import Fit, Gap


@dataclass
class OpenSession(Message):
    """Show everything about `session` (Enter or a click on a row, a search hit)."""

    session: Session


@dataclass
class OpenVenue(Message):
    """Show a venue of `festival` and its sessions; `None` is the "Venue TBA" list."""

    festival: Festival
    venue: Venue | None


@dataclass
class OpenPerson(Message):
    """Show one person's sessions across festivals, by their folded name."""

    key: str


@dataclass
class OpenSessions(Message):
    """Show `sessions` under `heading` (a country's, a tag's)."""

    heading: str
    sessions: Sequence[Session]


@dataclass
class OpenGap(Message):
    """Show the sessions that fit in a gap between favourites (`g` in My programme)."""

    gap: Gap
    fits: Sequence[Fit]


@dataclass
class OpenFestival(Message):
    """Make `festival` the current one and show its days."""

    festival: Festival


@dataclass
class ShowSection(Message):
    """Go to a section (a mode of the App: days, venues, people, now, mine, festivals), as
    its key does."""

    mode: str


@dataclass
class OpenFilters(Message):
    """Open the filters dialog, as ctrl+f does."""


@dataclass
class ShowLink(Message):
    """Show a web address in full and copy it (the guide never starts a browser)."""

    url: str
