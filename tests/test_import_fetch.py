"""`tui-guide add` and `tui-guide refresh` against a local HTTP server on 127.0.0.1 only:
ETag and If-Modified-Since, 304, and the last good copy kept when a download fails or a new
copy does not load."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tui_guide.cli import main
from tui_guide.library.fetch import add, refresh
from tui_guide.library.load import load_programme
from tui_guide.library.sources import bundled_data, data_paths, programmes_dir

DATA = Path(__file__).parent / "data"
SCHEDULE = (DATA / "schedules" / "repeated.json").read_bytes()
EXAMPLE = (DATA / "example.toml").read_bytes()


@dataclass
class Site:
    """What the server answers for each path, and the requests it saw."""

    base: str
    files: dict[str, bytes] = field(default_factory=dict)
    status: dict[str, int] = field(default_factory=dict)
    etags: dict[str, str] = field(default_factory=dict)
    cut: dict[str, int] = field(default_factory=dict)  # send only so many bytes of the body
    raw: dict[str, bytes] = field(default_factory=dict)  # the whole answer, not HTTP at all
    requests: list[dict[str, str]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    state = Site("")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append({"path": self.path, **dict(self.headers.items())})
            if self.path in state.raw:
                self.wfile.write(state.raw[self.path])
                return
            code = state.status.get(self.path, 200)
            body = state.files.get(self.path)
            if body is None or code != 200:
                self.send_response(code if body is not None else 404)
                self.end_headers()
                return
            etag = state.etags.get(self.path, '"v1"')
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", "Sat, 01 Jun 2024 10:00:00 GMT")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: state.cut.get(self.path, len(body))])

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    # shutdown() waits for serve_forever to look up from its poll: 0.5 s a test by default.
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_add_stores_the_programme_and_the_guide_loads_it_with_the_bundled_one(
    site: Site,
) -> None:
    site.files["/2024/schedule.json"] = SCHEDULE
    outcome = add(site.url("/2024/schedule.json"))
    assert outcome.status == "added", outcome
    assert outcome.path == programmes_dir() / "127-0-0-1-2024-schedule.json"
    assert outcome.path.read_bytes() == SCHEDULE
    programme = load_programme(data_paths())
    ids = [f.id for f in programme.festivals]
    assert "repeat-camp" in ids and len(ids) == 4  # the three bundled ones, and this
    assert programme.errors == ()


def test_the_file_ending_follows_the_content_not_the_url(site: Site) -> None:
    site.files["/programme"] = EXAMPLE
    outcome = add(site.url("/programme"))
    assert outcome.status == "added"
    assert outcome.path.name == "127-0-0-1-programme.toml"


def test_a_calendar_is_kept_as_ics_and_loads_with_the_bundled_programme(site: Site) -> None:
    calendar = (Path(__file__).parent / "data" / "ical" / "utc.ics").read_bytes()
    site.files["/feed"] = calendar
    outcome = add(site.url("/feed"))
    assert outcome.status == "added", outcome
    assert outcome.path.name == "127-0-0-1-feed.ics"
    programme = load_programme(data_paths())
    assert "utc-fest" in [f.id for f in programme.festivals]


def test_refresh_asks_only_if_changed_and_304_keeps_the_copy(site: Site) -> None:
    site.files["/s.json"] = SCHEDULE
    add(site.url("/s.json"))
    (outcome,) = refresh()
    assert outcome.status == "unchanged"
    last = site.requests[-1]
    assert last["If-None-Match"] == '"v1"'
    assert last["If-Modified-Since"] == "Sat, 01 Jun 2024 10:00:00 GMT"
    assert outcome.path.read_bytes() == SCHEDULE


def test_refresh_takes_a_new_copy(site: Site) -> None:
    site.files["/s.json"] = SCHEDULE
    add(site.url("/s.json"))
    changed = SCHEDULE.replace(b"Night lab", b"Night lab, moved")
    site.files["/s.json"], site.etags["/s.json"] = changed, '"v2"'
    (outcome,) = refresh()
    assert outcome.status == "updated"
    assert outcome.path.read_bytes() == changed
    (again,) = refresh()
    assert again.status == "unchanged"
    assert site.requests[-1]["If-None-Match"] == '"v2"'


def test_a_failed_download_keeps_the_last_good_copy(site: Site) -> None:
    site.files["/s.json"] = SCHEDULE
    add(site.url("/s.json"))
    site.status["/s.json"] = 500
    (outcome,) = refresh()
    assert outcome.status == "kept"
    assert "the server answered 500" in outcome.message
    assert "kept the last good copy" in outcome.message
    assert outcome.path.read_bytes() == SCHEDULE


def test_a_broken_new_copy_keeps_the_last_good_copy_and_says_why(site: Site) -> None:
    site.files["/s.json"] = SCHEDULE
    add(site.url("/s.json"))
    site.files["/s.json"], site.etags["/s.json"] = b'{"schedule": {"conference": 3', '"v2"'
    (outcome,) = refresh()
    assert outcome.status == "kept"
    assert outcome.path.read_bytes() == SCHEDULE
    (problem,) = outcome.problems
    assert problem.file == outcome.path and problem.message.startswith("not valid JSON")
    # Still the old ETag: the next refresh asks again rather than trusting the broken copy.
    refresh()
    assert site.requests[-1]["If-None-Match"] == '"v1"'
    assert list(programmes_dir().glob("*.json")) == [outcome.path]


def test_adding_a_broken_file_stores_nothing(site: Site) -> None:
    site.files["/bad.xml"] = b"<schedule><conference>"
    outcome = add(site.url("/bad.xml"))
    assert outcome.status == "failed"
    assert outcome.problems and "not valid XML" in outcome.problems[0].message
    folder = programmes_dir()
    assert not folder.exists() or list(folder.iterdir()) == []


def test_only_http_addresses_can_be_added(tmp_path: Path) -> None:
    secret = tmp_path / "secret.toml"
    secret.write_bytes(EXAMPLE)
    outcome = add(secret.as_uri())
    assert outcome.status == "failed"
    assert outcome.message == "only http:// and https:// addresses can be downloaded"


def test_cli_add_and_refresh(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["refresh"]) == 0
    assert "No programmes added yet" in capsys.readouterr().out
    site.files["/s.json"] = SCHEDULE
    assert main(["add", site.url("/s.json")]) == 0
    assert "added" in capsys.readouterr().out
    assert main(["add", site.url("/missing.json")]) == 2
    assert "the server answered 404" in capsys.readouterr().err
    site.status["/s.json"] = 503
    assert main(["refresh"]) == 2
    err = capsys.readouterr().err
    assert "the server answered 503" in err and "kept the last good copy" in err
    assert "Traceback" not in err


def test_two_addresses_with_one_name_keep_two_files(site: Site) -> None:
    site.files["/s.json?day=1"] = SCHEDULE
    site.files["/s.json?day=2"] = SCHEDULE.replace(b"repeat-camp", b"second-camp")
    first = add(site.url("/s.json?day=1"))
    second = add(site.url("/s.json?day=2"))
    assert (first.status, second.status) == ("added", "added")
    assert first.path.name == "127-0-0-1-s.json"
    assert second.path.name == "127-0-0-1-s-2.json"
    hand = programmes_dir() / "127-0-0-1-other.json"
    hand.write_bytes(SCHEDULE)
    site.files["/other.json"] = SCHEDULE.replace(b"repeat-camp", b"other-camp")
    third = add(site.url("/other.json"))
    assert third.path.name == "127-0-0-1-other-2.json"
    assert hand.read_bytes() == SCHEDULE  # a file put there by hand is never overwritten
    assert {o.status for o in refresh()} == {"unchanged"}


def test_a_tampered_state_file_cannot_reach_outside_the_folder(site: Site) -> None:
    site.files["/s.json"] = SCHEDULE
    add(site.url("/s.json"))
    outside = programmes_dir().parent / "keep.txt"
    outside.write_text("keep")
    (state,) = (programmes_dir() / ".state").glob("*.json")
    state.write_text(json.dumps({"url": site.url("/s.json"), "file": "../keep.txt"}))
    assert refresh() == []
    (programmes_dir() / ".state" / "broken.json").write_text("[1, 2]")
    assert refresh() == []
    assert outside.read_text() == "keep"


def test_a_body_cut_short_keeps_the_last_good_copy(site: Site) -> None:
    site.files["/p.toml"] = EXAMPLE
    add(site.url("/p.toml"))
    # Cut at a session: the first part is a programme that loads, with sessions missing.
    site.etags["/p.toml"] = '"v2"'
    site.cut["/p.toml"] = EXAMPLE.rindex(b"[[sessions]]")
    (outcome,) = refresh()
    assert outcome.status == "kept", outcome
    assert "cut short" in outcome.message
    assert outcome.path.read_bytes() == EXAMPLE


@pytest.mark.parametrize(
    "answer",
    [b"garbage\r\n\r\n", b"HTTP/1.1 200 OK\r\nX: " + b"a" * 70000 + b"\r\n\r\n"],
    ids=["bad-status-line", "line-too-long"],
)
def test_a_server_that_does_not_speak_http_is_a_clear_error(
    site: Site, answer: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    site.raw["/s.json"] = answer
    assert main(["add", site.url("/s.json")]) == 2
    err = capsys.readouterr().err
    assert "cannot download" in err and "Traceback" not in err
    folder = programmes_dir()
    assert not folder.exists() or list(folder.iterdir()) == []


def test_a_file_where_the_data_folder_should_be_is_a_clear_error(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.files["/s.json"] = SCHEDULE
    programmes_dir().parent.mkdir(parents=True, exist_ok=True)
    programmes_dir().write_text("not a folder")
    assert main(["add", site.url("/s.json")]) == 2
    err = capsys.readouterr().err
    assert "cannot write" in err and str(programmes_dir()) in err and "Traceback" not in err
    assert programmes_dir().read_text() == "not a folder"


def test_a_folder_that_cannot_be_written_keeps_the_last_good_copy(
    site: Site, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site.files["/s.json"] = SCHEDULE
    add(site.url("/s.json"))
    site.files["/s.json"], site.etags["/s.json"] = SCHEDULE.replace(b"Night lab", b"N"), '"v2"'

    def read_only(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # Running as root, chmod cannot make a folder read-only: fail the write itself instead.
    monkeypatch.setattr("tempfile.mkstemp", read_only)
    assert main(["refresh"]) == 2
    err = capsys.readouterr().err
    assert "Permission denied" in err and "kept the last good copy" in err
    assert "Traceback" not in err
    (kept,) = programmes_dir().glob("*.json")
    assert kept.read_bytes() == SCHEDULE


def test_a_second_address_for_the_same_festival_is_refused(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.files["/a.json"] = SCHEDULE
    site.files["/b.json"] = SCHEDULE
    first = add(site.url("/a.json"))
    assert main(["add", site.url("/b.json")]) == 2
    err = capsys.readouterr().err
    assert f"festival id 'repeat-camp' is already used by {first.path}" in err
    assert list(programmes_dir().glob("*.json")) == [first.path]
    assert main(["validate"]) == 0
    # Its own previous copy is no clash: a refresh replaces it.
    site.files["/a.json"], site.etags["/a.json"] = SCHEDULE.replace(b"Night lab", b"N"), '"v2"'
    assert [o.status for o in refresh()] == ["updated"]


def test_a_programme_with_a_bundled_festival_id_is_refused(site: Site) -> None:
    bundled = bundled_data() / "korkyt-ata-2025.toml"
    site.files["/k.toml"] = bundled.read_bytes()
    outcome = add(site.url("/k.toml"))
    assert outcome.status == "failed"
    assert (
        outcome.message == f"festival id 'korkyt-ata-2025' is already used by {bundled}; not stored"
    )
    folder = programmes_dir()
    assert not any(folder.glob("*.toml"))


def test_a_new_etag_with_the_same_bytes_is_unchanged(site: Site) -> None:
    site.files["/s.json"] = SCHEDULE
    add(site.url("/s.json"))
    site.etags["/s.json"] = '"v2"'  # a server that changes its ETag on every deploy
    (outcome,) = refresh()
    assert outcome.status == "unchanged" and outcome.message.startswith("unchanged ")
    assert outcome.path.read_bytes() == SCHEDULE
    refresh()
    assert site.requests[-1]["If-None-Match"] == '"v2"'  # the new ETag is remembered
