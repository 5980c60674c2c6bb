"""Files the guide writes for the user (imported TOML, downloaded programmes, calendars) get
the mode a plain `open()` would give them, not mkstemp's 0600; a replaced file keeps its
mode; a failed write leaves neither a half file nor a `*.tmp` behind."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui_guide.atomic import write_atomically
from tui_guide.cli import main
from tui_guide.library import fetch

PENTABARF = Path(__file__).parent / "data" / "schedules" / "pentabarf.xml"


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_mode_the_umask_allows(tmp_path: Path, umask_022: None) -> None:
    write_atomically(tmp_path / "a.ics", b"x")
    assert mode(tmp_path / "a.ics") == 0o644
    os.umask(0o027)
    write_atomically(tmp_path / "b.ics", b"x")
    assert mode(tmp_path / "b.ics") == 0o640


def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    path = tmp_path / "a.ics"
    path.write_bytes(b"old")
    path.chmod(0o604)
    write_atomically(path, b"new")
    assert (path.read_bytes(), mode(path)) == (b"new", 0o604)


def test_import_output_gets_the_umask_mode(tmp_path: Path, umask_022: None) -> None:
    out = tmp_path / "festival.toml"
    assert main(["import", str(PENTABARF), "-o", str(out)]) == 0
    assert mode(out) == 0o644


def test_a_downloaded_programme_gets_the_umask_mode(tmp_path: Path, umask_022: None) -> None:
    fetch._write_atomic(tmp_path / "programmes" / "p.toml", b"x")
    assert mode(tmp_path / "programmes" / "p.toml") == 0o644


def test_a_failed_import_write_leaves_the_target_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "festival.toml"
    out.write_text("keep me", encoding="utf-8")

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    assert main(["import", str(PENTABARF), "-o", str(out), "--force"]) == 2
    assert "cannot write: No space left on device" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["festival.toml"]


def test_import_force_checks_the_new_toml_before_replacing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "festival.toml"
    out.write_text("keep me", encoding="utf-8")
    # Should the writer ever produce a TOML that does not load, the old file stays.
    monkeypatch.setattr("tui_guide.cli.importing.write_toml", lambda f: "[festival\n")
    assert main(["import", str(PENTABARF), "-o", str(out), "--force"]) == 2
    err = capsys.readouterr().err
    # Said of the source, never of a file that was not written (it named festival.toml:1).
    assert str(out) not in err
    assert f"{PENTABARF}: the festival: cannot be written as the guide's TOML: TOML syntax" in err
    assert f"{PENTABARF}: nothing written (1 error; 1 warning)" in err
    assert out.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["festival.toml"]
