"""A list row with a bold title, an optional dim line under it, and a note on the right; and
a list of them drawn a line at a time."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rich._wrap import divide_line
from rich.cells import cell_len
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from tui_guide.programme.text import printable
from tui_guide.tui.widgets.line_list import LineList
from tui_guide.tui.widgets.plain import plain


def line_count(part: Content, rules: RulesMap, width: int, pad: int | None = None) -> int:
    """The lines `part` takes at `width`: a line that fits is one line without wrapping it,
    which is most rows of a long list (Content.get_height word-wraps every time). `pad` is
    the rules' line pad, when the caller has looked it up already."""
    if pad is None:
        pad = rules.get("line_pad", 0) or 0
    if part.cell_length <= width - 2 * pad and "\n" not in part.plain:
        return 1
    return part.get_height(rules, width)


class TitledRow(Visual):
    """Title and detail wrapping on the left, a short note on the right of the first line.

    Cheap to measure, as a long list needs (thousands of people): the height is that of two
    wrapped Contents, and the row is drawn only when it is in view."""

    def __init__(self, body: list[Content], right: str) -> None:
        self.body = body
        self.right = Content(right)

    def _body_width(self, width: int) -> int:
        return max(1, width - self.right.cell_length - 1)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        widest = max(part.get_optimal_width(rules, container_width) for part in self.body)
        return widest + 1 + self.right.cell_length

    def get_height(self, rules: RulesMap, width: int) -> int:
        body_width = self._body_width(width)
        return sum(line_count(part, rules, body_width) for part in self.body)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        body_width = self._body_width(width)
        side = width - body_width
        lines = [
            strip.extend_cell_length(body_width, style.rich_style)
            for part in self.body
            for strip in part.render_strips(body_width, None, style, options)
        ]
        note = Content(" ").append(self.right).render_strips(side, 1, style, options)[0]
        note = note.extend_cell_length(side, style.rich_style)
        blank = Strip.blank(side, style.rich_style)
        strips = [Strip.join([line, note if n == 0 else blank]) for n, line in enumerate(lines)]
        return strips if height is None else strips[:height]


def titled_row(title: str, detail: str, right: str) -> TitledRow:
    """`title` and `detail` may come from data files: they are shown as plain text."""
    body = [plain(title, style="bold")]
    if detail:
        body.append(plain(detail, style="dim"))
    return TitledRow(body, right)


_NO_RULES: RulesMap = {}


def text_lines(text: str, style: str, width: int) -> int:
    """The lines `plain(text, style=style)` takes at `width`. A long list measures every
    row's texts: one that is surely narrower than `width` is one line at once (no cell takes
    more than two columns, and `plain` puts one character for a control character), others
    are wrapped, and remembered."""
    length = len(text)
    if 2 * length <= width or (length <= width and text.isascii() and text.isprintable()):
        return 1
    return _wrapped_lines(text, style, width)


@lru_cache(maxsize=16384)
def _wrapped_lines(text: str, style: str, width: int) -> int:
    # What Content.get_height does for one line of plain text (printable() leaves no line
    # break or tab in it), without making the Content and its lines: Rich's word wrap.
    return 1 + len(divide_line(printable(text, clip=True), width, fold=True))


Titled = tuple[str, str, str, str]
"""A titled row as data: its key, title, detail (may be empty) and note on the right."""


def titled_height(row: Titled, width: int) -> int:
    """The lines `titled_row(...)` of `row` takes at `width`, without making it."""
    _, title, detail, right = row
    body = max(1, width - cell_len(right) - 1)
    height = text_lines(title, "bold", body)
    return height + text_lines(detail, "dim", body) if detail else height


def measure_ahead(rows: Iterable[Titled], width: int) -> None:
    """Work out the heights of `rows` at `width` now (a worker's), so that a list showing
    them later finds them remembered."""
    for row in rows:
        titled_height(row, max(1, width))


class TitledList(LineList):
    """Titled rows (venues, people), each made only when it is first drawn; Enter or a
    click posts `LineList.Selected` with the row's key."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._data: list[Titled] = []
        self._made: dict[int, TitledRow] = {}

    def show_rows(self, rows: list[Titled]) -> None:
        """Replace the rows, keeping the highlight on the same key when it is still there
        (and where it was on the screen)."""
        keep = self.highlighted_key
        self._data = rows
        self._made = {}
        self.set_keys([row[0] for row in rows], keep=keep)

    def entry_height(self, index: int, width: int) -> int:
        return titled_height(self._data[index], width)

    def entry_visual(self, index: int) -> Visual:
        row = self._made.get(index)
        if row is None:
            _, title, detail, right = self._data[index]
            row = self._made[index] = titled_row(title, detail, right)
        return row
