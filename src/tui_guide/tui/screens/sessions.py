"""A list of sessions across festivals: a person's, a country's, a tag's."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tui_guide.programme.model import Session
from tui_guide.tui.screens.base import ListScreen
from tui_guide.tui.widgets.filter_bar import FilterBar
from tui_guide.tui.widgets.footer import guide_footer
from tui_guide.tui.widgets.plain import plain
from tui_guide.tui.widgets.session_list import SessionList


class SessionsScreen(ListScreen):
    """A heading, some lines about it, and its sessions grouped by day."""

    AUTO_FOCUS = "SessionList"

    def __init__(self, heading: str, lines: Sequence[str], sessions: Sequence[Session]) -> None:
        super().__init__()
        self.heading = heading
        self.lines = tuple(lines)
        self.sessions = tuple(sorted(sessions, key=Session.sort_key))

    def compose(self) -> ComposeResult:
        programme = self.guide.programme
        names = (
            {f.id: f.name for f in programme.festivals} if len(programme.festivals) > 1 else None
        )
        yield from self.top()
        yield FilterBar()
        with Vertical(classes="card"):
            yield Static(plain(self.heading, style="bold"), classes="title")
            for line in self.lines:
                yield Static(plain(line), classes="dim")
        yield SessionList(group_by_day=True, festival_names=names, id="sessions")
        yield guide_footer()

    def on_mount(self) -> None:
        self.title = self.heading
        self.sub_title = ""

    def refresh_lists(self) -> None:
        kept = self.filter_across(self.sessions)
        self.query_one(SessionList).show(
            kept,
            self.guide.favourites,
            zone=self.shown_zone,
            moment=self.now(),
            notes=self.change_notes(),
        )
