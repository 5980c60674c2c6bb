"""The fast TOML reader: rtoml (Rust), when it is installed, for documents it reads as tomli
would; None otherwise, and tomli reads the document.

rtoml reads the guide's files in about a third of tomli 2.2.1's time (`benchmarks/
toml_readers.py`), to the same values (`tests/test_toml_fast.py` checks it against tomli on
generated documents and on every TOML file of the repository). What it refuses, tomli reads
again, so every message keeps tomli's words, line and column. Where it differs from tomli:

- It reads TOML 1.1, which the guide's files must not use (other readers of them refuse it):
  times without seconds (`14:00`), inline tables over several lines or ending in a comma, and
  the escapes `\\e` and `\\xHH`. `alike` looks for each in the text in a few passes of C
  (a string that only looks like one costs the slow path, never a wrong answer), and a
  document that may hold one is read by tomli.
- An offset date-time comes with rtoml's own tzinfo (the same offset): `alike` looks for
  them too, and tomli reads a document that may hold one (no field of the format takes one).
- It reads numbers of more than 4,300 digits, which tomli refuses: no field of the format
  takes a number, so such a document fails the quick check and tomli reads it again.
- It keeps a CRLF inside a multi-line string, where tomli gives a newline: a file with both
  is read by tomli. It also skips a byte order mark at the start (tomli refuses a second one
  after the one the guide takes off): such a text is read by tomli.
- The keys of a table defined after its sub-tables (`[a.b]`, then `[a]`) come in another
  order (the values are the same): nothing reads a table's keys in order.
- It refuses arrays nested more than about a hundred deep, which tomli reads (up to 1,000):
  those go to tomli. (toml-rs, as fast, crashes the process on arrays a few thousand deep,
  even after a syntax error: not used.)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_KEEP = frozenset(b"{}\"'\n#")
_DROP = bytes(b for b in range(256) if b not in _KEEP)
# With multi-line strings, the separators too, so that two strings' quotes never meet: in
# `["", "x"]` reduced without them, `""""` would open a multi-line string.
_DROP_SEPARATED = bytes(b for b in range(256) if b not in _KEEP | frozenset(b",=.[]"))
# Strings and comments, in a document reduced to the characters in _KEEP (escaped quotes and
# backslashes taken out first): multi-line strings (which may hold one or two quotes in a row,
# and end with up to two more), one-line strings, comments.
_QUOTED = re.compile(
    rb'"""(?:[^"]|"{1,2}(?!"))*"{3,5}'
    rb"|'''(?:[^']|'{1,2}(?!'))*'{3,5}"
    rb'|"[^"\n]*"'
    rb"|'[^'\n]*'"
    rb"|#[^\n]*"
)
_INLINE = re.compile(rb"\{[^{}\n]*\}")  # an inline table on one line (strings cut out)
_TRAILING_COMMA = re.compile(rb",\s*\}")
# Digits as 0; colons, signs, points and Z as themselves (z as Z); anything else a space.
_CLOCKS = bytes(
    48 if 48 <= b <= 57 else b if b in b":+-." else 90 if b in b"Zz" else 32 for b in range(256)
)
_AFTER = (b" ", b"+", b"-", b".", b"Z")  # what may follow 14:00 in TOML 1.1
_OFFSET = re.compile(rb":00(?:\.0+)?[Z+\-]")  # the end of an offset date-time, as 0s


def alike(data: bytes) -> bool:
    """Whether a document that rtoml read is one that tomli reads to the same values: one
    that uses nothing of TOML 1.1 that TOML 1.0 refuses, and holds no offset date-time (True
    only when that holds; False when in doubt). A few passes of C over the bytes."""
    escapes = b"\\" in data
    if escapes and (b"\\e" in data or b"\\x" in data):  # \e and \xHH (or text like them)
        return False
    # A time without seconds: two digits, a colon, two digits, with no colon, sign or digit
    # before them, and no colon or digit after, or an offset (14:00:00 and +05:30 are TOML
    # 1.0; 14:00, 14:00Z and 2025-12-07T14:00+04:00 are not). No document starts with one.
    clocks = data.translate(_CLOCKS)
    if clocks.endswith(b" 00:00") or any(b" 00:00" + end in clocks for end in _AFTER):
        return False
    if _OFFSET.search(clocks):  # rtoml gives it a tzinfo of its own (the same offset)
        return False
    if _TRAILING_COMMA.search(data):  # { a = 1, } (or text like it)
        return False
    # An inline table over several lines: with strings and comments cut out, each brace must
    # pair with one on its own line.
    reduced = data
    if escapes:  # an escaped backslash, then an escaped quote, are string content
        reduced = reduced.replace(b"\\\\", b"").replace(b'\\"', b"")
    multiline = b'"""' in data or b"'''" in data
    if multiline and b"\r" in data:  # rtoml keeps a CRLF in them, where tomli gives \n
        return False
    reduced = reduced.translate(None, _DROP_SEPARATED if multiline else _DROP)
    if not multiline:
        # Two quotes side by side are then an empty string, two strings' ends, or text in a
        # literal string or a comment: cutting them out moves no brace in or out of a string.
        reduced = reduced.replace(b'""', b"")
    bare = _QUOTED.sub(b"", reduced)
    while True:
        inner = _INLINE.sub(b"", bare)
        if inner == bare:
            break
        bare = inner
    return b"{" not in bare and b"}" not in bare


def _reader() -> Callable[[str], Any] | None:
    try:
        import rtoml
    except ImportError:  # not installed (it is optional for the guide): tomli reads alone
        return None
    loads: Callable[[str], Any] = rtoml.loads
    return loads


_LOADS = _reader()


def fast_loads(source: str, data: bytes) -> dict[str, Any] | None:
    """`source` (the text of `data`) read by rtoml, or None when it is not installed, refuses
    the document, or the document may use TOML 1.1 (then tomli reads it)."""
    if _LOADS is None or source.startswith("\ufeff"):  # a second BOM: rtoml skips it
        return None
    try:
        doc = _LOADS(source)
    except Exception:  # any refusal (RecursionError included): tomli says why, in its words
        return None
    if not isinstance(doc, dict) or not alike(data):
        return None
    return doc
