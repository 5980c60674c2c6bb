"""My programme: the starred sessions of every loaded festival, with their clashes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from ...programme.format import count as count_of
from ...programme.format import day_label
from ...programme.model import Session
from ..widgets.filter_bar import FilterBar
from ..widgets.footer import guide_footer
from ..widgets.plain import plain
from ..widgets.session_list import SessionList
from .base import ListScreen


def clashes(sessions: list[Session]) -> dict[str, str]:
    """For each session that overlaps another of `sessions`, a note naming the others."""
    notes: dict[str, str] = {}
    for session in sessions:
        others = [o.title for o in sessions if o.key != session.key and o.overlaps(session)]
        if others:
            notes[session.key] = "Clashes with " + "; ".join(others)
    return notes


class MineScreen(ListScreen):
    """Starred sessions by day; `s` unstars. Stars whose session is not loaded are kept."""

    AUTO_FOCUS = "SessionList"

    SECTION = "mine"

    def compose(self) -> ComposeResult:
        programme = self.guide.programme
        several = len(programme.festivals) > 1
        yield from self.top()
        yield FilterBar()
        yield Static(id="mine-summary", classes="heading")
        yield SessionList(
            festival_names={f.id: f.name for f in programme.festivals} if several else None,
            empty_message="Nothing starred yet: press s on a session to add it here.",
            id="mine",
        )
        yield Static(id="missing", classes="dim")
        yield guide_footer()

    def on_mount(self) -> None:
        self.title = "My programme"
        self.sub_title = ""

    def refresh_lists(self) -> None:
        programme = self.guide.programme
        starred: list[Session] = []
        missing: list[str] = []
        for key in self.guide.favourites:
            session = programme.session(key)
            if session is None:
                missing.append(key)
            else:
                starred.append(session)
        starred.sort(key=Session.sort_key)
        notes = clashes(starred)
        kept = self.filter_across(starred)
        groups: dict[str, list[Session]] = {}
        for session in kept:
            groups.setdefault(day_label(session.date, year=True), []).append(session)
        self.query_one(SessionList).show_groups(
            list(groups.items()), self.guide.favourites, notes=notes
        )
        number = len(starred)
        clash_count = len(notes)
        summary = count_of(number, "starred session")
        if clash_count:
            summary += f", {clash_count} in clashes"
        self.query_one("#mine-summary", Static).update(summary)
        note = self.query_one("#missing", Static)
        note.display = bool(missing)
        if missing:
            note.update(
                plain(
                    f"Also kept, not in the loaded programme ({len(missing)}): "
                    + ", ".join(missing)
                )
            )
