"""Comparing two versions of a big festival: `python -m benchmarks.changes` from the
repository root.

    python -m benchmarks.changes                  # 50,000 sessions, 3 runs each
    python -m benchmarks.changes --quick          # 200 sessions, one run: a smoke test
    python -m benchmarks.changes --sizes 10000,50000 --repeat 5

For each size, in one run so that the ratios compare like with like (medians of the repeats):
the load of the generated programme (`load_programme`, no cache), against

1. comparing it with an edited version (1% of the sessions moved an hour, one venue renamed,
   0.5% taken out, 0.5% new): both fingerprints, the ids that differ, a Change for each;
2. recording the edited version in a favourites database that holds the first one (what
   the guide does on opening after a refresh: the digest, the comparison, the marks and the
   versions written, committed);
3. recording an unchanged version (the digest only: every start of the guide).

Never asserts a time: the test suite runs `--quick` only, so that it cannot rot.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import time as clock
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "src") not in sys.path:
    sys.path.insert(0, str(REPO / "src"))

from tui_guide.favourites.versions import ProgrammeVersions  # noqa: E402
from tui_guide.library.load import load_programme  # noqa: E402
from tui_guide.programme.model import Festival, Session  # noqa: E402
from tui_guide.programme.versions import Change, differing, fingerprints  # noqa: E402

from .make_programme import write_programme  # noqa: E402


def median_time(
    run: Callable[[], object], repeat: int, before: Callable[[], object] = lambda: None
) -> float:
    times = []
    for _ in range(repeat):
        before()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def edited(festival: Festival, seed: int = 5) -> Festival:
    """The festival as a refresh might bring it: 1% moved an hour later, one venue renamed,
    0.5% taken out, 0.5% new."""
    rng = random.Random(seed)
    sessions = list(festival.sessions)
    count = len(sessions)
    venue = next(s.venue for s in sessions if s.venue is not None)
    renamed = replace(venue, name=venue.name + " (renamed)")
    out: list[Session] = []
    for session in sessions:
        roll = rng.random()
        if roll < 0.005:
            continue  # taken out
        if roll < 0.015 and session.start is not None:
            session = replace(
                session, start=clock((session.start.hour + 1) % 24, session.start.minute)
            )
        if session.venue == venue:
            session = replace(session, venue=renamed)
        out.append(session)
    for number in range(max(1, count // 200)):
        out.append(replace(sessions[number], id=f"new-{number}", title=f"New {number}"))
    return replace(festival, sessions=tuple(out))


def compare(old: Festival, new: Festival) -> list[Change]:
    before, after = fingerprints(old), fingerprints(new)
    return [
        Change(new.id, key, before.get(key), after.get(key)) for key in differing(before, after)
    ]


def fmt(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def measure(size: int, folder: Path, repeat: int) -> str:
    path = write_programme(folder / str(size), size)
    load = median_time(lambda: load_programme([path], cache=False), repeat)
    (festival,) = load_programme([path], cache=False).festivals
    other = edited(festival)
    changes = compare(festival, other)
    compared = median_time(lambda: compare(festival, other), repeat)

    database = folder / f"versions-{size}" / "favourites.sqlite3"

    def fresh() -> None:
        shutil.rmtree(database.parent, ignore_errors=True)
        store = ProgrammeVersions(database)
        store.record([festival])
        store.close()

    def record(version: Festival) -> None:
        store = ProgrammeVersions(database)
        store.record([version])
        store.close()

    recorded = median_time(lambda: record(other), repeat, before=fresh)
    unchanged = median_time(lambda: record(other), repeat)
    kinds = {
        kind: sum(1 for c in changes if c.kind == kind) for kind in ("new", "changed", "cancelled")
    }
    return "\n".join(
        [
            f"{len(festival.sessions):,} sessions ({kinds['new']} new, {kinds['changed']} changed, "
            f"{kinds['cancelled']} cancelled in the edited version):",
            f"  load (no cache)                       {fmt(load)}",
            _line("compare two versions", compared, load),
            _line("record the edited one in the store", recorded, load),
            _line("record an unchanged one (the digest)", unchanged, load),
        ]
    )


def _line(what: str, seconds: float, load: float) -> str:
    return f"  {what:<36}  {fmt(seconds)}  ({seconds / load:.3f}× the load)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="200 sessions, one run each")
    parser.add_argument("--sizes", help="session counts, comma-separated")
    parser.add_argument("--repeat", type=int, help="runs of each measurement (median)")
    args = parser.parse_args(argv)
    sizes = [200] if args.quick else [50_000]
    if args.sizes:
        sizes = [int(s) for s in args.sizes.split(",")]
    repeat = args.repeat or (1 if args.quick else 3)
    os.environ.setdefault("TZ", "UTC")
    time.tzset()
    with tempfile.TemporaryDirectory(prefix="tui-guide-bench-changes-") as tmp:
        for size in sizes:
            print(measure(size, Path(tmp), repeat), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
