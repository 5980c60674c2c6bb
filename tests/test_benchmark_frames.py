"""The frame watch of the benchmarks (`benchmarks/frames.py`) sees the frame that shows a
key's answer, and no other. No time is asserted: machines differ."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
try:
    from benchmarks.frames import FrameWatch, frame_text
finally:
    sys.path.remove(str(REPO))


class Answering(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("waiting", id="out")

    def key_a(self) -> None:
        self.query_one("#out", Static).update("answered at last")


def test_frame_text_leaves_only_what_is_written() -> None:
    sequence = (
        "\x1b[1;1H\x1b[38;2;1;2;3mLive \x1b[1m[Acoustic]\x1b[0m\x1b]8;id=1;x\x1b\\ok\x1b[?25l"
    )
    assert frame_text(sequence) == "Live [Acoustic]ok"


async def test_the_frame_with_the_answer_is_timed_and_a_key_without_one_is_not() -> None:
    app = Answering()
    async with app.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        watch = FrameWatch(app)
        try:
            assert "answered" not in watch.screen_text()
            with pytest.raises((TimeoutError, asyncio.TimeoutError)):
                await watch.key("z", "answered", timeout=0.3)  # nothing answers z
            seconds = await watch.key("a", "answered at last")
            assert seconds > 0
            assert watch.at is not None
            assert "answered at last" in watch.last_text
            assert "answered at last" in watch.screen_text()
        finally:
            watch.close()
        assert app._display == App._display.__get__(app)
