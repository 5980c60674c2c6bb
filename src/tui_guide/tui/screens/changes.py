"""Changes: every session new, changed (saying what) or cancelled since the visitor last
marked them seen, counted per kind and per day; `u` keeps what is still to come, `o` only the
starred, `a` marks what is shown as seen."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui_guide.i18n import N_, _, ngettext
from tui_guide.programme.format import day_label
from tui_guide.programme.model import Session
from tui_guide.programme.versions import KIND_COUNTS, KINDS, Change
from tui_guide.tui.messages import MarkChangesSeen
from tui_guide.tui.screens.base import ListScreen
from tui_guide.tui.widgets.filter_bar import FilterBar
from tui_guide.tui.widgets.footer import guide_footer
from tui_guide.tui.widgets.options import refill
from tui_guide.tui.widgets.plain import plain
from tui_guide.tui.widgets.session_list import SessionList, day_groups


def note(change: Change) -> str:
    """The line a changed session's row carries: 'New in the programme', 'Changed: time …'."""
    if change.kind == "new":
        return _("New in the programme")
    if change.kind == "cancelled":
        return _("Cancelled: no longer in the programme")
    return _("Changed: {what}").format(what=change.what())


def _day_of(change: Change) -> date | None:
    shown = change.after or change.before
    assert shown is not None
    try:
        return date.fromisoformat(shown[1]) if shown[1] else None
    except ValueError:
        return None


def cancelled_to_come(change: Change, moment: datetime) -> bool:
    """Whether a cancelled session was still to come at `moment` (in its festival's zone),
    by the date and start it had; one with no date counts as to come."""
    day = _day_of(change)
    if day is None or change.before is None:
        return True
    start = change.before[0][:5]
    try:
        at = time.fromisoformat(start) if start else time(23, 59)
    except ValueError:
        at = time(23, 59)
    return datetime.combine(day, at, tzinfo=moment.tzinfo) >= moment


class ChangesScreen(ListScreen):
    """The changes not seen yet: the sessions still in the programme by day, each with what
    changed, then the cancelled ones."""

    AUTO_FOCUS = "SessionList"

    SECTION = "changes"

    to_come: reactive[bool] = reactive(False, init=False, bindings=True)
    starred_only: reactive[bool] = reactive(False, init=False, bindings=True)

    BINDINGS = [
        Binding(
            "u",
            "toggle_to_come",
            N_("To come"),
            id="changes.to-come",
            tooltip=N_("Only the changes to sessions still to come (or all again)"),
        ),
        Binding(
            "o",
            "toggle_starred",
            N_("Starred"),
            id="changes.starred",
            tooltip=N_("Only the changes to sessions in My programme (or all again)"),
        ),
        Binding(
            "a",
            "seen",
            N_("Seen"),
            id="changes.seen",
            tooltip=N_("Mark the changes shown as seen: they leave this list"),
        ),
    ]

    def compose(self) -> ComposeResult:
        programme = self.guide.programme
        several = len(programme.festivals) > 1
        yield from self.top()
        yield FilterBar()
        yield Static(id="changes-summary", classes="heading")
        yield Static(id="changes-days", classes="dim")
        yield SessionList(
            festival_names={f.id: f.name for f in programme.festivals} if several else None,
            empty_message=_("No changes to show."),
            id="changes",
        )
        yield Static(_("Cancelled"), id="cancelled-heading", classes="heading")
        yield OptionList(id="cancelled")
        yield guide_footer()

    def on_mount(self) -> None:
        self.title = _("Changes")
        self.sub_title = ""  # ListScreen follows changes_version, as every list does

    def watch_to_come(self) -> None:
        self.refresh_lists()

    def watch_starred_only(self) -> None:
        self.refresh_lists()

    def action_toggle_to_come(self) -> None:
        self.to_come = not self.to_come

    def action_toggle_starred(self) -> None:
        self.starred_only = not self.starred_only

    def shown(self) -> tuple[list[tuple[Change, Session]], list[Change]]:
        """The changes kept by the screen's two filters: those with their session, and the
        cancelled."""
        versions = self.guide.versions
        programme = self.guide.programme
        starred = self.guide.favourites
        sessions: list[tuple[Change, Session]] = []
        cancelled: list[Change] = []
        for change in versions.changes() if versions is not None else []:
            if self.starred_only and change.key not in starred:
                continue
            festival = programme.festival(change.festival_id)
            if festival is None:
                continue  # not loaded this time: nothing to say of it
            moment = self.guide.clock.now(festival.timezone)
            session = festival.session(change.session_id) if change.after else None
            if session is None:
                if not self.to_come or cancelled_to_come(change, moment):
                    cancelled.append(change)
            elif not self.to_come or not session.is_past(moment):
                sessions.append((change, session))
        return sessions, cancelled

    def refresh_lists(self) -> None:
        with_sessions, cancelled = self.shown()
        kept = {s.key for s in self.filter_across(s for _, s in with_sessions)}
        with_sessions = [(c, s) for c, s in with_sessions if s.key in kept]
        self._shown = [c for c, _ in with_sessions] + cancelled
        zone, moment = self.shown_zone, self.now()
        self.query_one(SessionList).show_groups(
            day_groups(sorted((s for _, s in with_sessions), key=Session.sort_key), zone, moment),
            self.guide.favourites,
            notes={s.key: note(c) for c, s in with_sessions},
            zone=zone,
            moment=moment,
        )
        self._summarise()
        self._show_cancelled(cancelled)

    _shown: list[Change] = []

    def _summarise(self) -> None:
        changes = self._shown
        kinds = Counter(c.kind for c in changes)
        parts = ", ".join(KIND_COUNTS[k](kinds[k]) for k in KINDS if kinds[k])
        which = [
            label
            for on_, label in (
                (self.to_come, _("still to come")),
                (self.starred_only, _("starred")),
            )
            if on_
        ]
        head = ngettext("{n} change", "{n} changes", len(changes))
        head += f" ({', '.join(which)})" if which else ""
        if self.guide.versions is None:
            head = _("Changes are not kept: the favourites store cannot be saved")
        elif changes:
            head += _(": {counts} · a marks them seen").format(counts=parts)
        else:
            head += _(" since you last looked")
        days = Counter(_day_of(c) for c in changes)
        by_day = " · ".join(
            f"{day_label(day)}: {days[day]}" for day in sorted(days, key=lambda d: d or date.max)
        )
        self.query_one("#changes-summary", Static).update(plain(head))
        days_line = self.query_one("#changes-days", Static)
        days_line.update(plain(by_day))
        days_line.display = bool(by_day)

    def _show_cancelled(self, cancelled: list[Change]) -> None:
        listing = self.query_one("#cancelled", OptionList)
        options = []
        for change in cancelled:
            assert change.before is not None
            times, _day, venue, title, _people = change.before
            when = f"{day_label(_day_of(change))} {times or _('time TBA')}".strip()
            text = f"{title} — {when} · {venue or _('venue TBA')} · {change.festival_id}"
            options.append(Option(plain(text), id=change.key))
        refill(listing, options)
        heading = self.query_one("#cancelled-heading", Static)
        heading.update(
            _("Cancelled ({count}): no longer in the programme").format(count=len(cancelled))
        )
        for widget in (listing, heading):
            widget.display = bool(cancelled)

    def action_seen(self) -> None:
        if self._shown:
            self.post_message(MarkChangesSeen(tuple(self._shown)))

    @on(OptionList.OptionSelected, "#cancelled")
    def _cancelled_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # nothing to open: the session is not in the programme
