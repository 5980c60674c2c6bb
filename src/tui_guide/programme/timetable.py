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


@dataclass(frozen=True)
class Block:
    """A session placed on the grid: its column, and its start and end in minutes."""

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

    def block(self, key: str) -> Block | None:
        """The block of the session with this key, if it is on the grid."""
        return self._by_key.get(key)

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
    has a session placed on it, in the order given; the rest of `sessions` in `unplaced`."""
    placed: dict[str, list[tuple[Session, int, int, bool]]] = {}
    unplaced: list[Session] = []
    order = {venue.key: n for n, venue in enumerate(venues)}
    venue_of: dict[str, Venue] = {venue.key: venue for venue in venues}
    for session in sessions:
        start = minute_of(session, day)
        if start is None or session.venue is None:
            unplaced.append(session)
            continue
        length = length_of(session)
        key = session.venue.key
        if key not in order:  # a venue the list does not hold: after the others
            order[key] = len(order)
            venue_of[key] = session.venue
        end = start + max(1, length if length is not None else DEFAULT_LENGTH)
        placed.setdefault(key, []).append((session, start, end, length is None))
    columns: list[Column] = []
    by_column: list[tuple[Block, ...]] = []
    venue_blocks: dict[str, tuple[Block, ...]] = {}
    for key in sorted(placed, key=order.__getitem__):
        items = sorted(placed[key], key=lambda item: (item[1], item[2]))
        lane_ends: list[int] = []
        lane_of: list[int] = []
        for _, start, end, _ in items:
            lane = next((n for n, ends in enumerate(lane_ends) if ends <= start), None)
            if lane is None:
                lane = len(lane_ends)
                lane_ends.append(end)
            lane_ends[lane] = end
            lane_of.append(lane)
        first_column = len(columns)
        lanes: list[list[Block]] = [[] for _ in lane_ends]
        blocks = []
        for (session, start, end, open_end), lane in zip(items, lane_of, strict=True):
            block = Block(session, first_column + lane, start, end, open_end)
            lanes[lane].append(block)
            blocks.append(block)
        for lane, lane_blocks in enumerate(lanes):
            columns.append(Column(venue_of[key], lane, len(lanes)))
            by_column.append(tuple(lane_blocks))
        venue_blocks[key] = tuple(blocks)
    all_blocks = [b for column in by_column for b in column]
    first = min((b.start for b in all_blocks), default=0) // 60 * 60
    last = -(-max((b.end for b in all_blocks), default=0) // 60) * 60
    return Grid(
        day=day,
        columns=tuple(columns),
        by_column=tuple(by_column),
        unplaced=tuple(unplaced),
        first=first,
        last=max(last, first + 60),
        _venue_blocks=venue_blocks,
        _by_key={b.session.key: b for b in all_blocks},
    )
