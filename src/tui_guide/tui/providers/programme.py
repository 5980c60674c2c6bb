"""The command palette's search over everything in the programme.

Matching folds case and diacritics the Turkic way ("yaradici" finds "Yaradıcı", "ISTANBUL"
finds "İstanbul"), the same matcher as the lists and `tui-guide list --search`. Choosing a hit
posts what it asks for (`tui_guide.tui.messages`) to the App.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.message import Message

from tui_guide.programme.format import count, day_label, time_range
from tui_guide.programme.model import Session
from tui_guide.programme.people import person_key
from tui_guide.programme.search import Cancelled
from tui_guide.programme.text import fold, query_words
from tui_guide.tui.messages import OpenFestival, OpenPerson, OpenSession, OpenSessions, OpenVenue
from tui_guide.tui.widgets.plain import plain

if TYPE_CHECKING:
    from tui_guide.programme.search import HaystackIndex
    from tui_guide.tui.app import GuideApp


@dataclass(frozen=True)
class Entry:
    label: str
    what: str  # session, person, venue, country, tag, festival
    detail: str
    haystack: tuple[str, ...]
    ask: Callable[[], Message]  # makes the Message that opening the entry posts

    @cached_property
    def folded(self) -> tuple[str, ...]:
        return tuple(fold(h) for h in self.haystack)


def build_entries(app: GuideApp, cancelled: Callable[[], bool] | None = None) -> list[Entry]:
    """Every searchable thing in the loaded programme, with what opening it asks for; raises
    `Cancelled` as soon as `cancelled()` says so (looked at every thousand sessions)."""
    programme = app.programme
    entries: list[Entry] = []
    several = len(programme.festivals) > 1
    for festival in programme.festivals:
        if several:
            entries.append(
                Entry(
                    festival.name,
                    "festival",
                    festival.place,
                    (festival.name, festival.city, festival.country),
                    partial(OpenFestival, festival),
                )
            )
        for venue in festival.venues:
            entries.append(
                Entry(
                    venue.name,
                    "venue",
                    f"{count(len(festival.sessions_at(venue)), 'session')} · {festival.name}",
                    (venue.name, venue.city or "", venue.address or ""),
                    partial(OpenVenue, festival, venue),
                )
            )
        for number, session in enumerate(festival.sessions):
            if number % 1024 == 0 and cancelled is not None and cancelled():
                raise Cancelled
            place = session.venue.name if session.venue else "Venue TBA"
            entries.append(
                Entry(
                    session.title,
                    "session",
                    f"{day_label(session.date)} {time_range(session)} · {place}",
                    (session.title,),
                    partial(OpenSession, session),
                )
            )
    for person in app.people.values():
        entries.append(
            Entry(
                person.name,
                "person",
                count(person.session_count, "session"),
                person.spellings,
                partial(OpenPerson, person.key),
            )
        )
    grouped_by: tuple[tuple[str, Callable[[Session], Iterable[str]]], ...] = (
        ("country", lambda s: s.countries),
        ("tag", lambda s: s.tags),
    )
    for what, values in grouped_by:
        groups: dict[str, list[Session]] = {}
        names: dict[str, str] = {}
        for session in programme.sessions:
            for value in values(session):
                key = person_key(value)
                names.setdefault(key, value)
                groups.setdefault(key, []).append(session)
        for key, sessions in groups.items():
            entries.append(
                Entry(
                    names[key],
                    what,
                    count(len(sessions), "session"),
                    (names[key],),
                    partial(OpenSessions, f"{what.title()}: {names[key]}", sessions),
                )
            )
    return entries


FUZZY_BELOW = 10  # fuzzy matches are looked for only when exact ones are this few


def _help(detail: str) -> str:
    """`detail` (from a data file) as a hit's help text, shown literally. Textual 8.2 types
    `help` as `str`, but it renders it with `Content.from_markup`, which takes a Content as
    it is; a `str` would be read as markup (STYLE.md: "Untrusted text")."""
    return plain(detail)  # type: ignore[return-value]


class ProgrammeCommands(Provider):
    """Sessions, people, venues, countries, tags (and festivals) of every loaded festival."""

    _ready: tuple[list[Entry], HaystackIndex] | None
    _pending: asyncio.Future[tuple[list[Entry], HaystackIndex]]

    async def startup(self) -> None:
        indexes = cast("GuideApp", self.app).search_indexes
        if indexes.palette_ready:
            self._ready = indexes.palette()
        else:
            # Built in a thread: waits for the app's worker when it is building it, or builds
            # it when no worker has. Awaited by each search, shielded: a search is cancelled
            # by the next key, and the build must outlive it (Textual cancels a provider's
            # startup with the search that awaits it, and the palette then finds nothing).
            self._ready = None
            self._pending = asyncio.ensure_future(asyncio.to_thread(indexes.palette))

    async def _index(self) -> tuple[list[Entry], HaystackIndex]:
        if self._ready is None:
            self._ready = await asyncio.shield(self._pending)
        return self._ready

    def _open(self, entry: Entry) -> None:
        self.app.post_message(entry.ask())

    def _hit(self, entry: Entry, score: float) -> Hit:
        return Hit(
            score,
            self._hit_display(entry),
            partial(self._open, entry),
            text=entry.label,
            help=_help(entry.detail),
        )

    def _hit_display(self, entry: Entry) -> Content:
        return Content.assemble(plain(entry.label), (f"  {entry.what}", "dim"))

    async def search(self, query: str) -> Hits:
        words = query_words(query)
        if not words:
            return
        entries, index = await self._index()
        folded_query = " ".join(words)
        # The prebuilt index finds the entries holding every word (in any of their
        # haystacks) without a Python step per entry.
        found = index.matching(words)
        for position in found:
            entry = entries[position]
            starts = any(h.startswith(folded_query) for h in entry.folded)
            yield self._hit(entry, 1.0 if starts else 0.9)
        if len(found) >= FUZZY_BELOW or len(folded_query) < 3:
            return
        fuzzy = self.matcher(folded_query)
        exact = set(found)
        rest = (e for i, e in enumerate(entries) if i not in exact)
        for entry in rest:
            score = max(fuzzy.match(h) for h in entry.folded) * 0.8
            if score > 0:
                yield self._hit(entry, score)

    async def discover(self) -> Hits:
        entries, _ = await self._index()
        for entry in entries:
            if entry.what in ("festival", "venue"):
                yield DiscoveryHit(
                    self._hit_display(entry),
                    partial(self._open, entry),
                    text=entry.label,
                    help=_help(entry.detail),
                )
