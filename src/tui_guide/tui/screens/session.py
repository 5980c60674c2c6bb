"""Everything the data holds about one session, and what overlaps it."""

from __future__ import annotations

from functools import partial
from zoneinfo import ZoneInfo

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui_guide.i18n import N_, _
from tui_guide.programme.format import (
    day_label,
    day_tab_label,
    kind_label,
    time_range,
    venue_label,
    zone_label,
)
from tui_guide.programme.model import Festival, Session
from tui_guide.programme.people import person_key
from tui_guide.tui.messages import OpenPerson, OpenSessions, OpenVenue, ShowLink, ToggleFavourite
from tui_guide.tui.screens.base import ListScreen
from tui_guide.tui.widgets.field import labelled
from tui_guide.tui.widgets.footer import guide_footer
from tui_guide.tui.widgets.jump import Jump, LinkJump
from tui_guide.tui.widgets.plain import plain
from tui_guide.tui.widgets.session_list import SessionList
from tui_guide.tui.widgets.star import StarToggle


def viewer_time(session: Session, zone: ZoneInfo) -> str | None:
    """The session's date and time in the viewer's `zone`, when its offset then differs from
    the festival's: 'Sun 7 Dec 11:00–12:30 your time (Europe/London)', a '(+1 day)' kept."""
    starts = session.starts_at
    if starts is None:
        return None
    local = starts.astimezone(zone)
    if local.utcoffset() == starts.utcoffset():
        return None
    text = f"{day_label(local.date())} {time_range(session, zone=zone)}"
    return _("{when} your time ({zone})").format(when=text, zone=zone_label(zone))


def when_line(festival: Festival, session: Session, over: bool) -> str:
    """'Thu 28 Dec 2023 · 00:15–01:00 (Europe/Berlin), the night of Day 1 · Wed 27 Dec': the
    true date and time, and the festival day a night's session is listed in."""
    if session.date is None and session.start is None:
        return _("Date and time not given") if over else _("Date and time TBA")
    when = f"{day_label(session.date, year=True, over=over)} · {time_range(session, over=over)}"
    if session.date is None:
        return when
    when += f" ({zone_label(festival.timezone)})"
    if session.day is not None and session.day != session.date:
        when += _(", the night of {date}").format(date=day_tab_label(festival, session.day))
    return when


class SessionScreen(ListScreen):
    """A session's detail; `f` (or `s`) marks it as a favourite, Escape goes back."""

    AUTO_FOCUS = "#detail"

    BINDINGS = [
        Binding(
            "tab",
            "app.focus_next",
            N_("Next"),
            id="session.next",
            tooltip=N_("The next person, venue, track or link (Enter opens it), then the overlaps"),
        ),
        Binding(
            "f",
            "toggle_this",
            N_("Star"),
            id="session.favourite",
            tooltip=N_("Add to or remove from My programme"),
        ),
        Binding(
            "s",
            "toggle_this",
            N_("Star"),
            id="session.favourite-alias",
            show=False,
            tooltip=N_("The same as f"),
        ),
    ]

    def __init__(self, festival: Festival, session: Session) -> None:
        super().__init__()
        self.festival = festival
        self.session = session

    def compose(self) -> ComposeResult:
        session = self.session
        yield from self.top()
        with VerticalScroll(id="detail"):
            yield Static(plain(session.title, style="bold"), id="title")
            if session.subtitle:
                yield Static(plain(session.subtitle, style="italic"), id="subtitle")
            yield StarToggle(id="favourite-state")
            yield labelled(_("Kind"), plain(kind_label(session)))
            if session.track:
                yield labelled(_("Track"), self._track_jump(session.track))
            yield labelled(_("Festival"), plain(self.festival.name))
            over = session.is_past(self.now(self.festival))
            yield labelled(_("When"), plain(when_line(self.festival, session, over)))
            if (local := viewer_time(session, self.guide.viewer_zone)) is not None:
                yield labelled("", plain(local, style="dim"))
            if session.venue is None:
                yield labelled(_("Where"), plain(venue_label(session, over=over)))
            else:
                venue = session.venue
                place = ", ".join(filter(None, (venue.name, venue.address, venue.city)))
                festival = self.festival
                yield labelled(
                    _("Where"),
                    Jump(plain(place), lambda: OpenVenue(festival, venue), id="venue-link"),
                )
            for index, person in enumerate(session.people):
                details = ", ".join(filter(None, (person.role, person.affiliation)))
                line = Content.assemble(plain(person.name, style="bold"))
                if details:
                    line = Content.assemble(line, " — ", plain(details))
                key = person_key(person.name)
                yield labelled(
                    _("People") if index == 0 else "",
                    Jump(line, partial(OpenPerson, key), classes="person-link"),
                )
            if session.countries:
                yield labelled(_("Countries"), plain(", ".join(session.countries)))
            if session.tags:
                yield labelled(_("Tags"), plain(", ".join(session.tags)))
            if session.url:
                yield labelled(
                    _("Link"), LinkJump(plain(session.url), partial(ShowLink, session.url))
                )
            for index, link in enumerate(session.links):
                text = f"{link.title} — {link.url}" if link.title else link.url
                yield labelled(
                    _("Links") if index == 0 else "",
                    LinkJump(plain(text), partial(ShowLink, link.url)),
                )
            if session.description:
                yield Static(plain(session.description.strip(), multiline=True), id="description")
            yield Static(_("Overlapping sessions"), classes="heading")
            yield SessionList(id="overlaps", empty_message=_("Nothing else overlaps this session."))
        yield guide_footer()

    def _track_jump(self, track: str) -> Jump:
        sessions = [s for s in self.festival.sessions if s.track == track]
        return Jump(
            plain(track),
            partial(OpenSessions, _("Track: {track}").format(track=track), sessions),
            id="track-link",
        )

    def on_mount(self) -> None:
        self.title = _("Session")
        self.sub_title = self.festival.name

    def refresh_lists(self) -> None:
        favourite = self.session.key in self.guide.favourites
        self.query_one(StarToggle).show(favourite)
        overlaps = [
            s
            for s in self.festival.sessions
            if s.key != self.session.key and s.overlaps(self.session)
        ]
        self.query_one("#overlaps", SessionList).show(
            sorted(overlaps, key=Session.sort_key),
            self.guide.favourites,
            zone=self.shown_zone,
            moment=self.now(self.festival),
        )

    @on(StarToggle.Clicked)
    def _page_star_clicked(self) -> None:
        self.post_message(ToggleFavourite(self.session))

    def action_toggle_this(self) -> None:
        # On the overlaps list `f` stars the highlighted one; anywhere else, this session.
        focused = self.focused
        if isinstance(focused, SessionList) and focused.highlighted_session is not None:
            self.action_toggle_favourite()
        else:
            self.post_message(ToggleFavourite(self.session))

    def filter_text(self) -> str:
        return ""
