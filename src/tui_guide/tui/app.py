"""The guide's App: sections as modes, the programme and stores handed in by the caller."""

from __future__ import annotations

import gc
import importlib
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import suppress
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar
from zoneinfo import ZoneInfo

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen

from tui_guide.favourites import Favourites, FavouritesError
from tui_guide.favourites.hidden import HiddenError, HiddenStore
from tui_guide.favourites.location import state_dir
from tui_guide.i18n import N_, _, ngettext
from tui_guide.programme.clock import Clock
from tui_guide.programme.format import until, zone_label
from tui_guide.programme.hiding import Hidden, newly_hidden
from tui_guide.programme.model import Festival, Programme, Session
from tui_guide.programme.query import SessionFilter
from tui_guide.programme.text import middle_cut, printable
from tui_guide.settings import LoadedSettings, Settings
from tui_guide.tui.ahead import ScreensAhead
from tui_guide.tui.messages import (
    FavouriteChange,
    MarkChangesSeen,
    OpenFestival,
    OpenFilters,
    OpenGap,
    OpenPerson,
    OpenSession,
    OpenSessions,
    OpenVenue,
    RefreshFavourites,
    RemoveFavourite,
    ShowHidden,
    ShowLink,
    ShowSection,
    ToggleFavourite,
    ToggleHidden,
)
from tui_guide.tui.messages.settings import SettingsWritten
from tui_guide.tui.search_indexes import SearchIndexes
from tui_guide.tui.sections import SECTION_SCREENS, festival_section
from tui_guide.tui.settings import KeptSettings

if TYPE_CHECKING:
    from textual.worker import Worker

    from tui_guide.favourites.versions import ProgrammeVersions, Recorded
    from tui_guide.library.cache import Deferred
    from tui_guide.programme.people import PersonEntry
    from tui_guide.tui.screens.filters import FilterChoice
    from tui_guide.tui.screens.people import PersonRow

FESTIVAL_MODES = ("days", "timetable", "venues", "now")

_SECTIONS_THEN_PAGES = "days timetable people mine venues now_next changes session festivals"
LATER_SCREENS = tuple(
    f"tui_guide.tui.screens.{name}"
    for name in f"{_SECTIONS_THEN_PAGES} festival venue filters help settings".split()
)
"""The screens' modules, imported after the first paint (`GuideApp.import_screens`), the
sections first."""


def local_zone() -> ZoneInfo:
    """The viewer's own zone (from TZ, /etc/localtime, …); UTC when the machine names none
    that reads."""
    try:
        from tzlocal import get_localzone  # only when no zone is handed in

        zone = get_localzone()
        return zone if isinstance(zone, ZoneInfo) else ZoneInfo(str(zone))
    except Exception:  # tzlocal raises several kinds for a broken setting
        return ZoneInfo("UTC")


def _shown(binding: BindingType) -> bool:
    return isinstance(binding, Binding) and binding.show


def _is_section(binding: BindingType) -> bool:
    return isinstance(binding, Binding) and binding.action.startswith("section(")


INDEX_AFTER = 0.25  # seconds after the first paint to start building the search indexes


def _programme_commands() -> type:
    # textual.command is imported when the palette first opens, not at every start.
    from tui_guide.tui.providers.programme import ProgrammeCommands

    return ProgrammeCommands


def _system_commands() -> type:
    from tui_guide.tui.providers.system import GuideSystemCommands

    return GuideSystemCommands


class GuideApp(App[None]):
    """Browse a programme: days, venues, people, now and next, search and favourites."""

    CSS_PATH = "app.tcss"
    TITLE = "tui-guide"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = {lambda: _system_commands(), lambda: _programme_commands()}
    PALETTE_PLACEHOLDER = N_("Search sessions, people, venues, festivals, tags…")

    # The section keys are shown in the section bar under the header, not in the footer.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "d",
            "section('days')",
            N_("Days"),
            id="go.days",
            show=False,
            tooltip=N_("Days: the programme day by day"),
        ),
        Binding(
            "t",
            "section('timetable')",
            N_("Timetable"),
            id="go.timetable",
            show=False,
            tooltip=N_("The day as a grid: venues across, time down"),
        ),
        Binding(
            "v",
            "section('venues')",
            N_("Venues"),
            id="go.venues",
            show=False,
            tooltip=N_("Venues: every venue, then its sessions"),
        ),
        Binding(
            "p",
            "section('people')",
            N_("People"),
            id="go.people",
            show=False,
            tooltip=N_("People: everyone named in the programme"),
        ),
        Binding(
            "n",
            "section('now')",
            N_("Now & next"),
            id="go.now",
            show=False,
            tooltip=N_("Now & next: what is on now and what starts next, by venue"),
        ),
        Binding(
            "m",
            "section('mine')",
            N_("My programme"),
            id="go.mine",
            show=False,
            tooltip=N_("My programme: the sessions you starred, and their clashes"),
        ),
        Binding(
            "c",
            "section('changes')",
            N_("Changes"),
            id="go.changes",
            show=False,
            tooltip=N_("What is new, changed or cancelled in the programme since you last looked"),
        ),
        Binding(
            "F",
            "section('festivals')",
            N_("Festivals"),
            id="go.festivals",
            show=False,
            tooltip=N_("Festivals: the list of festivals"),
        ),
        Binding(
            "i",
            "about",
            N_("About"),
            id="about",
            tooltip=N_("About this festival: dates, organisers, description and sources"),
        ),
        Binding(
            "ctrl+f",
            "filters",
            N_("Filters"),
            id="filters",
            tooltip=N_("Filter by kind, track and country; hide past sessions"),
        ),
        Binding(
            "ctrl+p",
            "command_palette",
            N_("Search"),
            id="search",
            priority=True,
            tooltip=N_("Search sessions, people, venues, countries and tags"),
        ),
        # One key, two bindings: the footer names the zone `z` switches to.
        Binding(
            "z",
            "zone(True)",
            N_("Your time"),
            id="zone.own",
            tooltip=N_("Show every time in your own time zone"),
        ),
        Binding(
            "z",
            "zone(False)",
            N_("Festival time"),
            id="zone.festival",
            tooltip=N_("Show every time in the festival's own time zone again"),
        ),
        Binding(
            "H",
            "show_hidden",
            N_("Show hidden"),
            id="hidden.show",
            show=False,
            tooltip=N_("Show what you hid (h in the timetable), or hide it again"),
        ),
        Binding(
            "comma",
            "settings",
            N_("Settings"),
            id="settings",
            tooltip=N_("Settings: theme, language, time zone, reminders, the section to open on"),
        ),
        Binding("question_mark", "help", N_("Help"), id="help", tooltip=N_("This list of keys")),
        Binding("q", "quit", N_("Quit"), id="quit"),
    ]

    session_filter: reactive[SessionFilter] = reactive(SessionFilter, init=False)
    hide_past: reactive[bool] = reactive(False, init=False)
    favourites_version: reactive[int] = reactive(0, init=False)
    changes_version: reactive[int] = reactive(0, init=False)
    """Bumped when changes are marked seen: the Changes screen shows what is left."""
    own_zone: reactive[bool] = reactive(False, init=False, bindings=True)
    """Times on screen in the viewer's zone (True) or the festival's (False)."""
    hidden: reactive[Hidden] = reactive(Hidden, init=False)
    """What the visitor hid, of every festival (kept in `hidden_store` when there is one)."""
    show_hidden: reactive[bool] = reactive(False, init=False)

    def __init__(
        self,
        programme: Programme,
        *,
        clock: Clock | None = None,
        favourites: Favourites | None = None,
        remind: int = 0,
        export_dir: Path | None = None,
        viewer_zone: ZoneInfo | None = None,
        versions: ProgrammeVersions | None = None,
        language_notice: str | None = None,
        settings: LoadedSettings | None = None,
        hidden_store: HiddenStore | None = None,
        cache_checks: Sequence[Deferred] = (),
    ) -> None:
        if not programme.festivals:
            raise ValueError("the guide needs at least one festival")
        # The settings read at the start (None: none kept, nothing written).
        self.kept = KeptSettings(settings)
        # Started in its mode: a default screen switched away from at once would be made,
        # styled and laid out for nothing before the first paint.
        self.DEFAULT_MODE = self.kept.start_mode(len(programme.festivals))  # type: ignore[misc]
        super().__init__()
        self.theme = self.kept.theme(self.available_themes)
        self.set_reactive(GuideApp.own_zone, self.kept.settings.own_zone)
        self.programme = programme
        self.clock = clock or Clock()
        self.favourites = favourites if favourites is not None else Favourites()
        self.remind = remind  # minutes before a favourite starts to say so; 0: never
        self.versions = versions  # the changes since the last load (None: not kept)
        self.language_notice = language_notice  # a language asked for and not spoken
        self.hidden_store = hidden_store  # what the visitor hid (None: kept while it runs)
        self._hidden_problem = ""
        if hidden_store is not None:
            try:
                self.set_reactive(GuideApp.hidden, hidden_store.load())
            except HiddenError as error:
                self._hidden_problem = str(error)
        self._hidden_counts: tuple[tuple[Hidden, str, int], tuple[int, int, int]] | None = None
        self.cache_checks = tuple(cache_checks)  # cache files whose hash is still to compare
        self._viewer_zone = viewer_zone  # "your time" (None: the machine's, when first asked)
        self.reminded: set[str] = set()
        self.reminding = False
        store = self.favourites.path
        self.export_dir = export_dir or (store.parent if store else state_dir())
        self.festival: Festival = programme.festivals[0]
        self.search_indexes = SearchIndexes(self)  # built by a worker after the first paint
        self.closing = False
        self.screens_ahead = ScreensAhead(self)  # started once the screens are imported
        for mode, screen in SECTION_SCREENS.items():
            self.add_mode(mode, screen)
        self._add_festival_modes()

    def _add_festival_modes(self) -> None:
        for mode in FESTIVAL_MODES:
            self.add_mode(mode, festival_section(mode, self.festival))

    def on_mount(self) -> None:
        self._report_problems()
        self._report_settings()
        self.watch(self, "theme", self._theme_chosen, init=False)
        # What walks every session waits for the first paint: the favourites' snapshots and
        # the first reminders, then (once the first screen has settled: started at once, the
        # worker held the interpreter while the first screen finished its layout) the search
        # indexes.
        self.call_after_refresh(self._after_first_paint)

    collect_after_paint = False
    """Turn the cycle collector on once the first screen is up: the command line starts
    the guide with it off (cli/main.py, run_guide)."""

    def _after_first_paint(self) -> None:
        if self.collect_after_paint:
            gc.enable()
        if self.cache_checks or not all(f.by_day.made for f in self.programme.festivals):
            # The days not shown yet, in a thread, once the first screen has settled (as
            # the search indexes after them).
            self.set_timer(INDEX_AFTER, self.make_programme)
        else:
            self._programme_made()

    @work(thread=True, exit_on_error=False, group="programme")
    def make_programme(self) -> None:
        """Compare the cache files read with their programme files, then make every session
        of every day (a festival read from its cache made only the days shown), before what
        walks every session starts."""
        for check in self.cache_checks:
            if not check.holds():
                self.call_from_thread(
                    self.notify,
                    printable(
                        _(
                            "{file} changed since its cache was written, keeping its size "
                            "and times: the days not shown yet are read from the file; restart "
                            "the guide to see it all anew"
                        ).format(file=check.path)
                    ),
                    title=_("Programme file changed"),
                    severity="warning",
                    markup=False,
                )
        for festival in self.programme.festivals:
            if self.closing:
                return
            festival.sessions  # noqa: B018 - made here, off the screen's thread
        self.call_from_thread(self._programme_made)

    def _programme_made(self) -> None:
        # Title and time of favourites that have none, to name them if they go away; when
        # that cannot be saved, the next toggle says so.
        with suppress(FavouritesError):
            self.favourites.remember(self._starred_sessions())
        self._start_reminders()
        self.set_timer(INDEX_AFTER, self.build_search_indexes)
        self.set_timer(INDEX_AFTER, self.import_screens)
        if self.versions is not None:  # what changed since the last load, after the paint
            self.call_after_refresh(self.record_versions)

    @work(thread=True, exit_on_error=False, group="screens")
    def import_screens(self) -> None:
        """Import the other sections' screens (and the dialogs) while the visitor reads the
        first one: the start does without them, and the first key to one would wait for it."""
        for module in LATER_SCREENS:
            if self.closing:
                return
            importlib.import_module(module)
        with suppress(RuntimeError):  # the guide closed meanwhile
            self.call_from_thread(self.screens_ahead.start)

    @work(thread=True, exit_on_error=False, group="versions")
    def record_versions(self) -> None:
        """Compare the programme with the version last loaded and mark what changed (a
        worker: at 50,000 sessions it takes a good part of a second)."""
        versions = self.versions
        assert versions is not None
        try:
            recorded = versions.record(self.programme.festivals)
        except sqlite3.Error as error:
            with suppress(RuntimeError):
                self.call_from_thread(
                    self.notify,
                    _("Changes not kept: {error}").format(error=error),
                    severity="warning",
                    markup=False,
                )
            return
        with suppress(RuntimeError):  # the guide closed meanwhile
            self.call_from_thread(self._recorded, recorded)

    def _recorded(self, recorded: Recorded) -> None:
        self.changes_version += 1
        if recorded.found:
            self.notify(
                _("Since the guide last loaded it: {counts} (c shows them).").format(
                    counts=recorded.counts()
                ),
                title=_("The programme changed"),
                markup=False,
                timeout=10,
            )

    def _starred_sessions(self) -> list[Session]:
        """The sessions of the favourites, looked up by key (not a walk of every session)."""
        found = (self.programme.session(key) for key in self.favourites)
        return [session for session in found if session is not None]

    @work(thread=True, exit_on_error=False, group="search-index")
    def build_search_indexes(self) -> None:
        """The search indexes, ready before the user searches (see `SearchIndexes`)."""
        from textual.worker import get_current_worker

        worker: Worker[None] = get_current_worker()
        self.search_indexes.build_all(lambda: worker.is_cancelled)

    def _start_reminders(self) -> None:
        if self.remind > 0 and not self.reminding:
            self.reminding = True
            self.check_reminders()
            self.set_interval(20, self.check_reminders)

    def check_reminders(self) -> None:
        """Say once for each favourite that it starts within `remind` minutes."""
        from tui_guide.favourites.agenda import starting_soon  # after the first paint

        starred = self._starred_sessions()
        for festival in self.programme.festivals:
            moment = self.clock.now(festival.timezone)
            mine = [s for s in starred if s.festival_id == festival.id]
            for session in starting_soon(mine, moment, self.remind):
                if session.key in self.reminded:
                    continue
                self.reminded.add(session.key)
                starts = session.starts_at
                assert starts is not None
                if session.venue:
                    text = _("{title} at {venue}, {time}").format(
                        title=session.title, venue=session.venue.name, time=f"{starts:%H:%M}"
                    )
                else:
                    text = f"{session.title}, {starts:%H:%M}"
                self.notify(
                    printable(text),
                    title=_("Starts {when}").format(when=until(moment, starts)),
                    timeout=60,
                    markup=False,
                )

    def _report_problems(self) -> None:
        if self.language_notice:
            self.notify(self.language_notice, title="Language", severity="warning", markup=False)
        if self._hidden_problem:
            self.notify(
                printable(_("{error}. Nothing is hidden.").format(error=self._hidden_problem)),
                title=_("Hidden"),
                severity="warning",
                markup=False,
            )
        if self.favourites.notice:
            self.notify(printable(self.favourites.notice), title=_("My programme"), markup=False)
        if self.favourites.problem:
            self.notify(
                printable(self.favourites.problem),
                title=_("My programme"),
                severity="error",
                timeout=30,
                markup=False,
            )
        problems = self.programme.problems
        if not problems:
            return
        from tui_guide.programme.notices import load_notice  # only for a load with problems

        # Each skipped file with its first problem; for the others a count (validate lists
        # them): a large export's hundreds of warnings would cover the screen.
        lines = load_notice(problems, self.programme.skipped, self.notice_width)
        skipped_files = set(self.programme.skipped)
        skipped = len(skipped_files)
        title = (
            ngettext("{n} file skipped", "{n} files skipped", skipped) if skipped else _("Warnings")
        )
        self.notify("\n".join(lines), title=title, severity="warning", timeout=12, markup=False)

    _switch_at_once = False

    def delay_update(self, delay: float = 0.05) -> None:
        """Textual's `switch_mode` holds every frame back 50 ms, to mask a screen still being
        made; a section's screen made already (ahead, or shown before) is shown at once: the
        hold was most of the 67 ms of My programme opened a second time (26 ms of CPU)."""
        if not self._switch_at_once:
            super().delay_update(delay)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self.screens_ahead.key_pressed()  # no screen is made ahead while keys come
        await super().on_event(event)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "section" and parameters == ("festivals",):
            return len(self.programme.festivals) > 1
        if action == "zone":
            return parameters == (not self.own_zone,)
        if action in ("filters", "about"):
            # Both belong to the current festival; the festivals screen has none (it is only
            # ever the base of its mode: not imported, it cannot be on screen).
            return not (self.current_mode == "festivals" and len(self.screen_stack) == 1)
        return True

    def format_title(self, title: str, sub_title: str) -> Content:
        # Titles carry festival, venue and people names from data files.
        return super().format_title(printable(title), printable(sub_title))

    async def action_quit(self) -> None:
        self.closing = True  # keys already read behind `q` must not open new screens
        self.exit()

    def _offered(self, binding: BindingType) -> bool:
        """False for a key that does nothing here (Festivals, with one festival), and for the
        one of `z`'s two bindings that is not the one `z` would run now."""
        if not isinstance(binding, Binding):
            return True
        if binding.id in ("zone.own", "zone.festival"):
            return binding.id == ("zone.festival" if self.own_zone else "zone.own")
        return not (binding.action == "section('festivals')" and len(self.programme.festivals) < 2)

    async def action_section(self, mode: str) -> None:
        """A section's key always lands on that section's main screen, from anywhere: the
        pages opened on top of it (and a dialog left open there) are closed."""
        if self.closing:
            return
        if mode != self.current_mode:
            stack = self._screen_stacks.get(mode, [])
            self._switch_at_once = bool(stack) and all(s.is_mounted for s in stack)
            try:
                await self.switch_mode(mode)
            finally:
                self._switch_at_once = False
        while len(self.screen_stack) > 1:
            await self.pop_screen()

    @cached_property
    def people(self) -> dict[str, PersonEntry]:
        """Everyone in the programme by folded name (the programme never changes)."""
        from tui_guide.programme.people import index_people

        return {entry.key: entry for entry in index_people(self.programme.sessions)}

    @cached_property
    def people_rows(self) -> tuple[PersonRow, ...]:
        """The People screen's rows, everyone's sessions counted and affiliations gathered
        once: the search indexes' worker works them out after the first paint."""
        from tui_guide.tui.screens.people import person_data

        return tuple(person_data(entry) for entry in self.people.values())

    # -- what screens and widgets ask for (tui_guide.tui.messages) ---------------------------

    @on(ShowSection)
    async def _show_section(self, ask: ShowSection) -> None:
        if self.check_action("section", (ask.mode,)):
            await self.action_section(ask.mode)

    @on(OpenFilters)
    def _open_filters(self) -> None:
        if self.check_action("filters", ()):
            self.action_filters()

    @on(OpenFestival)
    async def _open_festival(self, ask: OpenFestival) -> None:
        """Make the festival current and open its days (its per-festival sections start
        afresh)."""
        festival = ask.festival
        if festival.id != self.festival.id:
            if self.current_mode in FESTIVAL_MODES:
                await self.switch_mode("festivals")  # the current mode cannot be removed
            self.festival = festival
            # Tracks and countries differ between festivals: start the new one unfiltered.
            self.session_filter = SessionFilter()
            for mode in FESTIVAL_MODES:
                await self.remove_mode(mode)
            self._add_festival_modes()
        await self.action_section("days")

    @on(OpenSession)
    def _open_session(self, ask: OpenSession) -> None:
        session = ask.session
        festival = self.programme.festival(session.festival_id) or self.festival
        from tui_guide.tui.screens.session import SessionScreen

        self.push_screen(SessionScreen(festival, session))

    @on(OpenVenue)
    def _open_venue(self, ask: OpenVenue) -> None:
        from tui_guide.tui.screens.venue import VenueScreen

        self.push_screen(VenueScreen(ask.festival, ask.venue))

    @on(OpenPerson)
    def _open_person(self, ask: OpenPerson) -> None:
        if (entry := self.people.get(ask.key)) is not None:
            from tui_guide.tui.screens.people import person_screen

            self.push_screen(person_screen(entry))

    @on(MarkChangesSeen)
    def _mark_seen(self, ask: MarkChangesSeen) -> None:
        if self.versions is None:
            return
        try:
            done = self.versions.seen(ask.changes)
        except sqlite3.Error as error:
            self.notify(
                _("Not marked seen: {error}").format(error=error), severity="error", markup=False
            )
            return
        self.changes_version += 1
        self.notify(
            ngettext("{n} change marked seen.", "{n} changes marked seen.", done),
            title=_("Changes"),
            timeout=4,
            markup=False,
        )

    @on(OpenGap)
    def _open_gap(self, ask: OpenGap) -> None:
        from tui_guide.tui.screens.gap import GapScreen

        self.push_screen(GapScreen(ask.gap, ask.fits))

    @on(OpenSessions)
    def _open_sessions(self, ask: OpenSessions) -> None:
        from tui_guide.tui.screens.sessions import SessionsScreen

        self.push_screen(SessionsScreen(ask.heading, [], ask.sessions))

    @on(ShowLink)
    def _show_link(self, ask: ShowLink) -> None:
        """The address in a notice (cut in the middle, should it be long) and on the
        clipboard, where the terminal allows it: the guide never opens a browser."""
        url = printable(ask.url)
        self.copy_to_clipboard(url)
        self.notify(
            middle_cut(url, self.notice_width), title=_("Link copied"), markup=False, timeout=8
        )

    @property
    def notice_width(self) -> int:
        """The characters a notice's line holds here: Textual's toasts are 60 cells wide, at
        most half the screen, less their border and padding. A path or an address longer
        than this is cut in the middle (`middle_cut`), or the toast would break it mid-word."""
        return max(16, min(60, self.size.width // 2) - 5)

    @on(ToggleFavourite)
    @on(RemoveFavourite)
    def _change_favourite(self, change: FavouriteChange) -> None:
        """The one route to the store for every change of a favourite: saved first, then
        shown (`favourites_version` tells the screens), then said."""
        key = change.key
        if isinstance(change, ToggleFavourite):
            session: Session | None = change.session
        else:
            session = self.programme.session(key)
        known = self.favourites.get(key)
        title = session.title if session else known.title if known else key
        try:
            if isinstance(change, ToggleFavourite):
                self.favourites.toggle(key, session)
            else:
                self.favourites.remove(key)
        except FavouritesError as error:  # kept in memory all the same
            self.notify(
                printable(_("{error}. The change is not saved.").format(error=error)),
                title=_("My programme not saved"),
                severity="error",
                timeout=15,
                markup=False,
            )
        added = key in self.favourites
        self.favourites_version += 1
        said = (
            _("Added to My programme: {title}")
            if added
            else _("Removed from My programme: {title}")
        )
        self.notify(printable(said.format(title=title)), markup=False, timeout=3)

    @on(ToggleHidden)
    def _toggle_hidden(self, ask: ToggleHidden) -> None:
        """Hide a session, its venue, track or language, or show it again."""
        festival = self.programme.festival(ask.session.festival_id) or self.festival
        self.change_hidden(festival, self.hidden.toggled(ask.what, ask.session))

    def change_hidden(self, festival: Festival, after: Hidden) -> None:
        """The one route to what is hidden: saved first, then shown, then said; starred
        sessions that go out of sight are counted, never hidden without saying so."""
        before = self.hidden
        if after == before:
            return
        if self.hidden_store is not None:
            try:
                self.hidden_store.change(before, after)
            except HiddenError as error:  # kept while the guide runs all the same
                self.notify(
                    printable(_("{error}. Kept until the guide closes.").format(error=error)),
                    title=_("Hidden, not saved"),
                    severity="error",
                    timeout=15,
                    markup=False,
                )
        self.hidden = after
        gone = newly_hidden(festival.sessions, before, after)
        back = newly_hidden(festival.sessions, after, before)
        parts = []
        if gone:
            text = ngettext(
                "{n} session hidden; H shows what is hidden",
                "{n} sessions hidden; H shows what is hidden",
                len(gone),
            )
            starred = sum(1 for s in gone if s.key in self.favourites)
            if starred:
                text += ngettext(
                    ". {n} starred session among them, still in My programme",
                    ". {n} starred sessions among them, still in My programme",
                    starred,
                )
            parts.append(text)
        if back or not gone:
            parts.append(ngettext("{n} session shown again", "{n} sessions shown again", len(back)))
        self.notify(". ".join(parts), title=_("Hidden"), markup=False, timeout=5)

    def hidden_counts(self) -> tuple[int, int, int]:
        """Of the current festival: the things hidden, the sessions they hide, and how many
        of those are starred (for the badge)."""
        festival, hidden = self.festival, self.hidden
        cached = self._hidden_counts
        key = (hidden, festival.id, self.favourites_version)
        if cached is not None and cached[0] == key:
            return cached[1]
        mine = hidden.of(festival.id)
        if not len(mine):
            counts = (0, 0, 0)
        else:
            gone = [s for s in festival.sessions if mine.hides(s)]
            counts = (len(mine), len(gone), sum(1 for s in gone if s.key in self.favourites))
        self._hidden_counts = (key, counts)
        return counts

    @on(ShowHidden)
    def _show_hidden(self, ask: ShowHidden) -> None:
        self.show_hidden = ask.show

    def action_show_hidden(self) -> None:
        if not len(self.hidden):
            self.notify(
                _("Nothing is hidden (h in the timetable, or ctrl+f, hides)"),
                markup=False,
                timeout=3,
            )
        self.post_message(ShowHidden(not self.show_hidden))

    @on(RefreshFavourites)
    def _refresh_favourites(self) -> None:
        """Read the store again; the lists follow when another guide changed it."""
        if self.favourites.refresh():
            self.favourites_version += 1

    def action_filters(self) -> None:
        from tui_guide.tui.screens.filters import FiltersScreen

        festival = self.festival

        def chosen(choice: FilterChoice | None) -> None:
            if choice is not None:
                self.session_filter = choice.filter
                self.hide_past = choice.hide_past
                if choice.hidden is not None:
                    self.change_hidden(festival, self.hidden.without(festival.id) | choice.hidden)

        self.push_screen(
            FiltersScreen(
                festival.sessions,
                self.session_filter,
                self.hide_past,
                festival=festival,
                hidden=self.hidden.of(festival.id),
            ),
            chosen,
        )

    @property
    def viewer_zone(self) -> ZoneInfo:
        """The viewer's own zone ("your time"): the one handed in, else the machine's, looked
        up when first shown (tzlocal takes milliseconds, which a first paint in the festival's
        time does without)."""
        if self._viewer_zone is None:
            self._viewer_zone = local_zone()
        return self._viewer_zone

    @property
    def shown_zone(self) -> ZoneInfo | None:
        """The zone times are shown in: None for each festival's own, else the viewer's."""
        return self.viewer_zone if self.own_zone else None

    def action_zone(self, own: bool) -> None:
        self.own_zone = own
        self.kept.change(self, {"zone": "own" if own else "festival"})
        if own:
            text = _("Times in your time zone, {zone}; z: the festival's").format(
                zone=zone_label(self.viewer_zone)
            )
        else:
            text = _("Times in each festival's own time zone; z: yours")
        self.notify(text, title=_("Time zone"), markup=False, timeout=4)

    def action_command_palette(self) -> None:
        """The palette, saying what it searches (Textual's says "Search for commands…"), in
        the guide's language."""
        from textual.command import CommandPalette

        from tui_guide.tui.screens.palette import GuidePalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            palette = GuidePalette(placeholder=_(self.PALETTE_PLACEHOLDER), id="--command-palette")
            self.push_screen(palette)

    # -- the settings (tui/settings.py keeps them, screens/settings.py changes them) -----------

    def _report_settings(self) -> None:
        for problem in self.kept.problems(self.available_themes):
            self.notify(
                printable(str(problem)),
                title=_("Settings"),
                severity="warning",
                timeout=15,
                markup=False,
            )

    def _theme_chosen(self, theme: str) -> None:
        """A theme chosen (in the palette, or the Settings dialog) is kept for the next start."""
        self.kept.change(self, {"theme": theme})

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            N_("Settings"),
            N_("Theme, language, time zone, reminders, the section to open on (,)"),
            self.action_settings,
        )

    def action_settings(self) -> None:
        from tui_guide.tui.screens.settings import SettingsScreen

        if self.closing or isinstance(self.screen, SettingsScreen):
            return

        def chosen(settings: Settings | None) -> None:
            if settings is None:
                return
            self.kept.change(self, vars(settings), announce=True)  # before the theme's watch
            self.theme = settings.theme
            if settings.own_zone != self.own_zone:
                self.own_zone = settings.own_zone
            self.remind = settings.remind
            self._start_reminders()

        self.push_screen(SettingsScreen(self.kept.settings, list(self.available_themes)), chosen)

    @on(SettingsWritten)
    def _settings_written(self, written: SettingsWritten) -> None:
        if written.error is not None:
            self.notify(
                printable(
                    _("Used while the guide runs, not kept: {error}").format(error=written.error)
                ),
                title=_("Settings not saved"),
                severity="error",
                timeout=15,
                markup=False,
            )
        elif written.announce and not written.fields:
            self.notify(_("Nothing changed"), title=_("Settings"), timeout=3, markup=False)
        elif written.announce:
            path = self.kept.file.path if self.kept.file else None
            said = (
                _("Saved in {file}").format(file=middle_cut(str(path), self.notice_width))
                if path
                else _("Saved")
            )
            self.notify(printable(said), title=_("Settings"), timeout=4, markup=False)

    def action_about(self) -> None:
        from tui_guide.tui.screens.festival import FestivalScreen

        if not isinstance(self.screen, FestivalScreen):
            self.push_screen(FestivalScreen(self.festival))

    def action_help(self) -> None:
        from tui_guide.tui.screens.base import ListScreen
        from tui_guide.tui.screens.days import DaysScreen
        from tui_guide.tui.screens.filters import FiltersScreen
        from tui_guide.tui.screens.help import HelpScreen
        from tui_guide.tui.screens.mine import MineScreen
        from tui_guide.tui.screens.session import SessionScreen
        from tui_guide.tui.screens.timetable import TimetableScreen
        from tui_guide.tui.widgets.filter_bar import FilterBar
        from tui_guide.tui.widgets.timetable import Timetable

        self.push_screen(
            HelpScreen(
                [
                    (
                        _("Sections: each key opens the section's main screen, from anywhere"),
                        [b for b in self.BINDINGS if self._offered(b) and _is_section(b)],
                    ),
                    (
                        _("Everywhere"),
                        [b for b in self.BINDINGS if self._offered(b) and not _is_section(b)],
                    ),
                    (_("Days"), DaysScreen.BINDINGS),
                    (
                        _("Timetable"),
                        [*Timetable.BINDINGS, *TimetableScreen.BINDINGS, *TIMETABLE_KEYS],
                    ),
                    (_("Lists"), ListScreen.BINDINGS),
                    (_("Filter bar"), FilterBar.BINDINGS),
                    (_("Session"), SessionScreen.BINDINGS),
                    (_("My programme"), MineScreen.BINDINGS),
                    (_("Filters dialog"), [b for b in FiltersScreen.BINDINGS if _shown(b)]),
                ]
            )
        )


TIMETABLE_KEYS = [
    Binding("up,down", "", N_("Move"), tooltip=N_("The session before or after at this venue")),
    Binding(
        "left,right",
        "",
        N_("Move"),
        tooltip=N_(
            "The venue beside, at the same time; past the first or last venue, "
            "the day before or after (as [ and ])"
        ),
    ),
    Binding(
        "pageup,pagedown,home,end", "", N_("Move"), tooltip=N_("A screen up or down; first, last")
    ),
]


def run_guide(
    programme: Programme,
    *,
    favourites: Favourites,
    now: datetime | None = None,
    remind: int = 0,
    versions: ProgrammeVersions | None = None,
    language_notice: str | None = None,
    settings: LoadedSettings | None = None,
    hidden_store: HiddenStore | None = None,
    cache_checks: Sequence[Deferred] = (),
) -> int:
    """Run the guide in this terminal; the exit status for the command line."""
    app = GuideApp(
        programme,
        clock=Clock(now),
        favourites=favourites,
        remind=remind,
        versions=versions,
        language_notice=language_notice,
        settings=settings,
        hidden_store=hidden_store,
        cache_checks=cache_checks,
    )
    # The programme lives as long as the guide: moved out of the collector's sight, a
    # collection never walks its hundreds of thousands of objects (a pause of ~0.2 s at
    # 50,000 sessions, which would fall in the first paint).
    gc.freeze()
    # Collected again, as usual, once the first screen is up (the command line starts the
    # guide without collections, cli/main.py): each collection walks only what is made
    # after this, and none falls in the first screen's making.
    app.collect_after_paint = True
    try:
        app.run()
    finally:
        app.kept.wait()  # the last choice written before the process ends
    return app.return_code or 0
