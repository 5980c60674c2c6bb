"""Writing the visitor's choices into the settings file: only the keys that changed, with
tomlkit, so their comments, the order of their keys and keys this version does not know
stay as they were; atomically (`tui_guide.atomic`). A file that cannot be read as TOML is
never written over: the choice is not saved, and the error says why."""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from pathlib import Path

from tui_guide.i18n import _
from tui_guide.settings.read import BrokenFile, parse, read_bytes

HEADER = (
    "# tui-guide's settings: written by the guide when you choose something in it (your\n"
    "# comments and the order of the keys are kept). See the README's Settings.\n"
)

Value = str | int | None
"""A setting's value as written; None removes the key."""


class NotSaved(Exception):
    """The choice could not be written: the message says why (naming the file)."""


class SettingsFile:
    """The settings file at `path`, written one change at a time (a lock: the guide writes
    from a worker, and two changes must not lose each other)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def save(self, changes: Mapping[str, Value]) -> None:
        """Write `changes` into the file (made, with its folder, when there is none); raises
        NotSaved, leaving the file as it was."""
        import tomlkit  # only when something is written: not at every start
        import tomlkit.exceptions

        from tui_guide.atomic import check_target, write_atomically

        with self._lock:
            try:
                data = read_bytes(self.path)
                if data is not None:
                    parse(data)  # the same reader as the start: what it refuses is kept
            except BrokenFile as broken:
                line = f":{broken.line}" if broken.line else ""
                raise NotSaved(
                    _(
                        "{file}: {problem}. Not saved: the file is left as it is; mend or remove it"
                    ).format(file=f"{self.path}{line}", problem=broken.message)
                ) from None
            text = data.decode("utf-8") if data is not None else HEADER
            try:
                document = tomlkit.parse(text)
            except tomlkit.exceptions.TOMLKitError as error:  # read by tomli, not by tomlkit
                raise NotSaved(
                    _("{file}: {problem}. Not saved: the file is left as it is").format(
                        file=self.path, problem=error
                    )
                ) from None
            for key, value in changes.items():
                if value is None:
                    document.pop(key, None)
                else:
                    document[key] = value
            out = tomlkit.dumps(document)
            written = (out if out.endswith("\n") else out + "\n").encode("utf-8")  # a text file
            parse(written)  # what is written reads back (tomlkit writes TOML 1.0)
            # A settings file linked from elsewhere (a dotfiles folder) stays a link: the
            # file it points at is the one written.
            target = Path(os.path.realpath(self.path))
            try:
                check_target(target)
                target.parent.mkdir(parents=True, exist_ok=True)
                write_atomically(target, written)
            except OSError as error:
                reason = error.strerror or str(error)
                raise NotSaved(
                    _("{file}: not saved: {why}").format(file=self.path, why=reason)
                ) from None
