"""Everyone named in the programme; each opens all their sessions across festivals."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.widgets import Static

from tui_guide.i18n import _, ngettext
from tui_guide.programme.hiding import Hidden
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
    row = (
        entry.key,
        entry.name,
        detail,
        ngettext("{n} session", "{n} sessions", entry.session_count),
    )
    return row, (*entry.spellings, *entry.affiliations)


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
        yield TitledList(id="people")
        yield guide_footer()

    def on_mount(self) -> None:
        self.people = self.guide.people
        self._rows = self.guide.people_rows  # worked out by the search indexes' worker
        self._hidden_rows: tuple[Hidden, Sequence[PersonRow]] | None = None
        self.title = _("People")
        self.sub_title = ngettext(
            "{n} named in the programme", "{n} named in the programme", len(self.people)
        )

    def refresh_lists(self) -> None:
        text = self.filter_text()
        listing = self.query_one("#people", TitledList)
        rows = self._shown_rows()
        if not text:
            listing.show_rows([row for row, _ in rows])
            return
        listing.show_rows([row for row, texts in rows if matches(text, *texts)])

    def _favourites_changed(self) -> None:
        """Nothing to show: the People list has no stars (and filling it again when it next
        shows made the switch back to it slower)."""

    def _shown_rows(self) -> Sequence[PersonRow]:
        """Everyone's rows; while something is hidden, only the people with a session still
        shown, each counting only those (worked out once for each `Hidden`)."""
        guide = self.guide
        hidden = None if guide.show_hidden else guide.hidden
        if hidden is None or not len(hidden):
            return self._rows
        if self._hidden_rows is not None and self._hidden_rows[0] is hidden:
            return self._hidden_rows[1]
        rows: list[PersonRow] = []
        for (row, texts), entry in zip(self._rows, self.people.values(), strict=True):
            # Counted as `session_count` counts, without sorting every person's sessions.
            shown = len({id(a.session) for a in entry.appearances if not hidden.hides(a.session)})
            if shown == entry.session_count:
                rows.append((row, texts))
            elif shown:
                key, name, detail, _count = row
                rows.append(
                    ((key, name, detail, ngettext("{n} session", "{n} sessions", shown)), texts)
                )
        self._hidden_rows = (hidden, rows)
        return rows

    @on(LineList.Selected, "#people")
    def _open(self, event: LineList.Selected) -> None:
        self.post_message(OpenPerson(event.key))
