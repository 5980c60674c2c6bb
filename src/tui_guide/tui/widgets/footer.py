"""The footer every screen shows: compact, and fitted to its width. When the keys do not fit
it leaves out the Settings key (`,`: `?` and the palette name it), then shortens their labels,
then shows the guide-wide keys (i, ^f, ^p, z, q: `?` lists them) by their key alone, then
every key alone; it never cuts a key off.

One widget that draws one line, styled as Textual's compact `Footer` draws its keys: that
footer is a container of a `FooterKey` widget per key, all of them made, styled and laid out
again (a recompose) each time the screen's keys change, the first frame included."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

from tui_guide.i18n import N_, _

SHORT = {
    "About": N_("Info"),
    "Filters": N_("Filter"),
    "Close filter": N_("Close"),
    "Copy link": N_("Copy"),
    "Your time": N_("Yours"),
    "Festival time": N_("Fest. time"),
}
"""Shorter labels for a narrow footer, taken in this order; a label not named here is short
already. By the English label (the Binding's); both are shown in the guide's language."""

KEPT = ("help",)
"""Guide-wide keys whose label stays longest: `?` is how to learn the others."""

OPTIONAL = ("settings",)
"""Guide-wide keys shown only when every key fits with its full label beside them (`?` and
the palette list them too): on a narrow footer they give way first, before any label is
shortened."""


@dataclass
class FooterItem:
    """One key of the footer: what it shows and what it does."""

    key: str
    """The key pressed when the item is clicked (the binding's first)."""
    key_display: str
    action: str
    full: str
    """The binding's own label (English; shown in the guide's language)."""
    tooltip: str
    enabled: bool = True
    description: str = ""
    """The label shown, in the guide's language, shortened or empty to fit."""
    shown: bool = True
    """False for an optional key left out of a narrow footer."""

    @property
    def width(self) -> int:
        """The cells it takes: the key, a space and the label (no margin)."""
        label = self.description
        return cell_len(self.key_display) + (1 + cell_len(label) if label else 0)


def _width(item: FooterItem, label: str) -> int:
    # Compact: the key, a space and the label, then a cell of margin.
    return cell_len(item.key_display) + (1 + cell_len(label) if label else 0) + 1


class GuideFooter(Widget, can_focus=False):
    """A compact footer that shortens its labels to keep every key on screen."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "footer-key--key",
        "footer-key--description",
        "footer-key--hover",
    }
    # Textual's Footer and FooterKey, compact: the same theme variables.
    DEFAULT_CSS = """
    GuideFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        &:hover {
            pointer: pointer;
        }
        & > .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .footer-key--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.items: list[FooterItem] = []
        """Every key of the screen, in the footer's order (`shown` says which are drawn)."""
        self._read: tuple[tuple[str, str, str, bool, str], ...] | None = None
        self._fitted_to = -1
        self._hover: FooterItem | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen and self._read_keys():
            self.refresh()

    def _read_keys(self) -> bool:
        """Read the screen's keys; whether they changed."""
        found: dict[str, tuple[Binding, bool, str]] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in found:  # one item per action
                found[binding.action] = (binding, enabled, tooltip)
        read = tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip or "")
            for binding, enabled, tooltip in found.values()
        )
        if read == self._read:
            return False
        self._read = read
        app = self.app
        self.items = [
            FooterItem(
                key=binding.key,
                key_display=app.get_key_display(binding),
                action=binding.action,
                full=binding.description,
                tooltip=_(tooltip) if tooltip else "",
                enabled=enabled,
            )
            for binding, enabled, tooltip in found.values()
        ]
        self._fitted_to = -1
        return True

    @property
    def shown_items(self) -> list[FooterItem]:
        """The keys drawn, as they are drawn (after the footer has been rendered)."""
        return [item for item in self.items if item.shown]

    def on_resize(self, event: events.Resize) -> None:
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """The keys, cell for cell as Textual's compact footer draws them: each key and its
        label in their own colours, a cell of the footer's background between two keys (and
        after the last, up to the edge), with no colour of its own for text."""
        if self._read is None:
            self._read_keys()
        width = self.size.width
        if self._fitted_to != width:
            _fit(self.items, width, self._guide_wide())
            self._fitted_to = width
        key_style = self.get_component_rich_style("footer-key--key")
        label_style = self.get_component_rich_style("footer-key--description")
        hover = self.get_component_rich_style("footer-key--hover")
        blank = Style(bgcolor=self.rich_style.bgcolor)
        segments: list[Segment] = []
        for index, item in enumerate(self.shown_items):
            if index:
                segments.append(Segment(" ", blank))
            if item is self._hover:
                keys, labels = hover + _colour_of(key_style), hover + _colour_of(label_style)
            else:
                keys, labels = key_style, label_style
            if not item.enabled:
                keys, labels = keys + _DIM, labels + _DIM
            segments.append(Segment(item.key_display, keys))
            if item.description:
                segments.append(Segment(" " + item.description, labels))
        return Strip(segments).crop_extend(0, width, blank) if y == 0 else Strip.blank(width, blank)

    def _guide_wide(self) -> set[str]:
        return {
            binding.action
            for binding in self.app.BINDINGS
            if isinstance(binding, Binding) and binding.action not in KEPT
        }

    def _item_at(self, x: int) -> FooterItem | None:
        start = 0
        for item in self.shown_items:
            if start <= x < start + item.width:
                return item
            start += item.width + 1
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._show_hover(self._item_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._show_hover(None)

    def _show_hover(self, item: FooterItem | None) -> None:
        if item is not self._hover:
            self._hover = item
            self.tooltip = item.tooltip or None if item is not None else None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        item = self._item_at(event.x)
        if item is None:
            return
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()


_DIM = Style(dim=True)


def _colour_of(style: Style) -> Style:
    """The text colour and attributes of a key's part, over the hovered key's background."""
    return Style(color=style.color, bold=style.bold)


def _fit(items: Sequence[FooterItem], width: int, wide: set[str]) -> None:
    """Choose each item's label (full, short or none) and whether an optional one shows, so
    that the keys fit in `width` cells."""
    if not items or width <= 0:
        for item in items:
            item.description, item.shown = _(item.full), True
        return
    fits = sum(_width(item, item.full) for item in items) <= width
    for item in items:
        item.shown = fits or item.action not in OPTIONAL
    keys = [item for item in items if item.shown]
    labels = [item.full for item in keys]
    # The guide-wide keys' labels first, from the right, then the screen's own; `?` last.
    order = [i for i in reversed(range(len(keys))) if keys[i].action in wide]
    order += [i for i in reversed(range(len(keys))) if i not in order]
    order.sort(key=lambda i: keys[i].action in KEPT)  # stable: `?` moves to the end
    # Shortened one by one (in the order of SHORT: what says the most, last), then dropped
    # one by one, until the keys fit.
    steps = [(i, long) for long in SHORT for i in order if labels[i] == long]
    steps += [(i, "") for i in order]
    shown = [_(label) for label in labels]
    for index, long in steps:
        if sum(map(_width, keys, shown)) <= width:
            break
        labels[index] = SHORT[long] if long else ""
        shown[index] = _(labels[index])
    for item, label in zip(keys, shown, strict=True):
        item.description = label


def guide_footer() -> GuideFooter:
    return GuideFooter()
