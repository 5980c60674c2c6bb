"""A list that draws only the rows on screen (Textual's Line API), for lists of thousands.

`OptionList` makes an `Option` and a Visual for every entry when it is filled and measures
every one; this list is given each entry's key and height and makes a row's Visual only when
the row scrolls into view (`render_line`). Subclasses say how tall an entry is and how it
looks; headings (entries with no key) are never highlighted.

A long list may also guess the heights (`entry_estimates`): then only the entries a view
around the highlight can show are measured before the first paint, and the rest after it,
a slice at a time (`line_heights.LineHeights`), keeping what is on the screen where it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.timer import Timer
from textual.visual import Padding, Visual

from tui_guide.i18n import N_
from tui_guide.tui.widgets.line_heights import LineHeights

ROW = "line-list--row"
HEADING = "line-list--heading"
HIGHLIGHTED = "line-list--highlighted"
HOVER = "line-list--hover"

ESTIMATE_OVER = 300
"""A list of more entries than this guesses the heights of those out of view (when its
class can, `entry_estimates`); a shorter one measures them all at once."""

SLICE = 250
"""Entries measured in one slice of the work after the paint (a millisecond or two)."""

SLICE_PAUSE = 0.01
"""Seconds between slices, so that a key pressed meanwhile waits for one slice at most."""


class LineList(ScrollView, can_focus=True):
    """Entries one under another, each `entry_height` lines tall; the highlighted one (never
    a heading) moves with the keys and the mouse, and Enter or a click posts `Selected`.

    Its styles live in `app.tcss` (a widget's own DEFAULT_CSS makes Textual restyle every
    screen the first time its class is mounted): the same colours from the theme as an
    `OptionList`'s."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", N_("Down"), show=False),
        Binding("end", "last", N_("Last"), show=False),
        Binding("enter", "select", N_("Select"), show=False),
        Binding("home", "first", N_("First"), show=False),
        Binding("pagedown", "page_down", N_("Page Down"), show=False),
        Binding("pageup", "page_up", N_("Page Up"), show=False),
        Binding("up", "cursor_up", N_("Up"), show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {ROW, HEADING, HIGHLIGHTED, HOVER}

    class Selected(Message):
        """Enter on, or a click of, the entry `key` at `index`."""

        def __init__(self, line_list: LineList, key: str, index: int) -> None:
            super().__init__()
            self.line_list = line_list
            self.key = key
            self.index = index

        @property
        def control(self) -> LineList:
            return self.line_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._keys: list[str | None] = []
        self._index: dict[str, int] = {}
        self._lines = LineHeights((), _no_measure, exact=True)  # at `_laid`'s width
        self._laid: int | None = None  # the row width the heights were worked out for
        self._highlighted: int | None = None
        self._hover: int | None = None
        # Each entry's lines as drawn, with the style, width and height they were drawn at
        # (a style update that changes nothing of a row, focus say, does not draw it again).
        self._strips: LRUCache[tuple[int, str], tuple[Style, int, int, list[Strip]]]
        self._strips = LRUCache(maxsize=1024)
        self._slicer: Timer | None = None

    # -- what a subclass says ----------------------------------------------------------------

    def entry_height(self, index: int, width: int) -> int:
        """The lines entry `index` takes at `width` (the row's width inside its padding)."""
        return 1

    def entry_heights(self, width: int, start: int = 0, stop: int | None = None) -> list[int]:
        """The heights at `width` of the entries from `start` to `stop` (the last when None),
        in order: a subclass may work them out in bulk."""
        height = self.entry_height
        stop = len(self._keys) if stop is None else stop
        return [height(index, width) for index in range(start, stop)]

    def entry_estimates(self, width: int) -> tuple[list[int], list[bool]] | None:
        """Every entry's height at `width`, guessed where it is not known already, and
        which are known: far cheaper than `entry_heights` (a list of thousands guesses
        before its first paint, and measures after it); None: this list does not guess."""
        return None

    def entry_visual(self, index: int) -> Visual:
        """Entry `index` drawn: asked only when it is on screen."""
        raise NotImplementedError

    # -- the entries ---------------------------------------------------------------------------

    @property
    def keys(self) -> Sequence[str | None]:
        """Each entry's key, in order; None for a heading."""
        return self._keys

    @property
    def entry_count(self) -> int:
        return len(self._keys)

    def index_of(self, key: str) -> int | None:
        return self._index.get(key)

    @property
    def highlighted_key(self) -> str | None:
        index = self._highlighted
        return None if index is None else self._keys[index]

    def set_keys(self, keys: list[str | None], *, keep: str | None = None) -> None:
        """Show these entries (keys unique; None for headings), the highlight on `keep` when
        it is among them, else on the first entry with a key. The kept entry stays where it
        was on the screen, so a refill (a star, a filter) does not move the user's place."""
        old_line = None
        shown = self._highlighted
        if (
            keep is not None
            and shown is not None
            and self._laid is not None
            and (self._keys[shown] == keep)
        ):
            old_line = self._lines.starts[shown] - round(self.scroll_y)
        self._keys = keys
        self._index = {key: n for n, key in enumerate(keys) if key is not None}
        self._laid = None
        self._lines = LineHeights((), _no_measure, exact=True)
        self._hover = None
        self._strips.clear()
        found = self._index.get(keep) if keep is not None else None
        if found is None:
            found = next((n for n, key in enumerate(keys) if key is not None), None)
        self._highlighted = found
        self.scroll_to(y=0, animate=False, immediate=True)
        if self._lay_out() and found is not None and old_line is not None:
            line = self._lines.starts[found] - old_line
            self.scroll_to(y=max(0, line), animate=False, immediate=True)
        self.scroll_to_highlight()
        self.refresh()

    def refresh_entry(self, index: int, *, changed: bool = False) -> None:
        """Draw entry `index` again; `changed`: its look changed (not its height)."""
        if changed:
            for part in (ROW, HEADING, HIGHLIGHTED, HOVER):
                self._strips.discard((index, part))
        if self._laid is not None and 0 <= index < len(self._keys):
            self.refresh_lines(self._lines.starts[index], self._lines.height(index))

    # -- layout ---------------------------------------------------------------------------------

    def _row_width(self) -> int:
        padding = self.get_component_styles(ROW).padding
        width = self.scrollable_content_region.width - padding.width
        styles = self.styles
        if (
            not self.show_vertical_scrollbar
            and styles.overflow_y == "auto"
            and len(self._keys) > self.scrollable_content_region.height
        ):
            # More entries than lines: the scrollbar will show, and take its width. Laid
            # out for that width at once, not for this one and then again (each row
            # measured twice).
            width -= styles.scrollbar_size_vertical
        return max(1, width)

    @property
    def _starts(self) -> list[int]:
        """The line each entry starts on, and the total after the last."""
        return self._lines.starts

    def _lay_out(self) -> bool:
        """The line each entry starts on, for the width the list has now; False when the
        list has no width yet. A long list that guesses measures now only what a view
        around the highlight can show, and the rest after the paint."""
        region = self.scrollable_content_region
        if not region or not self.is_mounted:
            return False
        width = self._row_width()
        if self._laid != width:
            self._laid = width

            def measure(start: int, stop: int) -> list[int]:
                return self.entry_heights(width, start, stop)

            estimates = self.entry_estimates(width) if len(self._keys) > ESTIMATE_OVER else None
            if estimates is None:
                self._lines = LineHeights(self.entry_heights(width), measure, exact=True)
            else:
                heights, known = estimates
                self._lines = LineHeights(heights, measure, exact=known)
                target = self._highlighted or 0
                self._lines.settle_around(target, region.height)
                if not self._lines.settled:
                    self.call_after_refresh(self._slice_later)
        self._sync_size()
        return True

    def _sync_size(self) -> None:
        size = Size(self.scrollable_content_region.width, self._lines.total)
        if size != self.virtual_size:
            self.virtual_size = size
            self._scroll_update(size)

    def _height(self, index: int) -> int:
        return self._lines.height(index)

    def _entry_at_line(self, line: int) -> int | None:
        if self._laid is None:
            return None
        return self._lines.entry_at_line(line)

    # -- measuring after the paint -----------------------------------------------------------

    def _settling(self, settle: Callable[[LineHeights], object]) -> None:
        """Run `settle` on the heights, keeping the entry at the top of the view where it is
        on the screen however the entries above it grew or shrank."""
        lines = self._lines
        if lines.settled or self._laid is None:
            return
        y = round(self.scroll_y)
        top = lines.entry_at_line(y)
        offset = 0 if top is None else y - lines.starts[top]
        settle(lines)
        self._sync_size()
        if top is not None and (line := lines.starts[top] + offset) != y:
            self.scroll_to(y=line, animate=False, immediate=True, force=True)

    def _settle_view(self) -> None:
        """Measure the entries in view (each entry is drawn at its exact height)."""
        lines = self._lines
        if lines.settled or self._laid is None:
            return
        top = round(self.scroll_y)
        lines.settle_lines(top, top + self.scrollable_content_region.height)
        self._sync_size()

    def _slice_later(self) -> None:
        if self._slicer is None and not self._lines.settled:
            self._slicer = self.set_timer(SLICE_PAUSE, self._slice)

    def _slice(self) -> None:
        self._slicer = None
        self._settling(lambda lines: lines.settle_next(SLICE))
        self._slice_later()

    @property
    def settled(self) -> bool:
        """Every entry's height is measured (none is a guess any longer)."""
        return self._lines.settled

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._settle_view()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        padding = self.get_component_styles(ROW).padding
        return sum(self.entry_heights(max(1, width - padding.width)))

    def _on_resize(self, event: events.Resize) -> None:
        self._lay_out()  # again only if the width changed
        self.scroll_to_highlight()

    def notify_style_update(self) -> None:
        self.refresh()  # rows drawn in a style that changed are drawn again (`render_line`)
        super().notify_style_update()

    def on_mount(self) -> None:
        self._lay_out()

    def on_show(self) -> None:
        self.scroll_to_highlight()

    # -- drawing -------------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        self._lay_out()
        self._settle_view()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = round(self.scroll_y) + y
        index = self._entry_at_line(line)
        if index is None:
            return Strip.blank(width, self.get_visual_style(ROW).rich_style)
        if self._keys[index] is None:
            part = HEADING
        elif index == self._highlighted:
            part = HIGHLIGHTED
        elif index == self._hover:
            part = HOVER
        else:
            part = ROW
        style = self.get_visual_style(ROW) if part == ROW else self.get_visual_style(ROW, part)
        height = self._lines.height(index)
        drawn = self._strips.get((index, part))
        if drawn is not None and drawn[1] == width and drawn[2] == height and drawn[0] == style:
            strips = drawn[3]
        else:
            strips = self._render_entry(index, style, width)
            self._strips.discard((index, part))  # Textual's LRUCache.set keeps an old value
            self._strips[index, part] = (style, width, height, strips)
        offset = line - self._lines.starts[index]
        if offset >= len(strips):
            return Strip.blank(width, self.get_visual_style(ROW).rich_style)
        return strips[offset]

    def _render_entry(self, index: int, style: Style, width: int) -> list[Strip]:
        padding = self.get_component_styles(ROW).padding
        visual: Visual = self.entry_visual(index)
        if padding:
            visual = Padding(visual, padding)
        height = self._height(index)
        strips = Visual.to_strips(self, visual, width, height, style)
        blank = Strip.blank(width, style.rich_style)
        strips = [strip.extend_cell_length(width, style.rich_style) for strip in strips[:height]]
        return strips + [blank] * (height - len(strips))

    # -- the highlight --------------------------------------------------------------------------

    @property
    def highlighted(self) -> int | None:
        """The index of the highlighted entry (never a heading's), or None."""
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        if index is not None:
            index = max(0, min(len(self._keys) - 1, index)) if self._keys else None
        old, self._highlighted = self._highlighted, index
        if old != index:
            for changed in (old, index):
                if changed is not None:
                    self.refresh_entry(changed)
        self.scroll_to_highlight()

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Scroll so that the highlighted entry is in view, with the headings right above it
        when there is room (the entry at the top with `top`)."""
        index = self._highlighted
        if index is None or not self.is_mounted:
            return
        if not self._lay_out():
            return
        view = self.scrollable_content_region
        self._settling(lambda lines: lines.settle_around(index, view.height))
        first = index
        if not top:  # the headings right above it come into view with it
            while first > 0 and self._keys[first - 1] is None:
                first -= 1
        top_line, end = self._starts[first], self._starts[index + 1]
        if end - top_line > view.height:
            top_line = self._starts[index]  # no room for them: the row alone
        self.scroll_to_region(
            Region(0, top_line, view.width, end - top_line),
            force=True,
            animate=False,
            top=top,
            immediate=True,
        )

    def _step(self, start: int, direction: int, wrap: bool) -> int | None:
        """The next entry with a key from `start` (included) in `direction`."""
        count = len(self._keys)
        index = start
        for _ in range(count):
            if not 0 <= index < count:
                if not wrap:
                    return None
                index %= count
            if self._keys[index] is not None:
                return index
            index += direction
        return None

    def action_cursor_down(self) -> None:
        start = 0 if self._highlighted is None else self._highlighted + 1
        found = self._step(start, 1, wrap=True)
        if found is not None:
            self.highlighted = found

    def action_cursor_up(self) -> None:
        start = len(self._keys) - 1 if self._highlighted is None else self._highlighted - 1
        found = self._step(start, -1, wrap=True)
        if found is not None:
            self.highlighted = found

    def action_first(self) -> None:
        found = self._step(0, 1, wrap=False)
        if found is not None:
            self.highlighted = found

    def action_last(self) -> None:
        found = self._step(len(self._keys) - 1, -1, wrap=False)
        if found is not None:
            self.highlighted = found

    def _move_page(self, direction: int) -> None:
        if self._highlighted is None:
            (self.action_first if direction < 0 else self.action_last)()
            return
        if not self._lay_out():
            return
        page = self.scrollable_content_region.height
        highlighted = self._highlighted
        self._settling(lambda lines: lines.settle_around(highlighted, 2 * page))
        line = self._starts[self._highlighted] + direction * page
        line = max(0, min(self._starts[-1] - 1, line))
        index = self._entry_at_line(line)
        if index is None:
            return
        found = self._step(index, direction, wrap=False)
        if found is None:
            found = self._step(index, -direction, wrap=False)
        if found is not None:
            self.highlighted = found

    def action_page_down(self) -> None:
        self._move_page(1)

    def action_page_up(self) -> None:
        self._move_page(-1)

    def action_select(self) -> None:
        index = self._highlighted
        if index is not None and (key := self._keys[index]) is not None:
            self.post_message(self.Selected(self, key, index))

    # -- the mouse ------------------------------------------------------------------------------

    def entry_at(self, event: events.MouseEvent) -> int | None:
        """The entry under the mouse, if any."""
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        return self._entry_at_line(offset.y + round(self.scroll_y))

    async def _on_click(self, event: events.Click) -> None:
        index = self.entry_at(event)
        if index is not None and self._keys[index] is not None:
            self.highlighted = index
            self.action_select()

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        index = self.entry_at(event)
        if index != self._hover:
            old, self._hover = self._hover, index
            for changed in (old, index):
                if changed is not None:
                    self.refresh_entry(changed)

    def _on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            old, self._hover = self._hover, None
            self.refresh_entry(old)


def _no_measure(start: int, stop: int) -> list[int]:
    """An empty list's measure: never asked (its heights are all exact)."""
    return [1] * (stop - start)
