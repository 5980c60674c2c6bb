"""Search that puts the right thing first: one ranking for the command palette, `/` in the
lists and `tui-guide list --search`, and prebuilt indexes that answer it quickly.

What matches: every word of the query, folded (`text.fold`, the Turkic way), appears in one
of an item's texts, exactly as `SessionFilter` has always matched. How well, best first
(`KEYS`): the whole text is the query, then the query as a phrase, then every word a whole
word, in the fields that count most (titles and people, `haystacks.TITLE`) before venues,
tracks and festivals (`PLACE`) before tags, countries and kinds (`LABEL`); then words that
begin a word, then words inside a word, each again by field; a match found only in a
description comes after all of those, and a fuzzy match (the query's letters in order in a
title or a name, looked for only when few items match at all) comes last. An item is as good
as its worst query word, or as its phrase when that is better. Ties go to the item given
first: callers give items soonest first (`soonest_first`).

`rank` is the reference: it ranks one item by scanning its texts. `RankedIndex` answers the
same from an index, and gives only the best few with the count of all (`RankedIndex.best`),
so that the palette never sorts every match of a common word.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from itertools import islice

from tui_guide.programme.haystacks import (
    DESCRIPTION,
    LABEL,
    PLACE,
    TITLE,
    WEIGHTS,
    Fields,
    session_fields,
)
from tui_guide.programme.model import Session
from tui_guide.programme.text import fold, query_words

_BREAK = "\x00"  # what fold_all puts between haystacks (with spaces round it)
_CHECK_EVERY = 1024  # items between two looks at `cancelled` while an index is built

# How a text holds the query, best first.
EXACT, PHRASE, WORD, PREFIX, INSIDE = range(5)


def _keys() -> tuple[tuple[int, int], ...]:
    order: list[tuple[int, int]] = []
    for weight in (TITLE, PLACE, LABEL):
        order += [(EXACT, weight), (PHRASE, weight), (WORD, weight)]
    for tier in (PREFIX, INSIDE):
        order += [(tier, weight) for weight in (TITLE, PLACE, LABEL)]
    order += [(tier, DESCRIPTION) for tier in (EXACT, PHRASE, WORD, PREFIX, INSIDE)]
    return tuple(order)


KEYS = _keys()  # (tier, weight) pairs; an item's rank is its position here
_RANK = {key: position for position, key in enumerate(KEYS)}
FUZZY = len(KEYS)  # the rank of a fuzzy match, after every other
FUZZY_BELOW = 10  # fuzzy matches are looked for only when other matches are this few
FUZZY_FROM = 3  # letters a query needs before fuzzy matches are looked for
FUZZY_WIDTH = 2  # a fuzzy match spans at most this many characters for each letter typed

_WORD = re.compile(r"\w+")
_NONE: frozenset[int] = frozenset()
_NOWHERE = datetime.max.replace(tzinfo=UTC)


class Cancelled(Exception):
    """An index build given up because its `cancelled` said so (the guide is closing)."""


def soonest_first(sessions: Iterable[Session]) -> list[Session]:
    """Sessions by start, those without one last, each in the order given: the order in which
    equally good matches are shown."""
    return sorted(sessions, key=lambda s: s.starts_at or _NOWHERE)


@lru_cache(maxsize=256)
def _bounded(word: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """`word` as a whole word, and at the start of a word."""
    escaped = re.escape(word)
    return re.compile(rf"(?<!\w){escaped}(?!\w)"), re.compile(rf"(?<!\w){escaped}")


@lru_cache(maxsize=256)
def _phrase(words: tuple[str, ...]) -> re.Pattern[str]:
    """The words one after another, whole, with any white space between them."""
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)")


def _tier(word: str, text: str) -> int | None:
    """How the folded `text` holds the folded query `word`: WORD, PREFIX, INSIDE or None."""
    if word not in text:
        return None
    whole, start = _bounded(word)
    if whole.search(text):
        return WORD
    return PREFIX if start.search(text) else INSIDE


def _normal(text: str) -> str:
    return " ".join(text.split())


def rank(words: Sequence[str], fields: Fields) -> int | None:
    """The rank of an item with `fields` for the folded query `words` (a position in `KEYS`,
    lower is better), or None when some word is in none of its texts. No fuzzy matching:
    that is the index's, for the few items it looks at."""
    if not words:
        return None
    folded = [(weight, fold(text)) for weight, text in fields]
    phrase = " ".join(words)
    best: int | None = None
    for weight, text in folded:
        if _normal(text) == phrase:
            found = _RANK[(EXACT, weight)]
        elif len(words) > 1 and _phrase(tuple(words)).search(text):
            found = _RANK[(PHRASE, weight)]
        else:
            continue
        best = found if best is None else min(best, found)
    worst = -1
    for word in words:
        if word == _BREAK:  # fold_all's break: an item of several texts has it
            held = _RANK[(INSIDE, DESCRIPTION)] if len(fields) > 1 else None
        else:
            tiers = ((_tier(word, text), weight) for weight, text in folded)
            ranks = [_RANK[(tier, weight)] for tier, weight in tiers if tier is not None]
            held = min(ranks) if ranks else None
        if held is None:
            return None
        worst = max(worst, held)
    return worst if best is None else min(best, worst)


class _Texts:
    """The texts of one weight: each distinct one folded once, the items holding each, and
    the words written in them (split at white space, for matching; and into words of
    letters and digits, for whole words and prefixes)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.folded: list[str] = []
        self.items_of: list[list[int]] = []

    def add(self, text: str, folded: str, item: int) -> None:
        hay = self.ids.get(text)
        if hay is None:
            self.ids[text] = len(self.folded)
            self.folded.append(folded)
            self.items_of.append([item])
        elif self.items_of[hay][-1] != item:
            self.items_of[hay].append(item)

    def finish(self) -> None:
        del self.ids
        spans: dict[str, list[int]] = {}  # written words, split at white space
        words: dict[str, list[int]] = {}  # words of letters and digits
        exact: dict[str, list[int]] = {}  # whole texts, white space made single spaces
        for hay, text in enumerate(self.folded):
            parts = text.split()
            for part in set(parts):
                spans.setdefault(part, []).append(hay)
            for word in set(_WORD.findall(text)):
                words.setdefault(word, []).append(hay)
            exact.setdefault(" ".join(parts), []).append(hay)
        self.spans = spans
        self.vocabulary = list(spans)
        self.words = words
        self.sorted_words = sorted(words)
        self.exact = exact

    def items(self, hays: Iterable[int]) -> set[int]:
        return set().union(*map(self.items_of.__getitem__, hays))

    def containing(self, word: str) -> list[int]:
        """The texts that hold `word`."""
        lists = [self.spans[w] for w in self.vocabulary if word in w]
        if sum(map(len, lists)) > len(self.folded):  # so common a scan is quicker
            return [hay for hay, text in enumerate(self.folded) if word in text]
        return [hay for found in lists for hay in found]

    def starting(self, word: str, hays: list[int]) -> tuple[list[int], list[int]]:
        """Of `hays` (those holding `word`), those holding it as a whole word, and those
        holding it at the start of a word."""
        if _WORD.fullmatch(word):
            sorted_words = self.sorted_words
            low = bisect_left(sorted_words, word)
            high = bisect_left(sorted_words, word + "\U0010ffff", low)
            index = self.words
            return index.get(word, []), [h for w in sorted_words[low:high] for h in index[w]]
        whole, start = _bounded(word)
        folded = self.folded
        return (
            [h for h in hays if whole.search(folded[h])],
            [h for h in hays if start.search(folded[h])],
        )


@dataclass(frozen=True)
class Found:
    """The best items for a query, best first, each with its rank, and every item matching
    (the fuzzy ones are not among them)."""

    best: list[tuple[int, int]]  # (item, rank)
    matching: set[int]


class RankedIndex:
    """Items, each with weighted texts (`Fields`), searchable best first. Items given first
    win ties; `matching` gives the items holding every query word in the order given."""

    def __init__(
        self, items: Iterable[Fields], *, cancelled: Callable[[], bool] | None = None
    ) -> None:
        self._texts = {weight: _Texts() for weight in WEIGHTS}
        folds: dict[str, str] = {}
        count = 0
        for item, fields in enumerate(items):
            count += 1
            if cancelled is not None and item % _CHECK_EVERY == 0 and cancelled():
                raise Cancelled
            for weight, text in fields:
                folded = folds.get(text)
                if folded is None:
                    folded = folds[text] = fold(text)
                self._texts[weight].add(text, folded, item)
        for texts in self._texts.values():
            texts.finish()
        self._count = count
        titles = self._texts[TITLE]
        # Titles and names one a line, for fuzzy matching by one regular expression.
        self._lines = "\n".join(text.replace("\n", " ") for text in titles.folded)
        starts, at = [], 0
        for text in titles.folded:
            starts.append(at)
            at += len(text) + 1
        self._line_starts = starts

    def __len__(self) -> int:
        return self._count

    def _word(self, word: str) -> tuple[dict[int, set[int]], set[int], dict[int, list[int]]]:
        """For one folded query word: the items holding it at each rank (an item at a rank
        is in every later rank's set of its weight), every item holding it, and the texts
        holding it by weight."""
        every: set[int] = set()
        if word == _BREAK:
            every.update(range(self._count))
            return {_RANK[(INSIDE, DESCRIPTION)]: every}, every, {}
        at: dict[int, set[int]] = {}
        hays_by_weight: dict[int, list[int]] = {}
        for weight, texts in self._texts.items():
            hays = texts.containing(word)
            if not hays:
                continue
            hays_by_weight[weight] = hays
            whole, start = texts.starting(word, hays)
            held = texts.items(hays)
            at[_RANK[(WORD, weight)]] = texts.items(whole)
            at[_RANK[(PREFIX, weight)]] = texts.items(start)
            at[_RANK[(INSIDE, weight)]] = held
            every |= held
        return at, every, hays_by_weight

    def _phrases(
        self, words: tuple[str, ...], hays_by_weight: dict[int, list[int]]
    ) -> dict[int, set[int]]:
        """The items whose text is the query (EXACT) or holds it as a phrase (PHRASE), by
        rank; `hays_by_weight` are the texts holding one of the words."""
        phrase = " ".join(words)
        at: dict[int, set[int]] = {}
        for weight, texts in self._texts.items():
            exact = texts.exact.get(phrase)
            if exact:
                at[_RANK[(EXACT, weight)]] = texts.items(exact)
            if len(words) > 1 and weight in hays_by_weight:
                pattern, folded = _phrase(words), texts.folded
                hays = [h for h in hays_by_weight[weight] if pattern.search(folded[h])]
                if hays:
                    at[_RANK[(PHRASE, weight)]] = texts.items(hays)
        return at

    def _levels(
        self, words: Sequence[str]
    ) -> tuple[set[int], Iterable[tuple[int, set[int]]]] | None:
        """The items matching every word, and a lazy walk through the ranks, best first,
        giving the items first found at each (each item once)."""
        unique = tuple(dict.fromkeys(words))
        if not unique:
            return None
        per_word = []
        for word in sorted(unique, key=len, reverse=True):  # the longest likely the rarest
            found = self._word(word)
            if not found[1]:
                return set(), ()
            per_word.append(found)
        matching = set.intersection(*(every for _, every, _ in per_word))
        phrases = self._phrases(tuple(words), per_word[0][2]) if matching else {}

        def walk() -> Iterable[tuple[int, set[int]]]:
            seen: set[int] = set()
            so_far: list[set[int]] = [set() for _ in per_word]
            for position in range(len(KEYS)):
                for held, (at, _, _) in zip(so_far, per_word, strict=True):
                    held |= at.get(position, _NONE)
                level = set.intersection(*so_far) if len(so_far) > 1 else set(so_far[0])
                level |= phrases.get(position, set()) & matching
                level -= seen
                if level:
                    seen |= level
                    yield position, level
                if len(seen) == len(matching):
                    return

        return matching, walk()

    def best(self, query: str, limit: int) -> Found:
        """At most `limit` items best first, and the count of every item matching, without
        ranking them all; fuzzy matches when few items match (not counted)."""
        words = query_words(query)
        levels = self._levels(words)
        if levels is None:
            return Found([], set())
        matching, walk = levels
        best: list[tuple[int, int]] = []
        for position, level in walk:
            need = limit - len(best)
            if need <= 0:
                break
            best += [(item, position) for item in _smallest(level, need, self._count)]
        if len(matching) < FUZZY_BELOW and len(best) < limit:
            fuzzy = self._fuzzy("".join(words), matching, limit - len(best))
            best += [(item, FUZZY) for item in fuzzy]
        return Found(best, matching)

    def ranked(self, query: str) -> list[int]:
        """Every item matching `query`, best first (no fuzzy matches)."""
        levels = self._levels(query_words(query))
        if levels is None:
            return list(range(self._count))
        return [item for _, level in levels[1] for item in sorted(level)]

    def matching(self, words: Sequence[str]) -> set[int]:
        """The items holding every one of the (folded) `words`; every item for no words."""
        levels = self._levels(words)
        return set(range(self._count)) if levels is None else levels[0]

    def _fuzzy(self, letters: str, exclude: set[int], limit: int) -> list[int]:
        """Items whose title or name holds `letters` in order from the start of a word, close
        together (`FUZZY_WIDTH`), the tightest first."""
        if len(letters) < FUZZY_FROM:
            return []
        between = "[^\n]*?"
        pattern = re.compile(r"(?<!\w)" + between.join(map(re.escape, letters)))
        widest = FUZZY_WIDTH * len(letters)
        titles = self._texts[TITLE]
        starts = self._line_starts
        spans: dict[int, int] = {}
        for match in pattern.finditer(self._lines):
            width = match.end() - match.start()
            if width > widest:  # letters strewn across a title ("quit" in "Acting tec…")
                continue
            hay = bisect_left(starts, match.start() + 1) - 1
            for item in titles.items_of[hay]:
                if item not in exclude:
                    spans[item] = min(width, spans.get(item, width))
        return sorted(spans, key=lambda item: (spans[item], item))[:limit]


def _smallest(items: set[int], count: int, size: int) -> list[int]:
    """The `count` smallest of `items` (all below `size`), without sorting a big set."""
    if len(items) * 8 > size:  # dense: the smallest come soon counting up
        return list(islice((i for i in range(size) if i in items), count))
    return sorted(items)[:count]


class SearchIndex:
    """Sessions searchable best first, and by `SessionFilter` (as its `query.Matcher`)."""

    def __init__(
        self,
        sessions: Iterable[Session],
        *,
        festivals: Mapping[str, tuple[str, ...]] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        """`festivals` gives each festival id the texts that find its sessions
        (`haystacks.festival_texts`)."""
        texts = festivals or {}
        self.sessions: tuple[Session, ...] = tuple(soonest_first(sessions))
        self._index = RankedIndex(
            (session_fields(s, texts.get(s.festival_id, ())) for s in self.sessions),
            cancelled=cancelled,
        )
        # Each session object by identity: a filter asks about the very sessions indexed.
        self._position = {id(s): i for i, s in enumerate(self.sessions)}
        # A list screen asks once per group (every venue) with the same words.
        self.found = lru_cache(maxsize=16)(self._found)

    def __len__(self) -> int:
        return len(self.sessions)

    def matching(self, query: str) -> list[Session]:
        """The sessions matching every word of `query` (all of them for an empty query), in
        time order (`Session.sort_key`), as `SessionFilter` keeps them."""
        found = self._index.matching(query_words(query))
        return sorted((self.sessions[i] for i in found), key=Session.sort_key)

    def ranked(self, query: str) -> list[Session]:
        """The sessions matching every word of `query`, best first."""
        return [self.sessions[i] for i in self._index.ranked(query)]

    def order(self, query: str) -> dict[int, int]:
        """Each matching session's place in the ranking, by the session's identity."""
        return {id(self.sessions[i]): at for at, i in enumerate(self._index.ranked(query))}

    def best(self, query: str, limit: int) -> tuple[list[Session], int]:
        """The best `limit` sessions (fuzzy ones too, when few match) and how many match."""
        found = self._index.best(query, limit)
        return [self.sessions[i] for i, _ in found.best], len(found.matching)

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


def best_first(
    sessions: Iterable[Session],
    query: str,
    festival: tuple[str, ...] = (),
    index: SearchIndex | None = None,
) -> list[Session]:
    """`sessions` (all matching `query`) best first, ties soonest first: through `index`
    when it holds them all, else ranked one by one (`rank`); `festival` is the texts of
    their festival (`haystacks.festival_texts`)."""
    sessions = soonest_first(sessions)
    words = query_words(query)
    if not words:
        return sessions
    if index is not None:
        order = index.order(query)
        if all(id(s) in order for s in sessions):
            return sorted(sessions, key=lambda s: order[id(s)])
    ranks = {id(s): rank(words, session_fields(s, festival)) for s in sessions}
    return sorted(sessions, key=lambda s: FUZZY if (r := ranks[id(s)]) is None else r)
