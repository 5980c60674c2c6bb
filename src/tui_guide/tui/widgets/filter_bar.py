"""The incremental filter that `/` opens above a list."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class FilterBar(Input):
    """Hidden until opened; Escape clears it and hides it again."""

    BINDINGS = [
        Binding("escape", "close", "Close filter", id="filter.close"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Filter: type to narrow, Esc to clear", id=id)

    def open(self) -> None:
        self.add_class("-open")
        self.focus()

    def action_close(self) -> None:
        self.value = ""
        self.remove_class("-open")
        self.screen.focus_next()
