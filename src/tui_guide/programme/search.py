"""Prebuilt search indexes: every distinct text folded once, and for each word written in
them the texts that hold it, so that a query looks through a vocabulary and a few lists
instead of through every session's text.

`SearchIndex` matches sessions exactly as `SessionFilter` does: every word of the query,
folded, appears in the session's haystacks (`session_haystacks`); results come in
`Session.sort_key` order. `HaystackIndex` is the same over any items that have haystacks
(the command palette's entries).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from tui_guide.programme.haystacks import session_haystacks
from tui_guide.programme.model import Session
from tui_guide.programme.text import fold, query_words

_BREAK = "\x00"  # what fold_all puts between haystacks (with spaces round it)
_CHECK_EVERY = 1024  # items between two looks at `cancelled` while an index is built


class Cancelled(Exception):
    """An index build given up because its `cancelled` said so (the guide is closing)."""


class HaystackIndex:
    """Items, each a sequence of texts (its haystacks); `matching` gives, in order, the
    items holding every query word, each word in one of their haystacks.

    A query word has no whitespace, so it lies inside one written word of a haystack: the
    words containing it are found in the vocabulary, then their haystacks, then the items.
    A query word so common that this costs more than a scan (a letter or two, typed first)
    is looked for haystack by haystack instead. Haystacks repeat (a show performed twenty
    times has one description): each distinct one is folded and split once."""

    def __init__(
        self, items: Iterable[Sequence[str]], *, cancelled: Callable[[], bool] | None = None
    ) -> None:
        ids: dict[str, int] = {}
        self._folded: list[str] = []  # each distinct haystack, folded
        self._items_of: list[list[int]] = []  # the items of each haystack
        self._count = 0
        for item, haystacks in enumerate(items):
            self._count += 1
            if cancelled is not None and item % _CHECK_EVERY == 0 and cancelled():
                raise Cancelled
            for haystack in set(haystacks):
                hay = ids.get(haystack)
                if hay is None:
                    hay = ids[haystack] = len(self._folded)
                    self._folded.append(fold(haystack))
                    self._items_of.append([item])
                else:
                    self._items_of[hay].append(item)
        words: dict[str, list[int]] = {}
        for hay, text in enumerate(self._folded):
            for word in set(text.split()):
                words.setdefault(word, []).append(hay)
        self._haystacks_of = words
        self._vocabulary = list(words)

    def __len__(self) -> int:
        return self._count

    def _containing(self, word: str) -> set[int]:
        """The items with a haystack that holds `word`."""
        if word == _BREAK:  # fold_all's break between haystacks: every item has several
            return set(range(self._count))
        lists = [self._haystacks_of[w] for w in self._vocabulary if word in w]
        if sum(len(found) for found in lists) > len(self._folded):
            hays = (h for h, text in enumerate(self._folded) if word in text)
        else:
            hays = (h for found in lists for h in found)
        items_of = self._items_of
        return set().union(*[items_of[hay] for hay in hays])

    def matching(self, words: Sequence[str]) -> list[int]:
        """The indexes of the items holding every one of the (folded) `words`, in order."""
        ordered = sorted(set(words), key=len, reverse=True)  # the longest likely the rarest
        if not ordered:
            return list(range(self._count))
        found = self._containing(ordered[0])
        for word in ordered[1:]:
            if not found:
                break
            found &= self._containing(word)
        return sorted(found)


class SearchIndex:
    """Sessions in sort order, searchable through a `HaystackIndex` of their haystacks."""

    def __init__(
        self, sessions: Iterable[Session], *, cancelled: Callable[[], bool] | None = None
    ) -> None:
        self.sessions: tuple[Session, ...] = tuple(sorted(sessions, key=Session.sort_key))
        self._index = HaystackIndex(
            (session_haystacks(s) for s in self.sessions), cancelled=cancelled
        )
        # Each session object by identity: a filter asks about the very sessions indexed.
        self._position = {id(s): i for i, s in enumerate(self.sessions)}
        # A list screen asks once per group (every venue) with the same words.
        self.found = lru_cache(maxsize=16)(self._found)

    def __len__(self) -> int:
        return len(self.sessions)

    def matching(self, query: str) -> list[Session]:
        """The sessions matching every word of `query` (all of them for an empty query)."""
        return [self.sessions[i] for i in self._index.matching(query_words(query))]

    def position(self, session: Session) -> int | None:
        """Where `session` (this very object) is in `sessions`; None when it is not indexed."""
        found = self._position.get(id(session))
        return found if found is not None and self.sessions[found] is session else None

    def holds(self, session: Session, words: tuple[str, ...]) -> bool | None:
        """Whether `session` matches every one of the folded `words` (a `query.Matcher`);
        None when it is not indexed."""
        at = self.position(session)
        return None if at is None else at in self.found(words)

    def _found(self, words: tuple[str, ...]) -> frozenset[int]:
        """The positions of the sessions matching every one of the (folded) `words`."""
        return frozenset(self._index.matching(words))
