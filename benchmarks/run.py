"""How the guide copes with big programmes: `python -m benchmarks` from the repository root.

    python -m benchmarks                    # 1,000 / 10,000 / 50,000 sessions; writes
                                            # docs/performance.md (about 15 minutes on 2 CPUs)
    python -m benchmarks --quick            # one small size, one run each: a smoke test
    python -m benchmarks --sizes 1000 --repeat 3 --output /tmp/perf.md

For each size it writes a programme with `make_programme.py` and measures, in one run so that
the ratios compare like with like (medians of the repeats):

1. cold load: `load_programme` with no cache (parse, validate, build), and again writing the
   cache, against a plain `tomllib.load` of the same file;
2. warm start: a fresh process that loads through the cache, starts the guide on the busiest
   day and exits on its first paint, against a fresh process of a bare Textual app (one
   Static) that does the same; also the bundled programme against the same bare app;
3. search: 200 varied queries through the prebuilt `SearchIndex` over every session (the
   index `/` and the command palette use), median and 95th percentile, and its build; the
   same queries by `SessionFilter`'s scan (the lists' `/` before the index is built); the
   palette's answers to them through its provider, and to every prefix of 40 of them as
   typed, and a key while its indexes build (`benchmarks/palette.py`);
4. opening the busiest day's tab in the guide (headless, 120x40), then scrolling it to the end;
5. a favourite toggle committed to the file by `Favourites.toggle`, and the same key in the
   guide (the list redrawn with its star);
6. the peak resident memory of the warm-start process, when its first screen is up;
7. a cold `tui-guide validate` (in this process, a fresh cache folder) against `tomllib.load`;

and then each target of issue 14 against what this run measured (`targets`).

Never asserts a time: the test suite runs `--quick` only so that it cannot rot.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "src") not in sys.path:
    sys.path.insert(0, str(REPO / "src"))

from tui_guide.favourites.transfer import MAX_IMPORT  # noqa: E402
from tui_guide.library.cache import CACHE_ENV  # noqa: E402
from tui_guide.library.load import load_programme  # noqa: E402
from tui_guide.programme import Festival, Programme  # noqa: E402
from tui_guide.programme.query import SessionFilter  # noqa: E402
from tui_guide.programme.text import fold  # noqa: E402

from . import terminal  # noqa: E402
from .make_programme import write_programme  # noqa: E402
from .settle import day_strip  # noqa: E402
from .settle import settle as _settle  # noqa: E402

START = "<!-- results: written by python -m benchmarks -->"
END = "<!-- end of results -->"


def median_time(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def busiest_day(festival: Festival) -> date:
    counts: dict[date, int] = {}
    for session in festival.sessions:
        if session.date is not None:
            counts[session.date] = counts.get(session.date, 0) + 1
    return max(counts, key=lambda day: (counts[day], day))


# --- 2 and 6: fresh processes -------------------------------------------------------------


def child(args: list[str], env: dict[str, str]) -> tuple[float, dict]:
    """Wall-clock seconds of `python -m benchmarks.first_paint ARGS`, and its report."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.first_paint", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"first_paint {args} failed:\n{done.stderr[-3000:]}")
    return elapsed, json.loads(done.stdout.strip().splitlines()[-1])


def starts(args: list[str], env: dict[str, str], repeat: int) -> tuple[float, float, int]:
    """Median seconds of the guide's start, of the bare app's (taken in turns), peak KiB."""
    guide, bare, peak = [], [], 0
    for _ in range(repeat):
        seconds, report = child(["bare"], env)
        bare.append(seconds)
        seconds, report = child(args, env)
        guide.append(seconds)
        peak = max(peak, report["peak_kib"])
    return statistics.median(guide), statistics.median(bare), peak


# --- 3: search --------------------------------------------------------------------------


def queries(programme: Programme, count: int = 200, seed: int = 11) -> list[str]:
    """Varied queries: words of titles, names and places, folded or not, prefixes, two
    words, upper case, and words found nowhere."""
    rng = random.Random(seed)
    sessions = programme.sessions
    found: list[str] = []
    while len(found) < count:
        session = rng.choice(sessions)
        roll = rng.random()
        title_words = session.title.split()
        if roll < 0.25:
            found.append(rng.choice(title_words))
        elif roll < 0.40 and session.people:
            found.append(rng.choice(session.people).name.split()[-1])
        elif roll < 0.55 and session.people:
            found.append(fold(rng.choice(session.people).name))  # "guven" for "Güven"
        elif roll < 0.65:
            word = rng.choice(title_words)
            found.append(word[: max(2, len(word) // 2)])  # a prefix, as typed
        elif roll < 0.75:
            found.append(" ".join(rng.sample(title_words, min(2, len(title_words)))))
        elif roll < 0.82 and session.venue:
            found.append(session.venue.name.upper())
        elif roll < 0.90:
            found.append(rng.choice(session.tags or ("cinema",)))
        else:
            found.append(rng.choice(("zzyzx", "quokka", "xylophonist", "nothing here")))
    return found


def search_times(programme: Programme, wanted: list[str]) -> dict[str, float]:
    """Seconds to build the index, then the median and 95th percentile of the 200 queries
    through it; and the same queries by `SessionFilter`'s scan (its first query folds every
    session's text, then keeps it)."""
    from tui_guide.programme.search import SearchIndex

    sessions = programme.sessions
    times: dict[str, float] = {}
    started = time.perf_counter()
    index = SearchIndex(sessions)
    times["build"] = time.perf_counter() - started
    found = []
    for query in wanted:
        started = time.perf_counter()
        index.matching(query)
        found.append(time.perf_counter() - started)
    times["median"], times["p95"] = _mp(found)
    started = time.perf_counter()
    SessionFilter(search=wanted[0]).apply(sessions)
    times["scan first"] = time.perf_counter() - started
    scanned = []
    for query in wanted:
        started = time.perf_counter()
        SessionFilter(search=query).apply(sessions)
        scanned.append(time.perf_counter() - started)
    times["scan median"], times["scan p95"] = _mp(scanned)
    return times


# --- 4 and 5: the guide, headless -----------------------------------------------------------


async def _in_app(programme: Programme, day: date, toggles: int) -> tuple:
    from tui_guide.favourites import Favourites

    festival = programme.festivals[0]
    first_day = festival.days[0] if festival.days[0] != day else festival.days[-1]
    with tempfile.TemporaryDirectory(prefix="tui-guide-bench-fav-") as folder:
        favourites = Favourites(path=Path(folder) / "favourites.sqlite3")
        return await _measure_app(programme, day, first_day, favourites, toggles)


async def _measure_app(  # type: ignore[no-untyped-def]
    programme, day, first_day, favourites, toggles
) -> tuple:
    from tui_guide.programme.clock import Clock
    from tui_guide.tui.app import GuideApp
    from tui_guide.tui.screens.days import tab_id
    from tui_guide.tui.widgets.session_list import SessionList

    app = GuideApp(
        programme,
        clock=Clock(datetime.combine(first_day, datetime.min.time())),
        favourites=favourites,
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        # The search indexes are built by a worker after the first paint: timed, and waited
        # for, so that the steps below are timed alone.
        started = time.perf_counter()
        while app.search_indexes.sessions is None:  # the worker starts shortly after
            await pilot.pause(0.01)
        await app.workers.wait_for_complete()
        indexed = time.perf_counter() - started
        await _settle(pilot)
        started = time.perf_counter()
        app.screen.query_one(day_strip()).active = tab_id(day)
        await _settle(pilot)
        opened = time.perf_counter() - started
        listing = app.screen.query_one("#day-list", SessionList)
        listing.focus()
        await _settle(pilot)
        started = time.perf_counter()
        await pilot.press("end")
        await _settle(pilot)
        scrolled = time.perf_counter() - started
        idle = []
        for _ in range(toggles):  # the harness's own cost: a key that does nothing here
            started = time.perf_counter()
            await pilot.press("x")
            await _settle(pilot)
            idle.append(time.perf_counter() - started)
        toggled = []
        for _ in range(toggles):
            started = time.perf_counter()
            await pilot.press("s")
            await _settle(pilot)
            toggled.append(time.perf_counter() - started)
        # People, then My programme with 100 favourites, each from the key to its rows.
        started = time.perf_counter()
        await pilot.press("p")
        await _settle(pilot)
        people = time.perf_counter() - started
        await pilot.press("d")
        await _settle(pilot)
        rng = random.Random(5)
        for session in rng.sample(programme.sessions, min(100, len(programme.sessions))):
            if session.key not in favourites:
                favourites.add(session.key)
        app.favourites_version += 1
        await _settle(pilot)
        started = time.perf_counter()
        await pilot.press("m")
        await _settle(pilot)
        mine = time.perf_counter() - started
    return opened, scrolled, toggled, idle, indexed, people, mine


def app_times(programme: Programme, day: date, repeat: int) -> tuple[float, ...]:
    """Median seconds to open the busiest day and to scroll it to its end; median and 95th
    percentile of a favourite toggle in the guide; median of a key that does nothing; median
    of the wait, after the first paint, for the search indexes' worker."""
    opened, scrolled, toggled, idle, indexed, people, mine = [], [], [], [], [], [], []
    for _ in range(repeat):
        gc.collect()
        o, s, t, i, x, p, m = asyncio.run(_in_app(programme, day, toggles=6))
        indexed.append(x)
        people.append(p)
        mine.append(m)
        opened.append(o)
        scrolled.append(s)
        toggled.extend(t)
        idle.extend(i)
    return (
        statistics.median(opened),
        statistics.median(scrolled),
        *_mp(toggled),
        statistics.median(idle),
        statistics.median(indexed),
        statistics.median(people),
        statistics.median(mine),
    )


def _mp(values: list[float]) -> tuple[float, float]:
    return statistics.median(values), p95(values)


def store_toggles(programme: Programme, count: int = 60, more: int = 0) -> tuple[float, float]:
    """Median and 95th percentile of `Favourites.toggle`, each change saved to the file, with
    100 sessions starred (and `more` favourites of sessions no longer in the programme)."""
    from tui_guide.favourites import Favourite, Favourites

    rng = random.Random(3)
    keys = [s.key for s in programme.sessions]
    with tempfile.TemporaryDirectory(prefix="tui-guide-bench-fav-") as folder:
        favourites = Favourites(path=Path(folder) / "favourites.sqlite3")
        added = datetime(2025, 1, 1, tzinfo=UTC)
        favourites.merge(Favourite(f"gone/{n}", added) for n in range(more))
        for key in rng.sample(keys, min(100, len(keys))):
            favourites.add(key)
        times = []
        for key in rng.choices(keys, k=count):
            started = time.perf_counter()
            favourites.toggle(key)
            times.append(time.perf_counter() - started)
    return _mp(times)


# --- The run --------------------------------------------------------------------------


def repeated_guids(count: int, repeat: int) -> tuple[float, float]:
    """Loading a schedule.json of `count` events that all share one guid (a workshop run
    every slot), and one of `count` events with a guid each: the first was quadratic."""
    from tui_guide.formats.load import load_file

    def schedule(guid: Callable[[int], str]) -> str:
        events = [
            {"guid": guid(i), "title": f"Run {i}", "start": f"{i // 60 % 24:02d}:{i % 60:02d}"}
            for i in range(count)
        ]
        days = [{"date": "2025-08-01", "rooms": {f"Room {i}": events[i::10] for i in range(10)}}]
        conference = {"title": "Bench", "time_zone_name": "UTC", "days": days}
        return json.dumps({"schedule": {"conference": conference}}, indent=1)

    with tempfile.TemporaryDirectory(prefix="tui-guide-bench-guids-") as folder:
        same, each = Path(folder) / "same.json", Path(folder) / "each.json"
        same.write_text(schedule(lambda i: "workshop"), "utf-8")
        each.write_text(schedule(lambda i: f"guid-{i:06d}"), "utf-8")
        return median_time(lambda: load_file(same), repeat), median_time(
            lambda: load_file(each), repeat
        )


def fmt(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def validate_time(path: Path, folder: Path, repeat: int) -> float:
    """Median seconds of `tui-guide validate PATH` in this process, with a cache folder of
    its own each time (a cold validate: nothing cached before it)."""
    import contextlib
    import io

    from tui_guide.cli.main import main as cli

    saved = os.environ[CACHE_ENV]

    def validate() -> None:
        os.environ[CACHE_ENV] = tempfile.mkdtemp(dir=folder, prefix="validate-cache-")
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            if cli(["validate", str(path)]) != 0:
                raise SystemExit(f"validate found problems in {path}")

    try:
        return median_time(validate, repeat)
    finally:
        os.environ[CACHE_ENV] = saved


Raw = dict[str, float]
"""A size's figures as numbers, for the targets."""


def measure(
    size: int, folder: Path, repeat: int, env: dict[str, str], raw: Raw | None = None
) -> dict[str, str]:
    raw = raw if raw is not None else {}
    path = write_programme(folder / str(size), size)
    say = lambda what: print(f"  {size}: {what}", file=sys.stderr, flush=True)  # noqa: E731
    row: dict[str, str] = {}

    say("cold load")
    plain = median_time(lambda: tomllib.loads(path.read_text("utf-8")), repeat)
    bare_load = median_time(lambda: load_programme([path], cache=False), repeat)
    programme = load_programme([path], cache=False)
    if programme.problems or not programme.festivals:
        raise SystemExit(f"the generated programme has problems: {programme.problems[:3]}")

    def cold() -> None:
        os.environ[CACHE_ENV] = tempfile.mkdtemp(dir=folder, prefix="cold-cache-")
        load_programme([path])

    try:
        cold_cached = median_time(cold, repeat)
    finally:
        os.environ[CACHE_ENV] = env[CACHE_ENV]
    load_programme([path])  # fills the warm start's cache
    warm_load = median_time(lambda: load_programme([path]), repeat)
    row["sessions"] = f"{len(programme.sessions):,}"
    row["venues / days"] = f"{len(programme.venues)} / {len(programme.festivals[0].days)}"
    row["file size"] = f"{path.stat().st_size / 1e6:.1f} MB"
    row["plain tomllib.load"] = fmt(plain)
    row["cold load, no cache"] = f"{fmt(bare_load)} ({bare_load / plain:.2f}×)"
    row["cold load, writing the cache"] = f"{fmt(cold_cached)} ({cold_cached / plain:.2f}×)"
    row["load from the cache"] = f"{fmt(warm_load)} ({warm_load / plain:.2f}×)"
    validated = validate_time(path, folder, repeat)
    row["cold validate (writes no cache)"] = f"{fmt(validated)} ({validated / plain:.2f}×)"
    raw.update(plain=plain, validate=validated)

    say("warm start")
    day = busiest_day(programme.festivals[0])
    moment = datetime.combine(day, datetime.min.time()).replace(hour=10).isoformat()
    guide, bare, peak = starts(["guide", str(path), "--now", moment], env, repeat)
    row["bare Textual app, first paint"] = fmt(bare)
    row["warm start, first paint (busiest day)"] = f"{fmt(guide)} ({guide / bare:.2f}×)"
    row["peak RSS (warm start)"] = f"{peak / 1024:.0f} MB"
    raw.update(guide=guide, bare=bare, peak_mib=peak / 1024)

    say("search")
    found = search_times(programme, queries(programme))
    row["search index: build (once)"] = fmt(found["build"])
    row["search: median / p95 of 200"] = f"{fmt(found['median'])} / {fmt(found['p95'])}"
    row["search by scan: first query"] = fmt(found["scan first"])
    row["search by scan: median / p95"] = f"{fmt(found['scan median'])} / {fmt(found['scan p95'])}"

    say("palette")
    from .palette import key_rows, keys_while_building, palette_times, rows

    row.update(rows(palette_times(programme, queries(programme))))
    row.update(key_rows(keys_while_building(programme)))

    say("busiest day")
    busiest = len(programme.festivals[0].sessions_on(day))
    runs = max(1, repeat // 2 + 1)
    opened, scrolled, toggle, toggle95, idle, indexed, people, mine = app_times(
        programme, day, runs
    )
    row["busiest day: sessions"] = f"{busiest:,}"
    row["busiest day: open the tab"] = fmt(opened)
    row["busiest day: scroll to the end"] = fmt(scrolled)
    say("timetable")
    from .timetable import build_time, first_open_times, open_times

    tt_first, tt_kept, tt_floor = first_open_times(programme, day, runs)
    row["timetable: open the busiest day (]), first time / again"] = (
        f"{fmt(tt_first)} / {fmt(tt_kept)} ({tt_first / tt_floor:.1f}× / "
        f"{tt_kept / tt_floor:.1f}× floor)"
    )
    tt_opened, tt_switched, tt_idle = open_times(programme, day, runs)
    row["busiest day: open the timetable (t)"] = (
        f"{fmt(tt_opened)} ({tt_opened / tt_idle:.1f}× floor)"
    )
    row["busiest day: timetable from the day before (])"] = (
        f"{fmt(tt_switched)} ({tt_switched / tt_idle:.1f}× floor)"
    )
    row["busiest day: timetable grid built alone"] = fmt(build_time(programme, day, repeat))
    store, store95 = store_toggles(programme)
    row["favourite toggle, saved: median / p95"] = f"{fmt(store)} / {fmt(store95)}"
    # The most one import takes: a toggle must not read the whole store back.
    full, full95 = store_toggles(programme, more=MAX_IMPORT)
    row[f"the same with {MAX_IMPORT:,} more favourites (× the above)"] = (
        f"{fmt(full)} / {fmt(full95)} ({full / store:.2f}×)"
    )
    say("repeated guids")
    guids = min(size, 20_000)
    same, each = repeated_guids(guids, repeat)
    row["schedule.json, one guid repeated (× a guid each)"] = (
        f"{fmt(same)} for {guids:,} ({same / each:.2f}×)"
    )
    row["favourite toggle in the guide: median / p95"] = f"{fmt(toggle)} / {fmt(toggle95)}"
    row["a key that does nothing (the harness's floor)"] = fmt(idle)
    row["search indexes ready, after the first screen settled"] = fmt(indexed)
    row["People screen, key to rows"] = fmt(people)
    row["My programme (100 favourites), key to rows"] = fmt(mine)
    raw.update(busiest=opened, idle=idle, people=people, mine=mine)
    if terminal.available():
        say("first paint in tmux")
        path_start, path_bare, *_ = terminal.terminal_starts(
            terminal.guide_command(path, moment), env, repeat
        )
        row["in tmux: bare app, first text"] = fmt(path_bare)
        row["in tmux: tui-guide, first text (busiest day)"] = (
            f"{fmt(path_start)} ({path_start / path_bare:.2f}×)"
        )
        raw.update(tty_guide=path_start, tty_bare=path_bare)
    return row


def targets(
    size: int, raw: Raw, seed: tuple[float, float], seed_tty: tuple[float, ...] | None
) -> str:
    """Issue 14's targets against this run, each as a ratio of two figures of the run (a
    time the issue gives in milliseconds, against that target)."""

    def line(what: str, target: str, ratio: float, limit: float, how: str) -> str:
        verdict = "met" if ratio <= limit else "**not met**"
        return f"| {what} | {target} | {ratio:.2f}× ({how}) | {verdict} |"

    lines = [
        f"Issue 14's targets, measured in this run ({size:,} sessions where a size is named):",
        "",
        "| what | target | this run | |",
        "|---|---:|---:|---|",
    ]
    if "tty_guide" in raw:
        lines.append(
            line(
                f"warm start, {size:,} sessions, vs a bare app, in tmux",
                "≤ 1.5×",
                raw["tty_guide"] / raw["tty_bare"],
                1.5,
                f"{fmt(raw['tty_guide'])} / {fmt(raw['tty_bare'])}",
            )
        )
    lines.append(
        line(
            f"warm start, {size:,} sessions, vs a bare app, headless",
            "≤ 1.5×",
            raw["guide"] / raw["bare"],
            1.5,
            f"{fmt(raw['guide'])} / {fmt(raw['bare'])}",
        )
    )
    if seed_tty:
        lines.append(
            line(
                "warm start, bundled programme, vs a bare app, in tmux",
                "≤ 1.3×",
                seed_tty[0] / seed_tty[1],
                1.3,
                f"{fmt(seed_tty[0])} / {fmt(seed_tty[1])}",
            )
        )
    lines.append(
        line(
            "warm start, bundled programme, vs a bare app, headless",
            "≤ 1.3×",
            seed[0] / seed[1],
            1.3,
            f"{fmt(seed[0])} / {fmt(seed[1])}",
        )
    )
    for what, key, limit in (
        ("busiest day, key to rows", "busiest", 0.100),
        (f"People screen at {size:,} sessions", "people", 0.150),
        ("My programme, 100 favourites", "mine", 0.050),
    ):
        lines.append(
            line(
                what,
                f"≤ {fmt(limit)}",
                raw[key] / limit,
                1.0,
                f"{fmt(raw[key])} against {fmt(limit)}; a key that does nothing: "
                f"{fmt(raw['idle'])}",
            )
        )
    lines.append(
        line(
            "cold `validate` vs `tomllib.load`",
            "≤ 0.5×",
            raw["validate"] / raw["plain"],
            0.5,
            f"{fmt(raw['validate'])} / {fmt(raw['plain'])}",
        )
    )
    lines.append(
        line(
            f"peak memory, first screen, {size:,} sessions",
            "≤ 100 MiB",
            raw["peak_mib"] / 100,
            1.0,
            f"{raw['peak_mib']:.0f} MiB against 100 MiB",
        )
    )
    return "\n".join(lines)


def machine() -> str:
    import textual

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} CPUs; "
        f"Python {platform.python_version()}, Textual {textual.__version__}"
    )


def table(results: dict[int, dict[str, str]]) -> str:
    sizes = list(results)
    lines = [
        "| | " + " | ".join(f"{s:,} sessions" for s in sizes) + " |",
        "|---|" + "---:|" * len(sizes),
    ]
    labels = list(dict.fromkeys(label for s in sizes for label in results[s]))
    for label in labels:  # a row one size lacks is left empty there
        lines.append(f"| {label} | " + " | ".join(results[s].get(label, "") for s in sizes) + " |")
    return "\n".join(lines)


def write_doc(output: Path, text: str) -> None:
    """Replace the results part of `output`, keeping what is written around it."""
    block = f"{START}\n{text}\n{END}"
    if output.is_file():
        old = output.read_text("utf-8")
        if START in old and END in old:
            head, _, rest = old.partition(START)
            _, _, tail = rest.partition(END)
            output.write_text(head + block + tail, "utf-8")
            return
    output.write_text(f"# Performance\n\n{block}\n", "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="200 sessions, one run each")
    parser.add_argument("--sizes", help="session counts, comma-separated")
    parser.add_argument("--repeat", type=int, help="runs of each measurement (median)")
    parser.add_argument("--output", type=Path, help="default: docs/performance.md")
    args = parser.parse_args(argv)
    sizes = [200] if args.quick else [1_000, 10_000, 50_000]
    if args.sizes:
        sizes = [int(s) for s in args.sizes.split(",")]
    repeat = args.repeat or (1 if args.quick else 3)
    output = args.output or REPO / "docs" / "performance.md"

    os.environ.setdefault("TZ", "UTC")
    time.tzset()
    # Animations (a tab's underline sliding, a notice fading in) would be timed as work:
    # off, for the guide and the bare app alike.
    os.environ["TEXTUAL_ANIMATIONS"] = "none"
    with tempfile.TemporaryDirectory(prefix="tui-guide-bench-") as tmp:
        folder = Path(tmp)
        env = {**os.environ, CACHE_ENV: str(folder / "cache"), "PYTHONPATH": str(REPO / "src")}
        env.pop("TEXTUAL", None)
        # Bytecode written and read, as an installed guide (and Textual) has it, in a folder of
        # the run's own: with PYTHONDONTWRITEBYTECODE, every start compiled the guide's modules.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(folder / "pyc")
        saved = os.environ.get(CACHE_ENV)
        os.environ[CACHE_ENV] = env[CACHE_ENV]  # never the user's own cache
        print("seed programme (bundled)", file=sys.stderr, flush=True)
        bundled = REPO / "data"
        load_programme([bundled])  # its cache, for the start below
        child(["bare"], env)  # warm the file system caches
        seed, seed_bare, _ = starts(["guide", str(bundled)], env, max(repeat, 3))
        seed_tty: tuple[float, ...] | None = None
        if terminal.available():
            seed_tty = terminal.terminal_starts(
                terminal.guide_command(bundled, None), env, max(repeat, 3)
            )
        results: dict[int, dict[str, str]] = {}
        raw: dict[int, Raw] = {}
        try:
            for size in sizes:
                raw[size] = {}
                results[size] = measure(size, folder, repeat, env, raw[size])
        finally:
            if saved is None:
                os.environ.pop(CACHE_ENV, None)
            else:
                os.environ[CACHE_ENV] = saved

    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = "\n".join(
        [
            f"Measured {when} on {machine()}; median of {repeat} runs "
            f"(`python -m benchmarks{' --quick' if args.quick else ''}`).",
            "",
            f"Seed programme (the bundled data, 3 festivals): first paint {fmt(seed)}, "
            f"bare Textual app {fmt(seed_bare)}: **{seed / seed_bare:.2f}×**"
            + (
                f"; in tmux, to the first text: {fmt(seed_tty[0])} against "
                f"{fmt(seed_tty[1])}: **{seed_tty[0] / seed_tty[1]:.2f}×**."
                if seed_tty
                else " (no tmux here for the real-terminal figure)."
            ),
            "",
            table(results),
            "",
            targets(sizes[-1], raw[sizes[-1]], (seed, seed_bare), seed_tty),
        ]
    )
    print(text)
    write_doc(output, text)
    print(f"\nwritten to {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
