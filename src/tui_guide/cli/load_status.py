"""What the terminal shows while a big programme loads before the guide opens.

A cold load of tens of thousands of sessions takes seconds (a warm one reads the cache and
takes a moment). Rather than a blank terminal, once a load has taken longer than `DELAY`,
a status line on stderr names the file being loaded and counts files and sessions. It is
shown only on a terminal, and wiped when the load ends.
"""

from __future__ import annotations

import threading
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from tui_guide.i18n import _, ngettext
from tui_guide.programme.text import printable

if TYPE_CHECKING:  # rich imports it only when a status is shown
    from rich.status import Status

DELAY = 0.4  # seconds: a load shorter than this shows nothing


class LoadStatus:
    """A `progress` callback for `load_programme`, used as a context manager."""

    def __init__(self, console: Console, delay: float = DELAY) -> None:
        self.console = console
        self.delay = delay
        self.message = Text(_("Loading the programme…"))
        self._lock = threading.Lock()
        self._status: Status | None = None
        self._timer: threading.Timer | None = None
        self._done = False

    def __enter__(self) -> LoadStatus:
        if self.console.is_terminal:
            self._timer = threading.Timer(self.delay, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def __call__(self, path: Path, done: int, total: int, sessions: int) -> None:
        if done < total:
            what = _("Loading {file} (file {number} of {total})").format(
                file=printable(path.name), number=done + 1, total=total
            )
        else:
            what = ngettext("Loaded {n} file", "Loaded {n} files", total)
        so_far = ngettext("{n} session so far…", "{n} sessions so far…", sessions)
        self.message = Text(f"{what}, {so_far}")
        with self._lock:
            if self._status is not None:
                self._status.update(self.message)

    def _show(self) -> None:
        with self._lock:
            if self._done:
                return
            self._status = self.console.status(self.message, spinner="dots")
            self._status.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            self._done = True
            if self._status is not None:
                self._status.stop()
                self._status = None
