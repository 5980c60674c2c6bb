"""The benchmark of comparing two versions runs, quickly, so that it cannot rot; and its
edited version holds every kind of change. No time is asserted: machines differ."""

from __future__ import annotations

import re

from benchmark_runs import run_benchmark


def test_quick_changes_benchmark_prints_its_ratios() -> None:
    out = run_benchmark("benchmarks.changes", "--quick")
    head = re.search(r"200 sessions \((\d+) new, (\d+) changed, (\d+) cancelled", out)
    assert head is not None and all(int(n) > 0 for n in head.groups()), out
    for label in (
        "compare two versions",
        "record the edited one in the store",
        "record an unchanged one (the digest)",
    ):
        assert re.search(rf"{re.escape(label)}\s+[\d.]+ m?s\s+\([\d.]+× the load\)", out), out
