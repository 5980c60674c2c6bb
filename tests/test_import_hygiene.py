"""The domain, the readers and writers of formats, the library, the favourites store and the
command line must not pull in the user interface; the model imports nothing above it."""

from __future__ import annotations

import json
import subprocess
import sys

# Everything below the user interface, those modules added later included. (The layers
# between them are a contract that `lint-imports` checks; these tests see what is loaded.)
BELOW_THE_UI = ("i18n", "programme", "formats", "library", "favourites", "atomic", "cli")


def _loaded_after_importing(packages: tuple[str, ...]) -> list[str]:
    """Every module loaded after importing each module of `packages` (in a fresh process)."""
    script = (
        "import importlib, json, pkgutil, sys\n"
        f"for name in {packages!r}:\n"
        "    package = importlib.import_module('tui_guide.' + name)\n"
        "    for info in pkgutil.walk_packages(getattr(package, '__path__', []), "
        "package.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout))


def test_nothing_below_the_ui_imports_textual() -> None:
    loaded = _loaded_after_importing(BELOW_THE_UI)
    assert "tui_guide.formats.schedule.build" in loaded  # the walk reached the subpackages
    assert [m for m in loaded if m.split(".")[0] == "textual"] == []


def test_the_model_imports_nothing_of_the_project_above_it() -> None:
    loaded = _loaded_after_importing(("programme",))
    ours = [m for m in loaded if m.split(".")[0] == "tui_guide"]
    assert "tui_guide.programme.model" in ours
    # Only the layer below it: the guide's own words in the language chosen (tui_guide.i18n).
    below = ("tui_guide.programme", "tui_guide.i18n")
    assert [m for m in ours if m != "tui_guide" and not m.startswith(below)] == []


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


# Modules the guide's start has no use for, which the subcommands and the calendar export
# load (issue 14: each cost the first paint tens of milliseconds); tomlkit only writes the
# settings, when the visitor changes one.
NOT_FOR_THE_GUIDE = (
    "icalendar",
    "dateutil",
    "email",
    "http.client",
    "importlib.metadata",
    "tomlkit",
)


def test_the_guides_start_loads_no_subcommand_and_no_calendar_export() -> None:
    # What `tui-guide` with no subcommand imports up to running the App: its options read
    # (a plain start: no parser built), the guide's command and the App, and (imported as its
    # section opens) My programme's screen.
    script = (
        "import json, sys\n"
        "from tui_guide.cli.main import plain_start\n"
        "args = plain_start(['--now', '2025-12-07T14:10'])\n"
        "assert args is not None and args.command is None\n"
        "import tui_guide.cli.settings  # main's, for the settings file\n"
        "import tui_guide.cli.guide, tui_guide.tui.app, tui_guide.tui.screens.mine\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout))
    assert "tui_guide.tui.screens.mine" in loaded  # the screens were imported
    assert [m for m in NOT_FOR_THE_GUIDE if m in loaded] == []
    assert sorted(m for m in loaded if m.startswith("tui_guide.cli.")) == [
        "tui_guide.cli.common",
        "tui_guide.cli.guide",
        "tui_guide.cli.load_status",
        "tui_guide.cli.main",
        "tui_guide.cli.settings",
    ]


def test_a_subcommand_is_imported_when_it_runs() -> None:
    script = (
        "import json, sys\n"
        "from tui_guide.cli import main\n"
        "code = main(['validate'])\n"
        "print(json.dumps([code, 'tui_guide.cli.validate' in sys.modules,\n"
        "    'tui_guide.cli.export' in sys.modules, 'icalendar' in sys.modules]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == [0, True, False, False]
