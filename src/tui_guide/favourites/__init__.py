"""The favourites store ("My programme")."""

from .store import Favourites

__all__ = ["Favourites"]
