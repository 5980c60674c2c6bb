"""Where the store lives: `--state-dir`, `$TUI_GUIDE_STATE_DIR`, else the user data folder.

`--favourites FILE` and `$TUI_GUIDE_FAVOURITES` (the first release's JSON file) still work:
the database goes beside that file, and the file is moved into it.
"""

from __future__ import annotations

import os
from pathlib import Path

import msgspec

STATE_ENV = "TUI_GUIDE_STATE_DIR"
FAVOURITES_ENV = "TUI_GUIDE_FAVOURITES"  # deprecated: the first release's JSON file
DATABASE_NAME = "favourites.sqlite3"
LEGACY_NAME = "favourites.json"  # the first release's file, moved in (favourites/legacy.py)


class StoreLocation(msgspec.Struct, frozen=True):
    """The database file, and the JSON file of the first release to move into it."""

    database: Path
    legacy: Path
    deprecated: str | None = None  # a note when the location came from a deprecated option

    @property
    def folder(self) -> Path:
        return self.database.parent


def state_dir(given: Path | None = None) -> Path:
    """`given`, else `$TUI_GUIDE_STATE_DIR`, else the user data folder."""
    if given is not None:
        return given
    from_env = os.environ.get(STATE_ENV, "").strip()
    if from_env:
        return Path(from_env)
    from platformdirs import user_data_path

    return user_data_path("tui-guide", appauthor=False)


def locate(state: Path | None = None, favourites_file: Path | None = None) -> StoreLocation:
    """Where the store is, from the options (`state`: --state-dir; `favourites_file`: the
    deprecated --favourites) and the environment."""
    if state is None and os.environ.get(STATE_ENV, "").strip() == "":
        legacy = favourites_file
        option = "--favourites"
        if legacy is None and os.environ.get(FAVOURITES_ENV, "").strip():
            legacy, option = Path(os.environ[FAVOURITES_ENV].strip()), f"${FAVOURITES_ENV}"
        if legacy is not None:
            name = legacy.stem if legacy.suffix == ".json" else legacy.name
            return StoreLocation(
                legacy.with_name(f"{name}.sqlite3"),
                legacy,
                f"{option} is deprecated: use --state-dir or ${STATE_ENV}",
            )
    folder = state_dir(state)
    return StoreLocation(folder / DATABASE_NAME, folder / LEGACY_NAME)
