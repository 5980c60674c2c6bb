"""Reading a file whole, within limits, for everything the guide reads.

Every file the guide reads comes through here (programmes, the cache, favourites files): a
path that is not a regular file (a named pipe would wait for a writer forever, `/dev/zero`
never ends) is refused before a byte is read, and so is a file larger than the limit given,
which is also read no further than that limit, should it grow while it is read. JSON is
decoded here too, with the checks every JSON file needs: nesting too deep, a number longer
than Python reads, and lone surrogates (which no UTF-8 text, terminal or database can hold).

The limits are documented in docs/data-format.md ("Limits").
"""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path
from typing import Any

MAX_PROGRAMME_BYTES = 100 * 1024 * 1024
"""The largest programme file: twice the 50,000-session benchmark (49 MB), a hundred times
37C3's schedule.xml (0.85 MB)."""

MAX_FAVOURITES_BYTES = 16 * 1024 * 1024
"""The largest favourites file (an export, or the first release's favourites.json)."""

MAX_DEPTH = 100
"""How deep elements may nest in a schedule.xml (a real one nests 6 deep; HTML in a
description is text, not elements)."""


class ReadError(Exception):
    """A file that cannot be read: the message says why and what to do (without the path,
    which the caller names)."""


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB" if size >= 1024 * 1024 else f"{size:,} bytes"


def read_limited(path: Path, limit: int = MAX_PROGRAMME_BYTES) -> bytes:
    """The bytes of the regular file at `path`, or ReadError: not a regular file, larger
    than `limit`, or an OSError (no such file, no permission)."""
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer; it is refused below.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise ReadError(f"cannot read: {error.strerror or error}") from None
    try:
        with os.fdopen(descriptor, "rb") as stream:
            mode = os.fstat(stream.fileno())
            if not stat.S_ISREG(mode.st_mode):
                raise ReadError(f"is {kind_of(mode.st_mode)}, not a file; give a file")
            if mode.st_size > limit:
                raise ReadError(
                    f"is {mode.st_size:,} bytes, larger than the {megabytes(limit)} "
                    "the guide reads; split it"
                )
            data = stream.read(limit + 1)
    except OSError as error:
        raise ReadError(f"cannot read: {error.strerror or error}") from None
    if len(data) > limit:  # it grew while it was read
        raise ReadError(f"is larger than the {megabytes(limit)} the guide reads; split it")
    return data


def is_regular(path: Path) -> bool:
    """Whether `path` is a regular file (following links), without opening it."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except (OSError, ValueError):
        return False


_LONG_NUMBER = re.compile(rb"\d{%d,}" % 1000)


def long_number(data: bytes) -> tuple[int, int] | None:
    """The line and the digits of the first number in `data` longer than Python converts
    (`sys.get_int_max_str_digits`), or None."""
    most = sys.get_int_max_str_digits() or 0
    if not most:
        return None
    for match in _LONG_NUMBER.finditer(data):
        if match.end() - match.start() > most:
            return data.count(b"\n", 0, match.start()) + 1, match.end() - match.start()
    return None


def number_problem(data: bytes) -> tuple[int | None, str]:
    """The line, and the message, for a file holding a number too long to read."""
    found = long_number(data)
    line, digits = found if found is not None else (None, 0)
    size = f"of {digits:,} digits " if digits else ""
    most = sys.get_int_max_str_digits()
    return line, f"a number {size}is longer than the {most:,} digits the guide reads; remove it"


_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
# A surrogate written out in UTF-8 bytes (ED A0..BF xx), which no UTF-8 text may hold but
# json.loads reads from bytes (it decodes them with "surrogatepass").
_SURROGATE_BYTES = re.compile(rb"\xed[\xa0-\xbf]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def whole(value: Any) -> Any:
    """`value` with each lone surrogate in its texts (a JSON escape such as "\\ud800" with
    no partner) made U+FFFD. Nested as deep as the JSON decoder allowed."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [whole(v) for v in value]
    if isinstance(value, dict):
        return {whole(k): whole(v) for k, v in value.items()}
    return value


class JsonError(ReadError):
    """Not JSON that can be read: `line` and `column` where that is known."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.line, self.column = line, column


def loads_json(data: bytes, *, strict: bool = True, what: str = "JSON") -> Any:
    """The JSON document in `data` (UTF-8, or UTF-16 or -32 as JSON allows; a byte order
    mark too), or JsonError; `what` names the kind of file in a syntax error's message.

    A lone surrogate (an escape, or written out in bytes) is read as U+FFFD; nesting deeper
    than Python's recursion allows, and a number longer than it converts, are errors that
    say so."""
    import json  # only for a JSON file: the guide's start reads none

    try:
        doc = json.loads(data, strict=strict)
    except json.JSONDecodeError as error:
        message = error.msg.removesuffix(" at").removesuffix(" starting")
        raise JsonError(f"not {what}: {message}", error.lineno, error.colno) from None
    except UnicodeDecodeError as error:
        raise JsonError(f"not UTF-8 text: {error.reason}") from None
    except RecursionError:
        raise JsonError(f"not {what}: nested too deeply") from None
    except ValueError:  # a number of more than 4,300 digits
        line, message = number_problem(data)
        raise JsonError(message, line) from None
    # A pair of escapes is one character; only a lone one stays, or one written out in bytes
    # (UTF-16 and -32 are read the same way, and looked through whatever they hold).
    utf8 = json.detect_encoding(data) in ("utf-8", "utf-8-sig")
    if not utf8 or _SURROGATE_BYTES.search(data) or _SURROGATE_ESCAPE.search(data):
        try:
            doc = whole(doc)
        except RecursionError:  # pragma: no cover - deeper than the decoder allowed
            raise JsonError(f"not {what}: nested too deeply") from None
    return doc
