"""Where each entry of a long list starts, from heights some of which are estimates.

A list of thousands (the busiest day: 3,050 sessions) need not measure every row before it
is first painted: the rows in view must be exact, those out of view may be guessed (most
sessions take two lines) and worked out after the paint, a slice at a time. `LineHeights`
keeps which heights are exact, settles the ones asked for, and says how far the lines above
a given line moved, so that the list can keep what the user sees where it is. Pure: no
Textual, no widget.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate

Measure = Callable[[int, int], Sequence[int]]
"""The exact heights of the entries from `start` to `stop` (excluded), in order."""


class LineHeights:
    """Entry heights and starts for one width. Every height is exact once `settled`;
    until then, `starts` are what the list draws and scrolls by, consistent with the heights
    as they are now (exact where settled, estimated elsewhere)."""

    def __init__(
        self, heights: Sequence[int], measure: Measure, exact: bool | Sequence[bool]
    ) -> None:
        """`heights`: one per entry, exact where `exact` says (all, none, or entry by
        entry), else estimates that `measure` will replace; an estimate below 1 is taken
        as 1."""
        count = len(heights)
        flags = bytearray([exact]) * count if isinstance(exact, bool) else bytearray(exact)
        if len(flags) != count:
            raise ValueError("one exact flag an entry")
        self._heights = [h if f else max(1, h) for h, f in zip(heights, flags, strict=True)]
        self._measure = measure
        self._exact = flags
        self._pending = count - sum(flags)
        self._next = 0  # entries before this one are all exact
        while self._next < count and flags[self._next]:
            self._next += 1
        self._starts: list[int] | None = None

    # -- reading ------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._heights)

    @property
    def settled(self) -> bool:
        """Every height is exact."""
        return self._pending == 0

    @property
    def starts(self) -> list[int]:
        """The line each entry starts on, and the total after the last."""
        if self._starts is None:
            self._starts = [0, *accumulate(self._heights)]
        return self._starts

    @property
    def total(self) -> int:
        return self.starts[-1]

    def height(self, index: int) -> int:
        return self._heights[index]

    def is_exact(self, index: int) -> bool:
        return bool(self._exact[index])

    def entry_at_line(self, line: int) -> int | None:
        starts = self.starts
        if not 0 <= line < starts[-1]:
            return None
        return bisect_right(starts, line) - 1

    # -- settling -----------------------------------------------------------------------------

    def settle(self, start: int, stop: int) -> int:
        """Make the heights from `start` to `stop` exact; returns by how many lines those
        entries grew (negative: shrank). Cheap where they already are."""
        start, stop = max(0, start), min(len(self._heights), stop)
        exact, heights = self._exact, self._heights
        moved = 0
        changed = False
        index = start
        while index < stop:
            if exact[index]:
                index += 1
                continue
            end = index + 1
            while end < stop and not exact[end]:
                end += 1
            measured = self._measure(index, end)
            for at, height in zip(range(index, end), measured, strict=True):
                if height != heights[at]:
                    moved += height - heights[at]
                    changed = True
                    heights[at] = height
                exact[at] = 1
            self._pending -= end - index
            index = end
        if changed:  # (one taller and one shorter move nothing in total, but the starts)
            self._starts = None
        while self._next < len(exact) and exact[self._next]:
            self._next += 1
        return moved

    def settle_lines(self, top: int, bottom: int) -> None:
        """Make exact every entry that covers a line from `top` to `bottom` (excluded) once
        the heights are exact: settling one can bring others into the span, or push them out
        of it."""
        self._settle_span(lambda: (top, bottom))

    def settle_around(self, index: int, lines: int) -> None:
        """Make exact `index` and the entries within `lines` lines above and below it, as
        they are once exact: all that a view of `lines` lines showing it can show."""
        if self.settled or not self._heights:
            return
        index = max(0, min(len(self._heights) - 1, index))

        def span() -> tuple[int, int]:
            starts = self.starts
            return starts[index] - lines, starts[index + 1] + lines

        self._settle_span(span)

    def _settle_span(self, span: Callable[[], tuple[int, int]]) -> None:
        """Settle the entries over the lines `span()` says, until they are all exact (each
        round settles one entry at least, so this ends)."""
        exact = self._exact
        while not self.settled:
            top, bottom = span()
            first = self.entry_at_line(max(0, top))
            if first is None:
                return
            last = self.entry_at_line(max(top, min(bottom, self.total) - 1))
            stop = len(exact) if last is None else last + 1
            if all(exact[first:stop]):
                return
            self.settle(first, stop)

    def settle_next(self, count: int) -> tuple[int, int]:
        """Make the next `count` heights not yet exact exact, from the top (a slice of the
        work after the paint); returns the first entry settled and how many lines the
        entries settled grew."""
        start = self._next
        stop = start
        found = 0
        exact = self._exact
        while stop < len(exact) and found < count:
            if not exact[stop]:
                found += 1
            stop += 1
        return start, self.settle(start, stop)
