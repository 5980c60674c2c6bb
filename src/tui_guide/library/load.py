"""Loading the programmes this user has: folders expanded into files, each file read (through
the cache when it is unchanged), festivals whose id is taken skipped, every problem kept.

No exception escapes `load_programme` for any input file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from pathlib import Path

from tui_guide.formats.load import SUFFIXES, load_file
from tui_guide.library.cache import Deferred, cached_load, paused_gc
from tui_guide.programme.model import Festival, Problem, Programme
from tui_guide.reading import ReadError, kind_of, read_limited


def expand(paths: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
    """Turn folders into their `*.toml`, `*.xml`, `*.json` and `*.ics` files (sorted); report paths
    that do not exist."""
    files: list[Path] = []
    problems: list[Problem] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        # The same file reached twice (a folder and a file in it) is loaded once, rather
        # than clashing with itself as a duplicate festival id.
        try:
            real = path.resolve()
        except (OSError, RuntimeError):  # pragma: no cover - symlink loops
            real = path
        if real not in seen:
            seen.add(real)
            files.append(path)

    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.glob("*") if p.suffix in SUFFIXES and p.is_file())
            if not found:
                message = "no programme files (.toml, .xml, .json, .ics) in this folder"
                problems.append(Problem(path, message))
            for file in found:
                add(file)
        elif path.is_file():
            add(path)
        elif path.exists():  # a named pipe, a device: never read (a pipe would wait forever)
            problems.append(
                Problem(path, f"is {kind_of(path.stat().st_mode)}, not a file; give a file")
            )
        else:
            problems.append(Problem(path, "no such file or folder"))
    return files, problems


def _id_line(path: Path) -> int | None:
    """The line of a TOML file's festival id (None for a schedule, or a file gone)."""
    try:
        data = read_limited(path)
    except ReadError:
        return None
    from tui_guide.formats.toml.lines import LineIndex  # the TOML reader's: not at every start

    # errors="replace": a schedule.xml may be in another encoding.
    return LineIndex(data.decode("utf-8-sig", errors="replace")).key("festival", 0, "id")


Progress = Callable[[Path, int, int, int], object]
"""`progress(path, files done, files in all, sessions so far)`, told as a load goes on."""


def load_programme(
    paths: Sequence[Path],
    *,
    cache: bool = True,
    progress: Progress | None = None,
    timezone: str | None = None,
    write: bool = True,
    later: list[Deferred] | None = None,
) -> Programme:
    """Load every festival file under `paths`, keeping the good ones and every problem.

    With `cache`, a file unchanged since it was last loaded is read from the compiled cache
    (see `cache.py`) instead of being parsed again. `progress(path, done, total, sessions)`
    is called before each file and once more at the end (with `done == total`), `sessions`
    counting the sessions loaded so far. `timezone` (--timezone, a valid IANA name) is the
    zone of schedules that name none; TOML files name their own. Without `write`, a file
    parsed is not cached (what the cache holds is still used). With `later`, a cache file
    is used on its cheap checks, its content hash left to a `Deferred` check put in `later`
    (the guide compares them after its first paint)."""
    with paused_gc():
        return _load_programme(
            paths, cache=cache, progress=progress, timezone=timezone, write=write, later=later
        )


def _load_programme(
    paths: Sequence[Path],
    *,
    cache: bool,
    progress: Progress | None,
    timezone: str | None,
    write: bool,
    later: list[Deferred] | None,
) -> Programme:
    files, problems = expand(paths)
    festivals: list[Festival] = []
    skipped: list[Path] = []
    seen: dict[str, Path] = {}
    read = partial(load_file, timezone=timezone)
    for done, path in enumerate(files):
        if progress is not None:
            progress(path, done, len(files), sum(f.session_count for f in festivals))
        # The zone is part of the cache's key: a load with another is never served this one.
        festival, found = (
            cached_load(path, read, timezone=timezone, write=write, later=later)
            if cache
            else read(path)
        )
        problems.extend(found)
        if festival is not None and festival.id in seen:
            problems.append(
                Problem(
                    path,
                    f"festival {festival.id}, field id: the same id is already used by "
                    f"{seen[festival.id]}",
                    _id_line(path),
                )
            )
            festival = None
        if festival is None:
            skipped.append(path)
            continue
        seen[festival.id] = path
        festivals.append(festival)
    if progress is not None and files:
        progress(files[-1], len(files), len(files), sum(f.session_count for f in festivals))
    festivals.sort(key=lambda f: (f.starts or date.max, f.name.casefold()))
    return Programme(tuple(festivals), tuple(problems), tuple(skipped))
