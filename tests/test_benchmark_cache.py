"""The benchmarks of the programme cache and of the saved search index run, quickly, so that
they cannot rot. No time is asserted: machines differ."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_cache_benchmark_gives_every_figure_against_another_checkout(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO))
    try:
        from benchmarks.make_programme import write_programme
    finally:
        sys.path.remove(str(REPO))
    path = write_programme(tmp_path, 200)
    src = str(REPO / "src")  # this checkout against itself: the same figures, a ratio each
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.cache", str(path), "--repeat", "1", "--against", src],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    assert re.search(r"\| size \| [\d.]+ MB \| [\d.]+ MB \| 1\.00 \|", out), out
    for row in ("write", "head", "day", "every day"):
        assert re.search(rf"\| {row} \| [\d.]+ m?s \| [\d.]+ m?s \| [\d.]+ \|", out), out


def test_indexes_benchmark_gives_every_figure_against_another_checkout(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO))
    try:
        from benchmarks.make_programme import write_programme
    finally:
        sys.path.remove(str(REPO))
    path = write_programme(tmp_path, 200)
    command = ["-m", "benchmarks.indexes", str(path), "--repeat", "1", "--keys", "2"]
    done = subprocess.run(
        [sys.executable, *command, "--against", str(REPO / "src")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    assert re.search(r"\| search indexes ready, after the first screen settled \| [\d.]+ m?s", out)
    assert re.search(r"\| a key once they are ready \(median\) \| [\d.]+ m?s \| [\d.]+ m?s", out)
