"""The benchmark of keys in a real terminal runs, quickly, so that it cannot rot. No time is
asserted: machines differ."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_keys_benchmark_times_every_key_in_tmux(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO))
    try:
        from benchmarks.make_programme import write_programme
    finally:
        sys.path.remove(str(REPO))
    path = write_programme(tmp_path, 300)
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.keys", str(path), "--repeat", "1", "--settle", "0.5"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:] + done.stdout[-3000:]
    for key in ("floor: down", "busiest day", "People", "My programme (100)"):
        assert re.search(rf"\| {re.escape(key)} \| \d+ ms \|", done.stdout), done.stdout
