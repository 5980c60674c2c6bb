"""A compiled cache of loaded programme files, so that a warm start never parses TOML.

What one file loaded to — its festival (or None) and its problems — is kept in the user cache
folder, one cache file per programme file and --timezone, keyed on the programme file's
resolved path and the zone. The cache is used only when everything in its header still
matches: the cache format, the package version, the shape of the model (every field of
every record, so a field added to `Session` makes old caches stale by itself), the file's
size, modification time and a blake2b hash of its bytes, the --timezone the load was given
(none, or its name), and a CRC of the cached payload itself. Anything else — a stale,
truncated, corrupt or foreign cache, a folder that cannot be written — means the file is
loaded from source and the cache rebuilt: a cache is never trusted and never a crash.

The serialisation is JSON, written by a generic encoder driven by the model's type hints
(str, int, bool, None, date, time, Path, StrEnum, ZoneInfo, tuples and nested frozen
dataclasses), and every value is type-checked when read. No pickle: nothing read from disk
can run code. Equal records (a venue, a person appearing in many sessions) are stored once
and shared again when read, which keeps both the file and the memory small.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import gc
import hashlib
import json
import os
import sys
import types
import typing
import zlib
from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from itertools import islice
from pathlib import Path
from typing import Any, TypeAlias
from zoneinfo import ZoneInfo

from tui_guide.atomic import write_atomically
from tui_guide.programme.model import Festival, Problem
from tui_guide.programme.rules import FIRST_YEAR, LAST_YEAR, MAX_DAYS
from tui_guide.reading import (
    MAX_PROGRAMME_BYTES,
    JsonError,
    ReadError,
    is_regular,
    loads_json,
    read_limited,
)

CACHE_ENV = "TUI_GUIDE_CACHE"
"""A folder to keep the cache in instead of the user cache folder; "off" for no cache."""

FORMAT = 2
MAGIC = "tui-guide programme cache"

Loaded = tuple[Festival | None, list[Problem]]


class CacheError(Exception):
    """A cache file that cannot be used; it is ignored and rebuilt."""


def cache_dir() -> Path | None:
    """Where cache files go: `$TUI_GUIDE_CACHE`, else the user cache folder; None when off."""
    chosen = os.environ.get(CACHE_ENV, "").strip()
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_path  # imported only when there is a cache to find

    return user_cache_path("tui-guide", appauthor=False) / "programmes"


# --- The schema: an encoder and a checking decoder for each type of the model -------------
#
# Records are stored column by column: one list per field, one table per record class. A
# decoder turns a whole column at once, so that its checks run in tight loops, and parses
# each distinct date, time, zone or enum value once (which also shares the objects).

Json: TypeAlias = "bool | int | float | str | list[Json] | dict[str, Json] | None"
"""A value as json.dumps writes it."""

Column: TypeAlias = list[Any]
"""One field's values, one for each record of a class: as json.loads read them (given to a
decoder) or as the model holds them (what a decoder gives back). Their type is the field's,
known only at run time from its hint; a decoder checks every value before it gives it back."""

Encoder = Callable[[Any, "_Encoding"], Json]  # a value of the type its hint says
Decoder = Callable[[Column, "_Decoding"], Column]


class _Schema:
    """Converters built once from the model's type hints; `fingerprint` names its shape."""

    def __init__(self) -> None:
        self.classes: dict[type, list[tuple[str, Encoder, Decoder]]] = {}
        self.order: list[type] = []  # every record class after the classes it holds
        self.shape: list[str] = []
        self.root_encode, self.root_decode = self._converter(
            tuple[Festival | None, tuple[Problem, ...]]
        )
        self.fingerprint = hashlib.blake2b(
            "\n".join(self.shape).encode(), digest_size=16
        ).hexdigest()

    def _record(self, cls: type) -> None:
        if cls in self.classes:
            if not self.classes[cls]:
                raise TypeError(f"cannot cache the recursive record {cls.__qualname__}")
            return
        self.classes[cls] = []  # a record that holds itself finds this and is refused
        # The module's names as locals too: a field called `date` must not hide the type.
        names = vars(sys.modules[cls.__module__])
        hints = typing.get_type_hints(cls, names, names)
        fields = []
        for field in dataclasses.fields(cls):
            encode, decode = self._converter(hints[field.name])
            fields.append((field.name, encode, decode))
        self.classes[cls] = fields
        self.order.append(cls)
        shape = ", ".join(f"{f.name}={hints[f.name]}" for f in dataclasses.fields(cls))
        self.shape.append(f"{cls.__module__}.{cls.__qualname__}: {shape}")

    def _converter(self, hint: Any) -> tuple[Encoder, Decoder]:
        origin = typing.get_origin(hint)
        if origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(hint) if a is not type(None)]
            if len(options) != 1:
                raise TypeError(f"cannot cache the union {hint}")
            encode, decode = self._converter(options[0])
            return (lambda v, c: None if v is None else encode(v, c)), _optional(decode)
        if origin is tuple:
            args = typing.get_args(hint)
            if len(args) == 2 and args[1] is Ellipsis:
                encode, decode = self._converter(args[0])
                return (lambda v, c: [encode(x, c) for x in v]), _sequence(decode)
            converters = [self._converter(a) for a in args]
            return (
                lambda v, c: [e(x, c) for (e, _), x in zip(converters, v, strict=True)],
                _fixed([d for _, d in converters]),
            )
        if dataclasses.is_dataclass(hint) and isinstance(hint, type):
            self._record(hint)
            return (lambda v, c, cls=hint: c.intern(cls, v)), _reference(hint)
        if hint is str:  # every text once, in the payload's table of strings
            return (lambda v, c: c.string(v)), _strings
        if hint in (int, bool, float):
            return (lambda v, c: v), _exact(hint)
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return (lambda v, c: v.value), _parsed(hint, (str, int))
        if hint is date:  # in the years every reader keeps to: year 1 or 9999 overflows
            return (lambda v, c: v.isoformat()), _parsed(_checked_date, (str,))
        for kind in (datetime, time):
            if hint is kind:
                return (lambda v, c: v.isoformat()), _parsed(kind.fromisoformat, (str,))
        if hint is ZoneInfo:
            return (lambda v, c: v.key), _parsed(ZoneInfo, (str,))
        if hint is Path:
            return (lambda v, c: str(v)), _paths
        raise TypeError(f"cannot cache a value of type {hint}")


def _checked_date(text: str) -> date:
    found = date.fromisoformat(text)
    if not FIRST_YEAR <= found.year <= LAST_YEAR:
        raise ValueError(f"{found} is out of range")
    return found


def _column(value: Any) -> Column:
    if type(value) is not list:
        raise CacheError(f"expected a list, found {type(value).__name__}")
    return value


def _exact(kind: type) -> Decoder:
    def decode(column: Column, context: _Decoding) -> Column:
        if not all(type(v) is kind for v in column):
            raise CacheError(f"expected {kind.__name__} values")
        return column

    return decode


def _indexes(column: Column, size: int, what: str) -> list[int]:
    """`column` when it holds only indexes into a table of `size` (min and max run in C)."""
    if not all(type(i) is int for i in column) or (
        column and (min(column) < 0 or max(column) >= size)
    ):
        raise CacheError(f"no such {what}")
    return column


def _strings(column: Column, context: _Decoding) -> list[str]:
    table = context.strings
    return [table[i] for i in _indexes(column, len(table), "string")]


def _optional(inner: Decoder) -> Decoder:
    def decode(column: Column, context: _Decoding) -> Column:
        present = inner([v for v in column if v is not None], context)
        if len(present) == len(column):
            return present
        values = iter(present)
        return [None if v is None else next(values) for v in column]

    return decode


def _sequence(inner: Decoder) -> Decoder:
    def decode(column: Column, context: _Decoding) -> Column:
        flat = inner([x for v in column for x in _column(v)], context)
        values = iter(flat)
        return [tuple(islice(values, len(v))) for v in column]

    return decode


def _fixed(inners: list[Decoder]) -> Decoder:
    def decode(column: Column, context: _Decoding) -> Column:
        if not all(type(v) is list and len(v) == len(inners) for v in column):
            raise CacheError("a tuple of the wrong shape")
        if not column:  # no tuples at all (zip(*column) would give no parts to decode)
            return []
        parts = [
            d(list(part), context)
            for d, part in zip(inners, zip(*column, strict=False), strict=True)
        ]
        return list(zip(*parts, strict=False)) if column else []

    return decode


def _parsed(parse: Callable[[Any], object], kinds: tuple[type, ...]) -> Decoder:
    """Each distinct value parsed once; parsing errors of any type mean a bad cache."""

    def decode(column: Column, context: _Decoding) -> Column:
        found: dict[object, object] = {}
        for value in column:
            if value not in found:  # a list or dict value fails the hash: TypeError
                if type(value) not in kinds:
                    raise CacheError(f"unexpected {type(value).__name__}")
                try:
                    found[value] = parse(value)
                except Exception as error:  # date, enum and zone parsers raise many types
                    raise CacheError(f"cannot read {value!r}: {error}") from None
        return [found[value] for value in column]

    return _hashing(decode)


def _hashing(decode: Decoder) -> Decoder:
    def checked(column: Column, context: _Decoding) -> Column:
        try:
            return decode(column, context)
        except TypeError as error:
            raise CacheError(str(error)) from None

    return checked


def _paths(column: Column, context: _Decoding) -> list[Path]:
    if not all(type(v) is str for v in column):
        raise CacheError("expected paths")
    return [context.path(v) for v in column]


def _reference(cls: type) -> Decoder:
    def decode(column: Column, context: _Decoding) -> Column:
        table = context.tables[cls]
        return [table[i] for i in _indexes(column, len(table), cls.__qualname__)]

    return decode


_schema: _Schema | None = None


def schema() -> _Schema:
    global _schema
    if _schema is None:
        _schema = _Schema()
    return _schema


class _Encoding:
    """Records written once each, as rows of field values, in one table per class."""

    def __init__(self, schema: _Schema) -> None:
        self.schema = schema
        self.tables: dict[type, list[list[Json]]] = {cls: [] for cls in schema.order}
        self.seen: dict[type, dict[Any, int]] = {cls: {} for cls in schema.order}
        self.strings: dict[str, int] = {}

    def string(self, value: str) -> int:
        # A show performed twenty times has one description, stored (and read back) once.
        index = self.strings.get(value)
        if index is None:
            index = self.strings[value] = len(self.strings)
        return index

    def intern(self, cls: type, value: Any) -> int:
        try:
            key: Any = value
            hash(key)
        except TypeError:  # pragma: no cover - every record of the model is frozen
            key = id(value)
        seen = self.seen[cls]
        index = seen.get(key)
        if index is None:
            fields = self.schema.classes[cls]
            row = [encode(getattr(value, name), self) for name, encode, _ in fields]
            index = seen[key] = len(self.tables[cls])
            self.tables[cls].append(row)
        return index

    def columns(self, cls: type) -> list[list[Json]]:
        rows = self.tables[cls]
        return (
            [list(c) for c in zip(*rows, strict=False)]
            if rows
            else [[] for _ in self.schema.classes[cls]]
        )


class _Decoding:
    def __init__(self, given: str, path: Path) -> None:
        self.tables: dict[type, list[object]] = {}  # the records of each class
        self.strings: list[str] = []
        self._given, self._path = given, path

    def path(self, value: str) -> Path:
        # The file's own path comes back as it was given this time (relative or not).
        return self._path if value == self._given else Path(value)


def _build(cls: type, names: list[str], columns: list[Column]) -> list[object]:
    if hasattr(cls, "__post_init__") or not hasattr(cls, "__dict__"):
        return [cls(**dict(zip(names, row, strict=True))) for row in zip(*columns, strict=False)]
    # Every value was checked; skip the frozen dataclass's slow setattr of each field.
    new = object.__new__
    records: list[object] = []
    for row in zip(*columns, strict=False):
        record: object = new(cls)
        record.__dict__.update(zip(names, row, strict=False))
        records.append(record)
    return records


def encode(loaded: Loaded, path: Path) -> bytes:
    schema_ = schema()
    context = _Encoding(schema_)
    festival, problems = loaded
    root = schema_.root_encode((festival, tuple(problems)), context)
    tables = {cls.__qualname__: context.columns(cls) for cls in schema_.order}
    strings = list(context.strings)
    document = [root, tables, strings]
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def decode(payload: bytes, given: str, path: Path) -> Loaded:
    with paused_gc():
        return _decode(payload, given, path)


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while building many objects that all stay alive: the
    collector would walk them again and again for nothing (it halves the time of a load)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _decode(payload: bytes, given: str, path: Path) -> Loaded:
    schema_ = schema()
    try:
        document = loads_json(payload)  # a lone surrogate escape, too, is read as U+FFFD
    except JsonError as error:
        raise CacheError(f"not a cache payload: {error}") from None
    if type(document) is not list or len(document) != 3 or type(document[1]) is not dict:
        raise CacheError("not a cache payload")
    root, tables, strings = document
    context = _Decoding(given, path)
    context.strings = _exact(str)(_column(strings), context)
    for cls in schema_.order:
        fields = schema_.classes[cls]
        columns = _column(tables.get(cls.__qualname__))
        if len(columns) != len(fields) or len({len(_column(c)) for c in columns}) > 1:
            raise CacheError(f"a {cls.__qualname__} table of the wrong shape")
        decoded = [d(c, context) for (_, _, d), c in zip(fields, columns, strict=True)]
        context.tables[cls] = _build(cls, [name for name, _, _ in fields], decoded)
    [(festival, problems)] = schema_.root_decode([root], context)
    if festival is not None:
        _revalidate(festival)
    return festival, list(problems)


def _revalidate(festival: Festival) -> None:
    """The rules a reader keeps that a well-typed cache can still break (each date is in
    range already): a festival of more days than there are tabs, or ending before it
    starts, would hang the guide or crash an export."""
    starts, ends = festival.starts, festival.ends
    if starts is not None and ends is not None and not 0 <= (ends - starts).days < MAX_DAYS:
        raise CacheError(f"a festival from {starts} to {ends}")
    if any(
        s.festival_id != festival.id or s.timezone != festival.timezone for s in festival.sessions
    ):
        raise CacheError("a session of another festival")


# --- Cache files ----------------------------------------------------------------------


def _code_fingerprint() -> str:
    """Names, sizes and modification times of the code that turns a file into a festival
    (the model, the readers of every format and this package): an upgrade or an edit of any
    of it makes
    every cache stale. Cheaper than asking importlib.metadata for the package version,
    which costs a fifth of the guide's start, and it also sees edits in a source tree."""
    parts = []
    root = Path(__file__).parent.parent
    code = [root / "programme", root / "formats", root / "library"]
    for file in sorted(file for folder in code for file in folder.rglob("*.py")):
        try:
            stat = file.stat()
        except OSError:  # pragma: no cover - a file gone while listing
            continue
        parts.append(f"{file.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def _entry(folder: Path, resolved: Path, timezone: str | None) -> Path:
    # A load with a --timezone has an entry of its own, beside the one without: switching
    # between the two rebuilds neither. (With none, the name is what it always was.)
    key = str(resolved) if timezone is None else f"{resolved}\0{timezone}"
    name = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16)
    return folder / f"{name.hexdigest()}.json"


def _header(
    resolved: Path, digest: str, stat: os.stat_result, timezone: str | None
) -> dict[str, Any]:
    return {
        "magic": MAGIC,
        "format": FORMAT,
        "code": _code_fingerprint(),
        "schema": schema().fingerprint,
        "path": str(resolved),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "hash": digest,
        "timezone": timezone,  # None matches a header written before the key had a zone
    }


def _read(entry: Path, expected: dict[str, Any], path: Path) -> Loaded | None:
    try:
        # A cache entry is a regular file no larger than a programme could make it (a named
        # pipe put in its place would wait forever).
        data = read_limited(entry, 2 * MAX_PROGRAMME_BYTES)
        end = data.find(b"\n", 0, 1 << 16)  # a header, however long its path
        head = loads_json(data[:end]) if end >= 0 else None
    except ReadError:
        return None
    payload = data[end + 1 :]
    if not isinstance(head, dict) or {k: head.get(k) for k in expected} != expected:
        return None
    given = head.get("given")  # the path as it was given when the cache was written
    if head.get("payload") != zlib.crc32(payload) or not isinstance(given, str):
        return None
    try:
        return decode(payload, given, path)
    except (CacheError, RecursionError):
        return None


def _write(entry: Path, header: dict[str, Any], loaded: Loaded, path: Path) -> None:
    try:
        payload = encode(loaded, path)
    except (TypeError, ValueError, RecursionError):  # pragma: no cover - an uncacheable value
        return
    header = {**header, "given": str(path), "payload": zlib.crc32(payload)}
    try:
        head = json.dumps(header, ensure_ascii=False).encode("utf-8", "surrogatepass")
    except UnicodeEncodeError:  # pragma: no cover - a path that cannot be written down
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(entry, head + b"\n" + payload, durable=False)
    except OSError:
        pass  # a read-only or full cache folder only means no cache


def cached_load(
    path: Path,
    load: Callable[[Path], Loaded],
    folder: Path | None = None,
    *,
    timezone: str | None = None,
) -> Loaded:
    """`load(path)`, or what it gave last time when the file has not changed since.

    `folder` is where the cache lives (default: `cache_dir()`); with no folder, or for a file
    that cannot be read, this is `load(path)`. `timezone` is the --timezone that `load` was
    given: part of the key, so a load with one is never served what was loaded without it,
    or with another."""
    folder = folder if folder is not None else cache_dir()
    if folder is None:
        return load(path)
    try:
        resolved = path.resolve()
        digest = hashlib.blake2b()
        # Not opened unless it is a regular file: a named pipe would wait for a writer.
        if not is_regular(resolved):
            return load(path)  # it reports the problem
        with resolved.open("rb") as stream:  # hashed a block at a time: no copy in memory
            stat = os.fstat(stream.fileno())
            if stat.st_size > MAX_PROGRAMME_BYTES:
                return load(path)
            while block := stream.read(1 << 20):
                digest.update(block)
    except (OSError, RuntimeError):
        return load(path)  # it reports the problem
    try:
        schema()
    except TypeError:  # pragma: no cover - a model field of a type the cache cannot hold
        return load(path)
    header = _header(resolved, digest.hexdigest(), stat, timezone)
    entry = _entry(folder, resolved, timezone)
    found = _read(entry, header, path)
    if found is not None:
        return found
    loaded = load(path)
    _write(entry, header, loaded, path)
    return loaded
