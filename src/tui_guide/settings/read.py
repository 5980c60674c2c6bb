"""Reading a settings file: through `tui_guide.reading` (a regular file, within a size),
TOML 1.0 with tomli, then each field checked. Nothing here raises: a file that cannot be
read gives the defaults and one problem (and may not be written over: `writable` is False);
a field that is wrong gives its default and a problem naming its line. Keys this version does
not know are left alone (a newer version may have written them)."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import Any

import msgspec

from tui_guide.i18n import _
from tui_guide.programme.text import printable
from tui_guide.reading import ReadError, number_problem, read_limited
from tui_guide.settings.model import (
    MAX_REMIND,
    MAX_TEXT,
    SECTIONS,
    ZONES,
    Settings,
    SettingsProblem,
)

MAX_SETTINGS_BYTES = 1024 * 1024
"""The largest settings file read: a real one is a few hundred bytes."""


class LoadedSettings(msgspec.Struct, frozen=True):
    """The settings read from `path`, the problems found, and whether the file may be
    written (False when it exists but could not be read as TOML: it is left as it is;
    `unreadable` says why)."""

    path: Path
    settings: Settings
    problems: tuple[SettingsProblem, ...] = ()
    unreadable: str | None = None
    lines: tuple[tuple[str, int], ...] = ()
    """Each top-level key's line, for a problem found later (an unknown theme)."""

    @property
    def writable(self) -> bool:
        return self.unreadable is None

    def line_of(self, field: str) -> int | None:
        return dict(self.lines).get(field)


class BrokenFile(Exception):
    """The file is there but is not TOML that can be read: `line` where that is known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message, self.line = message, line


def parse(data: bytes) -> dict[str, Any]:
    """The TOML document in `data`, or BrokenFile with the line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise BrokenFile(_("not UTF-8 text ({why})").format(why=error.reason), line) from None
    import tomli  # only when a settings file exists: not at every start

    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        message = getattr(error, "msg", str(error))
        said = _("not TOML: {why}").format(why=message)
        raise BrokenFile(said, getattr(error, "lineno", None)) from None
    except RecursionError:
        raise BrokenFile(_("not TOML: nested too deeply")) from None
    except ValueError:  # a number longer than Python converts
        where, message = number_problem(data)
        raise BrokenFile(message, where) from None


def read_bytes(path: Path) -> bytes | None:
    """The file's bytes, None when there is no file (a dangling link is a file that cannot
    be read), or BrokenFile."""
    if not os.path.lexists(path):
        return None
    try:
        return read_limited(path, MAX_SETTINGS_BYTES)
    except ReadError as error:
        raise BrokenFile(str(error)) from None


_KEY = re.compile(r"""^\s*\[*\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*[=\]]""")


def key_lines(data: bytes) -> tuple[tuple[str, int], ...]:
    """The line of each top-level key (or table of that name), first one wins."""
    found: dict[str, int] = {}
    in_table = False
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
        match = _KEY.match(line)
        if match is None:
            continue
        key = next(group for group in match.groups() if group is not None)
        is_table = line.lstrip().startswith("[")
        if is_table or not in_table:
            found.setdefault(key, number)
        in_table = in_table or is_table
    return tuple(found.items())


def clean(text: str) -> str:
    """`text` without control or format characters (a terminal's escapes, bidi overrides)."""
    return "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf", "Cs")).strip()


def _shown(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else repr(printable(value))
    return text if len(text) <= 40 else f"{text[:37]}…"


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return _("true or false")
    if isinstance(value, int | float):
        return _("a number")
    if isinstance(value, str):
        return _("text")
    if isinstance(value, dict):
        return _("a table")
    if isinstance(value, list):
        return _("a list")
    return _("a date or time")


def check_field(field: str, value: object) -> tuple[object, str | None]:
    """The value the setting takes, or (None, what is wrong with it)."""
    if field == "remind":
        if isinstance(value, bool) or not isinstance(value, int):
            return None, _("must be a number of minutes, not {kind}").format(kind=_kind(value))
        if not 0 <= value <= MAX_REMIND:
            said = _("{value} is out of range: from 0 to {most} minutes (a week)")
            return None, said.format(value=value, most=MAX_REMIND)
        return value, None
    if not isinstance(value, str):
        return None, _("must be text, not {kind}").format(kind=_kind(value))
    if field == "zone":
        if value not in ZONES:
            return None, _("{value} is not a zone shown: festival or own").format(
                value=_shown(value)
            )
        return value, None
    if field == "section":
        if value not in SECTIONS:
            said = _("{value} is not a section: one of {sections}")
            return None, said.format(value=_shown(value), sections=", ".join(SECTIONS))
        return value, None
    cleaned = clean(value)
    if len(cleaned) > MAX_TEXT:
        said = _("is {length} characters long, more than the {most} read")
        return None, said.format(length=f"{len(cleaned):,}", most=MAX_TEXT)
    if field == "theme" and (not cleaned or cleaned != value):
        return None, _("{value} is not a theme's name").format(value=_shown(value))
    if field == "language":
        return cleaned or None, None
    return cleaned, None


def settings_from(
    path: Path, document: dict[str, Any], lines: tuple[tuple[str, int], ...]
) -> tuple[Settings, tuple[SettingsProblem, ...]]:
    """The settings a parsed document holds, and what is wrong in it (field by field)."""
    where = dict(lines)
    chosen: dict[str, Any] = {}
    problems = []
    for field in ("theme", "language", "zone", "remind", "section"):
        if field not in document:
            continue
        value, wrong = check_field(field, document[field])
        if wrong is not None:
            default = getattr(Settings(), field)
            problems.append(
                SettingsProblem(
                    path,
                    _("{problem}; the default ({default}) is used").format(
                        problem=wrong, default=default if default is not None else _("none")
                    ),
                    where.get(field),
                    field,
                )
            )
            continue
        chosen[field] = value
    return Settings(**chosen), tuple(problems)


def read_settings(path: Path) -> LoadedSettings:
    """The settings in the file at `path` (the defaults when there is none), never raising."""
    try:
        data = read_bytes(path)
        document = parse(data) if data is not None else {}
    except BrokenFile as broken:
        message = _("{problem}; the defaults are used, and the file is left as it is").format(
            problem=broken.message
        )
        return LoadedSettings(
            path,
            Settings(),
            (SettingsProblem(path, message, broken.line),),
            unreadable=f"{path}{f':{broken.line}' if broken.line else ''}: {broken.message}",
        )
    lines = key_lines(data) if data is not None else ()
    settings, problems = settings_from(path, document, lines)
    return LoadedSettings(path, settings, problems, lines=lines)


def theme_problem(
    loaded: LoadedSettings, known: set[str] | frozenset[str]
) -> SettingsProblem | None:
    """The problem of a theme the guide does not have (`known`: the names it has)."""
    theme = loaded.settings.theme
    if theme in known:
        return None
    return SettingsProblem(
        loaded.path,
        _("{theme} is not a theme the guide has; the default is used").format(theme=_shown(theme)),
        loaded.line_of("theme"),
        "theme",
    )
