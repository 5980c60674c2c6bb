"""The guide's own words in the language chosen: `_()` for a message, `ngettext()` for one
that counts, `N_()` to mark a message where it is defined and translate it where it is shown
(a Binding's description, a table's heading), and the language itself.

On the standard `gettext` module, with the catalogues in `locale/` (`.po` in the repository,
`.mo` compiled into the wheel; from a source tree, a missing or older `.mo` is compiled from
the `.po` in memory with Babel). The programme's own text is never passed through here.

English is the source language: with it nothing is loaded, and Babel is not imported."""

from __future__ import annotations

import gettext
import io
from pathlib import Path

from tui_guide.i18n.languages import ENGLISH, LANGUAGES, Choice, choose, locale_language

__all__ = [
    "ENGLISH",
    "LANGUAGES",
    "N_",
    "Choice",
    "_",
    "choose",
    "language",
    "locale_language",
    "ngettext",
    "number",
    "set_language",
]

DOMAIN = "tui_guide"
LOCALE = Path(__file__).resolve().parent / "locale"
"""Each language's catalogue is `LOCALE/<code>/LC_MESSAGES/tui_guide.po` (and `.mo`)."""

_current: gettext.NullTranslations = gettext.NullTranslations()
_language = ENGLISH
_loaded: dict[str, gettext.NullTranslations] = {}


def N_(message: str) -> str:
    """Marks `message` for the catalogue and returns it untranslated: for words defined
    before the language is known (class attributes), translated with `_()` where shown."""
    return message


def _(message: str) -> str:
    """`message` in the current language (as given when the catalogue has no translation)."""
    return _current.gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counting message for `n` in the current language's plural rules, with
    `{n}` in it replaced by the number as the language writes it: `ngettext("{n} session",
    "{n} sessions", 3)` is '3 sessions', '3 sessiya', '3 события'. Other placeholders are left
    for the caller's `.format()`."""
    return _current.ngettext(singular, plural, n).replace("{n}", number(n))


def number(n: int, *, grouped: bool = False) -> str:
    """`n` as the current language writes it: '50000' in English (as the guide always has
    counted; '50,000' when `grouped`), '50 000' in Russian, '50.000' in Turkish."""
    if _language == ENGLISH or abs(n) < 1000:
        return f"{n:,}" if grouped else str(n)
    from babel.numbers import format_decimal

    return str(format_decimal(n, locale=_language))


def language() -> str:
    """The code of the language the guide speaks: 'en', 'az', 'tr', 'kk', 'uz', 'ky', 'ru'."""
    return _language


def set_language(code: str) -> None:
    """Speak `code` (one of LANGUAGES) from now on; anything else is English."""
    global _current, _language
    code = code if code in LANGUAGES else ENGLISH
    _language = code
    _current = gettext.NullTranslations() if code == ENGLISH else translations(code)


def translations(code: str) -> gettext.NullTranslations:
    """The catalogue of `code`, read once: its `.mo`, or its `.po` compiled in memory when the
    `.mo` is missing or older (a source tree, an editable install after an edit)."""
    found = _loaded.get(code)
    if found is None:
        found = _loaded[code] = _read(LOCALE / code / "LC_MESSAGES")
    return found


def _read(folder: Path) -> gettext.NullTranslations:
    mo, po = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as file:
            return gettext.GNUTranslations(file)
    if po.is_file():
        return gettext.GNUTranslations(io.BytesIO(compile_po(po)))
    return gettext.NullTranslations()


def compile_po(po: Path) -> bytes:
    """The `.mo` of the catalogue `po`, as `pybabel compile` writes it (fuzzy entries left
    out, so an unfinished translation shows the English)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as file:
        catalog = read_po(file)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()
