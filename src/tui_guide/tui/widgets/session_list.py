"""A list of sessions: time, favourite mark, title, and kind and venue under it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...programme.format import day_label, time_range
from ...programme.model import Session
from .plain import plain, plain_text

FAVOURITE_MARK = "★"
MARK_X = 14  # where the mark is in a row: the option's 1-cell margin, the time (12), a gap


def session_row(
    session: Session,
    *,
    favourite: bool,
    with_festival: str | None = None,
    note: str | None = None,
) -> Table:
    """One session as a two-line grid that wraps cleanly at any width; `note` holds warning
    lines of the guide's own (a clash, say), shown under the details."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=12, no_wrap=True)
    grid.add_column(width=1, no_wrap=True)
    grid.add_column(ratio=1)
    details = [session.kind.value, session.venue.name if session.venue else "Venue TBA"]
    if with_festival:
        details.append(with_festival)
    body = plain_text(session.title, style="bold")
    body.append("\n")
    body.append_text(plain_text(" · ".join(details), style="dim"))
    for line in (note or "").splitlines():  # one warning a line
        body.append("\n")
        body.append_text(plain_text(f"⚠ {line}", style="bold italic"))
    grid.add_row(
        Text(time_range(session, compact=True)),
        Text(FAVOURITE_MARK if favourite else " ", style="bold"),
        body,
    )
    return grid


class SessionList(OptionList):
    """Sessions in the order given; Enter or a click posts `SessionList.Chosen`, a click on
    the favourite mark (or where it would be) posts `SessionList.StarClicked`."""

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
        empty_message: str = "No sessions match.",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._sessions: dict[str, Session] = {}
        self._group_by_day = group_by_day
        self._festival_names = festival_names
        self._empty_message = empty_message

    @property
    def sessions(self) -> tuple[Session, ...]:
        return tuple(self._sessions.values())

    @property
    def highlighted_session(self) -> Session | None:
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self._sessions.get(option.id or "")

    def show(self, sessions: Sequence[Session], favourites: Iterable[str] = ()) -> None:
        """Replace the rows (under day headings when grouping by day)."""
        if not self._group_by_day:
            self.show_groups([(None, sessions)], favourites)
            return
        groups: dict[date | None, list[Session]] = {}
        for session in sessions:
            groups.setdefault(session.date, []).append(session)
        self.show_groups(
            [(day_label(day, year=True), items) for day, items in groups.items()], favourites
        )

    def show_groups(
        self,
        groups: Sequence[tuple[str | None, Sequence[Session]]],
        favourites: Iterable[str] = (),
        notes: Mapping[str, str] | None = None,
    ) -> None:
        """Replace the rows with headed groups, keeping the highlight on the same session."""
        keep = self.highlighted_session
        favourite_keys = set(favourites)
        self._sessions = {}
        options: list[Option] = []
        for heading, sessions in groups:
            if heading is not None:
                options.append(Option(plain(heading, style="bold"), disabled=True))
            for session in sessions:
                if session.key in self._sessions:
                    continue  # option ids must be unique; a session shows once
                self._sessions[session.key] = session
                festival = (self._festival_names or {}).get(session.festival_id)
                row = session_row(
                    session,
                    favourite=session.key in favourite_keys,
                    with_festival=festival,
                    note=(notes or {}).get(session.key),
                )
                options.append(Option(row, id=session.key))
        if not self._sessions:
            options.append(Option(plain(self._empty_message, style="italic"), disabled=True))
        self.set_options(options)
        if keep is not None and keep.key in self._sessions:
            self.highlighted = self.get_option_index(keep.key)
        elif self._sessions:
            self.highlighted = next(i for i, o in enumerate(self.options) if not o.disabled)

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        index = event.style.meta.get("option")
        if offset is None or index is None or abs(offset.x - MARK_X) > 1:
            return  # OptionList's own handler highlights and chooses the row
        session = self._sessions.get(self.get_option_at_index(index).id or "")
        if session is not None:
            event.prevent_default()  # a star, not an open
            self.highlighted = index
            self.post_message(self.StarClicked(session))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        session = self._sessions.get(event.option.id or "")
        if session is not None:
            self.post_message(self.Chosen(session))
