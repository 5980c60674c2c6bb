"""Asking to hide a session, its venue or its track, and to show what is hidden again."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from tui_guide.programme.hiding import What
from tui_guide.programme.model import Session


@dataclass
class ToggleHidden(Message):
    """Hide `what` of `session` (itself, its venue, its track), or show it again when it is
    hidden (h in the timetable)."""

    what: What
    session: Session


@dataclass
class ShowHidden(Message):
    """Show what is hidden (dimmed, in the timetable), or hide it again (H)."""

    show: bool
