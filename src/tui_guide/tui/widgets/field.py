"""A labelled line of a detail screen."""

from __future__ import annotations

from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static


def labelled(label: str, value: Content) -> Horizontal:
    """`label` and a value that wraps under itself, not under the label. Build `value` with
    `plain()` when it comes from a data file."""
    return Horizontal(
        Static(label, classes="field-label"), Static(value, classes="field-value"), classes="field"
    )
