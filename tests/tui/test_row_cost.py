"""Rows of a long list are cheap to make and to measure again: texts that repeat from row to
row are one Content, and a row's height at a width is worked out once."""

from __future__ import annotations

from dataclasses import replace

from textual.css.styles import RulesMap

from tui_guide.tui.widgets import rows as rows_module
from tui_guide.tui.widgets.session_list import session_row


def test_performances_of_a_show_share_their_texts(programme) -> None:
    session = next(s for s in programme.sessions if s.venue is not None)
    again = replace(session, id=f"{session.id}-again")  # another performance
    first = session_row(session, favourite=False)
    second = session_row(again, favourite=True)
    assert first.body[0] is second.body[0]  # the title
    assert first.body[1] is second.body[1]  # kind and venue
    assert second.mark != first.mark


def test_a_rows_height_is_measured_once_per_width(programme, monkeypatch) -> None:
    row = session_row(programme.sessions[0], favourite=False)
    rules: RulesMap = {}
    calls = []
    counted = rows_module.line_count

    def counting(*args, **kwargs):
        calls.append(args[2])
        return counted(*args, **kwargs)

    monkeypatch.setattr("tui_guide.tui.widgets.session_list.line_count", counting)
    assert row.get_height(rules, 80) == row.get_height(rules, 80) >= 2
    assert len(calls) == len(row.body)
    narrow = row.get_height(rules, 30)
    assert narrow >= row.get_height(rules, 80)
    assert len(calls) == 2 * len(row.body)


def test_a_rows_time_is_worked_out_when_it_is_first_drawn(programme, monkeypatch) -> None:
    from textual.style import Style
    from textual.visual import RenderOptions

    from tui_guide.tui.widgets import session_list

    calls = []
    formatted = session_list.time_range

    def counting(*args, **kwargs):
        calls.append(args[0])
        return formatted(*args, **kwargs)

    monkeypatch.setattr(session_list, "time_range", counting)
    session = next(s for s in programme.sessions if s.start is not None)
    row = session_row(session, favourite=False)
    assert row.get_height({}, 80) >= 2 and calls == []  # measured, not yet drawn
    strips = row.render_strips(80, None, Style(), RenderOptions(lambda _: None, {}))
    assert calls == [session]
    assert strips[0].text.startswith(f"{session.start:%H:%M}")
    row.render_strips(80, None, Style(), RenderOptions(lambda _: None, {}))
    assert calls == [session]  # once


def test_heights_worked_out_ahead_are_those_the_list_would_work_out(programme) -> None:
    from datetime import datetime

    from tui_guide.tui.widgets import session_list

    session_list._HEIGHTS.clear()
    sessions = list(programme.sessions)
    moment = datetime(2025, 12, 7, 12, 0, tzinfo=programme.festivals[0].timezone)
    session_list.measure_ahead(sessions, 40, lambda _session: moment)
    assert len(session_list._HEIGHTS) == len(sessions)
    for session in sessions:
        made = (session.key, True, None, None, None, session.is_past(moment), True)
        # Remembered whatever the star and the zone (neither changes a row's height).
        assert session_list.remembered_height(session, made, 40) == (
            session_list.row_height(session, made, 40)
        )
    assert len(session_list._HEIGHTS) == len(sessions)  # nothing measured again


def test_a_remembered_height_is_never_another_sessions(programme) -> None:
    from tui_guide.tui.widgets import session_list

    session = programme.sessions[0]
    made = (session.key, False, None, None, None, False, True)
    short = session_list.remembered_height(session, made, 40)
    longer = replace(session, title=" ".join(["word"] * 40))  # the same key, another title
    assert session_list.remembered_height(longer, made, 40) > short
    # A note under the row is part of its height.
    noted = (session.key, False, None, "a clash\nand a walk", None, False, True)
    assert session_list.remembered_height(session, noted, 40) == short + 2
