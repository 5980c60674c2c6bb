"""Finding the line of a table or key in TOML source.

`tomllib` gives values but not positions, so semantic errors would have no line. This scanner
reads the source once and remembers where each `[table]`, `[[array-table]]` and `key =` stands,
skipping the insides of multi-line strings. It is a locator for messages, not a parser: when it
cannot tell, it answers None and the message goes out without a line.
"""

from __future__ import annotations

import re
import tomllib

_ARRAY_TABLE = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]")
_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*=""")


def _unquote(name: str) -> str:
    name = name.strip()
    if len(name) >= 2 and name[0] == name[-1] and name[0] in "\"'":
        if name[0] == '"' and "\\" in name:
            # A basic string with escapes: let the TOML parser read it.
            try:
                return next(iter(tomllib.loads(f"{name} = 0")))
            except (tomllib.TOMLDecodeError, StopIteration):
                return name[1:-1]
        return name[1:-1]
    return name


class LineIndex:
    """Where tables and keys stand in one TOML document (1-based line numbers)."""

    def __init__(self, source: str) -> None:
        self._tables: dict[tuple[str, int], int] = {}
        self._keys: dict[tuple[str, int, str], int] = {}
        counts: dict[str, int] = {}
        table: tuple[str, int] = ("", 0)
        in_string: str | None = None
        # TOML ends lines at "\n" only; str.splitlines would also split at form feeds,
        # U+2028 and friends (allowed in comments and strings) and shift every later line.
        for number, line in enumerate(source.split("\n"), start=1):
            if in_string is not None:
                if line.count(in_string) % 2 == 1:
                    in_string = None
                continue
            if match := _ARRAY_TABLE.match(line):
                name = _unquote(match.group(1))
                index = counts.get(name, 0)
                counts[name] = index + 1
                table = (name, index)
                self._tables.setdefault(table, number)
            elif match := _TABLE.match(line):
                table = (_unquote(match.group(1)), 0)
                self._tables.setdefault(table, number)
            elif match := _KEY.match(line):
                self._keys.setdefault((*table, _unquote(match.group(1))), number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_string = quote
                    break

    def table(self, name: str, index: int = 0) -> int | None:
        """The line of `[name]` (index 0) or of the index-th `[[name]]`."""
        return self._tables.get((name, index))

    def key(self, table: str, index: int, key: str) -> int | None:
        """The line of `key` inside a table, falling back to the table's own line."""
        found = self._keys.get((table, index, key))
        return found if found is not None else self.table(table, index)
