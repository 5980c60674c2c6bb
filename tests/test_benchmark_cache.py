"""The benchmarks of the programme cache and of the saved search index run, quickly, so that
they cannot rot. No time is asserted: machines differ."""

from __future__ import annotations

import re
from pathlib import Path

from benchmark_runs import REPO, run_benchmark, write_programme


def test_cache_benchmark_gives_every_figure_against_another_checkout(tmp_path: Path) -> None:
    path = write_programme(tmp_path, 200)
    src = str(REPO / "src")  # this checkout against itself: the same figures, a ratio each
    out = run_benchmark("benchmarks.cache", str(path), "--repeat", "1", "--against", src)
    assert re.search(r"\| size \| [\d.]+ MB \| [\d.]+ MB \| 1\.00 \|", out), out
    for row in ("write", "head", "day", "every day"):
        assert re.search(rf"\| {row} \| [\d.]+ m?s \| [\d.]+ m?s \| [\d.]+ \|", out), out


def test_indexes_benchmark_gives_every_figure_against_another_checkout(tmp_path: Path) -> None:
    path = write_programme(tmp_path, 200)
    options = ["--repeat", "1", "--keys", "2", "--against", str(REPO / "src")]
    out = run_benchmark("benchmarks.indexes", str(path), *options)
    assert re.search(r"\| search indexes ready, after the first screen settled \| [\d.]+ m?s", out)
    assert re.search(r"\| a key once they are ready \(median\) \| [\d.]+ m?s \| [\d.]+ m?s", out)
