"""The benchmark of the guide's start by CPU time, through the command line, runs quickly,
against another checkout too, so that it cannot rot. No time is asserted: machines differ."""

from __future__ import annotations

import re
from pathlib import Path

from benchmark_runs import REPO, run_benchmark, write_programme


def test_start_benchmark_times_the_guide_against_a_bare_app_and_another_checkout(
    tmp_path: Path,
) -> None:
    path = write_programme(tmp_path, 200)
    options = ["--repeat", "1", "--now", "2025-08-01T10:00", "--against", str(REPO / "src")]
    out = run_benchmark("benchmarks.start_cpu", str(path), *options)
    assert re.search(r"^bare: CPU \d+ ms, wall \d+ ms$", out, re.M), out
    for name in ("this", "other"):
        found = rf"^{name}: CPU \d+ ms \([\d.]+x bare\), wall \d+ ms \([\d.]+x bare\)$"
        assert re.search(found, out, re.M), out
    assert re.search(r"^this/other: CPU [\d.]+$", out, re.M), out
