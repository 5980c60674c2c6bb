"""Where the programme comes from: `--data`, the environment, or the bundled files."""

from __future__ import annotations

import os
from pathlib import Path

from tui_guide.formats.load import SUFFIXES

DATA_ENV = "TUI_GUIDE_DATA"


def bundled_data() -> Path:
    """The programme shipped with the package (in a source tree, the repository's `data/`)."""
    # The package's own folder, as importlib.resources.files("tui_guide") names it for a
    # package on disk (that module costs every start a millisecond to import).
    installed = Path(__file__).resolve().parents[1] / "bundled"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[3] / "data"


def data_paths(given: list[Path] | None = None) -> list[Path]:
    """The paths to load: those given, else `$TUI_GUIDE_DATA` (os.pathsep-separated), else
    the bundled programme with the programmes added by `tui-guide add`."""
    if given:
        return list(given)
    from_env = os.environ.get(DATA_ENV, "").strip()
    if from_env:
        return [Path(p) for p in from_env.split(os.pathsep) if p]
    return [bundled_data(), *added_programmes()]


def programmes_dir() -> Path:
    """Where `tui-guide add` keeps downloaded programmes: in the user's data folder."""
    from platformdirs import user_data_path

    return user_data_path("tui-guide", appauthor=False) / "programmes"


def added_programmes() -> list[Path]:
    """The programmes folder, when `tui-guide add` has put anything in it."""
    folder = programmes_dir()
    try:
        has_files = any(p.suffix in SUFFIXES for p in folder.iterdir())
    except OSError:
        return []
    return [folder] if has_files else []
