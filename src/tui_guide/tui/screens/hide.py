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

from tui_guide.i18n import N_, _
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
        again = hidden.holds(what, session)
        label = {
            "session": _("Show this session again: {name}")
            if again
            else _("Hide this session: {name}"),
            "venue": _("Show the venue again: {name}") if again else _("Hide the venue: {name}"),
            "track": _("Show the track again: {name}") if again else _("Hide the track: {name}"),
            "language": (
                _("Show the language again: {name}") if again else _("Hide the language: {name}")
            ),
        }[what]
        found.append((what, label.format(name=name)))
    return found


class HideScreen(ModalScreen[What | None]):
    """A short list: hide this session, its venue, its track (or show one again)."""

    AUTO_FOCUS = "#hide-choices"

    BINDINGS = [Binding("escape", "dismiss_none", N_("Cancel"), id="hide.cancel")]

    def __init__(self, session: Session, hidden: Hidden) -> None:
        super().__init__()
        self.session = session
        self.hidden = hidden

    def compose(self) -> ComposeResult:
        with Vertical(id="hide-dialog"):
            yield Static(_("Hide from the timetable and the lists"), classes="heading")
            yield OptionList(
                *(
                    Option(plain(label), id=what)
                    for what, label in choices(self.session, self.hidden)
                ),
                id="hide-choices",
            )
            yield Static(
                _("Enter chooses, esc cancels; H shows what is hidden, ctrl+f lists it."),
                classes="dim",
            )

    @on(OptionList.OptionSelected, "#hide-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        what = event.option.id
        if what in ("session", "venue", "track", "language"):
            self.dismiss(what)  # type: ignore[arg-type]

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
