"""The benchmark of the long lists runs, quickly, so that it cannot rot. No time is
asserted: machines differ."""

from __future__ import annotations

import re
from pathlib import Path

from benchmark_runs import run_benchmark, write_programme


def test_lists_benchmark_times_every_step(tmp_path: Path) -> None:
    path = write_programme(tmp_path, 300)
    out = run_benchmark("benchmarks.lists", str(path), "--repeat", "1")
    assert re.search(r"busiest day \d+ rows", out), out
    time = r"[\d.]+ m?s"
    # Each step to the frame that shows its answer, and through Pilot (the old column).
    for step in ("busiest day", "scroll to the end", "People", "My programme (100)"):
        assert re.search(rf"\| {re.escape(step)} \| {time} \| {time} \|", out), out
    assert re.search(rf"\| floor: down \| {time} \| – \|", out), out
    assert re.search(rf"\| idle key \| – \| {time} \|", out), out
