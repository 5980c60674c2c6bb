"""The favourites store ("My programme")."""

from tui_guide.favourites.entry import Favourite, Snapshot, changes
from tui_guide.favourites.location import FAVOURITES_ENV, STATE_ENV, StoreLocation, locate
from tui_guide.favourites.store import Favourites, FavouritesError

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
