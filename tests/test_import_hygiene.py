"""The domain (model, loader, queries, formatting), the favourites store, the calendar export
and the commands must not pull in the user interface."""

from __future__ import annotations

import json
import subprocess
import sys

DOMAIN = (
    "tui_guide.programme",
    "tui_guide.programme.loader",
    "tui_guide.programme.lines",
    "tui_guide.programme.model",
    "tui_guide.programme.query",
    "tui_guide.programme.format",
    "tui_guide.programme.text",
    "tui_guide.programme.sources",
)


def test_the_domain_does_not_import_textual() -> None:
    # The named modules, and every module of the programme, favourites, export and commands
    # packages, those added later included.
    script = (
        "import importlib, json, pkgutil, sys\n"
        f"for name in {DOMAIN!r}:\n"
        "    importlib.import_module(name)\n"
        "for name in ('programme', 'favourites', 'export', 'commands'):\n"
        "    package = importlib.import_module('tui_guide.' + name)\n"
        "    for info in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_the_command_line_imports_textual_only_to_open_the_guide() -> None:
    script = (
        "import json, sys\n"
        "from tui_guide.cli import main\n"
        "code = main(['validate'])\n"
        "print(json.dumps([code, 'textual' in sys.modules]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == [0, False]


def test_the_importer_does_not_import_textual() -> None:
    script = (
        "import importlib, json, pkgutil, sys\n"
        "import tui_guide.importer as package\n"
        "for info in pkgutil.walk_packages(package.__path__, 'tui_guide.importer.'):\n"
        "    importlib.import_module(info.name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
