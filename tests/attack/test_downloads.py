"""Attacks on `add` and `refresh` (issue 15, items 6 and 8), against a local HTTP server on
127.0.0.1 in a thread: a server that trickles its answer a byte at a time, redirects out of
http(s), and state files that name a URL of another kind."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tui_guide.cli import main
from tui_guide.library import fetch
from tui_guide.library.fetch import add, refresh

EXAMPLE = (Path(__file__).parents[1] / "data" / "example.toml").read_bytes()

Answer = Callable[[BaseHTTPRequestHandler], None]


@pytest.fixture
def serve(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[dict[str, Answer]], str]]:
    """Serve `answers` (path: what to do with the request) on 127.0.0.1; the base URL."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    servers: list[ThreadingHTTPServer] = []

    def start(answers: dict[str, Answer]) -> str:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                answer = answers.get(self.path)
                if answer is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                with suppress(OSError):  # the client hung up (as it should, past its deadline)
                    answer(self)

            def log_message(self, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        servers.append(server)
        threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True).start()
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def trickle(body: bytes, pause: float, *, headers_too: bool = False) -> Answer:
    """An answer sent a byte at a time, `pause` seconds apart: each read gets something well
    within its time-out, so only an overall deadline ends the download."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        head = (
            f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        ).encode()
        if not headers_too:
            handler.wfile.write(head)
            handler.wfile.flush()
            head = b""
        for byte in head + body:
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(pause)

    return answer


def redirect(to: str) -> Answer:
    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", to)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return answer


def body(data: bytes) -> Answer:
    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    return answer


# A small programme, trickled at 2 ms a byte, takes ~4 s without a deadline; the deadline in
# these tests is 0.5 s. Without the fix the download completes and is added.
SLOW_BODY = EXAMPLE[:2000]


@pytest.mark.parametrize("headers_too", [False, True], ids=["body", "headers"])
def test_a_trickling_server_meets_the_download_deadline(
    serve: Callable[[dict[str, Answer]], str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    headers_too: bool,
) -> None:
    monkeypatch.setattr(fetch, "DEADLINE", 0.5, raising=False)
    base = serve({"/slow.toml": trickle(SLOW_BODY, 0.002, headers_too=headers_too)})
    outcome = add(f"{base}/slow.toml", tmp_path)
    assert outcome.status == "failed"
    assert "not done within 0.5 seconds" in outcome.message
    assert not any(tmp_path.glob("*.toml"))


def test_refresh_meets_the_deadline_and_keeps_the_last_good_copy(
    serve: Callable[[dict[str, Answer]], str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers: dict[str, Answer] = {"/fest.toml": body(EXAMPLE)}
    base = serve(answers)
    assert add(f"{base}/fest.toml", tmp_path).status == "added"
    monkeypatch.setattr(fetch, "DEADLINE", 0.5, raising=False)
    answers["/fest.toml"] = trickle(SLOW_BODY, 0.002)
    (outcome,) = refresh(tmp_path)
    assert outcome.status == "kept" and "not done within" in outcome.message
    (kept,) = tmp_path.glob("*.toml")
    assert kept.read_bytes() == EXAMPLE


@pytest.mark.parametrize(
    "target",
    ["ftp://127.0.0.1:9/schedule.toml", "file:///etc/passwd", "data:,hello", "gopher://x/"],
)
def test_a_redirect_out_of_http_is_not_followed(
    serve: Callable[[dict[str, Answer]], str], tmp_path: Path, target: str
) -> None:
    base = serve({"/moved.toml": redirect(target)})
    outcome = add(f"{base}/moved.toml", tmp_path)
    assert outcome.status == "failed"
    assert "redirected" in outcome.message and "not followed" in outcome.message
    assert not any(tmp_path.iterdir())


def test_a_redirect_at_the_second_hop_is_checked_too(
    serve: Callable[[dict[str, Answer]], str], tmp_path: Path
) -> None:
    answers: dict[str, Answer] = {"/two": redirect("file:///etc/hostname")}
    base = serve(answers)
    answers["/one"] = redirect(f"{base}/two")  # the first hop stays on http; the second leaves
    outcome = add(f"{base}/one", tmp_path)
    assert outcome.status == "failed" and "file:///etc/hostname" in outcome.message


def test_a_redirect_within_http_is_followed(
    serve: Callable[[dict[str, Answer]], str], tmp_path: Path
) -> None:
    base = serve({"/old.toml": redirect("/new.toml"), "/new.toml": body(EXAMPLE)})
    assert add(f"{base}/old.toml", tmp_path).status == "added"


@pytest.mark.parametrize("url", ["file:///etc/hostname", "ftp://127.0.0.1/x.toml", "data:,x"])
def test_refresh_refuses_a_state_file_naming_another_kind_of_url(
    serve: Callable[[dict[str, Answer]], str], tmp_path: Path, url: str
) -> None:
    base = serve({"/fest.toml": body(EXAMPLE)})
    assert add(f"{base}/fest.toml", tmp_path).status == "added"
    (state,) = (tmp_path / ".state").glob("*.json")
    saved = json.loads(state.read_text(encoding="utf-8"))
    state.write_text(json.dumps({**saved, "url": url}), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.glob("*.toml")}
    (outcome,) = refresh(tmp_path)
    assert outcome.status == "failed"
    assert "only http:// and https://" in outcome.message and str(state) in outcome.message
    assert {p.name: p.read_bytes() for p in tmp_path.glob("*.toml")} == before


def test_refresh_of_a_file_url_says_so_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.toml"
    secret.write_bytes(EXAMPLE)
    folder = tmp_path / "programmes"
    (folder / ".state").mkdir(parents=True)
    (folder / ".state" / "x.toml.json").write_text(
        json.dumps({"url": secret.as_uri(), "file": "x.toml"}), encoding="utf-8"
    )
    monkeypatch.setattr(fetch, "programmes_dir", lambda: folder)
    assert main(["refresh"]) == 2
    assert "only http:// and https://" in capsys.readouterr().err
    assert not (folder / "x.toml").exists()


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_a_server_that_says_nothing_meets_the_deadline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scheme: str
) -> None:
    """A port that takes the connection and never answers: not even the TLS handshake (or
    the status line) comes, and the deadline ends it, well before the 30 s read time-out."""
    monkeypatch.setattr(fetch, "DEADLINE", 0.5, raising=False)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        outcome = add(f"{scheme}://127.0.0.1:{port}/fest.toml", tmp_path)
    assert outcome.status == "failed" and "not done within 0.5 seconds" in outcome.message
