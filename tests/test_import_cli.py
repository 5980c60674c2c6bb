"""`tui-guide import` on the command line: where the TOML goes, what it refuses, and the
options that fill in what a schedule does not say."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tui_guide.cli import main
from tui_guide.library.load import load_programme

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
    assert captured.out == (f"Wrote {out}: Example Free Software Days, 2 venues, 4 sessions\n")
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
    block = doc.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].split()[1:] for line in block.splitlines() if line.strip()]
    assert len(commands) == 8
    for argv in commands:
        build_parser().parse_args(argv)
