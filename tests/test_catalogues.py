"""The catalogues: the template holds every message of the source (extracted again here, as
`pybabel extract` does with babel.cfg), and every language's catalogue translates every one
of them, with the same placeholders, the plural forms its header says, and a header whose
Plural-Forms parses."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from tui_guide.i18n import LANGUAGES, LOCALE, compile_po

REPO = Path(__file__).resolve().parents[1]
TEMPLATE = LOCALE / "tui_guide.pot"
TRANSLATED = sorted(code for code in LANGUAGES if code != "en")

# `{name}` (str.format) and `%s`, `%(name)s` (printf); `{n}` is the count of ngettext.
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%(?:\([A-Za-z_]+\))?[sdr]")


def _read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def _ids(message: Message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def _forms(message: Message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def test_the_template_is_up_to_date_with_the_source() -> None:
    """Every message the source marks is in the template, and the template holds no other:
    after changing a message, extract again (docs/translating.md)."""
    method_map = [("**.py", "python")]
    found = {
        (message[0] if isinstance(message, tuple) else message)
        for _file, _line, message, _comments, _context in extract_from_dir(
            REPO / "src" / "tui_guide", method_map
        )
    }
    template = {
        message.id if isinstance(message.id, str) else message.id[0]
        for message in _read(TEMPLATE)
        if message.id
    }
    assert found - template == set(), "not in the template: run pybabel extract"
    assert template - found == set(), "no longer in the source: run pybabel extract"


def test_the_mapping_file_is_the_one_extract_uses() -> None:
    config = (REPO / "babel.cfg").read_text(encoding="utf-8")
    assert "[python: **.py]" in config
    assert "pybabel extract -F babel.cfg" in config


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated_with_its_placeholders(code: str) -> None:
    template = _read(TEMPLATE)
    catalog = _read(LOCALE / code / "LC_MESSAGES" / "tui_guide.po")
    assert str(catalog.locale).split("_")[0] == code
    problems = []
    for wanted in template:
        if not wanted.id:
            continue
        found = catalog.get(wanted.id)
        if found is None:
            problems.append(f"missing: {wanted.id!r}")
            continue
        if found.fuzzy:
            problems.append(f"fuzzy: {wanted.id!r}")
        forms = _forms(found)
        if not all(form.strip() for form in forms):
            problems.append(f"not translated: {wanted.id!r}")
        if isinstance(wanted.id, tuple) and len(forms) != catalog.num_plurals:
            problems.append(f"{len(forms)} plural forms, not {catalog.num_plurals}: {wanted.id!r}")
        # Every form keeps the English placeholders (a plural's {n} may be left out of a form
        # that names no number, as some languages do for one: never here).
        expected = set().union(*(_placeholders(text) for text in _ids(wanted)))
        for form in forms:
            if _placeholders(form) != expected:
                problems.append(f"placeholders {_placeholders(form)} in {form!r}: {expected}")
    extra = [m.id for m in catalog if m.id and m.id not in template and not m.obsolete]
    assert not extra, f"messages the template does not have: {extra}"
    assert problems == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_plural_forms_parse_and_agree_with_the_language(code: str) -> None:
    catalog = _read(LOCALE / code / "LC_MESSAGES" / "tui_guide.po")
    header = dict(catalog.mime_headers)["Plural-Forms"]
    match = re.fullmatch(r"nplurals=(\d+); plural=(.+);", header)
    assert match is not None, header
    plural = gettext.c2py(match.group(2))  # what gettext does with it: a syntax error fails
    count = int(match.group(1))
    assert all(0 <= plural(n) < count for n in range(0, 1000))
    assert count == Catalog(locale=code).num_plurals  # CLDR's rules, as Babel has them
    if code == "ru":
        assert [plural(n) for n in (1, 2, 5, 11, 21, 22, 25, 111)] == [0, 1, 2, 2, 0, 1, 2, 2]


@pytest.mark.parametrize("code", TRANSLATED)
def test_each_catalogue_compiles_and_reads(code: str) -> None:
    data = compile_po(LOCALE / code / "LC_MESSAGES" / "tui_guide.po")
    import io

    translations = gettext.GNUTranslations(io.BytesIO(data))
    assert translations.gettext("Days") != "Days"
    assert translations.ngettext("{n} session", "{n} sessions", 3) != "{n} sessions"
