"""The favourites store ("My programme")."""

from .entry import Favourite, Snapshot, changes
from .location import FAVOURITES_ENV, STATE_ENV, StoreLocation, locate
from .store import Favourites, FavouritesError

__all__ = [
    "FAVOURITES_ENV",
    "STATE_ENV",
    "Favourite",
    "Favourites",
    "FavouritesError",
    "Snapshot",
    "StoreLocation",
    "changes",
    "locate",
]
