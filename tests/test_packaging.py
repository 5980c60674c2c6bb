"""The wheel carries the bundled programme and the console script, and an installed copy
(not the source tree) finds its programme. Builds a real wheel: a few seconds, and pip may
fetch the build backend from PyPI. Deselect with `-m "not packaging"` when offline."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"

pytestmark = pytest.mark.packaging


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--quiet", "-w", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("tui_guide-*.whl")
    return built


def test_wheel_carries_every_bundled_file(wheel: Path) -> None:
    data_files = sorted(DATA.glob("*.toml"))
    assert data_files
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for file in data_files:
            inside = f"tui_guide/bundled/{file.name}"
            assert inside in names
            assert archive.read(inside) == file.read_bytes()
        assert {n for n in names if n.startswith("tui_guide/bundled/")} == {
            f"tui_guide/bundled/{f.name}" for f in data_files
        }
        assert "tui_guide/__main__.py" in names
        assert "tui_guide/formats/toml/read.py" in names


def test_wheel_declares_the_console_script_and_dependencies(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        info = next(n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt"))
        entry_points = archive.read(info).decode()
        metadata_name = info.replace("entry_points.txt", "METADATA")
        metadata = Parser().parsestr(archive.read(metadata_name).decode())
    assert "[console_scripts]" in entry_points
    assert "tui-guide = tui_guide.cli.main:main" in entry_points
    assert metadata["Requires-Python"] == ">=3.11"
    requires = metadata.get_all("Requires-Dist") or []
    assert any(r.startswith("textual") for r in requires)
    assert any(r.startswith("rich") for r in requires)
    assert any(r.startswith("platformdirs") for r in requires)
    assert any(r.startswith("defusedxml") for r in requires)
    assert any(r.startswith("tomli-w") for r in requires)
    # The compiled TOML 1.0 parser, on every Python (see pyproject.toml).
    tomli = [r for r in requires if r.startswith(("tomli>", "tomli;", "tomli ", "tomli="))]
    assert tomli == ["tomli==2.2.1"]


def test_installed_copy_finds_its_bundled_programme(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(site),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    env = {k: v for k, v in os.environ.items() if k != "TUI_GUIDE_DATA"}
    env["PYTHONPATH"] = str(site)
    script = (
        "import tui_guide, sys\n"
        "from tui_guide.library.sources import bundled_data\n"
        "print(tui_guide.__file__)\n"
        "print(bundled_data())\n"
        "from tui_guide.cli import main\n"
        "sys.exit(main(['validate']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    module_file, bundled, summary = result.stdout.splitlines()
    assert Path(module_file).is_relative_to(site)
    assert Path(bundled) == site / "tui_guide" / "bundled"
    assert summary == "OK: 3 festivals, 4 venues, 12 sessions"


def test_wheel_carries_each_language_compiled(wheel: Path, tmp_path: Path) -> None:
    """The build hook (hatch_build.py) compiles each .po into the wheel's .mo; the installed
    copy reads it (no .mo is committed, and none is built at run time there)."""
    locale = REPO / "src" / "tui_guide" / "i18n" / "locale"
    languages = sorted(p.parent.parent.name for p in locale.glob("*/LC_MESSAGES/tui_guide.po"))
    assert languages == ["az", "kk", "ky", "ru", "tr", "uz"]
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for code in languages:
            assert f"tui_guide/i18n/locale/{code}/LC_MESSAGES/tui_guide.mo" in names
        assert not [n for n in names if n.endswith((".po", ".pot"))]  # sources: the sdist's
        archive.extractall(site)
    script = (
        "import tui_guide.i18n as i18n\n"
        "i18n.set_language('tr')\n"
        "print(i18n._('Days'))\n"
        "import sys\n"  # the .mo was read, not the .po compiled
        "print('babel.messages.mofile' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Günler", "False"]
