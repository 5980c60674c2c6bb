"""Text helpers shared by every face of the guide: folding for search, and making untrusted
strings from data files safe to put on a terminal."""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode decomposition does not bring down to ASCII, but that a person typing
# on an ASCII keyboard writes as these: Turkic dotless/dotted i and schwa first.
_FOLD_FIRST = str.maketrans(
    {
        "İ": "i",
        "I": "i",
        "ı": "i",
        "Ə": "e",
        "ə": "e",
        "Ø": "o",
        "ø": "o",
        "Æ": "ae",
        "æ": "ae",
        "Œ": "oe",
        "œ": "oe",
        "Đ": "d",
        "đ": "d",
        "Ł": "l",
        "ł": "l",
        "ʼ": "'",
        "’": "'",
        "‘": "'",
    }
)


_FIRST = re.compile("[" + "".join(chr(code) for code in _FOLD_FIRST) + "]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_KEPT: dict[str, str] = {}  # a run of non-ASCII characters without its combining marks


def _first(match: re.Match[str]) -> str:
    return match.group().translate(_FOLD_FIRST)


def _without_marks(match: re.Match[str]) -> str:
    run = match.group()
    kept = _KEPT.get(run)
    if kept is None:
        kept = "".join(c for c in run if not unicodedata.combining(c))
        if len(_KEPT) < 65536:
            _KEPT[run] = kept
    return kept


def fold(text: str) -> str:
    """Lower-case `text` and drop diacritics, knowing Turkic letters.

    "Yaradıcı" -> "yaradici", "Güven" -> "guven", "İstanbul" -> "istanbul",
    "Azərbaycan" -> "azerbaycan".
    """
    if text.isascii():  # nothing to decompose, no Turkic letter: the common case, fast
        return text.casefold()
    # Compatibility forms (𝐀, ﬁ, ①) decompose first so case folding sees plain letters, and
    # case folding may yield decomposable letters again, hence the second pass. The regular
    # expressions find the few characters that need Python's attention at C speed: a
    # programme's text is millions of characters, and a Python step for each was most of
    # the cost of a search.
    text = unicodedata.normalize("NFKD", _FIRST.sub(_first, text))
    text = unicodedata.normalize("NFKD", _FIRST.sub(_first, text.casefold()))
    return text if text.isascii() else _NON_ASCII.sub(_without_marks, text)


HAYSTACK_BREAK = " \x00 "


def fold_all(*haystacks: str) -> str:
    """The haystacks folded into one searchable string (words never match across two).

    Folded in one call: every step of `fold` works character by character, and the break
    between haystacks (spaces and NUL, none of them combining) is left as it is."""
    return fold(HAYSTACK_BREAK.join(haystacks))


def query_words(query: str) -> tuple[str, ...]:
    return tuple(fold(query).split())


def matches_folded(words: tuple[str, ...], folded: str) -> bool:
    """`matches` for a query and haystack folded beforehand (for lists searched per key)."""
    return all(word in folded for word in words)


def matches(query: str, *haystacks: str) -> bool:
    """True when every word of `query` appears in one of the haystacks, folded."""
    words = query_words(query)
    return not words or matches_folded(words, fold_all(*haystacks))


# C0 and C1 control characters, DEL, the bidi overrides that can disguise text, and lone
# surrogates, which no terminal or UTF-8 file can hold (a schedule.json may escape one,
# "\ud800"; its reader makes it U+FFFD, and this holds should any other text carry one).
# Newline and tab are not among them: `printable` decides about those. Writers that must
# keep the text exact escape these instead (formats/listing.py, for JSON).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ESC shows as ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


LONGEST_LINE = 2_000
"""The most characters of a one-line text (a title, a name) shown whole on a screen or in
`list`; a longer one is cut, saying how much more the file holds. A terminal line is a few
hundred characters at most, and laying out a title of a million took seconds."""
LONGEST_TEXT = 100_000
"""The most characters of a text of several lines (a description) shown whole."""


def clipped(text: str, *, multiline: bool = False) -> str:
    """`text`, or its beginning and how many characters more, when it is longer than is
    shown whole (`LONGEST_LINE`, `LONGEST_TEXT`). For screens, never for files."""
    limit = LONGEST_TEXT if multiline else LONGEST_LINE
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit:,} characters more)"


def printable(text: str, *, multiline: bool = False, clip: bool = False) -> str:
    """Replace terminal control characters with visible stand-ins.

    Newlines and tabs survive only when `multiline` is true; otherwise they become spaces,
    so a title always stays on its line. With `clip`, text longer than is shown whole is
    cut first (`clipped`): for what goes on a screen, never for what goes in a file.
    """
    if clip:
        text = clipped(text, multiline=multiline)
    if not multiline:
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    else:
        text = text.replace("\r\n", "\n")
    return CONTROL.sub(_visible, text)


def brief(text: str, limit: int = 60) -> str:
    """An identifier (a guid, a UID) for a message: control characters made visible, and a
    long one shortened in the middle, where guids differ least ("8f3c…-4e2a-9b71")."""
    text = printable(text)
    if len(text) <= limit:
        return text
    keep = (limit - 1) // 2
    return f"{text[:keep]}…{text[len(text) - keep :]}"


def shown(value: object, limit: int = 60) -> str:
    """A value from a file quoted for an error message: control characters made visible and
    long values cut, so a message can never carry escape sequences to the terminal."""
    text = printable(str(value))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f'"{text}"'


def middle_cut(text: str, width: int) -> str:
    """`text` in at most `width` characters, cut in the middle with '…' when longer: both
    ends of a path, a web address or a guid stay (the folder it is in, the file's name).
    A cut falls after a '/' or before one when there is one near, so no name is split
    needlessly."""
    if len(text) <= width:
        return text
    if width < 3:
        return text[:width]
    room = width - 1
    # A file's whole name is worth more than the middle of its folders.
    name = text[text.rfind("/") :] if "/" in text else ""
    tail_size = max(room // 2, len(name)) if len(name) <= room * 2 // 3 else room // 2
    head, tail = text[: room - tail_size], text[len(text) - tail_size :]
    # Prefer whole parts: end the head just after a '/', start the tail at one, when
    # that gives up no more than a third of each side.
    slash = head.rfind("/")
    if slash >= len(head) * 2 // 3:
        head = head[: slash + 1]
    slash = tail.find("/")
    if 0 <= slash <= len(tail) // 3:
        tail = tail[slash:]
    return f"{head}…{tail}"
