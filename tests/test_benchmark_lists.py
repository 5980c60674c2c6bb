"""The benchmark of the long lists runs, quickly, so that it cannot rot. No time is
asserted: machines differ."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_lists_benchmark_times_every_step(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO))
    try:
        from benchmarks.make_programme import write_programme
    finally:
        sys.path.remove(str(REPO))
    path = write_programme(tmp_path, 300)
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.lists", str(path), "--repeat", "1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    assert re.search(r"busiest day \d+ rows", out), out
    time = r"[\d.]+ m?s"
    # Each step to the frame that shows its answer, and through Pilot (the old column).
    for step in ("busiest day", "scroll to the end", "People", "My programme (100)"):
        assert re.search(rf"\| {re.escape(step)} \| {time} \| {time} \|", out), out
    assert re.search(rf"\| floor: down \| {time} \| – \|", out), out
    assert re.search(rf"\| idle key \| – \| {time} \|", out), out
