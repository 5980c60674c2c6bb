"""Which language the guide speaks: `--lang`, then the `language` setting, then the locale
(`LC_ALL`, `LC_MESSAGES`, `LANG`), then English."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

ENGLISH = "en"

LANGUAGES: dict[str, str] = {
    "en": "English",
    "az": "Azərbaycanca",
    "tr": "Türkçe",
    "kk": "Қазақша",
    "uz": "Oʻzbekcha",
    "ky": "Кыргызча",
    "ru": "Русский",
}
"""The languages the guide speaks, by code, each named in itself (as a chooser shows them)."""

_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


@dataclass(frozen=True)
class Choice:
    """The language chosen, and the notice to give when what was asked for is not spoken."""

    code: str
    notice: str | None = None


def _code(value: str) -> str:
    """'tr' from 'tr', 'tr_TR.UTF-8', 'tr-TR', 'TR'; Uzbek only in its Latin script."""
    word = value.strip().split(".")[0].split("@")[0]
    code = word.replace("-", "_").split("_")[0].lower()
    if code == "uz" and ("cyrl" in value.lower() or "cyrillic" in value.lower()):
        return value  # Uzbek in Cyrillic is not what the catalogue holds
    return code


def locale_language(environ: Mapping[str, str]) -> str | None:
    """The language of the locale: the first of LC_ALL, LC_MESSAGES and LANG that is set
    (as POSIX takes them), None when none is or it is C or POSIX."""
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "").strip()
        if value:
            return None if value.split(".")[0] in ("C", "POSIX") else _code(value)
    return None


def choose(flag: str | None, setting: str | None, environ: Mapping[str, str]) -> Choice:
    """The language from `--lang` (`flag`), else the `setting`, else the locale, else English.

    One asked for by name (the flag or the setting) that the guide does not speak falls back
    to English with a notice saying so; a locale's (a German desktop's `de_DE.UTF-8`) falls
    back quietly, as every program on that desktop that has no German does."""
    for asked in (flag, setting):
        if asked is None or not asked.strip():
            continue
        code = _code(asked)
        if code in LANGUAGES:
            return Choice(code)
        spoken = ", ".join(sorted(LANGUAGES))
        return Choice(
            ENGLISH,
            f"Language {asked.strip()!r} is not available, so the guide is in English "
            f"(available: {spoken}).",
        )
    found = locale_language(environ)
    return Choice(found if found in LANGUAGES else ENGLISH)
