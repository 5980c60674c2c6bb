"""Everyone named in the programme; each opens all their sessions across festivals."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui_guide.i18n import _, ngettext
from tui_guide.programme.people import PersonEntry
from tui_guide.programme.text import matches
from tui_guide.tui.messages import OpenPerson
from tui_guide.tui.screens.base import ListScreen
from tui_guide.tui.screens.sessions import SessionsScreen
from tui_guide.tui.widgets.filter_bar import FilterBar
from tui_guide.tui.widgets.footer import guide_footer
from tui_guide.tui.widgets.options import refill
from tui_guide.tui.widgets.rows import TitledRow, titled_row


def person_row(entry: PersonEntry) -> TitledRow:
    detail = "; ".join(entry.affiliations)
    return titled_row(
        entry.name, detail, ngettext("{n} session", "{n} sessions", entry.session_count)
    )


def person_screen(entry: PersonEntry) -> SessionsScreen:
    lines = []
    if len(entry.spellings) > 1:
        others = ", ".join(s for s in entry.spellings if s != entry.name)
        lines.append(_("Also written: {names}").format(names=others))
    lines.extend(entry.affiliations)
    return SessionsScreen(entry.name, lines, entry.sessions)


class PeopleScreen(ListScreen):
    """People across all loaded festivals, by name; `/` narrows the list."""

    AUTO_FOCUS = "#people"

    SECTION = "people"

    def compose(self) -> ComposeResult:
        yield from self.top()
        yield FilterBar()
        yield Static(_("People"), classes="heading")
        yield OptionList(id="people")
        yield guide_footer()

    def on_mount(self) -> None:
        self.people = self.guide.people
        self.title = _("People")
        self.sub_title = ngettext(
            "{n} named in the programme", "{n} named in the programme", len(self.people)
        )

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
        if event.option.id is not None:
            self.post_message(OpenPerson(event.option.id))
