"""The compiled programme cache: the same programme as a parse, never trusted when stale,
corrupt or foreign, and never a crash."""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import cache_payload
import msgspec
import pytest
from benchmark_runs import write_programme
from cache_payload import edit as edit_entry
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.formats.load import load_file
from tui_guide.library import cache
from tui_guide.library import load as loader_module
from tui_guide.library.cache import CACHE_ENV, cache_dir, cached_load
from tui_guide.library.load import load_programme
from tui_guide.library.sources import bundled_data
from tui_guide.programme.model import Kind, Session, reported
from tui_guide.programme.query import SessionFilter

DATA = bundled_data()
BROKEN = Path(__file__).parent / "data" / "broken"


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files really parsed (not read from the cache), in order."""
    parsed: list[Path] = []

    def counting(path: Path, **options):
        parsed.append(path)
        return load_file(path, **options)

    monkeypatch.setattr(loader_module, "load_file", counting)
    return parsed


def _copy(tmp_path: Path, source: Path = DATA) -> Path:
    folder = tmp_path / "programme"
    shutil.copytree(source, folder)
    return folder


def _entries() -> list[Path]:
    folder = cache_dir()
    assert folder is not None
    return sorted(folder.glob(f"*{cache.SUFFIX}")) if folder.is_dir() else []


def test_cache_is_in_the_isolated_user_cache_folder(isolated_env: Path) -> None:
    folder = cache_dir()
    assert folder is not None
    assert folder.is_relative_to(isolated_env)


def test_second_load_reads_the_cache_and_gives_the_same_programme(
    tmp_path: Path, counted: list[Path]
) -> None:
    folder = _copy(tmp_path)
    first = load_programme([folder])
    assert len(counted) == 3
    assert len(_entries()) == 3
    second = load_programme([folder])
    assert len(counted) == 3  # nothing parsed again
    assert second == first
    assert second == load_programme([folder], cache=False)
    # Records held in several places are one object again, as after a parse.
    festival = next(f for f in second.festivals if any(s.venue for s in f.sessions))
    session = next(s for s in festival.sessions if s.venue is not None)
    assert any(session.venue is v for v in festival.venues)


def test_problems_are_cached_and_reported_again(tmp_path: Path, counted: list[Path]) -> None:
    folder = _copy(tmp_path, BROKEN)
    first = load_programme([folder])
    parsed = len(counted)
    second = load_programme([folder])
    assert len(counted) == parsed
    assert first.problems and second.problems == first.problems
    assert second.skipped == first.skipped
    assert [str(p) for p in second.problems] == [str(p) for p in first.problems]


def test_the_path_comes_back_as_given_this_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy(tmp_path)
    absolute = load_programme([folder])
    monkeypatch.chdir(tmp_path)
    relative = load_programme([Path("programme")])
    assert {f.source_file for f in relative.festivals} == {
        Path("programme") / f.source_file.name for f in absolute.festivals
    }


def test_a_changed_file_is_parsed_again(tmp_path: Path, counted: list[Path]) -> None:
    folder = _copy(tmp_path)
    load_programme([folder])
    target = sorted(folder.glob("*.toml"))[0]
    stat = target.stat()
    text = target.read_text("utf-8")
    # Same size and modification time: only the content hash can tell.
    changed = text.replace('name = "', 'name = "X', 1)[:-1]
    assert len(changed.encode()) == len(text.encode())
    target.write_text(changed, "utf-8")
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    counted.clear()
    programme = load_programme([folder])
    assert counted == [target]
    assert programme == load_programme([folder], cache=False)
    assert any(f.name.startswith("X") for f in programme.festivals)


def test_off_means_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: list[Path]
) -> None:
    monkeypatch.setenv(CACHE_ENV, "off")
    assert cache_dir() is None
    folder = _copy(tmp_path)
    load_programme([folder])
    load_programme([folder])
    assert len(counted) == 6


def test_env_chooses_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "elsewhere"))
    load_programme([_copy(tmp_path)])
    assert len(list((tmp_path / "elsewhere").glob(f"*{cache.SUFFIX}"))) == 3


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_cache_folder_only_means_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    monkeypatch.setenv(CACHE_ENV, str(locked / "sub"))
    folder = _copy(tmp_path)
    assert load_programme([folder]) == load_programme([folder], cache=False)


def test_a_cache_folder_that_is_a_file_only_means_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    monkeypatch.setenv(CACHE_ENV, str(blocker))
    folder = _copy(tmp_path)
    assert load_programme([folder]) == load_programme([folder], cache=False)


def test_a_foreign_cache_is_ignored(tmp_path: Path, counted: list[Path]) -> None:
    folder = _copy(tmp_path)
    load_programme([folder])
    entries = _entries()
    # Every cache file swapped for another file's: each names another programme file.
    contents = [e.read_bytes() for e in entries]
    for entry, content in zip(entries, contents[1:] + contents[:1], strict=True):
        entry.write_bytes(content)
    counted.clear()
    assert load_programme([folder]) == load_programme([folder], cache=False)
    assert len(counted) == 6


def _everything(value: object, to: object) -> object:
    """`value` with every field of a record `to` (a list for a list, else `to`)."""
    return [to] * len(value) if isinstance(value, list) else to


# Each edit is (of the head, of every session's row); the CRCs are made right, so that only
# the checks of the values themselves stand between the edited file and the guide.
@pytest.mark.parametrize(
    ("head", "rows"),
    [
        (None, lambda row: [1] * len(row)),
        (lambda head: [[*head[0][:12], [], *head[0][13:]], *head[1:]], None),
        (lambda head: [[10**6, []], *head[1:]], None),
        (lambda head: [["x"], *head[1:]], None),
        (lambda head: {"a": 1}, None),
        (
            lambda head: [[_everything(v, []) for v in head[0]], *head[1:]],
            lambda row: [_everything(v, []) for v in row],
        ),
        (None, lambda row: row[:3]),
        (None, lambda row: [1 if isinstance(v, str) else v for v in row]),
        (lambda head: [*head[:3], [[d[0], d[1] + 1, *d[2:]] for d in head[3]]], None),
        (None, lambda row: [row[0] + 10**6, *row[1:]]),
        (None, lambda row: [*row[:7], 10**6, *row[8:]]),
        (None, lambda row: [*row[:5], "14:00:00+04:00", *row[6:]]),
        (lambda head: [*head[:3], [[*d[:6], "2020-01-01"] for d in head[3]]], None),
        (lambda head: [*head[:3], [[*d[:6], "0001-01-01"] for d in head[3]]], None),
    ],
    ids=[
        "ints-for-everything",
        "no-venues",
        "no-such-festival",
        "wrong-shape",
        "not-a-payload",
        "lists-everywhere",
        "fields-missing",
        "ints-for-strings",
        "counts-wrong",
        "no-such-place",
        "no-such-venue",
        "an-aware-time",
        "a-summary-its-sessions-do-not-give",
        "a-summary-out-of-range",
    ],
)
def test_a_well_formed_but_wrong_cache_is_ignored(tmp_path: Path, head, rows) -> None:
    file = DATA / "baku-cinema-breeze-2025.toml"
    expected = load_file(file)
    folder = tmp_path / "cache"
    cached_load(file, load_file, folder)
    [entry] = folder.glob(f"*{cache.SUFFIX}")
    edit_entry(entry, head or (lambda head: head), rows or (lambda row: row))
    assert cached_load(file, load_file, folder) == expected


def _at(value: list, index: int, to: object) -> list:
    return [*value[:index], to, *value[index + 1 :]]


# Forged shared texts, and rows pointing outside them, the CRCs made right: each index is
# checked against the table (msgspec refuses a negative one; one past the end is looked up).
@pytest.mark.parametrize(
    ("head", "rows", "shared"),
    [
        (None, lambda row: _at(row, 2, 10**6), None),
        (None, lambda row: _at(row, 2, -1), None),
        (None, lambda row: _at(row, 12, 10**6), None),
        (None, lambda row: _at(row, 11, 10**6), None),
        (None, lambda row: _at(row, 9, 10**6), None),
        (None, lambda row: _at(row, 2, "Opening"), None),
        (None, None, lambda table: _at(table, 1, [[10**6, None, None]] * len(table[1]))),
        (None, None, lambda table: _at(table, 2, [[10**6]] * len(table[2]))),
        (None, None, lambda table: _at(table, 3, [[10**6]] * len(table[3]))),
        (None, None, lambda table: _at(table, 0, [])),
        (None, None, lambda table: table[:1]),
        (None, None, lambda table: _at(table, 0, [1] * len(table[0]))),
        (lambda head: _at(head, 4, [-1, 0, 0]), None, None),
        (lambda head: _at(head, 4, None), None, None),
        (lambda head: head[:4], None, None),
    ],
    ids=[
        "a-title-past-the-texts",
        "a-negative-title",
        "a-description-past-the-texts",
        "tags-past-the-groups",
        "people-past-the-groups",
        "a-title-written-out",
        "a-person-past-the-texts",
        "a-group-past-the-texts",
        "a-group-past-the-people",
        "no-texts",
        "a-table-cut-short",
        "ints-for-texts",
        "a-table-out-of-range",
        "no-table",
        "a-head-without-its-table",
    ],
)
def test_forged_shared_texts_are_never_trusted(tmp_path: Path, head, rows, shared) -> None:
    file = DATA / "baku-cinema-breeze-2025.toml"
    expected = load_file(file)
    folder = tmp_path / "cache"
    cached_load(file, load_file, folder)
    [entry] = folder.glob(f"*{cache.SUFFIX}")
    edit_entry(
        entry,
        head or (lambda head: head),
        rows or (lambda row: row),
        shared or (lambda table: table),
    )
    parsed: list[Path] = []

    def parsing(path: Path) -> cache.Loaded:
        parsed.append(path)
        return load_file(path)

    assert cached_load(file, parsing, folder) == expected
    assert parsed  # the forged entry was not used: the file was parsed (at once, or its days)


def test_damaged_shared_texts_are_never_trusted(tmp_path: Path) -> None:
    file = DATA / "baku-cinema-breeze-2025.toml"
    expected = load_file(file)
    folder = tmp_path / "cache"
    cached_load(file, load_file, folder)
    [entry] = folder.glob(f"*{cache.SUFFIX}")
    *_, segments = cache_payload.split(entry)
    data = entry.read_bytes()
    at = data.rindex(segments[-1]) + len(segments[-1]) // 2  # the table is the last segment
    entry.write_bytes(data[:at] + bytes([data[at] ^ 0x20]) + data[at + 1 :])  # CRC left wrong
    parsed: list[Path] = []

    def parsing(path: Path) -> cache.Loaded:
        parsed.append(path)
        return load_file(path)

    read, _ = cached_load(file, parsing, folder)
    assert parsed == []  # the head is sound: the festival comes from it
    assert (read, _) == expected and parsed == [file]  # its days from the file


def test_texts_shared_across_days_are_stored_once_and_shared_in_memory(tmp_path: Path) -> None:
    """A show performed on several days: its title, description and people are in the
    cache file once, and the sessions read back hold the same objects."""
    written = write_programme(tmp_path / "programme", 400)
    expected = load_file(written)
    festival, _ = expected
    assert festival is not None
    folder = tmp_path / "cache"
    cached_load(written, load_file, folder)
    [entry] = folder.glob(f"*{cache.SUFFIX}")
    description = max((s.description for s in festival.sessions), key=len)
    assert entry.read_bytes().count(description.encode()) == 1
    read, _ = cached_load(written, load_file, folder)
    assert (read, _) == expected and read is not None
    shows: dict[str, list] = {}
    for session in read.sessions:
        shows.setdefault(session.description, []).append(session)
    repeated = [s for s in shows.values() if len({x.day for x in s}) > 1]
    assert repeated  # the generator performs shows on several days
    for performances in repeated:
        first = performances[0]
        for other in performances[1:]:
            assert other.description is first.description and other.title is first.title
            if other.people == first.people:
                assert all(a is b for a, b in zip(other.people, first.people, strict=True))


@pytest.mark.parametrize("given", [None, 7, ["korkyt-ata-2025.toml"]], ids=["none", "int", "list"])
def test_a_header_without_the_path_as_text_is_not_ours(tmp_path: Path, given: object) -> None:
    # Every cache this code writes names, as text, the path the file was given by.
    file = DATA / "korkyt-ata-2025.toml"
    folder = tmp_path / "cache"
    cached_load(file, load_file, folder)
    [entry] = folder.glob(f"*{cache.SUFFIX}")
    head, payload = entry.read_bytes().split(b"\n", 1)
    header = json.loads(head)
    if given is None:
        del header["given"]
    else:
        header["given"] = given
    entry.write_bytes(json.dumps(header).encode() + b"\n" + payload)
    parsed: list[Path] = []

    def parsing(path: Path) -> cache.Loaded:
        parsed.append(path)
        return load_file(path)

    assert cached_load(file, parsing, folder) == load_file(file)
    assert parsed == [file]


@settings(max_examples=examples(60), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), keep=st.integers(min_value=0, max_value=4000))
def test_random_bytes_in_the_cache_are_never_trusted_nor_a_crash(
    tmp_path: Path, data: bytes, keep: int
) -> None:
    file = DATA / "korkyt-ata-2025.toml"
    expected = load_file(file)
    folder = tmp_path / "fuzz"
    shutil.rmtree(folder, ignore_errors=True)
    cached_load(file, load_file, folder)
    [entry] = folder.glob(f"*{cache.SUFFIX}")
    good = entry.read_bytes()
    # Random bytes spliced into a real cache file (its header kept, often), or alone.
    entry.write_bytes(good[:keep] + data + good[keep + len(data) :])
    assert cached_load(file, load_file, folder) == expected
    entry.write_bytes(data)
    assert cached_load(file, load_file, folder) == expected


def test_a_missing_file_is_reported_as_without_cache(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    assert cached_load(missing, load_file, tmp_path / "c") == load_file(missing)


def test_the_schema_follows_the_model() -> None:
    # Every record class of the model is in the schema, each field with its converters.
    from tui_guide.programme.model import Festival, Link, Person, Problem, Session, Venue

    schema = cache.schema()
    assert set(schema.order) == {Festival, Link, Person, Problem, Session, Venue}


def test_a_field_the_cache_does_not_know_stops_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: list[Path]
) -> None:
    """A field added to the model and not to the cache's rows is never dropped from what the
    cache gives back: the cache stops (every load parses) until the rows know it."""
    monkeypatch.setitem(cache._FIELDS, cache.Link, ("url",))
    monkeypatch.setattr(cache, "_schema", None)
    folder = _copy(tmp_path)
    assert load_programme([folder]) == load_programme([folder], cache=False)
    assert load_programme([folder]) == load_programme([folder], cache=False)
    assert len(counted) == 12 and not _entries()


SCHEDULES = Path(__file__).resolve().parents[1].parent / "shared" / "schedules"


@pytest.mark.skipif(not SCHEDULES.is_dir(), reason="../shared/schedules is not beside the repo")
@pytest.mark.parametrize("name", ["37c3.xml", "frab-camp2019.json"])
def test_an_imported_schedule_comes_back_from_the_cache_the_same(
    tmp_path: Path, counted: list[Path], name: str
) -> None:
    """Subtitles, links, guids and the importer's warnings survive the cache."""
    source = tmp_path / name
    shutil.copy(SCHEDULES / name, source)
    first = load_programme([source])
    second = load_programme([source])
    assert counted == [source]  # parsed once, then read from the cache
    assert second == first
    assert any(s.links or s.subtitle for s in second.sessions)


@pytest.mark.skipif(not SCHEDULES.is_dir(), reason="../shared/schedules is not beside the repo")
@pytest.mark.parametrize("name", ["37c3.xml", "frab-camp2019.json", "debconf23.xml"])
def test_a_day_s_sessions_come_in_time_order_from_the_file_and_from_the_cache(
    tmp_path: Path, name: str
) -> None:
    """The days' lists filter a day's sessions without sorting them again (`in_order`):
    parsed or cached, each day is in `Session.sort_key` order already."""
    source = tmp_path / name
    shutil.copy(SCHEDULES / name, source)
    load_programme([source])  # writes the cache
    for programme in (load_programme([source], cache=False), load_programme([source])):
        for festival in programme.festivals:
            for day in [*festival.days, None]:
                sessions = festival.sessions_on(day)
                assert list(sessions) == sorted(sessions, key=Session.sort_key)
                for wanted in (SessionFilter(), SessionFilter(kinds=frozenset({Kind.TALK}))):
                    assert wanted.apply(sessions, in_order=True) == wanted.apply(sessions)


NO_ZONE = Path(__file__).parent / "data" / "schedules" / "no-zone.xml"


def test_the_timezone_given_is_part_of_the_key(tmp_path: Path, counted: list[Path]) -> None:
    """A load with --timezone is never served what was loaded without it, or with another;
    each is kept beside the others, so switching back parses nothing."""
    source = tmp_path / NO_ZONE.name
    shutil.copy(NO_ZONE, source)

    def zone_of(timezone: str | None) -> str:
        programme = load_programme([source], timezone=timezone)
        assert programme == load_programme([source], cache=False, timezone=timezone)
        (festival,) = programme.festivals
        return festival.timezone.key

    assert zone_of(None) == "UTC"
    assert zone_of("America/Montreal") == "America/Montreal"
    assert zone_of("Europe/Paris") == "Europe/Paris"
    assert len(counted) == 3 + 3  # each parsed (and the uncached loads beside them)
    assert len(_entries()) == 3
    assert [zone_of(z) for z in (None, "America/Montreal", "Europe/Paris")] == [
        "UTC",
        "America/Montreal",
        "Europe/Paris",
    ]
    assert len(counted) == 6 + 3  # only the uncached loads parsed: each zone from its entry


def test_a_cache_entry_never_answers_for_another_zone(tmp_path: Path) -> None:
    # The entry's header holds the zone: one copied to another zone's name is not used.
    source = tmp_path / NO_ZONE.name
    shutil.copy(NO_ZONE, source)
    folder = tmp_path / "cache"
    resolved = source.resolve()
    paris_load = partial(load_file, timezone="Europe/Paris")
    cached_load(source, paris_load, folder, timezone="Europe/Paris")
    paris = cache._entry(folder, resolved, "Europe/Paris")
    shutil.copy(paris, cache._entry(folder, resolved, None))
    festival, _ = cached_load(source, load_file, folder)
    assert festival is not None and festival.timezone.key == "UTC"


def _decoded_days(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The days decoded from cache files, as they are."""
    decoded: list[object] = []
    original = cache._CachedDays._decode

    def counting(self, day):
        decoded.append(day)
        return original(self, day)

    monkeypatch.setattr(cache._CachedDays, "_decode", counting)
    return decoded


def test_a_festival_from_the_cache_decodes_only_the_days_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy(tmp_path)
    parsed = load_programme([folder])
    decoded = _decoded_days(monkeypatch)
    cached = load_programme([folder])
    festival = max(cached.festivals, key=lambda f: len(f.days))
    expected = parsed.festival(festival.id)
    assert expected is not None
    assert festival.days == expected.days and festival.session_count == len(expected.sessions)
    assert decoded == []  # its days, counts, venues and problems are in the head
    day = festival.days[-1]
    assert festival.sessions_on(day) == expected.sessions_on(day)
    assert decoded == [day] and not festival.by_day.made
    assert festival.sessions == expected.sessions  # every day then, in the file's order
    assert sorted(decoded, key=str) == sorted(festival.by_day.counts, key=str)


def test_what_the_date_tba_tab_says_is_in_the_head(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether every undated session is reported over (the "Date TBA" tab's label) is known
    from the head, no day decoded; each day's summary is its sessions' own."""
    folder = _copy(tmp_path)
    parsed = load_programme([folder], cache=False)
    load_programme([folder])
    decoded = _decoded_days(monkeypatch)
    cached = load_programme([folder])
    moments = [datetime(2025, 7, 22, 12, tzinfo=UTC), datetime(2025, 7, 24, tzinfo=UTC)]
    for festival in cached.festivals:
        expected = parsed.festival(festival.id)
        assert expected is not None
        for day in festival.by_day.counts:
            assert festival.by_day.reported(day) == reported(expected.sessions_on(day))
            for moment in moments:
                assert festival.reported_over(day, moment) is expected.reported_over(day, moment)
    assert decoded == []
    turksoy = cached.festival("turksoy-film-leaders-2025")
    assert turksoy is not None and turksoy.reported_over(None, moments[1])
    assert not turksoy.reported_over(None, moments[0])  # the report's own day


def test_the_hash_can_be_compared_later_and_a_mismatch_stops_the_cache(
    tmp_path: Path, counted: list[Path]
) -> None:
    """With `later`, a cache file is used on its cheap checks (size, times, inode) and its
    hash is compared afterwards: one whose hash is not the file's is removed, what was not
    decoded yet comes from the file, and the next load parses it."""
    folder = _copy(tmp_path)
    expected = load_programme([folder], cache=False)
    load_programme([folder])
    for entry in _entries():  # each now claims to be made from other bytes
        header, head, segments = cache_payload.split(entry)
        wrong = {**header, "hash": "0" * 32}
        cache_payload.join(entry, wrong, msgspec.msgpack.decode(head), segments)
    counted.clear()
    later: list[cache.Deferred] = []
    programme = load_programme([folder], later=later)
    assert counted == [] and len(later) == 3  # nothing parsed before the first paint
    assert [check.holds() for check in later] == [False] * 3
    assert _entries() == []
    assert programme == expected  # every day not made yet was parsed from the file
    counted.clear()
    assert load_programme([folder]) == expected and len(counted) == 3


def test_a_good_cache_holds_when_compared_later(tmp_path: Path, counted: list[Path]) -> None:
    folder = _copy(tmp_path)
    first = load_programme([folder])
    counted.clear()
    later: list[cache.Deferred] = []
    again = load_programme([folder], later=later)
    assert all(check.holds() for check in later) and len(_entries()) == 3
    assert again == first and counted == []


def test_without_write_a_parse_is_not_cached_but_the_cache_is_read(
    tmp_path: Path, counted: list[Path]
) -> None:
    folder = _copy(tmp_path)
    load_programme([folder], write=False)
    assert _entries() == [] and len(counted) == 3
    load_programme([folder])
    counted.clear()
    assert load_programme([folder], write=False) == load_programme([folder], cache=False)
    assert len(counted) == 3  # only the uncached load parsed


def test_validate_writes_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui_guide.cli import main

    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    assert main(["validate", str(_copy(tmp_path))]) == 0
    assert not (tmp_path / "cache").exists()
