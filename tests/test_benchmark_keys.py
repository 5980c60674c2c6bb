"""The benchmark of keys in a real terminal runs, quickly, so that it cannot rot. No time is
asserted: machines differ."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from benchmark_runs import run_benchmark, write_programme


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_keys_benchmark_times_every_key_in_tmux(tmp_path: Path) -> None:
    path = write_programme(tmp_path, 300)
    out = run_benchmark("benchmarks.keys", str(path), "--repeat", "1", "--settle", "0.5")
    for key in ("floor: down", "busiest day", "People", "My programme (100)"):
        assert re.search(rf"\| {re.escape(key)} \| \d+ ms \|", out), out
