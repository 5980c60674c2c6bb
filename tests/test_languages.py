"""The guide's language: chosen from --lang, the settings, the locale, then English; an
unknown one falls back to English with one notice; dates, counts and case in the language."""

from __future__ import annotations

from datetime import date

import pytest

from tui_guide.cli.main import main
from tui_guide.i18n import _, choose, language, ngettext, number, set_language
from tui_guide.i18n.case import capitalize, lower, upper
from tui_guide.i18n.dates import day_label, weekday
from tui_guide.programme.format import time_range, unknown

SUNDAY = date(2025, 12, 7)


def test_the_flag_comes_before_the_setting_before_the_locale() -> None:
    environ = {"LANG": "ru_RU.UTF-8"}
    assert choose("tr", "az", environ).code == "tr"
    assert choose(None, "az", environ).code == "az"
    assert choose(None, None, environ).code == "ru"
    assert choose(None, None, {}).code == "en"


def test_the_locale_is_read_as_posix_reads_it() -> None:
    assert choose(None, None, {"LANG": "kk_KZ.UTF-8"}).code == "kk"
    assert choose(None, None, {"LC_MESSAGES": "ky_KG", "LANG": "ru_RU.UTF-8"}).code == "ky"
    both = {"LC_ALL": "tr_TR.UTF-8", "LC_MESSAGES": "ky_KG", "LANG": "ru_RU.UTF-8"}
    assert choose(None, None, both).code == "tr"
    assert choose(None, None, {"LC_ALL": "C.UTF-8", "LANG": "ru_RU.UTF-8"}).code == "en"
    assert choose(None, None, {"LANG": "uz_UZ.UTF-8"}).code == "uz"
    assert choose(None, None, {"LANG": "uz_UZ@cyrillic"}).code == "en"  # only Latin here
    assert choose(None, None, {"LANG": "az-AZ"}).code == "az"


def test_an_unknown_language_asked_for_falls_back_to_english_with_a_notice() -> None:
    chosen = choose("xx", None, {"LANG": "tr_TR.UTF-8"})
    assert chosen.code == "en"
    assert chosen.notice is not None
    assert "'xx'" in chosen.notice and "English" in chosen.notice and "tr" in chosen.notice
    assert choose(None, "klingon", {}).notice is not None
    # A locale the guide does not speak is English, quietly: it was not asked of the guide.
    assert choose(None, None, {"LANG": "de_DE.UTF-8"}) == choose(None, None, {})


def test_list_in_turkish(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "tr", "list", "--day", "2025-12-07"]) == 0
    out, err = capsys.readouterr()
    for heading in ("Tarih", "Saat", "Başlık", "Tür", "Mekân", "Kişiler"):
        assert heading in out
    assert "7 Ara Paz" in out  # Babel's Turkish date
    assert "ustalık sınıfı" in out  # the kind, in Turkish
    assert "Acting" in out and "Yaradı" in out  # the programme's own text, as published
    assert "Date" not in out and "Sun 7 Dec" not in out
    assert err == ""


def test_an_unknown_lang_says_so_once_and_lists_in_english(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--lang", "xx", "list", "--day", "2025-12-07"]) == 0
    out, err = capsys.readouterr()
    assert "Date" in out and "Sun 7 Dec" in out
    assert err.count("Language 'xx' is not available") == 1
    assert language() == "en"


def test_the_locale_picks_kazakh(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "kk_KZ.UTF-8")
    assert main(["validate"]) == 0
    out, _err = capsys.readouterr()
    assert out.startswith("Дұрыс: 3 фестиваль")
    assert language() == "kk"


def test_help_is_in_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang=ru", "--help"])
    out, _err = capsys.readouterr()
    assert "язык путеводителя" in out


@pytest.mark.parametrize(
    ("code", "label", "with_year"),
    [
        ("en", "Sun 7 Dec", "Sun 7 Dec 2025"),
        ("az", "Bazar, 7 dekabr", "Bazar, 7 dekabr 2025"),
        ("tr", "7 Ara Paz", "7 Ara 2025 Paz"),
        ("ru", "вс, 7 дек.", "вс, 7 дек. 2025\u202fг."),  # CLDR's narrow space
        ("kk", "7 жел., жс", "2025\u202fж. 7 жел., жс"),
        ("uz", "Yak, 7-dek", "Yak, 7-dek, 2025"),
        ("ky", "7-дек., жек.", "2025-ж. 7-дек., жек."),
    ],
)
def test_dates_in_each_language(code: str, label: str, with_year: str) -> None:
    assert day_label(SUNDAY, code=code) == label
    assert day_label(SUNDAY, year=True, code=code) == with_year


def test_counts_follow_the_languages_plural_rules() -> None:
    set_language("ru")
    forms = [ngettext("{n} session", "{n} sessions", n) for n in (1, 2, 5, 21, 50000)]
    assert forms == ["1 событие", "2 события", "5 событий", "21 событие", "50\xa0000 событий"]
    set_language("az")
    assert ngettext("{n} session", "{n} sessions", 3) == "3 sessiya"
    assert weekday(SUNDAY) == "B."
    set_language("en")
    assert ngettext("{n} session", "{n} sessions", 1) == "1 session"
    assert number(50000) == "50000" and number(50000, grouped=True) == "50,000"


def test_unknowns_and_the_compact_time_in_a_language() -> None:
    from zoneinfo import ZoneInfo

    from tui_guide.programme.model import Kind, Session

    session = Session(
        festival_id="f",
        id="s",
        title="T",
        kind=Kind.TALK,
        timezone=ZoneInfo("Asia/Baku"),
        date=SUNDAY,
    )
    set_language("ru")
    assert unknown() == "уточняется" and unknown(over=True) == "не указано"
    assert time_range(session) == "Время уточняется"
    assert time_range(session, compact=True) == "уточняется"  # the column holds 13 cells
    set_language("tr")
    assert _("Days") == "Günler"
    assert time_range(session, compact=True, over=True) == "belirtilmedi"


def test_turkish_and_azerbaijani_case_mapping() -> None:
    assert upper("istanbul", "tr") == "İSTANBUL"
    assert upper("ılık", "tr") == "ILIK"
    assert lower("KIRIKKALE", "tr") == "kırıkkale"
    assert lower("İSTANBUL", "az") == "istanbul"
    assert capitalize("ilk gün", "az") == "İlk gün"
    assert upper("istanbul", "en") == "ISTANBUL"
    assert lower("KIRIKKALE", "ru") == "kirikkale"
    set_language("tr")
    assert upper("izmir") == "İZMİR"  # the guide's language when none is named


def test_the_language_setting_comes_after_the_flag_and_before_the_locale(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text('language = "ru"\n', encoding="utf-8")
    monkeypatch.setenv("LANG", "kk_KZ.UTF-8")
    assert main(["--config", str(settings), "validate"]) == 0
    assert capsys.readouterr().out.startswith("Готово: 3 фестиваля")
    assert main(["--config", str(settings), "--lang", "tr", "validate"]) == 0
    assert capsys.readouterr().out.startswith("Tamam: 3 festival")
    settings.write_text('language = "xx"\n', encoding="utf-8")
    assert main(["--config", str(settings), "validate"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("OK: 3 festivals")  # asked for by name: English, and said
    assert err.count("Language 'xx' is not available") == 1


def test_what_is_wrong_in_the_settings_is_said_in_their_language(
    tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text('language = "tr"\nremind = "soon"\n', encoding="utf-8")
    assert main(["--config", str(settings), "validate"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Tamam:")
    expected = f"{settings}:2: remind: metin değil, bir dakika sayısı olmalı; varsayılan (10)"
    assert expected in err.replace("\n", "")  # the file and line, then why, in Turkish
