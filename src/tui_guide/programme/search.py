"""Prebuilt search indexes: texts folded once and joined into one string, so that a query is
a few `str.find` calls at C speed instead of a Python loop over every session.

`SearchIndex` matches sessions exactly as `SessionFilter` does: every word of the query,
folded, appears in the session's haystacks (`session_haystacks`); results come in
`Session.sort_key` order. `TextIndex` is the same over any folded texts (the command
palette's entries).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from .model import Session
from .query import session_haystacks
from .text import fold_all, query_words

_BETWEEN = "\x01"  # between two texts: taken out of the texts, so no match spans two


class TextIndex:
    """Folded texts joined into one string; `matching` gives the indexes holding every word."""

    def __init__(self, folded: Iterable[str]) -> None:
        self._texts = [text.replace(_BETWEEN, " ") for text in folded]
        self._starts: list[int] = []
        position = 0
        for text in self._texts:
            self._starts.append(position)
            position += len(text) + 1
        self._corpus = _BETWEEN.join(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def _containing(self, word: str) -> list[int]:
        """The indexes of the texts that hold `word`, in order."""
        found: list[int] = []
        starts, find = self._starts, self._corpus.find
        last = len(starts) - 1
        position = find(word)
        while position != -1:
            index = bisect_right(starts, position) - 1
            found.append(index)
            if index == last:
                break
            position = find(word, starts[index + 1])  # on to the next text
        return found

    def matching(self, words: Sequence[str]) -> list[int]:
        """The indexes of the texts holding every one of the (folded) `words`, in order."""
        ordered = sorted(set(words), key=len, reverse=True)
        if not ordered:
            return list(range(len(self._texts)))
        if any(_BETWEEN in word for word in ordered):
            return []  # no text holds it: it was taken out above
        first, rest = ordered[0], ordered[1:]  # the longest word is likely the rarest
        texts = self._texts
        return [i for i in self._containing(first) if all(word in texts[i] for word in rest)]


class SearchIndex:
    """Every session's folded haystacks, in sort order."""

    def __init__(self, sessions: Iterable[Session]) -> None:
        self.sessions: tuple[Session, ...] = tuple(sorted(sessions, key=Session.sort_key))
        self._index = TextIndex(fold_all(*session_haystacks(s)) for s in self.sessions)

    def __len__(self) -> int:
        return len(self.sessions)

    def matching(self, query: str) -> list[Session]:
        """The sessions matching every word of `query` (all of them for an empty query)."""
        return [self.sessions[i] for i in self._index.matching(query_words(query))]
