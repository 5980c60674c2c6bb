"""The frames an App writes to its terminal, timed: from a key's arrival to the first frame
that shows the answer, as a user sees it.

Under `App.run_test()` the headless driver writes nothing, so `App._display` (where Textual
turns the compositor's update into the terminal's bytes and writes them) is wrapped: each
update is rendered to its terminal sequence as a real driver's would be, timed once that is
done, and its text (escape sequences taken out) checked for what is expected. A key is sent
as the driver sends one (`Driver.send_message`, from outside the App's loop), and nothing of
Pilot runs in the timed span: Pilot's `pause()` waits for the whole process to go idle,
worker threads included, with a 20 ms granularity, which no user sees.

    watch = FrameWatch(app)              # before the keys to time; watch.close() after
    seconds = await watch.key("p", "Ayşe Quliyeva")   # to the first frame holding the text
    seconds = await watch.key("down")                   # to the first frame after the key

`watch.cpu` is then the process's CPU time over the same span (every thread's: a worker
that holds the interpreter meanwhile counts), steadier than the wall clock on a shared
machine. `profile=PATH` runs cProfile over the timed span and writes its stats there.
"""

from __future__ import annotations

import asyncio
import cProfile
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# CSI sequences (colours, cursor moves, modes), OSC sequences (links, titles), other escapes.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")

Wanted = str | Callable[[str], bool] | None
"""What a frame must show: a text in it, a test of its text, or None for any frame."""


def frame_text(sequence: str) -> str:
    """What a terminal sequence writes, its escape sequences taken out (a line's text runs
    on; the lines are not told apart, as a frame may redraw only some)."""
    return _ESCAPES.sub("", sequence)


class FrameWatch:
    """Wraps `app._display` to time the frames the App writes (see the module's text)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self._display = app._display
        self._wanted: Callable[[str], bool] | None = None
        self._found: asyncio.Event | None = None
        self.at: float | None = None  # when the frame looked for was written
        self.cpu: float | None = None  # the process's CPU seconds from the key to that frame
        self._cpu_at: float | None = None
        self.frames = 0  # frames written since the watch began
        self.last_text = ""
        app._display = self._write

    def close(self) -> None:
        self.app._display = self._display

    def _write(self, screen: Any, renderable: Any) -> None:
        self._display(screen, renderable)  # headless: writes nothing
        app = self.app
        if renderable is None or app._batch_count:
            return  # Textual writes nothing either
        if hasattr(renderable, "render_segments"):
            sequence = renderable.render_segments(app.console)
        else:
            sequence = app.console._render_buffer(app.console.render(renderable))
        written = time.perf_counter()
        cpu = time.process_time()
        self.frames += 1
        if self._found is None or self._found.is_set() or self._wanted is None:
            return
        text = frame_text(sequence)
        self.last_text = text
        if self._wanted(text):
            self.at, self._cpu_at = written, cpu
            self._found.set()

    def screen_text(self) -> str:
        """The whole screen as it is now, as text (a full frame, not written)."""
        update = self.app.screen._compositor.render_update(full=True)
        return frame_text(update.render_segments(self.app.console))

    async def key(
        self,
        key: str,
        wanted: Wanted = None,
        *,
        timeout: float = 60.0,
        profile: Path | None = None,
    ) -> float:
        """Seconds from sending `key` (as the driver does) to the first frame written after
        it that shows `wanted`. Raises TimeoutError when none does within `timeout`."""
        from textual import events

        if isinstance(wanted, str):
            text = wanted
            test: Callable[[str], bool] = lambda frame: text in frame  # noqa: E731
        elif wanted is None:
            test = lambda frame: True  # noqa: E731
        else:
            test = wanted
        app = self.app
        found = asyncio.Event()
        self._wanted, self._found, self.at = test, found, None
        message = events.Key(key, key if len(key) == 1 else None)
        message.set_sender(app)
        profiler = cProfile.Profile() if profile else None
        if profiler is not None:
            profiler.enable()
        started, cpu = time.perf_counter(), time.process_time()
        app._driver.send_message(message)
        try:
            await asyncio.wait_for(found.wait(), timeout)
        finally:
            if profiler is not None:
                profiler.disable()
                assert profile is not None
                profiler.dump_stats(str(profile))
            self._wanted = self._found = None
        assert self.at is not None and self._cpu_at is not None
        self.cpu = self._cpu_at - cpu
        return self.at - started
