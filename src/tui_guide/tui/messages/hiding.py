"""Asking to hide a session, its venue or its track, and to show what is hidden again."""

from __future__ import annotations

from textual.message import Message

from tui_guide.programme.hiding import What
from tui_guide.programme.model import Session


class ToggleHidden(Message):
    """Hide `what` of `session` (itself, its venue, its track), or show it again when it is
    hidden (h in the timetable)."""

    def __init__(self, what: What, session: Session) -> None:
        super().__init__()
        self.what = what
        self.session = session


class ShowHidden(Message):
    """Show what is hidden (dimmed, in the timetable), or hide it again (H)."""

    def __init__(self, show: bool) -> None:
        super().__init__()
        self.show = show
