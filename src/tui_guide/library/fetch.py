"""`tui-guide add URL` and `tui-guide refresh`: published programmes kept for offline use.

Each programme is one file in the user's data folder (`programmes/`), named after its URL
and ending in what its content is (`.toml`, `.xml`, `.json`, `.ics`), so the guide reads it like any
other. Beside it, in `programmes/.state/`, a small JSON file remembers the URL, the ETag and
the Last-Modified date, so a refresh asks the server "only if changed".

A new copy replaces the old one only when it downloads completely and loads without an
error; otherwise the last good copy stays, and the outcome says why.

Every download goes one way (`_download`): http:// and https:// only, at every redirect too
(urllib would follow one to ftp://, and has handlers for file:// and data:), a time-out on
each read and a deadline for the whole download, after which its sockets are shut, so a
server trickling a byte at a time cannot hold `add` or `refresh` for ever.
"""

from __future__ import annotations

import dataclasses
import http.client
import json
import socket
import tempfile
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from tui_guide import __version__
from tui_guide.atomic import write_atomically
from tui_guide.formats.detect import Format, detect
from tui_guide.formats.load import load_file
from tui_guide.formats.schedule.build import slugify
from tui_guide.i18n import _
from tui_guide.library.cache import cached_load
from tui_guide.library.load import expand
from tui_guide.library.sources import bundled_data, programmes_dir
from tui_guide.programme.model import Festival, Problem
from tui_guide.programme.text import printable
from tui_guide.reading import ReadError, loads_json, read_limited

MAX_BYTES = 64 * 1024 * 1024
TIMEOUT = 30.0
"""Seconds one read (or the connection) may wait for the server."""
DEADLINE = 300.0
"""Seconds a whole download may take, redirects included (docs/importing.md): 64 MB at
2 Mbit/s; a programme of 10,000 sessions is about 10 MB."""
SCHEMES = ("http", "https")
_SUFFIX = {Format.TOML: ".toml", Format.XML: ".xml", Format.JSON: ".json", Format.ICAL: ".ics"}


class FetchError(Exception):
    """The download itself failed: network, HTTP status, size."""


@dataclass(frozen=True)
class Outcome:
    """What happened to one programme: `added`, `updated`, `unchanged`, `kept` (the last
    good copy stays) or `failed` (nothing to keep)."""

    url: str
    status: str
    message: str
    path: Path | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.status in ("added", "updated", "unchanged")


@dataclass(frozen=True)
class _State:
    url: str
    file: str
    etag: str | None = None
    last_modified: str | None = None


def _state_dir(folder: Path) -> Path:
    return folder / ".state"


def _read_states(folder: Path) -> list[tuple[Path, _State]]:
    states = []
    for path in sorted(_state_dir(folder).glob("*.json")):
        try:
            raw = loads_json(read_limited(path, 1 << 20))  # never a pipe, never huge
            states.append(
                (path, _State(**{k: raw.get(k) for k in ("url", "file", "etag", "last_modified")}))
            )
        except (ReadError, TypeError, AttributeError):
            continue  # a damaged state file: that programme is refreshed by `add` again
    return [
        (p, s)
        for p, s in states
        if isinstance(s.url, str) and isinstance(s.file, str) and _plain_name(s.file)
    ]


def _plain_name(name: str) -> bool:
    """A file name of the folder itself: never a path out of it, never a hidden file."""
    return bool(name) and Path(name).name == name and not name.startswith(".")


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, data)


def web_address(url: str) -> str | None:
    """Why `url` is not one to download (None when it is): only http:// and https://, with a
    host."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as error:
        return _("not a valid address: {error}").format(error=error)
    if parts.scheme not in SCHEMES:
        return _("only http:// and https:// addresses can be downloaded")
    if not parts.hostname:
        return _("not a valid address: no host")
    return None


class _Deadline:
    """Shuts every socket of one download when its time is up: a read waiting on it then
    ends at once, whatever the server does."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        with self._lock:
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()

    def watch(self, sock: socket.socket) -> socket.socket:
        """`sock`, watched: a duplicate of it is kept (TLS takes the original over)."""
        with self._lock:
            if self.expired:
                sock.close()
                raise TimeoutError("the download deadline has passed")
            self._sockets.append(sock.dup())
        return sock

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


def _watched(cls: type[http.client.HTTPConnection], deadline: _Deadline) -> Callable[..., Any]:
    """A connection class of `cls` whose sockets `deadline` watches."""

    def build(*args: Any, **kwargs: Any) -> http.client.HTTPConnection:
        connection = cls(*args, **kwargs)
        create: Callable[..., socket.socket] = connection._create_connection  # type: ignore[attr-defined]
        connection._create_connection = (  # type: ignore[attr-defined]
            lambda *a, **k: deadline.watch(create(*a, **k))
        )
        return connection

    return build


class _HTTP(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_watched(http.client.HTTPConnection, self._deadline), req)


class _HTTPS(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        build = _watched(http.client.HTTPSConnection, self._deadline)
        return self.do_open(build, req, context=self._context)  # type: ignore[attr-defined]


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to another http:// or https:// address, at every hop (urllib
    would follow one to ftp://, and refuses file:// with a bare HTTP error)."""

    def http_error_302(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any
    ) -> Any:
        location = headers.get("Location") or headers.get("URI")
        if location is not None:
            target = urljoin(req.full_url, location)
            if (why := web_address(target)) is not None:
                shown = printable(target)[:200]
                raise FetchError(
                    _("the server redirected to {address}: {why}; not followed").format(
                        address=repr(shown), why=why
                    )
                )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener(deadline: _Deadline) -> urllib.request.OpenerDirector:
    """An opener for http:// and https:// alone (no ftp://, file:// or data: handler), proxies
    from the environment as urllib has them."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        _HTTP(deadline),
        _HTTPS(deadline),
        urllib.request.HTTPDefaultErrorHandler(),
        _Redirects(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _download(url: str, state: _State | None) -> tuple[bytes | None, str | None, str | None]:
    """The body (None when the server says 304 Not Modified), the ETag, the Last-Modified."""
    if (why := web_address(url)) is not None:
        raise FetchError(why)
    with _Deadline(DEADLINE) as deadline:
        try:
            return _fetch(url, state, deadline)
        except FetchError:
            if deadline.expired:
                raise _too_long() from None
            raise


def _too_long() -> FetchError:
    return FetchError(
        _(
            "cannot download: not done within {seconds} seconds (the most one download may "
            "take); try again later, or download it another way and open the file"
        ).format(seconds=f"{DEADLINE:g}")
    )


def _fetch(
    url: str, state: _State | None, deadline: _Deadline
) -> tuple[bytes | None, str | None, str | None]:
    headers = {"User-Agent": f"tui-guide/{__version__}"}
    if state is not None and state.etag:
        headers["If-None-Match"] = state.etag
    if state is not None and state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with _opener(deadline).open(request, timeout=TIMEOUT) as response:
            data = response.read(MAX_BYTES + 1)
            if deadline.expired:
                raise _too_long()
            if len(data) > MAX_BYTES:
                raise FetchError(_("larger than {size} MB").format(size=MAX_BYTES // (1024 * 1024)))
            _check_length(data, response.headers.get("Content-Length"))
            return data, response.headers.get("ETag"), response.headers.get("Last-Modified")
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return None, None, None
        said = _("the server answered {code} {reason}").format(code=error.code, reason=error.reason)
        raise FetchError(said) from None
    except urllib.error.URLError as error:
        raise FetchError(_("cannot download: {error}").format(error=error.reason)) from None
    except http.client.IncompleteRead as error:
        said = _("cannot download: cut short after {got} bytes").format(got=len(error.partial))
        raise FetchError(said) from None
    except http.client.HTTPException as error:  # not an OSError: BadStatusLine, LineTooLong…
        said = _("cannot download: not an HTTP answer ({what})").format(what=type(error).__name__)
        raise FetchError(said) from None
    except (OSError, ValueError) as error:
        raise FetchError(_("cannot download: {error}").format(error=error)) from None


def _check_length(data: bytes, length: str | None) -> None:
    """urllib returns what arrived when the connection closes early: a body cut short of its
    Content-Length is refused, or a TOML cut at a `[[sessions]]` would load, sessions gone."""
    if length is not None and length.strip().isdigit() and len(data) < int(length):
        raise FetchError(
            _("cannot download: cut short after {got} of {size} bytes").format(
                got=len(data), size=int(length)
            )
        )


def _file_name(url: str, data: bytes) -> str:
    parts = urlsplit(url)
    stem = parts.path.rsplit(".", 1)[0] if "." in parts.path.rsplit("/", 1)[-1] else parts.path
    name = slugify(f"{parts.hostname or ''} {stem}")[:80].strip("-") or "programme"
    return name + _SUFFIX[detect(data)]


def _check(data: bytes, name: str, final: Path) -> tuple[Festival | None, list[Problem]]:
    """Load the new copy on its own, as the guide will; problems name the final path."""
    with tempfile.TemporaryDirectory(dir=final.parent, prefix=".check-") as folder:
        trial = Path(folder) / name
        trial.write_bytes(data)
        festival, problems = load_file(trial)
    problems = [dataclasses.replace(p, file=final) for p in problems]
    return festival, problems


def _id_owner(festival_id: str, folder: Path, mine: str | None) -> Path | None:
    """The file already loaded with this festival id (bundled, or another added programme),
    if any: the guide would refuse the second one and every `validate` would fail."""
    files, _ = expand([bundled_data(), folder])
    for path in files:
        if path.parent == folder and path.name == mine:
            continue  # this programme's own previous copy, replaced on refresh
        festival, _ = cached_load(path, load_file)
        if festival is not None and festival.id == festival_id:
            return path
    return None


def _store(
    url: str,
    data: bytes,
    etag: str | None,
    modified: str | None,
    folder: Path,
    old: tuple[Path, _State] | None,
) -> Outcome:
    try:
        return _store_in(url, data, etag, modified, folder, old)
    except OSError as error:  # a read-only folder, a file where the folder should be
        reason = _("cannot write into {folder}: {error}").format(
            folder=folder, error=error.strerror or error
        )
        return _failed(url, reason, folder, old)


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.is_file() and path.read_bytes() == data
    except OSError:
        return False


def _store_in(
    url: str,
    data: bytes,
    etag: str | None,
    modified: str | None,
    folder: Path,
    old: tuple[Path, _State] | None,
) -> Outcome:
    folder.mkdir(parents=True, exist_ok=True)
    if old is not None and _same_bytes(folder / old[1].file, data):
        # A new ETag or date, the same bytes: remember them, and say it did not change.
        state = dataclasses.replace(old[1], etag=etag, last_modified=modified)
        _write_atomic(old[0], json.dumps(dataclasses.asdict(state), indent=2).encode("utf-8"))
        kept = folder / old[1].file
        return Outcome(url, "unchanged", _("unchanged {file}").format(file=kept), kept)
    name = _free_name(_file_name(url, data), url, folder, old)
    final = folder / name
    festival, problems = _check(data, name, final)
    if festival is None:
        if old is not None and (folder / old[1].file).is_file():
            return Outcome(
                url,
                "kept",
                _("the new copy does not load; kept the last good copy {file}").format(
                    file=folder / old[1].file
                ),
                folder / old[1].file,
                tuple(problems),
            )
        said = _("the downloaded file does not load")
        return Outcome(url, "failed", said, None, tuple(problems))
    owner = _id_owner(festival.id, folder, old[1].file if old is not None else None)
    if owner is not None:
        reason = _("festival id {id} is already used by {owner}; not stored").format(
            id=repr(festival.id), owner=owner
        )
        return dataclasses.replace(_failed(url, reason, folder, old), problems=tuple(problems))
    _write_atomic(final, data)
    state_path = old[0] if old is not None else _state_dir(folder) / f"{name}.json"
    state = _State(url, name, etag, modified)
    _write_atomic(state_path, json.dumps(dataclasses.asdict(state), indent=2).encode("utf-8"))
    if old is not None and old[1].file != name:
        (folder / old[1].file).unlink(missing_ok=True)  # the programme changed format
    status = "updated" if old is not None else "added"
    said = _("updated {file}") if old is not None else _("added {file}")
    return Outcome(url, status, said.format(file=final), final, tuple(problems))


def _free_name(name: str, url: str, folder: Path, old: tuple[Path, _State] | None) -> str:
    """`name`, or `name-2`, `name-3`…: never another programme's file, nor a file put in
    the folder by hand."""
    mine = old[1].file if old is not None else None
    taken = {s.file for _, s in _read_states(folder) if s.url != url}
    taken |= {p.name for p in folder.iterdir() if p.is_file() and p.name != mine}
    stem, dot, suffix = name.rpartition(".")
    number = 2
    while name in taken:
        name, number = f"{stem}-{number}{dot}{suffix}", number + 1
    return name


def add(url: str, folder: Path | None = None) -> Outcome:
    """Download a programme (TOML, schedule.xml or schedule.json) for offline use."""
    folder = folder or programmes_dir()
    if (why := web_address(url)) is not None:
        return Outcome(url, "failed", why)
    old = next(((p, s) for p, s in _read_states(folder) if s.url == url), None)
    try:
        data, etag, modified = _download(url, None)
    except FetchError as error:
        return _failed(url, str(error), folder, old)
    assert data is not None
    return _store(url, data, etag, modified, folder, old)


def refresh(folder: Path | None = None) -> list[Outcome]:
    """Ask for a new copy of every added programme, only if it changed."""
    folder = folder or programmes_dir()
    outcomes = []
    for state_path, state in _read_states(folder):
        if (why := web_address(state.url)) is not None:  # a state file edited by hand
            said = _("{file}: {why}; not refreshed").format(file=state_path, why=why)
            outcomes.append(Outcome(state.url, "failed", said))
            continue
        old = (state_path, state)
        if not (folder / state.file).is_file():
            old_state = _State(state.url, state.file)  # the file is gone: download it whole
            old = (state_path, old_state)
        try:
            data, etag, modified = _download(state.url, old[1])
        except FetchError as error:
            outcomes.append(_failed(state.url, str(error), folder, old))
            continue
        if data is None:
            outcomes.append(
                Outcome(
                    state.url,
                    "unchanged",
                    _("unchanged {file}").format(file=folder / state.file),
                    folder / state.file,
                )
            )
            continue
        outcomes.append(_store(state.url, data, etag, modified, folder, old))
    return outcomes


def _failed(url: str, reason: str, folder: Path, old: tuple[Path, _State] | None) -> Outcome:
    if old is not None and (folder / old[1].file).is_file():
        kept = folder / old[1].file
        said = _("{reason}; kept the last good copy {file}").format(reason=reason, file=kept)
        return Outcome(url, "kept", said, kept)
    return Outcome(url, "failed", reason)
