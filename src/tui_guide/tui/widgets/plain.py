"""Putting untrusted text from data files on screen: always as plain text, never as markup."""

from __future__ import annotations

from textual.content import Content

from tui_guide.programme.text import printable


def plain(text: str, *, multiline: bool = False, style: str = "") -> Content:
    """A Content that shows `text` literally, with control characters made visible."""
    content = Content(printable(text, multiline=multiline, clip=True))
    return content.stylize(style) if style else content
