"""Choose what to hide of a session: itself, its venue, its track or its language (or show it
again)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui_guide.programme.hiding import Hidden, What, languages_of
from tui_guide.programme.model import Session
from tui_guide.tui.widgets.plain import plain


def choices(session: Session, hidden: Hidden) -> list[tuple[What, str]]:
    """What can be hidden (or shown again) of `session`, each said in words."""
    found: list[tuple[What, str]] = []
    options: tuple[tuple[What, str | None], ...] = (
        ("session", session.title),
        ("venue", session.venue.name if session.venue else None),
        ("track", session.track),
        ("language", ", ".join(languages_of(session)) or None),
    )
    for what, name in options:
        if name is None:
            continue
        verb = "Show again" if hidden.holds(what, session) else "Hide"
        noun = {
            "session": "this session",
            "venue": "the venue",
            "track": "the track",
            "language": "the language",
        }[what]
        found.append((what, f"{verb} {noun}: {name}"))
    return found


class HideScreen(ModalScreen[What | None]):
    """A short list: hide this session, its venue, its track (or show one again)."""

    AUTO_FOCUS = "#hide-choices"

    BINDINGS = [Binding("escape", "dismiss_none", "Cancel", id="hide.cancel")]

    def __init__(self, session: Session, hidden: Hidden) -> None:
        super().__init__()
        self.session = session
        self.hidden = hidden

    def compose(self) -> ComposeResult:
        with Vertical(id="hide-dialog"):
            yield Static("Hide from the timetable and the lists", classes="heading")
            yield OptionList(
                *(
                    Option(plain(label), id=what)
                    for what, label in choices(self.session, self.hidden)
                ),
                id="hide-choices",
            )
            yield Static(
                "Enter chooses, esc cancels; H shows what is hidden, ctrl+f lists it.",
                classes="dim",
            )

    @on(OptionList.OptionSelected, "#hide-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        what = event.option.id
        if what in ("session", "venue", "track", "language"):
            self.dismiss(what)  # type: ignore[arg-type]

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
