"""The loader's checks, one by one, each with its exact file, line and message; and the model's
behaviour in time (aware datetimes, past midnight, ordering, overlaps, past sessions, days)."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tui_guide.formats.load import load_file
from tui_guide.formats.toml.read import suggest
from tui_guide.library.load import load_programme
from tui_guide.programme import Festival, Kind, Problem, Session

# A small valid festival. Tests break it with one replacement and expect the problem on the
# line of the replaced text; the numbers are written out on purpose.
GOOD = """\
[festival]
id = "demo-fest"
name = "Demo Festival"
city = "Baku"
country = "Azerbaijan"
timezone = "Asia/Baku"
starts = 2025-12-05
ends = 2025-12-11

[[venues]]
id = "main-hall"
name = "Main Hall"

[[sessions]]
id = "opening"
title = "Opening night"
kind = "screening"
date = 2025-12-05
start = 19:00:00
venue = "main-hall"
"""
# Line 21 is the first line after GOOD.
SECOND_SESSION = """
[[sessions]]
id = "closing"
title = "Closing night"
kind = "ceremony"
date = 2025-12-11
"""
BAKU = ZoneInfo("Asia/Baku")


def write(folder: Path, text: str, name: str = "demo.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def broken(folder: Path, old: str, new: str, *, extra: str = "") -> tuple[Path, list[Problem]]:
    """Write GOOD with `old` replaced by `new` (and `extra` appended); load it, expecting it
    to be rejected."""
    assert old in GOOD, old
    path = write(folder, GOOD.replace(old, new) + extra)
    festival, problems = load_file(path)
    assert festival is None
    assert problems, "a broken file must report at least one problem"
    return path, problems


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


# --- the good file -------------------------------------------------------------------------


def test_good_file_loads_with_no_problems(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + SECOND_SESSION)
    festival, problems = load_file(path)
    assert problems == []
    assert festival is not None
    assert festival.id == "demo-fest"
    assert festival.source_file == path
    assert festival.timezone == BAKU
    assert [v.key for v in festival.venues] == ["demo-fest/main-hall"]
    opening = festival.session("opening")
    assert opening is not None
    assert opening.key == "demo-fest/opening"
    assert opening.kind is Kind.SCREENING
    assert opening.venue == festival.venue("main-hall")
    assert opening.start == time(19, 0)
    closing = festival.session("closing")
    assert closing is not None
    assert closing.venue is None and closing.start is None  # venue TBA, time TBA


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    festival, problems = load_file(path)
    assert problems == []
    assert festival is not None


# --- syntax and encoding -------------------------------------------------------------------


def test_toml_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    path, problems = broken(tmp_path, 'name = "Demo Festival"', 'name = "Demo Festival')
    problem = only(problems)
    assert problem.file == path
    assert (problem.line, problem.column) == (3, 22)
    assert problem.message.startswith("TOML syntax error: ")
    assert str(problem).startswith(f"{path}:3:22: TOML syntax error: ")


def test_toml_syntax_error_at_the_end_of_the_file_gets_the_last_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + 'description = """never closed\n')
    festival, problems = load_file(path)
    assert festival is None
    problem = only(problems)
    assert problem.line == GOOD.count("\n") + 2  # the empty line after the final newline
    assert "Unterminated string at the end of the file" in problem.message


def test_a_time_without_seconds_gets_a_hint(tmp_path: Path) -> None:
    _, problems = broken(tmp_path, "start = 19:00:00", "start = 19:00")
    problem = only(problems)
    assert (problem.line, problem.column) == (19, 11)
    assert problem.message.endswith("(a TOML time needs seconds: write 14:00:00, not 14:00)")


def test_not_utf8_names_the_line_and_column_of_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(GOOD.replace('city = "Baku"', 'city = "Bakü"').encode("latin-1"))
    festival, problems = load_file(path)
    assert festival is None
    problem = only(problems)
    assert problem.file == path
    assert (problem.line, problem.column) == (4, 12)
    assert problem.message.startswith("not UTF-8 text")
    assert "0xfc" in problem.message


def test_missing_path_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "fest.toml"
    programme = load_programme([missing])
    assert programme.festivals == ()
    problem = only(list(programme.problems))
    assert problem.file == missing
    assert problem.line is None
    assert problem.message == "no such file or folder"
    assert str(problem) == f"{missing}: no such file or folder"


def test_empty_folder_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a programme", encoding="utf-8")
    programme = load_programme([tmp_path])
    assert programme.festivals == ()
    problem = only(list(programme.problems))
    assert problem.file == tmp_path
    assert problem.line is None
    assert problem.message == "no programme files (.toml, .xml, .json, .ics) in this folder"


# --- keys and types ------------------------------------------------------------------------


def test_missing_required_festival_key_points_at_the_table(tmp_path: Path) -> None:
    path, problems = broken(tmp_path, 'name = "Demo Festival"\n', "")
    problem = only(problems)
    assert problem.file == path
    assert problem.line == 1  # the [festival] line
    assert problem.message == "festival demo-fest: missing required field name"


def test_missing_required_session_key_names_the_session(tmp_path: Path) -> None:
    path, problems = broken(tmp_path, 'kind = "screening"\n', "")
    problem = only(problems)
    assert problem.file == path
    assert problem.line == 14  # the [[sessions]] line
    assert problem.message == "festival demo-fest, session opening: missing required field kind"


def test_missing_required_venue_key_names_the_venue(tmp_path: Path) -> None:
    _, problems = broken(tmp_path, 'name = "Main Hall"\n', "")
    problem = only(problems)
    assert problem.line == 10
    assert problem.message == "festival demo-fest, venue main-hall: missing required field name"


def test_session_without_an_id_is_named_by_its_position(tmp_path: Path) -> None:
    _, problems = broken(tmp_path, 'id = "opening"\n', "")
    problem = only(problems)
    assert problem.line == 14
    assert problem.message == "festival demo-fest, session #1: missing required field id"


def test_missing_festival_table(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("[festival]", "[festivals]"))
    festival, problems = load_file(path)
    assert festival is None
    assert [(p.line, p.message) for p in problems] == [
        (None, "missing the [festival] table"),
        (1, 'unknown top-level key "festivals" (did you mean "festival"?)'),
    ]


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        (
            "date = 2025-12-05",
            'date = "2025-12-05"',
            18,
            "festival demo-fest, session opening, field date: expected a TOML date such as "
            '2025-12-07, got str "2025-12-05"',
        ),
        (
            "start = 19:00:00",
            'start = "19:00"',
            19,
            "festival demo-fest, session opening, field start: expected a TOML time such as "
            '14:00:00, got str "19:00"',
        ),
        (
            'title = "Opening night"',
            "title = 42",
            16,
            'festival demo-fest, session opening, field title: expected text, got int "42"',
        ),
        (
            "starts = 2025-12-05",
            "starts = 2025-12-05T10:00:00",
            7,
            "festival demo-fest, field starts: expected a TOML date such as 2025-12-07, "
            'got datetime "2025-12-05 10:00:00"',
        ),
        (
            'venue = "main-hall"',
            'venue = "main-hall"\ncountries = "Azerbaijan"',
            21,
            "festival demo-fest, session opening, field countries: expected a list of text, "
            'got str "Azerbaijan"',
        ),
        (
            'venue = "main-hall"',
            'venue = "main-hall"\npeople = ["Gurban Masimov"]',
            21,
            "festival demo-fest, session opening, field people: expected a list of inline "
            "tables such as { name = ..., role = ... }, got list \"['Gurban Masimov']\"",
        ),
        (
            'id = "opening"',
            'id = "Opening Night"',
            15,
            'festival demo-fest, session "Opening Night", field id: "Opening Night" is not a '
            "valid id (use lower-case letters, digits and single hyphens)",
        ),
    ],
)
def test_wrong_type(tmp_path: Path, old: str, new: str, line: int, message: str) -> None:
    path, problems = broken(tmp_path, old, new)
    problem = only(problems)
    assert problem.file == path
    assert problem.line == line
    assert problem.message == message


def test_tables_written_as_plain_keys_are_rejected(tmp_path: Path) -> None:
    text = GOOD.replace('[[venues]]\nid = "main-hall"\nname = "Main Hall"\n', "")
    path = write(tmp_path, 'venues = "main-hall"\n' + text)
    festival, problems = load_file(path)
    assert festival is None
    assert [(p.line, p.message) for p in problems] == [
        (1, "festival demo-fest: venues must be written as [[venues]] tables"),
        # the session refers to a venue that now cannot exist
        (
            18,
            'festival demo-fest, session opening, field venue: no venue with id "main-hall" '
            "in this file",
        ),
    ]


def test_unknown_session_key_suggests_the_nearest(tmp_path: Path) -> None:
    path, problems = broken(tmp_path, 'title = "Opening night"', 'titel = "Opening night"')
    assert problems[0].file == path
    assert [(p.line, p.message) for p in problems] == [
        (14, "festival demo-fest, session opening: missing required field title"),
        (16, 'festival demo-fest, session opening: unknown field "titel" (did you mean "title"?)'),
    ]


def test_unknown_festival_key_suggests_the_nearest(tmp_path: Path) -> None:
    _, problems = broken(tmp_path, 'timezone = "Asia/Baku"', 'timzone = "Asia/Baku"')
    assert [(p.line, p.message) for p in problems] == [
        (1, "festival demo-fest: missing required field timezone"),
        (6, 'festival demo-fest: unknown field "timzone" (did you mean "timezone"?)'),
    ]


def test_unknown_top_level_table_suggests_the_nearest(tmp_path: Path) -> None:
    _, problems = broken(tmp_path, "[[sessions]]", "[[session]]")
    assert [(p.line, p.message) for p in problems] == [
        (14, 'unknown top-level key "session" (did you mean "sessions"?)'),
    ]


def test_unknown_person_key_suggests_the_nearest(tmp_path: Path) -> None:
    _, problems = broken(
        tmp_path,
        'venue = "main-hall"',
        'venue = "main-hall"\npeople = [{ name = "Gurban Masimov", rol = "leads" }]',
    )
    problem = only(problems)
    assert problem.line == 21
    assert problem.message == (
        'festival demo-fest, session opening, people #1: unknown field "rol" (did you mean "role"?)'
    )


def test_suggestions_catch_prefixes_and_case() -> None:
    fields = ["title", "description", "date", "day_change"]
    assert suggest("desc", fields) == ' (did you mean "description"?)'
    assert suggest("Title", fields) == ' (did you mean "title"?)'
    assert suggest("d", ["date", "day_change"]) == ""  # too short to guess from


def test_person_without_a_name(tmp_path: Path) -> None:
    _, problems = broken(
        tmp_path, 'venue = "main-hall"', 'venue = "main-hall"\npeople = [{ role = "host" }]'
    )
    problem = only(problems)
    assert problem.line == 21
    assert problem.message == (
        "festival demo-fest, session opening, people #1: missing required field name"
    )


def test_unknown_key_unrelated_to_any_gets_no_suggestion(tmp_path: Path) -> None:
    _, problems = broken(tmp_path, 'venue = "main-hall"', 'venue = "main-hall"\nzzz = 1')
    problem = only(problems)
    assert problem.line == 21
    assert problem.message == 'festival demo-fest, session opening: unknown field "zzz"'


def test_control_characters_in_keys_are_shown_not_sent(tmp_path: Path) -> None:
    _, problems = broken(tmp_path, 'venue = "main-hall"', 'venue = "main-hall"\n"\\u001b[2J" = 1')
    problem = only(problems)
    assert problem.line == 21
    assert "\x1b" not in problem.message
    assert '"␛[2J"' in problem.message


# --- values --------------------------------------------------------------------------------


def test_unknown_kind_suggests_the_nearest(tmp_path: Path) -> None:
    path, problems = broken(tmp_path, 'kind = "screening"', 'kind = "screenin"')
    problem = only(problems)
    assert problem.file == path
    assert problem.line == 17
    assert problem.message == (
        'festival demo-fest, session opening, field kind: unknown kind "screenin" '
        '(did you mean "screening"?); one of screening, masterclass, workshop, panel, '
        "roundtable, talk, ceremony, meeting, signing, tour, other"
    )


def test_duplicate_venue_id(tmp_path: Path) -> None:
    extra = '\n[[venues]]\nid = "main-hall"\nname = "Another hall"\n'
    path, problems = broken(tmp_path, "", "", extra=extra)
    problem = only(problems)
    assert problem.file == path
    assert problem.line == 23
    assert problem.message == (
        "festival demo-fest, venue main-hall, field id: duplicate venue id (first used at line 11)"
    )


def test_duplicate_session_id(tmp_path: Path) -> None:
    extra = SECOND_SESSION.replace('id = "closing"', 'id = "opening"')
    path, problems = broken(tmp_path, "", "", extra=extra)
    problem = only(problems)
    assert problem.file == path
    assert problem.line == 23
    assert problem.message == (
        "festival demo-fest, session opening, field id: duplicate session id "
        "(first used at line 15)"
    )


def test_duplicate_session_id_is_found_even_when_both_copies_have_other_problems(
    tmp_path: Path,
) -> None:
    extra = SECOND_SESSION.replace('id = "closing"', 'id = "opening"').replace(
        'kind = "ceremony"', 'kind = "party"'
    )
    _, problems = broken(tmp_path, 'title = "Opening night"', 'title = ""', extra=extra)
    assert [p.line for p in problems] == [16, 23, 25]
    assert problems[0].message.endswith("field title: must not be empty")
    assert "duplicate session id" in problems[1].message
    assert 'unknown kind "party"' in problems[2].message


def test_duplicate_festival_id_across_two_files(tmp_path: Path) -> None:
    first = write(tmp_path, GOOD, "a.toml")
    second = write(tmp_path, GOOD.replace("Demo Festival", "Demo again"), "b.toml")
    programme = load_programme([tmp_path])
    assert [f.source_file for f in programme.festivals] == [first]
    assert programme.skipped == (second,)
    problem = only(list(programme.problems))
    assert problem.file == second
    assert problem.line == 2
    assert problem.message == (
        f"festival demo-fest, field id: the same id is already used by {first}"
    )


def test_the_same_file_reached_twice_loads_once(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    programme = load_programme([tmp_path, path])
    assert programme.problems == ()
    assert [f.id for f in programme.festivals] == ["demo-fest"]


def test_venue_reference_to_no_venue(tmp_path: Path) -> None:
    path, problems = broken(tmp_path, 'venue = "main-hall"', 'venue = "main-hal"')
    problem = only(problems)
    assert problem.file == path
    assert problem.line == 20
    assert problem.message == (
        'festival demo-fest, session opening, field venue: no venue with id "main-hal" in '
        'this file (did you mean "main-hall"?)'
    )


def test_bad_venue_reference_does_not_hide_the_sessions_other_problems(tmp_path: Path) -> None:
    _, problems = broken(
        tmp_path,
        'venue = "main-hall"',
        'venue = "nowhere"\nend = 21:00:00',
    )
    assert [p.line for p in problems] == [20]  # start is there: end alone is fine
    _, problems = broken(
        tmp_path,
        'start = 19:00:00\nvenue = "main-hall"',
        'venue = "nowhere"\nend = 21:00:00',
    )
    assert [p.line for p in problems] == [19, 20]
    assert problems[1].message.endswith("field end: an end needs a start")


def test_unknown_timezone(tmp_path: Path) -> None:
    path, problems = broken(tmp_path, 'timezone = "Asia/Baku"', 'timezone = "Asia/Bakuu"')
    problem = only(problems)
    assert problem.file == path
    assert problem.line == 6
    assert problem.message == (
        'festival demo-fest, field timezone: unknown time zone "Asia/Bakuu" '
        '(use an IANA name such as "Asia/Baku")'
    )


@pytest.mark.parametrize("zone", ["", "../../etc/passwd", "/etc/localtime", "Asia", "UTC\x00"])
def test_odd_timezone_names_are_problems(tmp_path: Path, zone: str) -> None:
    escaped = zone.replace("\x00", "\\u0000")
    _, problems = broken(tmp_path, 'timezone = "Asia/Baku"', f'timezone = "{escaped}"')
    problem = only(problems)
    assert problem.line == 6
    assert "field timezone" in problem.message


def test_date_outside_the_festival(tmp_path: Path) -> None:
    path, problems = broken(tmp_path, "date = 2025-12-05", "date = 2025-12-12")
    problem = only(problems)
    assert problem.file == path
    assert problem.line == 18
    assert problem.message == (
        "festival demo-fest, session opening, field date: 2025-12-12 is outside the "
        "festival's dates (2025-12-05 to 2025-12-11)"
    )


def test_date_before_an_open_ended_festival(tmp_path: Path) -> None:
    _, problems = broken(
        tmp_path, "ends = 2025-12-11\n", "", extra=SECOND_SESSION.replace("12-11", "12-01")
    )
    problem = only(problems)
    assert problem.line == 25
    assert problem.message == (
        "festival demo-fest, session closing, field date: 2025-12-01 is outside the "
        "festival's dates (2025-12-05 to …)"
    )


def test_starts_after_ends(tmp_path: Path) -> None:
    path, problems = broken(tmp_path, "starts = 2025-12-05", "starts = 2025-12-12")
    # The sessions are not also flagged as outside a range that makes no sense.
    problem = only(problems)
    assert problem.file == path
    assert problem.line == 7
    assert problem.message == (
        "festival demo-fest, field starts: 2025-12-12 is after ends 2025-12-11"
    )


@pytest.mark.parametrize("title", ['""', '"   "', "'''\n'''"])
def test_empty_title(tmp_path: Path, title: str) -> None:
    path, problems = broken(tmp_path, 'title = "Opening night"', f"title = {title}")
    problem = only(problems)
    assert problem.file == path
    assert problem.line == 16
    assert problem.message == "festival demo-fest, session opening, field title: must not be empty"


def test_end_without_start(tmp_path: Path) -> None:
    path, problems = broken(tmp_path, "start = 19:00:00", "end = 21:00:00")
    problem = only(problems)
    assert problem.file == path
    assert problem.line == 19
    assert problem.message == (
        "festival demo-fest, session opening, field end: an end needs a start"
    )


def test_line_numbers_count_newlines_only(tmp_path: Path) -> None:
    # U+2028, U+2029 and NEL are line breaks to str.splitlines but not to TOML.
    text = GOOD.replace("[festival]", "# a \u2028 comment \x85 with \u2029 odd breaks\n[festival]")
    text = text.replace('kind = "screening"', 'kind = "screenin"')
    path = write(tmp_path, text)
    festival, problems = load_file(path)
    assert festival is None
    assert only(problems).line == 18


def test_multiline_strings_do_not_confuse_the_line_finder(tmp_path: Path) -> None:
    text = GOOD.replace(
        'title = "Opening night"',
        'description = """\n[[sessions]]\nkind = "fake"\n"""\ntitle = "Opening night"',
    ).replace('kind = "screening"', 'kind = "screenin"')
    path = write(tmp_path, text)
    _, problems = load_file(path)
    assert only(problems).line == 21


# --- whole programmes ----------------------------------------------------------------------


def test_a_bad_file_does_not_take_the_good_one_down(tmp_path: Path) -> None:
    good = write(tmp_path, GOOD, "good.toml")
    bad = write(
        tmp_path, GOOD.replace("demo-fest", "other-fest").replace("Asia/Baku", "Baku"), "bad.toml"
    )
    programme = load_programme([tmp_path])
    assert [f.source_file for f in programme.festivals] == [good]
    assert programme.skipped == (bad,)
    assert [(p.file, p.line) for p in programme.problems] == [(bad, 6)]
    assert programme.errors == programme.problems


def test_every_problem_in_every_file_is_reported_in_one_run(tmp_path: Path) -> None:
    first = write(tmp_path, GOOD.replace('kind = "screening"', 'kind = "film"'), "1.toml")
    second = write(
        tmp_path,
        GOOD.replace("demo-fest", "second-fest")
        .replace('city = "Baku"', 'cty = "Baku"')
        .replace("date = 2025-12-05", "date = 2026-01-01"),
        "2.toml",
    )
    third = write(tmp_path, "[festival\n", "3.toml")
    missing = tmp_path / "missing.toml"
    programme = load_programme([tmp_path, missing])
    assert programme.festivals == ()
    assert programme.skipped == (first, second, third)
    assert [(p.file, p.line) for p in programme.problems] == [
        (missing, None),
        (first, 17),
        (second, 4),  # unknown "cty"
        (second, 18),  # date outside
        (third, 1),
    ]
    assert 'did you mean "city"?' in programme.problems[2].message


def test_empty_file_is_missing_its_festival(tmp_path: Path) -> None:
    path = write(tmp_path, "")
    festival, problems = load_file(path)
    assert festival is None
    assert only(problems).message == "missing the [festival] table"


def test_festivals_are_sorted_by_start_then_name(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "z.toml")
    later = GOOD.replace("demo-fest", "later-fest").replace("2025-12-", "2026-01-")
    write(tmp_path, later, "a.toml")
    undated = GOOD.replace("demo-fest", "undated").replace("starts = 2025-12-05\n", "")
    write(tmp_path, undated.replace("ends = 2025-12-11\n", ""), "m.toml")
    programme = load_programme([tmp_path])
    assert programme.problems == ()
    assert [f.id for f in programme.festivals] == ["demo-fest", "later-fest", "undated"]
    assert programme.session("later-fest/opening") is not None
    assert programme.session("nope/opening") is None


# --- the model in time ---------------------------------------------------------------------


def session(
    ident: str,
    day: date | None = date(2025, 12, 7),
    start: time | None = None,
    end: time | None = None,
    title: str | None = None,
) -> Session:
    return Session(
        festival_id="demo-fest",
        id=ident,
        title=title or ident,
        kind=Kind.TALK,
        timezone=BAKU,
        date=day,
        start=start,
        end=end,
    )


def test_starts_at_and_ends_at_are_aware_in_the_festival_zone() -> None:
    talk = session("talk", start=time(14, 0), end=time(15, 30))
    assert talk.starts_at == datetime(2025, 12, 7, 14, 0, tzinfo=BAKU)
    assert talk.starts_at.utcoffset() == timedelta(hours=4)
    assert talk.starts_at.tzinfo is BAKU
    assert talk.ends_at == datetime(2025, 12, 7, 15, 30, tzinfo=BAKU)


def test_an_end_before_the_start_runs_past_midnight() -> None:
    night = session("night", start=time(23, 0), end=time(1, 30))
    assert night.ends_at == datetime(2025, 12, 8, 1, 30, tzinfo=BAKU)
    assert night.ends_at - night.starts_at == timedelta(hours=2, minutes=30)


def test_tba_sessions_have_no_moments() -> None:
    assert session("no-time").starts_at is None
    assert session("no-time").ends_at is None
    assert session("no-date", day=None, start=time(10)).starts_at is None
    assert session("no-end", start=time(10)).ends_at is None


def test_sort_key_puts_time_tba_after_timed_sessions_and_date_tba_last() -> None:
    tba = session("a-tba")
    late = session("late", start=time(20))
    early = session("early", start=time(9))
    next_day = session("next", day=date(2025, 12, 8))
    undated = session("undated", day=None)
    ordered = sorted([undated, tba, next_day, late, early], key=Session.sort_key)
    assert [s.id for s in ordered] == ["early", "late", "a-tba", "next", "undated"]


def test_sort_key_breaks_ties_by_title_without_case() -> None:
    b = session("one", start=time(14), title="beta")
    a = session("two", start=time(14), title="Alpha")
    assert sorted([b, a], key=Session.sort_key) == [a, b]


def test_overlaps() -> None:
    a = session("a", start=time(14), end=time(16))
    b = session("b", start=time(15), end=time(17))
    c = session("c", start=time(16), end=time(17))
    point_in_a = session("p", start=time(15))
    same_point = session("q", start=time(15))
    tba = session("tba")
    other_day = session("d", day=date(2025, 12, 8), start=time(15))
    assert a.overlaps(b) and b.overlaps(a)
    assert not a.overlaps(c) and not c.overlaps(a)  # one ends as the other begins
    assert a.overlaps(point_in_a) and point_in_a.overlaps(a)
    assert point_in_a.overlaps(same_point)
    assert not a.overlaps(tba) and not tba.overlaps(a)
    assert not point_in_a.overlaps(other_day)


def test_overlaps_across_midnight() -> None:
    night = session("night", start=time(23), end=time(2))
    after = session("after", day=date(2025, 12, 8), start=time(1))
    assert night.overlaps(after)


def test_is_past() -> None:
    talk = session("talk", start=time(14), end=time(15))
    assert not talk.is_past(datetime(2025, 12, 7, 14, 30, tzinfo=BAKU))
    assert talk.is_past(datetime(2025, 12, 7, 15, 0, tzinfo=BAKU))
    # the same moment seen from another zone
    assert talk.is_past(datetime(2025, 12, 7, 11, 0, tzinfo=ZoneInfo("UTC")))
    assert not talk.is_past(datetime(2025, 12, 7, 10, 59, tzinfo=ZoneInfo("UTC")))

    # no end announced: it may still be on, so (as in now & next) past only after its day
    open_ended = session("open-ended", start=time(14))
    assert not open_ended.is_past(datetime(2025, 12, 7, 14, 10, tzinfo=BAKU))
    assert not open_ended.is_past(datetime(2025, 12, 7, 23, 59, tzinfo=BAKU))
    # its festival day runs to 05:00 (the default boundary): the night is still its day
    assert not open_ended.is_past(datetime(2025, 12, 8, 4, 59, tzinfo=BAKU))
    assert open_ended.is_past(datetime(2025, 12, 8, 5, 0, tzinfo=BAKU))

    tba = session("tba")  # time TBA: past only when its whole festival day is
    assert not tba.is_past(datetime(2025, 12, 8, 4, 59, tzinfo=BAKU))
    assert tba.is_past(datetime(2025, 12, 8, 5, 0, tzinfo=BAKU))

    # a report says it has taken place: past from the day after the report, date or none
    held = dataclasses.replace(
        undated_session := session("held", day=None), held_by=date(2025, 7, 22)
    )
    assert not undated_session.is_past(datetime(2025, 7, 23, tzinfo=BAKU))
    assert not held.is_past(datetime(2025, 7, 22, 23, 0, tzinfo=BAKU))
    assert held.is_past(datetime(2025, 7, 23, 0, 0, tzinfo=BAKU))

    undated = session("undated", day=None)
    assert not undated.is_past(datetime(2099, 1, 1, tzinfo=BAKU))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date", "9999-12-31", "field date: 9999-12-31 is out of range (years 1900 to 2999)"),
        ("date", "1066-10-14", "field date: 1066-10-14 is out of range (years 1900 to 2999)"),
    ],
)
def test_dates_far_out_are_mistakes(tmp_path: Path, field: str, value: str, message: str) -> None:
    path = tmp_path / "far.toml"
    path.write_text(
        '[festival]\nid = "far"\nname = "Far"\ncity = "Baku"\ncountry = "Azerbaijan"\n'
        'timezone = "Asia/Baku"\n\n[[sessions]]\nid = "s"\ntitle = "S"\nkind = "talk"\n'
        f"{field} = {value}\n",
        encoding="utf-8",
    )
    programme = load_programme([path])
    assert not programme.festivals
    assert [(p.line, p.message) for p in programme.problems] == [
        (12, f"festival far, session s, {message}")
    ]


def test_a_festival_longer_than_a_year_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.toml"
    path.write_text(
        '[festival]\nid = "long"\nname = "Long"\ncity = "Baku"\ncountry = "Azerbaijan"\n'
        'timezone = "Asia/Baku"\nstarts = 1900-01-01\nends = 2999-12-30\n',
        encoding="utf-8",
    )
    programme = load_programme([path])
    assert not programme.festivals
    (problem,) = programme.problems
    assert problem.line == 8
    assert "field ends: 1900-01-01 to 2999-12-30 is longer than 366 days" in problem.message


def test_is_on_at() -> None:
    talk = session("talk", start=time(14), end=time(15))
    assert talk.is_on_at(datetime(2025, 12, 7, 14, 0, tzinfo=BAKU))
    assert not talk.is_on_at(datetime(2025, 12, 7, 15, 0, tzinfo=BAKU))
    assert not session("tba").is_on_at(datetime(2025, 12, 7, 14, 0, tzinfo=BAKU))


def make_festival(
    sessions: tuple[Session, ...], starts: date | None = None, ends: date | None = None
) -> Festival:
    return Festival(
        id="demo-fest",
        name="Demo",
        city="Baku",
        country="Azerbaijan",
        timezone=BAKU,
        source_file=Path("demo.toml"),
        starts=starts,
        ends=ends,
        sessions=sessions,
    )


def test_festival_days_span_starts_to_ends() -> None:
    festival = make_festival(
        (session("x", day=date(2025, 12, 7)), session("y", day=None)),
        starts=date(2025, 12, 5),
        ends=date(2025, 12, 8),
    )
    assert festival.days == (
        date(2025, 12, 5),
        date(2025, 12, 6),
        date(2025, 12, 7),
        date(2025, 12, 8),
    )


def test_festival_days_without_dates_come_from_the_sessions() -> None:
    festival = make_festival(
        (
            session("x", day=date(2025, 12, 9)),
            session("y", day=date(2025, 12, 6)),
            session("z", day=date(2025, 12, 9)),
            session("tba", day=None),
        )
    )
    assert festival.days == (date(2025, 12, 6), date(2025, 12, 9))
    assert make_festival(()).days == ()


def test_sessions_on_a_day_and_date_tba() -> None:
    a = session("a", start=time(18))
    b = session("b", start=time(9))
    undated = session("undated", day=None)
    festival = make_festival((a, b, undated))
    assert festival.sessions_on(date(2025, 12, 7)) == (b, a)
    assert festival.sessions_on(None) == (undated,)


def test_programme_lookups(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    programme = load_programme([tmp_path])
    assert programme.festival("demo-fest") is not None
    assert programme.session("demo-fest/opening") is not None
    assert len(programme.sessions) == 1
    assert len(programme.venues) == 1


def test_bundled_files_survive_a_copy(tmp_path: Path) -> None:
    # The loader reads from any folder, not only the package's.
    data = Path(__file__).resolve().parents[1] / "data"
    for file in data.glob("*.toml"):
        shutil.copy(file, tmp_path / file.name)
    programme = load_programme([tmp_path])
    assert programme.problems == ()
    assert len(programme.festivals) == 3


def test_a_person_problem_points_at_that_persons_line(tmp_path: Path) -> None:
    _, problems = broken(
        tmp_path,
        'venue = "main-hall"',
        'venue = "main-hall"\npeople = [\n  { name = "Gurban Masimov" },\n  { nam = "Ali" },\n]',
    )
    assert [(p.line, p.message.split(", ")[-1]) for p in problems] == [
        (23, 'people #2: unknown field "nam" (did you mean "name"?)'),
        (23, "people #2: missing required field name"),
    ]


def test_triple_quotes_in_a_comment_or_string_do_not_hide_later_lines(tmp_path: Path) -> None:
    _, problems = broken(
        tmp_path,
        'venue = "main-hall"',
        'venue = "main-hall"  # says """ here\nnote = "a \\"\\"\\" b"\nzzz = 1',
    )
    lines = [p.line for p in problems if "zzz" in p.message]
    assert lines == [22]
