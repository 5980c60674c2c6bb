"""Narrow every list by kind, track and country, show or hide past sessions, and hide venues,
tracks and languages (or show them again)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, SelectionList, Static
from textual.widgets.selection_list import Selection

from tui_guide.i18n import N_, _
from tui_guide.programme.format import kind_name
from tui_guide.programme.hiding import Hidden
from tui_guide.programme.model import Festival, Kind, Session
from tui_guide.programme.query import SessionFilter
from tui_guide.tui.widgets.hide_picker import HidePicker
from tui_guide.tui.widgets.plain import plain
from tui_guide.tui.widgets.section_bar import section_keys


@dataclass(frozen=True)
class FilterChoice:
    """What the filters dialog answers."""

    filter: SessionFilter
    hide_past: bool
    hidden: Hidden | None = None  # what is hidden of the festival; None: as it was


def _selections(
    values: Sequence[str], chosen: frozenset[str], shown: Sequence[str] | None = None
) -> list[Selection[str]]:
    """A tick box for each value, labelled with the value (`shown`: its words, for kinds)."""
    labels = values if shown is None else shown
    return [
        Selection(plain(label), value, value in chosen)
        for value, label in zip(values, labels, strict=True)
    ]


class FiltersScreen(ModalScreen[FilterChoice | None]):
    """Pick kinds, tracks and countries; Apply, Clear all, or Escape to leave them as they were."""

    AUTO_FOCUS = "SelectionList"

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="filters.cancel"),
        Binding("ctrl+s", "apply", N_("Apply"), id="filters.apply"),
        *section_keys(),
    ]

    def __init__(
        self,
        sessions: Sequence[Session],
        current: SessionFilter,
        hide_past: bool,
        *,
        festival: Festival | None = None,
        hidden: Hidden | None = None,
    ) -> None:
        super().__init__()
        self.sessions = tuple(sessions)
        self.current = current
        self.hide_past = hide_past
        self.festival = festival  # with it, the dialog hides its venues, tracks, languages
        self.hidden = hidden or Hidden()

    def compose(self) -> ComposeResult:
        kinds = [k.value for k in Kind if any(s.kind == k for s in self.sessions)]
        tracks = sorted({s.track for s in self.sessions if s.track})
        countries = sorted({c for s in self.sessions for c in s.countries})
        with Vertical(id="dialog"):
            yield Static(_("Filters"), classes="heading")
            yield Static(
                _(
                    "↑↓ move, space ticks, tab to the next group; ctrl+s applies, esc cancels. "
                    "Nothing ticked in a group keeps all of it. Clear all clears the filters; "
                    "what is hidden stays until unticked."
                ),
                classes="dim",
            )
            with VerticalScroll():
                yield Static(_("Kind"), classes="label")
                yield SelectionList[str](
                    *_selections(
                        kinds,
                        frozenset(k.value for k in self.current.kinds),
                        [kind_name(Kind(k)) for k in kinds],
                    ),
                    id="kinds",
                )
                if tracks:
                    yield Static(_("Track"), classes="label")
                    yield SelectionList[str](*_selections(tracks, self.current.tracks), id="tracks")
                if countries:
                    yield Static(_("Country"), classes="label")
                    yield SelectionList[str](
                        *_selections(countries, self.current.countries), id="countries"
                    )
                yield Checkbox(_("Hide past sessions"), self.hide_past, id="hide-past")
                if self.festival is not None:
                    yield HidePicker(self.festival, self.hidden)
            with Horizontal(classes="buttons"):
                yield Button(_("Apply"), variant="primary", id="apply")
                yield Button(_("Clear all"), id="clear")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        # Focusing the first list scrolled it into view, taking its "Kind" heading (and the
        # lines above) off the top of a short dialog: the dialog opens at its top.
        self.call_after_refresh(self.query_one("#dialog VerticalScroll").scroll_home, animate=False)

    def _chosen(self, selector: str) -> frozenset[str]:
        found = self.query(f"#{selector}")
        if not found:
            return frozenset()
        widget = found.first(SelectionList)
        return frozenset(widget.selected)

    def action_apply(self) -> None:
        self.dismiss(
            FilterChoice(
                SessionFilter(
                    kinds=frozenset(Kind(k) for k in self._chosen("kinds")),
                    tracks=self._chosen("tracks"),
                    countries=self._chosen("countries"),
                ),
                self.query_one("#hide-past", Checkbox).value,
                self.query_one(HidePicker).chosen() if self.query(HidePicker) else None,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#apply")
    def _apply(self) -> None:
        self.action_apply()

    @on(Button.Pressed, "#clear")
    def _clear(self) -> None:
        self.dismiss(FilterChoice(SessionFilter(), False))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
