"""The fast TOML reader (rtoml, `formats/toml/fast.py`) against tomli 2.2.1: where it gives
a document, it is exactly tomli's (the same types and values); where tomli refuses a file,
it gives none; and what TOML 1.1 adds is never read as TOML 1.0."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import tomli
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.formats.toml import fast
from tui_guide.formats.toml.fast import alike, fast_loads
from tui_guide.formats.toml.read import read_toml

REPO = Path(__file__).resolve().parents[1]
REPO_TOML = sorted(
    {*REPO.glob("data/*.toml"), *REPO.glob("tests/**/*.toml"), *REPO.glob("docs/**/*.toml")}
)

pytestmark = pytest.mark.skipif(fast._LOADS is None, reason="rtoml is not installed")


def exact(value: Any) -> Any:
    """A value with its type spelt out at every level (1 and 1.0 and True differ; so do a
    date and a date-time, a local and an offset date-time, nan and -nan). The keys of a table
    are compared as a set: rtoml puts a table defined after its sub-tables (`[a.b]`, then
    `[a]`) where it is defined, tomli where the sub-table is; nothing in the guide reads a
    table's keys in order."""
    if isinstance(value, dict):
        return ("dict", sorted((key, exact(item)) for key, item in value.items()))
    if isinstance(value, list):
        return ("list", [exact(item) for item in value])
    if isinstance(value, float):
        return ("float", repr(value), math.copysign(1.0, value))
    if isinstance(value, datetime):
        return ("datetime", repr(value), type(value.tzinfo).__name__)
    return (type(value).__name__, repr(value))


def same(source: str) -> None:
    """The fast reader gives tomli's document exactly, or none; none whenever tomli refuses."""
    data = source.encode("utf-8", "surrogatepass")
    try:
        expected = tomli.loads(source)
    except (tomli.TOMLDecodeError, ValueError, RecursionError):
        assert fast_loads(source, data) is None, source
        return
    got = fast_loads(source, data)
    if got is not None:
        assert exact(got) == exact(expected), source


# --- values of every TOML type, written as TOML 1.0 ------------------------------------------

keys = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=6)
offsets = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
scalars = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.times(),
    st.datetimes(),
    st.datetimes(timezones=st.one_of(st.just(UTC), offsets)),
    st.sampled_from(["14:00", "at 14:00 ", "{ x = 1, }", "\\e", "C:\\x", '"""', "'''"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=12,
)
documents = st.dictionaries(keys, values, max_size=6)


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_any_toml_1_0_document_reads_as_tomli_reads_it(doc: dict[str, Any]) -> None:
    # tomli_w writes TOML 1.0 (seconds always, no newline in an inline table).
    same(tomli_w.dumps(doc))
    same(tomli_w.dumps(doc, multiline_strings=True))


# --- the guide's own shapes, written by hand as people write them ----------------------------

GUIDE = """\
[festival]
id = "f"
name = {name}
timezone = "Asia/Baku"
starts = 2025-12-05
day_starts = 04:00:00
organisers = [{text}, 'lit']

[[venues]]
id = "v"
name = "Hall"

[[sessions]]
id = "s1"
title = {text}
kind = "screening"
date = 2025-12-06
start = {clock}
end = 23:59:59.999999
venue = "v"
people = [{{ name = {name}, role = "speaker" }}, {{ name = "B" }}]
tags = [
  "a", # a comment
  {text},
]
links = [{{ url = "https://example.org", title = {text} }}]
description = \"\"\"
{body}\"\"\"
sessions.extra.dotted = 1
"""

texts = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=15)


@settings(max_examples=examples(200), suppress_health_check=[HealthCheck.too_slow])
@given(
    name=texts,
    text=texts,
    body=st.text(st.sampled_from("ab{}[]\"'#\\\n :,"), max_size=30),
    clock=st.sampled_from(["14:00:00", "14:00", "00:00:00.5", "09:30:00Z", "7:00:00"]),
    quote=st.sampled_from(['"', "'"]),
)
def test_the_guides_shapes_read_as_tomli_reads_them(
    name: str, text: str, body: str, clock: str, quote: str
) -> None:
    def string(value: str) -> str:
        if quote == "'" and "'" not in value and "\n" not in value:
            return f"'{value}'"
        return tomli_w.dumps({"x": value})[4:-1]

    same(GUIDE.format(name=string(name), text=string(text), body=body, clock=clock))


# --- what TOML 1.1 adds, and the crashes of other fast readers -------------------------------

TOML_1_1 = [
    "start = 14:00\n",
    "start = 14:00 # no seconds\n",
    "at = 2025-12-07T14:00\n",
    "at = 2025-12-07 14:00\n",
    "at = 2025-12-07T14:00+04:00\n",
    "at = 2025-12-07T14:00-04:00\n",
    "at = 2025-12-07 14:00Z\n",
    "times = [14:00, 15:00:00]\n",
    "person = { name = 'A',\n role = 'B' }\n",
    "person = { name = 'A', }\n",
    "person = { name = { first = 'A' },\n role = 'B' }\n",
    'person = { name = "}",\n role = "B" }\n',
    "person = {\n  name = 'A', # a comment\n}\n",
    # Strings side by side, in a file with multi-line strings: never one long string.
    'd = """x"""\na = ["", "x"]\np = { n = 1,\n r = 2 }\nz = """y"""\n',
    "d = '''x'''\na = ['', \"\", '']\np = { n = 1,\n r = 2 }\nz = '''y'''\n",
    'd = """x"""\n"a"."b" = ""\np = { n = 1,\n r = 2 }\nz = """y"""\n',
    'd = """x"""\na = [[""], [""]]\np = { n = 1,\n r = 2 }\nz = """y"""\n',
    'title = "\\e[31m"\n',
    'title = "\\x41"\n',
]


@pytest.mark.parametrize("source", TOML_1_1)
def test_toml_1_1_is_left_to_tomli(source: str) -> None:
    with pytest.raises(tomli.TOMLDecodeError):
        tomli.loads(source)
    assert not alike(source.encode())
    assert fast_loads(source, source.encode()) is None


def test_a_time_without_seconds_keeps_the_loaders_hint(tmp_path: Path) -> None:
    source = '[festival]\nid = "f"\nname = "F"\ntimezone = "UTC"\n\n[[sessions]]\nstart = 14:00\n'
    festival, problems = read_toml(tmp_path / "f.toml", source.encode())
    assert festival is None
    assert [(p.line, p.column) for p in problems] == [(7, 11)]
    assert "a TOML time needs seconds: write 14:00:00, not 14:00" in problems[0].message


@pytest.mark.parametrize(
    "source",
    [
        "a = " + "[" * 5000 + "]" * 5000 + "\n",
        "a = " + "[{b = " * 2000 + "1" + "}]" * 2000 + "\n",
        'x = """a""""""\na = ' + "[" * 20000 + "]" * 20000 + "\n",
        "a = " + "1" * 5000 + "\n",
        "a = 1e400\n",
        "a = 9223372036854775808\n",
        'a = """x\r\ny"""\r\n',
        "a = '''\r\nx\r\n'''\n",
        "\ufeffa = 1\n",
    ],
    ids=[
        "deep",
        "deep-inline",
        "deep-after-an-error",
        "long-number",
        "huge-float",
        "big-int",
        "crlf-in-a-multi-line-string",
        "crlf-in-a-multi-line-literal",
        "a-second-bom",
    ],
)
def test_what_the_fast_reader_refuses_or_reads_otherwise_is_tomlis(source: str) -> None:
    same(source)


def test_strings_that_only_look_like_toml_1_1_cost_the_slow_path_not_a_wrong_answer() -> None:
    source = "a = \"at 14:00 in { the hall,}\"\nb = 'C:\\e'\n"
    assert tomli.loads(source) == {"a": "at 14:00 in { the hall,}", "b": "C:\\e"}
    assert fast_loads(source, source.encode()) is None


def test_braces_and_quotes_inside_strings_do_not_fool_the_inline_table_check() -> None:
    source = (
        'a = { b = "}", c = "{" }\n'
        "d = { e = '\"', f = \"'\" }\n"
        'g = ["", "", "{"]\n'
        'h = "\\"{\\\\"\n'
        "# { a comment\n"
        "i = [\n  { j = 1 },\n  { k = '}' },\n]\n"
    )
    assert alike(source.encode())
    assert fast_loads(source, source.encode()) == tomli.loads(source)


@pytest.mark.parametrize("path", REPO_TOML, ids=lambda p: str(p.relative_to(REPO)))
def test_every_toml_file_of_the_repository(path: Path) -> None:
    data = path.read_bytes()
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return
    same(source)


def test_the_guide_reads_without_rtoml(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = REPO / "data" / "korkyt-ata-2025.toml"
    with_it = read_toml(path, path.read_bytes())
    monkeypatch.setattr(fast, "_LOADS", None)
    assert fast_loads("a = 1\n", b"a = 1\n") is None
    assert read_toml(path, path.read_bytes()) == with_it
    assert with_it[0] is not None and with_it[1] == []


def test_values_of_every_type_exactly() -> None:
    source = (
        "c = 1979-05-27T07:32:00\nd = 1979-05-27\ne = 07:32:00\nf = 07:32:00.1234567\n"
        "g = inf\nh = -nan\ni = -0.0\nj = 0xff_ff\nk = 0o17\nl = 0b11\nm = 1_000.5e-3\n"
        "n = [[1, 2], ['a']]\n[t.u]\nv.w = true\n[[x]]\ny = { z = [{ a = 1 }] }\n[[x]]\n"
    )
    got = fast_loads(source, source.encode())
    assert got is not None
    assert exact(got) == exact(tomli.loads(source))
    assert got["d"] == date(1979, 5, 27) and type(got["d"]) is date
    assert got["e"] == time(7, 32) and got["f"] == time(7, 32, 0, 123456)


@pytest.mark.parametrize(
    "value",
    ["1979-05-27T07:32:00Z", "1979-05-27t07:32:00z", "1979-05-27 00:32:00.999999-07:00"],
)
def test_offset_date_times_are_left_to_tomli(value: str) -> None:
    # rtoml would give them a tzinfo of its own: equal, but not tomli's `timezone`.
    source = f"a = {value}\n"
    assert not alike(source.encode())
    assert fast_loads(source, source.encode()) is None
    assert type(tomli.loads(source)["a"].tzinfo) is timezone


# --- noise: lines of TOML, near-TOML and TOML 1.1, in any order ----------------------------

LINES = [
    "[festival]",
    "[festival.extra]",
    "[[sessions]]",
    "[[sessions.people]]",
    "[",
    'id = "a"',
    "start = 14:00:00",
    "start = 14:00",
    "at = 2025-12-07T14:00:00+04:00",
    "at = 2025-12-07T14:00",
    'people = [{ name = \'A\' }, { name = "B", role = "}" }]',
    "person = { name = 'A',",
    " role = 'B' }",
    "person = { name = 'A', }",
    'title = "\\e"',
    'title = "\\x41"',
    'title = "\\\\e"',
    'title = """',
    '"""',
    "title = '''",
    "'''",
    "tags = [",
    '  "a", # {',
    "]",
    "n = 1e400",
    "n = " + "9" * 30,
    "a = " + "[" * 300,
    "]" * 300,
    "# {",
    "x = '{'",
    'y = "\\"{"',
    'a = ["", "x"]',
    "b = ['', \"\"]",
    '"c"."d" = ""',
]
noise_lines = st.one_of(
    st.sampled_from(LINES), st.text(st.sampled_from("ab=[]{}\"'#\\:,. \t01"), max_size=12)
)


@settings(max_examples=examples(500), suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(noise_lines, max_size=30))
def test_noise_reads_as_tomli_reads_it_or_goes_to_tomli(lines: list[str]) -> None:
    same("\n".join(lines))


@pytest.mark.parametrize("name", ["baku-cinema-breeze-2025.toml", "korkyt-ata-2025.toml"])
@pytest.mark.parametrize("newline", [b"\n", b"\r\n"])
def test_the_bundled_files_read_the_same_with_either_newline(name: str, newline: bytes) -> None:
    path = REPO / "data" / name
    data = path.read_bytes().replace(b"\n", newline)
    with_fast = read_toml(path, data)
    saved = fast._LOADS
    fast._LOADS = None
    try:
        without = read_toml(path, data)
    finally:
        fast._LOADS = saved
    assert with_fast == without
    assert with_fast[0] is not None
    assert with_fast[0].sessions == without[0].sessions
    assert not any("\r" in s.description for s in with_fast[0].sessions)
