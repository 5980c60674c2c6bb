"""The programme cache, file by file: its size, the cold write, and reading it back.

    python -m benchmarks.cache PATH [--repeat N] [--rounds N] [--against OTHER/src]

For each checkout (this one, and `--against`'s in the same turns), a fresh process parses
PATH once (not timed), then `--repeat` times in a cache folder of its own: writes the cache
(`cached_load` handed the parsed programme: the hash and the encoding, as a cold start that
writes it pays), reads the head (`cached_load` with its hash left for later: what the guide
does before its first paint), decodes the busiest day, and every day (`festival.sessions`,
each from a fresh head). `--rounds` runs the checkouts in turns that many times. Medians of
each, and the ratio of this checkout's to the other's, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

WORKER = r"""
import gc, json, shutil, sys, time
from pathlib import Path
from tui_guide.formats.load import load_file
from tui_guide.library import cache

path, folder, repeat = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
loaded = load_file(path)
festival = loaded[0]
busiest = max((d for d in festival.by_day.counts if d is not None), key=festival.by_day.counts.get)
figures = {"write": [], "head": [], "day": [], "every_day": [], "size": 0}
for _ in range(repeat):
    shutil.rmtree(folder, ignore_errors=True)
    gc.collect()
    started = time.perf_counter()
    cache.cached_load(path, lambda _: loaded, folder)
    figures["write"].append(time.perf_counter() - started)
    [entry] = folder.glob("*" + cache.SUFFIX)
    figures["size"] = entry.stat().st_size
    for what in ("day", "every_day"):
        gc.collect()
        started = time.perf_counter()
        read, _ = cache.cached_load(path, load_file, folder, later=[])
        head = time.perf_counter() - started
        if what == "day":
            figures["head"].append(head)
        started = time.perf_counter()
        if what == "day":
            read.sessions_on(busiest)
        else:
            read.sessions
        figures[what].append(time.perf_counter() - started)
        assert read.by_day.counts == festival.by_day.counts
print(json.dumps(figures))
"""


def _run(src: Path, path: Path, repeat: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="bench-cache-") as folder:
        env = {**os.environ, "PYTHONPATH": str(src)}
        done = subprocess.run(
            [sys.executable, "-c", WORKER, str(path), str(Path(folder) / "c"), str(repeat)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
        return result


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--against", type=Path, help="another checkout's src folder")
    args = parser.parse_args(argv)
    checkouts = {"this": REPO / "src"}
    if args.against is not None:
        checkouts["other"] = args.against
    runs: dict[str, list[dict[str, object]]] = {name: [] for name in checkouts}
    for _ in range(args.rounds):
        for name, src in checkouts.items():  # in turns
            runs[name].append(_run(src, args.path.resolve(), args.repeat))
    rows = ("size", "write", "head", "day", "every_day")
    medians: dict[str, dict[str, float]] = {}
    for name, found in runs.items():
        medians[name] = {}
        for row in rows:
            values: list[float] = []
            for run in found:
                value = run[row]
                values += value if isinstance(value, list) else [value]  # type: ignore[list-item]
            medians[name][row] = statistics.median(values)
    print(f"{args.path.name}, median of {args.repeat * args.rounds} each, in turns")
    header = (
        "| | " + " | ".join(checkouts) + (" | this / other |" if "other" in checkouts else " |")
    )
    print(header)
    print("|---" * (len(header.split("|")) - 2) + "|")
    for row in rows:
        cells = []
        for name in checkouts:
            value = medians[name][row]
            cells.append(f"{value / 1e6:.1f} MB" if row == "size" else _ms(value))
        line = f"| {row.replace('_', ' ')} | " + " | ".join(cells)
        if "other" in checkouts:
            line += f" | {medians['this'][row] / medians['other'][row]:.2f}"
        print(line + " |")


if __name__ == "__main__":
    main()
