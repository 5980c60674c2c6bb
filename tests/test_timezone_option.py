"""`--timezone` on every command that loads a programme (validate, list, export, import;
the guide's own is in tests/tui/test_zones.py): it names the zone of a schedule that names
none, keeping its wall clock, and changes nothing in our TOML files."""

from __future__ import annotations

import json
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tui_guide.cli import main

TESTS = Path(__file__).parent
NO_ZONE = TESTS / "data" / "schedules" / "no-zone.xml"
EXAMPLE = TESTS / "data" / "example.toml"
MONTREAL = ZoneInfo("America/Montreal")
GUESSED = (
    f"{NO_ZONE}: warning: no time_zone_name: the zone is taken as UTC from the offsets of the "
    "times in the file (give --timezone to name the real one)"
)
MOVED = (
    f"{NO_ZONE}:17: warning: the date and start of 4 events disagree (event a1000000-0000-4000-"
    "8000-000000000001: date 2017-08-06T10:00:00+00:00 is 06:00 in America/Montreal, start "
    "10:00): each is put at its start, the wall clock, on that day"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


@pytest.mark.parametrize("where", ["after", "before"])
def test_validate_reads_a_schedule_with_no_zone_in_the_zone_given(
    capsys: pytest.CaptureFixture[str], where: str
) -> None:
    option = ["--timezone", "America/Montreal"]
    command = ["validate", str(NO_ZONE)]
    argv = [*option, *command] if where == "before" else [*command, *option]
    status, out, err = run(capsys, *argv)
    assert (status, err) == (0, MOVED + "\n")
    assert out.startswith("OK: 1 festival, 1 venue, 4 sessions")


def test_without_it_the_zone_is_guessed_and_the_warning_asks_for_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "validate", str(NO_ZONE))
    assert (status, err) == (0, GUESSED + "\n")
    assert out.startswith("OK: 1 festival, 1 venue, 4 sessions")


def test_list_shows_the_wall_clock_in_the_zone_given(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "list", "--data", str(NO_ZONE), "--timezone", "America/Montreal")
    assert status == 0 and err == MOVED + "\n"
    shown = lines(out)
    assert shown[0] == "Example Zoneless Conf — place TBA, America/Montreal"
    assert any(line.startswith("│ Sun 6 Aug │ 10:00–10:45 │ Opening") for line in shown)
    assert any(line.startswith("│ Mon 7 Aug │ 00:30–01:30 │ Night") for line in shown)


def test_export_writes_the_instants_of_the_zone_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "day.ics"
    argv = ["export", "--data", str(NO_ZONE), "--timezone", "America/Montreal", "-o", str(out)]
    assert run(capsys, *argv)[0] == 0
    events = {e["summary"]: e for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    opening = events["Opening"]
    assert opening["dtstart"].params["TZID"] == "America/Montreal"
    assert opening.decoded("dtstart") == datetime(2017, 8, 6, 10, tzinfo=MONTREAL)
    assert opening.decoded("dtstart").astimezone(UTC) == datetime(2017, 8, 6, 14, tzinfo=UTC)


def test_import_writes_the_zone_given_and_the_wall_clock(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "conf.toml"
    argv = ["import", str(NO_ZONE), "--timezone", "America/Montreal", "-o", str(out)]
    status, _, err = run(capsys, *argv)
    assert status == 0 and err == MOVED + "\n"
    document = tomllib.loads(out.read_text("utf-8"))
    assert document["festival"]["timezone"] == "America/Montreal"
    starts = {s["title"]: (s["date"], s["start"]) for s in document["sessions"]}
    assert starts["Opening"] == (datetime(2017, 8, 6).date(), datetime(2017, 8, 6, 10).time())
    assert starts["Night hacking"] == (
        datetime(2017, 8, 7).date(),
        datetime(2017, 8, 7, 0, 30).time(),
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", str(EXAMPLE)],
        ["list", "--data", str(EXAMPLE)],
        ["export", "--data", str(EXAMPLE), "-o", "-"],
        ["favourites", "list", "--data", str(EXAMPLE)],
    ],
)
def test_our_toml_names_its_zone_and_ignores_it(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    def stable(result: tuple[int, str, str]) -> tuple[int, list[str], str]:
        # A calendar's DTSTAMP is the moment it is written: two runs can straddle a second.
        status, out, err = result
        return status, [line for line in out.splitlines() if not line.startswith("DTSTAMP")], err

    zoned = run(capsys, *argv, "--timezone", "America/Montreal")
    assert stable(zoned) == stable(run(capsys, *argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["validate"],
        ["list"],
        ["export", "-o", "-"],
        ["import", str(NO_ZONE)],
        ["favourites", "list"],
        [],  # the guide
    ],
)
def test_an_unknown_zone_is_a_usage_error_everywhere(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*argv, "--timezone", "Mars/Olympus"])
    assert exit_.value.code == 2
    assert "unknown time zone 'Mars/Olympus'" in capsys.readouterr().err


def _ics(tmp_path: Path, head: str) -> Path:
    path = tmp_path / "days.ics"
    path.write_bytes(
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{head}BEGIN:VEVENT\r\nUID:e1\r\n"
        "DTSTART:20260514T100000\r\nDTEND:20260514T110000\r\nSUMMARY:Floating\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n".encode()
    )
    return path


def test_an_icalendar_file_of_floating_times_is_read_in_the_zone_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _ics(tmp_path, "X-WR-CALNAME:Days\r\n")
    argv = ["list", "--data", str(path), "--format", "json", "--timezone", "Asia/Tokyo"]
    status, out, err = run(capsys, *argv)
    assert (status, err) == (0, "")  # nothing guessed, nothing to say
    (session,) = json.loads(out)["sessions"]
    assert (session["timezone"], session["starts_at"]) == (
        "Asia/Tokyo",
        "2026-05-14T10:00:00+09:00",
    )


def test_an_icalendar_file_that_names_its_zone_keeps_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _ics(tmp_path, "X-WR-CALNAME:Days\r\nX-WR-TIMEZONE:Europe/Berlin\r\n")
    argv = ["list", "--data", str(path), "--format", "json", "--timezone", "Asia/Tokyo"]
    status, out, err = run(capsys, *argv)
    assert status == 0
    assert err == (
        f'{path}: warning: the file names its time zone, "Europe/Berlin"; --timezone '
        "Asia/Tokyo is for files that name none, and is not used\n"
    )
    (session,) = json.loads(out)["sessions"]
    assert session["starts_at"] == "2026-05-14T10:00:00+02:00"
