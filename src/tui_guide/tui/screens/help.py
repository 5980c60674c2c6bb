"""Every key on every screen, read from the screens' own bindings so it cannot drift."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

MOVING = [
    Binding("up,down", "", "Move in a list"),
    Binding("enter", "", "Open the highlighted item"),
    Binding("tab,shift+tab", "", "Next / previous widget (and day tabs)"),
    Binding("left,right", "", "Previous / next day (on the day tabs)"),
]


class HelpScreen(ModalScreen[None]):
    """A table of keys, grouped by where they work."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close", id="help.close")]

    def __init__(self, sections: Iterable[tuple[str, Iterable[BindingType]]]) -> None:
        super().__init__()
        self.sections = list(sections)

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True, style="bold")
        table.add_column()
        for title, bindings in [("Moving around", MOVING), *self.sections]:
            table.add_row(Text(title, style="underline"), "")
            for binding in bindings:
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                keys = " / ".join(
                    self.app.get_key_display(Binding(k.strip(), "")) for k in binding.key.split(",")
                )
                table.add_row(keys, binding.description)
            table.add_row("", "")
        with Vertical(id="dialog"):
            yield Static("Keys", classes="heading")
            with VerticalScroll():
                yield Static(table)
            yield Static("Escape or ? closes this.", classes="dim")
