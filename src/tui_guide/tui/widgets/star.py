"""The star on a session's page: shows whether it is in My programme; a click toggles it."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Static

from tui_guide.i18n import _
from tui_guide.tui.widgets.session_list import FAVOURITE_MARK

UNSTARRED_MARK = "☆"


class StarToggle(Static):
    """'★ In My programme' or '☆ Not in My programme'; a click posts `StarToggle.Clicked`."""

    class Clicked(Message):
        """The user clicked the star."""

    def show(self, starred: bool) -> None:
        if starred:
            self.update(f"{FAVOURITE_MARK} " + _("In My programme"))
        else:
            self.update(f"{UNSTARRED_MARK} " + _("Not in My programme: f or a click stars it"))
        self.set_class(starred, "-starred")

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked())
