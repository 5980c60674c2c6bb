"""TOML readers side by side: the time of `loads` on a programme, against `tomllib`'s.

    python -m benchmarks.toml_readers PATH [PATH...] [--repeat 3] [--python OTHER/bin/python]

Each reader importable here (tomllib, tomli, rtoml, and toml-rs, pytomlpp and tomli-rs when
installed) parses the file's text in a fresh process, in turns, `--repeat` times; `--python`
adds another interpreter's readers (a virtual environment with another tomli, say), named by
their versions. Prints each reader's median and its ratio to tomllib's of the same run.
Never asserts a time. What chose rtoml for the guide (`formats/toml/fast.py`).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

READERS = {
    "tomllib": "tomllib.loads",
    "tomli": "tomli.loads",
    "rtoml": "rtoml.loads",
    "toml-rs": "toml_rs.loads",
    "pytomlpp": "pytomlpp.loads",
    "tomli-rs": "tomli_rs.loads",
}

CHILD = """
import importlib, importlib.metadata, json, sys, time
module, _, name = sys.argv[1].rpartition(".")
loads = getattr(importlib.import_module(module), name)
try:
    version = importlib.metadata.version(sys.argv[3])
except importlib.metadata.PackageNotFoundError:
    version = ""
with open(sys.argv[2], encoding="utf-8") as file:
    text = file.read()
start = time.perf_counter()
loads(text)
print(json.dumps({"seconds": time.perf_counter() - start, "version": version}))
"""

PROBE = """
import importlib.util, json, sys
print(json.dumps([n for n in sys.argv[1:] if importlib.util.find_spec(n.rpartition(".")[0])]))
"""


def available(python: str) -> list[str]:
    found = subprocess.run(
        [python, "-c", PROBE, *READERS.values()], capture_output=True, text=True, check=True
    )
    usable = set(json.loads(found.stdout))
    return [name for name, call in READERS.items() if call in usable]


def run(python: str, reader: str, path: Path) -> tuple[float, str]:
    done = subprocess.run(
        [python, "-c", CHILD, READERS[reader], str(path), reader],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        return float("nan"), ""
    got = json.loads(done.stdout)
    return float(got["seconds"]), str(got["version"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--python", action="append", default=[], help="another interpreter")
    args = parser.parse_args(argv)
    pythons = [sys.executable, *args.python]
    readers = [(python, reader) for python in pythons for reader in available(python)]
    for path in args.paths:
        times: dict[tuple[str, str], list[float]] = {key: [] for key in readers}
        versions: dict[tuple[str, str], str] = {}
        for _ in range(args.repeat):
            for key in readers:
                seconds, versions[key] = run(*key, path)
                times[key].append(seconds)
        base = statistics.median(times[(sys.executable, "tomllib")])
        print(f"{path.name} ({path.stat().st_size / 1e6:.1f} MB), median of {args.repeat}:")
        print("| reader | loads | × tomllib |\n|---|---:|---:|")
        for (python, reader), got in times.items():
            label = f"{reader} {versions[(python, reader)]}".strip()
            if python != sys.executable:
                label += f" ({python})"
            median = statistics.median(got)
            print(f"| {label} | {median * 1e3:.0f} ms | {median / base:.2f}× |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
