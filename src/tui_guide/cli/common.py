"""What the subcommands share: the programme and the store from the options, messages."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from rich.console import Console
from rich.text import Text

from tui_guide.favourites import STATE_ENV, Favourites, locate
from tui_guide.i18n import _, ngettext
from tui_guide.library.cache import cache_dir
from tui_guide.library.load import expand, load_programme
from tui_guide.library.sources import DATA_ENV, data_paths, programmes_dir
from tui_guide.programme import Kind, Programme
from tui_guide.programme.haystacks import festival_texts
from tui_guide.programme.model import Festival, Problem, Session
from tui_guide.programme.query import SessionFilter
from tui_guide.programme.text import fold, printable
from tui_guide.settings import MAX_REMIND

if TYPE_CHECKING:
    from tui_guide.atomic import Protected
    from tui_guide.programme.search import SearchIndex

EXIT_OK = 0
EXIT_PROBLEMS = 2


def data_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """--data, on the main parser (`top`) or a subcommand's; and --timezone, which says how
    what it names is read."""
    # Before and after the subcommand --data lands in two lists, joined by `data_of`: argparse
    # would otherwise let the subcommand's list replace the main one.
    parser.add_argument(
        "--data",
        action="append",
        type=Path,
        metavar="PATH",
        dest="data" if top else "sub_data",
        default=None,
        help=_(
            "a programme folder or file to load instead of the bundled one (repeatable; also "
            "${variable})"
        ).format(variable=DATA_ENV),
    )
    timezone_option(parser, top=top)


def zone(value: str) -> str:
    """An IANA time zone name (an argparse type)."""
    try:
        ZoneInfo(value)
    except Exception:  # zoneinfo raises several types for odd names
        raise argparse.ArgumentTypeError(
            _("unknown time zone {value} (use an IANA name such as Europe/Berlin)").format(
                value=repr(value)
            )
        ) from None
    return value


def timezone_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """--timezone, on the main parser (`top`) or a subcommand's: `args.timezone`."""
    # SUPPRESS after the subcommand, so that one not given there keeps the one given before.
    parser.add_argument(
        "--timezone",
        type=zone,
        metavar="ZONE",
        default=None if top else argparse.SUPPRESS,
        help=_(
            "the IANA time zone (such as America/Montreal) of the wall-clock times of "
            "schedule.xml, schedule.json and iCalendar files that name none; a zone a file "
            "names is kept, and TOML files always name theirs"
        ),
    )


def data_of(args: argparse.Namespace) -> list[Path]:
    """Every --data given, before the subcommand and after it, in order."""
    return [*(getattr(args, "data", None) or ()), *(getattr(args, "sub_data", None) or ())]


def report(problems: Sequence[Problem], err: Console, skipped: Sequence[Path] = ()) -> None:
    """Every problem on stderr, a line each, then the files skipped because of them."""
    for problem in problems:
        say(err, str(problem))
    for path in skipped:
        say(err, _("{file}: skipped (see the problems above)").format(file=path))


def tally(problems: Sequence[Problem], skipped: Sequence[Path] = ()) -> str:
    """'2 errors in 1 file; 3 warnings', the same words wherever problems are counted."""
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    parts = []
    if errors:
        part = ngettext("{n} error", "{n} errors", errors)
        if skipped:
            part += ngettext(" in {n} file", " in {n} files", len(skipped))
        parts.append(part)
    if warnings:
        parts.append(ngettext("{n} warning", "{n} warnings", warnings))
    return "; ".join(parts) or _("no problems")


def say(console: Console, text: str) -> None:
    """Print text that may hold data-file strings, as plain text."""
    console.print(Text(printable(text)), soft_wrap=True)


def state_dir_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # SUPPRESS after the subcommand, so that one not given there keeps the one given before it.
    parser.add_argument(
        "--state-dir",
        type=Path,
        metavar="DIR",
        default=None if top else argparse.SUPPRESS,
        help=_("where My programme is kept (default: ${variable}, else your data folder)").format(
            variable=STATE_ENV
        ),
    )


def day(value: str) -> date:
    """A date in YYYY-MM-DD form (an argparse type)."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a date in YYYY-MM-DD form: {value}").format(value=repr(value))
        ) from None


def filter_options(parser: argparse.ArgumentParser) -> None:
    """`--festival`, `--day`, `--venue`, `--kind` and `--search`, as `list` and `export` take
    them; `session_filter` reads them back."""
    parser.add_argument("--festival", metavar="ID", help=_("only this festival (its id)"))
    parser.add_argument(
        "--day",
        type=day,
        metavar="YYYY-MM-DD",
        help=_("only this festival day (its night included: 01:30 after it is in it)"),
    )
    parser.add_argument("--venue", metavar="VENUE", help=_("only this venue (id or name)"))
    parser.add_argument(
        "--kind",
        choices=[k.value for k in Kind],
        action="append",
        help=_("only this kind of session (repeatable)"),
    )
    parser.add_argument(
        "--search",
        metavar="TEXT",
        default="",
        help=_(
            "only sessions matching (by title, people, venue, track, tags, description, "
            "festival name or city); list shows the best match first"
        ),
    )


def session_filter(args: argparse.Namespace) -> SessionFilter:
    """The filter that `filter_options` asked for."""
    return SessionFilter(
        festival=args.festival,
        day=args.day,
        venue=args.venue,
        kinds=frozenset(Kind(k) for k in args.kind or ()),
        search=args.search,
    )


def search_index(args: argparse.Namespace, programme: Programme) -> SearchIndex | None:
    """An index of the programme's sessions for the filter's search to answer from, when it
    pays."""
    # Over many days, the index folds each distinct text once (a show's description is shared
    # by its performances) where the scan folds every session's: ~2x faster at 10,000
    # sessions; one day or venue is scanned quicker than all is indexed.
    indexed = args.search.strip() and args.day is None and args.venue is None
    if not indexed:
        return None
    from tui_guide.programme.search import SearchIndex  # only for a search: not at every start

    return SearchIndex(programme.sessions, festivals=festivals_texts(programme))


def festivals_texts(programme: Programme) -> dict[str, tuple[str, ...]]:
    """Each festival's texts that find its sessions, by festival id."""
    return {f.id: festival_texts(f.name, f.city) for f in programme.festivals}


def chosen_sessions(
    programme: Programme, args: argparse.Namespace
) -> list[tuple[Festival, list[Session]]]:
    """Each festival with its sessions that the filter options keep: in time order, or best
    first for a search (`search.best_first`)."""
    wanted = session_filter(args)
    index = search_index(args, programme)
    found = []
    for festival in programme.festivals:
        texts = festival_texts(festival.name, festival.city)
        kept = replace(wanted, festival_texts=texts).apply(festival.sessions, index)
        if wanted.search.strip():
            from tui_guide.programme.search import best_first

            kept = best_first(kept, wanted.search, texts, index)
        found.append((festival, kept))
    return found


def output_file(value: str) -> Path:
    """The file an output goes to (an argparse type): not an empty name."""
    if not value.strip():
        raise argparse.ArgumentTypeError(
            "an empty file name: give the file to write ('-' for standard output)"
        )
    return Path(value)


def output_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        type=output_file,
        required=True,
        metavar="FILE",
        help=_("the file to write ('-' for standard output)"),
    )


MAX_MINUTES = MAX_REMIND
"""The most minutes `--remind` takes: a week ahead (a bigger number is no more use, and one
past the calendar's end would crash the reminder)."""


def minutes(value: str) -> int:
    """A number of minutes, 0 to MAX_MINUTES (an argparse type)."""
    shown = printable(value)[:40]
    try:
        number = int(value) if len(value.strip()) <= 20 else -1
    except ValueError:
        number = -1
    if not 0 <= number <= MAX_MINUTES:
        raise argparse.ArgumentTypeError(
            _("not a number of minutes from 0 to {most} (a week): {value}").format(
                most=MAX_MINUTES, value=repr(shown)
            )
        )
    return number


def open_store(args: argparse.Namespace, err: Console) -> Favourites:
    """The store the options point at; what was wrong with it, or done to it, on stderr."""
    location = locate(args.state_dir, getattr(args, "favourites", None))
    if location.deprecated:
        say(err, f"note: {location.deprecated}")
    store = Favourites.at(location)
    if store.notice:
        say(err, store.notice)
    if store.problem:
        say(err, store.problem)
    return store


def load(args: argparse.Namespace) -> Programme:
    """The programme from every --data (before and after the subcommand) or the bundled one,
    schedules that name no zone read in --timezone."""
    return load_programme(data_paths(data_of(args)), timezone=args.timezone)


def unknown_festival(programme: Programme, festival: str | None, err: Console) -> bool:
    """True (and said) when `festival` is given and not loaded."""
    if not festival or any(fold(f.id) == fold(festival) for f in programme.festivals):
        return False
    known = ", ".join(f.id for f in programme.festivals) or _("none loaded")
    say(err, _("no festival with id {id} (known: {known})").format(id=repr(festival), known=known))
    return True


def protected(args: argparse.Namespace, *inputs: Path) -> list[Protected]:
    """What an output of this command may never replace: `inputs`, every programme file it
    would read (--data, or the bundled and added ones), the favourites store (with its
    journal, its lock and the first release's file), the programme cache and the state of
    added programmes."""
    from tui_guide.atomic import Protected  # only for a command that writes: not the guide

    keep = [Protected(path, "the file being read") for path in inputs]
    files, _ = expand(data_paths(data_of(args)))
    keep += [Protected(path, "a programme file being read") for path in files]
    location = locate(getattr(args, "state_dir", None), getattr(args, "favourites", None))
    database = location.database
    for suffix in ("", "-wal", "-shm", "-journal", ".lock"):
        keep.append(Protected(database.with_name(database.name + suffix), "the favourites store"))
    keep.append(Protected(location.legacy, "the first release's favourites file"))
    if (cache := cache_dir()) is not None:
        keep.append(Protected(cache, "the programme cache", folder=True))
    keep.append(Protected(programmes_dir() / ".state", "what `add` remembers", folder=True))
    return keep


def write_output(
    path: Path,
    data: bytes,
    written: str,
    notes: tuple[str, ...],
    out: Console,
    err: Console,
    keep: Sequence[Protected],
) -> int:
    """Write an output to `path` (or standard output for '-'), never over what `keep` names,
    with its notes on stderr."""
    for note in notes:
        say(err, note)
    if str(path) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return EXIT_OK
    if not write_file(path, data, err, keep):
        return EXIT_PROBLEMS
    say(out, f"{path}: {written} written")
    return EXIT_OK


def write_file(path: Path, data: bytes, err: Console, keep: Sequence[Protected]) -> bool:
    """Write `path` whole, never over what `keep` names; False (and why, on stderr) when it
    cannot be."""
    from tui_guide.atomic import Refused, write_atomically

    try:
        write_atomically(path, data, protected=keep)
    except Refused as error:
        say(err, str(error))
        return False
    except OSError as error:
        say(
            err, _("{file}: cannot write: {error}").format(file=path, error=error.strerror or error)
        )
        return False
    return True
