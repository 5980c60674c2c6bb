"""A festival day as a grid: venues across, time down, each session a block (no Textual).

Times are minutes from midnight at the start of the festival day, on the festival's wall
clock: a night's 00:30 (a session of the day before, by `Session.day`) is 24 * 60 + 30, so
the night sits below the evening on the same grid. Sessions that overlap at one venue take
lanes side by side; those with no time or no venue are `unplaced`, never dropped.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from tui_guide.programme.model import Session, Venue

DEFAULT_LENGTH = 30
"""Minutes a block lasts when its session has no end: shown as such (`Block.open_end`)."""

DAY = 24 * 60


@dataclass(frozen=True)
class Column:
    """One lane of a venue: a venue whose sessions overlap has several, side by side."""

    venue: Venue
    lane: int
    lanes: int


class Block(NamedTuple):
    """A session placed on the grid: its column, and its start and end in minutes. A tuple:
    a big day makes thousands of them, and a frozen dataclass costs several times as much
    to make."""

    session: Session
    column: int
    start: int
    end: int
    open_end: bool  # the session has no end: it lasts DEFAULT_LENGTH on the grid


@dataclass(frozen=True)
class Grid:
    """One festival day: the columns in the venues' order, the blocks of each column in time
    order, the minutes the time axis spans (whole hours), and what cannot be placed."""

    day: date
    columns: tuple[Column, ...] = ()
    by_column: tuple[tuple[Block, ...], ...] = ()
    unplaced: tuple[Session, ...] = ()
    first: int = 0
    last: int = 0
    _venue_blocks: dict[str, tuple[Block, ...]] = field(default_factory=dict, compare=False)
    _by_key: dict[str, Block] = field(default_factory=dict, compare=False)

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(b for column in self.by_column for b in column)

    @property
    def size(self) -> int:
        """How many blocks the grid holds."""
        return sum(map(len, self.by_column))

    def block(self, key: str) -> Block | None:
        """The block of the session with this key, if it is on the grid (the blocks are
        indexed by key when first asked)."""
        by_key = self._by_key
        if not by_key and self.by_column:
            by_key.update((b.session.key, b) for column in self.by_column for b in column)
        return by_key.get(key)

    def venue_blocks(self, venue: Venue) -> tuple[Block, ...]:
        """Every block at `venue`, all its lanes, in time order."""
        return self._venue_blocks.get(venue.key, ())

    def at(self, column: int, minute: int) -> Block | None:
        """The block of `column` on at `minute`, or the one nearest to it in time."""
        blocks = self.by_column[column]
        if not blocks:
            return None
        index = bisect_right([b.start for b in blocks], minute) - 1
        if index >= 0 and blocks[index].start <= minute < blocks[index].end:
            return blocks[index]
        near = [b for b in blocks[max(0, index) : index + 2]]
        return min(near, key=lambda b: min(abs(b.start - minute), abs(b.end - 1 - minute)))

    def beside(self, block: Block, step: int) -> Block | None:
        """The block in the column `step` away (-1 left, 1 right) at the same time: on at the
        block's start, else the nearest; None past the first or last column."""
        column = block.column + step
        while 0 <= column < len(self.columns):
            found = self.at(column, block.start)
            if found is not None:
                return found
            column += step
        return None

    def following(self, block: Block, step: int) -> Block | None:
        """The previous (-1) or next (1) session at the same venue, whatever its lane."""
        blocks = self.venue_blocks(self.columns[block.column].venue)
        index = blocks.index(block) + step
        return blocks[index] if 0 <= index < len(blocks) else None


def minute_of(session: Session, day: date) -> int | None:
    """Where `session` starts on the grid of festival day `day`, in minutes (None: no time)."""
    if session.date is None or session.start is None:
        return None
    return (session.date - day).days * DAY + session.start.hour * 60 + session.start.minute


def length_of(session: Session) -> int | None:
    """How long `session` lasts in minutes on the wall clock (an end before its start is the
    next day's); None when it has no end."""
    if session.start is None or session.end is None:
        return None
    starts = session.start.hour * 60 + session.start.minute
    ends = session.end.hour * 60 + session.end.minute
    return ends - starts + (DAY if ends < starts else 0)


def build_grid(day: date, sessions: Iterable[Session], venues: Sequence[Venue]) -> Grid:
    """The grid of festival day `day`: a column (or several lanes) for each of `venues` that
    has a session placed on it, in the order given; the rest of `sessions` in `unplaced`.

    At 3,050 sessions in 300 venues (the benchmark's busiest day) this is most of what the
    timetable does when it opens a day: `minute_of` and `length_of` are inlined, and each
    venue's sessions are grouped by the venue object (no key made for each session; a venue
    met as two equal objects is one, by its key, below)."""
    placed: dict[int, list[tuple[int, int, bool, Session]]] = {}
    venue_of: dict[int, Venue] = {}
    unplaced: list[Session] = []
    ordinal = day.toordinal()
    last = 0
    for session in sessions:
        venue, on, begins = session.venue, session.date, session.start
        if venue is None or on is None or begins is None:
            unplaced.append(session)
            continue
        start = (on.toordinal() - ordinal) * DAY + begins.hour * 60 + begins.minute
        finish = session.end
        if finish is None:
            end = start + DEFAULT_LENGTH
        else:
            length = finish.hour * 60 + finish.minute - begins.hour * 60 - begins.minute
            if length < 0:
                length += DAY
            end = start + (length or 1)
        items = placed.get(id(venue))
        if items is None:
            items = placed[id(venue)] = []
            venue_of[id(venue)] = venue
        items.append((start, end, finish is None, session))
        if end > last:
            last = end
    by_key: dict[str, tuple[Venue, list[tuple[int, int, bool, Session]]]] = {}
    for ident, items in placed.items():
        venue = venue_of[ident]
        if venue.key in by_key:  # the same venue as another object: one column
            by_key[venue.key][1].extend(items)
        else:
            by_key[venue.key] = (venue, items)
    order = {venue.key: n for n, venue in enumerate(venues)}
    # A venue the list does not hold comes after the others, in the order first met.
    ranked = sorted(by_key, key=lambda key: order.get(key, len(order)))
    columns: list[Column] = []
    by_column: list[tuple[Block, ...]] = []
    venue_blocks: dict[str, tuple[Block, ...]] = {}
    first: int | None = None
    for key in ranked:
        venue, items = by_key[key]
        items.sort(key=_start_end)
        base = len(columns)
        if _one_lane(items):
            blocks = tuple(
                [
                    Block(session, base, start, end, open_end)
                    for start, end, open_end, session in items
                ]
            )
            columns.append(Column(venue, 0, 1))
            by_column.append(blocks)
        else:
            lane_ends: list[int] = []
            lanes: list[list[Block]] = []
            every: list[Block] = []
            for start, end, open_end, session in items:
                lane = _free_lane(lane_ends, start)
                if lane == len(lane_ends):
                    lane_ends.append(end)
                    lanes.append([])
                lane_ends[lane] = end
                block = Block(session, base + lane, start, end, open_end)
                lanes[lane].append(block)
                every.append(block)
            blocks = tuple(every)
            for lane, lane_blocks in enumerate(lanes):
                columns.append(Column(venue, lane, len(lanes)))
                by_column.append(tuple(lane_blocks))
        venue_blocks[venue.key] = blocks
        low = items[0][0]
        if first is None or low < first:
            first = low
    top = (first or 0) // 60 * 60
    bottom = -(-last // 60) * 60
    return Grid(
        day=day,
        columns=tuple(columns),
        by_column=tuple(by_column),
        unplaced=tuple(unplaced),
        first=top,
        last=max(bottom, top + 60),
        _venue_blocks=venue_blocks,
    )


def _start_end(item: tuple[int, int, bool, Session]) -> tuple[int, int]:
    return item[0], item[1]


def _free_lane(lane_ends: Sequence[int], start: int) -> int:
    """The first lane free at `start` (one past the last when none is)."""
    for lane, ends in enumerate(lane_ends):
        if ends <= start:
            return lane
    return len(lane_ends)


def _one_lane(items: Sequence[tuple[int, int, bool, Session]]) -> bool:
    """Whether `items`, in time order, follow each other without overlapping."""
    return all(items[n][1] <= items[n + 1][0] for n in range(len(items) - 1))
