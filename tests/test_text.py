"""Folding for search (Turkic letters typed on an ASCII keyboard) and terminal-safe text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.programme.text import fold, fold_all, matches, middle_cut, printable, shown

# Any C0 or C1 control character, or DEL.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("yaradici", "Yaradıcı Creative Hub"),
        ("guven", "Birol Güven"),
        ("turkiye", "Türkiye"),
        ("ISTANBUL", "İstanbul"),
        ("istanbul", "İSTANBUL"),
        ("azerbaycan", "Azərbaycan"),
        ("AZERBAYCAN", "AZƏRBAYCAN"),
        ("gasimov", "Kamran Gasimov"),
        ("sahysalyh bayramov", "Sahysalyh Bayramov, Deputy Chairman"),
        ("kazakh", "Kazakhfilm"),
        ("", "anything"),
    ],
)
def test_matches_folds_turkic_letters(query: str, text: str) -> None:
    assert matches(query, text)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("guven", "Güler"),
        ("yaradici hub", "Yaradıcı Creative Centre"),
        ("baku", "Aktau"),
    ],
)
def test_matches_needs_every_word(query: str, text: str) -> None:
    assert not matches(query, text)


def test_matches_words_may_come_from_different_haystacks() -> None:
    assert matches("masimov acting", "Acting techniques for animators", "Gurban Masimov")
    assert not matches("masimov nalli", "Acting techniques", "Gurban Masimov")


def test_a_phrase_does_not_match_across_two_haystacks() -> None:
    # "ov ac" would only be found by gluing the end of one field to the start of the next.
    assert not matches("ovac", "Gurban Masimov", "Acting")


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Yaradıcı", "yaradici"),
        ("Güven", "guven"),
        ("Türkiye", "turkiye"),
        ("İstanbul", "istanbul"),
        ("Azərbaycan", "azerbaycan"),
        ("ŞAHİN Ğ", "sahin g"),
        ("Straße", "strasse"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_printable_makes_controls_visible() -> None:
    assert printable("a\x1b[31mred") == "a␛[31mred"
    assert printable("bell\x07") == "bell␇"
    assert printable("over\rwrite") == "over␍write"
    assert printable("del\x7f") == "del␡"
    assert printable("c1\x9b") == "c1\ufffd"
    assert printable("bidi\u202eevil") == "bidi\ufffdevil"
    # A lone surrogate (a schedule.json's "\ud800") cannot be written to a terminal at all.
    assert printable("lone\ud800\udfff") == "lone\ufffd\ufffd"
    assert printable("pair 😀") == "pair 😀"


def test_printable_keeps_ordinary_text() -> None:
    text = "Yaradıcı Creative Hub — 14:00, “Güven” & İstanbul 🎬"
    assert printable(text) == text


def test_printable_keeps_lines_only_when_asked() -> None:
    assert printable("one\ntwo\tthree\r\nfour") == "one two three four"
    assert printable("one\ntwo\tthree\r\nfour", multiline=True) == "one\ntwo\tthree\nfour"


def test_shown_quotes_and_cuts() -> None:
    assert shown("titel") == '"titel"'
    assert shown("\x1b]0;owned\x07") == '"␛]0;owned␇"'
    long = shown("x" * 200, limit=10)
    assert long == '"' + "x" * 9 + '…"'


@settings(max_examples=examples(300), deadline=None)
@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@pytest.mark.parametrize(("text", "query"), [("𝕊", "s"), ("𝐁𝐀𝐊𝐔", "baku"), ("ﬁlm", "film")])
def test_fold_is_idempotent_on_compatibility_letters(text: str, query: str) -> None:
    # Mathematical letters have no case of their own: fold must decompose before casefolding.
    assert fold(fold(text)) == fold(text)
    assert matches(query, text)


@settings(max_examples=examples(300), deadline=None)
@given(st.text())
def test_text_always_matches_itself(text: str) -> None:
    assert matches(text, text)


@settings(max_examples=examples(300), deadline=None)
@given(st.text(), st.text())
def test_text_matches_any_text_containing_it(text: str, around: str) -> None:
    assert matches(text, around + " " + text + " " + around)


@settings(max_examples=examples(300), deadline=None)
@given(st.text(), st.booleans())
def test_printable_never_lets_a_control_character_through(text: str, multiline: bool) -> None:
    out = printable(text, multiline=multiline)
    allowed = "\n\t" if multiline else ""
    assert not CONTROL.search(out.translate({ord(c): None for c in allowed}))
    if not multiline:
        assert "\n" not in out and "\t" not in out
    out.encode("utf-8")  # no lone surrogate: a terminal (or a UTF-8 file) takes all of it


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs"))))
def test_printable_leaves_text_without_controls_alone(text: str) -> None:
    assert printable(text) == text


@settings(max_examples=examples(200), deadline=None)
@given(st.text())
def test_shown_never_lets_a_control_character_through(text: str) -> None:
    assert not CONTROL.search(shown(text))


def _fold_char_by_char(text: str) -> str:
    """fold as it was first written, dropping combining marks one character at a time."""
    import unicodedata

    from tui_guide.programme.text import _FOLD_FIRST

    text = unicodedata.normalize("NFKD", text.translate(_FOLD_FIRST))
    text = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD_FIRST))
    return "".join(c for c in text if not unicodedata.combining(c))


@settings(max_examples=examples(300), deadline=None)
@given(st.text())
def test_fold_drops_combining_marks_as_the_plain_definition_does(text: str) -> None:
    assert fold(text) == _fold_char_by_char(text)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.text(), max_size=5))
def test_fold_all_in_one_call_equals_folding_each_haystack(haystacks: list[str]) -> None:
    assert fold_all(*haystacks) == " \x00 ".join(fold(h) for h in haystacks)


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("short.ics", 20, "short.ics"),
        (
            "/home/someone/.local/state/tui-guide/my-programme.ics",
            32,
            "/home/someone/…/my-programme.ics",
        ),
        ("0123456789abcdef", 9, "0123…cdef"),
        ("abcdef", 2, "ab"),
    ],
)
def test_middle_cut_keeps_both_ends(text: str, width: int, expected: str) -> None:
    assert middle_cut(text, width) == expected


@settings(max_examples=examples(200))
@given(st.text(), st.integers(min_value=0, max_value=80))
def test_middle_cut_never_longer_than_its_width(text: str, width: int) -> None:
    cut = middle_cut(text, width)
    assert len(cut) <= max(width, 0) or len(text) <= width
    if len(text) <= width:
        assert cut == text
    elif width >= 3:
        assert "…" in cut and text.startswith(cut.split("…")[0])
        assert text.endswith(cut.split("…")[-1])
