"""The timetable grid on the Line API: venues across, time down, only what is on screen drawn.

The time column on the left and the venue header on top stay in place while the grid
scrolls both ways. Each block shows its title (wrapped, then cut), its star and its kind (and
track); its colour is its track's from the schedule file, else its kind's from the theme's
variables, blended into the theme's panel so that every theme stays readable. Sessions with no
time or no venue are listed under the grid.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from rich.cells import cell_len, chop_cells
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.color import Color
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui_guide.i18n import N_, _
from tui_guide.i18n.dates import weekday
from tui_guide.programme.format import kind_label, kind_name, time_range, venue_label
from tui_guide.programme.model import Kind, Session
from tui_guide.programme.text import printable
from tui_guide.programme.timetable import DAY, Block, Grid, minute_of

AXIS = 6  # "23:00 "
HEADER = 1
MIN_WIDTH = 22  # a venue's column: two or three on an 80-column terminal
MAX_WIDTH = 36
MIN_LANE = 9
SCALES = (60, 30, 15, 10, 5)  # minutes a line stands for, coarse to fine
DEFAULT_SCALE = 2
STAR = "★"
EDGE = "▌"
OPEN_EDGE = "┊"  # a block whose end is not given: its length is the default

KIND_COLOURS = {
    Kind.SCREENING: "primary",
    Kind.TALK: "secondary",
    Kind.MASTERCLASS: "accent",
    Kind.WORKSHOP: "success",
    Kind.PANEL: "warning",
    Kind.ROUNDTABLE: "warning",
    Kind.CEREMONY: "error",
    Kind.MEETING: "secondary",
    Kind.SIGNING: "accent",
    Kind.TOUR: "success",
    Kind.OTHER: "foreground-muted",
}


@lru_cache(maxsize=4096)
def wrap(text: str, width: int, lines: int) -> tuple[str, ...]:
    """`text` in at most `lines` lines of `width` cells, words kept whole where they fit; a
    text cut short ends in '…'."""
    if width <= 0 or lines <= 0:
        return ()
    words = text.split()
    out: list[str] = []
    line = ""
    for word in words:
        while cell_len(word) > width:  # a word wider than the block: cut in pieces
            room = width - cell_len(line) - (1 if line else 0)
            if room >= 2:
                head = chop_cells(word, room)[0]
                line = f"{line} {head}" if line else head
                word = word[len(head) :]
            out.append(line)
            line = ""
            if cell_len(word) <= width:
                break
            head = chop_cells(word, width)[0]
            out.append(head)
            word = word[len(head) :]
        candidate = f"{line} {word}" if line else word
        if cell_len(candidate) <= width:
            line = candidate
        else:
            out.append(line)
            line = word
    if line:
        out.append(line)
    if len(out) > lines:
        out = out[:lines]
        last = out[-1]
        out[-1] = (last if cell_len(last) < width else chop_cells(last, width - 1)[0]) + "…"
    return tuple(out)


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` cells ('…' at the cut) and padded to it."""
    if cell_len(text) > width:
        text = chop_cells(text, max(0, width - 1))[0] + "…" if width > 0 else ""
    return text + " " * (width - cell_len(text))


class Timetable(ScrollView, can_focus=True):
    """A festival day's `Grid`. Arrows move to the neighbouring block, Enter or a click posts
    `Chosen`; left or right past the first or last venue posts `Edge` (another day)."""

    # Styled in app.tcss: a widget's own DEFAULT_CSS, met for the first time, makes Textual
    # restyle every screen (at 50,000 sessions, a second on opening the timetable).
    COMPONENT_CLASSES = {
        "timetable--axis",
        "timetable--hour",
        "timetable--header",
        "timetable--block",
        "timetable--cursor",
        "timetable--now",
        "timetable--rule",
        "timetable--heading",
    }

    BINDINGS = [
        Binding("up", "move(0, -1)", N_("Up"), show=False, id="timetable.up"),
        Binding("down", "move(0, 1)", N_("Down"), show=False, id="timetable.down"),
        Binding("left", "move(-1, 0)", N_("Left"), show=False, id="timetable.left"),
        Binding("right", "move(1, 0)", N_("Right"), show=False, id="timetable.right"),
        Binding(
            "enter",
            "choose",
            N_("Open"),
            show=False,
            id="timetable.open",
            tooltip=N_("Open the session"),
        ),
        Binding(
            "plus,equals_sign",
            "scale(1)",
            N_("Zoom in"),
            id="timetable.zoom-in",
            tooltip=N_("More lines an hour (+)"),
        ),
        Binding(
            "minus",
            "scale(-1)",
            N_("Zoom out"),
            id="timetable.zoom-out",
            tooltip=N_("Fewer lines an hour (-)"),
        ),
        Binding("pageup", "page(-1)", N_("Page up"), show=False, id="timetable.page-up"),
        Binding("pagedown", "page(1)", N_("Page down"), show=False, id="timetable.page-down"),
        Binding("home", "ends(-1)", N_("First"), show=False, id="timetable.home"),
        Binding("end", "ends(1)", N_("Last"), show=False, id="timetable.end"),
    ]

    class Chosen(Message):
        """The user opened a session (Enter, a click)."""

        def __init__(self, session: Session) -> None:
            super().__init__()
            self.session = session

    class Edge(Message):
        """Left past the first venue (-1) or right past the last (1): another day."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    scale: reactive[int] = reactive(DEFAULT_SCALE, init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.grid = Grid(day=datetime.min.date())
        self._favourites: frozenset[str] = frozenset()
        self._hidden: frozenset[str] = frozenset()  # shown although hidden: drawn dim
        self._colours: dict[str, str] = {}
        self._moment: datetime | None = None
        self._zone: ZoneInfo | None = None  # labels in the viewer's zone (None: festival's)
        self._festival_zone: ZoneInfo | None = None
        self._cursor: str | None = None  # the key of the selected session
        self._xs: list[int] = []  # each column's x in the grid
        self._widths: list[int] = []
        self._width = MIN_WIDTH
        self._styles: dict[object, Style] = {}
        self._kind_colours: dict[str, Color] = {}
        self._laid_out_at = -1  # the width the columns were laid out for
        self._texts: dict[tuple[str, int, int, bool, bool], tuple[str, ...]] = {}
        # Each column's block tops and bottoms, worked out when the column is first drawn.
        self._tops: dict[int, tuple[list[int], list[int]]] = {}

    # -- what the screen gives --------------------------------------------------------------

    def show(
        self,
        grid: Grid,
        favourites: Iterable[str],
        *,
        moment: datetime | None,
        zone: ZoneInfo | None,
        festival_zone: ZoneInfo,
        colours: dict[str, str],
        hidden: Iterable[str] = (),
        cursor: str | None = None,
    ) -> None:
        """Show `grid`, keeping the selection on the same session when it is still there
        (or putting it on `cursor`); `hidden` are the keys of sessions shown though hidden."""
        self.grid = grid
        self._favourites = frozenset(favourites)
        self._hidden = frozenset(hidden)
        self._colours = colours
        self._moment = moment
        self._zone = zone
        self._festival_zone = festival_zone
        self._texts.clear()
        keep = cursor or self._cursor
        if keep is None or (
            grid.block(keep) is None and not any(s.key == keep for s in grid.unplaced)
        ):
            first = next((b for b in self._first_row_blocks()), None)
            keep = first.session.key if first else grid.unplaced[0].key if grid.unplaced else None
        self._cursor = keep
        self._lay_out()
        self.refresh()

    def update_favourites(self, favourites: Iterable[str]) -> None:
        self._favourites = frozenset(favourites)
        self._texts.clear()
        self.refresh()

    @property
    def selected(self) -> Session | None:
        """The session under the cursor, on the grid or in the list under it."""
        key = self._cursor
        if key is None:
            return None
        block = self.grid.block(key)
        if block is not None:
            return block.session
        return next((s for s in self.grid.unplaced if s.key == key), None)

    def select(self, key: str) -> None:
        self._cursor = key
        self.refresh()
        self.call_after_refresh(self.scroll_to_cursor)

    # -- geometry ---------------------------------------------------------------------------

    @property
    def rows(self) -> int:
        """Lines of the grid (without the header and the list under it)."""
        grid = self.grid
        return max(1, -(-(grid.last - grid.first) // SCALES[self.scale])) if grid.columns else 0

    def _row_of(self, minute: int) -> int:
        return round((minute - self.grid.first) / SCALES[self.scale])

    def _span(self, block: Block) -> tuple[int, int]:
        top = self._row_of(block.start)
        return top, max(top + 1, self._row_of(block.end))

    def _first_row_blocks(self) -> list[Block]:
        blocks = [b for column in self.grid.by_column for b in column[:1]]
        return sorted(blocks, key=lambda b: (b.start, b.column))

    def _lay_out(self) -> None:
        grid = self.grid
        venues = len({c.venue.key for c in grid.columns})
        self._laid_out_at = self.size.width
        room = max(0, self.scrollable_content_region.width - AXIS)
        self._width = max(MIN_WIDTH, min(MAX_WIDTH, room // venues)) if venues else MIN_WIDTH
        self._xs, self._widths = [], []
        x = 0
        for column in grid.columns:
            width = max(MIN_LANE, self._width // column.lanes)
            self._xs.append(x)
            self._widths.append(width)
            x += width
        self._tops = {}
        extra = 2 + len(grid.unplaced) if grid.unplaced else 0
        self.virtual_size = Size(AXIS + x, HEADER + self.rows + extra)

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._laid_out_at:
            self._lay_out()

    def watch_scale(self) -> None:
        self._lay_out()
        self.refresh()
        self.call_after_refresh(self.scroll_to_cursor)

    @property
    def _view(self) -> tuple[int, int]:
        """Columns and lines of the grid on screen (without the time column and header)."""
        region = self.scrollable_content_region
        return max(1, region.width - AXIS), max(1, region.height - HEADER)

    def scroll_to_cursor(self, *, top: bool = False) -> None:
        """Bring the selection into view (`top`: its start near the top of the view)."""
        key = self._cursor
        if key is None:
            return
        view_w, view_h = self._view
        x, y = self.scroll_offset
        block = self.grid.block(key)
        if block is None:  # in the list under the grid
            index = next(n for n, s in enumerate(self.grid.unplaced) if s.key == key)
            line = self.rows + 2 + index
            if not y <= line < y + view_h:
                self.scroll_to(y=max(0, line - view_h + 1), animate=False, immediate=True)
            return
        start, end = self._span(block)
        left, width = self._xs[block.column], self._widths[block.column]
        if top:
            y = max(0, start - 1)
        elif start < y or end - start > view_h:
            y = start
        elif end > y + view_h:
            y = end - view_h
        if left < x:
            x = left
        elif left + width > x + view_w:
            x = left + width - view_w
        self.scroll_to(x=x, y=y, animate=False, immediate=True)

    def scroll_to_now(self) -> None:
        """The selection on what is on now in the first venue (or next), scrolled to it."""
        moment = self._moment
        grid = self.grid
        if moment is None or not grid.columns:
            return
        minute = self._now_minute()
        if minute is None or not grid.first <= minute < grid.last:
            return
        on = grid.at(0, minute)
        if on is not None:
            self._cursor = on.session.key
        y = max(0, self._row_of(minute) - 1)
        self.scroll_to(x=0, y=y, animate=False, immediate=True)
        self.refresh()

    def _now_minute(self) -> int | None:
        moment, zone = self._moment, self._festival_zone
        if moment is None or zone is None:
            return None
        local = moment.astimezone(zone)
        return (local.date() - self.grid.day).days * DAY + local.hour * 60 + local.minute

    # -- moving -----------------------------------------------------------------------------

    def _unplaced_index(self) -> int | None:
        key = self._cursor
        return next((n for n, s in enumerate(self.grid.unplaced) if s.key == key), None)

    def action_move(self, dx: int, dy: int) -> None:
        grid = self.grid
        key = self._cursor
        block = grid.block(key) if key else None
        target: str | None = None
        if block is None:
            index = self._unplaced_index()
            if index is None:
                return
            if dx:
                return
            if 0 <= index + dy < len(grid.unplaced):
                target = grid.unplaced[index + dy].key
            elif dy < 0 and grid.columns:
                last = max(grid.blocks, key=lambda b: (b.start, -b.column))
                target = last.session.key
        elif dx:
            found = grid.beside(block, dx)
            if found is None:
                self.post_message(self.Edge(dx))
                return
            target = found.session.key
        else:
            found = grid.following(block, dy)
            if found is not None:
                target = found.session.key
            elif dy > 0 and grid.unplaced:
                target = grid.unplaced[0].key
        if target is not None:
            self._cursor = target
            self.refresh()
            self.scroll_to_cursor()

    def action_choose(self) -> None:
        session = self.selected
        if session is not None:
            self.post_message(self.Chosen(session))

    def action_scale(self, step: int) -> None:
        self.scale = max(0, min(len(SCALES) - 1, self.scale + step))

    def action_page(self, step: int) -> None:
        block = self.grid.block(self._cursor or "")
        if block is None:
            return
        _, view_h = self._view
        minute = block.start + step * view_h * SCALES[self.scale]
        minute = max(self.grid.first, min(self.grid.last - 1, minute))
        found = self.grid.at(block.column, minute)
        if found is not None:
            self._cursor = found.session.key
            self.refresh()
            self.scroll_to_cursor()

    def action_ends(self, step: int) -> None:
        block = self.grid.block(self._cursor or "")
        if block is None:
            return
        blocks = self.grid.venue_blocks(self.grid.columns[block.column].venue)
        self._cursor = (blocks[0] if step < 0 else blocks[-1]).session.key
        self.refresh()
        self.scroll_to_cursor()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        x, y = self.scroll_offset
        line = y + offset.y - HEADER
        if offset.y < HEADER:
            return
        if line >= self.rows:  # the list under the grid
            index = line - self.rows - 2
            if 0 <= index < len(self.grid.unplaced):
                self._choose(self.grid.unplaced[index].key)
            return
        if offset.x < AXIS:
            return
        column = bisect_right(self._xs, x + offset.x - AXIS) - 1
        if 0 <= column < len(self._xs):
            block = self._block_at(column, line)
            if block is not None:
                self._choose(block.session.key)

    def _choose(self, key: str) -> None:
        self._cursor = key
        self.refresh()
        self.action_choose()

    # -- drawing ----------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = {}
        self._kind_colours = {}

    @property
    def _base_style(self) -> Style:
        """The widget's own style, looked up once (`rich_style` walks every ancestor)."""
        found = self._styles.get("")
        if found is None:
            found = self._styles[""] = self.rich_style
        return found

    def _style(self, name: str) -> Style:
        found = self._styles.get(name)
        if found is None:
            found = self._styles[name] = self.get_component_rich_style(name)
        return found

    def _colour(self, session: Session) -> Color:
        """The block's own colour: its track's from the file, else its kind's."""
        own = self._colours.get(session.track or "")
        if own is not None:
            return Color.parse(own)
        variable = KIND_COLOURS.get(session.kind, "foreground")
        found = self._kind_colours.get(variable)
        if found is None:  # the theme's own variables: every theme has them
            value = self.app.get_css_variables().get(variable, "")
            found = Color.parse(value) if value else Color(128, 128, 128)
            self._kind_colours[variable] = found
        return found

    def _block_styles(self, session: Session, *, cursor: bool, dim: bool) -> tuple[Style, Style]:
        """The text's style and the edge's, for a block of this session."""
        colour = self._colour(session)
        name = (colour.hex, cursor, dim)
        found = self._styles.get(name)
        if found is None:
            base = self.get_component_styles("timetable--block")
            if cursor:
                cursor_styles = self.get_component_styles("timetable--cursor")
                background = cursor_styles.background
            else:
                background = base.background.blend(colour, 0.22)
            text = base.color
            if abs(text.brightness - background.brightness) < 0.4:
                text = background.get_contrast_text(1.0)
            if dim:
                text = text.blend(background, 0.45)
            main = Style(color=text.rich_color, bgcolor=background.rich_color, bold=cursor)
            edge = Style(color=colour.rich_color, bgcolor=background.rich_color)
            found = self._styles[name] = main
            self._styles[(name, "edge")] = edge
        return found, self._styles[(name, "edge")]

    def _spans(self, column: int) -> tuple[list[int], list[int]]:
        """The lines each block of `column` starts and ends on (as `_span`, inlined): made
        for the columns drawn, not for every one of a day of 300 venues."""
        found = self._tops.get(column)
        if found is None:
            scale, first = SCALES[self.scale], self.grid.first
            blocks = self.grid.by_column[column]
            tops = [round((b.start - first) / scale) for b in blocks]
            ends = [round((b.end - first) / scale) for b in blocks]
            bottoms = [max(t + 1, e) for t, e in zip(tops, ends, strict=True)]
            found = self._tops[column] = (tops, bottoms)
        return found

    def _block_at(self, column: int, line: int) -> Block | None:
        tops, bottoms = self._spans(column)
        index = bisect_right(tops, line) - 1
        blocks = self.grid.by_column[column]
        cursor = self.grid.block(self._cursor or "")
        if cursor is not None and cursor.column == column:  # the selection is drawn on top
            top, bottom = self._span(cursor)
            if top <= line < bottom:
                return cursor
        if index >= 0 and line < bottoms[index]:
            return blocks[index]
        return None

    def _lines_of(self, block: Block, width: int, height: int) -> tuple[str, ...]:
        session = block.session
        starred = session.key in self._favourites
        key = (session.key, width, height, starred, block.open_end)
        found = self._texts.get(key)
        if found is not None:
            return found
        title = printable(session.title)
        if starred:
            title = f"{STAR} {title}"
        over = self._moment is not None and session.is_past(self._moment)
        # The kind, and the track its colour may stand for: colour is never the only sign.
        if session.track:
            kind = f"{kind_name(session.kind)} · {session.track}"
        else:
            kind = kind_label(session)
        if block.open_end:
            kind += " · " + (_("end not given") if over else _("end TBA"))
        if session.key in self._hidden:
            kind = _("hidden · {what}").format(what=kind)
        kind = printable(kind)
        if height == 1:
            room = width - min(cell_len(kind) + 3, width // 2)
            head = wrap(title, room, 1)
            first = head[0] if head else ""
            found = (_fit(first, room) + _fit(f" · {kind}", width - room),)
        else:
            found = (*wrap(title, width, height - 1), kind)
            lines = list(found[:-1]) + [""] * (height - len(found))
            found = (*lines, kind)
        found = tuple(_fit(line, width) for line in found)
        self._texts[key] = found
        return found

    def _axis(self, line: int, now_line: int | None) -> Segment:
        minute = self.grid.first + line * SCALES[self.scale]
        scale = SCALES[self.scale]
        if line == now_line and self._moment is not None:
            shown = self._moment.astimezone(self._zone or self._festival_zone)
            return Segment(f"{shown:%H:%M}▶", self._style("timetable--now"))
        if minute % 60 == 0 or scale == 60:
            return Segment(f"{self._clock(minute)} ", self._style("timetable--hour"))
        if minute - scale == DAY and self.grid.first < DAY:
            day = self.grid.day + timedelta(days=1)
            return Segment(weekday(day)[:AXIS].ljust(AXIS), self._style("timetable--axis"))
        return Segment(" " * AXIS, self._style("timetable--axis"))

    def _clock(self, minute: int) -> str:
        zone = self._festival_zone
        if self._zone is None or zone is None:
            return f"{minute // 60 % 24:02d}:{minute % 60:02d}"
        start = datetime.combine(self.grid.day, datetime.min.time(), tzinfo=zone)
        return f"{(start + timedelta(minutes=minute)).astimezone(self._zone):%H:%M}"

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        grid = self.grid
        if not grid.columns and not grid.unplaced:
            return Strip.blank(width, self._base_style)
        if y < HEADER:
            return self._header(scroll_x, width)
        line = scroll_y + y - HEADER
        if line < self.rows:
            return self._grid_line(line, scroll_x, width)
        return self._list_line(line - self.rows, width)

    def _visible(self, scroll_x: int, width: int) -> range:
        first = max(0, bisect_right(self._xs, scroll_x) - 1)
        last = bisect_right(self._xs, scroll_x + width - AXIS)
        return range(first, min(last, len(self._xs)))

    def _cropped(self, head: Segment, segments: list[Segment], start: int, width: int) -> Strip:
        body = Strip(segments).crop(start, start + width - AXIS)
        strip = Strip.join([Strip([head], AXIS), body])
        return strip.extend_cell_length(width, self._base_style)

    def _header(self, scroll_x: int, width: int) -> Strip:
        style = self._style("timetable--header")
        visible = self._visible(scroll_x, width)
        columns = self.grid.columns
        segments: list[Segment] = []
        first = visible.start - columns[visible.start].lane if visible else 0
        column = first
        while column < visible.stop:  # a venue's name spans its lanes
            lanes = columns[column].lanes
            span = sum(self._widths[column : column + lanes])
            name = printable(columns[column].venue.name)
            segments.append(Segment(_fit(name, span - 1) + " ", style))
            column += lanes
        start = scroll_x - (self._xs[first] if visible else 0)
        return self._cropped(Segment(" " * AXIS, style), segments, start, width)

    def _grid_line(self, line: int, scroll_x: int, width: int) -> Strip:
        minute = self.grid.first + line * SCALES[self.scale]
        now = self._now_minute()
        now_line = self._row_of_now(now)
        hour = minute % 60 == 0
        empty_style = self._style("timetable--now" if line == now_line else "timetable--rule")
        fill = "━" if line == now_line else "┈" if hour else " "
        cursor = self._cursor
        segments: list[Segment] = []
        visible = self._visible(scroll_x, width)
        for column in visible:
            lane_width = self._widths[column]
            block = self._block_at(column, line)
            if block is None:
                segments.append(Segment(fill * lane_width, empty_style))
                continue
            top, bottom = self._span(block)
            session = block.session
            past = self._moment is not None and session.is_past(self._moment)
            main, edge = self._block_styles(
                session,
                cursor=session.key == cursor and self.has_focus,
                dim=past or session.key in self._hidden,
            )
            if session.key == cursor and not self.has_focus:
                main = main + Style(underline=True)
            text = self._lines_of(block, lane_width - 2, bottom - top)[line - top]
            if line == bottom - 1 and bottom - top > 1:
                main = main + Style(italic=True)  # the kind's line
            segments.append(Segment(OPEN_EDGE if block.open_end else EDGE, edge))
            segments.append(Segment(text, main))
            segments.append(Segment(fill, empty_style))
        start = scroll_x - (self._xs[visible.start] if visible else 0)
        return self._cropped(self._axis(line, now_line), segments, start, width)

    def _row_of_now(self, now: int | None) -> int | None:
        if now is None or not self.grid.first <= now < self.grid.last:
            return None
        return (now - self.grid.first) // SCALES[self.scale]

    def _list_line(self, index: int, width: int) -> Strip:
        grid = self.grid
        if index == 0 or index - 2 >= len(grid.unplaced):
            return Strip.blank(width, self._base_style)
        if index == 1:
            text = _("Not on the grid, with no time or no venue: {count}").format(
                count=len(grid.unplaced)
            )
            return Strip([Segment(_fit(text, width), self._style("timetable--heading"))], width)
        session = grid.unplaced[index - 2]
        over = self._moment is not None and session.is_past(self._moment)
        star = STAR if session.key in self._favourites else " "
        when = time_range(session, compact=True, zone=self._zone, over=over)
        if minute_of(session, grid.day) is not None and session.date != grid.day:
            when += _(" (night)")
        parts = [when, venue_label(session, over=over), session.title, kind_label(session)]
        text = printable(f"{star} " + " · ".join(parts))
        if session.key in self._hidden:
            text += " · " + _("hidden")
        style = (
            self._style("timetable--cursor")
            if session.key == self._cursor and self.has_focus
            else self._base_style
        )
        return Strip([Segment(_fit(text, width), style)], width)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
