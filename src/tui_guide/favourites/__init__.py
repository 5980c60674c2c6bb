"""The favourites store ("My programme")."""

from .store import FAVOURITES_ENV, Favourites, FavouritesError, default_path

__all__ = ["FAVOURITES_ENV", "Favourites", "FavouritesError", "default_path"]
