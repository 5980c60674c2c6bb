"""Asking to change My programme. Every change goes through the App's one handler of a
`FavouriteChange`, which saves it in the store and then tells the screens."""

from __future__ import annotations

from typing import TypeAlias

from textual.message import Message

from tui_guide.programme.model import Session


class ToggleFavourite(Message):
    """Star `session`, or unstar it when it is starred (f, s, a click on a star)."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    @property
    def key(self) -> str:
        return self.session.key


class RemoveFavourite(Message):
    """Take the favourite `key` (`festival-id/session-id`) out of My programme, whether its
    session is still in the programme or gone from it (x)."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key


FavouriteChange: TypeAlias = ToggleFavourite | RemoveFavourite
"""Every change of a favourite a screen can ask for."""


class RefreshFavourites(Message):
    """Read the store again: another guide may have changed it."""
