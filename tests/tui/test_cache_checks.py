"""The guide compares the cache files it read with their programme files after its first
paint, and says so when one changed (its days not shown yet are then read from the file)."""

from __future__ import annotations

from pathlib import Path

from .helpers import SIZE, wait_for


class _Check:
    """A cache check whose file changed since its cache was written."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.asked = 0

    def holds(self) -> bool:
        self.asked += 1
        return False


async def test_a_cache_found_stale_after_the_paint_is_said(make_app) -> None:
    check = _Check(Path("fest\x1b[31m.toml"))
    app = make_app(cache_checks=[check])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: check.asked == 1)
        await wait_for(pilot, lambda: any("changed" in str(n.message) for n in app._notifications))
        (notice,) = [n for n in app._notifications if n.title == "Programme file changed"]
        assert "fest" in notice.message and "\x1b" not in notice.message
        assert notice.markup is False
