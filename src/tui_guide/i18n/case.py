"""Changing case as the language does: in Turkish and Azerbaijani `i` is `İ` in capitals and
`I` is `ı` in small letters (the dotted and the dotless i are two letters)."""

from __future__ import annotations

from tui_guide.i18n import language

_DOTTED = frozenset({"tr", "az"})
_UP = str.maketrans({"i": "İ", "ı": "I"})
_DOWN = str.maketrans({"I": "ı", "İ": "i"})


def upper(text: str, code: str | None = None) -> str:
    """`text` in capitals in `code` (the guide's language when None): 'istanbul' is
    'İSTANBUL' in Turkish, 'ISTANBUL' in English."""
    if (code or language()) in _DOTTED:
        text = text.translate(_UP)
    return text.upper()


def lower(text: str, code: str | None = None) -> str:
    """`text` in small letters in `code`: 'KIRIKKALE' is 'kırıkkale' in Turkish."""
    if (code or language()) in _DOTTED:
        text = text.translate(_DOWN)
    return text.lower()


def capitalize(text: str, code: str | None = None) -> str:
    """The first letter in capitals, the rest left as they are (not `str.capitalize`, which
    lowers the rest): 'ilk gün' is 'İlk gün' in Turkish."""
    return upper(text[:1], code) + text[1:] if text else text
