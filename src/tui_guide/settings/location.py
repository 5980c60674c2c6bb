"""Where the settings file is: `--config FILE`, else `$TUI_GUIDE_CONFIG`, else
`settings.toml` in the user's config folder (platformdirs: `~/.config/tui-guide/` on Linux,
`~/Library/Application Support/tui-guide/` on macOS, `%LOCALAPPDATA%\\tui-guide\\` on
Windows)."""

from __future__ import annotations

import os
from pathlib import Path

CONFIG_ENV = "TUI_GUIDE_CONFIG"
CONFIG_NAME = "settings.toml"


def config_path(given: Path | None = None) -> Path:
    """`given` (the flag), else `$TUI_GUIDE_CONFIG`, else the user config folder's file."""
    if given is not None:
        return given
    from_env = os.environ.get(CONFIG_ENV, "").strip()
    if from_env:
        return Path(from_env)
    from platformdirs import user_config_path

    return user_config_path("tui-guide", appauthor=False) / CONFIG_NAME
