"""The footer every screen shows: compact, and fitted to its width. When the keys do not fit
it leaves out the Settings key (`,`: `?` and the palette name it), then shortens their labels,
then shows the guide-wide keys (i, ^f, ^p, z, q: `?` lists them) by their key alone, then
every key alone; it never cuts a key off."""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # the footer's own item (no public name)

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


def _width(key: FooterKey, label: str) -> int:
    # Compact: the key, a space and the label, then a cell of margin.
    return len(key.key_display) + (1 + len(label) if label else 0) + 1


class GuideFooter(Footer):
    """A compact footer that shortens its labels to keep every key on screen."""

    def __init__(self) -> None:
        # Search (ctrl+p) is an app binding with its own label, so the palette's corner is off.
        super().__init__(compact=True, show_command_palette=False)
        self._full: dict[int, str] = {}  # each key's own label, by id(FooterKey)

    def compose(self) -> ComposeResult:
        items = list(super().compose())
        self._full = {id(item): item.description for item in items if isinstance(item, FooterKey)}
        for item in items:  # the Bindings' words, in the guide's language
            if isinstance(item, FooterKey):
                item.description = _(item.description)
                if isinstance(item.tooltip, str):
                    item.tooltip = _(item.tooltip)
        self._fit(items, self.size.width)
        yield from items

    def on_resize(self, event: events.Resize) -> None:
        self._fit(list(self.query(FooterKey)), event.size.width)

    def _guide_wide(self) -> set[str]:
        return {
            binding.action
            for binding in self.app.BINDINGS
            if isinstance(binding, Binding) and binding.action not in KEPT
        }

    def _fit(self, items: Iterable[Widget], width: int) -> None:
        keys = [item for item in items if isinstance(item, FooterKey)]
        if not keys or width <= 0:
            return
        full = [self._full.get(id(key), key.description) for key in keys]
        fits = sum(map(_width, keys, full)) <= width
        for key in keys:
            if key.action in OPTIONAL:
                key.display = fits
        keys = [key for key in keys if fits or key.action not in OPTIONAL]
        wide = self._guide_wide()
        labels = [self._full.get(id(key), key.description) for key in keys]
        # The guide-wide keys' labels first, from the right, then the screen's own; `?` last.
        order = [i for i in reversed(range(len(keys))) if keys[i].action in wide]
        order += [i for i in reversed(range(len(keys))) if i not in order]
        order.sort(key=lambda i: keys[i].action in KEPT)  # stable: `?` moves to the end
        # Shortened one by one (in the order of SHORT: what says the most, last), then
        # dropped one by one, until the keys fit.
        steps = [(i, long) for long in SHORT for i in order if labels[i] == long]
        steps += [(i, "") for i in order]
        shown = [_(label) for label in labels]
        for index, long in steps:
            if sum(map(_width, keys, shown)) <= width:
                break
            labels[index] = SHORT[long] if long else ""
            shown[index] = _(labels[index])
        for key, label in zip(keys, shown, strict=True):
            if key.description != label:
                key.description = label
                key.refresh(layout=True)


def guide_footer() -> GuideFooter:
    return GuideFooter()
