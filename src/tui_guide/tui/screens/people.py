"""Everyone named in the programme; each opens all their sessions across festivals."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...programme.people import PersonEntry, index_people
from ...programme.text import matches
from ..widgets.filter_bar import FilterBar
from ..widgets.footer import guide_footer
from ..widgets.options import refill
from ..widgets.plain import plain_text
from .base import ListScreen
from .sessions import SessionsScreen


def person_row(entry: PersonEntry) -> Table:
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(ratio=1)
    grid.add_column(no_wrap=True, justify="right")
    body = plain_text(entry.name, style="bold")
    if entry.affiliations:
        body.append("\n")
        body.append_text(plain_text("; ".join(entry.affiliations), style="dim"))
    count = len(entry.sessions)
    grid.add_row(body, Text(f"{count} session{'s' * (count != 1)}"))
    return grid


def person_screen(entry: PersonEntry) -> SessionsScreen:
    lines = []
    if len(entry.spellings) > 1:
        lines.append("Also written: " + ", ".join(s for s in entry.spellings if s != entry.name))
    lines.extend(entry.affiliations)
    return SessionsScreen(entry.name, lines, entry.sessions)


class PeopleScreen(ListScreen):
    """People across all loaded festivals, by name; `/` narrows the list."""

    SECTION = "people"

    def compose(self) -> ComposeResult:
        yield from self.top()
        yield FilterBar()
        yield Static("People", classes="heading")
        yield OptionList(id="people")
        yield guide_footer()

    def on_mount(self) -> None:
        self.people = {e.key: e for e in index_people(self.guide.programme.sessions)}
        self.title = "People"
        self.sub_title = f"{len(self.people)} named in the programme"
        self.query_one("#people").focus()

    def refresh_lists(self) -> None:
        text = self.filter_text()
        listing = self.query_one("#people", OptionList)
        shown = [
            e
            for e in self.people.values()
            if not text or matches(text, *e.spellings, *e.affiliations)
        ]
        refill(listing, [Option(person_row(e), id=e.key) for e in shown])

    @on(OptionList.OptionSelected, "#people")
    def _open(self, event: OptionList.OptionSelected) -> None:
        entry = self.people.get(event.option.id or "")
        if entry is not None:
            self.app.push_screen(person_screen(entry))
