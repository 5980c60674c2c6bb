"""The guide's side of the settings: what it started with, the problems to say once, and
the visitor's changes written in the background (one writer thread, in order; `wait` lets
the last write finish before the guide's process ends)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from tui_guide.settings import (
    DEFAULT_THEME,
    LoadedSettings,
    NotSaved,
    Settings,
    SettingsFile,
    SettingsProblem,
)
from tui_guide.settings.read import theme_problem
from tui_guide.settings.write import Value
from tui_guide.tui.messages.settings import SettingsWritten

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

    from textual.app import App

FESTIVAL_SECTIONS = ("days", "timetable", "venues", "now")


class KeptSettings:
    """`loaded`: the file read at the start (None: no file, nothing is written)."""

    def __init__(self, loaded: LoadedSettings | None = None) -> None:
        self.loaded = loaded
        self.settings = loaded.settings if loaded is not None else Settings()
        self.file = SettingsFile(loaded.path) if loaded is not None else None
        self._writer: ThreadPoolExecutor | None = None
        self._writes: list[Future[None]] = []

    def start_mode(self, festivals: int) -> str:
        """The section the guide opens on: the list of festivals only when there are several
        (with one, its days); a festival's section is the first festival's."""
        section = self.settings.section
        if section == "festivals":
            return "festivals" if festivals > 1 else "days"
        return section

    def theme(self, known: Collection[str]) -> str:
        """The theme to start with: the chosen one when the guide has it."""
        return self.settings.theme if self.settings.theme in known else DEFAULT_THEME

    def problems(self, known: Collection[str]) -> list[SettingsProblem]:
        """What is wrong in the file, the theme checked against the ones the guide has."""
        if self.loaded is None:
            return []
        found = list(self.loaded.problems)
        if self.settings.theme != DEFAULT_THEME:
            wrong = theme_problem(self.loaded, frozenset(known))
            if wrong is not None:
                found.append(wrong)
                self.settings = replace(self.settings, theme=DEFAULT_THEME)
        return found

    def change(self, app: App[Any], changes: dict[str, object], *, announce: bool = False) -> None:
        """Take `changes` (fields of Settings) now, and write those that differ in the
        background; the writer posts `SettingsWritten` to `app` when it is done (`announce`:
        say so even when it worked)."""
        before = self.settings
        differ = {key: value for key, value in changes.items() if getattr(before, key) != value}
        if not differ:
            if announce:
                app.post_message(SettingsWritten((), announce=True))
            return
        self.settings = replace(before, **differ)  # type: ignore[arg-type]
        if self.file is None:
            return
        if self._writer is None:
            from concurrent.futures import ThreadPoolExecutor  # the first change: not at start

            self._writer = ThreadPoolExecutor(1, thread_name_prefix="settings")
        written: dict[str, Value] = {key: value for key, value in differ.items()}  # type: ignore[misc]
        self._writes.append(self._writer.submit(self._write, app, self.file, written, announce))

    @staticmethod
    def _write(
        app: App[Any], file: SettingsFile, changes: dict[str, Value], announce: bool
    ) -> None:
        # post_message is safe from another thread, and does nothing once the guide closed.
        try:
            file.save(changes)
        except NotSaved as error:
            app.post_message(SettingsWritten(tuple(changes), str(error), announce))
        else:
            app.post_message(SettingsWritten(tuple(changes), None, announce))

    def wait(self) -> None:
        """Let every write asked for finish (the guide is closing)."""
        if self._writer is not None:
            self._writer.shutdown(wait=True)
            self._writer = None

    def pending(self) -> int:
        """Writes not finished yet."""
        return sum(1 for write in self._writes if not write.done())
