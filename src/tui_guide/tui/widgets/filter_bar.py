"""The incremental filter that `/` opens above a list."""

from __future__ import annotations

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Input

from tui_guide.i18n import N_, _


class FilterBar(Input):
    """Hidden (and out of the focus chain) until opened; Escape clears it, hides it again and
    gives focus back to what had it before."""

    BINDINGS = [
        Binding("escape", "close", N_("Close filter"), id="filter.close"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder=_("Filter: type to narrow, Esc to clear"), id=id)
        self.can_focus = False
        self._return_to: Widget | None = None

    def open(self) -> None:
        if not self.has_class("-open"):
            self._return_to = self.screen.focused
        self.can_focus = True
        self.add_class("-open")
        self.focus()

    def action_close(self) -> None:
        self.value = ""
        self.remove_class("-open")
        self.can_focus = False
        back = self._return_to
        self._return_to = None
        if back is not None and back.is_attached and back.display:
            back.focus()
        else:
            self.screen.focus_next()
