"""Asking to open something: a screen, a section, the filters.

Every Message here and in its neighbours is a plain subclass with its own `__init__`, as
Textual's and our widgets' are: a dataclass costs a start about 0.15 ms a class to make (its
methods compiled from source), and the App needs each of these before its first paint, for
its handlers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.message import Message

from tui_guide.programme.model import Festival, Session, Venue

if TYPE_CHECKING:  # My programme's gaps: imported with its screen, not at the start
    from tui_guide.favourites.gaps import Fit, Gap


class OpenSession(Message):
    """Show everything about `session` (Enter or a click on a row, a search hit)."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session


class OpenVenue(Message):
    """Show a venue of `festival` and its sessions; `None` is the "Venue TBA" list."""

    def __init__(self, festival: Festival, venue: Venue | None) -> None:
        super().__init__()
        self.festival = festival
        self.venue = venue


class OpenPerson(Message):
    """Show one person's sessions across festivals, by their folded name."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key


class OpenSessions(Message):
    """Show `sessions` under `heading` (a country's, a tag's)."""

    def __init__(self, heading: str, sessions: Sequence[Session]) -> None:
        super().__init__()
        self.heading = heading
        self.sessions = sessions


class OpenGap(Message):
    """Show the sessions that fit in a gap between favourites (`g` in My programme)."""

    def __init__(self, gap: Gap, fits: Sequence[Fit]) -> None:
        super().__init__()
        self.gap = gap
        self.fits = fits


class OpenFestival(Message):
    """Make `festival` the current one and show its days."""

    def __init__(self, festival: Festival) -> None:
        super().__init__()
        self.festival = festival


class ShowSection(Message):
    """Go to a section (a mode of the App: days, venues, people, now, mine, festivals), as
    its key does."""

    def __init__(self, mode: str) -> None:
        super().__init__()
        self.mode = mode


class OpenFilters(Message):
    """Open the filters dialog, as ctrl+f does."""


class ShowLink(Message):
    """Show a web address in full and copy it (the guide never starts a browser)."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
