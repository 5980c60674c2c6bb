"""The benchmark of a section's new screen, from its key to its first frame, runs quickly,
against another checkout too, so that it cannot rot. No time is asserted: machines differ."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_screens_benchmark_times_each_key_against_another_checkout(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO))
    try:
        from benchmarks.make_programme import write_programme
    finally:
        sys.path.remove(str(REPO))
    path = write_programme(tmp_path, 200)
    options = ["--keys", "t,p", "--repeat", "1", "--against", str(REPO / "src")]
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.screens", str(path), *options],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for step in ("t: first frame", "t: settled", "p: first frame", "p: settled"):
        found = re.search(rf"^{step}: \d+ ms, other \d+ ms, this/other [\d.]+$", done.stdout, re.M)
        assert found, done.stdout
