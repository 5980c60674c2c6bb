"""The benchmark of a section's new screen, from its key to its first frame, runs quickly,
against another checkout too, so that it cannot rot. No time is asserted: machines differ."""

from __future__ import annotations

import re
from pathlib import Path

from benchmark_runs import REPO, run_benchmark, write_programme


def test_screens_benchmark_times_each_key_against_another_checkout(tmp_path: Path) -> None:
    path = write_programme(tmp_path, 200)
    options = ["--keys", "t,p", "--repeat", "1", "--against", str(REPO / "src")]
    out = run_benchmark("benchmarks.screens", str(path), *options)
    for step in ("t: first frame", "t: settled", "p: first frame", "p: settled"):
        found = re.search(rf"^{step}: \d+ ms, other \d+ ms, this/other [\d.]+$", out, re.M)
        assert found, out


def test_ahead_benchmark_gives_every_key_against_another_checkout(tmp_path: Path) -> None:
    path = write_programme(tmp_path, 200)
    options = ["--repeat", "1", "--now", "2025-08-01T10:00", "--against", str(REPO / "src")]
    out = run_benchmark("benchmarks.ahead", str(path), *options)
    for row in ("m: My programme (100)", "m: again, after a star", "p: People"):
        assert re.search(rf"\| {re.escape(row)} \| [\d.]+ ms \| [\d.]+ ms \| [\d.]+ \|", out), out
        assert re.search(rf"\| {re.escape(row)} \(CPU\) \| [\d.]+ ms \|", out), out
