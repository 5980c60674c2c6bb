"""A labelled line of a detail screen."""

from __future__ import annotations

from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static


def labelled(label: str, value: Content | Widget) -> Horizontal:
    """`label` and a value that wraps under itself, not under the label. Build `value` with
    `plain()` when it comes from a data file; a widget (a `Jump`) is placed as it is."""
    if not isinstance(value, Widget):
        value = Static(value)
    value.add_class("field-value")
    return Horizontal(Static(label, classes="field-label"), value, classes="field")
