"""What the tests of the benchmarks share: the benchmarks' seeded programme writer (the
`benchmarks` folder is at the repository's root, not installed), and a benchmark run as the
README says, in a fresh process from the root, its output kept for the assertions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def write_programme(folder: Path, sessions: int, **options: Any) -> Path:
    """`benchmarks.make_programme.write_programme`: the same seeded file as the benchmarks'."""
    sys.path.insert(0, str(REPO))
    try:
        from benchmarks.make_programme import write_programme as write
    finally:
        sys.path.remove(str(REPO))
    written: Path = write(folder, sessions, **options)
    return written


def run_benchmark(module: str, *args: str, timeout: float = 300) -> str:
    """`python -m MODULE ARGS...` from the repository's root; its standard output, after
    asserting that it ran through (the ends of its errors and output in the message if not)."""
    done = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:] + done.stdout[-3000:]
    return done.stdout
