"""Widths for a table's columns from what they hold: columns that never wrap take their
widest cell; the wrapping ones each get at least their longest word, then the room left goes
to them in order of importance (a title before a venue before a list of people), each up to
its widest cell. Words are split only when even their longest words cannot all fit."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len


def _longest_word(text: str) -> int:
    return max((cell_len(word) for word in text.split()), default=0)


def _least(text: str, whole: bool) -> int:
    # A date or a time ("Sun 7 Dec", "14:00–15:30", "Time not given") stays on one line, a
    # note in brackets may go under it ("(+1 day)"); in prose, each word stays whole.
    if not whole:
        return _longest_word(text)
    return max(cell_len(part) for part in text.replace(" (", "\n(").split("\n"))


def fit_widths(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    total: int,
    *,
    growing: Sequence[int],
    whole: Sequence[int] = (),
) -> list[int]:
    """The content width of each column for a table `total` cells wide, its borders and one
    cell of padding each side included (rich's default box: 3 cells a column, and 1).
    `growing` holds the columns that wrap, the first served first; those in `whole` (dates,
    times) keep a cell on one line but for a note in brackets. The others never wrap."""
    count = len(headers)
    columns = [[headers[i], *(row[i] for row in rows)] for i in range(count)]
    natural = [max(cell_len(text) for text in column) for column in columns]
    widths = list(natural)
    room = total - (3 * count + 1) - sum(natural[i] for i in range(count) if i not in growing)
    for i in growing:
        least = sorted(_least(text, i in whole) for text in columns[i][1:]) or [0]
        header = _longest_word(headers[i])
        if i in whole:
            widths[i] = max(header, least[-1])
        else:
            # Nine cells in ten keep their words whole: a few very long words (an address,
            # a double name) must not starve the other columns.
            most = min(least[(len(least) - 1) * 9 // 10], max(8, room // 3))
            widths[i] = max(header, most)
    # Short of room even for those: the prose columns give way in proportion to their
    # widths (some of their words are split), down to their heading's width; dates and times
    # only when that is not enough.
    prose = [i for i in growing if i not in whole]
    over = sum(widths[i] for i in growing) - room
    if over > 0 and prose:
        width_of_prose = sum(widths[i] for i in prose)
        for i in prose:  # never under the heading's longest word ("People")
            cut = -(-over * widths[i] // width_of_prose)
            widths[i] = max(4, _longest_word(headers[i]), widths[i] - cut)
    for i in [i for i in reversed(growing) if i in whole]:
        over = sum(widths[j] for j in growing) - room
        if over <= 0:
            break
        widths[i] = max(4, widths[i] - over)
    spare = room - sum(widths[i] for i in growing)
    for i in growing:
        more = max(0, min(spare, natural[i] - widths[i]))
        widths[i] += more
        spare -= more
    return widths
