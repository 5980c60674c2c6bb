"""The settings on the command line: --config and $TUI_GUIDE_CONFIG, a flag beats the
setting and the setting beats the default, and a broken file said on stderr with its file,
line and field (the command still runs)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from tui_guide.cli import guide, main
from tui_guide.settings import CONFIG_ENV, LoadedSettings

Seen = dict[str, argparse.Namespace]


@pytest.fixture
def guide_args(monkeypatch: pytest.MonkeyPatch) -> Seen:
    """The options the guide would open with (its run replaced: no terminal here)."""
    seen: Seen = {}

    def run(args: argparse.Namespace, out: object, err: object) -> int:
        seen["args"] = args
        return 0

    monkeypatch.setattr(guide, "run", run)
    return seen


def test_the_settings_remind_is_the_default_and_the_flag_beats_it(
    tmp_path: Path, guide_args: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main([]) == 0
    assert guide_args["args"].remind == 10  # no file: the default
    path = tmp_path / "mine.toml"
    path.write_text("remind = 30\n", encoding="utf-8")
    assert main(["--config", str(path)]) == 0
    assert guide_args["args"].remind == 30
    assert main(["--config", str(path), "--remind", "5"]) == 0
    assert guide_args["args"].remind == 5
    assert main(["--config", str(path), "--remind", "0"]) == 0
    assert guide_args["args"].remind == 0
    monkeypatch.setenv(CONFIG_ENV, str(path))
    assert main([]) == 0
    assert guide_args["args"].remind == 30
    loaded = guide_args["args"].settings
    assert isinstance(loaded, LoadedSettings) and loaded.path == path


def test_the_config_flag_beats_the_environment(
    tmp_path: Path, guide_args: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "env.toml").write_text("remind = 20\n", encoding="utf-8")
    (tmp_path / "flag.toml").write_text("remind = 40\n", encoding="utf-8")
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "env.toml"))
    assert main(["--config", str(tmp_path / "flag.toml")]) == 0
    assert guide_args["args"].remind == 40


def test_the_favourites_calendar_takes_the_settings_remind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui_guide.favourites import Favourites

    state = tmp_path / "state"
    store = Favourites(path=state / "favourites.sqlite3")
    store.toggle("baku-cinema-breeze-2025/ata-masterclass-acting-for-animators")
    store.close()
    config = tmp_path / "settings.toml"
    config.write_text("remind = 25\n", encoding="utf-8")
    out = tmp_path / "mine.ics"
    common = ["--config", str(config), "--state-dir", str(state)]
    assert main([*common, "favourites", "export", "-o", str(out)]) == 0
    assert "TRIGGER:-PT25M" in out.read_text(encoding="utf-8")
    assert main([*common, "favourites", "export", "--remind", "7", "-o", str(out)]) == 0
    assert "TRIGGER:-PT7M" in out.read_text(encoding="utf-8")


def test_a_broken_settings_file_is_said_on_stderr_and_the_command_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('zone = "own"\nremind = "ten"\n', encoding="utf-8")
    assert main(["--config", str(config), "validate"]) == 0
    err = capsys.readouterr().err
    assert f"{config}:2: remind: must be a number of minutes, not text; the default (10)" in err
    config.write_text("remind = [\n", encoding="utf-8")
    assert main(["--config", str(config), "validate"]) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert f"{config}:2: not TOML" in err and "the defaults are used" in err
    assert config.read_text(encoding="utf-8") == "remind = [\n"


def test_the_guide_says_the_problems_itself(
    tmp_path: Path, guide_args: Seen, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('remind = "ten"\n', encoding="utf-8")
    assert main(["--config", str(config)]) == 0
    assert capsys.readouterr().err == ""  # a notice in the guide, not behind its screen
    assert len(guide_args["args"].settings.problems) == 1
