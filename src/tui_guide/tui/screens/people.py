"""Everyone named in the programme; each opens all their sessions across festivals."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Static

from tui_guide.programme.format import count
from tui_guide.programme.people import PersonEntry
from tui_guide.programme.text import matches
from tui_guide.tui.messages import OpenPerson
from tui_guide.tui.screens.base import ListScreen
from tui_guide.tui.screens.sessions import SessionsScreen
from tui_guide.tui.widgets.filter_bar import FilterBar
from tui_guide.tui.widgets.footer import guide_footer
from tui_guide.tui.widgets.line_list import LineList
from tui_guide.tui.widgets.rows import Titled, TitledList

PersonRow = tuple[Titled, tuple[str, ...]]
"""A person's row as the list takes it, and the texts `/` looks through (every spelling of
the name, every affiliation)."""


def person_data(entry: PersonEntry) -> PersonRow:
    """Everything the People screen shows of `entry`: its affiliations and sessions counted
    (walking every appearance), so worked out once (`GuideApp.people_rows`)."""
    detail = "; ".join(entry.affiliations)
    row = (entry.key, entry.name, detail, count(entry.session_count, "session"))
    return row, (*entry.spellings, *entry.affiliations)


def person_screen(entry: PersonEntry) -> SessionsScreen:
    lines = []
    if len(entry.spellings) > 1:
        lines.append("Also written: " + ", ".join(s for s in entry.spellings if s != entry.name))
    lines.extend(entry.affiliations)
    return SessionsScreen(entry.name, lines, entry.sessions)


class PeopleScreen(ListScreen):
    """People across all loaded festivals, by name; `/` narrows the list."""

    AUTO_FOCUS = "#people"

    SECTION = "people"

    def compose(self) -> ComposeResult:
        yield from self.top()
        yield FilterBar()
        yield Static("People", classes="heading")
        yield TitledList(id="people")
        yield guide_footer()

    def on_mount(self) -> None:
        self.people = self.guide.people
        self._rows = self.guide.people_rows  # worked out by the search indexes' worker
        self.title = "People"
        self.sub_title = f"{len(self.people)} named in the programme"

    def refresh_lists(self) -> None:
        text = self.filter_text()
        listing = self.query_one("#people", TitledList)
        if not text:
            listing.show_rows([row for row, _ in self._rows])
            return
        listing.show_rows([row for row, texts in self._rows if matches(text, *texts)])

    @on(LineList.Selected, "#people")
    def _open(self, event: LineList.Selected) -> None:
        self.post_message(OpenPerson(event.key))
