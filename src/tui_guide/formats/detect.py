"""Which format a file is in, told from its content and never from its name."""

from __future__ import annotations

import re
from enum import StrEnum


class Format(StrEnum):
    TOML = "toml"
    XML = "schedule.xml"
    JSON = "schedule.json"


_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# UTF-16 without a byte order mark: every other byte is zero around the first character.
_UTF16 = re.compile(rb"^(?:\x00[<{]|[<{]\x00)")


def detect(data: bytes) -> Format:
    """XML when the first thing in the file is `<`, JSON when it is `{`, TOML otherwise.

    A TOML file can start with neither (a table starts with `[`, a key with a letter or a
    quote), so this never mistakes one of ours for a schedule.
    """
    head = data[:4096]
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    head = head.replace(b"\x00", b"") if _UTF16.match(head) or head[:1] == b"\x00" else head
    first = head.lstrip()[:1]
    if first == b"<":
        return Format.XML
    if first == b"{":
        return Format.JSON
    return Format.TOML
