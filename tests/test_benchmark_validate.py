"""benchmarks/validate.py and benchmarks/toml_readers.py run, quickly, so that they cannot rot.
No time is asserted: only that each prints its table, with a ratio for every row."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from benchmark_runs import REPO, run_benchmark, write_programme

RATIO = re.compile(r"\d+\.\d\d×")


def _programme(tmp_path: Path) -> Path:
    return write_programme(tmp_path / "programme", 200)


def test_validate_benchmark_prints_validate_against_tomllib(tmp_path: Path) -> None:
    path = _programme(tmp_path)
    src = str(REPO / "src")
    out = run_benchmark(
        "benchmarks.validate", str(path), "--repeat", "1", "--against", src, "--load"
    )
    rows = {line.split("|")[1].strip(): line for line in out.splitlines() if line.startswith("| ")}
    assert set(rows) >= {"tomllib.load", "validate (this checkout)"}
    assert any(name.startswith("validate (") and "src" in name for name in rows)
    for name, line in rows.items():
        if name:
            assert len(RATIO.findall(line)) == 3, line  # the call, with imports, the process
    assert "cold load, no cache (this checkout)" in rows
    assert "this checkout against" in out


def test_toml_readers_benchmark_prints_each_reader_installed(tmp_path: Path) -> None:
    path = _programme(tmp_path)
    out = run_benchmark("benchmarks.toml_readers", str(path), "--repeat", "1")
    readers = [line.split("|")[1].strip() for line in out.splitlines() if RATIO.search(line)]
    assert readers[0] == "tomllib"
    assert any(r.startswith("tomli 2.2.1") for r in readers)
    assert any(r.startswith("rtoml ") for r in readers)


def test_validate_benchmark_times_a_broken_file(tmp_path: Path) -> None:
    path = _programme(tmp_path)
    text = path.read_text("utf-8")
    at = text.rindex('kind = "')
    path.write_text(text[:at] + 'kind = "talkk' + text[text.index('"', at + 8) :], "utf-8")
    out = run_benchmark("benchmarks.validate", str(path), "--repeat", "1", "--broken")
    assert "| validate (this checkout) |" in out
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.validate", str(path), "--repeat", "1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode != 0 and "did not say OK" in done.stderr
