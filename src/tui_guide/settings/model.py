"""The settings record, the values each field takes, and a problem found in the file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import msgspec

DEFAULT_THEME = "textual-dark"
"""Textual's own default theme."""

MAX_REMIND = 7 * 24 * 60
"""The most minutes the reminder lead takes: a week ahead, as `--remind`."""

DEFAULT_REMIND = 10

ZONES = ("festival", "own")
"""The time zone times are shown in: each festival's own, or the viewer's (`z`)."""

SECTIONS = ("festivals", "days", "timetable", "venues", "people", "now", "mine", "changes")
"""The sections the guide can open on: the section bar's (the App's modes). "festivals" is
the list of festivals when there are several, the days when there is one."""

MAX_TEXT = 200
"""The longest theme name or language code read; longer is a problem."""


@dataclass(frozen=True)
class Settings:
    """What the visitor chose; each field its default where the file says nothing (or
    something wrong). `language` is None when not set (the locale decides)."""

    theme: str = DEFAULT_THEME
    language: str | None = None
    zone: str = "festival"
    remind: int = DEFAULT_REMIND
    section: str = "festivals"

    @property
    def own_zone(self) -> bool:
        return self.zone == "own"


FIELDS = ("theme", "language", "zone", "remind", "section")


class SettingsProblem(msgspec.Struct, frozen=True):
    """Something wrong in a settings file: where (`line` when known, `field` when it is one
    field's) and what, ending with what the guide does instead."""

    path: Path
    message: str
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        what = f"{self.field}: " if self.field else ""
        return f"{where}: {what}{self.message}"
