"""The strip of days over the days' list: a tab per day, the active one underlined, scrolled
to keep it in the middle; a click, or left and right while it has focus, picks another.

One widget that draws its two lines, cell for cell as Textual's `Tabs` draws them: that is
a container of a `Tab` widget per day (26 at a long festival) over an `Underline`, every
one of them made, styled and laid out for the first paint. The underline moves at once, not
sliding (the guide starts with animations or not, it never waits for one)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.renderables.bar import Bar
from textual.strip import Strip
from textual.widget import Widget

from tui_guide.i18n import N_


@dataclass(frozen=True)
class DayTab:
    """One tab: its id (what `DayStrip.active` holds) and its label (plain text)."""

    id: str
    label: str


class DayStrip(Widget, can_focus=True):
    """A row of tabs over an underline; `active` is the id of the tab shown as chosen.
    Changing it (a click, a key, or the screen) posts `Activated`."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "day-strip--tab",
        "day-strip--hover",
        "day-strip--active",
        "day-strip--bar",
    }
    # Textual's Tabs, Tab and Underline: the same theme variables and states.
    DEFAULT_CSS = """
    DayStrip {
        width: 100%;
        height: 2;
        & > .day-strip--tab {
            color: $foreground 50%;
        }
        & > .day-strip--hover {
            color: $foreground;
        }
        & > .day-strip--active {
            color: $foreground;
        }
        & > .day-strip--bar {
            color: $block-cursor-background;
            background: $foreground 10%;
        }
        &:focus {
            & > .day-strip--bar {
                background: $foreground 30%;
            }
            & > .day-strip--active {
                text-style: $block-cursor-text-style;
                color: $block-cursor-foreground;
                background: $block-cursor-background;
            }
        }
        &:ansi {
            & > .day-strip--tab {
                text-style: dim;
            }
            & > .day-strip--active {
                text-style: not dim bold;
            }
            & > .day-strip--bar {
                color: $block-cursor-background;
                background: $border-blurred;
            }
        }
    }
    """

    BINDINGS = [
        # As Textual's Tabs: while the strip has focus, left and right go round.
        Binding("left", "move(-1)", N_("Previous day"), show=False),
        Binding("right", "move(1)", N_("Next day"), show=False),
    ]

    active: reactive[str] = reactive("", init=False)
    """The id of the chosen tab ("" for none)."""

    class Activated(Message):
        """Another tab was chosen."""

        def __init__(self, strip: DayStrip, active: str) -> None:
            super().__init__()
            self.strip = strip
            self.active = active

        @property
        def control(self) -> DayStrip:
            return self.strip

    def __init__(self, tabs: Sequence[DayTab], *, active: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self.tabs = tuple(tabs)
        self._widths = [cell_len(tab.label) + 2 for tab in self.tabs]  # padding included
        *self._starts, self._total = accumulate(self._widths, initial=0)
        self.set_reactive(DayStrip.active, active if active in self.ids else "")
        self.row_x = 0
        """The first column of the row in view (the row scrolls to keep the chosen tab in
        the middle, as Textual's Tabs scrolls its row)."""
        self._scrolled_for: tuple[str, int] | None = None
        self._pointer: tuple[int, int] | None = None  # where the mouse is, over the strip

    @property
    def ids(self) -> list[str]:
        return [tab.id for tab in self.tabs]

    @property
    def labels(self) -> list[str]:
        return [tab.label for tab in self.tabs]

    def _index(self, tab_id: str) -> int | None:
        return next((i for i, tab in enumerate(self.tabs) if tab.id == tab_id), None)

    def watch_active(self, active: str) -> None:
        self.refresh()
        self.post_message(self.Activated(self, active))

    def action_move(self, step: int) -> None:
        """The next or previous tab, going round at either end."""
        if not self.tabs:
            return
        index = self._index(self.active)
        if index is None:
            index = 0 if step > 0 else len(self.tabs) - 1
        else:
            index = (index + step) % len(self.tabs)
        self.active = self.tabs[index].id

    def _scroll(self, width: int) -> int:
        """Where the row starts in view: the chosen tab centred, the row kept in bounds
        (`Widget.scroll_to_center`'s arithmetic, from the last place, as Tabs does on a
        change of tab or of width)."""
        key = (self.active, width)
        if key != self._scrolled_for:
            self._scrolled_for = key
            index = self._index(self.active)
            if index is not None:
                start = self._starts[index]
                centre = start + self._widths[index] / 2
                delta = int(centre - (self.row_x + width / 2) + 0.5)
                most = max(0, max(self._total, width) - width)
                row_x = max(0, min(most, self.row_x + delta))
                if not row_x <= start < row_x + width:
                    # A tab wider than the strip: its start kept in view, not its middle
                    # (`scroll_to_center`'s `origin_visible`).
                    row_x = max(0, min(most, start))
                self.row_x = row_x
        return self.row_x

    def on_resize(self, event: events.Resize) -> None:
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        scroll = self._scroll(width)
        row = max(self._total, width)
        blank = Style(bgcolor=self.rich_style.bgcolor)
        if y == 0:
            segments: list[Segment] = []
            hovered = self._hovered()
            for index, tab in enumerate(self.tabs):
                style = self.get_visual_style(*self._names(index, hovered))
                pad = Style(bgcolor=style.rich_style.bgcolor)
                segments += [
                    Segment(" ", pad),
                    Segment(tab.label, style.rich_style_with_offset(0, 0)),
                    Segment(" ", pad),
                ]
            line = Strip(segments).extend_cell_length(row, blank)
        elif y == 1:
            line = self._bar(row)
        else:
            return Strip.blank(width, blank)
        return line.crop(scroll, scroll + width).extend_cell_length(width, blank)

    def _names(self, index: int, hovered: int | None) -> tuple[str, ...]:
        """A tab's component styles, in the order Textual's Tab rules cascade."""
        names: tuple[str, ...] = ("day-strip--tab",)
        if index == hovered:
            names += ("day-strip--hover",)
        if self.tabs[index].id == self.active:
            names += ("day-strip--active",)
        return names

    def _bar(self, row: int) -> Strip:
        """Textual's underline (its `Bar`) across the whole row, lit under the chosen tab's
        label (not its padding)."""
        style = self.get_component_rich_style("day-strip--bar")
        index = self._index(self.active)
        if index is None:
            lit = (0.0, 0.0)
        else:
            start = self._starts[index] + 1
            lit = (float(start), float(start + self._widths[index] - 2))
        bar = Bar(
            highlight_range=lit,
            highlight_style=Style.from_color(style.color),
            background_style=Style.from_color(style.bgcolor),
        )
        console: Console = self.app.console
        options = console.options.update_width(row)
        under = Style(bgcolor=self.rich_style.bgcolor, color=self.rich_style.color)
        lines = console.render_lines(bar, options, style=under, pad=False)
        return Strip(lines[0]) if lines else Strip.blank(row)

    def _tab_at(self, x: int) -> int | None:
        column = x + self.row_x
        for index, start in enumerate(self._starts):
            if start <= column < start + self._widths[index]:
                return index
        return None

    def _hovered(self) -> int | None:
        """The tab under the mouse, the row scrolled as it is now (the underline is not a
        tab: over it, none is)."""
        if self._pointer is None or self._pointer[1] != 0:
            return None
        return self._tab_at(self._pointer[0])

    def _point(self, pointer: tuple[int, int] | None) -> None:
        if pointer != self._pointer:
            self._pointer = pointer
            self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._point((event.x, event.y))

    def on_leave(self, event: events.Leave) -> None:
        self._point(None)

    def on_click(self, event: events.Click) -> None:
        """A tab, or the underline under it, chooses it."""
        event.stop()
        self._point((event.x, event.y))
        index = self._tab_at(event.x)
        if index is not None:
            self.active = self.tabs[index].id
