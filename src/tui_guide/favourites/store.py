"""Favourites, keyed on `festival-id/session-id` so they survive edits to a programme file.

This is the one class the guide talks to about favourites. For now it lives in memory;
persistence belongs behind this same interface.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator


class Favourites:
    """A set of session keys, kept in the order they were added."""

    def __init__(self, keys: Iterable[str] = ()) -> None:
        self._keys: dict[str, None] = dict.fromkeys(keys)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, key: str) -> None:
        self._keys[key] = None

    def remove(self, key: str) -> None:
        self._keys.pop(key, None)

    def toggle(self, key: str) -> bool:
        """Flip `key`; True when it is now a favourite."""
        if key in self._keys:
            self.remove(key)
            return False
        self.add(key)
        return True
