"""A list of sessions: time, favourite mark, title, and kind and venue under it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from functools import lru_cache, partial
from zoneinfo import ZoneInfo

from textual import events
from textual.content import Content
from textual.css.styles import RulesMap
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from tui_guide.i18n import N_, _, language
from tui_guide.programme.format import (
    day_label,
    kind_label,
    night_groups,
    time_range,
    venue_label,
)
from tui_guide.programme.model import Session
from tui_guide.tui.widgets.line_list import LineList
from tui_guide.tui.widgets.plain import plain
from tui_guide.tui.widgets.rows import line_count, text_lines

FAVOURITE_MARK = "★"
TIME_WIDTH = 13  # "23:55–00:35⁺¹", the widest time, whole
MARK_X = TIME_WIDTH + 2  # where the mark is in a row: the option's 1-cell margin, the time, a gap

ROW_MEMORY = 10_000
"""Rows a list keeps for reuse, those on show first, then the most recently shown."""

Made = tuple[str, bool, str | None, str | None, ZoneInfo | None, bool, bool]
"""What a row was made of: the session's key, starred or not, its festival's name, its note,
the zone its time is shown in (None: the festival's), whether it is over, and whether it
names the venue."""

_NO_RULES: RulesMap = {}


class SessionRow(Visual):
    """One session as two lines or more: time and favourite mark in fixed columns, the title
    wrapping beside them, kind and venue under it, and a note line of the guide's own (a
    clash, say).

    Rows are what a long list is made of, so they are cheap: the list asks every row for its
    height, and this answers by wrapping two short texts, not by laying out a table; a row is
    drawn only when it scrolls into view."""

    PREFIX = TIME_WIDTH + 3  # the time, then the mark between single spaces

    def __init__(self, time: str | Callable[[], str], mark: str, body: list[Content]) -> None:
        self._time = time
        self.mark = mark
        self.body = body
        self._heights: dict[tuple[int, int], int] = {}  # by width and line pad

    @property
    def time(self) -> str:
        """The time column, worked out when the row is first drawn: a long list measures
        every row, but draws only those in view (a third of making a row was its time)."""
        if not isinstance(self._time, str):
            self._time = self._time()
        return self._time

    def _body_width(self, width: int) -> int:
        return max(1, width - self.PREFIX)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        widest = max(part.get_optimal_width(rules, container_width) for part in self.body)
        return self.PREFIX + widest

    def get_height(self, rules: RulesMap, width: int) -> int:
        # Asked again at every refill and resize of the list, for every row: remembered.
        pad = rules.get("line_pad", 0) or 0
        height = self._heights.get((width, pad))
        if height is None:
            body_width = self._body_width(width)
            height = sum(line_count(part, rules, body_width, pad) for part in self.body)
            self._heights[width, pad] = height
        return height

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        body_width = self._body_width(width)
        lines = [
            strip.extend_cell_length(body_width, style.rich_style)
            for part in self.body
            for strip in part.render_strips(body_width, None, style, options)
        ]
        head = Content.assemble(
            f"{self.time[:TIME_WIDTH]:<{TIME_WIDTH}} ", (self.mark, "bold"), " "
        )
        first = head.render_strips(self.PREFIX, 1, style, options)[0]
        first = first.extend_cell_length(self.PREFIX, style.rich_style)
        blank = Strip.blank(self.PREFIX, style.rich_style)
        strips = [Strip.join([first if n == 0 else blank, line]) for n, line in enumerate(lines)]
        return strips if height is None else strips[:height]


def session_row(
    session: Session,
    *,
    favourite: bool,
    with_festival: str | None = None,
    note: str | None = None,
    zone: ZoneInfo | None = None,
    over: bool = False,
    with_venue: bool = True,
) -> SessionRow:
    """One session as a row of a session list; `note` holds warning lines
    of the guide's own (a clash, say), shown under the details. Its time is in `zone` when
    given (the viewer's own); `over` says an unknown is "not given" rather than "TBA";
    `with_venue` False leaves the venue out (a venue's own list)."""
    details = [kind_label(session)]
    if with_venue:
        details.append(venue_label(session, over=over))
    if with_festival:
        details.append(with_festival)
    body = [_shared(session.title, "bold"), _shared(" · ".join(details), "dim")]
    for line in (note or "").splitlines():  # one warning a line
        body.append(plain(f"⚠ {line}", style="bold italic"))
    time = partial(time_range, session, compact=True, zone=zone, over=over)
    return SessionRow(time, FAVOURITE_MARK if favourite else " ", body)


def day_groups(
    sessions: Iterable[Session], zone: ZoneInfo | None = None, moment: datetime | None = None
) -> list[tuple[str | None, Sequence[Session]]]:
    """Sessions in time order under a heading per festival day ('Sun 7 Dec 2025'), each
    night under its own date ('After midnight · Mon 8 Dec'); 'Date TBA' (or, every one over,
    'Date not given') for those with no date."""
    days: dict[date | None, list[Session]] = {}
    for session in sessions:
        days.setdefault(session.day, []).append(session)
    groups: list[tuple[str | None, Sequence[Session]]] = []
    for day, items in days.items():
        over = moment is not None and all(s.is_past(moment) for s in items)
        parts = night_groups(day, items, zone)
        if parts[0][0] is not None:  # only its night: the day's heading all the same
            parts.insert(0, (None, []))
        for heading, found in parts:
            groups.append((heading or day_label(day, year=True, over=over), found))
    return groups


def _row(session: Session, made: Made) -> SessionRow:
    _, favourite, festival, note, zone, over, with_venue = made
    return session_row(
        session,
        favourite=favourite,
        with_festival=festival,
        note=note,
        zone=zone,
        over=over,
        with_venue=with_venue,
    )


def _details(session: Session, made: Made) -> str:
    """The row's second line, as `session_row` makes it."""
    _, _, festival, _, _, over, with_venue = made
    details = [kind_label(session)]
    if with_venue:
        details.append(venue_label(session, over=over))
    if festival:
        details.append(festival)
    return " · ".join(details)


def row_height(session: Session, made: Made, width: int) -> int:
    """The lines `session_row(...)` of `made` takes at `width` (the list's row width),
    without making the row: a list of thousands measures every row but makes only those
    it shows."""
    body = max(1, width - SessionRow.PREFIX)
    height = text_lines(session.title, "bold", body) + text_lines(
        _details(session, made), "dim", body
    )
    for line in (made[3] or "").splitlines():
        height += text_lines(f"⚠ {line}", "bold italic", body)
    return height


HEIGHT_MEMORY = 200_000
"""Row heights remembered across lists (the days' list, a worker's measuring ahead)."""

_HEIGHTS: dict[tuple[int, str | None, str | None, bool, bool, str, int], tuple[Session, int]] = {}
"""A row's height by its session (its id, the session kept beside it so that an id reused
by another session is never taken for it), what of `Made` changes the height, the language
and the width. Shared, so that the search indexes' worker can work out, after the first
paint, the heights the days' list will ask for (`measure_ahead`); dict operations are
atomic, so the worker's writes and the list's reads need no lock."""


def known_height(session: Session, made: Made, width: int, lang: str) -> int | None:
    """`row_height(session, made, width)` if it is remembered, else None."""
    found = _HEIGHTS.get((id(session), made[2], made[3], made[5], made[6], lang, width))
    return found[1] if found is not None and found[0] is session else None


def remembered_height(session: Session, made: Made, width: int, lang: str | None = None) -> int:
    """`row_height(session, made, width)`, remembered."""
    lang = lang or language()
    found = known_height(session, made, width, lang)
    if found is not None:
        return found
    key = (id(session), made[2], made[3], made[5], made[6], lang, width)
    height = row_height(session, made, width)
    if len(_HEIGHTS) >= HEIGHT_MEMORY:
        _HEIGHTS.clear()
    _HEIGHTS[key] = (session, height)
    return height


def measure_ahead(
    sessions: Iterable[Session], width: int, moment: Callable[[Session], datetime]
) -> None:
    """Work out (a worker's) the heights a days' list shows `sessions` with at row width
    `width`: no note, each festival's zone, over or not at `moment(session)`. A guess, and
    a wrong one (a resize, a note) only means a row is measured when shown."""
    lang = language()
    width = max(1, width)
    for session in sessions:
        over = session.is_past(moment(session))
        made = (session.key, False, None, None, None, over, True)
        remembered_height(session, made, width, lang)


@lru_cache(maxsize=8192)
def _shared(text: str, style: str) -> Content:
    """`plain(text, style=style)`, made once for rows that repeat it: a show's performances
    share their title, and kind and venue repeat from row to row (a Content is immutable)."""
    return plain(text, style=style)


class SessionList(LineList):
    """Sessions in the order given, under headings, drawn only as they come into view; Enter
    or a click posts `SessionList.Chosen`, a click on the favourite mark (or where it would
    be) posts `SessionList.StarClicked`."""

    class Chosen(Message):
        def __init__(self, session: Session) -> None:
            super().__init__()
            self.session = session

    class StarClicked(Message):
        def __init__(self, session: Session) -> None:
            super().__init__()
            self.session = session

    def __init__(
        self,
        *,
        group_by_day: bool = False,
        festival_names: dict[str, str] | None = None,
        empty_message: str = N_("No sessions match."),
        with_venue: bool = True,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._sessions: dict[str, Session] = {}
        self._entries: list[Session | Content] = []  # a session, or a heading's text
        # Rows made (those drawn), by what they were made of, up to ROW_MEMORY (their
        # heights are remembered apart, `remembered_height`).
        self._rows: dict[Made, SessionRow] = {}
        self._made: dict[str, Made] = {}  # what each session's row is made of
        self._group_by_day = group_by_day
        self._festival_names = festival_names
        self._empty_message = empty_message
        self._with_venue = with_venue  # False on a venue's own page: its name in every row

    @property
    def sessions(self) -> tuple[Session, ...]:
        return tuple(self._sessions.values())

    @property
    def highlighted_session(self) -> Session | None:
        key = self.highlighted_key
        return None if key is None else self._sessions.get(key)

    @property
    def headings(self) -> list[str]:
        """The headings' texts, in order (and the empty list's message)."""
        return [e.plain for e in self._entries if isinstance(e, Content)]

    def show(
        self,
        sessions: Sequence[Session],
        favourites: Iterable[str] = (),
        *,
        zone: ZoneInfo | None = None,
        moment: datetime | None = None,
        notes: Mapping[str, str] | None = None,
    ) -> None:
        """Replace the rows (under festival-day headings when grouping by day, each night
        under its own date); `zone`, `moment` and `notes` as in `show_groups`."""
        groups = day_groups(sessions, zone, moment) if self._group_by_day else [(None, sessions)]
        self.show_groups(groups, favourites, notes, zone=zone, moment=moment)

    def show_groups(
        self,
        groups: Sequence[tuple[str | None, Sequence[Session]]],
        favourites: Iterable[str] = (),
        notes: Mapping[str, str] | None = None,
        *,
        zone: ZoneInfo | None = None,
        moment: datetime | None = None,
        highlight: Session | None = None,
    ) -> None:
        """Replace the rows with headed groups, keeping the highlight on the same session (or
        putting it on `highlight`), where it was on the screen. Times are shown in `zone`
        when given; at `moment`, what is over says "not given" for what it lacks. No row is
        made here: each is made when it is first drawn."""
        keep = highlight or self.highlighted_session
        favourite_keys = favourites if isinstance(favourites, (set, frozenset)) else set(favourites)
        names = self._festival_names or {}
        notes = notes or {}
        with_venue = self._with_venue
        sessions: dict[str, Session] = {}
        made_of: dict[str, Made] = {}
        entries: list[Session | Content] = []
        keys: list[str | None] = []
        for heading, group in groups:
            if heading is not None:
                entries.append(plain(heading, style="bold"))
                keys.append(None)
            for session in group:
                key = session.key
                if key in sessions:
                    continue  # a session shows once
                sessions[key] = session
                over = moment is not None and session.is_past(moment)
                made_of[key] = (
                    key,
                    key in favourite_keys,
                    names.get(session.festival_id),
                    notes.get(key),
                    zone,
                    over,
                    with_venue,
                )
                entries.append(session)
                keys.append(key)
        if not sessions:
            entries.append(plain(_(self._empty_message), style="italic"))
            keys.append(None)
        self._sessions, self._made, self._entries = sessions, made_of, entries
        self._forget()
        self.set_keys(keys, keep=keep.key if keep is not None else None)

    def _forget(self) -> None:
        """Keep the rows of what is shown, and others shown before, up to ROW_MEMORY: the
        days screen shows its days one after another in this one list, and a day seen again
        is not made anew."""
        rows = self._rows
        if len(rows) <= ROW_MEMORY:
            return
        shown = set(self._made.values())
        kept = {made: row for made, row in rows.items() if made in shown}
        for made, row in reversed(rows.items()):
            if len(kept) >= ROW_MEMORY:
                break
            kept.setdefault(made, row)
        self._rows = kept

    def entry_height(self, index: int, width: int) -> int:
        entry = self._entries[index]
        if isinstance(entry, Content):
            return line_count(entry, _NO_RULES, width, 0)
        return remembered_height(entry, self._made[entry.key], width)

    def entry_heights(self, width: int, start: int = 0, stop: int | None = None) -> list[int]:
        lang = language()
        made = self._made
        return [
            line_count(entry, _NO_RULES, width, 0)
            if isinstance(entry, Content)
            else remembered_height(entry, made[entry.key], width, lang)
            for entry in self._entries[start:stop]
        ]

    def entry_estimates(self, width: int) -> tuple[list[int], list[bool]]:
        """Headings measured (a few), each session's height remembered when it is (the
        search indexes' worker measures the days' rows ahead), else guessed from its
        title's length: its title's lines if no letter took two cells and no word wrapped
        early, one line of kind and venue, and its note's lines."""
        body = max(1, width - SessionRow.PREFIX)
        made = self._made
        lang = language()
        heights: list[int] = []
        known: list[bool] = []
        for entry in self._entries:
            if isinstance(entry, Content):
                heights.append(line_count(entry, _NO_RULES, width, 0))
                known.append(True)
                continue
            of = made[entry.key]
            remembered = known_height(entry, of, width, lang)
            if remembered is not None:
                heights.append(remembered)
                known.append(True)
                continue
            note = of[3]
            guess = 1 + (len(entry.title) + body - 1) // body
            heights.append(guess + (0 if note is None else 1 + note.count("\n")))
            known.append(False)
        return heights, known

    def entry_visual(self, index: int) -> Visual:
        entry = self._entries[index]
        if isinstance(entry, Content):
            return entry
        return self.row_for(entry)

    def row_for(self, session: Session) -> SessionRow:
        """The row of `session` as shown (made now if it has not been drawn yet)."""
        made = self._made[session.key]
        row = self._rows.get(made)
        if row is None:
            row = self._rows[made] = _row(session, made)
        return row

    async def _on_click(self, event: events.Click) -> None:
        index = self.entry_at(event)
        offset = event.get_content_offset(self)
        if index is None or offset is None or abs(offset.x - MARK_X) > 1:
            return  # LineList's own handler (Textual calls it next) highlights and chooses
        key = self.keys[index]
        session = self._sessions.get(key) if key is not None else None
        if session is not None:
            event.prevent_default()  # a star, not an open
            self.highlighted = index
            self.post_message(self.StarClicked(session))

    def update_favourites(self, favourites: Iterable[str]) -> None:
        """Redraw only the rows whose star changed (their heights do not)."""
        keys = favourites if isinstance(favourites, (set, frozenset)) else set(favourites)
        for key, made in list(self._made.items()):
            if (key in keys) == made[1]:
                continue
            now = (key, not made[1], *made[2:])
            self._made[key] = now
            self._rows.pop(made, None)
            index = self.index_of(key)
            if index is not None:
                self.refresh_entry(index, changed=True)

    def on_line_list_selected(self, event: LineList.Selected) -> None:
        event.stop()
        session = self._sessions.get(event.key)
        if session is not None:
            self.post_message(self.Chosen(session))
