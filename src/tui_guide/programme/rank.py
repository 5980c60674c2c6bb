"""How well an item matches a query: one ranking for the command palette, `/` in the lists
and `tui-guide list --search`.

What matches: every word of the query, folded (`text.fold`, the Turkic way), appears in one
of an item's texts, exactly as `SessionFilter` has always matched. How well, best first
(`KEYS`): the whole text is the query, then the query as a phrase, then every word a whole
word, in the fields that count most (titles and people, `haystacks.TITLE`) before venues,
tracks and festivals (`PLACE`) before tags, countries and kinds (`LABEL`); then words that
begin a word, then words inside a word, each again by field; a match found only in a
description comes after all of those, and a fuzzy match (the query's letters in order in a
title or a name, looked for only when few items match at all) comes last (`FUZZY`). An item
is as good as its worst query word, or as its phrase when that is better. Ties go to the
item given first: callers give items soonest first (`soonest_first`).

`rank` is the reference: it ranks one item by scanning its texts. `search.RankedIndex`
answers the same from an index.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from functools import lru_cache

from tui_guide.programme.haystacks import DESCRIPTION, LABEL, PLACE, TITLE, Fields
from tui_guide.programme.model import Session
from tui_guide.programme.text import fold

BREAK = "\x00"  # what fold_all puts between haystacks (with spaces round it)
_NOWHERE = datetime.max.replace(tzinfo=UTC)

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
RANK = {key: position for position, key in enumerate(KEYS)}
FUZZY = len(KEYS)  # the rank of a fuzzy match, after every other


def soonest_first(sessions: Iterable[Session]) -> list[Session]:
    """Sessions by start, those without one last, each in the order given: the order in which
    equally good matches are shown."""
    return sorted(sessions, key=lambda s: s.starts_at or _NOWHERE)


@lru_cache(maxsize=256)
def bounded(word: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """`word` as a whole word, and at the start of a word."""
    escaped = re.escape(word)
    return re.compile(rf"(?<!\w){escaped}(?!\w)"), re.compile(rf"(?<!\w){escaped}")


@lru_cache(maxsize=256)
def phrase_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """The words one after another, whole, with any white space between them."""
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)")


def _tier(word: str, text: str) -> int | None:
    """How the folded `text` holds the folded query `word`: WORD, PREFIX, INSIDE or None."""
    if word not in text:
        return None
    whole, start = bounded(word)
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
            found = RANK[(EXACT, weight)]
        elif len(words) > 1 and phrase_pattern(tuple(words)).search(text):
            found = RANK[(PHRASE, weight)]
        else:
            continue
        best = found if best is None else min(best, found)
    worst = -1
    for word in words:
        if word == BREAK:  # fold_all's break: an item of several texts has it
            held = RANK[(INSIDE, DESCRIPTION)] if len(fields) > 1 else None
        else:
            tiers = ((_tier(word, text), weight) for weight, text in folded)
            ranks = [RANK[(tier, weight)] for tier, weight in tiers if tier is not None]
            held = min(ranks) if ranks else None
        if held is None:
            return None
        worst = max(worst, held)
    return worst if best is None else min(best, worst)
