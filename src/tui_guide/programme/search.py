"""Prebuilt search indexes that answer the ranking of `rank` quickly: every distinct text
folded once, and for each word written in them the texts that hold it, so that a query
looks through a vocabulary and a few sets instead of through every session's text.

`RankedIndex` gives only the best few with every item matching (`RankedIndex.best`), so
that the palette never sorts every match of a common word; `SearchIndex` is that over
sessions, and answers `SessionFilter` too (as its `query.Matcher`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, chain, islice

from tui_guide.programme.haystacks import (
    DESCRIPTION,
    TITLE,
    WEIGHTS,
    Fields,
    session_fields,
)
from tui_guide.programme.model import Session
from tui_guide.programme.rank import (
    BREAK,
    EXACT,
    FUZZY,
    INSIDE,
    KEYS,
    PHRASE,
    PREFIX,
    RANK,
    WORD,
    bounded,
    phrase_pattern,
    rank,
    soonest_first,
)
from tui_guide.programme.text import fold, query_words

_CHECK_EVERY = 1024  # items between two looks at `cancelled` while an index is built

CROWD = 256  # items holding a text, from which they are also kept as a set
RECENT = 32  # query words whose places are kept for the next queries
DIRECT_BELOW = 400  # items matching, below which each is ranked from its texts
FUZZY_BELOW = 10  # fuzzy matches are looked for only when other matches are this few
FUZZY_FROM = 3  # letters a query needs before fuzzy matches are looked for
FUZZY_WIDTH = 2  # a fuzzy match spans at most this many characters for each letter typed

_WORD = re.compile(r"\w+")
_NONE: frozenset[int] = frozenset()
_NO_PHRASES = {weight: set[int]() for weight in WEIGHTS}  # a query of one word has none


class Cancelled(Exception):
    """An index build given up because its `cancelled` said so (the guide is closing)."""


Finished = tuple[
    dict[str, list[int]],  # each written word (split at white space): the texts holding it
    dict[str, list[int]],  # each word of letters and digits: the texts holding it
    dict[str, list[int]],  # each whole text, its white space single spaces: those texts
    dict[int, str],  # those texts, by id, where they differ from the text folded
]
"""What `_Texts.finish` finds in the texts of one weight, kept with a saved index."""


class _Texts:
    """The texts of one weight: each distinct one folded once, the items holding each, and
    the words written in them (split at white space, for matching; and into words of
    letters and digits, for whole words and prefixes)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.folded: list[str] = []
        self.items_of: list[list[int]] = []
        self.crowds: dict[int, frozenset[int]] = {}  # see RankedIndex.__init__
        self.crowded: set[int] = set()

    def add(self, text: str, folded: str, item: int) -> int:
        """Note that `item` holds `text`; its id among these texts."""
        hay = self.ids.get(text)
        if hay is None:
            hay = self.ids[text] = len(self.folded)
            self.folded.append(folded)
            self.items_of.append([item])
        elif self.items_of[hay][-1] != item:
            self.items_of[hay].append(item)
        return hay

    def finish(self, found: Finished | None = None) -> None:
        """The words of the texts, found in them (or `found` before, as `finished` gave)."""
        del self.ids
        if found is None:
            found = self._words()
        spans, words, exact, self.normal = found
        self.spans = spans
        self.vocabulary = list(spans)
        self.written = "\n".join(self.vocabulary)  # no written word holds a line break
        self.written_starts = list(
            accumulate((len(w) + 1 for w in self.vocabulary[:-1]), initial=0)
        )
        self.words = words
        self.sorted_words = sorted(words)
        self.exact = exact

    def _words(self) -> Finished:
        spans: dict[str, list[int]] = {}  # written words, split at white space
        words: dict[str, list[int]] = {}  # words of letters and digits
        exact: dict[str, list[int]] = {}  # whole texts, white space made single spaces
        normal_of: dict[int, str] = {}  # those texts, where they differ
        for hay, text in enumerate(self.folded):
            parts = text.split()
            if (normal := " ".join(parts)) != text:
                normal_of[hay] = normal
            for part in set(parts):
                spans.setdefault(part, []).append(hay)
            for word in set(_WORD.findall(text)):
                words.setdefault(word, []).append(hay)
            exact.setdefault(normal, []).append(hay)
        return spans, words, exact, normal_of

    @property
    def finished(self) -> Finished:
        return self.spans, self.words, self.exact, self.normal

    def items(self, hays: Iterable[int]) -> set[int]:
        return set().union(*map(self.items_of.__getitem__, hays))

    def find(self, word: str) -> tuple[set[int], set[int], set[int]]:
        """The texts that hold `word` as a whole word, at the start of a word, and at all."""
        spans = self.spans
        tokens: list[str] = []
        if self.written.count(word) * 2 > len(self.folded):  # so common a scan is quicker
            hays = {hay for hay, text in enumerate(self.folded) if word in text}
        else:
            # The written words holding it, found in all of them one a line, at C's speed.
            written, begins, vocabulary = self.written, self.written_starts, self.vocabulary
            at = written.find(word)
            while at >= 0:
                token = bisect_right(begins, at) - 1
                tokens.append(vocabulary[token])
                after = begins[token + 1] if token + 1 < len(begins) else len(written)
                at = written.find(word, after)
            hays = set().union(*map(spans.__getitem__, tokens))
        if not hays:
            return set(), set(), set()
        if _WORD.fullmatch(word):  # whole words and their beginnings, from the word list
            sorted_words = self.sorted_words
            low = bisect_left(sorted_words, word)
            high = bisect_left(sorted_words, word + "\U0010ffff", low)
            index = self.words
            starts = set().union(*map(index.__getitem__, sorted_words[low:high]))
            return set(index.get(word, ())), starts, hays
        # A word with other characters ("co-pro", "c++"): each written word that holds it,
        # or when it is so common, each text, is looked at.
        whole, start = bounded(word)
        if tokens:
            return (
                set().union(*(spans[w] for w in tokens if whole.search(w))),
                set().union(*(spans[w] for w in tokens if start.search(w))),
                hays,
            )
        folded = self.folded
        return (
            {h for h in hays if whole.search(folded[h])},
            {h for h in hays if start.search(folded[h])},
            hays,
        )


@dataclass(frozen=True)
class _Word:
    """One folded query word: by weight, the texts holding it as a whole word, at the start
    of a word, and anywhere; and every item holding it."""

    whole: dict[int, set[int]]
    start: dict[int, set[int]]
    inside: dict[int, set[int]]
    every: set[int]
    _ranks: dict[int, dict[int, int]] = field(default_factory=dict)

    def ranks(self) -> dict[int, dict[int, int]]:
        """By weight, each text holding the word with its rank (made when first asked for)."""
        if not self._ranks:
            for weight in WEIGHTS:
                found = dict.fromkeys(self.inside.get(weight, ()), RANK[(INSIDE, weight)])
                found.update(dict.fromkeys(self.start.get(weight, ()), RANK[(PREFIX, weight)]))
                found.update(dict.fromkeys(self.whole.get(weight, ()), RANK[(WORD, weight)]))
                self._ranks[weight] = found
        return self._ranks


@dataclass(frozen=True)
class _Query:
    words: tuple[str, ...]  # folded, as typed
    found: list[_Word]  # each distinct word's, the longest first
    matching: set[int]  # the items holding every word
    exact: dict[int, set[int]]  # by weight, the texts that are the query
    phrases: dict[int, set[int]]  # by weight, the texts holding it as a phrase, once asked


@dataclass(frozen=True)
class IndexState:
    """A built `RankedIndex` as plain values: how many items; for each weight (in `WEIGHTS`'s
    order) its distinct texts folded and the items holding each, in the order the build
    met them; each item's weights and text ids; and the words found in each weight's texts
    (`Finished`)."""

    count: int
    texts: tuple[tuple[list[str], list[list[int]]], ...]
    fields: list[tuple[int, ...]]  # each item's weights and text ids, one after the other
    words: tuple[Finished, ...]  # for each weight, the words found in its texts


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
        self,
        items: Iterable[Fields],
        *,
        cancelled: Callable[[], bool] | None = None,
        state: IndexState | None = None,
    ) -> None:
        """The index of `items`, or (with `state`, and no items) the index whose `state()`
        that is, as building it gave it; a state that does not hold together raises
        ValueError."""
        self._texts = {weight: _Texts() for weight in WEIGHTS}
        if state is not None:
            self._restore(state)
            return
        folds: dict[str, str] = {}
        count = 0
        # Each item's texts, a weight and a text's id after another (flat: the cache keeps it).
        self._fields: list[tuple[int, ...]] = []
        for item, fields in enumerate(items):
            count += 1
            if cancelled is not None and item % _CHECK_EVERY == 0 and cancelled():
                raise Cancelled
            held: list[int] = []
            for weight, text in fields:
                folded = folds.get(text)
                if folded is None:
                    folded = folds[text] = fold(text)
                held += (weight, self._texts[weight].add(text, folded, item))
            self._fields.append(tuple(held))
        self._finish(count)

    def _finish(self, count: int, found: tuple[Finished, ...] | None = None) -> None:
        crowd = max(CROWD, count // 32)
        for at, texts in enumerate(self._texts.values()):
            texts.finish(None if found is None else found[at])
            # Texts that many items hold (a festival's name, a kind): their items kept as a
            # set too, so that a common word's items are united set by set.
            texts.crowds = {
                hay: frozenset(items)
                for hay, items in enumerate(texts.items_of)
                if len(items) >= crowd
            }
            texts.crowded = set(texts.crowds)
        self._count = count
        self._recent: OrderedDict[str, _Word] = OrderedDict()  # words asked for lately
        titles = self._texts[TITLE]
        # Titles and names one a line, for fuzzy matching by one regular expression.
        self._lines = "\n".join(text.replace("\n", " ") for text in titles.folded)
        starts, at = [], 0
        for text in titles.folded:
            starts.append(at)
            at += len(text) + 1
        self._line_starts = starts

    def state(self) -> IndexState:
        """What the build made, from which `RankedIndex((), state=…)` is this index again
        without folding or walking any item's texts (the cache keeps it)."""
        return IndexState(
            self._count,
            tuple((self._texts[w].folded, self._texts[w].items_of) for w in WEIGHTS),
            self._fields,
            tuple(self._texts[w].finished for w in WEIGHTS),
        )

    def _restore(self, state: IndexState) -> None:
        count = state.count
        if len(state.texts) != len(WEIGHTS) or len(state.fields) != count or count < 0:
            raise ValueError("an index of another shape")
        sizes = {}
        for weight, (folded, items_of) in zip(WEIGHTS, state.texts, strict=True):
            if len(folded) != len(items_of) or not all(items_of):
                raise ValueError("an index's texts without their items")
            if (
                max(map(max, items_of), default=-1) >= count
                or min(map(min, items_of), default=0) < 0
            ):
                raise ValueError("an index's item out of range")
            texts = self._texts[weight]
            texts.folded, texts.items_of = folded, items_of
            sizes[weight] = len(folded)
        # Each weight one of the weights (ranking looks them up); a text's id past the texts
        # would only rank an item as holding no text, but is refused too.
        fields = state.fields
        if not set(chain.from_iterable(held[::2] for held in fields)) <= set(WEIGHTS):
            raise ValueError("an index's text of no weight")
        if any(len(held) % 2 for held in fields):
            raise ValueError("an index's texts without their weights")
        hays = list(chain.from_iterable(held[1::2] for held in fields))
        if hays and (min(hays) < 0 or max(hays) >= max(sizes.values())):
            raise ValueError("an index's text out of range")
        if len(state.words) != len(WEIGHTS):
            raise ValueError("an index of another shape")
        for weight, (spans, words, exact, normal) in zip(WEIGHTS, state.words, strict=True):
            size = sizes[weight]
            for held in (spans, words, exact):
                lists = held.values()
                if not all(lists) or max(map(max, lists), default=-1) >= size:
                    raise ValueError("an index's word in no text")
                if min(map(min, lists), default=0) < 0:
                    raise ValueError("an index's word in no text")
            # Written words one a line (`_Texts.find`): none may hold a line break.
            if "\n" in "".join(spans) or not all(0 <= h < size for h in normal):
                raise ValueError("an index's words out of shape")
        self._fields = fields
        self._finish(count, state.words)

    def __len__(self) -> int:
        return self._count

    def _word(self, word: str) -> _Word:
        """Where one folded query word is, and every item holding it: kept for the next
        queries, which the palette asks at every key ("night", "night c", "night ch")."""
        found = self._recent.get(word)
        if found is None:
            found = self._recent[word] = self._find(word)
            if len(self._recent) > RECENT:
                self._recent.popitem(last=False)
        else:
            self._recent.move_to_end(word)
        return found

    def _find(self, word: str) -> _Word:
        found = _Word({}, {}, {}, set())
        if word == BREAK:  # fold_all's break: an item of several texts has it
            found.every.update(i for i, f in enumerate(self._fields) if len(f) > 2)
            found.inside[DESCRIPTION] = set(range(len(self._texts[DESCRIPTION].folded)))
            return found
        every = found.every
        crowded: list[frozenset[int]] = []
        for weight, texts in self._texts.items():
            whole, start, hays = texts.find(word)
            if hays:
                found.whole[weight], found.start[weight], found.inside[weight] = whole, start, hays
                crowded += map(texts.crowds.__getitem__, hays & texts.crowded)
        every.update(*crowded)
        if len(every) < self._count:  # else every item is in already: none to add
            for weight, hays in found.inside.items():
                texts = self._texts[weight]
                every.update(*map(texts.items_of.__getitem__, hays - texts.crowded))
        return found

    def _query(self, query: str) -> _Query | None:
        """What `_walk` and `_direct` need to rank the items matching `query`."""
        every = query_words(query)
        words = tuple(dict.fromkeys(every))
        if not words:
            return None
        found = []
        for word in sorted(words, key=len, reverse=True):  # the longest likely the rarest
            held = self._word(word)
            if not held.every:
                return _Query(every, [], set(), {}, _NO_PHRASES)
            found.append(held)
        matching = set.intersection(*(w.every for w in found))
        phrase = " ".join(every)
        exact: dict[int, set[int]] = {}
        for weight, texts in self._texts.items() if matching else ():
            if hays := texts.exact.get(phrase):
                exact[weight] = set(hays)
        return _Query(every, found, matching, exact, {} if len(every) > 1 else _NO_PHRASES)

    def _phrases(self, query: _Query, weight: int) -> set[int]:
        """The texts of `weight` holding the query as a phrase (made when first asked for)."""
        if weight not in query.phrases:
            found: set[int] = set()
            if all(weight in w.inside for w in query.found):
                texts = self._texts[weight]
                phrase = " ".join(query.words)
                pattern = phrase_pattern(query.words)
                both = set.intersection(*(w.inside[weight] for w in query.found))
                for hay in both:
                    text = texts.normal.get(hay) or texts.folded[hay]
                    if phrase in text and pattern.search(text):
                        found.add(hay)
            query.phrases[weight] = found
        return query.phrases[weight]

    def _walk(self, query: _Query) -> Iterable[tuple[int, set[int]]]:
        """The items matching, rank by rank, best first, each item once: the items at a rank
        made only when the walk gets there."""
        if not query.matching:
            return
        seen: set[int] = set()
        so_far: list[set[int]] = [set() for _ in query.found]
        for position, (tier, weight) in enumerate(KEYS):
            items_of = self._texts[weight].items_of
            if tier in (EXACT, PHRASE):
                hays = query.exact.get(weight) if tier == EXACT else self._phrases(query, weight)
                if not hays:
                    continue
                level = set().union(*map(items_of.__getitem__, hays)) & query.matching
            else:
                texts = self._texts[weight]
                for held, word in zip(so_far, query.found, strict=True):
                    where = {WORD: word.whole, PREFIX: word.start}.get(tier, word.inside)
                    if hays := where.get(weight):
                        crowded = hays & texts.crowded
                        held.update(*map(texts.crowds.__getitem__, crowded))
                        held.update(*map(items_of.__getitem__, hays - crowded))
                level = set.intersection(*so_far) if len(so_far) > 1 else set(so_far[0])
            level -= seen
            if level:
                seen |= level
                yield position, level
                if len(seen) == len(query.matching):
                    return

    def _direct(self, query: _Query, item: int) -> int:
        """The rank of one matching item, from the texts it holds."""
        flat = self._fields[item]
        fields = list(zip(flat[::2], flat[1::2], strict=True))
        worst = 0
        for word in query.found:
            ranks = word.ranks()
            worst = max(worst, min(ranks[weight].get(hay, FUZZY) for weight, hay in fields))
        for weight, hay in fields:
            if hay in query.exact.get(weight, _NONE):
                worst = min(worst, RANK[(EXACT, weight)])
            elif RANK[(PHRASE, weight)] < worst and hay in self._phrases(query, weight):
                worst = RANK[(PHRASE, weight)]
        return worst

    def best(self, query: str, limit: int, fuzzy: bool = True) -> Found:
        """At most `limit` items best first, and every item matching, without ranking them
        all; unless not `fuzzy`, fuzzy matches when few items match (not among those
        matching)."""
        asked = self._query(query)
        if asked is None:
            return Found([], set())
        matching = asked.matching
        best: list[tuple[int, int]] = []
        if len(matching) <= DIRECT_BELOW:
            ranks = {item: self._direct(asked, item) for item in matching}
            best = sorted(ranks.items(), key=lambda pair: (pair[1], pair[0]))[:limit]
        else:
            for position, level in self._walk(asked):
                best += [
                    (item, position) for item in _smallest(level, limit - len(best), self._count)
                ]
                if len(best) >= limit:
                    break
        if fuzzy and len(matching) < FUZZY_BELOW and len(best) < limit:
            best += [(item, FUZZY) for item in self.fuzzy(query, matching, limit - len(best))]
        return Found(best, matching)

    def ranked(self, query: str) -> list[int]:
        """Every item matching `query`, best first (no fuzzy matches)."""
        asked = self._query(query)
        if asked is None:
            return list(range(self._count))
        return [item for _, level in self._walk(asked) for item in sorted(level)]

    def matching(self, words: Sequence[str]) -> set[int]:
        """The items holding every one of the (folded) `words`; every item for no words."""
        asked = self._query(" ".join(words))
        return set(range(self._count)) if asked is None else asked.matching

    def fuzzy(self, query: str, exclude: set[int], limit: int) -> list[int]:
        """Items (not in `exclude`) whose title or name holds the letters of `query` in order
        from the start of a word, close together (`FUZZY_WIDTH`), the tightest first."""
        letters = "".join(query_words(query))
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
        self.index = RankedIndex(
            (session_fields(s, texts.get(s.festival_id, ())) for s in self.sessions),
            cancelled=cancelled,
        )
        self._ready()

    def _ready(self) -> None:
        # Each session object by identity: a filter asks about the very sessions indexed.
        self._position = {id(s): i for i, s in enumerate(self.sessions)}
        # A list screen asks once per group (every venue) with the same words.
        self.found = lru_cache(maxsize=16)(self._found)

    def saved(self, sessions: Sequence[Session]) -> tuple[list[int], IndexState]:
        """What `restored(sessions, …)` makes this index again from: where each of its
        sessions is in `sessions` (those it was built from, in the order given), and the
        built index's state."""
        place = {id(s): i for i, s in enumerate(sessions)}
        return [place[id(s)] for s in self.sessions], self.index.state()

    @classmethod
    def restored(
        cls, sessions: Sequence[Session], order: Sequence[int], state: IndexState
    ) -> SearchIndex:
        """The index `SearchIndex(sessions, festivals=…)` built, from what its `saved(sessions)`
        gave (the same sessions, in the same order): nothing folded, no session's texts
        walked. ValueError when they do not hold together."""
        if len(order) != len(sessions) or sorted(order) != list(range(len(sessions))):
            raise ValueError("an index's order that is not one of its sessions")
        if state.count != len(sessions):
            raise ValueError("an index of other sessions")
        found = cls.__new__(cls)
        found.sessions = tuple(sessions[i] for i in order)
        found.index = RankedIndex((), state=state)
        found._ready()
        return found

    def __len__(self) -> int:
        return len(self.sessions)

    def matching(self, query: str) -> list[Session]:
        """The sessions matching every word of `query` (all of them for an empty query), in
        time order (`Session.sort_key`), as `SessionFilter` keeps them."""
        found = self.index.matching(query_words(query))
        # In index order before the sort: sessions with no time tie, and keep the order given.
        return sorted((self.sessions[i] for i in sorted(found)), key=Session.sort_key)

    def ranked(self, query: str) -> list[Session]:
        """The sessions matching every word of `query`, best first."""
        return [self.sessions[i] for i in self.index.ranked(query)]

    def order(self, query: str) -> dict[int, int]:
        """Each matching session's place in the ranking, by the session's identity."""
        return {id(self.sessions[i]): at for at, i in enumerate(self.index.ranked(query))}

    def best(self, query: str, limit: int) -> tuple[list[Session], int]:
        """The best `limit` sessions (fuzzy ones too, when few match) and how many match."""
        found = self.index.best(query, limit)
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
        return frozenset(self.index.matching(words))


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
