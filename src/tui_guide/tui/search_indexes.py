"""The guide's two search indexes, built once, in a thread, after the first screen is shown
(the index of sessions read from the cache instead when an earlier start saved it).

The command palette's index (every session, person, venue, country and tag) took 1.7 s at
50,000 sessions when the palette first opened; the index of sessions lets `/` in the lists
find matches without folding every session's text. Both are built by `GuideApp`'s worker
while the user reads the first screen. Whoever needs one first builds it, under a lock: the
palette, opened before the worker is done, waits for the worker's build (or makes the index
itself when the worker failed or was stopped); a list that finds no session index yet scans,
with the same answers.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui_guide.programme.haystacks import festival_texts
from tui_guide.tui.widgets.rows import measure_ahead
from tui_guide.tui.widgets.session_list import measure_ahead as measure_rows

if TYPE_CHECKING:
    from tui_guide.programme.search import SearchIndex
    from tui_guide.tui.app import GuideApp
    from tui_guide.tui.providers.programme import Palette


class SearchIndexes:
    """The palette's entries and index, and the index of sessions, each built at most once."""

    def __init__(self, app: GuideApp) -> None:
        self._app = app
        self._lock = threading.RLock()  # the palette's build takes the sessions'
        self._palette: Palette | None = None
        self.sessions: SearchIndex | None = None  # None until built: lists scan meanwhile

    @property
    def palette_ready(self) -> bool:
        return self._palette is not None

    def palette(self, cancelled: Callable[[], bool] | None = None) -> Palette:
        """The palette's entries and their index, built now unless they already are."""
        with self._lock:
            if self._palette is None:
                from tui_guide.tui.providers.programme import Palette, build_entries

                sessions = self.session_index(cancelled)
                entries = build_entries(self._app, cancelled, False)  # sessions: in theirs
                app = self._app
                self._palette = Palette(
                    entries,
                    sessions,
                    cancelled,
                    now=app.clock.now,
                    hidden=lambda: None if app.show_hidden else app.hidden,
                )
            return self._palette

    def session_index(self, cancelled: Callable[[], bool] | None = None) -> SearchIndex:
        """The index of every session of the programme, built now unless it already is."""
        with self._lock:
            if self.sessions is None:
                # Imported here, in the worker after the first paint: a start waited ~30 ms
                # for the index's and the saved index's modules before its first frame.
                from tui_guide.library.index_cache import load_index, save_index
                from tui_guide.programme.search import SearchIndex

                app = self._app
                programme, checks = app.programme, app.cache_checks
                # Saved by an earlier start from the same cache files (see index_cache.py).
                index = load_index(checks, programme.festivals, programme.sessions)
                if index is None:
                    texts = {f.id: festival_texts(f.name, f.city) for f in programme.festivals}
                    index = SearchIndex(programme.sessions, festivals=texts, cancelled=cancelled)
                    save_index(checks, programme.festivals, programme.sessions, index)
                self.sessions = index
            return self.sessions

    def build_all(self, cancelled: Callable[[], bool] | None = None) -> None:
        """Both indexes (the palette's needs the sessions'); `cancelled` says when to give up
        (raising `Cancelled`).

        The collector is paused while they are built and they are then moved out of its
        sight, as the programme is (`run_guide`): they live as long as the guide, and a
        collection walking their hundreds of thousands of sets and lists, during the build
        or at the first search after it, held the interpreter from the keys for a tenth of
        a second at 50,000 sessions."""
        paused = gc.isenabled()
        gc.disable()
        try:
            self.palette(cancelled)
            # The People screen's rows, worked out once, and their heights at the width the
            # list will have (the screen's, less its padding and scrollbar): a guess, and a
            # wrong one (a resize meanwhile) only means they are measured when shown.
            rows = [row for row, _ in self._app.people_rows]
            measure_ahead(rows, self._app.size.width - 4)
            # And the rows of the days next to the one the guide opened on, the days one key
            # away, for the days' list (its width the same guess). Not every day's: at
            # 50,000 sessions that kept this worker, and the interpreter, a second longer
            # for days seldom opened.
            from tui_guide.programme.now import opening_day  # the days' screen's: not at start

            app = self._app
            festival = app.festival
            moment = app.clock.now(festival.timezone)
            days = festival.days
            opening = opening_day(festival, moment)
            at = days.index(opening) if opening in days else 0
            for day in days[max(0, at - 1) : at + 2]:
                shown = festival.sessions_on(day)
                measure_rows(shown, app.size.width - 4, lambda _session: moment)
        finally:
            if paused:
                gc.enable()
        gc.freeze()
