"""The programme's search index kept in the cache folder: used only when every festival
came from its cache entry and the entries hold, and never trusted when it is stale, damaged
or forged (rebuilt then, never a crash)."""

from __future__ import annotations

import json
import shutil
import struct
import zlib
from pathlib import Path

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.library import index_cache
from tui_guide.library.cache import Deferred
from tui_guide.library.load import load_programme
from tui_guide.library.sources import bundled_data
from tui_guide.programme.haystacks import festival_texts
from tui_guide.programme.model import Programme
from tui_guide.programme.search import SearchIndex

PREFIX = struct.Struct(">II")


def _load(folder: Path) -> tuple[Programme, list[Deferred]]:
    later: list[Deferred] = []
    programme = load_programme([folder], later=later)
    return programme, later


def _built(programme: Programme) -> SearchIndex:
    texts = {f.id: festival_texts(f.name, f.city) for f in programme.festivals}
    return SearchIndex(programme.sessions, festivals=texts)


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the bundled programme, read from its cache, its index saved: the folder and
    the index file."""
    folder = tmp_path / "programme"
    shutil.copytree(bundled_data(), folder)
    load_programme([folder])  # writes the cache
    programme, checks = _load(folder)
    assert all(check.holds() for check in checks)
    index_cache.save_index(checks, programme.festivals, programme.sessions, _built(programme))
    [found] = {check.entry.parent for check in checks}
    [index_file] = found.glob(f"*{index_cache.SUFFIX}")
    return folder, index_file


def _read(folder: Path) -> SearchIndex | None:
    programme, checks = _load(folder)
    for check in checks:
        check.holds()
    return index_cache.load_index(checks, programme.festivals, programme.sessions)


def test_a_saved_index_is_read_back_as_built(saved: tuple[Path, Path]) -> None:
    folder, _ = saved
    programme, checks = _load(folder)
    assert index_cache.load_index(checks, programme.festivals, programme.sessions) is None
    assert all(check.holds() for check in checks)  # compared: now it can be used
    read = index_cache.load_index(checks, programme.festivals, programme.sessions)
    assert read is not None
    built = _built(programme)
    assert read.index.state() == built.index.state()
    assert all(a is b for a, b in zip(read.sessions, built.sessions, strict=True))
    assert read.ranked("film") == built.ranked("film")


def test_no_index_for_a_programme_not_all_from_the_cache(saved: tuple[Path, Path]) -> None:
    folder, _ = saved
    programme, checks = _load(folder)
    for check in checks:
        check.holds()
    # One festival's file parsed this time (its entry gone): nothing keys the index on it.
    assert index_cache.load_index(checks[1:], programme.festivals, programme.sessions) is None
    assert index_cache.load_index([], programme.festivals, programme.sessions) is None


def test_no_index_once_a_file_changed(saved: tuple[Path, Path]) -> None:
    folder, _ = saved
    programme, checks = _load(folder)
    for check in checks:
        check.holds()
    checks[0].held = False  # its content no longer the cache's
    assert index_cache.load_index(checks, programme.festivals, programme.sessions) is None
    checks[0].held = True
    checks[0].digest = "0" * 32  # another content: another key
    assert index_cache.load_index(checks, programme.festivals, programme.sessions) is None


def _rewrite(index_file: Path, header=None, payload=None, fix_crc: bool = True) -> None:
    line, rest = index_file.read_bytes().split(b"\n", 1)
    length, crc = PREFIX.unpack(rest[: PREFIX.size])
    body = rest[PREFIX.size :]
    head = json.loads(line)
    if header is not None:
        head = header(head)
    if payload is not None:
        body = msgspec.msgpack.encode(payload(msgspec.msgpack.decode(body)))
    if fix_crc:
        length, crc = len(body), zlib.crc32(body)
    index_file.write_bytes(json.dumps(head).encode() + b"\n" + PREFIX.pack(length, crc) + body)


def _first_items(payload, value):
    """The payload with the first text's items of the first weight made `value`."""
    order, state = payload
    state["texts"][0][1][0] = value
    return [order, state]


@pytest.mark.parametrize(
    ("header", "payload"),
    [
        (lambda head: {**head, "format": 0}, None),
        (lambda head: {**head, "code": "0" * 32}, None),
        (lambda head: {**head, "festivals": head["festivals"][:-1]}, None),
        (lambda head: [], None),
        (None, lambda payload: [payload[0][::-1][:-1], payload[1]]),
        (None, lambda payload: [[0] * len(payload[0]), payload[1]]),
        (None, lambda payload: _first_items(payload, [10**6])),
        (None, lambda payload: _first_items(payload, [-1])),
        (None, lambda payload: _first_items(payload, ["x"])),
        (None, lambda payload: [payload[0], {**payload[1], "count": 0}]),
        (None, lambda payload: [payload[0], {**payload[1], "fields": [[7, 0]]}]),
        (None, lambda payload: [payload[0]]),
        (None, lambda payload: {"a": 1}),
    ],
    ids=[
        "another-format",
        "other-code",
        "other-festivals",
        "not-a-header",
        "an-order-short",
        "an-order-of-one-session",
        "an-item-past-the-end",
        "a-negative-item",
        "a-text-for-an-item",
        "a-count-wrong",
        "fields-wrong",
        "no-index",
        "not-a-payload",
    ],
)
def test_a_forged_index_is_never_used(saved: tuple[Path, Path], header, payload) -> None:
    folder, index_file = saved
    _rewrite(index_file, header, payload)
    assert _read(folder) is None


def test_a_damaged_index_is_never_used(saved: tuple[Path, Path]) -> None:
    folder, index_file = saved
    data = index_file.read_bytes()
    at = len(data) - 10
    index_file.write_bytes(data[:at] + bytes([data[at] ^ 1]) + data[at + 1 :])  # CRC now wrong
    assert _read(folder) is None
    index_file.write_bytes(data[: len(data) // 2])  # cut short
    assert _read(folder) is None
    index_file.write_bytes(data)
    assert _read(folder) is not None


@settings(max_examples=examples(60), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=200), keep=st.integers(min_value=0, max_value=3000))
def test_random_bytes_in_the_index_are_never_trusted_nor_a_crash(
    saved: tuple[Path, Path], data: bytes, keep: int
) -> None:
    folder, index_file = saved
    good = index_file.read_bytes()
    index_file.write_bytes(good[:keep] + data + good[keep + len(data) :])
    found = _read(folder)
    if found is not None:  # the bytes left it as it was
        assert index_file.read_bytes() == good
    index_file.write_bytes(good)
