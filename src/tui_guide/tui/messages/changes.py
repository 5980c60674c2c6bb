"""Asking to mark changes to the programme as seen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # the comparison's module: imported with the Changes screen, not at start
    from tui_guide.programme.versions import Change


@dataclass
class MarkChangesSeen(Message):
    """Take the marks of `changes` away (`a` on the Changes screen)."""

    changes: Sequence[Change]
