"""Every key on every screen, read from the screens' own bindings so it cannot drift."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui_guide.i18n import N_, _
from tui_guide.tui.widgets.section_bar import section_keys

MOVING = [
    Binding("up,down", "", N_("Move in a list")),
    Binding("enter", "", N_("Open the highlighted item")),
    Binding("tab,shift+tab", "", N_("Next / previous part of the screen")),
    Binding(
        "escape",
        "",
        N_(
            "Back one step: close the find bar or a dialog, else the page on top; "
            "from Days, Venues or Now & next: Festivals, when there are several"
        ),
    ),
]


class HelpScreen(ModalScreen[None]):
    """A table of keys, grouped by where they work."""

    AUTO_FOCUS = "#keys"

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", N_("Close"), id="help.close"),
        *section_keys(),
    ]

    def __init__(self, sections: Iterable[tuple[str, Iterable[BindingType]]]) -> None:
        super().__init__()
        self.sections = list(sections)

    def _table(self, bindings: Iterable[BindingType]) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True, style="bold", width=16)
        table.add_column()
        for binding in bindings:
            if not isinstance(binding, Binding) or not binding.description:
                continue
            keys = " / ".join(
                self.app.get_key_display(Binding(key.strip(), "")) for key in binding.key.split(",")
            )
            table.add_row(keys, _(binding.tooltip or binding.description))
        return table

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(_("Keys"), classes="heading")
            with VerticalScroll(id="keys"):
                for title, bindings in [(_("Moving around"), MOVING), *self.sections]:
                    yield Static(title, classes="label")
                    yield Static(self._table(bindings))
            yield Static(_("Escape or ? closes this."), classes="dim")
