"""The Filters dialog's part for hiding: the festival's venues, tracks and languages, each
with its number of sessions, ticked when hidden, and the sessions hidden one by one; a find
box narrows the lists (a festival can have hundreds of venues). Unticking shows again."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from tui_guide.i18n import N_, _, ngettext
from tui_guide.programme.hiding import Hidden, Hideable, What, hideable
from tui_guide.programme.model import Festival
from tui_guide.programme.text import matches
from tui_guide.tui.widgets.plain import plain

GROUPS: tuple[tuple[What, str], ...] = (
    ("venue", N_("Venues")),
    ("track", N_("Tracks")),
    ("language", N_("Languages")),
    ("session", N_("Sessions hidden one by one")),
)
FIND_FROM = 12  # things that can be hidden from which the find box is shown


class HidePicker(Vertical):
    """Tick what to hide of `festival`; `chosen()` is what is ticked (the dialog's answer)."""

    def __init__(self, festival: Festival, hidden: Hidden) -> None:
        super().__init__(id="hide-picker")
        self.festival = festival
        self.things: dict[What, list[Hideable]] = {
            what: hideable(festival, what) for what, _heading in GROUPS if what != "session"
        }
        self.things["session"] = self._hidden_sessions(hidden)
        held = hidden.rows()
        self.ticked: dict[What, set[str]] = {
            what: {name for fest, kind, name in held if fest == festival.id and kind == what}
            for what, _ in GROUPS
        }

    def _hidden_sessions(self, hidden: Hidden) -> list[Hideable]:
        found = []
        prefix = f"{self.festival.id}/"
        for key in sorted(hidden.sessions):
            if not key.startswith(prefix):
                continue
            ident = key[len(prefix) :]
            session = self.festival.session(ident)
            label = (
                session.title
                if session is not None
                else _("{id} (no longer listed)").format(id=ident)
            )
            found.append(Hideable("session", ident, label, 1))
        return found

    def compose(self) -> ComposeResult:
        yield Static(_("Hide"), classes="label")
        yield Static(
            _(
                "Ticked: left out of every list, the timetable, now & next and search, until "
                "unticked here (or H shows them for a while)."
            ),
            classes="dim",
        )
        if sum(len(things) for things in self.things.values()) >= FIND_FROM:
            yield Input(placeholder=_("Find a venue, track or language"), id="hide-find")
        for what, heading in GROUPS:
            if self.things[what]:
                yield Static(_(heading), classes="label", id=f"hide-{what}-label")
                yield SelectionList[str](*self._options(what, ""), id=f"hide-{what}")

    def _options(self, what: What, text: str) -> list[Selection[str]]:
        ticked = self.ticked[what]
        return [
            Selection(self._label(thing), thing.name, thing.name in ticked)
            for thing in self.things[what]
            if not text or matches(text, thing.label)
        ]

    @staticmethod
    def _label(thing: Hideable) -> Content:
        if thing.what == "session":
            return plain(thing.label)
        return plain(f"{thing.label} · " + ngettext("{n} session", "{n} sessions", thing.sessions))

    @on(SelectionList.SelectedChanged)
    def _ticks_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        widget = event.selection_list
        what = (widget.id or "").removeprefix("hide-")
        if what not in self.ticked:
            return
        event.stop()
        shown = {widget.get_option_at_index(i).value for i in range(widget.option_count)}
        ticked = self.ticked[what]
        ticked -= shown
        ticked |= set(widget.selected)

    @on(Input.Changed, "#hide-find")
    def _find(self, event: Input.Changed) -> None:
        event.stop()
        first: SelectionList[str] | None = None
        for what, _heading in GROUPS:
            found = self.query(f"#hide-{what}")
            if not found:
                continue
            widget = found.first(SelectionList)
            options = self._options(what, event.value)
            with widget.prevent(SelectionList.SelectedChanged):
                widget.clear_options()
                widget.add_options(options)
            if options:  # space ticks the first one found, as soon as tab reaches it
                widget.highlighted = 0
            widget.display = bool(options)
            self.query_one(f"#hide-{what}-label").display = bool(options)
            if options and first is None:
                first = widget
        if first is not None:  # what was found, in view under the find box on a short screen
            self.call_after_refresh(first.scroll_visible, animate=False)

    def chosen(self) -> Hidden:
        """What is ticked, as what is hidden of this festival."""
        fest = self.festival.id
        return Hidden.from_rows(
            (fest, what, name) for what, names in self.ticked.items() for name in names
        )
