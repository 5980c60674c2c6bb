"""A cold `tui-guide validate FILE` against a plain `tomllib.load` of the same file.

    python -m benchmarks.validate PATH [PATH...] [--repeat 5] [--against OTHER/src]

Each measurement is a fresh process, taken in turns (tomllib, this checkout, and with
`--against` another checkout's `src` folder), each validate with an empty cache folder of its
own, so nothing is cached before it (validate writes none). Three figures per process: the
call, timed inside the process (`tomllib.load(file)`; the guide's `main(["validate", PATH])`,
as `python -m benchmarks` times it); the same with the imports before it (`tomllib`;
`tui_guide.cli.main`); and the whole process by the wall clock, interpreter start included.
With `--broken`, files with errors (validate must exit 2, and explain them: the slow path).
With `--load`, the guide's cold load too (`load_programme`, no cache), each checkout's.
Prints the medians and each ratio to tomllib's, as measured in the same run.
Never asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TOMLLIB = """
import json, sys, time
start = time.perf_counter()
import tomllib
imported = time.perf_counter()
with open(sys.argv[1], "rb") as file:
    tomllib.load(file)
done = time.perf_counter()
print(json.dumps({"call": done - imported, "imports": done - start}))
"""

GUIDE = """
import contextlib, io, json, sys, time
start = time.perf_counter()
from tui_guide.cli.main import main
imported = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()) as out:
    code = main(["validate", sys.argv[1]])
done = time.perf_counter()
import tui_guide
print(json.dumps({"call": done - imported, "imports": done - start, "code": code,
                  "out": out.getvalue(), "from": tui_guide.__file__}))
"""

LOAD = """
import json, sys, time
start = time.perf_counter()
from tui_guide.library.load import load_programme
imported = time.perf_counter()
programme = load_programme([__import__("pathlib").Path(sys.argv[1])], cache=False)
done = time.perf_counter()
import tui_guide
ok = bool(programme.festivals) and not programme.errors
print(json.dumps({"call": done - imported, "imports": done - start, "code": 0 if ok else 2,
                  "out": "OK:" if ok else str(programme.problems[:3]), "from": tui_guide.__file__}))
"""


def child(
    code: str, path: Path, src: Path | None, folder: Path, broken: bool = False
) -> dict[str, float]:
    env = dict(os.environ)
    env["TUI_GUIDE_CACHE"] = tempfile.mkdtemp(dir=folder, prefix="cache-")
    env["TUI_GUIDE_STATE_DIR"] = str(folder / "state")
    env["TUI_GUIDE_CONFIG"] = str(folder / "settings.toml")
    if src is not None:
        env["PYTHONPATH"] = str(src.resolve())
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], env=env, capture_output=True, text=True
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{path}: the child failed:\n{done.stderr[-2000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if "code" in result:
        if broken and result["code"] != 2:
            raise SystemExit(f"{path}: validate found no error, and --broken was given")
        if not broken and (result["code"] != 0 or not result["out"].startswith("OK:")):
            raise SystemExit(f"{path}: validate did not say OK: {result['out'][:500]}")
        if src is not None and not result["from"].startswith(str(src.resolve())):
            raise SystemExit(f"--against: the guide came from {result['from']}, not {src}")
    return {"call": result["call"], "imports": result["imports"], "wall": wall}


WHAT = ("call", "imports", "wall")


def fmt(seconds: float) -> str:
    return f"{seconds * 1e3:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def measure(
    path: Path,
    repeat: int,
    against: Path | None,
    folder: Path,
    load: bool = False,
    broken: bool = False,
) -> list[str]:
    runs: dict[str, tuple[str, Path | None]] = {
        "tomllib.load": (TOMLLIB, None),
        "validate (this checkout)": (GUIDE, None),
    }
    if against is not None:
        runs[f"validate ({against})"] = (GUIDE, against)
    if load:  # the guide's own cold load, as it starts on a file it has not cached
        runs["cold load, no cache (this checkout)"] = (LOAD, None)
        if against is not None:
            runs[f"cold load, no cache ({against})"] = (LOAD, against)
    times: dict[str, list[dict[str, float]]] = {name: [] for name in runs}
    for turn in range(repeat):
        for name, (code, src) in runs.items():
            times[name].append(child(code, path, src, folder, broken))
            print(f"  {path.name} turn {turn + 1}: {name}", file=sys.stderr, flush=True)
    medians = {
        name: {what: statistics.median(t[what] for t in got) for what in WHAT}
        for name, got in times.items()
    }
    base = medians["tomllib.load"]
    lines = [
        f"{path.name} ({path.stat().st_size / 1e6:.1f} MB), median of {repeat} turns:",
        "| | the call | × tomllib | with its imports | × tomllib | the process | × tomllib |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, got in medians.items():
        cells = [f"{fmt(got[w])} | {got[w] / base[w]:.2f}×" for w in WHAT]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    if against is not None:
        mine, theirs = medians["validate (this checkout)"], medians[f"validate ({against})"]
        lines.append(
            f"this checkout against {against}: {mine['call'] / theirs['call']:.2f}× "
            f"(the call), {mine['imports'] / theirs['imports']:.2f}× (with its imports), "
            f"{mine['wall'] / theirs['wall']:.2f}× (the process)"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--against", type=Path, help="another checkout's src folder")
    parser.add_argument(
        "--load", action="store_true", help="also the guide's cold load (load_programme, no cache)"
    )
    parser.add_argument(
        "--broken", action="store_true", help="the files have errors: validate must exit 2"
    )
    args = parser.parse_args(argv)
    if args.broken and args.load:
        parser.error("--load times files that load: not with --broken")
    with tempfile.TemporaryDirectory(prefix="tui-guide-bench-validate-") as folder:
        for path in args.paths:
            lines = measure(path, args.repeat, args.against, Path(folder), args.load, args.broken)
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
