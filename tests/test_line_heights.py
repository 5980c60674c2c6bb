"""`LineHeights`: a long list's starts from guessed heights, settled where asked and, in
the end, everywhere: whatever the guesses and the order of the work, the result is the exact
layout, and each step makes exact what it promises."""

from __future__ import annotations

from itertools import accumulate

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.tui.widgets.line_heights import LineHeights

heights = st.lists(st.integers(1, 6), min_size=0, max_size=120)

steps = st.lists(
    st.one_of(
        st.tuples(st.just("around"), st.integers(0, 130), st.integers(0, 30)),
        st.tuples(st.just("lines"), st.integers(0, 400), st.integers(0, 40)),
        st.tuples(st.just("next"), st.integers(1, 40), st.just(0)),
        st.tuples(st.just("range"), st.integers(0, 130), st.integers(0, 20)),
    ),
    max_size=12,
)


def exact_starts(exact: list[int]) -> list[int]:
    return [0, *accumulate(exact)]


def made(
    exact: list[int], guesses: list[int], known: list[bool] | None = None
) -> tuple[LineHeights, list[tuple[int, int]]]:
    asked: list[tuple[int, int]] = []

    def measure(start: int, stop: int) -> list[int]:
        asked.append((start, stop))
        return exact[start:stop]

    return LineHeights(guesses, measure, exact=known or False), asked


@settings(max_examples=examples(200))
@given(st.data(), heights, steps)
def test_settled_everywhere_it_is_the_exact_layout(data, exact, work) -> None:
    size = {"min_size": len(exact), "max_size": len(exact)}
    guesses = data.draw(st.lists(st.integers(0, 6), **size))
    known = data.draw(st.lists(st.booleans(), **size))  # these heights known from the start
    guesses = [e if k else g for e, g, k in zip(exact, guesses, known, strict=True)]
    lines, asked = made(exact, guesses, known)
    for step, a, b in work:
        if step == "around":
            lines.settle_around(a, b)
            if exact:
                index = min(a, len(exact) - 1)
                starts = lines.starts
                for n in range(len(exact)):  # every entry within b lines of it, exact
                    if starts[n + 1] > starts[index] - b and starts[n] < starts[index + 1] + b:
                        assert lines.is_exact(n)
        elif step == "lines":
            lines.settle_lines(a, a + b)
            starts = lines.starts
            for n in range(len(exact)):  # every entry showing a line of the span, exact
                if starts[n] < a + b and starts[n + 1] > a:
                    assert lines.is_exact(n)
        elif step == "next":
            lines.settle_next(a)
        else:
            lines.settle(a, a + b)
            assert all(lines.is_exact(n) for n in range(a, min(a + b, len(exact))))
        for n in range(len(exact)):  # what is exact is right, and the starts agree
            if lines.is_exact(n):
                assert lines.height(n) == exact[n]
        assert lines.starts == [0, *accumulate(lines.height(n) for n in range(len(exact)))]
    while not lines.settled:
        lines.settle_next(7)
    assert lines.starts == exact_starts(exact)
    assert lines.total == sum(exact)
    measured = [n for start, stop in asked for n in range(start, stop)]
    # each entry not known measured once, those known never
    assert sorted(measured) == [n for n in range(len(exact)) if not known[n]]


@given(heights)
def test_exact_heights_need_no_measuring(exact) -> None:
    asked: list[int] = []
    lines = LineHeights(exact, lambda start, stop: asked.append(start) or [], exact=True)
    assert lines.settled and lines.starts == exact_starts(exact)
    lines.settle(0, len(exact))
    lines.settle_around(0, 10)
    assert asked == []
    for line in range(sum(exact)):
        index = lines.entry_at_line(line)
        assert index is not None and lines.starts[index] <= line < lines.starts[index + 1]
    assert lines.entry_at_line(sum(exact)) is None and lines.entry_at_line(-1) is None


def test_the_next_slice_starts_after_what_is_already_exact() -> None:
    exact = [2] * 10
    lines, asked = made(exact, [1] * 10)
    lines.settle(0, 3)
    lines.settle(5, 6)
    assert lines.settle_next(3) == (3, 3)  # entries 3, 4 and 6, each a line taller
    assert asked[-1] == (6, 7) and asked[-2] == (3, 5)
    assert lines.settle_next(100) == (7, 3)
    assert lines.settled and lines.settle_next(5) == (10, 0)
