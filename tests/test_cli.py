"""The command line: `validate`, `list` and its filters, `--data`, the environment, help."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide import __version__
from tui_guide.cli import main
from tui_guide.cli.main import _PLAIN, _VALUED, build_parser, plain_start
from tui_guide.library.sources import DATA_ENV

DATA = Path(__file__).resolve().parents[1] / "data"
BAKU = DATA / "baku-cinema-breeze-2025.toml"
KORKYT = DATA / "korkyt-ata-2025.toml"
TURKSOY = DATA / "turksoy-film-leaders-2025.toml"

ACTING = "Acting techniques for animators"
CAREERS = "Building a successful career in the animation industry"
ROUNDTABLE = "Roundtable: co-producing animated series in the Turkic world"
STATE_PANEL = "Prospects for state-level cooperation in the film industry"
SCREENINGS = "Children's animated series from the Turkic world"
MEMORANDUMS = "Signing of cooperation memorandums"
NEW_BRIDGES = "New Bridges in Joint Production between Turkiye and the Turkic World"
FILM_LEADERS = "Second Meeting of Film Leaders from the Turkic World"


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wide console, so each table row is one line of output."""
    monkeypatch.setenv("COLUMNS", "400")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def rows(out: str, title: str) -> list[str]:
    """The table rows (as lines) that show `title`."""
    return [line for line in out.splitlines() if f" {title} " in line]


# Two typos: line 4 ("cty") and line 11 ("signin").
TYPOS = """\
[festival]
id = "demo-fest"
name = "Demo"
cty = "Aktau"
country = "Kazakhstan"
timezone = "Asia/Aqtau"

[[sessions]]
id = "memorandums"
title = "Signing of memorandums"
kind = "signin"
"""


def cells(row: str) -> list[str]:
    """The cells of one table row: date, time, title, kind, venue, people."""
    return [cell.strip() for cell in row.strip().strip("│").split("│")]


def broken_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "a-syntax.toml").write_text('[festival]\nid = "x\n', encoding="utf-8")
    (folder / "b-typo.toml").write_text(TYPOS, encoding="utf-8")
    (folder / "c-latin1.toml").write_bytes('[festival]\nname = "Güven"\n'.encode("latin-1"))
    return folder


# --- validate ------------------------------------------------------------------------------


def test_validate_finds_the_bundled_programme(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate")
    assert code == 0
    assert out.strip() == "OK: 3 festivals, 4 venues, 12 sessions"
    assert err == ""


def test_validate_one_good_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(KORKYT))
    assert code == 0
    assert out.strip() == "OK: 1 festival, 0 venues, 1 session"


def test_validate_reports_every_problem_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = broken_folder(tmp_path)
    code, out, err = run(capsys, "validate", str(folder))
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines[:3] == [
        f"{folder / 'a-syntax.toml'}:2:8: TOML syntax error: Illegal character '\\n'",
        f'{folder / "b-typo.toml"}:4: festival demo-fest: unknown field "cty" '
        '(did you mean "city"?)',
        f"{folder / 'b-typo.toml'}:11: festival demo-fest, session memorandums, "
        'field kind: unknown kind "signin" (did you mean "signing"?); one of screening, '
        "masterclass, workshop, panel, roundtable, talk, ceremony, meeting, signing, tour, other",
    ]
    assert lines[3].startswith(f"{folder / 'c-latin1.toml'}:2:10: not UTF-8 text")
    assert lines[4:] == [
        f"{folder / 'a-syntax.toml'}: skipped (see the problems above)",
        f"{folder / 'b-typo.toml'}: skipped (see the problems above)",
        f"{folder / 'c-latin1.toml'}: skipped (see the problems above)",
        "4 errors in 3 files",
    ]


def test_validate_a_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.toml"
    code, _, err = run(capsys, "validate", str(missing))
    assert code == 2
    assert err.splitlines() == [f"{missing}: no such file or folder", "1 error"]


def test_validate_escapes_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "evil.toml"
    path.write_text(
        KORKYT.read_text(encoding="utf-8").replace(
            'kind = "signing"', 'kind = "\\u001b]0;pwned\\u0007"'
        ),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "validate", str(path))
    assert code == 2
    assert "\x1b" not in err and "\x07" not in err
    assert 'unknown kind "␛]0;pwned␇"' in err


# --- list and its filters ------------------------------------------------------------------


def test_list_everything(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "list")
    assert code == 0
    assert err == ""
    for title in (ACTING, CAREERS, ROUNDTABLE, STATE_PANEL, MEMORANDUMS, NEW_BRIDGES):
        assert rows(out, title), title
    assert len(rows(out, SCREENINGS)) == 2
    # festival headings, in each festival's local time zone
    assert "Baku Cinema Breeze International Film Festival 2025 — Baku, Asia/Baku" in out
    assert "Korkyt Ata International Film Festival of the Turkic World — Aktau, Asia/Aqtau" in out
    assert f"{FILM_LEADERS} — Istanbul, Europe/Istanbul" in out


def test_list_by_festival(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--festival", "korkyt-ata-2025")
    assert code == 0
    assert rows(out, MEMORANDUMS)
    assert not rows(out, ACTING) and not rows(out, NEW_BRIDGES)


def test_list_by_day(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--day", "2025-12-07")
    assert code == 0
    days = [cells(line)[0] for line in out.splitlines() if line.startswith("│")]
    assert days == ["Sun 7 Dec"] * 3
    assert rows(out, ACTING) and rows(out, CAREERS) and rows(out, SCREENINGS)
    assert not rows(out, ROUNDTABLE)


def test_list_by_day_with_nothing_on_it(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--day", "2025-12-10")
    assert code == 0
    assert out.strip() == "No sessions match."


@pytest.mark.parametrize(
    "venue", ["yaradici-creative-hub", "yaradici", "Yaradıcı Creative Hub", "YARADICI hub"]
)
def test_list_by_venue_id_or_name(venue: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--venue", venue)
    assert code == 0
    acting, careers = rows(out, ACTING), rows(out, CAREERS)
    assert len(acting) == 1 and len(careers) == 1
    assert cells(acting[0])[-2:] == ["Yaradıcı Creative Hub", "Gurban Masimov"]
    assert cells(careers[0])[-2:] == ["Yaradıcı Creative Hub", "Peter Nalli, Matthew Lyon"]
    for row in acting + careers:
        assert cells(row)[:2] == ["Sun 7 Dec", "14:00"]
    assert not rows(out, SCREENINGS)


def test_list_by_kind(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--kind", "panel")
    assert code == 0
    assert rows(out, STATE_PANEL) and rows(out, NEW_BRIDGES)
    assert not rows(out, ACTING) and not rows(out, MEMORANDUMS)
    code, out, _ = run(capsys, "list", "--kind", "signing", "--kind", "tour")
    assert code == 0
    assert rows(out, MEMORANDUMS) and rows(out, "Tour of the TRT pavilion")
    assert not rows(out, STATE_PANEL)


def test_list_by_unknown_kind_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["list", "--kind", "party"])
    assert exit_.value.code == 2
    assert "invalid choice: 'party'" in capsys.readouterr().err


def test_list_search_without_diacritics(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--search", "guven")
    assert code == 0
    # Birol Güven on the state panel; Birol Guven and Faruk Güven on New Bridges
    assert rows(out, STATE_PANEL) and rows(out, NEW_BRIDGES)
    assert not rows(out, ACTING) and not rows(out, MEMORANDUMS)


def test_list_search_answers_from_the_index_what_the_scan_finds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tui_guide.programme.haystacks import session_search_text

    session_search_text.cache_clear()
    code, indexed, _ = run(capsys, "list", "--search", "guven")
    assert code == 0
    assert session_search_text.cache_info().currsize == 0  # no session's text folded
    assert rows(indexed, STATE_PANEL) and rows(indexed, NEW_BRIDGES)
    assert not rows(indexed, ACTING) and not rows(indexed, MEMORANDUMS)
    # One venue is scanned instead, with the same rows as that venue's in the indexed listing.
    code, venue, _ = run(capsys, "list", "--search", "guven", "--venue", "baku-convention-center")
    assert code == 0
    assert session_search_text.cache_info().currsize > 0
    assert rows(venue, STATE_PANEL) == rows(indexed, STATE_PANEL)
    assert not rows(venue, NEW_BRIDGES)


def test_list_filters_combine(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--search", "masimov", "--day", "2025-12-07")
    assert code == 0
    assert rows(out, ACTING) and not rows(out, CAREERS)


def test_list_shows_tba_only_for_what_is_still_to_come(capsys: pytest.CaptureFixture[str]) -> None:
    # On 1 December 2025 the ATA roundtable of 9 December is still to come: its time and
    # venue are to be announced. The memorandums were reported signed on 4 October, and the
    # panel as held on 9 December (a report after the 1st, so not known to be over yet).
    code, out, _ = run(capsys, "--now", "2025-12-01T10:00", "list")
    assert code == 0
    (memorandums,) = rows(out, MEMORANDUMS)
    assert cells(memorandums) == [
        "Date not given",
        "Time not given",
        MEMORANDUMS,
        "signing",
        "Venue not given",
        "",
    ]
    (roundtable,) = rows(out, ROUNDTABLE)
    assert cells(roundtable) == ["Tue 9 Dec", "Time TBA", ROUNDTABLE, "roundtable", "Venue TBA", ""]
    (panel,) = rows(out, STATE_PANEL)
    assert cells(panel)[:5] == [
        "Date TBA",
        "Time TBA",
        STATE_PANEL,
        "panel",
        "Baku Convention Center",
    ]


def test_list_says_not_given_once_all_is_over(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list")  # the real clock: long after December 2025
    assert code == 0
    (roundtable,) = rows(out, ROUNDTABLE)
    assert cells(roundtable)[:2] == ["Tue 9 Dec", "Time not given"]
    (panel,) = rows(out, STATE_PANEL)
    assert cells(panel)[:2] == ["Date not given", "Time not given"]
    assert "TBA" not in out
    (acting,) = rows(out, ACTING)
    assert cells(acting) == [
        "Sun 7 Dec",
        "14:00",
        ACTING,
        "masterclass",
        "Yaradıcı Creative Hub",
        "Gurban Masimov",
    ]


def test_list_unknown_festival(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "list", "--festival", "cannes-2025")
    assert code == 2
    assert out == ""
    assert err.strip() == (
        "no festival with id 'cannes-2025' (known: baku-cinema-breeze-2025, korkyt-ata-2025, "
        "turksoy-film-leaders-2025)"
    )


def test_list_bad_day_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["list", "--day", "7 December"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "argument --day: not a date in YYYY-MM-DD form: '7 December'" in err
    assert "Traceback" not in err


def test_list_keeps_good_festivals_and_names_the_skipped_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(KORKYT, tmp_path / KORKYT.name)
    bad = tmp_path / "zz-bad.toml"
    bad.write_text(BAKU.read_text(encoding="utf-8").replace("Asia/Baku", "Asia/Bakuu"), "utf-8")
    code, out, err = run(capsys, "list", "--data", str(tmp_path))
    assert code == 0
    assert rows(out, MEMORANDUMS)
    assert not rows(out, ACTING)
    assert f"{bad}: skipped (see the problems above)" in err.splitlines()
    lines = bad.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("timezone ="))
    assert (
        f"{bad}:{line}: festival baku-cinema-breeze-2025, field timezone: "
        'unknown time zone "Asia/Bakuu"' in err
    )


def test_list_with_nothing_loadable_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "list", "--data", str(broken_folder(tmp_path)))
    assert code == 2
    assert "skipped" in err


# --- where the programme comes from --------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["--data", str(KORKYT), "list"],
        ["list", "--data", str(KORKYT)],
        ["--data", str(KORKYT), "validate"],
        ["validate", "--data", str(KORKYT)],
        ["validate", str(KORKYT)],
    ],
)
def test_data_before_or_after_the_subcommand(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, *argv)
    assert code == 0
    if "list" in argv:
        assert rows(out, MEMORANDUMS) and not rows(out, ACTING)
    else:
        assert out.strip() == "OK: 1 festival, 0 venues, 1 session"


def test_data_is_repeatable(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--data", str(KORKYT), "--data", str(TURKSOY))
    assert code == 0
    assert rows(out, MEMORANDUMS) and rows(out, NEW_BRIDGES) and not rows(out, ACTING)


def test_data_before_and_after_the_subcommand_add_up(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--data", str(KORKYT), "validate", "--data", str(TURKSOY))
    assert code == 0
    assert out.strip() == "OK: 2 festivals, 2 venues, 6 sessions"
    code, out, _ = run(capsys, "--data", str(KORKYT), "list", "--data", str(TURKSOY))
    assert code == 0
    assert rows(out, MEMORANDUMS) and rows(out, NEW_BRIDGES)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([str(KORKYT)], [KORKYT]),  # `tui-guide FILE`, as a pager opens one
        ([str(KORKYT), str(TURKSOY)], [KORKYT, TURKSOY]),
        (["--now", "2025-10-04T10:00", str(KORKYT)], [KORKYT]),  # an option's value is no path
        (["--data", str(TURKSOY), str(DATA)], [TURKSOY, DATA]),  # a folder, after --data
        (["missing-programme.xml"], [Path("missing-programme.xml")]),  # said missing by the loader
    ],
)
def test_paths_named_without_data_open_the_guide_on_them(
    argv: list[str], expected: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui_guide.cli import guide

    opened: list[list[Path]] = []
    monkeypatch.setattr(guide, "run", lambda args, out, err: opened.append(args.data) or 0)
    assert main(argv) == 0
    assert opened == [expected]


def test_a_mistyped_command_is_still_a_mistyped_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # no file of that name here
    with pytest.raises(SystemExit) as raised:
        main(["lsit"])
    assert raised.value.code == 2
    assert "invalid choice: 'lsit'" in capsys.readouterr().err


def test_environment_variable_points_at_another_programme(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(DATA_ENV, os.pathsep.join([str(KORKYT), str(TURKSOY)]))
    code, out, _ = run(capsys, "validate")
    assert code == 0
    assert out.strip() == "OK: 2 festivals, 2 venues, 6 sessions"
    code, out, _ = run(capsys, "list")
    assert rows(out, MEMORANDUMS) and not rows(out, ACTING)


def test_data_option_wins_over_the_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(DATA_ENV, str(TURKSOY))
    code, out, _ = run(capsys, "validate", "--data", str(KORKYT))
    assert code == 0
    assert out.strip() == "OK: 1 festival, 0 venues, 1 session"


# --- help and version ----------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"tui-guide {__version__}"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--help"], "An offline terminal guide to festival programmes."),
        (["validate", "--help"], "usage: tui-guide validate"),
        (["list", "--help"], "--search TEXT"),
    ],
)
def test_help(argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert expected in out
    assert "--data PATH" in out


def test_python_dash_m_validate() -> None:
    env = {k: v for k, v in os.environ.items() if k != DATA_ENV}
    result = subprocess.run(
        [sys.executable, "-m", "tui_guide", "validate"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "OK: 3 festivals, 4 venues, 12 sessions"


def test_python_dash_m_validate_broken(tmp_path: Path) -> None:
    folder = broken_folder(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "tui_guide", "validate", str(folder)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "4 errors in 3 files" in result.stderr


# --- the documentation of the format stays true --------------------------------------------

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "data-format.md"
EXAMPLE = REPO / "tests" / "data" / "example.toml"


def fenced_blocks(language: str) -> list[str]:
    """The bodies of the ```language blocks of docs/data-format.md, indented ones included."""
    blocks: list[str] = []
    current: list[str] | None = None
    indent = ""
    for line in DOC.read_text(encoding="utf-8").split("\n"):
        stripped = line.strip()
        if current is None and stripped == f"```{language}":
            current, indent = [], line[: len(line) - len(line.lstrip())]
        elif current is not None and stripped == "```":
            blocks.append("\n".join(current) + "\n")
            current = None
        elif current is not None:
            current.append(line.removeprefix(indent))
    return blocks


def test_documented_example_is_the_tested_example(capsys: pytest.CaptureFixture[str]) -> None:
    (example,) = [block for block in fenced_blocks("toml") if "[festival]" in block]
    assert example == EXAMPLE.read_text(encoding="utf-8")
    code, out, err = run(capsys, "validate", str(EXAMPLE))
    assert (code, out.strip(), err) == (0, "OK: 1 festival, 2 venues, 6 sessions", "")
    assert "`OK: 1 festival, 2 venues, 6 sessions`" in DOC.read_text(encoding="utf-8")


def test_documented_example_uses_every_key() -> None:
    from tui_guide.formats.toml.read import (
        FESTIVAL_FIELDS,
        PERSON_FIELDS,
        SESSION_FIELDS,
        VENUE_FIELDS,
    )

    text = EXAMPLE.read_text(encoding="utf-8")
    doc = DOC.read_text(encoding="utf-8")
    for key in {*FESTIVAL_FIELDS, *VENUE_FIELDS, *SESSION_FIELDS}:
        assert f"\n{key} = " in text, key
        assert f"| `{key}`" in doc, key
    for key in PERSON_FIELDS:
        assert f"{key} = " in text, key
        assert f"| `{key}`" in doc, key


def test_documented_kinds_are_the_kinds() -> None:
    from tui_guide.programme import Kind

    section = DOC.read_text(encoding="utf-8").split("### Kinds", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"`([a-z]+)`", section.split("\n\n", 2)[2])
    assert listed == [k.value for k in Kind]


def test_documented_errors_are_the_real_output(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)
    documented = next(b for b in fenced_blocks("text") if "tests/data/broken/" in b)
    code, out, err = run(capsys, "validate", "tests/data/broken")
    assert code == 2
    assert out == ""
    assert err == documented


def test_documented_missing_paths_are_the_real_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty-folder").mkdir()
    documented = next(b for b in fenced_blocks("text") if "nowhere.toml" in b)
    command, *expected = documented.strip().split("\n")
    assert command == "$ tui-guide validate nowhere.toml empty-folder"
    code, _, err = run(capsys, *command.split()[2:])
    assert code == 2
    assert err.strip().split("\n") == expected


def test_every_top_level_option_with_a_value_is_known_to_the_path_shorthand() -> None:
    from tui_guide.cli.main import _VALUED, build_parser

    parser = build_parser([])
    valued = {
        option
        for action in parser._actions
        if action.nargs != 0 and action.option_strings
        for option in action.option_strings
    }
    assert valued == _VALUED


# The words a start may be made of: the options of a plain start and the others, in full,
# abbreviated, with "=" and without, the help, subcommands, and values that each option's
# type takes or refuses (or that the parser could read as an option of their own).
_PLAIN_NAMES = ("--data", "--timezone", "--now", "--state-dir", "--lang", "--remind", "--config")
_OTHER_WORDS = ("--favourites", "--version", "--da", "--no", "--help", "-h", "--", "--x")
_VALUE_WORDS = (
    *("data", "some folder/with spaces", "a=b", "", "-", "-x", "-5", "--data", "list"),
    *("2025-12-07T14:10", "2025-12-07T14:10+04:00", "1899-12-31T23:00", "tomorrow"),
    *("Asia/Baku", "UTC", "Nowhere/City", "../etc", "0", "10", "10080", "10081", " 7"),
    *("tr", "xx", "settings.toml", "validate"),
)
# A value of each option that its type takes.
_GOOD = {"--now": "2025-12-07T14:10", "--timezone": "Asia/Baku", "--remind": "15"}


def _parsed(words: list[str]) -> dict[str, object] | None:
    """What the full parser makes of `words`, or None when it refuses them."""
    try:
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            return vars(build_parser(words).parse_args(words))
    except SystemExit:
        return None


@settings(max_examples=examples(600))
@given(
    words=st.lists(
        st.one_of(
            st.tuples(st.sampled_from(_PLAIN_NAMES + _OTHER_WORDS)),
            st.tuples(st.sampled_from(_VALUE_WORDS)),
            st.tuples(st.sampled_from(_PLAIN_NAMES), st.sampled_from(_VALUE_WORDS)),
            st.builds(
                lambda name, value: (f"{name}={value}",),
                st.sampled_from(_PLAIN_NAMES + _OTHER_WORDS),
                st.sampled_from(_VALUE_WORDS),
            ),
        ),
        max_size=6,
    ).map(lambda parts: [word for part in parts for word in part])
)
def test_a_plain_start_reads_its_words_as_the_parser_does(words: list[str]) -> None:
    # Whatever it answers (None: the parser reads them), the parser answers the same.
    fast = plain_start(words)
    if fast is not None:
        assert vars(fast) == _parsed(words)


@settings(max_examples=examples(200))
@given(
    options=st.lists(
        st.tuples(
            st.sampled_from(_PLAIN_NAMES),
            st.sampled_from(["data", "a=b", "x y", "tr", "settings.toml", "../etc"]),
            st.booleans(),
        ),
        max_size=6,
    )
)
def test_a_plain_start_of_the_guide_needs_no_parser(options: list[tuple[str, str, bool]]) -> None:
    words: list[str] = []
    for name, value, joined in options:
        value = _GOOD.get(name, value)
        words += [f"{name}={value}"] if joined else [name, value]
    fast = plain_start(words)
    assert fast is not None
    assert vars(fast) == _parsed(words)


def test_the_plain_start_knows_only_options_the_parser_has() -> None:
    assert set(_PLAIN) == set(_PLAIN_NAMES)
    assert set(_PLAIN) <= _VALUED
    fast = plain_start([])
    assert fast is not None and vars(fast) == _parsed([])
    assert plain_start(["list"]) is None and plain_start(["--help"]) is None


def test_a_subcommand_runs_with_the_collector_on_and_leaves_it_as_it_was(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The guide starts with no collections (cli/main.py); a subcommand collects as usual.
    import gc

    from tui_guide.cli import validate

    seen: list[bool] = []
    monkeypatch.setattr(validate, "run", lambda args, out, err: seen.append(gc.isenabled()) or 0)
    assert gc.isenabled()
    assert main(["validate"]) == 0
    assert seen == [True]
    assert gc.isenabled()
    gc.disable()  # a caller that collects nothing is left so
    try:
        assert main(["validate"]) == 0
        assert seen == [True, False]
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_guide_starts_with_no_collection_until_its_first_paint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from tui_guide.cli import guide
    from tui_guide.tui.app import GuideApp

    seen: dict[str, bool] = {}
    load = guide.load_programme  # the collector turned on by the App after its first paint

    def loading(*args: object, **kwargs: object) -> object:
        seen["load"] = gc.isenabled()
        return load(*args, **kwargs)

    def running(app: GuideApp) -> None:
        seen["run"] = gc.isenabled()
        seen["after paint"] = app.collect_after_paint

    monkeypatch.setattr(guide, "load_programme", loading)
    monkeypatch.setattr(GuideApp, "run", running)
    monkeypatch.setattr(gc, "freeze", lambda: None)  # run_guide's, for a terminal's lifetime
    assert main(["--state-dir", str(tmp_path)]) == 0
    assert seen == {"load": False, "run": False, "after paint": True}
    assert gc.isenabled()
