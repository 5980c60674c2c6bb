"""The header every screen shows: the palette's icon, and the screen's title and sub-title.

One widget that draws one line, cell for cell as Textual's `Header` draws it (without its
clock): that header is four widgets (the icon, the title, the clock's space, and the header
around them), each styled and laid out at every screen's start. The title follows the
screen's `title` and `sub_title` as Textual's does, through `App.format_title`."""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.content import Content
from textual.dom import NoScreen
from textual.strip import Strip
from textual.widget import Widget

from tui_guide.i18n import _

ICON = "⭘"
ICON_WIDTH = 8
"""The icon's cells, padding included (Textual's `HeaderIcon`)."""
CLOCK_WIDTH = 10
"""The cells Textual's header keeps on its right for a clock, left blank here too."""
_NOT_REVERSE = Style(reverse=False)


class GuideHeader(Widget, can_focus=False):
    """The screen's title in the middle of the top line; a click on the icon opens the
    command palette."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"guide-header--icon-hover"}
    # Textual's Header, HeaderIcon and HeaderTitle: the same theme variables.
    DEFAULT_CSS = """
    GuideHeader {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        & > .guide-header--icon-hover {
            background: $foreground 10%;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._title: Content | None = None
        self._hover = False

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self._retitle, init=False)
            self.watch(node, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self._title = None
        self.refresh()

    @property
    def title(self) -> Content:
        """What the header shows in its middle: the screen's title and sub-title (the App's
        where the screen has none), as `App.format_title` makes them."""
        if self._title is None:
            try:
                screen = self.screen
            except NoScreen:
                return Content("")
            app = self.app
            title = screen.title if screen.title is not None else app.title
            sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
            self._title = app.format_title(title, sub_title)
        return self._title

    def render_line(self, y: int) -> Strip:
        """The icon, the title in the middle and the clock's space: segment for segment as
        Textual's three widgets draw them (padding in the background's colour alone, the
        space around content in the full style, not reversed), so screens look the same."""
        width = self.size.width
        style = self.visual_style
        blank = style.rich_style
        if y:
            return Strip.blank(width, blank)
        icon = self.get_component_rich_style("guide-header--icon-hover") if self._hover else blank
        room = max(0, width - ICON_WIDTH - CLOCK_WIDTH)
        title: list[Segment] = []
        used = offset = 0  # cells (wide letters take two), and characters
        # As Textual's Static draws text: each span's style with its offset (for selection).
        for text, text_style in self.title.truncate(room, ellipsis=True).render(style, end=""):
            title.append(Segment(text, (style + text_style).rich_style_with_offset(offset, 0)))
            offset += len(text)
            used += cell_len(text)
        left = (room - used) // 2
        fill, pad = blank + _NOT_REVERSE, Style(bgcolor=blank.bgcolor)
        segments = [
            Segment(" ", Style(bgcolor=icon.bgcolor)),
            Segment(ICON, icon),
            Segment(" " * (ICON_WIDTH - 3), icon + _NOT_REVERSE),
            Segment(" ", Style(bgcolor=icon.bgcolor)),
            *([Segment(" " * left, fill)] if left else []),
            *title,
            *([Segment(" " * right, fill)] if (right := room - used - left) else []),
            Segment(" ", pad),
            Segment("", blank),  # the clock's space renders "" (screenshots keep the segment)
            Segment(" " * (CLOCK_WIDTH - 2), pad),
            Segment(" ", pad),
        ]
        return Strip(segments).crop_extend(0, width, blank)

    def _over_icon(self, x: int) -> bool:
        return 0 <= x < ICON_WIDTH

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._over_icon(event.x)
        if hover != self._hover:
            self._hover = hover
            # What the palette is here: the ctrl+p key's own tooltip.
            self.tooltip = (
                _("Search sessions, people, venues, countries and tags") if hover else None
            )
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover:
            self._hover = False
            self.tooltip = None
            self.refresh()

    async def on_click(self, event: events.Click) -> None:
        if self._over_icon(event.x):
            event.stop()
            await self.run_action("app.command_palette")
