"""A line of a detail page that opens something: a person, a venue, a track, a link. It takes
focus (Tab reaches it), and Enter or a click posts the Message it was given."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from tui_guide.i18n import N_


class Jump(Static, can_focus=True):
    """`content` shown as it is (build it with `plain()` for text from a data file); `ask`
    makes the Message to post, a new one each time."""

    BINDINGS = [Binding("enter", "open", N_("Open"), id="jump.open")]

    def __init__(
        self,
        content: Content,
        ask: Callable[[], Message],
        *,
        id: str | None = None,
        classes: str = "",
    ) -> None:
        super().__init__(content, id=id, classes=f"jump {classes}".strip())
        self.ask = ask

    def action_open(self) -> None:
        self.post_message(self.ask())

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.focus()
        self.action_open()


class LinkJump(Jump):
    """A web address: Enter shows it in a notice and copies it (no browser is started)."""

    BINDINGS = [Binding("enter", "open", N_("Copy link"), id="jump.copy")]
