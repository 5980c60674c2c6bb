"""The visitor's settings: the `settings.toml` in the user's config folder (`--config` and
`$TUI_GUIDE_CONFIG` move it), read within limits and written whole or not at all.

`Settings` is what was read (each field its default where the file says nothing or something
wrong); `read_settings` reads a file, with every problem on its line; `SettingsFile` writes
a visitor's choices into it, keeping their comments, the order of their keys and the keys
this version does not know. Nothing here imports Textual: the guide checks a theme's name."""

from tui_guide.settings.location import CONFIG_ENV, CONFIG_NAME, config_path
from tui_guide.settings.model import (
    DEFAULT_THEME,
    MAX_REMIND,
    SECTIONS,
    ZONES,
    Settings,
    SettingsProblem,
)
from tui_guide.settings.read import LoadedSettings, read_settings
from tui_guide.settings.write import NotSaved, SettingsFile

__all__ = [
    "CONFIG_ENV",
    "CONFIG_NAME",
    "DEFAULT_THEME",
    "MAX_REMIND",
    "SECTIONS",
    "ZONES",
    "LoadedSettings",
    "NotSaved",
    "Settings",
    "SettingsFile",
    "SettingsProblem",
    "config_path",
    "read_settings",
]
