"""Finding the line of a table or key in TOML source.

The TOML parser (`tomli`, as `tomllib`) gives values but not positions, so semantic errors
would have no line. This scanner reads the source once and remembers where each `[table]`,
`[[array-table]]` and `key =` stands, and where each inline table of an array begins,
skipping strings and comments. It is a locator for messages, not a parser: when it cannot
tell, it answers None and the message goes out without a line.
"""

from __future__ import annotations

import re
from collections.abc import Collection

import tomli  # compiled, faster than tomllib: see pyproject.toml

_ARRAY_TABLE = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]")
_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*=""")


def _unquote(name: str) -> str:
    name = name.strip()
    if len(name) >= 2 and name[0] == name[-1] and name[0] in "\"'":
        if name[0] == '"' and "\\" in name:
            # A basic string with escapes: let the TOML parser read it.
            try:
                return next(iter(tomli.loads(f"{name} = 0")))
            except (tomli.TOMLDecodeError, StopIteration):
                return name[1:-1]
        return name[1:-1]
    return name


class LineIndex:
    """Where tables and keys stand in one TOML document (1-based line numbers)."""

    def __init__(self, source: str) -> None:
        self._tables: dict[tuple[str, int], int] = {}
        self._keys: dict[tuple[str, int, str], int] = {}
        self._items: dict[tuple[str, int, str], list[int]] = {}
        counts: dict[str, int] = {}
        table: tuple[str, int] = ("", 0)
        scan = _Scan()
        # TOML ends lines at "\n" only; str.splitlines would also split at form feeds,
        # U+2028 and friends (allowed in comments and strings) and shift every later line.
        for number, line in enumerate(source.split("\n"), start=1):
            start = 0
            if scan.in_string is None and scan.depth == 0:
                if match := _ARRAY_TABLE.match(line):
                    name = _unquote(match.group(1))
                    index = counts.get(name, 0)
                    counts[name] = index + 1
                    table = (name, index)
                    self._tables.setdefault(table, number)
                    start = match.end()
                elif match := _TABLE.match(line):
                    table = (_unquote(match.group(1)), 0)
                    self._tables.setdefault(table, number)
                    start = match.end()
                elif match := _KEY.match(line):
                    key = (*table, _unquote(match.group(1)))
                    self._keys.setdefault(key, number)
                    scan.items = self._items.setdefault(key, [])
                    start = match.end()
            scan.line(line, start, number)

    def table(self, name: str, index: int = 0) -> int | None:
        """The line of `[name]` (index 0) or of the index-th `[[name]]`."""
        return self._tables.get((name, index))

    def table_at(self, line: int, names: Collection[str]) -> tuple[str, int] | None:
        """The table named one of `names` (its name, and which of the `[[name]]` tables)
        that `line` is in: `[[sessions.people]]` is in its `[[sessions]]`."""
        found = [
            (start, table)
            for table, start in self._tables.items()
            if start <= line and table[0] in names
        ]
        return max(found)[1] if found else None

    def key(self, table: str, index: int, key: str) -> int | None:
        """The line of `key` inside a table, falling back to the table's own line."""
        found = self._keys.get((table, index, key))
        return found if found is not None else self.table(table, index)

    def item(self, table: str, index: int, key: str, number: int) -> int | None:
        """The line of the `number`-th (0-based) inline table `{ ... }` in the array that
        `key` holds, as in `people = [{ name = ... }, ...]`, falling back to the key's line."""
        items = self._items.get((table, index, key), [])
        return items[number] if number < len(items) else self.key(table, index, key)


class _Scan:
    """Reads a value across lines: multi-line strings, one-line strings, comments, and the
    depth of brackets, noting the line of each inline table directly inside an array."""

    def __init__(self) -> None:
        self.in_string: str | None = None  # '\"\"\"' or "'''" while inside one
        self.depth = 0  # brackets and braces open
        self.items: list[int] = []  # where the current key's inline tables go

    def line(self, text: str, i: int, number: int) -> None:
        end = len(text)
        while i < end:
            if self.in_string is not None:
                close = _closing(text, i, self.in_string)
                if close < 0:
                    return
                i, self.in_string = close, None
                continue
            char = text[i]
            if char == "#":
                return
            if text.startswith(('"""', "'''"), i):
                self.in_string = text[i : i + 3]
                i += 3
                continue
            if char in "\"'":
                i = _string_end(text, i)
            elif char in "[{":
                if char == "{" and self.depth == 1:
                    self.items.append(number)
                self.depth += 1
            elif char in "]}":
                self.depth = max(0, self.depth - 1)
            i += 1


def _closing(text: str, i: int, quote: str) -> int:
    """Where scanning resumes after the multi-line string closing at or after `i`, or -1."""
    while True:
        found = text.find(quote, i)
        if found < 0:
            return -1
        if quote == '"""' and _escaped(text, found):
            i = found + 1
            continue
        # Up to two more quotes may close it: '""""' ends with a quote inside the string.
        found += 3
        while found < len(text) and text[found] == quote[0] and found - i < 5:
            found += 1
        return found


def _escaped(text: str, i: int) -> bool:
    backslashes = 0
    while i > 0 and text[i - 1] == "\\":
        backslashes += 1
        i -= 1
    return backslashes % 2 == 1


def _string_end(text: str, i: int) -> int:
    """The index of the quote closing the one-line string opened at `i`."""
    quote = text[i]
    j = i + 1
    while j < len(text):
        if quote == '"' and text[j] == "\\":
            j += 2
            continue
        if text[j] == quote:
            return j
        j += 1
    return len(text)
