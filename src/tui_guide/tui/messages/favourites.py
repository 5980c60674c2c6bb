"""Asking to change My programme. Every change goes through the App's one handler of a
`FavouriteChange`, which saves it in the store and then tells the screens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from textual.message import Message

from tui_guide.programme.model import Session


@dataclass
class ToggleFavourite(Message):
    """Star `session`, or unstar it when it is starred (f, s, a click on a star)."""

    session: Session

    @property
    def key(self) -> str:
        return self.session.key


@dataclass
class RemoveFavourite(Message):
    """Take the favourite `key` (`festival-id/session-id`) out of My programme, whether its
    session is still in the programme or gone from it (x)."""

    key: str


FavouriteChange: TypeAlias = ToggleFavourite | RemoveFavourite
"""Every change of a favourite a screen can ask for."""


@dataclass
class RefreshFavourites(Message):
    """Read the store again: another guide may have changed it."""
