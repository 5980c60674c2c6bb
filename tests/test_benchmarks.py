"""The benchmark runs, quickly, so that it cannot rot. No time is asserted: machines differ."""

from __future__ import annotations

from pathlib import Path

from benchmark_runs import run_benchmark, write_programme


def test_make_programme_is_deterministic_and_valid(tmp_path: Path) -> None:
    from tui_guide.library.load import load_programme

    first = write_programme(tmp_path / "a", 300)
    second = write_programme(tmp_path / "b", 300)
    assert first.read_bytes() == second.read_bytes()
    programme = load_programme([first], cache=False)
    assert not programme.problems
    sessions = programme.sessions
    assert len(sessions) == 300
    assert any(s.date is None for s in sessions)  # date TBA
    assert any(s.date is not None and s.start is None for s in sessions)  # time TBA
    assert any(s.venue is None for s in sessions)  # venue TBA
    assert any(s.end is not None and s.start is not None and s.end < s.start for s in sessions)
    assert any(any(c in s.title for c in "ıİəğşçöü") for s in sessions)


def test_quick_benchmark_writes_its_table(tmp_path: Path) -> None:
    output = tmp_path / "performance.md"
    output.write_text(
        "# Performance\n\nabove\n\n<!-- results: written by python -m benchmarks -->\n"
        "STALE-RESULTS\n<!-- end of results -->\n\nbelow, kept\n",
        "utf-8",
    )
    run_benchmark("benchmarks", "--quick", "--output", str(output))
    text = output.read_text("utf-8")
    assert "STALE-RESULTS" not in text and "below, kept" in text and "above" in text
    for label in (
        "plain tomllib.load",
        "cold load, no cache",
        "warm start, first paint (busiest day)",
        "search: median / p95 of 200",
        "busiest day: open the tab",
        "busiest day: scroll to the end",
        "busiest day: open the timetable (t)",
        "busiest day: timetable from the day before (])",
        "busiest day: timetable grid built alone",
        "favourite toggle, saved: median / p95",
        "peak RSS (warm start)",
        "cold validate (writes no cache)",
    ):
        assert f"| {label} |" in text
    # Each of issue 14's targets, as a ratio of this run's figures.
    assert "Issue 14's targets" in text
    for target in ("≤ 1.5×", "≤ 1.3×", "≤ 0.5×", "≤ 100 MiB", "≤ 150.0 ms", "≤ 50.0 ms"):
        assert f"| {target} |" in text
    assert "Seed programme" in text
