"""My programme: the starred sessions of every loaded festival, with their clashes, tight
walks between venues and changes since they were starred; and the stars whose session is no
longer in the programme, kept with their last known title until removed by hand."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui_guide.atomic import Protected, Refused, write_atomically
from tui_guide.favourites import Favourite, Favourites, changes
from tui_guide.favourites.agenda import WALK_MINUTES, clashes, starred_and_gone, tight_walks
from tui_guide.favourites.gaps import Fit, Gap, fits_in, gaps, gaps_with_fits
from tui_guide.i18n import N_, _, ngettext
from tui_guide.programme.model import Session
from tui_guide.programme.text import middle_cut, printable
from tui_guide.programme.versions import Change
from tui_guide.tui.messages import OpenGap, RefreshFavourites, RemoveFavourite
from tui_guide.tui.screens.base import ListScreen
from tui_guide.tui.screens.gap import with_gaps
from tui_guide.tui.widgets.filter_bar import FilterBar
from tui_guide.tui.widgets.footer import guide_footer
from tui_guide.tui.widgets.options import refill
from tui_guide.tui.widgets.plain import plain
from tui_guide.tui.widgets.session_list import SessionList, day_groups

__all__ = ["MineScreen", "clashes"]

EXPORT_NAME = "my-programme.ics"


def notes_for(
    sessions: list[Session], favourites: Favourites
) -> tuple[dict[str, str], dict[str, int]]:
    """Every warning line per session key, and how many sessions have each kind."""
    kinds: dict[str, dict[str, str]] = {
        "clash": clashes(sessions),
        "walk": tight_walks(sessions),
        "changed": {},
    }
    for session in sessions:
        entry = favourites.get(session.key)
        found = changes(entry.snapshot if entry else None, session)
        if found:
            kinds["changed"][session.key] = _("Changed since starred: {what}").format(
                what="; ".join(found)
            )
    notes: dict[str, str] = {}
    for kind_notes in kinds.values():
        for key, note in kind_notes.items():
            notes[key] = f"{notes[key]}\n{note}" if key in notes else note
    return notes, {kind: len(kind_notes) for kind, kind_notes in kinds.items()}


class MineScreen(ListScreen):
    """Starred sessions by day; `f` unstars, `x` removes (also what is no longer in the
    programme), `r` reads the store again, `e` writes a calendar file."""

    HIDES = False  # a starred session stays in My programme, hidden or not

    AUTO_FOCUS = "SessionList"

    SECTION = "mine"

    BINDINGS = [
        Binding(
            "x,delete",
            "remove",
            N_("Remove"),
            id="mine.remove",
            tooltip=N_("Remove the highlighted session from My programme"),
        ),
        Binding(
            "r",
            "reload",
            N_("Refresh"),
            id="mine.refresh",
            show=False,  # the footer has no room at 80 columns; ? lists it
            tooltip=N_("Read My programme again (another guide may have changed it)"),
        ),
        Binding(
            "g",
            "gap",
            N_("Fill gap"),
            id="mine.gap",
            show=False,  # the footer has no room at 80 columns; ? lists it
            tooltip=N_("The sessions that fit in the free time after (or before) this favourite"),
        ),
        Binding(
            "e",
            "export",
            N_("Export"),
            id="mine.export",
            tooltip=N_("Write My programme as a calendar file (my-programme.ics)"),
        ),
    ]

    def compose(self) -> ComposeResult:
        programme = self.guide.programme
        several = len(programme.festivals) > 1
        yield from self.top()
        yield FilterBar()
        yield Static(id="mine-summary", classes="heading")
        yield SessionList(
            festival_names={f.id: f.name for f in programme.festivals} if several else None,
            empty_message=_("Nothing starred yet: f on a session stars it and puts it here."),
            id="mine",
        )
        yield Static(_("No longer in the programme"), id="gone-heading", classes="heading")
        yield OptionList(id="gone")
        yield guide_footer()

    def on_mount(self) -> None:
        self.title = _("My programme")
        # A cancelled favourite says so once the guide has compared the programme (a worker):
        # ListScreen follows changes_version, as every list does.
        self.sub_title = ""

    def _split(self) -> tuple[list[Session], list[Favourite]]:
        return starred_and_gone(self.guide.favourites.entries(), self.guide.programme)

    _gaps: list[tuple[Gap, list[Fit] | None]] = []
    _fits: tuple[tuple[str, ...], list[tuple[Gap, list[Fit]]]] | None = None
    """The gaps between the favourites of these keys, with what fits in each (a worker's)."""
    _counting: tuple[str, ...] | None = None  # the keys the worker is counting for
    _shown: tuple[object, ...] | None = None  # what the list shows (its rows' makings)

    def refresh_lists(self) -> None:
        starred, gone = self._split()
        notes, counts = notes_for(starred, self.guide.favourites)
        zone, moment = self.shown_zone, self.now()
        keys = tuple(s.key for s in starred)
        if self._fits is not None and self._fits[0] == keys:
            self._gaps = list(self._fits[1])
        else:
            # What fits in each gap looks through every session of its day (a second at
            # 50,000 sessions): counted by a worker, the headings say so when it is done.
            self._gaps = [(gap, None) for gap in gaps(starred)]
            if self._gaps and keys != self._counting:
                self._counting = keys
                # After the rows' frame: the worker's thread holds the interpreter in turns
                # with the screen being built, and delayed the first frame by half.
                self.call_after_refresh(self._count_fits, keys, starred)
        groups = with_gaps(day_groups(self.filter_across(starred), zone, moment), self._gaps, zone)
        shown = (
            tuple((heading, tuple(s.key for s in group)) for heading, group in groups),
            tuple(s.is_past(moment) for _heading, group in groups for s in group),
            notes,
            zone,
        )
        if shown != self._shown:
            # Only when a row would differ: the list laid out and drawn again for nothing
            # was most of the time from m to a screen made ahead (`tui/ahead.py`).
            self._shown = shown
            self.query_one(SessionList).show_groups(
                groups, self.guide.favourites, notes=notes, zone=zone, moment=moment
            )
        summary = ngettext("{n} starred session", "{n} starred sessions", len(starred))
        if counts["clash"]:
            summary += ngettext(", {n} in clashes", ", {n} in clashes", counts["clash"])
        if counts["walk"]:
            summary += ngettext(
                ", {n} with under {minutes} min to change venue",
                ", {n} with under {minutes} min to change venue",
                counts["walk"],
            ).format(minutes=WALK_MINUTES)
        if counts["changed"]:
            summary += ngettext(
                ", {n} changed since starred", ", {n} changed since starred", counts["changed"]
            )
        if self._gaps:
            summary += ngettext("; {n} gap to fill (g)", "; {n} gaps to fill (g)", len(self._gaps))
        heading = self.query_one("#mine-summary", Static)
        if str(heading.content) != summary:
            heading.update(summary)
        heading.display = bool(starred)  # with none, the list's own line says so
        self._show_gone(gone)

    @work(thread=True, exclusive=True, group="mine-fits", exit_on_error=False)
    def _count_fits(self, keys: tuple[str, ...], starred: list[Session]) -> None:
        found = gaps_with_fits(starred, self.guide.programme)
        with suppress(RuntimeError):  # the guide closed meanwhile
            self.app.call_from_thread(self._fits_counted, keys, found)

    def _fits_counted(self, keys: tuple[str, ...], found: list[tuple[Gap, list[Fit]]]) -> None:
        if keys != self._counting:
            return  # the favourites changed meanwhile: another count is on its way
        self._fits, self._counting = (keys, found), None
        if self.is_mounted:
            self._changed()  # shown again now, or when the screen is back

    def _cancelled(self) -> dict[str, Change]:
        """The favourites the last loads found cancelled (changes not seen yet), by key."""
        versions = self.guide.versions
        if versions is None:
            return {}
        return {c.key: c for c in versions.changes() if c.kind == "cancelled"}

    def _show_gone(self, gone: list[Favourite]) -> None:
        listing = self.query_one("#gone", OptionList)
        options = []
        cancelled = self._cancelled() if gone else {}
        for favourite in gone:
            when = favourite.snapshot.when() if favourite.snapshot else _("never seen loaded")
            title = favourite.title
            change = cancelled.get(favourite.key)
            if change is not None and change.before is not None:
                times, day, venue, title, _people = change.before  # as the programme had it
                when = " ".join(filter(None, (day, times, venue)))
            text = f"{title} — {when} · {favourite.key}"
            if change is not None:
                text = _("Cancelled: {session}").format(session=text)
            options.append(Option(plain(text), id=favourite.key))
        if [(o.id, str(o.prompt)) for o in listing.options] != [
            (o.id, str(o.prompt)) for o in options
        ]:
            refill(listing, options)
        gone_heading = self.query_one("#gone-heading", Static)
        said = _("No longer in the programme ({count}): kept until you remove them with x").format(
            count=len(gone)
        )
        if str(gone_heading.content) != said:
            gone_heading.update(said)
        for widget in (listing, self.query_one("#gone-heading")):
            widget.display = bool(gone)

    def _highlighted_key(self) -> str | None:
        focused = self.focused
        if isinstance(focused, SessionList):
            session = focused.highlighted_session
            return session.key if session else None
        if isinstance(focused, OptionList) and focused.id == "gone":
            option = focused.highlighted_option
            return option.id if option else None
        return None

    def action_toggle_favourite(self) -> None:
        if isinstance(self.focused, SessionList):
            super().action_toggle_favourite()
        else:
            self.action_remove()

    def action_remove(self) -> None:
        key = self._highlighted_key()
        if key is not None:
            self.post_message(RemoveFavourite(key))

    def action_gap(self) -> None:
        """Open the gap after the highlighted favourite, or else the one before it."""
        focused = self.focused
        session = focused.highlighted_session if isinstance(focused, SessionList) else None
        if session is None:
            return
        found = [g for g in self._gaps if g[0].after.key == session.key] or [
            g for g in self._gaps if g[0].before.key == session.key
        ]
        if not found:
            self.notify(
                _("No free time between favourites next to this one."), title=_("Gaps"), timeout=4
            )
            return
        gap, fits = found[0]
        if fits is None:  # not counted yet: this one now
            fits = fits_in(gap, self.guide.programme, {s.key for s in self._split()[0]})
        self.post_message(OpenGap(gap, fits))

    def action_reload(self) -> None:
        # The lists follow when the store has changed (`favourites_version`).
        self.post_message(RefreshFavourites())

    def action_export(self) -> None:
        starred, gone = self._split()
        self.notify(_("Writing the calendar…"), title=_("Export"), timeout=3)
        path = self.guide.export_dir / EXPORT_NAME
        self._export(starred, len(gone), path, middle_cut(str(path), self.guide.notice_width))

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, starred: list[Session], gone: int, path: Path, shown: str) -> None:
        """Write the calendar off the UI thread; say how it went when done, naming the file
        as `shown` (cut in the middle to fit a notice)."""
        try:
            from tui_guide.formats.ics import calendar  # icalendar: only when exporting

            result = calendar(starred, name=_("My programme"), remind=self.guide.remind)
            existed = path.exists()
            path.parent.mkdir(parents=True, exist_ok=True)
            # The name is fixed, but the folder is the user's: never over a programme read.
            keep = [
                Protected(f.source_file, "a programme file being read")
                for f in self.guide.programme.festivals
            ]
            write_atomically(path, result.data, protected=keep)
        except Refused as error:
            self._tell(str(error), _("Not exported"), "error")
            return
        except OSError as error:
            why = error.strerror or error
            self._tell(
                _("{file}: cannot write: {error}").format(file=shown, error=why),
                _("Not exported"),
                "error",
            )
            return
        except Exception as error:  # a bug must not pass in silence, nor take the guide down
            said = _("{file}: not exported: {error}").format(file=shown, error=error)
            self._tell(said, _("Not exported"), "error")
            raise
        left_out = len(result.notes) + gone
        if existed:
            done = ngettext(
                "{n} event replaced {file}", "{n} events replaced {file}", result.events
            )
        else:
            done = ngettext(
                "{n} event written to {file}", "{n} events written to {file}", result.events
            )
        note = (
            ngettext(
                "; {n} left out (no date, or no longer in the programme)",
                "; {n} left out (no date, or no longer in the programme)",
                left_out,
            )
            if left_out
            else ""
        )
        self._tell(done.format(file=shown) + note, _("Calendar exported"))

    def _tell(self, message: str, title: str, severity: SeverityLevel = "information") -> None:
        with suppress(RuntimeError):  # the guide closed meanwhile
            self.app.call_from_thread(
                self.notify,
                printable(message),
                title=title,
                severity=severity,
                markup=False,
                timeout=15,
            )

    @on(OptionList.OptionSelected, "#gone")
    def _gone_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # nothing to open: the session is not in the programme
