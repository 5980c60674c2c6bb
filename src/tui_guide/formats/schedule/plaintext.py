"""HTML or Markdown from an abstract, made into readable plain text that reflows.

The standard library's `html.parser` is enough: the guide shows text, not layout, so all it
needs is the words, the paragraph breaks, list bullets and where a link goes. A full
converter (html2text, markdownify) would add a dependency for output we then flatten anyway.

The file's own line breaks are not kept: a paragraph is one line, paragraphs are separated
by a blank line, so that the screen wraps the text to its own width (HTML abstracts used to
keep the 80 columns they were typed in, ragged at 60, narrow at 140). What is a line on
purpose stays one: a list item, a heading, an HTML `<br>`, a Markdown hard break, a table
row, the lines of a code block.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_BLOCKS = {"p", "div", "section", "article", "blockquote", "pre", "table", "ul", "ol", "dl"}
_LINES = {"br", "tr", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "hr"}
_SKIP = {"script", "style", "head", "title"}
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")


_PARAGRAPH_GAP = re.compile(r"[ \t]*\n(?:[ \t]*\n)+\s*")  # a blank line, or several
_SOURCE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
# What starts a line that stands on its own, rather than continuing the one before, in
# Markdown or plain text: a list item, a heading, a table row, a quotation, a fence.
_OWN_START = r"(?:[-*+\u2022][ \t]|\d{1,3}[.)][ \t]|#{1,6}[ \t]|[|>]|```|~~~)"
_OWN_LINE = re.compile(rf"^[ \t]*{_OWN_START}")
_OWN_NEXT = re.compile(_OWN_START)


def _html_breaks(data: str) -> str:
    """Text between tags with HTML's reading of line breaks: a space, except a blank line
    (a paragraph: abstracts mix HTML with plain paragraphs) and a break before a list item
    or a heading (they mix in Markdown too)."""
    data = _PARAGRAPH_GAP.sub("\x00", data.replace("\r\n", "\n").replace("\r", "\n"))

    def joined(match: re.Match[str]) -> str:
        return "\n" if _OWN_NEXT.match(data, match.end()) else " "

    return _SOURCE_BREAK.sub(joined, data).replace("\x00", "\n\n")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.preformatted = 0
        self.links: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "pre":
            self.preformatted += 1
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in _LINES:
            self.parts.append("\n")
        elif tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre":
            self.preformatted = max(0, self.preformatted - 1)
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS or (tag in _LINES and tag != "li"):
            self.parts.append("\n")
        elif tag == "a" and self.links:
            href = self.links.pop()
            text = "".join(self.parts[-1:])
            if href and href.startswith(("http://", "https://")) and href not in text:
                self.parts.append(f" ({href})")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        self.parts.append(data if self.preformatted else _html_breaks(data))


_MD_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_MD_BULLET = re.compile(r"^([ \t]*)[*+][ \t]+", re.MULTILINE)
_MD_CODE = re.compile(r"`([^`\n]+)`")
_SPACES = re.compile(r"[ \t\u00a0]{2,}|[\t\u00a0]")  # runs, not every single space
_MARKDOWN_SIGNS = re.compile(r"[*_`#\[~]")
_MD_FENCE = re.compile(r"^\s*(```|~~~).*$\n?", re.MULTILINE)


def _link(match: re.Match[str]) -> str:
    label, url = match.group(2).strip(), match.group(3)
    return url if not label or label == url else f"{label} ({url})"


def _markdown(text: str) -> str:
    # Each pass only when its sign is there: most abstracts have none, and are long.
    if "```" in text or "~~~" in text:
        text = _MD_FENCE.sub("", text)
    if "](" in text:
        text = _MD_LINK.sub(_link, text)
    if "#" in text:
        text = _MD_HEADING.sub(r"\1", text)
    if "*" in text or "+" in text:
        text = _MD_BULLET.sub(r"\1- ", text)
    if "*" in text or "__" in text:
        text = _MD_EMPHASIS.sub(lambda m: m.group(2) or m.group(3), text)
    if "`" in text:
        text = _MD_CODE.sub(r"\1", text)
    return text


_FENCE = re.compile(r"^[ \t]*(?:```|~~~)")


def reflow(text: str) -> str:
    """The lines of each paragraph joined into one, so that a screen wraps it to its width;
    paragraphs (blank lines between) and lines that stand on their own are kept."""
    out: list[str] = []
    joinable = False  # whether the next plain line continues the last one
    fenced = False
    for line in text.split("\n"):
        stripped = line.strip()
        if _FENCE.match(line):
            fenced = not fenced
            out.append(line)
            joinable = False
        elif fenced:
            out.append(line)
        elif not stripped:
            out.append("")
            joinable = False
        elif joinable and not _OWN_LINE.match(line):
            out[-1] = f"{out[-1].rstrip()} {_unbroken(stripped)}"
            joinable = not _hard_break(line)
        else:
            out.append(_unbroken(line))
            joinable = not _hard_break(line) and not stripped.startswith(("#", "|"))
    return "\n".join(out)


def _unbroken(line: str) -> str:
    """The line without the backslash of a hard break."""
    return line[:-1] if line.endswith("\\") else line


def _hard_break(line: str) -> bool:
    """Markdown's line break on purpose: two spaces or a backslash at the end."""
    return line.endswith(("  ", "\\"))


def plain_text(text: str | None) -> str:
    """Readable text from HTML, Markdown or plain text: tags and markup gone, entities
    decoded, each paragraph one line, paragraphs kept as blank lines, runs of spaces and
    blank lines squeezed."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _TAG.search(text):
        parser = _Text()
        parser.feed(text)
        parser.close()
        text = "".join(parser.parts)
    else:
        text = reflow(html.unescape(text) if "&" in text else text)
    if _MARKDOWN_SIGNS.search(text):
        text = _markdown(text)
    if "  " in text or "\t" in text or "\u00a0" in text:
        text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()
