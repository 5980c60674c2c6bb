"""The row of sections under the header: each with its key, the current one marked, and
clickable."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from ...programme.format import count

# mode, key, label, and the label when the bar is narrower than WIDE
SECTIONS = (
    ("days", "d", "Days", "Days"),
    ("venues", "v", "Venues", "Venues"),
    ("people", "p", "People", "People"),
    ("now", "n", "Now & next", "Now"),
    ("mine", "m", "My programme", "Mine"),
    ("festivals", "F", "Festivals", "Fests"),
)
WIDE = 80


class SectionLink(Static):
    """One section: clicking it does what its key does."""

    def __init__(self, mode: str, key: str, label: str, short: str, *, current: bool) -> None:
        super().__init__(f"{key} {label}", classes="-current" if current else "")
        self.mode = mode
        self.labels = (f"{key} {label}", f"{key} {short}")

    def fit(self, narrow: bool) -> None:
        self.update(self.labels[narrow])

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        await self.app.run_action(f"section('{self.mode}')")


class FilterBadge(Static):
    """Says when the filters hide anything; clicking it opens them."""

    def on_mount(self) -> None:
        for name in ("session_filter", "hide_past"):
            self.watch(self.app, name, self._show)

    def _show(self) -> None:
        chosen = self.app.session_filter  # type: ignore[attr-defined]
        parts = [
            count(len(values), noun, plural)
            for values, noun, plural in (
                (chosen.kinds, "kind", None),
                (chosen.tracks, "track", None),
                (chosen.countries, "country", "countries"),
            )
            if values
        ]
        if self.app.hide_past:  # type: ignore[attr-defined]
            parts.append("past hidden")
        self.update(f"Filtered: {', '.join(parts)}" if parts else "")
        self.display = bool(parts)

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        await self.app.run_action("filters")


class SectionBar(Horizontal):
    """`current` is the mode of the screen it sits on (None on pushed screens)."""

    def __init__(self, current: str | None = None, *, festivals: int = 1) -> None:
        super().__init__()
        self.current = current
        self.festivals = festivals

    def compose(self) -> ComposeResult:
        for mode, key, label, short in SECTIONS:
            if mode == "festivals" and self.festivals < 2:
                continue
            yield SectionLink(mode, key, label, short, current=mode == self.current)
        yield FilterBadge()

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < WIDE
        for link in self.query(SectionLink):
            link.fit(narrow)
