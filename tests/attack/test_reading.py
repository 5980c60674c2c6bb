"""The attack on the reading path (issue 15, part A): hostile and faulty files, each made
here, small, and each ending in a clear message or a correct result, with no traceback, no
hang, and the other files still loaded.

Each test names the defect of the issue it holds the fix of."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from cache_payload import edit, swap

from tui_guide.cli import main
from tui_guide.favourites import Favourites, locate
from tui_guide.formats.load import load_file
from tui_guide.formats.schedule import build as build_module
from tui_guide.library import cache
from tui_guide.library.cache import cached_load
from tui_guide.library.load import load_programme
from tui_guide.programme.model import Kind, Session
from tui_guide.programme.text import LONGEST_LINE
from tui_guide.reading import MAX_PROGRAMME_BYTES

GOOD = """\
[festival]
id = "good"
name = "Good"
timezone = "Asia/Baku"
starts = 2025-12-06
ends = 2025-12-07

[[sessions]]
id = "opening"
title = "Opening"
kind = "ceremony"
date = 2025-12-06
start = 18:00:00
"""

HUGE = "9" * 5000  # past Python's 4,300 digits


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def within(seconds: float, work: Callable[[], Any]) -> Any:
    """`work()`, which must return rather than hang (a named pipe opened for reading waits
    for a writer forever): a guard, not a measure of speed."""
    found: list[Any] = []
    failed: list[BaseException] = []

    def step() -> None:
        try:
            found.append(work())
        except BaseException as error:  # pragma: no cover - reported below
            failed.append(error)

    thread = threading.Thread(target=step, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "it hangs"
    if failed:
        raise failed[0]
    return found[0]


def schedule_json(events: list[dict[str, Any]], **conference: Any) -> str:
    days = [{"date": "2024-07-01", "rooms": {"Hall": events}}]
    head = {"title": "Camp", "time_zone_name": "UTC", **conference, "days": days}
    return json.dumps({"schedule": {"conference": head}})


def event(guid: str, **fields: Any) -> dict[str, Any]:
    return {"guid": guid, "title": f"Talk {guid}", "start": "10:00", "duration": "00:30", **fields}


def folder_with(tmp_path: Path, name: str, content: str | bytes) -> Path:
    folder = tmp_path / "programme"
    folder.mkdir(exist_ok=True)
    (folder / "good.toml").write_text(GOOD, encoding="utf-8")
    data = content.encode("utf-8") if isinstance(content, str) else content
    (folder / name).write_bytes(data)
    return folder


# --- 1. Integers of more than 4,300 digits ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("big.toml", GOOD.replace('id = "opening"', f'id = "opening"\nseats = {HUGE}'), 10),
        ("big.json", f'{{"schedule": {{"conference": {{\n"daysCount": {HUGE}}}}}}}', 2),
    ],
    ids=["toml", "json"],
)
def test_1_a_huge_number_is_a_message_and_the_other_files_load(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str, line: int
) -> None:
    folder = folder_with(tmp_path, name, content)
    code, out, err = run(capsys, "validate", str(folder))
    assert code == 2
    assert f"{folder / name}:{line}: a number of 5,000 digits is longer than the 4,300" in err
    assert "remove it" in err
    code, out, err = run(capsys, "list", "--data", str(folder))
    assert code == 0 and "Opening" in out


def test_1_a_huge_number_in_a_favourites_import_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "moved.json"
    path.write_text(f'{{"format": "tui-guide favourites",\n"version": {HUGE}}}')
    code, _, err = run(
        capsys, "--state-dir", str(tmp_path / "state"), "favourites", "import", str(path)
    )
    assert code == 2
    assert f"{path}:2: a number of 5,000 digits" in err


def test_1_a_huge_number_in_the_first_release_file_does_not_stop_the_guide(
    tmp_path: Path,
) -> None:
    (tmp_path / "favourites.json").write_text(f'{{"favourites": ["a/b", {HUGE}]}}')
    store = Favourites.at(locate(tmp_path))  # raised ValueError, and the guide did not start
    assert store.problem is not None and "a number of 5,000 digits" in store.problem
    assert list(tmp_path.glob("favourites.json.unreadable-*"))  # set aside, not deleted
    store.toggle("good/opening")
    assert "good/opening" in store


def test_1_add_refuses_a_download_with_a_huge_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui_guide.library import fetch

    body = f'{{"schedule": {{"conference": {{"daysCount": {HUGE}}}}}}}'.encode()
    monkeypatch.setattr(fetch, "_download", lambda url, state: (body, None, None))
    outcome = fetch.add("https://example.org/schedule.json", tmp_path / "added")
    assert outcome.status == "failed"
    assert any("a number of 5,000 digits" in p.message for p in outcome.problems)


# --- 2. Lone surrogates -------------------------------------------------------------------

SURROGATES = schedule_json(
    [event("g1", title="A\\ud800", persons=[{"public_name": "P\\udc00"}])]
).replace("\\\\u", "\\u")


def test_2_lone_surrogates_pass_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # main already read schedule.json's lone surrogates as U+FFFD (3755c60): this holds it,
    # now through the one JSON decoder every reader shares.
    path = tmp_path / "camp.json"
    path.write_text(SURROGATES)
    assert '"A\\ud800"' in SURROGATES  # the escape itself, as a hostile file writes it
    for command in (
        ["list", "--data", str(path)],
        ["list", "--data", str(path), "--format", "csv"],
        ["list", "--data", str(path), "--format", "json"],
        ["export", "--data", str(path), "--format", "ics", "-o", str(tmp_path / "out.ics")],
        ["import", str(path), "-o", str(tmp_path / "out.toml")],
    ):
        code, out, _ = run(capsys, *command)
        assert code == 0, command
        out.encode("utf-8")  # no lone surrogate reaches the terminal
    assert "A\ufffd" in (tmp_path / "out.toml").read_text("utf-8")


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-16", "utf-32-le"], ids=["utf-8-bytes", "utf-16", "utf-32"]
)
def test_2_a_lone_surrogate_written_out_in_bytes_is_read_as_the_replacement(
    tmp_path: Path, encoding: str
) -> None:
    """Not an escape but the surrogate's own bytes (ED A0 80 in UTF-8), which json.loads
    reads from bytes: the same U+FFFD, so that the cache and every writer can hold it."""
    text = schedule_json([event("g1", title="A\ud800", type="\udc00talk")])
    text = json.dumps(json.loads(text), ensure_ascii=False)  # written out, not escaped
    assert "\\ud800" not in text and "\ud800" in text
    path = tmp_path / "camp.json"
    path.write_bytes(text.encode(encoding, "surrogatepass"))
    festival, _ = load_file(path)
    assert festival is not None
    [session] = festival.sessions
    assert session.title == "A\ufffd" and session.type == "\ufffdtalk"
    loaded = load_file(path)
    assert cache.decode(cache.encode(loaded, path), str(path), path) == loaded


def test_2_a_session_with_a_lone_surrogate_can_be_starred(tmp_path: Path) -> None:
    zone = ZoneInfo("UTC")
    session = Session("camp", "g1", "A\ud800", Kind.TALK, zone, date(2024, 7, 1), time(10))
    store = Favourites.at(locate(tmp_path))
    store.toggle(session.key, session)  # UnicodeEncodeError in the SQLite insert before
    store.close()
    again = Favourites.at(locate(tmp_path))
    favourite = again.get(session.key)
    assert favourite is not None and favourite.title == "A\ufffd"


def test_2_a_lone_surrogate_in_a_favourites_import_is_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "moved.json"
    entry = {"key": "camp/g1", "added_at": "2024-07-01T10:00:00+00:00", "title": "X"}
    text = json.dumps({"format": "tui-guide favourites", "version": 1, "favourites": [entry]})
    path.write_text(text.replace('"X"', '"X\\ud800"'))
    state = str(tmp_path / "state")
    code, _, _ = run(capsys, "--state-dir", state, "favourites", "import", str(path))
    assert code == 0
    code, out, _ = run(capsys, "--state-dir", state, "favourites", "list")
    assert code == 0 and "X\ufffd" in out


# --- 3. XML nested deep -------------------------------------------------------------------


def test_3_xml_nested_deep_is_refused_with_its_line_and_the_rest_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = "<schedule>\n<conference><title>T</title></conference>\n" + "<x>" * 1000
    folder = folder_with(tmp_path, "deep.xml", deep + "</x>" * 1000 + "</schedule>")
    code, _, err = run(capsys, "validate", str(folder))
    assert code == 2
    assert f"{folder / 'deep.xml'}:3: not a schedule: elements nested more than 100 deep" in err
    assert len(load_programme([folder], cache=False).festivals) == 1


def test_3_json_nested_deep_is_a_message(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"schedule": ' + "[" * 100_000 + "]" * 100_000 + "}")
    festival, problems = load_file(path)
    assert festival is None
    assert [p.message for p in problems] == ["not valid JSON: nested too deeply"]


# --- 9. Repeated guids ----------------------------------------------------------------------


def _orders(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, copies: int) -> int:
    """How many times the builder looks at copies' times for `copies` copies of one guid."""
    calls = [0]
    order = build_module._Placed.order

    def counted(self: Any) -> Any:
        calls[0] += 1
        return order(self)

    monkeypatch.setattr(build_module._Placed, "order", counted)
    events = [event("same", start=f"{8 + i // 60:02d}:{i % 60:02d}") for i in range(copies)]
    path = tmp_path / f"repeated-{copies}.json"
    path.write_text(schedule_json(events))
    festival, _ = load_file(path)
    assert festival is not None and len(festival.sessions) == copies
    monkeypatch.undo()
    return calls[0]


def test_9_repeated_guids_cost_linear_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Work counted, not timed: four times the copies must be about four times the work
    # (it was sixteen: every copy compared with every other, twice).
    small, large = _orders(monkeypatch, tmp_path, 120), _orders(monkeypatch, tmp_path, 480)
    assert large < 6 * small, (small, large)


def test_9_one_guid_many_times_is_one_short_warning(tmp_path: Path) -> None:
    events = [event("same", start=f"{8 + i // 60:02d}:{i % 60:02d}") for i in range(300)]
    path = tmp_path / "repeated.json"
    path.write_text(schedule_json(events))
    festival, problems = load_file(path)
    assert festival is not None and len({s.id for s in festival.sessions}) == 300
    [warning] = [p for p in problems if "times or places" in p.message]
    assert warning.message.endswith("and 295 more")
    assert len(warning.message) < 300


def test_9_each_event_gets_its_own_line_from_the_index(tmp_path: Path) -> None:
    events = [event(f"guid-{i}", start="zz") for i in range(50)]
    text = schedule_json(events).replace("}, {", "},\n{")
    path = tmp_path / "lines.json"
    path.write_text(text)
    _, problems = load_file(path)
    lines = {p.message.split(",")[0]: p.line for p in problems if "start" in p.message}
    assert lines["event guid-0"] == 1 and lines["event guid-49"] == 50


# --- 10. Local reads: size and kind ---------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "/dev/zero"],
        ["import", "/dev/zero"],
        ["list", "--data", "/dev/zero"],
        ["favourites", "import", "/dev/zero"],
    ],
)
def test_10_a_device_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, _, err = within(60, lambda: run(capsys, "--state-dir", str(tmp_path / "state"), *argv))
    assert code == 2
    assert "/dev/zero: is a device, not a file; give a file" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "{fifo}"],
        ["import", "{fifo}"],
        ["list", "--data", "{fifo}"],
        ["favourites", "import", "{fifo}"],
    ],
)
def test_10_a_named_pipe_is_refused_and_never_waited_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    argv = [a.format(fifo=fifo) for a in argv]
    code, _, err = within(60, lambda: run(capsys, "--state-dir", str(tmp_path / "state"), *argv))
    assert code == 2
    # Once called "no such file or folder".
    assert f"{fifo}: is a named pipe (FIFO), not a file; give a file" in err


def test_10_a_file_over_the_limit_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "huge.toml"
    with path.open("wb") as stream:  # sparse: no disk is used, and nothing is read
        stream.truncate(MAX_PROGRAMME_BYTES + 1)
    code, _, err = run(capsys, "validate", str(path))
    assert code == 2
    assert f"{path}: is 104,857,601 bytes, larger than the 100 MB the guide reads; split it" in err


def test_10_the_first_release_file_as_a_pipe_does_not_stop_the_guide(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "favourites.json")
    store = within(60, lambda: Favourites.at(locate(tmp_path)))
    store.toggle("good/opening")
    assert "good/opening" in store


# --- 12. Huge titles --------------------------------------------------------------------


def test_12_a_huge_title_is_cut_in_list_saying_how_much_more(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "long.toml"
    path.write_text(GOOD.replace('title = "Opening"', f'title = "{"Q" * 200_000}"'))
    code, out, _ = run(capsys, "list", "--data", str(path))
    assert code == 0
    assert f"{200_000 - LONGEST_LINE:,}" in out  # characters more (the cell may wrap)
    assert out.count("Q") == LONGEST_LINE
    code, out, _ = run(capsys, "list", "--data", str(path), "--format", "json")
    assert code == 0 and out.count("Q") == 200_000  # files are never cut


def test_12_the_guide_shows_a_huge_title_cut() -> None:
    from tui_guide.tui.widgets.plain import plain

    shown = plain("B" * 1_000_000)
    assert len(shown.plain) < LONGEST_LINE + 40 and "characters more" in shown.plain
    assert len(plain("line\n" * 10, multiline=True).plain) == 50


# --- 13. The cache re-validated when read back -------------------------------------------


SMALL = GOOD.replace("ends = 2025-12-07", "ends = 2025-12-08")


def _tampered(tmp_path: Path, *swaps: tuple[bytes, bytes]) -> Path:
    """A programme and its cache entry, with values swapped in the payload (MessagePack: a
    short text is its length, 0xa0 + n, then its bytes) and the CRCs and offsets made right
    again: only the re-validation of values stands between it and the guide."""
    path = tmp_path / "small.toml"
    path.write_text(SMALL)
    folder = tmp_path / "cache"
    cached_load(path, load_file, folder)
    [entry] = folder.glob(f"*{cache.SUFFIX}")
    swap(entry, *swaps)
    return path


@pytest.mark.parametrize(
    "swaps",
    [
        [(b"\xaa2025-12-06", b"\xaa0001-01-01")],
        [(b"\xaa2025-12-08", b"\xaa9999-12-31")],
        [(b"\xaa2025-12-06", b"\xaa1900-01-01"), (b"\xaa2025-12-08", b"\xaa2999-12-31")],
        [(b"\xaa2025-12-06", b"\xaa2025-12-09")],
        [(b"\xa7Opening", b"\xaaOpening\xed\xa0\x80")],  # half of a surrogate pair
    ],
    ids=["year-1", "year-9999", "1900-to-2999", "ends-before-starts", "lone-surrogate"],
)
def test_13_a_cache_entry_breaking_a_rule_is_not_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], swaps: list[tuple[bytes, bytes]]
) -> None:
    path = _tampered(tmp_path, *swaps)
    festival, _ = cached_load(path, load_file, tmp_path / "cache")
    assert festival is not None
    if swaps[0][0] == b"\xa7Opening":  # never read back with half a character
        assert [s.title for s in festival.sessions] == ["Opening"]
    assert festival == load_file(path)[0]


@pytest.mark.parametrize(
    ("rows", "shared"),
    [
        (lambda row: [*row[:2], 2**40, *row[3:]], None),  # a title past the shared texts
        (lambda row: [*row[:12], -1, *row[13:]], None),  # a description before them
        (None, lambda table: [table[0], [[0, 2**40, None]] * len(table[1]), *table[2:]]),
        (None, lambda table: [table[0][:1], *table[1:]]),  # texts cut short
    ],
    ids=["title-past-the-end", "negative-description", "role-past-the-end", "texts-cut-short"],
)
def test_13_a_cache_entry_pointing_outside_its_shared_texts_is_not_used(
    tmp_path: Path, rows, shared
) -> None:
    path = _tampered(tmp_path)
    [entry] = (tmp_path / "cache").glob(f"*{cache.SUFFIX}")
    edit(entry, rows=rows or (lambda row: row), shared=shared or (lambda table: table))
    festival, _ = cached_load(path, load_file, tmp_path / "cache")
    assert festival == load_file(path)[0]
    assert festival is not None and [s.title for s in festival.sessions] == ["Opening"]


def test_13_a_cache_entry_of_year_9999_does_not_crash_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _tampered(tmp_path, (b"\xaa2025-12-06", b"\xaa9999-12-31"))
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    code, out, _ = run(capsys, "export", "--data", str(path), "--format", "ics", "-o", "-")
    assert code == 0 and "DTSTART;TZID=Asia/Baku:20251206T180000" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_13_a_named_pipe_as_a_cache_entry_is_not_waited_for(tmp_path: Path) -> None:
    path = tmp_path / "small.toml"
    path.write_text(SMALL)
    folder = tmp_path / "cache"
    folder.mkdir()
    os.mkfifo(cache._entry(folder, path.resolve(), None))
    festival, _ = within(60, lambda: cached_load(path, load_file, folder))
    assert festival == load_file(path)[0]


# --- 15. Times on the nights the clocks change ----------------------------------------------

BERLIN = """\
[festival]
id = "berlin"
name = "Berlin"
timezone = "Europe/Berlin"

[[sessions]]
id = "gap"
title = "Gap"
kind = "talk"
date = 2024-03-31
start = 02:30:00
end = 03:15:00

[[sessions]]
id = "twice"
title = "Twice"
kind = "talk"
date = 2024-10-27
start = 02:30:00
end = 02:45:00
"""


def test_15_a_time_in_the_gap_moves_forward_and_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "berlin.toml"
    path.write_text(BERLIN)
    festival, problems = load_file(path)
    assert festival is not None
    gap = festival.session("gap")
    assert gap is not None and (gap.start, gap.end) == (time(3, 30), time(4, 15))
    assert gap.starts_at is not None and gap.ends_at is not None
    assert gap.ends_at > gap.starts_at  # it was exported ending before it started
    assert gap.starts_at.astimezone(UTC) == datetime(2024, 3, 31, 1, 30, tzinfo=UTC)
    [said] = [p for p in problems if "gap" in p.message]
    assert said.severity == "warning" and said.line == 11
    assert said.message == (
        "festival berlin, session gap, field start: 02:30 on 2024-03-31 does not exist in "
        "Europe/Berlin (the clocks go forward); taken as 03:30, as calendars read it"
    )
    code, out, _ = run(capsys, "export", "--data", str(path), "--format", "ics", "-o", "-")
    assert code == 0
    assert "DTSTART;TZID=Europe/Berlin:20240331T033000" in out
    assert "DTEND;TZID=Europe/Berlin:20240331T041500" in out
    _, out, _ = run(capsys, "list", "--data", str(path))
    assert "03:30–04:15" in out


def test_15_a_time_that_happens_twice_is_the_first_and_is_said(tmp_path: Path) -> None:
    path = tmp_path / "berlin.toml"
    path.write_text(BERLIN)
    festival, problems = load_file(path)
    assert festival is not None
    twice = festival.session("twice")
    assert twice is not None and twice.starts_at is not None
    assert twice.starts_at.astimezone(UTC) == datetime(2024, 10, 27, 0, 30, tzinfo=UTC)
    [said] = [p for p in problems if "twice" in p.message and "start" in p.message]
    assert said.line == 19 and "taken as the first, UTC+02:00" in said.message


def test_15_an_imported_schedule_is_resolved_the_same_way(tmp_path: Path) -> None:
    events = [
        event("gap", start="02:30", duration="00:45"),
        event("second", date="2024-10-27T02:30:00+01:00", start="02:30", duration="00:45"),
    ]
    path = tmp_path / "berlin.json"
    text = schedule_json(events, time_zone_name="Europe/Berlin").replace("2024-07-01", "2024-03-31")
    path.write_text(text)
    festival, problems = load_file(path)
    assert festival is not None
    gap, second = (festival.session(i) for i in ("gap", "second"))
    assert gap is not None and (gap.start, gap.end) == (time(3, 30), time(4, 15))
    assert second is not None and second.starts_at is not None and second.ends_at is not None
    assert second.ends_at > second.starts_at  # not "02:30–02:15 (+1 day)"
    messages = [p.message for p in problems]
    assert any("event gap, start: 02:30 on 2024-03-31 does not exist" in m for m in messages)
    assert any("the file's offset says the second" in m for m in messages)
    assert all(p.line is not None for p in problems if "clocks" in p.message)


# --- 16 and the minor ones -------------------------------------------------------------------


def test_16_an_address_that_cannot_be_read_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "add", "http://[::1")
    assert code == 2
    assert "not a valid address: Invalid IPv6 URL" in err


def test_json_holding_an_array_is_not_called_a_toml_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = folder_with(tmp_path, "list.json", "[1, 2, 3]")
    code, _, err = run(capsys, "validate", str(folder))
    assert code == 2 and "TOML" not in err
    assert f"{folder / 'list.json'}:1: not a programme: JSON holding an array" in err


def test_a_long_guid_is_shortened_in_the_middle(tmp_path: Path) -> None:
    guid = "a" * 200 + "-middle-" + "z" * 200
    path = tmp_path / "long.json"
    path.write_text(schedule_json([event(guid, duration="nonsense")]))
    _, problems = load_file(path)
    [said] = [p.message for p in problems if "duration" in p.message]
    assert said.startswith(f"event {'a' * 29}…{'z' * 29}, duration")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_10_a_named_pipe_among_the_state_files_does_not_hang_refresh(tmp_path: Path) -> None:
    from tui_guide.library import fetch

    folder = tmp_path / "programmes"
    (folder / ".state").mkdir(parents=True)
    os.mkfifo(folder / ".state" / "camp.json")
    assert within(60, lambda: fetch.refresh(folder)) == []
