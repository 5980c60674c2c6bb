"""A list row with a bold title, an optional dim line under it, and a note on the right."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from .plain import plain_text


def titled_row(title: str, detail: str, right: str) -> Table:
    """`title` and `detail` may come from data files: they are shown as plain text."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(ratio=1)
    grid.add_column(no_wrap=True, justify="right")
    body = plain_text(title, style="bold")
    if detail:
        body.append("\n")
        body.append_text(plain_text(detail, style="dim"))
    grid.add_row(body, Text(right))
    return grid
