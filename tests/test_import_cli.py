"""`tui-guide import` on the command line: where the TOML goes, what it refuses, and the
options that fill in what a schedule does not say."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tui_guide.cli import main
from tui_guide.library.load import load_programme
from tui_guide.programme.model import Festival

DATA = Path(__file__).parent / "data"
PENTABARF = DATA / "schedules" / "pentabarf.xml"


def test_import_prints_the_toml_without_an_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(PENTABARF), "--timezone", "Europe/Brussels"]) == 0
    captured = capsys.readouterr()
    document = tomllib.loads(captured.out)
    assert document["festival"]["timezone"] == "Europe/Brussels"
    assert document["festival"]["city"] == "Brussels"
    assert len(document["sessions"]) == 4
    assert captured.err == ""


def test_import_warns_when_the_zone_is_a_guess(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "fsd.toml"
    assert main(["import", str(PENTABARF), "-o", str(out), "--country", "Belgium"]) == 0
    captured = capsys.readouterr()
    assert captured.err == (
        f"{PENTABARF}: warning: no time zone in the file: times are read as UTC (give --timezone)\n"
    )
    # The warning is counted where the result is said, as validate counts it.
    assert captured.out == (
        f"Wrote {out}: Example Free Software Days, 2 venues, 4 sessions; 1 warning\n"
    )
    festival = load_programme([out]).festivals[0]
    assert (festival.city, festival.country, festival.timezone.key) == (
        "Brussels",
        "Belgium",
        "UTC",
    )


def test_import_does_not_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "festival.toml"
    out.write_text("keep me", encoding="utf-8")
    assert main(["import", str(PENTABARF), "-o", str(out)]) == 2
    assert "already exists; give --force to overwrite it" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "keep me"
    assert main(["import", str(PENTABARF), "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("[festival]\n")


def test_import_refuses_toml_and_missing_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(DATA / "example.toml")]) == 2
    assert "a TOML programme needs no import" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "nowhere.xml")]) == 2
    assert "nowhere.xml: cannot read" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "found"), [("[1, 2]", "an array"), (" 42\n", "a number"), ('"x"', "a string")]
)
def test_import_of_json_that_is_no_object_is_not_a_schedule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, found: str
) -> None:
    path = tmp_path / "schedule.json"
    path.write_text(content, encoding="utf-8")
    assert main(["import", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"{path}: not a schedule: JSON holding {found}, where a schedule.json holds an object\n"
    )


def test_an_unknown_timezone_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["import", str(PENTABARF), "--timezone", "Mars/Olympus"])
    assert exit_.value.code == 2
    assert "unknown time zone 'Mars/Olympus'" in capsys.readouterr().err


def test_a_schedule_in_latin_1_reads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        PENTABARF.read_text(encoding="utf-8")
        .replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
        .replace("Ada Example", "Adé Exämple")
    )
    path = tmp_path / "latin.xml"
    path.write_bytes(text.encode("latin-1"))
    assert main(["validate", str(path)]) == 0
    programme = load_programme([path])
    names = [p.name for s in programme.sessions for p in s.people]
    assert names == ["Adé Exämple"]


def test_the_same_schedule_twice_is_a_duplicate_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        PENTABARF.read_text(encoding="utf-8")
        .replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
        .replace("Ada Example", "Adé")
    )
    (tmp_path / "a.xml").write_bytes(text.encode("latin-1"))
    (tmp_path / "b.xml").write_bytes(text.encode("latin-1"))
    assert main(["validate", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert (
        f"{tmp_path / 'b.xml'}: festival example-free-software-days, field id: the same id is "
        f"already used by {tmp_path / 'a.xml'}"
    ) in err
    assert "Traceback" not in err


def test_the_documented_kinds_are_the_mapping() -> None:
    import re

    from tui_guide.formats.schedule.kinds import kind_of

    doc = (Path(__file__).parents[1] / "docs" / "importing.md").read_text(encoding="utf-8")
    section = doc.split("**Kinds.**", 1)[1].split("\n\n", 1)[0]
    pairs = re.findall(r"((?:\*[^*]+\*,?\s*)+)→\s*`(\w+)`", section)
    assert len(pairs) == 8
    for words, kind in pairs:
        for word in re.findall(r"\*([^*]+)\*", words):
            assert kind_of(word).value == kind, word
    assert "any other type is `other`" in section
    assert kind_of("hackathon").value == "other"
    assert "no type at all is a `talk`" in section
    assert kind_of("").value == "talk"


def test_the_documented_commands_parse() -> None:
    from tui_guide.cli.main import build_parser

    doc = (Path(__file__).parents[1] / "docs" / "importing.md").read_text(encoding="utf-8")
    blocks = [part.split("```", 1)[0] for part in doc.split("```sh\n")[1:]]
    commands = [
        [line.split("#")[0].split()[1:] for line in block.splitlines() if line.strip()]
        for block in blocks
    ]
    assert [len(found) for found in commands] == [10, 4]  # the first block, and --timezone's
    for argv in (argv for found in commands for argv in found):
        build_parser().parse_args(argv)


# --- warnings and errors, counted alike; what import writes is checked first ------------------

SCHEDULES = DATA / "schedules"


def test_validate_passes_with_warnings_and_says_how_many(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", str(PENTABARF)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "OK: 1 festival, 2 venues, 4 sessions; 1 warning\n"
    assert captured.err == (
        f"{PENTABARF}: warning: no time zone in the file: times are read as UTC (give --timezone)\n"
    )


def test_validate_strict_makes_warnings_fail(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--strict", str(PENTABARF)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines()[-1] == "1 warning, and --strict makes warnings fail"
    # Nothing to warn of: --strict passes.
    assert main(["validate", "--strict", str(DATA / "example.toml")]) == 0
    assert capsys.readouterr().out == "OK: 1 festival, 2 venues, 6 sessions\n"


def test_validate_counts_errors_and_warnings_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.xml").write_bytes(PENTABARF.read_bytes())
    (tmp_path / "b.toml").write_text("[festival\n", encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == "1 error in 1 file; 1 warning"


@pytest.mark.parametrize(
    "name",
    ["pentabarf.xml", "pentabarf-2007.xml", "static-site.xml", "frab-2013.json", "repeated.json"],
)
def test_validate_and_import_count_the_same_problems(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = SCHEDULES / name
    assert main(["validate", str(source)]) == 0
    validated = capsys.readouterr()
    assert main(["import", str(source), "-o", str(tmp_path / "out.toml")]) == 0
    imported = capsys.readouterr()
    assert imported.err == validated.err  # the same warnings, word for word
    warned = len(validated.err.splitlines())
    said = f"{warned} warning{'s' if warned > 1 else ''}" if warned else ""
    assert validated.out.strip().partition("; ")[2] == said
    assert imported.out.strip().partition("; ")[2] == said
    assert main(["validate", str(tmp_path / "out.toml")]) == 0


def _broken(replace: str, by: str):
    from tui_guide.formats.toml.write import write_toml

    def write(festival: Festival) -> str:
        text = write_toml(festival)
        assert replace in text
        return text.replace(replace, by, 1)

    return write


@pytest.mark.parametrize("output", [True, False])
def test_what_import_would_write_is_checked_and_said_of_the_source_event(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    output: bool,
) -> None:
    # Should the writer ever write what the loader refuses, nothing is written (nor
    # printed), and the message names the schedule's event and its line, not the TOML.
    writer = _broken('title = "Late night hacking"', 'title = " "')
    monkeypatch.setattr("tui_guide.cli.importing.write_toml", writer)
    out = tmp_path / "fsd.toml"
    argv = ["import", str(PENTABARF), *(["-o", str(out)] if output else [])]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert not out.exists()
    assert captured.err.splitlines()[1:] == [
        f"{PENTABARF}:38: event 9002: cannot be written as the guide's TOML: festival "
        "example-free-software-days, session 9002, field title: must not be empty",
        f"{PENTABARF}: nothing written (1 error; 1 warning)",
    ]


def test_a_venue_that_would_not_load_is_said_of_its_room(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        "tui_guide.cli.importing.write_toml", _broken('name = "Janson"', 'name = ""')
    )
    assert main(["import", str(PENTABARF), "-o", str(tmp_path / "x.toml")]) == 2
    assert (
        f'{PENTABARF}:18: room "Janson": cannot be written as the guide\'s TOML: festival '
        "example-free-software-days, venue janson, field name: must not be empty"
    ) in capsys.readouterr().err
