"""The command palette's search over everything in the programme.

Matching folds case and diacritics the Turkic way ("yaradici" finds "Yaradıcı", "ISTANBUL"
finds "İstanbul"), the same matcher as the lists and `tui-guide list --search`. Choosing a hit
posts what it asks for (`tui_guide.tui.messages`) to the App.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, cast
from zoneinfo import ZoneInfo

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.message import Message

from tui_guide.i18n import N_, _, ngettext
from tui_guide.programme.format import day_label, time_range, venue_label
from tui_guide.programme.haystacks import (
    LABEL,
    PLACE,
    TITLE,
    Fields,
    festival_texts,
    session_fields,
)
from tui_guide.programme.hiding import Hidden
from tui_guide.programme.model import Session, Venue
from tui_guide.programme.people import person_key
from tui_guide.programme.rank import FUZZY, soonest_first
from tui_guide.programme.search import FUZZY_BELOW, Cancelled, RankedIndex, SearchIndex
from tui_guide.programme.text import query_words
from tui_guide.tui.messages import OpenFestival, OpenPerson, OpenSession, OpenSessions, OpenVenue
from tui_guide.tui.widgets.plain import plain

if TYPE_CHECKING:
    from tui_guide.tui.app import GuideApp


@dataclass(frozen=True)
class Entry:
    label: str
    what: str  # session, person, venue, country, tag, festival
    detail: str
    fields: Fields  # what finds it, each text with its weight (`haystacks`)
    ask: Callable[[], Message]  # makes the Message that opening the entry posts
    venue: Venue | None = None  # the venue an entry is, which hiding it leaves out

    @property
    def haystack(self) -> tuple[str, ...]:
        return tuple(text for _, text in self.fields)


def build_entries(
    app: GuideApp, cancelled: Callable[[], bool] | None = None, sessions: bool = True
) -> list[Entry]:
    """Every searchable thing in the loaded programme, with what opening it asks for; raises
    `Cancelled` as soon as `cancelled()` says so (looked at every thousand sessions).

    Festivals, venues, people, countries and tags, then (unless not `sessions`: the palette
    finds those through the index of sessions) every session soonest first: the order in
    which equally good matches are shown (a person before their sessions)."""
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
                    ((TITLE, festival.name), (PLACE, festival.city), (LABEL, festival.country)),
                    partial(OpenFestival, festival),
                )
            )
        for venue in festival.venues:
            entries.append(
                Entry(
                    venue.name,
                    "venue",
                    ngettext("{n} session", "{n} sessions", len(festival.sessions_at(venue)))
                    + f" · {festival.name}",
                    ((TITLE, venue.name), (PLACE, venue.city or ""), (LABEL, venue.address or "")),
                    partial(OpenVenue, festival, venue),
                    venue,
                )
            )
    for person in app.people.values():
        entries.append(
            Entry(
                person.name,
                "person",
                ngettext("{n} session", "{n} sessions", person.session_count),
                tuple((TITLE, spelling) for spelling in person.spellings),
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
        for key, grouped in groups.items():
            entries.append(
                Entry(
                    names[key],
                    what,
                    ngettext("{n} session", "{n} sessions", len(grouped)),
                    ((TITLE, names[key]),),
                    partial(OpenSessions, _(_HEADINGS[what]).format(name=names[key]), grouped),
                )
            )
    if not sessions:
        return entries
    texts = {f.id: festival_texts(f.name, f.city) for f in programme.festivals}
    for number, session in enumerate(soonest_first(programme.sessions)):
        if number % 1024 == 0 and cancelled is not None and cancelled():
            raise Cancelled
        entries.append(session_entry(session, texts.get(session.festival_id, ())))
    return entries


_WHAT = {
    "festival": N_("festival"),
    "venue": N_("venue"),
    "person": N_("person"),
    "country": N_("country"),
    "tag": N_("tag"),
    "session": N_("session"),
    "search": N_("search"),
}
"""What each hit is, as the palette says it beside the hit (in the guide's language)."""

_HEADINGS = {"country": N_("Country: {name}"), "tag": N_("Tag: {name}")}
"""The heading of the sessions of a country or a tag, opened from the palette."""


def session_entry(session: Session, festival: tuple[str, ...] = (), *, over: bool = False) -> Entry:
    """A session as the palette shows it; `festival` is its festival's texts that find it;
    `over`, it is over, so what it lacks is "not given"."""
    place = venue_label(session, over=over)
    return Entry(
        session.title,
        "session",
        f"{day_label(session.date, over=over)} {time_range(session, over=over)} · {place}",
        session_fields(session, festival),
        partial(OpenSession, session),
    )


LIMIT = 40  # hits shown at most: the best, never every match of a common word


def score(rank: int, place: int) -> float:
    """A hit's score for the palette, which sorts every provider's hits by it: from 1.0 for
    the best rank down to 0.5, a fuzzy match 0.25, lowered a little by its `place` in our
    answer so that equal ranks keep their order (soonest first)."""
    band = 0.25 if rank >= FUZZY else 1.0 - rank / (2 * FUZZY)
    return band - place * 1e-6


def _help(detail: str) -> str:
    """`detail` (from a data file) as a hit's help text, shown literally. Textual 8.2 types
    `help` as `str`, but it renders it with `Content.from_markup`, which takes a Content as
    it is; a `str` would be read as markup (STYLE.md: "Untrusted text")."""
    return plain(detail)  # type: ignore[return-value]


class Palette:
    """The palette's answers: the entries other than sessions (`build_entries`) in an index
    of their own, and the sessions through the index of sessions that `/` uses too; each
    answer merged from both, best first, ties to the other entries (a person before their
    sessions)."""

    def __init__(
        self,
        entries: list[Entry],
        sessions: SearchIndex,
        cancelled: Callable[[], bool] | None = None,
        now: Callable[[ZoneInfo], datetime] | None = None,
        hidden: Callable[[], Hidden | None] | None = None,
    ) -> None:
        self.now = now  # the clock, to say "not given" rather than "TBA" for what is over
        self.hidden = hidden or (lambda: None)  # what the visitor hides now (None: nothing)
        self.entries = entries
        self.index = RankedIndex((e.fields for e in entries), cancelled=cancelled)
        self.sessions = sessions

    def search(
        self, query: str, limit: int = LIMIT, hidden: Hidden | None = None
    ) -> tuple[list[tuple[Entry, int]], int]:
        """The best `limit` entries with their ranks, best first, and how many sessions
        match (the whole list is not made); what `hidden` (else what the guide hides now)
        hides, sessions and venues, is left out of both."""
        if hidden is None:
            hidden = self.hidden()
        hiding = hidden is not None and len(hidden) > 0
        others = self.index.best(query, limit, fuzzy=False)
        sessions = self.sessions.index.best(query, limit, fuzzy=False)
        out: set[tuple[int, int]] = set()
        if hiding:
            assert hidden is not None
            out = {(0, i) for i in others.matching if self._hides(hidden, 0, i)}
            out |= {(1, i) for i in sessions.matching if self._hides(hidden, 1, i)}
            if out:  # ranked further down, so that `limit` are still shown when there are
                others = self.index.best(query, limit + len(out), fuzzy=False)
                sessions = self.sessions.index.best(query, limit + len(out), fuzzy=False)
        merged = sorted(
            [(rank, 0, item) for item, rank in others.best if (0, item) not in out]
            + [(rank, 1, item) for item, rank in sessions.best if (1, item) not in out]
        )[:limit]
        if len(others.matching) + len(sessions.matching) < FUZZY_BELOW and len(merged) < limit:
            for source, found in ((0, others), (1, sessions)):
                index = self.index if source == 0 else self.sessions.index
                fuzzy = index.fuzzy(query, found.matching, limit - len(merged) + len(out))
                kept = [
                    item for item in fuzzy if not (hiding and self._hides(hidden, source, item))
                ]
                merged += [(FUZZY, source, item) for item in kept[: limit - len(merged)]]
        matching = len(sessions.matching) - sum(1 for source, _ in out if source == 1)
        return [(self._entry(source, item), rank) for rank, source, item in merged], matching

    def _hides(self, hidden: Hidden | None, source: int, item: int) -> bool:
        if hidden is None:
            return False
        if source == 1:
            return hidden.hides(self.sessions.sessions[item])
        venue = self.entries[item].venue
        return venue is not None and venue.key in hidden.venues

    def _entry(self, source: int, item: int) -> Entry:
        if source == 0:
            return self.entries[item]
        session = self.sessions.sessions[item]
        over = self.now is not None and session.is_past(self.now(session.timezone))
        return session_entry(session, over=over)

    def all_sessions(self, query: str, hidden: Hidden | None = None) -> list[Session]:
        """Every session matching `query` (but those `hidden` hides)."""
        found = self.sessions.matching(query)
        if hidden is None or not len(hidden):
            return found
        return [session for session in found if not hidden.hides(session)]


class ProgrammeCommands(Provider):
    """Sessions, people, venues, countries, tags (and festivals) of every loaded festival."""

    _ready: Palette | None
    _pending: asyncio.Future[Palette]

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

    async def _index(self) -> Palette:
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
        what = _WHAT.get(entry.what)
        return Content.assemble(plain(entry.label), (f"  {_(what) if what else entry.what}", "dim"))

    async def search(self, query: str) -> Hits:
        if not query_words(query):
            return
        palette = await self._index()
        hidden = palette.hidden()
        best, sessions = palette.search(query, hidden=hidden)
        shown = 0
        for place, (entry, rank) in enumerate(best):
            yield self._hit(entry, score(rank, place))
            shown += entry.what == "session"
        if sessions > 1:
            # The count, and the way to every matching session, after the exact matches.
            exact = [rank for _, rank in best if rank < FUZZY]
            after = score(max(exact, default=FUZZY - 1), len(best))
            text = " ".join(query.split())
            everything = Entry(
                ngettext(
                    "All {n} session matching “{text}”",
                    "All {n} sessions matching “{text}”",
                    sessions,
                ).format(text=text),
                "search",
                (
                    ngettext("{n} shown here", "{n} shown here", shown)
                    if shown < sessions
                    else _("as a list by day")
                ),
                (),
                lambda: OpenSessions(
                    _("Search: {text}").format(text=text), palette.all_sessions(text, hidden)
                ),
            )
            yield self._hit(everything, after)

    async def discover(self) -> Hits:
        palette = await self._index()
        hidden = palette.hidden() or Hidden()
        for entry in palette.entries:
            if entry.venue is not None and entry.venue.key in hidden.venues:
                continue
            if entry.what in ("festival", "venue"):
                yield DiscoveryHit(
                    self._hit_display(entry),
                    partial(self._open, entry),
                    text=entry.label,
                    help=_help(entry.detail),
                )
