"""Asking to mark changes to the programme as seen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # the comparison's module: imported with the Changes screen, not at start
    from tui_guide.programme.versions import Change


class MarkChangesSeen(Message):
    """Take the marks of `changes` away (`a` on the Changes screen)."""

    def __init__(self, changes: Sequence[Change]) -> None:
        super().__init__()
        self.changes = changes
