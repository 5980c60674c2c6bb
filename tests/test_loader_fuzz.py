"""No input file, however broken, makes the loader (or `tui-guide validate`) raise.

Random bytes, random text, TOML-shaped noise, and the real files (bundled and the documented
example) mutated line by line: every run ends in a festival or a list of problems, each
problem pointing at the file with a line inside it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.cli import main
from tui_guide.formats.load import load_file
from tui_guide.formats.toml.read import FESTIVAL_FIELDS, PERSON_FIELDS, SESSION_FIELDS, VENUE_FIELDS
from tui_guide.library.load import load_programme
from tui_guide.programme import Festival, Problem

REPO = Path(__file__).resolve().parents[1]
SEEDS = [
    *sorted((REPO / "data").glob("*.toml")),
    REPO / "tests" / "data" / "example.toml",
]
SEED_LINES = {path.name: path.read_bytes().split(b"\n") for path in SEEDS}

# Any C0 or C1 control character or DEL: a message must never carry one to the terminal.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

_FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def fuzz(thorough: int) -> settings:
    """Settings for one fuzz test: `thorough` examples under the thorough profile, sized so the
    whole module runs in well under 20 s; a fifth of them by default (see hypothesis_profiles)."""
    return settings(_FUZZ, max_examples=examples(thorough))


KEYS = sorted(
    {*FESTIVAL_FIELDS, *VENUE_FIELDS, *SESSION_FIELDS, *PERSON_FIELDS}
    | {"festival", "venues", "sessions", "titel", "kind ", '"quoted key"', "a.b", "x-y_z"}
)
VALUES = [
    '"text"',
    '""',
    '"   "',
    "'literal'",
    '"""\nmulti\nline\n"""',
    "42",
    "-0.5",
    "inf",
    "true",
    "2025-12-07",
    "2025-12-07T14:00:00",
    "2025-12-07T14:00:00+04:00",
    "14:00:00",
    "23:59:59.999999",
    "00:00:00",
    "1900-01-01",
    "9999-12-31",
    "[]",
    '["a", "b"]',
    '[1, "a"]',
    "[[1], [2]]",
    "{}",
    '{ name = "X" }',
    '[{ name = "X", role = "Y" }, { rol = 1 }]',
    '"Asia/Baku"',
    '"Asia/Bakuu"',
    '"../../etc/passwd"',
    '"main-hall"',
    '"screening"',
    '"\\u001b[31m"',
    '"\\u0000"',
]
HEADERS = [
    "[festival]",
    "[[venues]]",
    "[[sessions]]",
    "[venues]",
    "[sessions]",
    "[[festival]]",
    "[festival.extra]",
    "[[sessions.people]]",
    "[ festival ]",
    '["festival"]',
    "[",
    "[[",
]
JUNK = [
    b"\x00",
    b"\x1b[2J",
    b"\x07",
    b"\r",
    b"\x0c",
    b"\x85",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",  # an encoded surrogate: not UTF-8
    "\u2028".encode(),
    "\u202e".encode(),
    b"\xef\xbb\xbf",
    b'"""',
    b"'''",
    b"#",
    b"=",
    b"\\",
    b"[" * 50,
    b"a = [" * 200,
]


def check_outcome(path: Path, content: bytes, festival: Festival | None, problems: list[Problem]):
    """The loader's promise for any file."""
    assert isinstance(problems, list)
    if festival is None:
        assert problems, "a rejected file must say why"
    else:
        assert problems == []
        assert festival.source_file == path
    # expat counts a lone CR as a line break too (XML reads CR and CRLF as LF).
    lines = content.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.file == path
        if problem.line is not None:
            assert 1 <= problem.line <= lines, (str(problem), lines)
        if problem.column is not None:
            assert problem.line is not None and problem.column >= 1
        assert problem.message
        assert not CONTROL.search(problem.message), repr(problem.message)


def load_bytes(path: Path, content: bytes) -> None:
    path.write_bytes(content)
    festival, problems = load_file(path)
    check_outcome(path, content, festival, problems)
    programme = load_programme([path])
    assert len(programme.festivals) + len(programme.skipped) == 1
    assert (festival is None) == (programme.skipped == (path,))


# --- (1) noise -----------------------------------------------------------------------------


@fuzz(400)
@given(content=st.binary(max_size=2000))
def test_random_bytes(tmp_path: Path, content: bytes) -> None:
    load_bytes(tmp_path / "random.toml", content)


@fuzz(400)
@given(text=st.text(max_size=2000))
def test_random_text(tmp_path: Path, text: str) -> None:
    load_bytes(tmp_path / "random.toml", text.encode("utf-8", "surrogatepass"))


toml_line = st.one_of(
    st.sampled_from(HEADERS),
    st.builds(lambda k, v: f"{k} = {v}", st.sampled_from(KEYS), st.sampled_from(VALUES)),
    st.builds(lambda k, v: f"{k} = {v}", st.sampled_from(KEYS), st.text(max_size=20)),
    st.text(max_size=30),
    st.just(""),
)


@fuzz(500)
@given(lines=st.lists(toml_line, max_size=40))
def test_toml_shaped_noise(tmp_path: Path, lines: list[str]) -> None:
    text = "\n".join(lines)
    load_bytes(tmp_path / "shaped.toml", text.encode("utf-8", "surrogatepass"))


# --- (2) the real files, mutated -----------------------------------------------------------


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(SEED_LINES)))
    lines = list(SEED_LINES[name])
    for _ in range(draw(st.integers(1, 6))):
        op = draw(
            st.sampled_from(
                [
                    "delete",
                    "duplicate",
                    "swap",
                    "retype",
                    "insert-key",
                    "insert-header",
                    "truncate",
                    "junk",
                    "rekey",
                ]
            )
        )
        if not lines:
            lines = [b""]
        i = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, line)
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], line
        elif op == "retype" and b"=" in line:
            key = line.split(b"=", 1)[0]
            lines[i] = key + b"= " + draw(st.sampled_from(VALUES)).encode()
        elif op == "rekey" and b"=" in line:
            value = line.split(b"=", 1)[1]
            lines[i] = draw(st.sampled_from(KEYS)).encode() + b" =" + value
        elif op == "insert-key":
            key = draw(st.sampled_from(KEYS) | st.from_regex(r"[a-z_]{1,12}", fullmatch=True))
            lines.insert(i, f"{key} = {draw(st.sampled_from(VALUES))}".encode())
        elif op == "insert-header":
            lines.insert(i, draw(st.sampled_from(HEADERS)).encode())
        elif op == "truncate":
            content = b"\n".join(lines)
            cut = draw(st.integers(0, len(content)))
            lines = content[:cut].split(b"\n")
        elif op == "junk":
            at = draw(st.integers(0, len(line)))
            junk = draw(st.sampled_from(JUNK))
            lines[i] = line[:at] + junk + line[at:]
    return name, b"\n".join(lines)


@fuzz(800)
@given(case=mutated())
def test_mutated_real_files(tmp_path: Path, case: tuple[str, bytes]) -> None:
    name, content = case
    load_bytes(tmp_path / name, content)


@fuzz(150)
@given(cases=st.lists(mutated(), min_size=1, max_size=4))
def test_mutated_folders(tmp_path: Path, cases: list[tuple[str, bytes]]) -> None:
    folder = tmp_path / "folder"
    if folder.exists():
        for old in folder.iterdir():
            old.unlink()
    folder.mkdir(exist_ok=True)
    for number, (name, content) in enumerate(cases):
        (folder / f"{number}-{name}").write_bytes(content)
    programme = load_programme([folder])
    files = sorted(folder.glob("*.toml"))
    assert len(programme.festivals) + len(programme.skipped) == len(files)
    ids = [f.id for f in programme.festivals]
    assert len(ids) == len(set(ids))
    for problem in programme.problems:
        assert problem.file in files
        assert not CONTROL.search(problem.message)


@fuzz(80)
@given(case=mutated())
def test_validate_never_raises_on_mutated_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: tuple[str, bytes]
) -> None:
    name, content = case
    path = tmp_path / name
    path.write_bytes(content)
    code = main(["validate", str(path)])
    captured = capsys.readouterr()
    assert code in (0, 2)
    assert "Traceback" not in captured.err
    assert (code == 0) == captured.out.startswith("OK: 1 festival,")
    assert "\x1b" not in captured.err and "\x1b" not in captured.out


@fuzz(50)
@given(case=mutated())
def test_list_never_raises_on_mutated_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: tuple[str, bytes]
) -> None:
    name, content = case
    path = tmp_path / name
    path.write_bytes(content)
    code = main(["list", "--data", str(path)])
    captured = capsys.readouterr()
    assert code in (0, 2)
    assert "Traceback" not in captured.err
    assert "\x1b" not in captured.err and "\x1b" not in captured.out


def test_the_seeds_themselves_load(tmp_path: Path) -> None:
    for name, lines in SEED_LINES.items():
        load_bytes(tmp_path / name, b"\n".join(lines))
        assert load_file(tmp_path / name)[0] is not None, name
