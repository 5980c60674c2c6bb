"""The settings file: where it is, what it holds, written and read back (hypothesis over the
fields), and every kind of broken file survived with its file, line and field, never
written over."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.cli.common import MAX_MINUTES
from tui_guide.settings import (
    CONFIG_ENV,
    MAX_REMIND,
    SECTIONS,
    ZONES,
    NotSaved,
    Settings,
    SettingsFile,
    config_path,
    read_settings,
)
from tui_guide.settings.read import MAX_SETTINGS_BYTES, clean

FIELDS = ("theme", "language", "zone", "remind", "section")


def write(path: Path, text: str | bytes) -> Path:
    data = text.encode("utf-8") if isinstance(text, str) else text
    path.write_bytes(data)
    return path


# Where the file is --------------------------------------------------------------------------


def test_the_flag_beats_the_environment_which_beats_the_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "env.toml"))
    assert config_path(tmp_path / "flag.toml") == tmp_path / "flag.toml"
    assert config_path() == tmp_path / "env.toml"
    monkeypatch.setenv(CONFIG_ENV, "  ")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_path() == tmp_path / "xdg" / "tui-guide" / "settings.toml"


def test_tests_never_point_at_the_real_settings_file() -> None:
    # conftest's isolated_env: every test has a file of its own under a temporary HOME.
    assert os.environ[CONFIG_ENV].endswith("settings.toml")
    assert Path(os.environ[CONFIG_ENV]).parent == Path(os.environ["HOME"])


# What it holds --------------------------------------------------------------------------------


def test_no_file_gives_the_defaults_without_a_problem(tmp_path: Path) -> None:
    loaded = read_settings(tmp_path / "settings.toml")
    assert loaded.settings == Settings()
    assert loaded.problems == ()
    assert loaded.writable
    assert Settings().remind == 10 and Settings().zone == "festival"
    assert Settings().section == "festivals" and Settings().language is None


def test_every_field_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / "s.toml",
        'theme = "nord"\nlanguage = "tr"\nzone = "own"\nremind = 45\nsection = "timetable"\n',
    )
    loaded = read_settings(path)
    assert loaded.problems == ()
    assert loaded.settings == Settings("nord", "tr", "own", 45, "timetable")
    assert loaded.settings.own_zone


def test_a_language_is_kept_as_written_without_its_control_characters(tmp_path: Path) -> None:
    path = write(tmp_path / "s.toml", 'language = "\\u001b[31mde\\u0007\\u202e"\n')
    loaded = read_settings(path)
    assert loaded.problems == ()
    assert loaded.settings.language == "[31mde"  # the escapes gone; the code is i18n's to judge
    assert read_settings(write(path, 'language = "x-klingon"\n')).settings.language == "x-klingon"
    assert read_settings(write(path, 'language = "\\u001b"\n')).settings.language is None


def test_the_reminder_range_is_the_same_as_the_command_lines() -> None:
    assert MAX_REMIND == MAX_MINUTES == 10080


def test_the_sections_are_the_section_bars() -> None:
    from tui_guide.tui.widgets.section_bar import SECTIONS as BAR

    assert sorted(SECTIONS) == sorted(mode for mode, *_ in BAR)


# Written and read back ------------------------------------------------------------------------

letters = st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"))
names = st.text(letters, min_size=1, max_size=30).map(str.strip).filter(bool)

every_setting = st.builds(
    Settings,
    theme=names,
    language=st.none() | names,
    zone=st.sampled_from(ZONES),
    remind=st.integers(0, MAX_REMIND),
    section=st.sampled_from(SECTIONS),
)


@hypothesis_settings(max_examples=examples(200))
@given(chosen=every_setting, before=every_setting)
def test_what_is_written_is_read_back(
    tmp_path_factory: pytest.TempPathFactory, chosen: Settings, before: Settings
) -> None:
    path = tmp_path_factory.mktemp("settings") / "settings.toml"
    file = SettingsFile(path)
    file.save(vars(before))  # a file there already, written over field by field
    file.save(vars(chosen))
    loaded = read_settings(path)
    assert loaded.problems == ()
    assert loaded.settings == chosen
    assert path.read_bytes().endswith(b"\n")


def test_a_write_keeps_comments_order_and_unknown_keys(tmp_path: Path) -> None:
    mine = (
        "# my settings\n"
        'section = "now"  # where I start\n'
        "future-key = [1, 2]\n"
        'theme = "nord"\n'
        "\n"
        "[newer.table]\n"
        "x = 1\n"
    )
    path = write(tmp_path / "s.toml", mine)
    SettingsFile(path).save({"theme": "gruvbox", "zone": "own"})
    text = path.read_text(encoding="utf-8")
    assert text.startswith('# my settings\nsection = "now"  # where I start\nfuture-key = [1, 2]\n')
    assert 'theme = "gruvbox"' in text and "nord" not in text
    assert text.index("future-key") < text.index("theme") < text.index("[newer.table]")
    assert "[newer.table]\nx = 1\n" in text
    loaded = read_settings(path)
    assert loaded.settings == Settings(theme="gruvbox", zone="own", section="now")
    SettingsFile(path).save({"language": None})  # not set: the key is removed, nothing else
    assert path.read_text(encoding="utf-8") == text


def test_a_linked_settings_file_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "dotfiles").mkdir()
    real = write(tmp_path / "dotfiles" / "tui-guide.toml", "# kept in my dotfiles\n")
    link = tmp_path / "settings.toml"
    link.symlink_to(real)
    SettingsFile(link).save({"zone": "own"})
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == '# kept in my dotfiles\nzone = "own"\n'


def test_a_new_file_is_made_with_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "config" / "tui-guide" / "settings.toml"
    SettingsFile(path).save({"zone": "own"})
    assert read_settings(path).settings.zone == "own"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# tui-guide's settings")
    assert text.endswith('zone = "own"\n')  # a text file: its last line ends


# Broken files: survived, reported with file, line and field, never written over -------------


@pytest.mark.parametrize(
    ("text", "line", "field", "says"),
    [
        ('theme = "nord"\nremind = "ten"\n', 2, "remind", "must be a number of minutes, not text"),
        ("remind = 10081\n", 1, "remind", "10081 is out of range: from 0 to 10080"),
        ("remind = -1\n", 1, "remind", "-1 is out of range"),
        ("remind = true\n", 1, "remind", "not true or false"),
        ("remind = 2.5\n", 1, "remind", "not a number"),
        ("\n\nzone = 3\n", 3, "zone", "must be text, not a number"),
        ('zone = "utc"\n', 1, "zone", "'utc' is not a zone shown: festival or own"),
        ('section = "kitchen"\n', 1, "section", "'kitchen' is not a section: one of festivals"),
        ("theme = [1]\n", 1, "theme", "must be text, not a list"),
        ('theme = "\\u001b[2J"\n', 1, "theme", "'␛[2J' is not a theme's name"),
        ("language = 1979-05-27\n", 1, "language", "must be text, not a date or time"),
        ('x = 1\n[theme]\nname = "nord"\n', 2, "theme", "must be text, not a table"),
    ],
)
def test_a_wrong_field_is_named_with_its_line_and_its_default_used(
    tmp_path: Path, text: str, line: int, field: str, says: str
) -> None:
    other, kept = ("zone", "own") if field == "section" else ("section", "people")
    path = write(tmp_path / "settings.toml", f'{other} = "{kept}"\n' + text)
    loaded = read_settings(path)
    assert len(loaded.problems) == 1
    problem = loaded.problems[0]
    assert (problem.line, problem.field) == (line + 1, field)
    assert says in problem.message and "the default" in problem.message
    assert str(problem).startswith(f"{path}:{line + 1}: {field}: ")
    assert getattr(loaded.settings, field) == getattr(Settings(), field)
    assert getattr(loaded.settings, other) == kept  # what is right is still used
    assert loaded.writable


def _unreadable(tmp_path: Path, kind: str) -> tuple[Path, int | None, str]:
    path = tmp_path / "settings.toml"
    if kind == "bad toml":
        write(path, 'theme = "nord"\nzone = \n')
        return path, 2, "not TOML: Invalid value"
    if kind == "binary":
        write(path, b'theme = "nord"\n\x89PNG\r\n\x1a\n\x00\x00\xff\xfe')
        return path, 2, "not UTF-8 text (invalid start byte)"
    if kind == "nul":
        write(path, 'theme = "nord"\n\x00\n')
        return path, 2, "not TOML"
    if kind == "directory":
        path.mkdir()
        return path, None, "Is a directory"
    if kind == "fifo":
        os.mkfifo(path)
        return path, None, "a named pipe (FIFO), not a file"
    if kind == "too large":
        write(path, "# " + "x" * MAX_SETTINGS_BYTES + "\n")
        return path, None, "larger than the 1 MB the guide reads"
    if kind == "long number":
        write(path, "remind = " + "9" * 5000 + "\n")
        return path, 1, "longer than the 4,300 digits"
    if kind == "dangling link":
        path.symlink_to(tmp_path / "gone.toml")
        return path, None, "cannot read: No such file or directory"
    raise AssertionError(kind)


UNREADABLE = [
    "bad toml",
    "binary",
    "nul",
    "directory",
    "fifo",
    "too large",
    "long number",
    "dangling link",
]


@pytest.mark.parametrize("kind", UNREADABLE)
def test_an_unreadable_file_gives_the_defaults_and_is_never_written_over(
    tmp_path: Path, kind: str
) -> None:
    if kind == "fifo" and not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path, line, says = _unreadable(tmp_path, kind)
    before = path.read_bytes() if path.is_file() and not path.is_symlink() else None
    loaded = read_settings(path)  # a FIFO with no writer: refused, never waited on
    assert loaded.settings == Settings()
    assert not loaded.writable
    (problem,) = loaded.problems
    assert problem.line == line and problem.field is None
    assert says in problem.message
    assert "the defaults are used, and the file is left as it is" in problem.message
    with pytest.raises(NotSaved) as refused:
        SettingsFile(path).save({"theme": "nord"})
    assert str(refused.value).startswith(f"{path}")
    assert says in str(refused.value) and "Not saved: the file is left as it is" in str(
        refused.value
    )
    if before is not None:
        assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".settings")] == []


@hypothesis_settings(max_examples=examples(300))
@given(junk=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_bytes_are_survived(tmp_path_factory: pytest.TempPathFactory, junk: bytes) -> None:
    path = tmp_path_factory.mktemp("junk") / "settings.toml"
    path.write_bytes(junk)
    loaded = read_settings(path)  # never raises
    assert isinstance(loaded.settings, Settings)
    for problem in loaded.problems:
        assert str(problem).startswith(str(path))
        assert clean(str(problem)) == str(problem).strip()  # no raw control character
